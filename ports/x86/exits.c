// SPDX-License-Identifier: MIT
/*
 * What each #VMEXIT comes to. QEMU's SVM has no next-RIP saving, so the
 * length of each instruction the port finishes is its own: CPUID and
 * RDMSR/WRMSR 2 bytes, VMMCALL 3; an IOIO exit gives the next RIP
 * in EXITINFO2. Exits the core must see become a struct vm_exit: VMMCALL
 * a hypercall (function in RAX, arguments in RDI, RSI, RDX), HLT a wait
 * for an interrupt (vlapic_hw.c) or a halt,
 * IN and OUT the port-I/O bus's when it refuses them (exits_io.c), a nested
 * page fault on an emulated device the MMIO bus's (mmio_exit.c), one
 * outside the partition's map a fault, and everything a guest
 * has no business doing (SVM instructions, task switches, a triple fault)
 * a fault report with the partition's policy.
 */
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <asm/cpuid.h>
#include <asm/cr_exit.h>
#include <asm/exits.h>
#include <asm/mmio_exit.h>
#include <asm/vcpu.h>
#include <asm/vlapic_hw.h>
#include <asm/x86.h>

#define LEN_CPUID	2
#define LEN_VMMCALL	3
#define VECTOR_UD	6

static bool fault(struct vm_exit *exit, enum fault_kind kind, uint64_t addr, const char *detail)
{
	exit->kind = EXIT_FAULT;
	exit->fault.kind = kind;
	exit->fault.addr = addr;
	exit->fault.detail = detail;
	return true;
}

static bool guest_cpuid(struct vcpu *v)
{
	struct arch_vcpu *a = v->arch;
	struct vmcb_save *s = &a->vmcb->save;
	uint32_t leaf = (uint32_t)s->rax;
	struct cpuid_vcpu who = { v->index, v->part->nvcpus, s->cr4 };
	struct cpuid_regs r = cpuid(leaf, (uint32_t)a->regs.rcx);

	cpuid_filter(leaf, &who, &r);
	s->rax = r.eax;
	a->regs.rbx = r.ebx;
	a->regs.rcx = r.ecx;
	a->regs.rdx = r.edx;
	s->rip += LEN_CPUID;
	return false;
}

/* From CPL 0 only: the guest's user code gets #UD, as on a CPU without SVM */
static bool hypercall(struct vcpu *v, struct vm_exit *exit)
{
	struct arch_vcpu *a = v->arch;

	if (a->vmcb->save.cpl) {
		svm_inject_exception(v, VECTOR_UD, false, 0);
		return false;
	}
	exit->kind = EXIT_HYPERCALL;
	exit->hcall.nr = (uint32_t)a->vmcb->save.rax;
	exit->hcall.arg[0] = a->regs.rdi;
	exit->hcall.arg[1] = a->regs.rsi;
	exit->hcall.arg[2] = a->regs.rdx;
	a->next_rip = a->vmcb->save.rip + LEN_VMMCALL;
	return true;
}

/*
 * A nested page fault. Every region the port maps is mapped in full, so
 * the access is outside them, to an emulated device (mmio_exit.c decodes
 * its instruction), or one its region forbids (a fetch from memory
 * mapped without execute, a write to a read-only one). The report's
 * syndrome is EXITINFO1, which says which of these.
 */
static bool nested_fault(struct vcpu *v, struct vm_exit *exit)
{
	const struct vmcb_control *c = &v->arch->vmcb->control;
	const struct guest_region *r = guest_region_find(v->part, c->exit_info2);
	bool write = c->exit_info1 & NPF_WRITE;

	exit->syndrome = c->exit_info1;
	if (r && (r->flags & GUEST_EMULATED))
		return svm_mmio_exit(v, exit);
	if (c->exit_info1 & NPF_FETCH)
		return fault(exit, FAULT_INSTRUCTION_FETCH, c->exit_info2,
			     r ? "from memory mapped without execute" : NULL);
	return fault(exit, FAULT_UNMAPPED_ACCESS, c->exit_info2,
		     r ? "a write its region forbids" : write ? "write" : "read");
}

static const char *refused_name(uint32_t code)
{
	switch (code) {
	case VMEXIT_VMRUN: case VMEXIT_VMLOAD: case VMEXIT_VMSAVE: case VMEXIT_STGI:
	case VMEXIT_CLGI: case VMEXIT_SKINIT: case VMEXIT_INVLPGA:
		return "an SVM instruction, the hypervisor's";
	case VMEXIT_MONITOR: case VMEXIT_MWAIT: case VMEXIT_MWAIT_ARMED:
		return "MONITOR/MWAIT, which CPUID does not offer";
	case VMEXIT_XSETBV:
		return "XSETBV";
	case VMEXIT_INVD:
		return "INVD, which would drop other partitions' cached writes";
	case VMEXIT_RSM:
		return "RSM outside system management mode";
	case VMEXIT_ICEBP:
		return "ICEBP";
	case VMEXIT_TASK_SWITCH:
		return "a hardware task switch";
	default:
		return NULL;
	}
}

bool svm_handle_exit(struct vcpu *v, struct vm_exit *exit)
{
	struct vmcb *vmcb = v->arch->vmcb;
	uint32_t code = (uint32_t)vmcb->control.exit_code;
	const char *refused = refused_name(code);

	exit->kind = EXIT_NONE;
	exit->pc = vmcb->save.rip;
	exit->syndrome = vmcb->control.exit_code;
	if (refused)
		return fault(exit, FAULT_TRAPPED_INSTRUCTION, vmcb->save.rip, refused);
	switch (code) {
	case VMEXIT_CPUID:
		return guest_cpuid(v);
	case VMEXIT_VMMCALL:
		return hypercall(v, exit);
	case VMEXIT_HLT:
		return vlapic_hw_halt(v, exit);
	case VMEXIT_IOIO:
		return svm_io_exit(v, exit);
	case VMEXIT_MSR:
		return svm_msr_exit(v, exit);
	case VMEXIT_NPF:
		return nested_fault(v, exit);
	case VMEXIT_VINTR:
		return false;	/* the guest can take its interrupt: injected at entry */
	case VMEXIT_CR_WRITE(0):
		return svm_cr_write_exit(v, 0, exit);
	case VMEXIT_CR_WRITE(4):
		return svm_cr_write_exit(v, 4, exit);
	case VMEXIT_NMI:
	case VMEXIT_SMI:
	case VMEXIT_INIT:
		return false;	/* the host's: taken once the guest is out */
	case VMEXIT_SHUTDOWN:
		return fault(exit, FAULT_UNHANDLED_EXCEPTION, vmcb->save.rip,
			     "shutdown: a triple fault");
	case VMEXIT_INVALID:
		return fault(exit, FAULT_UNHANDLED_EXCEPTION, vmcb->save.rip,
			     "VMRUN refused the guest's state");
	default:
		return fault(exit, FAULT_UNHANDLED_EXCEPTION, vmcb->save.rip,
			     "an exit the hypervisor does not expect");
	}
}
