// SPDX-License-Identifier: MIT
/*
 * Delivery of the abort the core asks for with EXIT_ABORT (a partition
 * with unmapped-access = "abort" touched an address it does not map): the
 * guest goes on at its own prefetch or data abort vector as after a bus
 * error, its DFSR/DFAR or IFSR/IFAR saying what failed. The guest's PL1
 * registers are live in the CPU (vcpu.c), so they are written in place;
 * abort.c works out their values.
 */
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <asm/abort.h>
#include <asm/arm.h>
#include <asm/decode.h>
#include <asm/guest.h>
#include <asm/sysregs.h>

void port_vcpu_inject_abort(struct vcpu *v, const struct vm_exit *e)
{
	struct arm_regs *r = &v->arch->regs;
	uint32_t hsr = (uint32_t)e->syndrome;
	bool prefetch = hsr_ec(hsr) == HSR_EC_IABT_LOWER;
	struct arm_abort_cause c = {
		.prefetch = prefetch,
		.write = !prefetch && (hsr & HSR_DABT_WNR),
		.pc = r->pc,
		.cpsr = r->cpsr,
		.sctlr = read_sctlr(),
		.vbar = read_vbar(),
		.ttbcr = read_ttbcr(),
	};
	struct arm_abort_entry a;

	arm_abort_entry(&c, &a);
	/* HIFAR and HDFAR still hold the trap's address: the guest has not run since */
	if (prefetch) {
		write_ifsr(a.fsr);
		write_ifar(read_hifar());
	} else {
		write_dfsr(a.fsr);
		write_dfar(read_hdfar());
	}
	guest_set_banked_spsr(PSR_MODE_ABT, a.spsr_abt);
	guest_set_banked_lr(PSR_MODE_ABT, a.lr_abt);
	r->cpsr = a.cpsr;
	r->pc = a.pc;
}
