// SPDX-License-Identifier: MIT
/*
 * Guest traps into HYP (vector 0x14), decoded from HSR into the core's
 * arch-neutral exit record. WFI/WFE and PSCI are handled here; MMIO,
 * hypercalls, faults and PSCI's power calls go to the core.
 */
#include <stddef.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <asm/arm.h>
#include <asm/decode.h>
#include <asm/fault_ipa.h>
#include <asm/guest.h>
#include <asm/psci.h>
#include <asm/regs_offsets.h>
#include <asm/sysreg_trap.h>
#include <asm/sysregs.h>
#include <asm/vcpu.h>

/* entry.S's hypercall fast path reads struct hypercall_constants so */
_Static_assert(offsetof(struct hypercall_constants, base) == 0 &&
	       offsetof(struct hypercall_constants, count) == 4 &&
	       offsetof(struct hypercall_constants, call) == 8 &&
	       sizeof(hypercall_constants.call[0]) == 8,
	       "entry.S relies on this layout");
_Static_assert(offsetof(struct arch_vcpu, listed) - offsetof(struct arch_vcpu, regs) ==
	       REGS_LISTED &&
	       offsetof(struct arch_vcpu, hyp_sp) - offsetof(struct arch_vcpu, regs) ==
	       REGS_HYP_SP, "entry.S finds listed and hyp_sp from regs");

#define CP15_ACTLR(c)		((c)->crn == 1 && (c)->opc1 == 0 && (c)->crm == 0 && (c)->opc2 == 1)

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

static __attribute__((noinline, cold)) bool stage1_fault_ipa(uint32_t far, uint32_t hsr,
								gpaddr_t *ipa)
{
	uint64_t par = (hsr & HSR_DABT_S1PTW) ? 0 : guest_stage1_par(far);

	return fault_ipa_stage1(hsr, read_hpfar(), far, par, ipa);
}

/*
 * The faulting IPA of an abort at virtual address @far (HDFAR or HIFAR);
 * false when the guest must run the access again (fault_ipa.h). With the
 * guest's MMU off, as the bare-metal samples run, it is @far, at no cost.
 * With it on, any stage 1 (long descriptors, a supersection) can output
 * an address above 4 GiB, which HPFAR may not show: translate.
 */
static inline bool fault_ipa(uint32_t far, uint32_t hsr, gpaddr_t *ipa)
{
	if (!(read_sctlr() & SCTLR_M)) {
		*ipa = far;
		return true;
	}
	return stage1_fault_ipa(far, hsr, ipa);
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

/*
 * The usual device access: a stage-2 translation fault with a valid
 * syndrome, and no doubleword (SAS 0b11, reserved in AArch32)
 */
#define HSR_DABT_SAS_MASK	(0x3u << 22)
#define DABT_PLAIN_MASK		(HSR_DABT_S1PTW | HSR_DABT_CM | 0x3c)
#define DABT_PLAIN		0x04

enum abort_decoding { ABORT_DECODED, ABORT_SKIPPED, ABORT_FAULT };

/* We keep only the USR bank of r8-r12: FIQ mode's own are not saved */
static bool fiq_banked(const struct arm_regs *r, unsigned int reg)
{
	return reg >= 8 && (r->cpsr & PSR_MODE_MASK) == PSR_MODE_FIQ;
}

/* Why a decoded access cannot be emulated, or NULL */
static const char *unsupported_access(const struct arm_regs *r, const struct arm_mem_access *a)
{
	if (a->reglist & (a->reglist - 1))
		return "multiple-register access";
	if (a->writeback && (fiq_banked(r, a->rn) || (a->uses_rm && fiq_banked(r, a->rm))))
		return "FIQ-banked register";
	return NULL;
}

/*
 * Every other data abort: a fault, cache maintenance on a device (nothing
 * to do), or an access whose instruction we decode ourselves (ISV=0,
 * e.g. one with writeback) into @m, the new base worked out from the
 * registers as they are now.
 */
static __attribute__((noinline, cold)) enum abort_decoding
decode_other_abort(struct vcpu *v, uint32_t hsr, gpaddr_t ipa, struct arm_mmio_insn *m,
		   struct vm_exit *e)
{
	struct arm_regs *r = &v->arch->regs;
	struct arm_mem_access a;
	const char *why;

	if (hsr & HSR_DABT_S1PTW) {
		fault_exit(e, FAULT_UNMAPPED_ACCESS, r->pc, ipa, hsr, "stage-1 table walk");
		return ABORT_FAULT;
	}
	if (!FSC_TRANSLATION(hsr_fsc(hsr))) {
		fault_exit(e, FAULT_UNMAPPED_ACCESS, r->pc, ipa, hsr, hsr_fsc_name(hsr_fsc(hsr)));
		return ABORT_FAULT;
	}
	if (hsr & HSR_DABT_CM) {
		arm_skip_insn(r, hsr_insn_len(hsr));
		return ABORT_SKIPPED;
	}
	if (!hsr_decode_data_abort(hsr, m))
		return ABORT_DECODED;
	if (decode_guest_insn(v->part, r, &a)) {
		fault_exit(e, FAULT_UNDECODABLE_ACCESS, r->pc, ipa, hsr, NULL);
		return ABORT_FAULT;
	}
	why = unsupported_access(r, &a);
	if (why) {
		fault_exit(e, FAULT_UNDECODABLE_ACCESS, r->pc, ipa, hsr, why);
		return ABORT_FAULT;
	}
	*m = (struct arm_mmio_insn){
		.write = a.write,
		.sign_extend = a.sign_extend,
		.size = a.size,
		.insn_len = a.insn_len,
		.rt = a.rt,
		.wb_reg = a.writeback ? a.rn : ARM_NO_WRITEBACK,
		.new_base = a.writeback ?
			arm_ldst_writeback_value(&a, guest_reg_read(r, a.rn),
						 guest_reg_read(r, a.rm)) : 0,
	};
	return ABORT_DECODED;
}

static bool plain_data_abort(uint32_t hsr)
{
	/* ISV apart: the mask is then an immediate operand */
	return (hsr & HSR_DABT_ISV) && (hsr & DABT_PLAIN_MASK) == DABT_PLAIN &&
	       (hsr & HSR_DABT_SAS_MASK) != HSR_DABT_SAS_MASK;
}

/* The common device access: a syndrome-described load or store of r0-r12 (not FIQ-banked). */
static inline __attribute__((always_inline)) bool
plain_device_candidate(const struct arm_regs *r, uint32_t hsr)
{
	unsigned int rt = (hsr >> 16) & 0xf;

	return plain_data_abort(hsr) && rt <= 12 && !fiq_banked(r, rt);
}

/*
 * A plain_device_candidate() done on the spot, at guest-physical @ipa:
 * false, with nothing done, when the device does not take it (mmio_exit()
 * takes it then). Inlined in both its callers: on entry.S's fast path a
 * call is a sizeable part. @r is @v's registers, which that path has at
 * hand without a load.
 */
static inline __attribute__((always_inline)) bool
plain_device_access(struct vcpu *v, struct arm_regs *r, uint32_t hsr, gpaddr_t ipa)
{
	unsigned int rt = (hsr >> 16) & 0xf;
	struct arm_mmio_insn m;
	struct mmio_access a;

	a.addr = ipa;
	a.size = 1u << ((hsr >> 22) & 0x3);
	a.write = hsr & HSR_DABT_WNR;
	a.value = r->r[rt];
	if (mmio_emulate(v, &v->part->mmio, &a))
		return false;
	/* The rest of the syndrome only now: fewer values live across the call */
	hsr_dabt_access(hsr, &m);
	if (!m.write)
		r->r[rt] = arm_extend_load(&m, a.value);
	arm_skip_insn(r, m.insn_len);
	return true;
}

/*
 * Any other guest load or store outside its RAM, and one the device model
 * refused: the core's MMIO exit (which reports what it cannot do), or a
 * fault.
 */
static __attribute__((noinline)) bool mmio_exit(struct vcpu *v, uint32_t hsr, gpaddr_t ipa,
						 struct vm_exit *e)
{
	struct arm_regs *r = &v->arch->regs;
	struct arm_mmio_insn *m = &v->arch->mmio;

	if (plain_data_abort(hsr)) {
		hsr_dabt_access(hsr, m);
	} else {
		enum abort_decoding d = decode_other_abort(v, hsr, ipa, m, e);

		if (d != ABORT_DECODED)
			return d == ABORT_FAULT;
	}
	if (fiq_banked(r, m->rt))
		return fault_exit(e, FAULT_UNDECODABLE_ACCESS, r->pc, ipa, hsr,
				  "FIQ-banked register");
	e->kind = EXIT_MMIO;
	e->pc = r->pc;
	e->syndrome = hsr;
	e->mmio.addr = ipa;
	e->mmio.size = m->size;
	e->mmio.write = m->write;
	e->mmio.value = m->write ? guest_reg_read(r, m->rt) : 0;
	return true;
}

/*
 * Called by entry.S for a data abort from the guest while no list
 * register is in use, the guest's registers saved, IRQs masked. The
 * common device access is done right there: 0 resumes the guest at once
 * (also when it must run the access again, fault_ipa.h), EXIT_VECTOR_DONE
 * returns to the run loop to deliver an interrupt the access raised for
 * this vCPU. EXIT_VECTOR_TRAP, with nothing done, hands anything else to
 * arm_handle_trap().
 */
uint32_t arm_vector_data_abort(struct arm_regs *r, uint32_t hsr)
{
	struct arch_vcpu *a = (struct arch_vcpu *)((char *)r - offsetof(struct arch_vcpu, regs));
	gpaddr_t ipa;

	if (!plain_device_candidate(r, hsr))
		return EXIT_VECTOR_TRAP;
	if (!fault_ipa(read_hdfar(), hsr, &ipa))
		return 0;	/* nothing done: the guest runs the access again */
	if (!plain_device_access(a->vcpu, r, hsr, ipa))
		return EXIT_VECTOR_TRAP;
	if (__atomic_load_n(&a->vgic_cpu->queued_words, __ATOMIC_RELAXED))
		return EXIT_VECTOR_DONE;
	return 0;
}

/* The IPA once for both tries: with the guest's MMU on it costs a translation. */
static bool data_abort(struct vcpu *v, uint32_t hsr, struct vm_exit *e)
{
	struct arm_regs *r = &v->arch->regs;
	gpaddr_t ipa;

	if (!fault_ipa(read_hdfar(), hsr, &ipa))
		return false;	/* nothing done: the guest runs the access again */
	if (plain_device_candidate(r, hsr) && plain_device_access(v, r, hsr, ipa))
		return false;
	return mmio_exit(v, hsr, ipa, e);
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
	[1] = { "undefined instruction", PSR_MODE_UND, 4, 2 },
	[2] = { "supervisor call", PSR_MODE_SVC, 4, 2 },
	[3] = { "prefetch abort", PSR_MODE_ABT, 4, 4 },
	[4] = { "data abort", PSR_MODE_ABT, 8, 8 },
	[6] = { "IRQ", PSR_MODE_IRQ, 4, 4 },
	[7] = { "FIQ", PSR_MODE_FIQ, 4, 4 },
};

static bool prefetch_abort(struct vcpu *v, uint32_t hsr, struct vm_exit *e)
{
	struct arm_regs *r = &v->arch->regs;
	uint32_t vbar = (read_sctlr() & SCTLR_V) ? 0xffff0000u : read_vbar();
	uint32_t off = r->pc - vbar;
	gpaddr_t ipa;

	if (!fault_ipa(read_hifar(), hsr, &ipa))
		return false;
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

/*
 * A trapped coprocessor access the hypervisor answers: true when done.
 * HCR.TAC traps the guest's ACTLR accesses: reads see the real value,
 * writes are ignored, because its SMP bit takes the CPU out of the
 * coherency the hypervisor's own data depends on. The debug registers,
 * the PMU and the implementation-defined c9-c11 are sysreg_trap.c's.
 */
static bool coproc_emulated(struct arm_regs *r, uint32_t hsr)
{
	struct hsr_cp_access c;

	if (hsr_ec(hsr) != HSR_EC_CP15_32)
		return sysreg_emulate_cp14(r, hsr);
	hsr_decode_cp32(hsr, &c);
	if (!CP15_ACTLR(&c) || c.rt == 15)
		return sysreg_emulate_cp15(r, &c, hsr);
	if (c.read)
		guest_reg_write(r, c.rt, read_actlr());
	arm_skip_insn(r, hsr_insn_len(hsr));
	return true;
}

/* Every trap but a data abort: kept apart so that the MMIO path stays short */
static __attribute__((noinline)) bool other_trap(struct vcpu *v, uint32_t hsr,
						  struct vm_exit *e)
{
	struct arm_regs *r = &v->arch->regs;

	switch (hsr_ec(hsr)) {
	case HSR_EC_WFI_WFE:
		arm_skip_insn(r, hsr_insn_len(hsr));
		return false;
	case HSR_EC_CP15_32:
	case HSR_EC_CP14_32:
	case HSR_EC_CP14_LS:
	case HSR_EC_CP14_64:
		if (!hsr_cond_passed(hsr, r->cpsr)) {
			arm_skip_insn(r, hsr_insn_len(hsr));
			return false;
		}
		if (coproc_emulated(r, hsr))
			return false;
		return fault_exit(e, FAULT_TRAPPED_INSTRUCTION, r->pc, 0, hsr,
				  hsr_ec_name(hsr_ec(hsr)));
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
		/* ELR_hyp points at the SMC; one failing its condition is a no-op */
		arm_skip_insn(r, 4);
		return hsr_cond_passed(hsr, r->cpsr) && psci_guest_call(v, e);
	case HSR_EC_IABT_LOWER:
		return prefetch_abort(v, hsr, e);
	default:
		return fault_exit(e, FAULT_TRAPPED_INSTRUCTION, r->pc, 0, hsr,
				  hsr_ec_name(hsr_ec(hsr)));
	}
}

bool arm_handle_trap(struct vcpu *v, struct vm_exit *e)
{
	uint32_t hsr = read_hsr();

	if (hsr_ec(hsr) == HSR_EC_DABT_LOWER)
		return data_abort(v, hsr, e);
	return other_trap(v, hsr, e);
}
