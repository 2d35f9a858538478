// SPDX-License-Identifier: MIT
/*
 * vCPU life cycle on SVM: the boot state, the run loop around
 * svm_vmrun(), finishing the instructions behind exits the core served
 * and injecting the exceptions the port answers with. Each physical CPU
 * runs one vCPU, so the guest's x87, SSE and debug registers simply stay
 * in the CPU between its exits: the hypervisor never uses them, and
 * loads the x87 and SSE ones only at each boot of the vCPU.
 */
#include <string.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <asm/cpu.h>
#include <asm/exits.h>
#include <asm/guest_boot.h>
#include <asm/mmio_exit.h>
#include <asm/vcpu.h>
#include <asm/vlapic_hw.h>
#include <asm/x86.h>

#define VECTOR_MC	18

_Static_assert(__builtin_offsetof(struct x86_regs, rbx) == REG_RBX &&
	       __builtin_offsetof(struct x86_regs, rdi) == REG_RDI &&
	       __builtin_offsetof(struct x86_regs, rbp) == REG_RBP &&
	       __builtin_offsetof(struct x86_regs, r8) == REG_R8 &&
	       __builtin_offsetof(struct x86_regs, r15) == REG_R15,
	       "svm_entry.S's view of struct x86_regs");
_Static_assert(__builtin_offsetof(struct vmcb, save.efer) == 0x4d0 &&
	       __builtin_offsetof(struct vmcb, save.cr4) == 0x548 &&
	       __builtin_offsetof(struct vmcb, save.rip) == 0x578 &&
	       __builtin_offsetof(struct vmcb, save.rsp) == 0x5d8 &&
	       __builtin_offsetof(struct vmcb, save.rax) == 0x5f8 &&
	       __builtin_offsetof(struct vmcb, save.cr2) == 0x640 &&
	       __builtin_offsetof(struct vmcb, save.g_pat) == 0x668 &&
	       __builtin_offsetof(struct vmcb, control.exit_code) == 0x70 &&
	       __builtin_offsetof(struct vmcb, control.event_inj) == 0xa8 &&
	       __builtin_offsetof(struct vmcb, control.n_cr3) == 0xb0 &&
	       sizeof(struct vmcb) == 0x1000, "the VMCB layout of the AMD64 APM");

/*
 * The x87 and SSE registers a partition's boot starts with, as FXRSTOR
 * loads them: FCW 0x37f and MXCSR 0x1f80 (every exception masked, as
 * after FNINIT and a reset), every register and tag empty. The
 * hypervisor opens the FPU for this one instruction only.
 */
static const struct {
	uint16_t fcw;
	uint8_t fill0[22];
	uint32_t mxcsr;
	uint8_t fill1[484];
} __attribute__((aligned(16))) fpu_clean = { .fcw = 0x37f, .mxcsr = 0x1f80 };
_Static_assert(sizeof(fpu_clean) == 512, "the FXSAVE area");

static void fpu_reset(void)
{
	uint64_t cr0 = read_cr(0), cr4 = read_cr(4);

	write_cr(0, cr0 & ~(uint64_t)CR0_EM);
	write_cr(4, cr4 | CR4_OSFXSR);
	__asm__ volatile("fxrstor %0" : : "m"(fpu_clean));
	write_cr(4, cr4);
	write_cr(0, cr0);
}

/*
 * vCPU 0 boots the partition: it writes the tables and GDT every vCPU
 * enters on (no other vCPU of the partition runs yet); the others find
 * them there.
 */
void port_vcpu_reset(struct vcpu *v, gpaddr_t entry, gpaddr_t fdt, uint64_t context)
{
	gpaddr_t area = v->part->fdt_gpa + GUEST_FDT_SIZE;
	size_t len = GUEST_BOOT_AREA;
	void *at = NULL;
	paddr_t pa;

	if (!v->index && !guest_ram_translate(v->part, area, GUEST_BOOT_AREA, &pa))
		at = port_phys_map(pa, &len);
	if (at && len == GUEST_BOOT_AREA)
		guest_boot_build(at, area);
	fpu_reset();
	vmcb_reset(v, entry, v->index ? context : fdt);
	vlapic_hw_reset(v);
}

/* Let the interrupts that made the guest exit be taken (a kick: its EOI) */
static void take_interrupts(void)
{
	__asm__ volatile("sti\n\tnop\n\tcli" ::: "memory");
}

void port_vcpu_run(struct vcpu *v)
{
	struct arch_vcpu *a = v->arch;
	struct x86_cpu *c = this_cpu();
	struct vm_exit exit;

	for (;;) {
		vlapic_hw_entry(v);
		svm_vmrun(&a->regs, a->vmcb_pa, c->host_vmcb_pa);
		/* The ASID's TLB entries stay valid from now on; an event
		 * whose delivery the exit interrupted is delivered again */
		a->vmcb->control.tlb_control = 0;
		a->vmcb->control.event_inj = a->vmcb->control.exit_int_info & EVENT_VALID ?
					     a->vmcb->control.exit_int_info : 0;
		if ((uint32_t)a->vmcb->control.exit_code == VMEXIT_INTR) {
			take_interrupts();
			return;
		}
		if (!svm_handle_exit(v, &exit))
			continue;
		if (!core_exit_resumes(v, &exit))
			return;
	}
}

void svm_inject_exception(struct vcpu *v, unsigned int vector, bool has_error, uint32_t error)
{
	struct vmcb_control *c = &v->arch->vmcb->control;

	c->event_inj = EVENT_VALID | EVENT_TYPE_EXCEPTION | vector |
		       (has_error ? EVENT_ERROR_VALID | (uint64_t)error << 32 : 0);
}

void port_vcpu_complete_exit(struct vcpu *v, const struct vm_exit *e)
{
	struct arch_vcpu *a = v->arch;
	struct vmcb_save *s = &a->vmcb->save;

	if (e->kind == EXIT_HYPERCALL) {
		s->rax = (uint64_t)e->hcall.ret[0];
		a->regs.rdx = (uint64_t)e->hcall.ret[1];
	} else if (e->kind == EXIT_PIO && !e->pio.write) {
		svm_io_complete(a, e->pio.size, e->pio.value);
	} else if (e->kind == EXIT_MMIO) {
		svm_mmio_complete(a, &e->mmio);
	}
	s->rip = a->next_rip;
}

/*
 * A bus error is a machine check on x86 (vector 18, no error code): the
 * guest's own handler takes it at the faulting instruction, which has not
 * been done.
 */
void port_vcpu_inject_abort(struct vcpu *v, const struct vm_exit *e)
{
	(void)e;
	svm_inject_exception(v, VECTOR_MC, false, 0);
}
