// SPDX-License-Identifier: MIT
/*
 * mfspr and mtspr of the privileged SPRs (number bit 0x10 set) from the
 * guest's supervisor mode. Most are storage whose only effect is what
 * the guest reads back; the MMU ones go through the guest TLB model and
 * the timer ones to the vtimer model (BOOKE_TIMER_SPR).
 *
 * Accesses with no architected effect are no-ops that leave rT as it
 * was, flagged exit->ignored_spr for the port's log: a number the core
 * does not have (what QEMU's e500 does in supervisor mode), a write to a
 * read-only register (PVR, SVR, PIR, MCAR, MCARU, TLBnCFG, MMUCFG: the
 * architecture leaves it undefined, QEMU raises a privileged-instruction
 * interrupt for some; no guest relies on either, and a no-op cannot hurt
 * it), and a read of a write-only one (DECAR, TBL/TBU at 284/285).
 *
 * The write-only ones follow E500CORERM Table 2-2 (TBL/TBU write numbers)
 * and 9.2 ("The DECAR contents cannot be read"); the EIS leaves a
 * supervisor access to an SPR the core lacks undefined (Table 5-17).
 * QEMU 7.2 differs: a supervisor mfspr of DECAR takes a Program
 * interrupt (ESR[PPR]) and one of 284/285 reads the time base.
 */
#include <asm/emulate.h>

/* Cache and branch unit control bits that start an operation and read 0 once done */
#define L1CSR_FI	0x00000002u	/* L1CSR0[CFI], L1CSR1[ICFI]: flash invalidate */
#define L1CSR_LFC	0x00000100u	/* [CLFC], [ICLFC]: lock flash clear */
#define L2CSR0_L2FI	0x00200000u	/* flash invalidate */
#define L2CSR0_L2FL	0x00000800u	/* flush */
#define L2CSR0_L2LFC	0x00000400u	/* lock flash clear */
#define BUCSR_BBFI	0x00000200u	/* branch buffer flash invalidate */
#define BUCSR_BBLFC	0x00000040u	/* branch buffer lock bits flash clear */


/* The registers that are plain storage on this core, or NULL */
static uint32_t *storage(struct booke_vcpu *v, unsigned int spr)
{
	const struct booke_core *c = v->core;

	switch (spr) {
	case SPR_SRR0:		return &v->srr0;
	case SPR_SRR1:		return &v->srr1;
	case SPR_CSRR0:		return &v->csrr0;
	case SPR_CSRR1:		return &v->csrr1;
	case SPR_MCSRR0:	return &v->mcsrr0;
	case SPR_MCSRR1:	return &v->mcsrr1;
	case SPR_DSRR0:		return c->debug_class ? &v->dsrr0 : NULL;
	case SPR_DSRR1:		return c->debug_class ? &v->dsrr1 : NULL;
	case SPR_DEAR:		return &v->dear;
	case SPR_ESR:		return &v->esr;
	case SPR_HID0:		return &v->hid0;
	case SPR_HID1:		return c->hid1 ? &v->hid1 : NULL;
	case SPR_L2CSR1:	return c->l2csr ? &v->l2csr1 : NULL;
	/* Debug events are not generated: the debug registers only read back */
	case SPR_DBCR0:		return &v->dbcr0;
	case SPR_DBCR1:		return &v->dbcr1;
	case SPR_DBCR2:		return &v->dbcr2;
	case SPR_IAC1:		return &v->iac1;
	case SPR_IAC2:		return &v->iac2;
	case SPR_DAC1:		return &v->dac1;
	case SPR_DAC2:		return &v->dac2;
	}
	if (spr >= SPR_SPRG0 && spr <= SPR_SPRG7)
		return &v->sprg[spr - SPR_SPRG0];
	return NULL;
}

/* The IVOR @spr names, or -1: IVOR32-34 need SPE, 36-37 doorbells */
static int ivor_index(const struct booke_core *c, unsigned int spr)
{
	if (spr >= SPR_IVOR(0) && spr <= SPR_IVOR(15))
		return spr - SPR_IVOR(0);
	if (spr >= SPR_IVOR32 && spr <= SPR_IVOR34)
		return c->spe ? (int)(spr - SPR_IVOR32 + 32) : -1;
	if (spr == SPR_IVOR35)
		return 35;
	if (spr == SPR_IVOR36 || spr == SPR_IVOR37)
		return c->doorbell ? (int)(spr - SPR_IVOR32 + 32) : -1;
	return -1;
}

/* The timer facility's registers a read may name */
static bool timer_readable(unsigned int spr)
{
	return spr == SPR_DEC || spr == SPR_TCR || spr == SPR_TSR;
}

static bool timer_spr(unsigned int spr)
{
	return timer_readable(spr) || spr == SPR_DECAR || spr == SPR_TBL_WRITE ||
	       spr == SPR_TBU_WRITE;
}

static enum booke_outcome timer(const struct booke_insn *in, bool write, uint32_t value,
				struct booke_exit *exit)
{
	exit->timer.spr = in->spr;
	exit->timer.write = write;
	exit->timer.value = value;
	exit->timer.rt = in->rt;
	exit->outcome = BOOKE_TIMER_SPR;
	return BOOKE_TIMER_SPR;
}

static enum booke_outcome ignored(struct booke_exit *exit)
{
	exit->ignored_spr = true;
	exit->outcome = BOOKE_DONE;
	return BOOKE_DONE;
}

static uint32_t tid_mask(const struct guest_tlb *tlb)
{
	return (1u << tlb->var->tid_bits) - 1;
}

/* The PID register @spr names on this core, or NULL (e500mc has PID0 only) */
static uint32_t *pid(struct guest_tlb *tlb, unsigned int spr)
{
	unsigned int n = spr == SPR_PID ? 0 : spr == SPR_PID1 ? 1 : spr == SPR_PID2 ? 2 : 3;

	return n < tlb->var->npids ? &tlb->pid[n] : NULL;
}

static uint32_t *mas(struct guest_tlb *tlb, unsigned int spr)
{
	switch (spr) {
	case SPR_MAS0:	return &tlb->mas.mas0;
	case SPR_MAS1:	return &tlb->mas.mas1;
	case SPR_MAS2:	return &tlb->mas.mas2;
	case SPR_MAS3:	return &tlb->mas.mas3;
	case SPR_MAS4:	return &tlb->mas.mas4;
	case SPR_MAS6:	return &tlb->mas.mas6;
	case SPR_MAS7:	return &tlb->mas.mas7;
	default:	return NULL;
	}
}

/*
 * MMUCFG: RASIZE (real address bits) 23..17, NPIDS 14..11, PIDSIZE
 * (PID bits - 1) 10..6, NTLBS (arrays - 1) 3..2, MAVN 1..0 = 0 (MMU v1).
 */
static uint32_t mmucfg(const struct e500_mmu_variant *m)
{
	return (m->pa_bits << 17) | (m->npids << 11) | ((m->tid_bits - 1) << 6) | (1u << 2);
}

/* The read-only registers, in @val; false when @spr is not one */
static bool read_only(const struct booke_vcpu *v, const struct guest_tlb *tlb,
		      unsigned int spr, uint32_t *val)
{
	switch (spr) {
	case SPR_PIR:		*val = v->pir; return true;
	case SPR_PVR:		*val = v->pvr; return true;
	case SPR_SVR:		*val = v->svr; return true;
	case SPR_MCAR:		*val = v->mcar; return true;
	/*
	 * Both cores have MCARU (e500v2: e500CORERMAD errata to 2.7.2.3;
	 * Linux's machine_check_e500mc() reads it when MCSR[MAV] is set).
	 * booke_reflect() records a 32-bit address: the upper bits are 0.
	 */
	case SPR_MCARU:		*val = 0; return true;
	case SPR_TLB0CFG:	*val = gtlb_tlbncfg(tlb->var, 0); return true;
	case SPR_TLB1CFG:	*val = gtlb_tlbncfg(tlb->var, 1); return true;
	case SPR_MMUCFG:	*val = mmucfg(tlb->var); return true;
	default:		return false;
	}
}

/* The value of a register with side effects on write, as a read sees it */
static bool special_read(struct booke_vcpu *v, unsigned int spr, uint32_t *val)
{
	int ivor = ivor_index(v->core, spr);

	if (ivor >= 0) {
		*val = v->ivor[ivor];
		return true;
	}
	switch (spr) {
	case SPR_IVPR:		*val = v->ivpr; return true;
	case SPR_MCSR:		*val = v->mcsr; return true;
	case SPR_DBSR:		*val = v->dbsr; return true;
	case SPR_L1CSR0:	*val = v->l1csr0; return true;
	case SPR_L1CSR1:	*val = v->l1csr1; return true;
	case SPR_BUCSR:		*val = v->bucsr; return true;
	/* Flash invalidation completes within the mtspr: FI bits read 0 */
	case SPR_MMUCSR0:	*val = 0; return true;
	case SPR_L2CSR0:
		*val = v->l2csr0;
		return v->core->l2csr;
	default:		return false;
	}
}

enum booke_outcome booke_emulate_mfspr(struct booke_vcpu *v, struct guest_tlb *tlb,
				       const struct booke_insn *in, struct booke_exit *exit)
{
	uint32_t *reg = storage(v, in->spr);
	uint32_t val;

	if (timer_readable(in->spr))
		return timer(in, false, 0, exit);
	if (timer_spr(in->spr))
		return ignored(exit);
	if (in->spr == SPR_EPR && v->core->doorbell) {
		exit->why = "mfspr EPR: the external proxy is not emulated";
		exit->outcome = BOOKE_UNHANDLED;
		return BOOKE_UNHANDLED;
	}
	if (!reg)
		reg = pid(tlb, in->spr);
	if (!reg)
		reg = mas(tlb, in->spr);
	if (reg)
		val = *reg;
	else if (!read_only(v, tlb, in->spr, &val) && !special_read(v, in->spr, &val))
		return ignored(exit);
	v->gpr[in->rt] = val;
	exit->outcome = BOOKE_DONE;
	return BOOKE_DONE;
}

/* Writes with an effect beyond storage; false when @spr has none here */
static bool special_write(struct booke_vcpu *v, struct guest_tlb *tlb, unsigned int spr,
			  uint32_t val, struct booke_exit *exit)
{
	int ivor = ivor_index(v->core, spr);
	uint32_t *p;

	exit->outcome = BOOKE_DONE;
	if (ivor >= 0) {
		v->ivor[ivor] = val & IVOR_MASK;
		return true;
	}
	p = pid(tlb, spr);
	if (p) {
		*p = val & tid_mask(tlb);
		/* New PIDs change which entries match, not the entries */
		exit->outcome = BOOKE_PID_CHANGED;
		return true;
	}
	switch (spr) {
	case SPR_IVPR:		v->ivpr = val & IVPR_MASK; return true;
	/* MCSR and DBSR: write one to clear */
	case SPR_MCSR:		v->mcsr &= ~val; return true;
	case SPR_DBSR:		v->dbsr &= ~val; return true;
	case SPR_L1CSR0:	v->l1csr0 = val & ~(L1CSR_FI | L1CSR_LFC); return true;
	case SPR_L1CSR1:	v->l1csr1 = val & ~(L1CSR_FI | L1CSR_LFC); return true;
	/* E500CORERM Table 2-13: BBFI and BBLFC always read as 0 */
	case SPR_BUCSR:		v->bucsr = val & ~(BUCSR_BBFI | BUCSR_BBLFC); return true;
	case SPR_L2CSR0:
		if (!v->core->l2csr)
			return false;
		v->l2csr0 = val & ~(L2CSR0_L2FI | L2CSR0_L2FL | L2CSR0_L2LFC);
		return true;
	case SPR_MMUCSR0:
		gtlb_mmucsr0_write(tlb, val);
		if (val & (MMUCSR0_TLB0_FI | MMUCSR0_TLB1_FI)) {
			exit->tlb.scope = BOOKE_TLB_ARRAY;
			exit->tlb.arrays = (val & MMUCSR0_TLB0_FI ? 1u : 0) |
					   (val & MMUCSR0_TLB1_FI ? 2u : 0);
			exit->outcome = BOOKE_TLB_CHANGED;
		}
		return true;
	default:
		return false;
	}
}

enum booke_outcome booke_emulate_mtspr(struct booke_vcpu *v, struct guest_tlb *tlb,
				       const struct booke_insn *in, struct booke_exit *exit)
{
	uint32_t val = v->gpr[in->rt];
	uint32_t *reg = storage(v, in->spr);

	if (timer_spr(in->spr))
		return timer(in, true, val, exit);
	if (!reg)
		reg = mas(tlb, in->spr);
	if (reg) {
		*reg = val;
		exit->outcome = BOOKE_DONE;
		return BOOKE_DONE;
	}
	if (special_write(v, tlb, in->spr, val, exit))
		return exit->outcome;
	/* Read-only and nonexistent registers alike */
	return ignored(exit);
}
