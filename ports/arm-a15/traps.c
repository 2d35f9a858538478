// SPDX-License-Identifier: MIT
/*
 * Guest traps into HYP (vector 0x14), decoded from HSR into the core's
 * arch-neutral exit record. WFI/WFE and PSCI are handled here; MMIO,
 * hypercalls and faults go to the core.
 */
#include <bulkhead/partition.h>
#include <asm/arm.h>
#include <asm/decode.h>
#include <asm/guest.h>
#include <asm/psci.h>
#include <asm/sysregs.h>

#define DFSC_TRANSLATION(f)	(((f) & 0x3c) == 0x04)	/* LPAE translation fault, levels 0-3 */

static bool fault_exit(struct vm_exit *e, enum fault_kind kind, uint64_t pc,
		       uint64_t addr, uint32_t hsr, const char *detail)
{
	e->kind = EXIT_FAULT;
	e->pc = pc;
	e->syndrome = hsr;
	e->fault.kind = kind;
	e->fault.addr = addr;
	e->fault.detail = detail;
	return true;
}

static gpaddr_t fault_ipa(void)
{
	return ((uint64_t)(read_hpfar() & ~0xfu) << 8) | (read_hdfar() & 0xfffu);
}

/* Fetch and decode the instruction at the guest PC (syndrome had ISV=0). */
static int decode_guest_insn(const struct partition *p, const struct arm_regs *r,
			     struct arm_mem_access *a)
{
	uint16_t hw[2];
	uint32_t insn;

	if (!(r->cpsr & PSR_T)) {
		if (guest_read_virt(p, r->pc, &insn, 4))
			return -1;
		return arm_decode_ldst(insn, a);
	}
	if (guest_read_virt(p, r->pc, &hw[0], 2))
		return -1;
	if (thumb_insn_is_32bit(hw[0]) && guest_read_virt(p, r->pc + 2, &hw[1], 2))
		return -1;
	return thumb_decode_ldst(hw[0], hw[1], a);
}

static bool data_abort(struct vcpu *v, uint32_t hsr, struct vm_exit *e)
{
	struct arm_regs *r = &v->arch.regs;
	struct arm_mem_access *a = &v->arch.access;
	gpaddr_t ipa = fault_ipa();

	if (hsr & HSR_DABT_S1PTW)
		return fault_exit(e, FAULT_UNMAPPED_ACCESS, r->pc, ipa, hsr,
				  "stage-1 table walk");
	if (!DFSC_TRANSLATION(hsr & 0x3f))
		return fault_exit(e, FAULT_UNMAPPED_ACCESS, r->pc, ipa, hsr, "stage-2 abort");
	if (hsr & HSR_DABT_CM) {
		/* Cache maintenance by address on a device: nothing to do */
		r->pc += hsr_insn_len(hsr);
		return false;
	}
	if (hsr_decode_data_abort(hsr, a) && decode_guest_insn(v->part, r, a))
		return fault_exit(e, FAULT_UNDECODABLE_ACCESS, r->pc, ipa, hsr, NULL);
	if (a->reglist & (a->reglist - 1))
		return fault_exit(e, FAULT_UNDECODABLE_ACCESS, r->pc, ipa, hsr,
				  "multiple-register access");
	if ((r->cpsr & PSR_MODE_MASK) == 0x11 && a->rt >= 8)
		return fault_exit(e, FAULT_UNDECODABLE_ACCESS, r->pc, ipa, hsr,
				  "FIQ-banked register");
	e->kind = EXIT_MMIO;
	e->pc = r->pc;
	e->syndrome = hsr;
	e->mmio.addr = ipa;
	e->mmio.size = a->size;
	e->mmio.write = a->write;
	e->mmio.value = a->write ? guest_reg_read(r, a->rt) : 0;
	return true;
}

/*
 * The guest took an exception whose vector is not mapped: it has no
 * handler for it, which for a bare-metal guest is a crash. Report the
 * instruction that caused it, found in the exception mode's banked LR.
 */
static const struct {
	const char *what;
	uint32_t mode;
	uint32_t arm_off, thumb_off;	/* LR minus this = the culprit */
} vectors[8] = {
	[1] = { "undefined instruction", 0x1b, 4, 2 },
	[2] = { "supervisor call", 0x13, 4, 2 },
	[3] = { "prefetch abort", 0x17, 4, 4 },
	[4] = { "data abort", 0x17, 8, 8 },
	[6] = { "IRQ", 0x12, 4, 4 },
	[7] = { "FIQ", 0x11, 4, 4 },
};

static bool prefetch_abort(struct vcpu *v, uint32_t hsr, struct vm_exit *e)
{
	struct arm_regs *r = &v->arch.regs;
	uint32_t vbar = (read_sctlr() & (1u << 13)) ? 0xffff0000u : read_vbar();
	uint32_t off = r->pc - vbar;
	gpaddr_t ipa = ((uint64_t)(read_hpfar() & ~0xfu) << 8) | (read_hifar() & 0xfffu);

	if (off < 0x20 && !(off & 3) && vectors[off / 4].what) {
		uint32_t mode = vectors[off / 4].mode;
		bool thumb = guest_banked_spsr(mode) & PSR_T;
		uint32_t pc = guest_banked_lr(mode) -
			      (thumb ? vectors[off / 4].thumb_off : vectors[off / 4].arm_off);

		return fault_exit(e, FAULT_UNHANDLED_EXCEPTION, pc, ipa, hsr,
				  vectors[off / 4].what);
	}
	return fault_exit(e, FAULT_INSTRUCTION_FETCH, r->pc, ipa, hsr, NULL);
}

bool arm_handle_trap(struct vcpu *v, struct vm_exit *e)
{
	struct arm_regs *r = &v->arch.regs;
	uint32_t hsr = read_hsr();

	switch (hsr_ec(hsr)) {
	case HSR_EC_WFI_WFE:
		r->pc += hsr_insn_len(hsr);
		return false;
	case HSR_EC_HVC:
		e->kind = EXIT_HYPERCALL;
		e->pc = r->pc - 4;
		e->syndrome = hsr;
		e->hcall.nr = r->r[0];
		e->hcall.arg[0] = r->r[1];
		e->hcall.arg[1] = r->r[2];
		e->hcall.arg[2] = r->r[3];
		e->hcall.ret[0] = 0;
		e->hcall.ret[1] = r->r[1];
		return true;
	case HSR_EC_SMC:
		return psci_guest_call(v);
	case HSR_EC_DABT_LOWER:
		return data_abort(v, hsr, e);
	case HSR_EC_IABT_LOWER:
		return prefetch_abort(v, hsr, e);
	default:
		return fault_exit(e, FAULT_TRAPPED_INSTRUCTION, r->pc, 0, hsr,
				  hsr_ec_name(hsr_ec(hsr)));
	}
}
