// SPDX-License-Identifier: MIT
/*
 * The CR0 and CR4 write exits: the instruction at RIP decoded
 * (cr_rules.c) and applied to the guest's VMCB state as the CPU would,
 * or answered with #GP(0) as the CPU does for a write it refuses. The
 * guest's own code decides what that does; the VMCB never holds a state
 * VMRUN refuses. An instruction that cannot be read or decoded (LMSW)
 * is the guest's fault.
 */
#include <bulkhead/partition.h>
#include <asm/cr_exit.h>
#include <asm/cr_rules.h>
#include <asm/mmio_exit.h>
#include <asm/vcpu.h>
#include <asm/x86.h>

#define CR0_TS		(1u << 3)
#define VECTOR_GP	13

static uint64_t host_cr4_allowed(void)
{
	struct cpuid_regs r1 = cpuid(1, 0);
	struct cpuid_regs r7 = cpuid(0, 0).eax >= 7 ? cpuid(7, 0) : (struct cpuid_regs){ 0 };
	const uint32_t leaf1[4] = { r1.eax, r1.ebx, r1.ecx, r1.edx };
	const uint32_t leaf7[4] = { r7.eax, r7.ebx, r7.ecx, r7.edx };

	return x86_cr4_allowed(leaf1, leaf7);
}

bool svm_cr_write_exit(struct vcpu *v, unsigned int cr, struct vm_exit *exit)
{
	struct arch_vcpu *a = v->arch;
	struct vmcb_save *s = &a->vmcb->save;
	enum x86_code_mode mode = svm_code_mode(s);
	struct x86_cr_state st = { s->cr0, s->cr4, s->efer, mode == X86_CODE_64,
				   host_cr4_allowed() };
	uint8_t code[X86_INSN_MAX];
	size_t got = svm_fetch_insn(v, mode, code);
	struct x86_cr_write w;
	uint64_t val;
	bool flush;

	if (!got || x86_decode_cr_write(code, got, mode, &w) || (w.clts ? 0 : w.cr) != cr) {
		exit->kind = EXIT_FAULT;
		exit->fault.kind = FAULT_TRAPPED_INSTRUCTION;
		exit->fault.addr = s->rip;
		exit->fault.detail = cr ? "a CR4 write not decoded" :
				     "a CR0 write not decoded (LMSW is not emulated)";
		return true;
	}
	val = w.clts ? s->cr0 & ~(uint64_t)CR0_TS : *svm_gpr(a, w.gpr);
	if (mode != X86_CODE_64)
		val = (uint32_t)val;
	if (x86_cr_apply(&st, cr, val, &flush)) {
		svm_inject_exception(v, VECTOR_GP, true, 0);
		return false;
	}
	s->cr0 = st.cr0;
	s->cr4 = st.cr4;
	s->efer = st.efer;
	if (flush)
		a->vmcb->control.tlb_control = TLB_CONTROL_FLUSH_ASID;
	s->rip += w.len;
	return false;
}
