// SPDX-License-Identifier: MIT
/*
 * Host tests of the per-CPU shadow PID map (ports/ppc-booke/shadow_pid.c):
 * one TID per live tag, never TID 0 and never above 8 bits, the
 * generation flush at exhaustion, and the drops (one tag, one guest PID,
 * one partition, everything) with the stale state a dropped TID keeps
 * until the port has flushed it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <asm/shadow_pid.h>

static struct shadow_pid_map map;

static int setup(void **state)
{
	(void)state;
	shadow_pid_reset(&map);
	return 0;
}

static struct shadow_tag tag(unsigned int part, uint32_t pid, unsigned int as, unsigned int pr)
{
	struct shadow_tag t = {
		.partition = part, .guest_pid = pid, .guest_as = as, .guest_pr = pr,
	};

	return t;
}

/* The TID of @t, expecting outcome @want */
static unsigned int get(struct shadow_tag t, int want)
{
	unsigned int tid = 0;

	assert_int_equal(shadow_pid_get(&map, &t, &tid), want);
	assert_in_range(tid, SHADOW_PID_FIRST, SHADOW_PID_LAST);
	return tid;
}

/* Tags 0..@n-1 of partition 1, each new, with the TIDs they got in @tids */
static void fill(unsigned int n, unsigned int *tids)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		tids[i] = get(tag(1, i, 1, i & 1), SHADOW_PID_NEW);
}

static void test_same_tag_same_tid(void **state)
{
	unsigned int a, b;

	(void)state;
	a = get(tag(1, 5, 1, 0), SHADOW_PID_NEW);
	b = get(tag(1, 6, 1, 0), SHADOW_PID_NEW);
	assert_int_equal(get(tag(1, 5, 1, 0), SHADOW_PID_HIT), a);
	assert_int_equal(get(tag(1, 6, 1, 0), SHADOW_PID_HIT), b);
	assert_int_equal(shadow_pid_find(&map, &(struct shadow_tag){ 1, 5, 1, 0 }), a);
}

/* Each field of the tag alone tells contexts apart */
static void test_each_field_distinct(void **state)
{
	unsigned int tids[5], i, j;

	(void)state;
	tids[0] = get(tag(1, 7, 1, 0), SHADOW_PID_NEW);
	tids[1] = get(tag(2, 7, 1, 0), SHADOW_PID_NEW);
	tids[2] = get(tag(1, 8, 1, 0), SHADOW_PID_NEW);
	tids[3] = get(tag(1, 7, 0, 0), SHADOW_PID_NEW);
	tids[4] = get(tag(1, 7, 1, 1), SHADOW_PID_NEW);
	for (i = 0; i < 5; i++)
		for (j = i + 1; j < 5; j++)
			assert_int_not_equal(tids[i], tids[j]);
}

/* 255 live tags: 255 distinct TIDs 1-255, each still found afterwards */
static void test_all_tids_distinct_and_nonzero(void **state)
{
	unsigned int tids[SHADOW_PID_LAST], i;
	bool seen[SHADOW_PID_LAST + 1] = { false };

	(void)state;
	fill(SHADOW_PID_LAST, tids);
	for (i = 0; i < SHADOW_PID_LAST; i++) {
		assert_int_not_equal(tids[i], 0);
		assert_true(tids[i] <= 0xff);
		assert_false(seen[tids[i]]);
		seen[tids[i]] = true;
	}
	for (i = 0; i < SHADOW_PID_LAST; i++)
		assert_int_equal(get(tag(1, i, 1, i & 1), SHADOW_PID_HIT), tids[i]);
}

/* The 256th tag: one flush, numbering from 1, every old tag forgotten */
static void test_exhaustion_flushes_once(void **state)
{
	unsigned int tids[SHADOW_PID_LAST], i;
	struct shadow_tag old = tag(1, 0, 1, 0);

	(void)state;
	fill(SHADOW_PID_LAST, tids);
	assert_int_equal(get(tag(3, 1, 1, 0), SHADOW_PID_FLUSH_ALL), SHADOW_PID_FIRST);
	assert_int_equal(shadow_pid_find(&map, &old), 0);
	assert_int_equal(shadow_pid_stale(&map), 0);
	/* A whole new generation fits before the next flush */
	for (i = 1; i < SHADOW_PID_LAST; i++)
		assert_int_equal(get(tag(3, i + 1, 1, 0), SHADOW_PID_NEW), i + 1);
	assert_int_equal(get(tag(3, 1, 1, 0), SHADOW_PID_HIT), SHADOW_PID_FIRST);
	get(tag(4, 0, 0, 0), SHADOW_PID_FLUSH_ALL);
}

/* A dropped tag's TID is stale: not found, not reused until flushed */
static void test_drop_one_tag(void **state)
{
	struct shadow_tag t = tag(1, 9, 1, 0);
	unsigned int tid = get(t, SHADOW_PID_NEW), other;

	(void)state;
	assert_int_equal(shadow_pid_drop(&map, &t), tid);
	assert_int_equal(shadow_pid_find(&map, &t), 0);
	assert_int_equal(shadow_pid_drop(&map, &t), 0);
	assert_int_equal(shadow_pid_stale(&map), tid);
	other = get(tag(1, 10, 1, 0), SHADOW_PID_NEW);
	assert_int_not_equal(other, tid);
	/* The tag comes back under a new TID */
	assert_int_not_equal(get(t, SHADOW_PID_NEW), tid);

	shadow_pid_flushed(&map, tid);
	assert_int_equal(shadow_pid_stale(&map), 0);
	assert_int_equal(get(tag(1, 11, 1, 0), SHADOW_PID_NEW), tid);
}

/* Stale TIDs count as taken: exhaustion still flushes, and clears them */
static void test_stale_tids_are_taken(void **state)
{
	unsigned int tids[SHADOW_PID_LAST], i;

	(void)state;
	fill(SHADOW_PID_LAST, tids);
	for (i = 0; i < 10; i++)
		shadow_pid_drop(&map, &(struct shadow_tag){ 1, i, 1, i & 1 });
	get(tag(2, 0, 1, 0), SHADOW_PID_FLUSH_ALL);
	assert_int_equal(shadow_pid_stale(&map), 0);
}

/* Flushing something that is not stale changes nothing */
static void test_flushed_only_frees_stale(void **state)
{
	unsigned int tid = get(tag(1, 1, 1, 0), SHADOW_PID_NEW);

	(void)state;
	shadow_pid_flushed(&map, tid);
	shadow_pid_flushed(&map, 0);
	shadow_pid_flushed(&map, 300);
	assert_int_equal(get(tag(1, 1, 1, 0), SHADOW_PID_HIT), tid);
	assert_int_not_equal(get(tag(1, 2, 1, 0), SHADOW_PID_NEW), tid);
}

/* The port's loop: every stale TID comes out once, then none */
static unsigned int flush_all_stale(bool *flushed)
{
	unsigned int tid, n = 0;

	while ((tid = shadow_pid_stale(&map))) {
		assert_false(flushed[tid]);
		flushed[tid] = true;
		shadow_pid_flushed(&map, tid);
		n++;
	}
	return n;
}

/* A partition's reset drops its tags only */
static void test_drop_partition(void **state)
{
	unsigned int a[6], b[6], i;
	bool flushed[SHADOW_PID_LAST + 1] = { false };

	(void)state;
	for (i = 0; i < 6; i++) {
		a[i] = get(tag(1, i, i & 1, i >> 1 & 1), SHADOW_PID_NEW);
		b[i] = get(tag(2, i, i & 1, i >> 1 & 1), SHADOW_PID_NEW);
	}
	assert_int_equal(shadow_pid_drop_partition(&map, 1), 6);
	assert_int_equal(flush_all_stale(flushed), 6);
	for (i = 0; i < 6; i++) {
		assert_true(flushed[a[i]]);
		assert_false(flushed[b[i]]);
		assert_int_equal(shadow_pid_find(&map, &(struct shadow_tag){ 1, i, i & 1, i >> 1 & 1 }), 0);
		assert_int_equal(get(tag(2, i, i & 1, i >> 1 & 1), SHADOW_PID_HIT), b[i]);
	}
	assert_int_equal(shadow_pid_drop_partition(&map, 1), 0);
}

/* tlbilx by PID: that guest PID in every space and privilege, nothing else */
static void test_drop_guest_pid(void **state)
{
	unsigned int as, pr, keep[3];

	(void)state;
	for (as = 0; as < 2; as++)
		for (pr = 0; pr < 2; pr++)
			get(tag(1, 4, as, pr), SHADOW_PID_NEW);
	keep[0] = get(tag(1, 5, 1, 0), SHADOW_PID_NEW);
	keep[1] = get(tag(2, 4, 1, 0), SHADOW_PID_NEW);
	keep[2] = get(tag(1, 0, 1, 0), SHADOW_PID_NEW);
	assert_int_equal(shadow_pid_drop_guest_pid(&map, 1, 4), 4);
	for (as = 0; as < 2; as++)
		for (pr = 0; pr < 2; pr++)
			assert_int_equal(shadow_pid_find(&map, &(struct shadow_tag){ 1, 4, as, pr }), 0);
	assert_int_equal(get(tag(1, 5, 1, 0), SHADOW_PID_HIT), keep[0]);
	assert_int_equal(get(tag(2, 4, 1, 0), SHADOW_PID_HIT), keep[1]);
	assert_int_equal(get(tag(1, 0, 1, 0), SHADOW_PID_HIT), keep[2]);
}

/* Dropping everything: numbering from 1 again, no stale left */
static void test_reset_drops_everything(void **state)
{
	struct shadow_tag t = tag(1, 3, 1, 1);

	(void)state;
	get(t, SHADOW_PID_NEW);
	get(tag(1, 2, 1, 1), SHADOW_PID_NEW);
	shadow_pid_drop(&map, &t);
	shadow_pid_reset(&map);
	assert_int_equal(shadow_pid_stale(&map), 0);
	assert_int_equal(shadow_pid_find(&map, &t), 0);
	assert_int_equal(get(tag(5, 0, 0, 0), SHADOW_PID_NEW), SHADOW_PID_FIRST);
}

/* Churn: drops and flushes in between, a lookup always gives the live TID */
static void test_churn_keeps_chains_right(void **state)
{
	unsigned int tid[64] = { 0 }, round, i;

	(void)state;
	for (round = 0; round < 20; round++) {
		for (i = round & 1; i < 64; i += 2) {
			struct shadow_tag t = tag(1, i, 1, 0);

			if (tid[i])
				assert_int_equal(shadow_pid_drop(&map, &t), tid[i]);
			tid[i] = get(t, SHADOW_PID_NEW);
		}
		while ((i = shadow_pid_stale(&map)))
			shadow_pid_flushed(&map, i);
		for (i = 0; i < 64; i++)
			if (tid[i])
				assert_int_equal(shadow_pid_find(&map, &(struct shadow_tag){ 1, i, 1, 0 }), tid[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_same_tag_same_tid, setup),
		cmocka_unit_test_setup(test_each_field_distinct, setup),
		cmocka_unit_test_setup(test_all_tids_distinct_and_nonzero, setup),
		cmocka_unit_test_setup(test_exhaustion_flushes_once, setup),
		cmocka_unit_test_setup(test_drop_one_tag, setup),
		cmocka_unit_test_setup(test_stale_tids_are_taken, setup),
		cmocka_unit_test_setup(test_flushed_only_frees_stale, setup),
		cmocka_unit_test_setup(test_drop_partition, setup),
		cmocka_unit_test_setup(test_drop_guest_pid, setup),
		cmocka_unit_test_setup(test_reset_drops_everything, setup),
		cmocka_unit_test_setup(test_churn_keeps_chains_right, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
