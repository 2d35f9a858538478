// SPDX-License-Identifier: MIT
/*
 * The guests' x2APIC model (asm/vlapic.h): its registers, the priority
 * rules that decide which requested vector is delivered (Intel SDM vol. 3,
 * 11.8: above the processor priority, the higher of TPR and the highest
 * vector in service, by priority class), and its timer as arithmetic on
 * the TSC. Pure code: the port's glue (vlapic_hw.c) gives it the time.
 */
#include <asm/vlapic.h>

#define REG(offset)		(X2APIC_MSR_FIRST + ((offset) >> 4))
#define APIC_ID			REG(0x020)
#define APIC_VERSION		REG(0x030)
#define APIC_TPR		REG(0x080)
#define APIC_PPR		REG(0x0a0)
#define APIC_EOI		REG(0x0b0)
#define APIC_LDR		REG(0x0d0)
#define APIC_SVR		REG(0x0f0)
#define APIC_ISR0		REG(0x100)
#define APIC_TMR0		REG(0x180)
#define APIC_IRR0		REG(0x200)
#define APIC_ESR		REG(0x280)
#define APIC_LVT_TIMER		REG(0x320)
#define APIC_LVT_ERROR		REG(0x370)
#define APIC_TIMER_INITIAL	REG(0x380)
#define APIC_TIMER_CURRENT	REG(0x390)
#define APIC_TIMER_DIVIDE	REG(0x3e0)
#define APIC_SELF_IPI		REG(0x3f0)

/* Version 0x14 (an integrated APIC), LVT entries 0-5 */
#define VERSION			(0x14u | (LVT_COUNT - 1) << 16)
#define SVR_ENABLE		(1u << 8)
#define SVR_WRITABLE		0x1ffu
#define LVT_MASKED		(1u << 16)
#define LVT_VECTOR		0xffu
#define LVT_TIMER_PERIODIC	(1u << 17)
#define LVT_TIMER_WRITABLE	(LVT_TIMER_PERIODIC | LVT_MASKED | LVT_VECTOR)
#define LVT_WRITABLE		(LVT_MASKED | 0x7ffu)	/* vector, delivery mode */
#define DIVIDE_WRITABLE		0xbu

static inline bool test_bit(const uint64_t *map, unsigned int v)
{
	return map[v / 64] >> (v % 64) & 1;
}

/* The highest vector set in @map, or 0 */
static unsigned int highest(const uint64_t *map, bool atomic)
{
	for (int w = 3; w >= 0; w--) {
		uint64_t bits = atomic ? __atomic_load_n(&map[w], __ATOMIC_ACQUIRE) : map[w];

		if (bits)
			return w * 64 + 63 - __builtin_clzll(bits);
	}
	return 0;
}

void vlapic_reset(struct vlapic *l, uint32_t id)
{
	*l = (struct vlapic){ .id = id, .svr = 0xff };
	for (unsigned int i = 0; i < LVT_COUNT; i++)
		l->lvt[i] = LVT_MASKED;
}

bool vlapic_set_irr(struct vlapic *l, unsigned int vector)
{
	uint64_t bit = 1ull << (vector % 64);

	return !(__atomic_fetch_or(&l->irr[vector / 64], bit, __ATOMIC_RELEASE) & bit);
}

static uint32_t ppr(const struct vlapic *l)
{
	uint32_t isr_class = highest(l->isr, false) & 0xf0;

	return (l->tpr & 0xf0) >= isr_class ? l->tpr & 0xff : isr_class;
}

unsigned int vlapic_deliverable(const struct vlapic *l)
{
	unsigned int v = highest(l->irr, true);

	if (!(l->svr & SVR_ENABLE) || (v & 0xf0) <= (ppr(l) & 0xf0))
		return VLAPIC_NO_VECTOR;
	return v;
}

void vlapic_ack(struct vlapic *l, unsigned int vector)
{
	__atomic_fetch_and(&l->irr[vector / 64], ~(1ull << (vector % 64)), __ATOMIC_ACQUIRE);
	l->isr[vector / 64] |= 1ull << (vector % 64);
}

static void eoi(struct vlapic *l)
{
	unsigned int v = highest(l->isr, false);

	l->isr[v / 64] &= ~(1ull << (v % 64));
}

/* ---- the timer --------------------------------------------------------------- */

/* TSC ticks per count: the divide configuration's 1, 2, 4 ... 128 */
static uint64_t divisor(const struct vlapic *l)
{
	uint32_t code = (l->timer_divide & 3) | (l->timer_divide & 8) >> 1;

	return code == 7 ? 1 : 2ull << code;
}

static uint64_t period(const struct vlapic *l)
{
	return (uint64_t)l->timer_initial * divisor(l);
}

uint64_t vlapic_timer_deadline(const struct vlapic *l)
{
	return l->timer_armed ? l->timer_start + period(l) : 0;
}

void vlapic_timer_update(struct vlapic *l, uint64_t now)
{
	uint64_t deadline = vlapic_timer_deadline(l);

	if (!deadline || now < deadline)
		return;
	if (!(l->lvt[LVT_TIMER] & LVT_MASKED))
		vlapic_set_irr(l, l->lvt[LVT_TIMER] & LVT_VECTOR);
	if (l->lvt[LVT_TIMER] & LVT_TIMER_PERIODIC)
		l->timer_start = deadline + (now - deadline) / period(l) * period(l);
	else
		l->timer_armed = false;
}

static uint32_t timer_current(const struct vlapic *l, uint64_t now)
{
	uint64_t elapsed;

	if (!l->timer_armed || now >= vlapic_timer_deadline(l))
		return 0;
	elapsed = now > l->timer_start ? now - l->timer_start : 0;
	return l->timer_initial - (uint32_t)(elapsed / divisor(l));
}

static void timer_start(struct vlapic *l, uint32_t initial, uint64_t now)
{
	l->timer_initial = initial;
	l->timer_start = now;
	l->timer_armed = initial != 0;
}

/* ---- register access ------------------------------------------------------- */

int vlapic_read(struct vlapic *l, uint32_t msr, uint64_t now, uint64_t *val)
{
	if (msr >= APIC_ISR0 && msr < APIC_ISR0 + 8) {
		*val = (uint32_t)(l->isr[(msr - APIC_ISR0) / 2] >> (msr & 1) * 32);
		return 0;
	}
	if (msr >= APIC_IRR0 && msr < APIC_IRR0 + 8) {
		*val = (uint32_t)(__atomic_load_n(&l->irr[(msr - APIC_IRR0) / 2],
						  __ATOMIC_ACQUIRE) >> (msr & 1) * 32);
		return 0;
	}
	if (msr >= APIC_TMR0 && msr < APIC_TMR0 + 8) {
		*val = 0;	/* every vector arrives as an edge */
		return 0;
	}
	if (msr >= APIC_LVT_TIMER && msr <= APIC_LVT_ERROR) {
		*val = l->lvt[msr - APIC_LVT_TIMER];
		return 0;
	}
	switch (msr) {
	case APIC_ID:
		*val = l->id;
		break;
	case APIC_VERSION:
		*val = VERSION;
		break;
	case APIC_TPR:
		*val = l->tpr;
		break;
	case APIC_PPR:
		*val = ppr(l);
		break;
	case APIC_LDR:	/* x2APIC logical ID: cluster id / 16, bit id % 16 */
		*val = (l->id >> 4) << 16 | 1u << (l->id & 15);
		break;
	case APIC_SVR:
		*val = l->svr;
		break;
	case APIC_ESR:
		*val = l->esr;
		break;
	case APIC_TIMER_INITIAL:
		*val = l->timer_initial;
		break;
	case APIC_TIMER_CURRENT:
		*val = timer_current(l, now);
		break;
	case APIC_TIMER_DIVIDE:
		*val = l->timer_divide;
		break;
	default:
		return -1;	/* EOI and SELF IPI are write-only, the rest absent */
	}
	return 0;
}

static void write_lvt(struct vlapic *l, enum vlapic_lvt i, uint32_t val)
{
	if (!(l->svr & SVR_ENABLE))
		val |= LVT_MASKED;
	l->lvt[i] = val & (i == LVT_TIMER ? LVT_TIMER_WRITABLE : LVT_WRITABLE);
}

static void write_svr(struct vlapic *l, uint32_t val)
{
	l->svr = val & SVR_WRITABLE;
	if (!(l->svr & SVR_ENABLE))
		for (unsigned int i = 0; i < LVT_COUNT; i++)
			l->lvt[i] |= LVT_MASKED;
}

int vlapic_write(struct vlapic *l, uint32_t msr, uint64_t val, uint64_t now)
{
	if (val >> 32)
		return -1;	/* every register here is 32 bits wide */
	if (msr >= APIC_LVT_TIMER && msr <= APIC_LVT_ERROR) {
		vlapic_timer_update(l, now);
		write_lvt(l, msr - APIC_LVT_TIMER, (uint32_t)val);
		return 0;
	}
	switch (msr) {
	case APIC_TPR:
		l->tpr = val & 0xff;
		break;
	case APIC_EOI:
		if (val)
			return -1;
		eoi(l);
		break;
	case APIC_SVR:
		write_svr(l, (uint32_t)val);
		break;
	case APIC_ESR:
		l->esr = 0;
		break;
	case APIC_TIMER_INITIAL:
		timer_start(l, (uint32_t)val, now);
		break;
	case APIC_TIMER_DIVIDE:
		vlapic_timer_update(l, now);
		l->timer_divide = val & DIVIDE_WRITABLE;
		break;
	case APIC_SELF_IPI:
		if ((val & 0xff) < 16)
			return -1;
		vlapic_set_irr(l, val & 0xff);
		break;
	default:
		return -1;
	}
	return 0;
}
