// SPDX-License-Identifier: MIT
/*
 * A vCPU's VMCB at each boot of its partition: the intercepts, the
 * partition's permission maps, ASID and nested tables, and the guest's
 * entry state (docs/porting.md, "x86 guests"): 64-bit mode at CPL 0 on
 * the tables and GDT guest_boot.c wrote, interrupts off, SSE usable, no
 * IDT yet, RDI the boot argument, every other register 0.
 */
#include <string.h>
#include <bulkhead/partition.h>
#include <asm/cr_exit.h>
#include <asm/guest_boot.h>
#include <asm/vcpu.h>
#include <asm/x86.h>

#define SEG_CODE64	0x0a9b	/* present, DPL 0, execute/read, accessed; L, G */
#define SEG_DATA	0x0c93	/* present, DPL 0, read/write, accessed; D/B, G */
#define SEG_TSS_BUSY	0x008b
#define SEG_LDT		0x0082
#define FLAT_LIMIT	0xffffffffu
#define PAT_POWER_ON	0x0007040600070406ull
#define DR6_INIT	0xffff0ff0ull
#define DR7_INIT	0x400ull

/* Every instruction that would reach beyond the guest's own CPU exits */
static void set_intercepts(struct vmcb_control *c)
{
	c->intercept_cr = INTERCEPT_CR_WRITE(0) | INTERCEPT_CR_WRITE(4);	/* cr_exit.c */
	c->intercept_misc1 = INTERCEPT_INTR | INTERCEPT_NMI | INTERCEPT_SMI | INTERCEPT_INIT |
			     INTERCEPT_CPUID | INTERCEPT_RSM | INTERCEPT_INVD | INTERCEPT_HLT |
			     INTERCEPT_INVLPGA | INTERCEPT_IOIO | INTERCEPT_MSR |
			     INTERCEPT_TASK_SWITCH | INTERCEPT_FERR_FREEZE | INTERCEPT_SHUTDOWN;
	c->intercept_misc2 = INTERCEPT_VMRUN | INTERCEPT_VMMCALL | INTERCEPT_VMLOAD |
			     INTERCEPT_VMSAVE | INTERCEPT_STGI | INTERCEPT_CLGI |
			     INTERCEPT_SKINIT | INTERCEPT_ICEBP | INTERCEPT_MONITOR |
			     INTERCEPT_MWAIT | INTERCEPT_MWAIT_ARMED | INTERCEPT_XSETBV;
}

static struct vmcb_segment segment(uint16_t selector, uint16_t attrib)
{
	return (struct vmcb_segment){ selector, attrib, FLAT_LIMIT, 0 };
}

void vmcb_reset(struct vcpu *v, uint64_t entry, uint64_t arg)
{
	struct arch_partition *p = v->part->arch;
	struct arch_vcpu *a = v->arch;
	struct vmcb *vmcb = a->vmcb;
	struct vmcb_save *s = &vmcb->save;
	uint64_t area = v->part->fdt_gpa + GUEST_FDT_SIZE;
	struct guest_boot boot;

	memset(vmcb, 0, sizeof(*vmcb));
	memset(&a->regs, 0, sizeof(a->regs));
	set_intercepts(&vmcb->control);
	vmcb->control.iopm_base_pa = p->iopm_pa;
	vmcb->control.msrpm_base_pa = p->msrpm_pa;
	vmcb->control.asid = p->asid;
	vmcb->control.tlb_control = TLB_CONTROL_FLUSH_ASID;
	vmcb->control.int_control = V_INTR_MASKING;
	vmcb->control.np_control = NP_ENABLE;
	vmcb->control.n_cr3 = p->npt.root_pa;

	guest_boot_layout(area, &boot);
	s->cs = segment(SEL_CODE64, SEG_CODE64);
	s->ds = s->es = s->ss = s->fs = s->gs = segment(SEL_DATA, SEG_DATA);
	s->gdtr = (struct vmcb_segment){ .limit = boot.gdt_limit, .base = boot.gdt_base };
	s->tr = (struct vmcb_segment){ .attrib = SEG_TSS_BUSY, .limit = 0xffff };
	s->ldtr = (struct vmcb_segment){ .attrib = SEG_LDT, .limit = 0xffff };
	s->efer = EFER_LME | EFER_LMA | EFER_NXE | EFER_SVME;
	s->cr0 = CR0_PE | CR0_MP | CR0_ET | CR0_NE | CR0_WP | CR0_PG;
	s->cr3 = boot.cr3;
	s->cr4 = CR4_PAE | CR4_OSFXSR | CR4_OSXMMEXCPT;
	s->rflags = RFLAGS_FIXED;
	s->rip = entry;
	s->g_pat = PAT_POWER_ON;
	s->dr6 = DR6_INIT;
	s->dr7 = DR7_INIT;
	a->regs.rdi = arg;
}
