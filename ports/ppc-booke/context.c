// SPDX-License-Identifier: MIT
/*
 * The hardware side of a guest's translation context on this CPU: which
 * hardware TIDs its guest PIDs have (shadow_pid.c), the real MSR it runs
 * with, and the shadow entries in TLB0.
 */
#include <asm/cpu.h>
#include <asm/shadow_pid.h>
#include <asm/tlb.h>
#include <asm/vcpu.h>

/* Guest MSR bits that are the guest's own hardware state: passed through */
#define MSR_GUEST_OWNED	(MSR_FP | MSR_FE0 | MSR_FE1 | MSR_SPE)
/* Every guest runs so: user mode, address space 1, interrupts to us */
#define MSR_GUEST_BASE	(MSR_PR | MSR_EE | MSR_ME | MSR_IS | MSR_DS)

static const uint16_t pid_sprs[GTLB_MAX_PIDS] = { SPR_PID, SPR_PID1, SPR_PID2 };

static void write_pid(unsigned int n, unsigned int tid)
{
	switch (pid_sprs[n]) {
	case SPR_PID:
		mtspr(SPR_PID, tid);
		break;
	case SPR_PID1:
		mtspr(SPR_PID1, tid);
		break;
	default:
		mtspr(SPR_PID2, tid);
		break;
	}
}

void ppc_flush_shadow(struct vcpu *v)
{
	(void)v;
	tlb0_flush();
	this_cpu()->fetch_ea = 1;
}

/* The hardware TID of the guest context @tag, flushing TLB0 when the TIDs ran out */
static unsigned int context_tid(struct vcpu *v, const struct shadow_tag *tag)
{
	struct ppc_cpu *c = this_cpu();
	unsigned int tid;

	if (shadow_pid_get(&c->pids, tag, &tid) == SHADOW_PID_FLUSH_ALL) {
		ppc_flush_shadow(v);
		v->arch->context_stale = true;
	}
	return tid;
}

int ppc_load_context(struct vcpu *v)
{
	struct arch_vcpu *a = v->arch;
	const struct booke_vcpu *r = &a->regs;
	struct shadow_tag tag = {
		.partition = v->part->id,
		.guest_as = guest_as(r),
		.guest_pr = !!(r->msr & MSR_PR),
	};

	/*
	 * One tag per guest PID register, so one address space at a time:
	 * instruction fetches in another than the data accesses would miss
	 * forever under the loaded TIDs.
	 */
	if (!(r->msr & MSR_IS) != !(r->msr & MSR_DS))
		return -1;
	a->context_stale = false;
	for (unsigned int n = 0; n < a->tlb.var->npids; n++) {
		tag.guest_pid = a->tlb.pid[n];
		write_pid(n, context_tid(v, &tag));
	}
	isync();
	this_cpu()->guest_msr = MSR_GUEST_BASE | (r->msr & MSR_GUEST_OWNED);
	this_cpu()->fetch_ea = 1;
	return 0;
}

/*
 * Into TLB0, which holds 4 KiB pages only: a larger shadow page becomes
 * its 4 KiB page around the faulting address (s->gpa), the rest coming
 * on later misses. TLB1 stays the hypervisor's, and dropping every
 * shadow entry stays one flash invalidation of TLB0.
 */
void ppc_install_shadow(struct vcpu *v, const struct shadow_tlbe *s)
{
	struct ppc_cpu *c = this_cpu();
	unsigned int tid = context_tid(v, &s->tag);
	unsigned int way = c->tlb0_victim++ & 3;
	uint32_t offset = (uint32_t)(s->gpa & (s->size - 1)) & MAS2_EPN_MASK;
	uint64_t pa = (((uint64_t)s->mas7 << 32) | (s->mas3 & MAS3_RPN_MASK)) + offset;
	uint32_t mas1 = (shadow_tlbe_mas1(s, tid) & ~MAS1_TSIZE_MASK) | MAS1_TSIZE(TSIZE_4K);

	tlb_write(MAS0_TLBSEL(0) | MAS0_ESEL(way), mas1, s->mas2 + offset,
		  ((uint32_t)pa & MAS3_RPN_MASK) | (s->mas3 & ~MAS3_RPN_MASK),
		  (uint32_t)(pa >> 32));
}
