// SPDX-License-Identifier: MIT
/*
 * SVM on each CPU: the boot CPU checks that the CPU has it and nested
 * paging (CPUID 0x80000001 ECX.SVM, 0x8000000A EDX.NP) and that firmware
 * left it enabled (VM_CR.SVMDIS clear); every CPU then sets EFER.SVME,
 * gives VMRUN its host save area (VM_HSAVE_PA) and VMSAVEs its own FS,
 * GS, TR and syscall state, which svm_entry.S VMLOADs after each exit.
 * Nothing beyond that is used: no NRIP save, decode assists or clean
 * bits (QEMU has none), so the port computes instruction lengths.
 */
#include <bulkhead/console.h>
#include <asm/cpu.h>
#include <asm/npt.h>
#include <asm/svm.h>
#include <asm/x86.h>

#define CPUID_EXT_FEATURES	0x80000001
#define CPUID_SVM_FEATURES	0x8000000a
#define EXT_ECX_SVM		(1u << 2)
#define EXT_EDX_PAGE1GB		(1u << 26)
#define SVM_EDX_NP		(1u << 0)

unsigned int svm_nr_asids;
const struct pt_format *svm_npt_format;

static uint8_t hsave[CONFIG_NR_CPUS][PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static uint8_t host_state[CONFIG_NR_CPUS][PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

static void svm_detect(void)
{
	struct cpuid_regs ext = cpuid(CPUID_EXT_FEATURES, 0);

	if (!(ext.ecx & EXT_ECX_SVM))
		hv_panic("this CPU has no AMD SVM (QEMU: -accel tcg -cpu ...,+svm,+npt)");
	if (rdmsr(MSR_VM_CR) & VM_CR_SVMDIS)
		hv_panic("SVM is disabled by firmware (VM_CR.SVMDIS)");
	if (!(cpuid(CPUID_SVM_FEATURES, 0).edx & SVM_EDX_NP))
		hv_panic("this CPU's SVM has no nested paging (QEMU: +npt)");
	svm_nr_asids = cpuid(CPUID_SVM_FEATURES, 0).ebx;
	svm_npt_format = ext.edx & EXT_EDX_PAGE1GB ? &npt_format : &npt_format_2m;
}

void svm_cpu_init(struct x86_cpu *c)
{
	if (!c->index)
		svm_detect();
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SVME);
	c->hsave_pa = hv_phys(hsave[c->index]);
	c->host_vmcb_pa = hv_phys(host_state[c->index]);
	wrmsr(MSR_VM_HSAVE_PA, c->hsave_pa);
	__asm__ volatile("vmsave %0" : : "a"(c->host_vmcb_pa) : "memory");
}
