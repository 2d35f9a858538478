// SPDX-License-Identifier: MIT
/*
 * Host tests of the broadcast tlbivax queue (ports/ppc-booke/
 * tlbi_queue.c): operands taken in order and applied exactly to another
 * vCPU's guest TLB (the page named goes, others and IPROT entries stay,
 * TLBSEL and INV_ALL honoured), the sequence numbers an issuer waits
 * for, across their wrap, an overflow turning into the invalidation of
 * every entry without IPROT, and a reset dropping what is pending.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <asm/tlbi_queue.h>

static struct tlbi_queue q;
static struct guest_tlb tlb;

static int setup(void **state)
{
	(void)state;
	q = (struct tlbi_queue){ 0 };
	gtlb_init(&tlb, &e500mc_mmu);
	return 0;
}

static void write_entry(unsigned int tlbsel, unsigned int esel, uint32_t mas1, uint32_t ea)
{
	tlb.mas.mas0 = MAS0_TLBSEL(tlbsel) | MAS0_ESEL(esel);
	tlb.mas.mas1 = mas1;
	tlb.mas.mas2 = ea | MAS2_M;
	tlb.mas.mas3 = 0x00200000 | MAS3_SR | MAS3_SW;
	tlb.mas.mas7 = 0;
	assert_int_equal(gtlb_tlbwe(&tlb, NULL, NULL), 0);
}

static void write_tlb0(unsigned int way, uint32_t ea)
{
	write_entry(0, way, MAS1_V | MAS1_TSIZE(TSIZE_4K), ea);
}

static bool mapped(uint32_t ea)
{
	return gtlb_lookup(&tlb, ea, 0) != NULL;
}

static void test_push_take_apply(void **state)
{
	struct tlbi_batch b;

	(void)state;
	write_tlb0(0, 0x30000000);
	write_tlb0(0, 0x30001000);
	write_tlb0(1, 0x30080000);	/* the same TLB0 set as 0x30000000 */
	write_entry(1, 1, MAS1_V | MAS1_TSIZE(TSIZE_1M), 0x40000000);
	write_entry(1, 2, MAS1_V | MAS1_IPROT | MAS1_TSIZE(TSIZE_1M), 0x50000000);

	assert_int_equal(tlbi_queue_push(&q, 0x30000000), 1);
	assert_int_equal(tlbi_queue_push(&q, 0x40080000 | TLBIVAX_TLBSEL1), 2);
	/* TLB1 named, but an IPROT entry: it stays */
	assert_int_equal(tlbi_queue_push(&q, 0x50000000 | TLBIVAX_TLBSEL1), 3);
	/* The page of TLB0 at 0x40000000 holds nothing: TLBSEL counts */
	assert_int_equal(tlbi_queue_push(&q, 0x30001000 | TLBIVAX_TLBSEL1), 4);
	tlbi_queue_take(&q, &b);
	assert_false(b.all);
	assert_int_equal(b.n, 4);
	assert_int_equal(b.ea[0], 0x30000000);
	assert_int_equal(b.ea[1], 0x40080000 | TLBIVAX_TLBSEL1);
	assert_int_equal(b.upto, 4);
	assert_int_equal(q.taken, 4);

	assert_int_equal(tlbi_batch_apply(&tlb, &b), 2);
	assert_false(mapped(0x30000000));
	assert_false(mapped(0x40000000));
	assert_true(mapped(0x30001000));
	assert_true(mapped(0x30080000));
	assert_true(mapped(0x50000000));

	/* Nothing pending: an empty batch up to the same number */
	tlbi_queue_take(&q, &b);
	assert_int_equal(b.n, 0);
	assert_false(b.all);
	assert_int_equal(b.upto, 4);
	assert_int_equal(tlbi_batch_apply(&tlb, &b), 0);
}

static void test_inv_all(void **state)
{
	struct tlbi_batch b;

	(void)state;
	write_tlb0(0, 0x30000000);
	write_tlb0(2, 0x30123000);
	write_entry(1, 1, MAS1_V | MAS1_TSIZE(TSIZE_1M), 0x40000000);
	tlbi_queue_push(&q, TLBIVAX_INV_ALL);
	tlbi_queue_take(&q, &b);
	assert_int_equal(tlbi_batch_apply(&tlb, &b), 2);
	assert_false(mapped(0x30000000));
	assert_false(mapped(0x30123000));
	assert_true(mapped(0x40000000));
}

static void test_overflow_invalidates_all(void **state)
{
	struct tlbi_batch b;
	uint32_t upto = 0;

	(void)state;
	write_tlb0(0, 0x30000000);
	write_entry(1, 1, MAS1_V | MAS1_TSIZE(TSIZE_1M), 0x40000000);
	write_entry(1, 2, MAS1_V | MAS1_IPROT | MAS1_TSIZE(TSIZE_1M), 0x50000000);
	for (unsigned int i = 0; i < TLBI_QUEUE_LEN; i++)
		upto = tlbi_queue_push(&q, 0x60000000 + i * 0x1000);
	assert_false(q.overflow);
	upto = tlbi_queue_push(&q, 0x70000000);
	assert_true(q.overflow);
	assert_int_equal(upto, TLBI_QUEUE_LEN + 1);
	tlbi_queue_take(&q, &b);
	assert_true(b.all);
	assert_int_equal(b.upto, upto);
	/* None of the operands named them, yet both go; IPROT stays */
	assert_int_equal(tlbi_batch_apply(&tlb, &b), 2);
	assert_false(mapped(0x30000000));
	assert_false(mapped(0x40000000));
	assert_true(mapped(0x50000000));
	/* The next batch is exact again */
	tlbi_queue_push(&q, 0x30000000);
	tlbi_queue_take(&q, &b);
	assert_false(b.all);
	assert_int_equal(b.n, 1);
}

static void test_sequence_wraps(void **state)
{
	struct tlbi_batch b;

	(void)state;
	q.queued = q.taken = 0xfffffffe;
	assert_int_equal(tlbi_queue_push(&q, 0x1000), 0xffffffff);
	assert_int_equal(tlbi_queue_push(&q, 0x2000), 0);
	assert_int_equal(tlbi_queue_push(&q, 0x3000), 1);
	assert_true(tlbi_seq_before(0xfffffffe, 1));
	assert_true(tlbi_seq_before(0xffffffff, 0));
	assert_false(tlbi_seq_before(1, 0xffffffff));
	assert_false(tlbi_seq_before(1, 1));
	tlbi_queue_take(&q, &b);
	assert_int_equal(b.n, 3);
	assert_int_equal(b.ea[0], 0x1000);
	assert_int_equal(b.ea[2], 0x3000);
	assert_int_equal(b.upto, 1);
}

static void test_drop(void **state)
{
	struct tlbi_batch b;

	(void)state;
	for (unsigned int i = 0; i <= TLBI_QUEUE_LEN; i++)
		tlbi_queue_push(&q, 0x1000);
	tlbi_queue_drop(&q);
	assert_false(q.overflow);
	assert_int_equal(q.taken, q.queued);
	tlbi_queue_take(&q, &b);
	assert_int_equal(b.n, 0);
	assert_false(b.all);
	assert_int_equal(b.upto, TLBI_QUEUE_LEN + 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_push_take_apply, setup),
		cmocka_unit_test_setup(test_inv_all, setup),
		cmocka_unit_test_setup(test_overflow_invalidates_all, setup),
		cmocka_unit_test_setup(test_sequence_wraps, setup),
		cmocka_unit_test_setup(test_drop, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
