// SPDX-License-Identifier: MIT
/*
 * vCPU life cycle on the Cortex-A15: reset to the guest boot state, the
 * run loop around arm_guest_enter(), and completion of emulated
 * instructions. Guest CP15 state is not saved or restored: each physical
 * CPU runs exactly one vCPU, so the guest owns its PL1 registers, its
 * virtual timer and its GIC virtual CPU interface, and each boot resets
 * them in place (vcpu_reset.c, vgic_hw.c, sysreg_trap.c).
 *
 * WFI is not trapped: a guest waiting for an interrupt sleeps on its own
 * CPU, and any physical interrupt (a kick, its timer, a maintenance
 * interrupt) still brings it to HYP. WFE is trapped and skipped.
 */
#include <string.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <asm/arm.h>
#include <asm/guest.h>
#include <asm/sysreg_trap.h>
#include <asm/sysregs.h>
#include <asm/vcpu.h>

#define HCR_GUEST	(HCR_VM | HCR_SWIO | HCR_FMO | HCR_IMO | HCR_AMO | \
			 HCR_TWE | HCR_TSC | HCR_TAC | HCR_TIDCP)
#define VMPIDR_MP	0x80000000u

void port_vcpu_reset(struct vcpu *v, gpaddr_t entry, gpaddr_t fdt, uint64_t context)
{
	struct arm_regs *r = &v->arch->regs;

	memset(r, 0, sizeof(*r));
	r->r[0] = (uint32_t)context;
	r->r[1] = 0xffffffffu;		/* no board number: the DT describes it */
	r->r[2] = (uint32_t)fdt;
	/* PSCI: bit 0 of an AArch32 entry address selects Thumb state */
	r->pc = (uint32_t)entry & ~1u;
	r->cpsr = PSR_MODE_SVC | PSR_A | PSR_I | PSR_F | ((entry & 1) ? PSR_T : 0);

	vgic_hw_vcpu_reset(v);	/* first: it turns the virtual timer off */
	guest_cpu_reset();
	write_vmpidr(VMPIDR_MP | v->index);
	write_vttbr(v->part->arch->vttbr);
	sysreg_vcpu_reset(v);	/* debug and PMU traps, PMU state */
	write_hcr(HCR_GUEST);
	isb();
	/* Forget the previous boot's translations of this CPU */
	tlbi_all_guest_local();
	dsb();
	isb();
}

void port_vcpu_complete_exit(struct vcpu *v, const struct vm_exit *exit)
{
	struct arm_regs *r = &v->arch->regs;
	const struct arm_mmio_insn *m = &v->arch->mmio;

	if (exit->kind == EXIT_HYPERCALL) {
		r->r[0] = (uint32_t)exit->hcall.ret[0];
		r->r[1] = (uint32_t)exit->hcall.ret[1];
		return;
	}
	if (exit->kind != EXIT_MMIO)
		return;
	/* The decoders refuse a load that writes back its own rt */
	if (!exit->mmio.write)
		guest_reg_write(r, m->rt, arm_extend_load(m, exit->mmio.value));
	if (m->wb_reg != ARM_NO_WRITEBACK)
		guest_reg_write(r, m->wb_reg, m->new_base);
	arm_skip_insn(r, m->insn_len);
}

/*
 * Exits the core answers EXIT_RESUME (most MMIO and hypercalls) or
 * EXIT_ABORT (inject.c) go straight back to the guest: its state is
 * checked here instead of in the run loop. A stopper who changes it
 * after this look has kicked us, and the pending kick ends the next
 * guest entry at once.
 */
void port_vcpu_run(struct vcpu *v)
{
	struct arch_vcpu *a = v->arch;
	struct vm_exit exit;

	for (;;) {
		uint32_t vector;

		/*
		 * Read without the lock: a source that queues something
		 * after this look also kicks this CPU, which exits at once.
		 */
		if (a->listed || __atomic_load_n(&a->vgic_cpu->queued_words, __ATOMIC_RELAXED))
			vgic_hw_flush(v);
		vector = arm_guest_enter(&a->regs);
		if (a->listed)
			vgic_hw_sync(v);
		if (vector == EXIT_VECTOR_DONE)
			continue;
		if (vector != EXIT_VECTOR_TRAP) {
			gic_handle_irqs(v);
			return;
		}
		exit.kind = EXIT_NONE;
		if (!arm_handle_trap(v, &exit))
			continue;
		if (!core_exit_resumes(v, &exit))
			return;
	}
}
