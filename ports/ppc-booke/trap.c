// SPDX-License-Identifier: MIT
/*
 * What each interrupt from a guest comes to. The pure models decide
 * (emulate.c, storage.c, reflect.c, vtimer.c); this file feeds them the
 * trapped state and applies their answer to the hardware: shadow
 * entries, the hardware context, exits for the core.
 */
#include <stddef.h>
#include <bulkhead/console.h>
#include <bulkhead/mmio.h>
#include <bulkhead/port.h>
#include <asm/cpu.h>
#include <asm/emulate.h>
#include <asm/ppc.h>
#include <asm/vcpu.h>

#define PAGE_MASK	0xfffu

#define PLAIN(spr, field)	[SPR_##spr] = offsetof(struct booke_vcpu, field)
#define PLAIN_SPRG(n)		[SPR_SPRG##n] = offsetof(struct booke_vcpu, sprg[n])

/* For fast_trap.S: the SPRs whose mfspr and mtspr move a value, nothing more */
const unsigned char booke_plain_spr[1024] = {
	PLAIN(SRR0, srr0), PLAIN(SRR1, srr1), PLAIN(CSRR0, csrr0), PLAIN(CSRR1, csrr1),
	PLAIN(MCSRR0, mcsrr0), PLAIN(MCSRR1, mcsrr1), PLAIN(DEAR, dear), PLAIN(ESR, esr),
	PLAIN_SPRG(0), PLAIN_SPRG(1), PLAIN_SPRG(2),
	/* fast_trap.S also writes these to the real registers user mode reads */
	PLAIN_SPRG(3), PLAIN_SPRG(4), PLAIN_SPRG(5), PLAIN_SPRG(6), PLAIN_SPRG(7),
};
_Static_assert(offsetof(struct booke_vcpu, sprg[7]) < 256, "offsets fit a byte");

/*
 * The word at guest effective address @ea through the guest's TLB and
 * the partition's guest map; its page becomes the one fast_trap.S reads
 * through. 0, or -1 when nothing the guest may execute is there.
 */
static __attribute__((noinline)) int lookup_insn(struct vcpu *v, uint32_t ea, uint32_t *insn)
{
	struct arch_vcpu *a = v->arch;
	struct ppc_cpu *c = this_cpu();
	const struct gtlb_entry *ge;
	const struct guest_region *r;
	gpaddr_t gpa;
	paddr_t pa;
	size_t len = 4;
	const uint32_t *word;

	ge = gtlb_lookup(&a->tlb, ea, !!(a->regs.msr & MSR_IS));
	if (!ge || (ea & 3))
		return -1;
	gpa = gtlb_entry_rpn(ge) + (ea & (gtlb_entry_size(ge) - 1));
	r = guest_region_find(v->part, gpa);
	if (!r || !(r->flags & (GUEST_RAM | GUEST_SHARED)))
		return -1;
	pa = r->pa + (gpa - r->gpa);
	word = port_phys_map(pa, &len);
	*insn = *word;
	/* Low RAM is mapped for good; a window pointer lasts one call only */
	if (pa < HV_LOW_RAM_END) {
		c->fetch_ea = ea & ~PAGE_MASK;
		c->fetch_page = (const uint32_t *)((uintptr_t)word - (ea & PAGE_MASK));
	}
	return 0;
}

/*
 * The trapped instruction, at guest effective address @ea (SRR0, or
 * SRR0 - 4 after sc): as the vector read it, else looked up.
 */
static int fetch_guest_insn(struct vcpu *v, uint32_t ea, uint32_t *insn)
{
	struct ppc_cpu *c = this_cpu();

	if (c->trap_insn_read) {
		*insn = c->trap_insn;
		return 0;
	}
	return lookup_insn(v, ea, insn);
}

static bool fault(struct vm_exit *exit, enum fault_kind kind, uint64_t addr,
		  const char *detail)
{
	exit->kind = EXIT_FAULT;
	exit->fault.kind = kind;
	exit->fault.addr = addr;
	exit->fault.detail = detail;
	return true;
}

/* sc 1 from the guest's supervisor is a hypercall; anything else its own */
static bool system_call(struct vcpu *v, struct vm_exit *exit)
{
	struct booke_vcpu *r = &v->arch->regs;
	uint32_t insn;

	if (fetch_guest_insn(v, r->pc - 4, &insn))
		return fault(exit, FAULT_UNDECODABLE_ACCESS, r->pc - 4,
			     "sc: the instruction cannot be read");
	if (((insn >> 5) & 0x7f) != 1 || (r->msr & MSR_PR)) {
		booke_reflect(r, BOOKE_EXC_SYSCALL, 0, 0);
		v->arch->context_stale = true;
		return false;
	}
	exit->kind = EXIT_HYPERCALL;
	exit->pc = r->pc - 4;
	exit->syndrome = insn;
	exit->hcall.nr = r->gpr[11];
	exit->hcall.arg[0] = r->gpr[3];
	exit->hcall.arg[1] = r->gpr[4];
	exit->hcall.arg[2] = r->gpr[5];
	return true;
}

static void timer_spr(struct arch_vcpu *a, const struct booke_exit *e)
{
	uint64_t now = read_timebase();
	uint32_t value = 0;
	int out;

	if (e->timer.write) {
		out = vtimer_write_spr(&a->timer, e->timer.spr, e->timer.value, now);
	} else {
		out = vtimer_read_spr(&a->timer, e->timer.spr, now, &value);
		booke_timer_read_done(&a->regs, e, value);
	}
	if (out > 0 && (out & VTIMER_WDT_RESET))
		a->wdt_reset = true;
	a->timer_stale = true;
}

/*
 * Is @insn an mtspr of SPRG3-7, which the guest's user mode reads from
 * the real registers? (mtspr: opcode 31, XO 467; the SPR number's halves
 * swapped in bits 20-11.) No other emulated instruction changes them.
 */
static bool writes_user_sprg(uint32_t insn)
{
	unsigned int spr = ((insn >> 16) & 0x1f) | ((insn >> 6) & 0x3e0);

	return (insn & 0xfc0007fe) == 0x7c0003a6 && spr >= SPR_SPRG3 && spr <= SPR_SPRG7;
}

/* A privileged instruction from user mode: the guest's supervisor's work */
static bool privileged(struct vcpu *v, struct vm_exit *exit)
{
	struct arch_vcpu *a = v->arch;
	struct booke_exit e;
	uint32_t insn;

	if (fetch_guest_insn(v, a->regs.pc, &insn))
		return fault(exit, FAULT_UNDECODABLE_ACCESS, a->regs.pc,
			     "the trapped instruction cannot be read");
	exit->syndrome = insn;
	switch (booke_emulate(&a->regs, &a->tlb, insn, &e)) {
	case BOOKE_DONE:
		if (writes_user_sprg(insn))
			ppc_sync_sprgs(&a->regs);
		break;
	case BOOKE_REFLECT:
		booke_reflect(&a->regs, e.reflect.exc, e.reflect.esr, 0);
		a->context_stale = true;
		break;
	case BOOKE_MSR_CHANGED:
	case BOOKE_PID_CHANGED:
		a->context_stale = true;
		break;
	case BOOKE_TLB_CHANGED:
		ppc_guest_tlb_changed(v, &e);
		if (e.tlb.broadcast)
			ppc_tlbivax_broadcast(v, e.tlb.operand);
		a->context_stale = true;
		break;
	case BOOKE_TLB_SYNC:
		ppc_tlbsync(v);
		break;
	case BOOKE_IDLE:
		a->context_stale = true;
		a->idle = true;
		break;
	case BOOKE_TIMER_SPR:
		timer_spr(a, &e);
		break;
	case BOOKE_DOORBELL:
		return fault(exit, FAULT_TRAPPED_INSTRUCTION, a->regs.pc,
			     "msgsnd/msgclr: no doorbells between vCPUs yet");
	case BOOKE_UNHANDLED:
		return fault(exit, FAULT_TRAPPED_INSTRUCTION, a->regs.pc, e.why);
	}
	return false;
}

static const enum booke_storage_kind storage_kind[] = {
	[BOOKE_EXC_DSI] = STORAGE_DSI,
	[BOOKE_EXC_ISI] = STORAGE_ISI,
	[BOOKE_EXC_DTLB] = STORAGE_DTLB_MISS,
	[BOOKE_EXC_ITLB] = STORAGE_ITLB_MISS,
};

/*
 * An emulated window is never mapped, so each access to one is a data
 * TLB error: one whose page went to a window before (ppc_cached_window())
 * skips the guest's TLB and guest map, and an access the device model
 * does (mmio_emulate()) is complete without the core's exit path, which
 * takes the others and reports what it cannot do.
 */
static bool storage(struct vcpu *v, unsigned int exc, struct vm_exit *exit)
{
	struct arch_vcpu *a = v->arch;
	struct booke_storage_trap trap = { .kind = storage_kind[exc] };
	struct booke_storage *out = &a->storage;
	const struct booke_window *w = NULL;
	enum booke_storage_outcome outcome;
	bool data = exc == BOOKE_EXC_DSI || exc == BOOKE_EXC_DTLB;

	if (data) {
		trap.dear = mfspr(SPR_DEAR);
		trap.esr = mfspr(SPR_ESR);
		if (fetch_guest_insn(v, a->regs.pc, &trap.insn))
			return fault(exit, FAULT_UNDECODABLE_ACCESS, trap.dear,
				     "the faulting instruction cannot be read");
	}
	if (exc == BOOKE_EXC_DTLB)
		w = ppc_cached_window(v, trap.dear);
	if (w)
		outcome = booke_storage_window(&a->regs, w, &trap, out, exit);
	else
		outcome = booke_storage(v->part, &a->regs, &a->tlb, &trap, out, exit);
	switch (outcome) {
	case STORAGE_MAP:
		ppc_install_shadow(v, &out->map);
		return false;
	case STORAGE_REFLECTED:
		a->context_stale = true;
		return false;
	case STORAGE_SKIPPED:
		return false;
	case STORAGE_EXIT:
		if (exit->kind != EXIT_MMIO)
			return true;
		if (!w)
			ppc_cache_window(v, trap.dear, &out->map.tag, &out->window);
		if (mmio_emulate(v, &v->part->mmio, &exit->mmio))
			return true;
		booke_mmio_complete(&a->regs, &out->mmio, exit);
		return false;
	}
	return false;
}

bool ppc_handle_trap(struct vcpu *v, unsigned int exc, struct vm_exit *exit)
{
	struct arch_vcpu *a = v->arch;

	exit->kind = EXIT_NONE;
	exit->pc = a->regs.pc;
	switch (exc) {
	case BOOKE_EXC_PROGRAM: {
		uint32_t esr = mfspr(SPR_ESR);

		if (esr & ESR_PPR)
			return privileged(v, exit);
		booke_reflect(&a->regs, BOOKE_EXC_PROGRAM, esr, 0);
		a->context_stale = true;
		return false;
	}
	case BOOKE_EXC_SYSCALL:
		return system_call(v, exit);
	case BOOKE_EXC_DSI:
	case BOOKE_EXC_ISI:
	case BOOKE_EXC_DTLB:
	case BOOKE_EXC_ITLB:
		return storage(v, exc, exit);
	case BOOKE_EXC_ALIGNMENT:
		booke_reflect(&a->regs, exc, mfspr(SPR_ESR), mfspr(SPR_DEAR));
		a->context_stale = true;
		return false;
	case BOOKE_EXC_FP_UNAVAIL:
	case BOOKE_EXC_AP_UNAVAIL:
	case BOOKE_EXC_SPE_UNAVAIL:
	case BOOKE_EXC_SPE_DATA:
	case BOOKE_EXC_SPE_ROUND:
		booke_reflect(&a->regs, exc, 0, 0);
		a->context_stale = true;
		return false;
	case BOOKE_EXC_DECREMENTER:
		mtspr(SPR_TSR, TSR_DIS);
		a->timer_stale = true;
		return false;
	case BOOKE_EXC_EXTERNAL:
	case BOOKE_EXC_DOORBELL:
		ppc_handle_irq();
		return true;
	default:
		return fault(exit, FAULT_UNHANDLED_EXCEPTION, a->regs.pc,
			     "an interrupt the hypervisor does not expect from a guest");
	}
}

void port_vcpu_complete_exit(struct vcpu *v, const struct vm_exit *exit)
{
	struct booke_vcpu *r = &v->arch->regs;

	if (exit->kind == EXIT_HYPERCALL) {
		r->gpr[3] = (uint32_t)exit->hcall.ret[0];
		r->gpr[4] = (uint32_t)exit->hcall.ret[1];
	} else if (exit->kind == EXIT_MMIO) {
		booke_mmio_complete(r, &v->arch->storage.mmio, exit);
	}
}
