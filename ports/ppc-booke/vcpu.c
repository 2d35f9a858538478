// SPDX-License-Identifier: MIT
/*
 * vCPU life cycle on Book E: the ePAPR boot state, the run loop around
 * ppc_guest_enter(), and the interrupts the guest's virtual state has
 * pending. Each physical CPU runs one vCPU, so the guest's user-visible
 * registers (SPRG3-7, USPRG0, FP or SPE state) stay in the hardware
 * between its traps; everything its supervisor believes it has lives in
 * struct booke_vcpu and struct guest_tlb.
 */
#include <string.h>
#include <bulkhead/console.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <asm/cpu.h>
#include <asm/ppc.h>
#include <asm/shadow_pid.h>
#include <asm/tlb.h>
#include <asm/vcpu.h>

#define EPAPR_MAGIC	0x45504150u	/* "EPAP" in r6 */

void ppc_sync_sprgs(const struct booke_vcpu *r)
{
	mtspr(SPR_SPRG3, r->sprg[3]);
	mtspr(SPR_SPRG4, r->sprg[4]);
	mtspr(SPR_SPRG5, r->sprg[5]);
	mtspr(SPR_SPRG6, r->sprg[6]);
	mtspr(SPR_SPRG7, r->sprg[7]);
	mtspr(SPR_USPRG0, r->usprg0);
}

/*
 * ePAPR's initial mapped area: guest TLB1 entry 0, protected, maps the
 * page of @tsize at @base (aligned to it) 1:1, guest-virtual onto
 * guest-physical. Its size goes to the guest in r7.
 */
static uint64_t map_initial_area(struct vcpu *v, gpaddr_t base, unsigned int tsize)
{
	v->arch->tlb.tlb1[0] = (struct gtlb_entry){
		.mas1 = MAS1_V | MAS1_IPROT | MAS1_TSIZE(tsize),
		.mas2 = ((uint32_t)base & MAS2_EPN_MASK) | MAS2_M,
		.mas3 = ((uint32_t)base & MAS3_RPN_MASK) | MAS3_SUPER_PERMS,
		.mas7 = (uint32_t)(base >> 32),
	};
	return TSIZE_BYTES(tsize);
}

/*
 * The boot vCPU's: the RAM region it enters in, from its start, with the
 * largest page that fits it and its alignment.
 */
static uint64_t boot_initial_area(struct vcpu *v, gpaddr_t entry)
{
	const struct guest_region *r = guest_region_find(v->part, entry);
	unsigned int tsize = TSIZE_1G;

	if (!r)
		return 0;
	while (tsize > TSIZE_4K &&
	       (TSIZE_BYTES(tsize) > r->size || !IS_ALIGNED(r->gpa, TSIZE_BYTES(tsize))))
		tsize--;
	return map_initial_area(v, r->gpa, tsize);
}

/* A secondary's, released from the spin table (ePAPR 5.5.2): 64 MiB around its entry */
static uint64_t secondary_initial_area(struct vcpu *v, gpaddr_t entry)
{
	return map_initial_area(v, entry & ~(TSIZE_BYTES(TSIZE_64M) - 1), TSIZE_64M);
}

/*
 * The boot vCPU enters with r3 = its device tree, r6 = "EPAP"; a
 * secondary with r3 = its spin table entry's r3 (@context), r6 = 0; r4
 * and r5 are 0, r7 the initial mapped area's size, PIR the vCPU's index.
 * The boot vCPU's reset is the partition's boot: its MPIC and spin table
 * start afresh.
 */
void port_vcpu_reset(struct vcpu *v, gpaddr_t entry, gpaddr_t fdt, uint64_t context)
{
	struct arch_vcpu *a = v->arch;
	struct booke_vcpu *r = &a->regs;
	struct ppc_cpu *c = this_cpu();

	booke_vcpu_reset(r, c->core, v->index, mfspr(SPR_PVR), mfspr(SPR_SVR));
	/* As U-Boot leaves it: tlbre and tlbsx load MAS7, as on e500mc */
	if (c->core->mas7_update_in_hid0)
		r->hid0 = HID0_EN_MAS7_UPDATE;
	if (v->index) {
		vmpic_vcpu_reset(&v->part->arch->mpic, v->index);
	} else {
		vmpic_reset(&v->part->arch->mpic);
		spin_table_reset(&v->part->arch->spin);
	}
	gtlb_init(&a->tlb, c->core->mmu);
	ppc_tlbi_reset(v);
	vtimer_init(&a->timer, read_timebase());
	r->pc = (uint32_t)entry;
	if (v->index) {
		r->gpr[3] = (uint32_t)context;
		r->gpr[7] = (uint32_t)secondary_initial_area(v, entry);
	} else {
		r->gpr[3] = (uint32_t)fdt;
		r->gpr[6] = EPAPR_MAGIC;
		r->gpr[7] = (uint32_t)boot_initial_area(v, entry);
	}
	ppc_sync_sprgs(r);
	a->idle = false;
	a->wdt_reset = false;
	a->timer_stale = true;
	a->loaded.valid = false;	/* every TID free again: PID0-2 mean nothing */
	shadow_pid_reset(&c->pids);
	ppc_flush_shadow(v);
	ppc_load_context(v);	/* MSR 0: address space 0 for both */
	c->guest = r;
}

/* Program the hardware decrementer for the guest timers' next event */
static void program_timer(struct arch_vcpu *a)
{
	uint64_t now = read_timebase(), next;

	a->timer_stale = false;
	if (vtimer_advance(&a->timer, now) & VTIMER_WDT_RESET)
		a->wdt_reset = true;
	next = vtimer_next_event(&a->timer);
	if (next == VTIMER_NEVER) {
		mtspr(SPR_TCR, 0);
		return;
	}
	mtspr(SPR_DEC, next <= now ? 1 : next - now > 0x7fffffffu ? 0x7fffffffu :
	      (uint32_t)(next - now));
	mtspr(SPR_TCR, TCR_DIE);
}

/* The interrupt the guest takes next, if its state lets it take one */
static bool pending_interrupt(struct vcpu *v, enum booke_exc *exc)
{
	struct arch_vcpu *a = v->arch;
	unsigned int timers = vtimer_pending(&a->timer);

	if ((timers & VTIMER_IRQ_WDT) && booke_irq_may_take(&a->regs, BOOKE_EXC_WATCHDOG))
		*exc = BOOKE_EXC_WATCHDOG;
	else if (vmpic_output(&v->part->arch->mpic, v->index) &&
		 booke_irq_may_take(&a->regs, BOOKE_EXC_EXTERNAL))
		*exc = BOOKE_EXC_EXTERNAL;
	else if ((timers & VTIMER_IRQ_DEC) &&
		 booke_irq_may_take(&a->regs, BOOKE_EXC_DECREMENTER))
		*exc = BOOKE_EXC_DECREMENTER;
	else if ((timers & VTIMER_IRQ_FIT) && booke_irq_may_take(&a->regs, BOOKE_EXC_FIT))
		*exc = BOOKE_EXC_FIT;
	else
		return false;
	return true;
}

static void deliver_interrupts(struct vcpu *v)
{
	struct arch_vcpu *a = v->arch;
	enum booke_exc exc;

	if (a->timer_stale)
		program_timer(a);
	if (pending_interrupt(v, &exc)) {
		booke_reflect(&a->regs, exc, 0, 0);
		a->idle = false;
		a->context_stale = true;
	}
}

/* The guest dozes: sleep until it can take an interrupt or must stop */
static void doze(struct vcpu *v)
{
	struct arch_vcpu *a = v->arch;

	while (a->idle && v->state == VCPU_RUNNING) {
		deliver_interrupts(v);
		if (!a->idle || a->wdt_reset)
			return;
		ppc_cpu_sleep(this_cpu()->core == &e500v2_core);
		if (mfspr(SPR_TSR) & TSR_DIS) {
			mtspr(SPR_TSR, TSR_DIS);
			a->timer_stale = true;
		}
		ppc_handle_irq();
	}
}

static void unsupported_context(struct vcpu *v, struct vm_exit *exit)
{
	exit->kind = EXIT_FAULT;
	exit->pc = v->arch->regs.pc;
	exit->syndrome = v->arch->regs.msr;
	exit->fault.kind = FAULT_TRAPPED_INSTRUCTION;
	exit->fault.addr = v->arch->regs.msr;
	exit->fault.detail = "MSR[IS] differs from MSR[DS], which this port cannot run";
}

/*
 * The guest's watchdog would reset its core (asm/vtimer.h): the core is
 * the hypervisor's, so the partition's fault policy decides instead.
 */
static void watchdog_reset(struct vcpu *v, struct vm_exit *exit)
{
	struct arch_vcpu *a = v->arch;

	a->wdt_reset = false;
	exit->kind = EXIT_FAULT;
	exit->pc = a->regs.pc;
	exit->syndrome = a->timer.tsr;
	exit->fault.kind = FAULT_UNHANDLED_EXCEPTION;
	exit->fault.addr = a->timer.tcr;
	exit->fault.detail = "watchdog: final time-out with TCR[WRC] set, a core reset";
}

void port_vcpu_run(struct vcpu *v)
{
	struct arch_vcpu *a = v->arch;
	struct ppc_cpu *c = this_cpu();
	struct vm_exit exit;

	for (;;) {
		unsigned int exc;

		deliver_interrupts(v);
		if (a->idle && !a->wdt_reset) {
			doze(v);
			if (v->state != VCPU_RUNNING)
				return;
			continue;
		}
		if (a->wdt_reset) {
			watchdog_reset(v, &exit);
		} else if (a->context_stale && ppc_load_context(v)) {
			unsupported_context(v, &exit);
		} else {
			ppc_tlbi_enter(v);
			exc = ppc_guest_enter(c);
			ppc_tlbi_leave(v);
			if (!ppc_handle_trap(v, exc, &exit))
				continue;
		}
		if (!core_exit_resumes(v, &exit))
			return;
	}
}

/* A bus error for the access: the guest's machine check, as its core reports one */
void port_vcpu_inject_abort(struct vcpu *v, const struct vm_exit *e)
{
	struct arch_vcpu *a = v->arch;
	enum booke_access kind = BOOKE_ACCESS_FETCH;
	uint32_t addr = (uint32_t)e->pc;

	if (e->kind == EXIT_MMIO || e->fault.kind == FAULT_UNMAPPED_ACCESS) {
		bool store = e->kind == EXIT_MMIO ? e->mmio.write : !!(e->syndrome & ESR_ST);

		kind = store ? BOOKE_ACCESS_STORE : BOOKE_ACCESS_LOAD;
		addr = mfspr(SPR_DEAR);
	}
	booke_reflect(&a->regs, BOOKE_EXC_MCHECK, a->regs.core->mcsr_bus_error[kind], addr);
	a->context_stale = true;
}
