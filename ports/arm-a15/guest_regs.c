// SPDX-License-Identifier: MIT
/*
 * Guest register and memory access from HYP. r0-r12 and LR_usr are saved
 * by entry.S; the banked SP/LR/SPSR of the guest's exception modes are
 * still live in the CPU and read with the banked-register MRS/MSR forms.
 */
#include <string.h>
#include <bulkhead/partition.h>
#include <bulkhead/physmem.h>
#include <asm/arm.h>
#include <asm/guest.h>
#include <asm/sysregs.h>


#define MRS_BANKED(reg) ({ uint32_t v__; __asm__ volatile("mrs %0, " #reg : "=r"(v__)); v__; })
#define MSR_BANKED(reg, val) __asm__ volatile("msr " #reg ", %0" :: "r"(val))

static uint32_t banked_sp(uint32_t mode)
{
	switch (mode) {
	case PSR_MODE_SVC: return MRS_BANKED(sp_svc);
	case PSR_MODE_ABT: return MRS_BANKED(sp_abt);
	case PSR_MODE_UND: return MRS_BANKED(sp_und);
	case PSR_MODE_IRQ: return MRS_BANKED(sp_irq);
	case PSR_MODE_FIQ: return MRS_BANKED(sp_fiq);
	default: return MRS_BANKED(sp_usr);
	}
}

static void set_banked_sp(uint32_t mode, uint32_t v)
{
	switch (mode) {
	case PSR_MODE_SVC: MSR_BANKED(sp_svc, v); break;
	case PSR_MODE_ABT: MSR_BANKED(sp_abt, v); break;
	case PSR_MODE_UND: MSR_BANKED(sp_und, v); break;
	case PSR_MODE_IRQ: MSR_BANKED(sp_irq, v); break;
	case PSR_MODE_FIQ: MSR_BANKED(sp_fiq, v); break;
	default: MSR_BANKED(sp_usr, v); break;
	}
}

uint32_t guest_banked_lr(uint32_t mode)
{
	switch (mode) {
	case PSR_MODE_SVC: return MRS_BANKED(lr_svc);
	case PSR_MODE_ABT: return MRS_BANKED(lr_abt);
	case PSR_MODE_UND: return MRS_BANKED(lr_und);
	case PSR_MODE_IRQ: return MRS_BANKED(lr_irq);
	case PSR_MODE_FIQ: return MRS_BANKED(lr_fiq);
	default: return 0;
	}
}

void guest_set_banked_lr(uint32_t mode, uint32_t v)
{
	switch (mode) {
	case PSR_MODE_SVC: MSR_BANKED(lr_svc, v); break;
	case PSR_MODE_ABT: MSR_BANKED(lr_abt, v); break;
	case PSR_MODE_UND: MSR_BANKED(lr_und, v); break;
	case PSR_MODE_IRQ: MSR_BANKED(lr_irq, v); break;
	case PSR_MODE_FIQ: MSR_BANKED(lr_fiq, v); break;
	default: break;
	}
}

uint32_t guest_banked_spsr(uint32_t mode)
{
	switch (mode) {
	case PSR_MODE_SVC: return MRS_BANKED(spsr_svc);
	case PSR_MODE_ABT: return MRS_BANKED(spsr_abt);
	case PSR_MODE_UND: return MRS_BANKED(spsr_und);
	case PSR_MODE_IRQ: return MRS_BANKED(spsr_irq);
	case PSR_MODE_FIQ: return MRS_BANKED(spsr_fiq);
	default: return 0;
	}
}

void guest_set_banked_spsr(uint32_t mode, uint32_t v)
{
	switch (mode) {
	case PSR_MODE_SVC: MSR_BANKED(spsr_svc, v); break;
	case PSR_MODE_ABT: MSR_BANKED(spsr_abt, v); break;
	case PSR_MODE_UND: MSR_BANKED(spsr_und, v); break;
	case PSR_MODE_IRQ: MSR_BANKED(spsr_irq, v); break;
	case PSR_MODE_FIQ: MSR_BANKED(spsr_fiq, v); break;
	default: break;
	}
}

static bool mode_has_own_lr(uint32_t mode)
{
	return mode != PSR_MODE_USR && mode != PSR_MODE_SYS;
}

/* FIQ mode banks r8-r12 too; MMIO from a guest FIQ handler is refused
 * by the trap decoder, so only SP and LR need care here. */
uint32_t guest_reg_read(const struct arm_regs *r, unsigned int n)
{
	uint32_t mode = r->cpsr & PSR_MODE_MASK;

	if (n < 13)
		return r->r[n];
	if (n == 13)
		return banked_sp(mode);
	if (n == 14)
		return mode_has_own_lr(mode) ? guest_banked_lr(mode) : r->lr;
	return r->pc;
}

void guest_reg_write(struct arm_regs *r, unsigned int n, uint32_t value)
{
	uint32_t mode = r->cpsr & PSR_MODE_MASK;

	if (n < 13)
		r->r[n] = value;
	else if (n == 13)
		set_banked_sp(mode, value);
	else if (n == 14 && mode_has_own_lr(mode))
		guest_set_banked_lr(mode, value);
	else if (n == 14)
		r->lr = value;
	else
		r->pc = value;
}

/*
 * An address translation for the guest, stages 1 and 2 (ATS12NSOPR) or
 * its stage 1 only (ATS1CPR); from Hyp mode, stage 2 on, both give the
 * 64-bit PAR format. PAR is the guest's register too: give it back its
 * value.
 */
static uint64_t guest_translate(uint32_t va, bool stage1_only)
{
	uint64_t guest_par = read_par(), par;

	if (stage1_only)
		write_ats1cpr(va & ~0xfffu);
	else
		write_ats12nsopr(va & ~0xfffu);
	isb();
	par = read_par();
	write_par(guest_par);
	return par;
}

uint64_t guest_stage1_par(uint32_t va)
{
	return guest_translate(va, true);
}

static int guest_virt_to_phys(uint32_t va, paddr_t *pa)
{
	uint64_t par = guest_translate(va, false);

	if (par & 1)
		return -1;
	*pa = (par & 0xfffffff000ull) | (va & 0xfffu);
	return 0;
}

int guest_read_virt(const struct partition *p, uint32_t va, void *buf, unsigned int len)
{
	paddr_t pa;

	/*
	 * Callers read one instruction: never across a page boundary. Read
	 * only the partition's own RAM: its stage 1 may point anywhere its
	 * stage 2 allows, devices included, and a read there has effects.
	 */
	if ((va & 0xfffu) + len > 0x1000u || guest_virt_to_phys(va, &pa) ||
	    !partition_owns_ram(p, pa, len))
		return -1;
	phys_read(pa, buf, len);
	return 0;
}
