// SPDX-License-Identifier: MIT
/*
 * The emulated ePAPR spin table of a partition (asm/spin_table.h): what
 * its reads return, which writes release a vCPU, and what a reboot puts
 * back.
 */
#include <asm/spin_table.h>

#define FOUR_GIB	0x100000000ull

void spin_table_init(struct spin_table *t, unsigned int nvcpus,
		     spin_release_fn release, void *ctx)
{
	t->lock = (spinlock_t)SPINLOCK_INIT;
	t->nvcpus = nvcpus;
	t->release = release;
	t->ctx = ctx;
	spin_table_reset(t);
}

void spin_table_reset(struct spin_table *t)
{
	spin_lock(&t->lock);
	for (unsigned int i = 0; i < t->nvcpus; i++)
		t->e[i] = (struct spin_entry){
			.entry_addr = i ? SPIN_TABLE_HELD : 0,
			.pir = i,
			.held = i,
		};
	spin_unlock(&t->lock);
}

/* The entry that byte @off of the window lies in, or NULL past the last one */
static struct spin_entry *entry_at(struct spin_table *t, uint32_t off)
{
	uint32_t i = off / SPIN_TABLE_ENTRY_SIZE;

	return i < t->nvcpus ? &t->e[i] : NULL;
}

/* The field word at byte @field (a multiple of 4) of @e; 0 past pir */
static uint32_t field_word(const struct spin_entry *e, uint32_t field)
{
	switch (field) {
	case SPIN_ADDR_HI:
		return (uint32_t)(e->entry_addr >> 32);
	case SPIN_ADDR_LO:
		return (uint32_t)e->entry_addr;
	case SPIN_R3_HI:
		return (uint32_t)(e->r3 >> 32);
	case SPIN_R3_LO:
		return (uint32_t)e->r3;
	case SPIN_RSVD:
		return e->rsvd;
	case SPIN_PIR:
		return e->pir;
	default:
		return 0;
	}
}

int spin_table_read(struct spin_table *t, uint32_t off, unsigned int size, uint64_t *val)
{
	struct spin_entry *e = entry_at(t, off);
	uint32_t in_entry = off % SPIN_TABLE_ENTRY_SIZE;
	uint32_t word, shift;

	if (!e || (size != 1 && size != 2 && size != 4) || (off & (size - 1)))
		return -1;
	spin_lock(&t->lock);
	word = field_word(e, in_entry & ~3u);
	spin_unlock(&t->lock);
	/* Big-endian: the word's first byte is its most significant */
	shift = 8 * (4 - size - (in_entry & 3));
	*val = (word >> shift) & (uint32_t)((1ull << (8 * size)) - 1);
	return 0;
}

static uint64_t with_high(uint64_t v, uint32_t hi)
{
	return (uint64_t)hi << 32 | (uint32_t)v;
}

static uint64_t with_low(uint64_t v, uint32_t lo)
{
	return (v & ~0xffffffffull) | lo;
}

/*
 * Under t->lock: apply the word @val at byte @field of held entry @e.
 * 1 when it releases the vCPU, -1 for a release that cannot be, else 0.
 */
static int write_field(struct spin_entry *e, uint32_t field, uint32_t val)
{
	uint64_t entry;

	switch (field) {
	case SPIN_ADDR_HI:
		e->entry_addr = with_high(e->entry_addr, val);
		return 0;
	case SPIN_ADDR_LO:
		entry = with_low(e->entry_addr, val);
		if (entry == SPIN_TABLE_HELD)
			return 0;
		if (entry >= FOUR_GIB || (entry & 3))
			return -1;
		e->entry_addr = entry;
		e->held = false;
		return 1;
	case SPIN_R3_HI:
		e->r3 = with_high(e->r3, val);
		return 0;
	case SPIN_R3_LO:
		e->r3 = with_low(e->r3, val);
		return 0;
	case SPIN_RSVD:
		e->rsvd = val;
		return 0;
	case SPIN_PIR:
		e->pir = val;
		return 0;
	default:
		return 0;
	}
}

int spin_table_write(struct spin_table *t, uint32_t off, unsigned int size, uint64_t val)
{
	struct spin_entry *e = entry_at(t, off);
	unsigned int vcpu = off / SPIN_TABLE_ENTRY_SIZE;
	uint64_t entry = 0, r3 = 0;
	int released = 0;

	if (!e || size != 4 || (off & 3))
		return -1;
	spin_lock(&t->lock);
	/* Released (or vCPU 0's): the running vCPU's, left alone */
	if (e->held) {
		released = write_field(e, off % SPIN_TABLE_ENTRY_SIZE, (uint32_t)val);
		entry = e->entry_addr;
		r3 = e->r3;
	}
	spin_unlock(&t->lock);
	if (released < 0)
		return -1;
	if (released)
		t->release(t, vcpu, entry, r3);
	return 0;
}

static int mmio_read(struct io_device *dev, struct vcpu *v, uint32_t off, unsigned int size,
		     uint64_t *val)
{
	(void)v;
	return spin_table_read(dev->priv, off, size, val);
}

static int mmio_write(struct io_device *dev, struct vcpu *v, uint32_t off, unsigned int size,
		      uint64_t val)
{
	(void)v;
	return spin_table_write(dev->priv, off, size, val);
}

const struct io_ops spin_table_mmio_ops = {
	.read = mmio_read,
	.write = mmio_write,
};
