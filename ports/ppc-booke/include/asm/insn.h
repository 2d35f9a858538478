/* SPDX-License-Identifier: MIT */
/*
 * Decoding of the guest instructions the PowerPC Book E (e500v2, e500mc)
 * port emulates. Pure functions: no register or memory access, so the trap
 * path and the host unit tests share them.
 *
 * QEMU does not emulate the embedded hypervisor category, so guests run
 * with MSR[PR]=1 and reach the hypervisor in two ways that need a decode
 * of the word at SRR0:
 *  - a Program interrupt with ESR[PPR] for every privileged instruction
 *    (mfmsr, mtmsr, wrtee[i], rfi/rfci/rfmci/rfdi, privileged mfspr/mtspr,
 *    the TLB instructions, msgsnd/msgclr, dcbi);
 *  - a data TLB miss or data storage interrupt for a load, store or cache
 *    operation on a guest page that has no shadow TLB entry: an emulated
 *    device, whose access is completed from the decode below.
 * Instructions that never trap from PR=1 (wait, msync, isync, mbar, mftb,
 * user SPR reads) are not decoded: they run on the hardware.
 *
 * Encodings: Power ISA 2.06 Book I/II (loads, stores, cache ops) and
 * Book III-E (privileged instructions, SPR numbers); e500 specifics from
 * the e500 core reference manuals (EREF).
 */
#ifndef ASM_INSN_H
#define ASM_INSN_H

#include <bulkhead/types.h>

enum booke_op {
	BOOKE_UNKNOWN,		/* not an instruction the hypervisor emulates */
	BOOKE_REFUSED,		/* a memory access it will not emulate: see refusal */
	BOOKE_LOAD,		/* lbz lhz lha lwz lhbrx lwbrx, indexed, update */
	BOOKE_STORE,		/* stb sth stw sthbrx stwbrx, indexed, update */
	BOOKE_MFMSR,		/* rt = MSR */
	BOOKE_MTMSR,		/* MSR = rt (rS) */
	BOOKE_WRTEE,		/* MSR[EE] = the EE bit (0x8000) of rt (rS) */
	BOOKE_WRTEEI,		/* MSR[EE] = field */
	BOOKE_RFI,		/* return: MSR = SRR1, PC = SRR0 */
	BOOKE_RFCI,		/* critical: CSRR0/1 */
	BOOKE_RFMCI,		/* machine check: MCSRR0/1 (e500v2 and e500mc) */
	BOOKE_RFDI,		/* debug: DSRR0/1 (e500mc only) */
	BOOKE_MFSPR,		/* rt = SPR spr */
	BOOKE_MTSPR,		/* SPR spr = rt (rS) */
	BOOKE_TLBWE,		/* write the TLB entry MAS0-3/7 name */
	BOOKE_TLBRE,		/* read it into MAS1-3/7 */
	BOOKE_TLBSX,		/* search for EA, PID MAS6[SPID], AS MAS6[SAS] */
	BOOKE_TLBIVAX,		/* invalidate by EA (EA also selects TLB / all) */
	BOOKE_TLBSYNC,
	BOOKE_TLBILX,		/* e500mc: invalidate local, field = T (0, 1, 3) */
	BOOKE_MSGSND,		/* e500mc doorbell: send the message in rb */
	BOOKE_MSGCLR,		/* e500mc doorbell: clear the message in rb */
	BOOKE_DCBI,		/* privileged data cache invalidate at EA */
	BOOKE_DCBF,		/* data cache flush at EA, field = L */
	BOOKE_DCBST,		/* data cache store at EA */
	BOOKE_DCBZ,		/* zero the data cache block at EA */
	BOOKE_ICBI,		/* instruction cache invalidate at EA */
	BOOKE_SC,		/* system call, field = LEV; SRR0 is after it */
};

/* Why a load or store is BOOKE_REFUSED: the fault report names it */
enum booke_refusal {
	BOOKE_REFUSE_NONE,
	BOOKE_REFUSE_MULTIPLE,		/* lmw, stmw */
	BOOKE_REFUSE_STRING,		/* lswi, lswx, stswi, stswx */
	BOOKE_REFUSE_FLOAT,		/* lfs..stfdu, their x-forms, stfiwx */
	BOOKE_REFUSE_RESERVATION,	/* lwarx, stwcx.: no atomics on devices */
	BOOKE_REFUSE_SPE,		/* e500v2 SPE evl* / evst* */
	BOOKE_REFUSE_INVALID_UPDATE,	/* update form with rA=0, or a load rA=rT */
};

/*
 * One decoded instruction. Which fields mean something depends on op; the
 * others are 0.
 *
 * The effective address of a load, store, cache op, tlbsx, tlbivax and
 * tlbilx is (rA|0) + rB when indexed, else (rA|0) + disp, where (rA|0) is
 * 0 for rA = 0 (not r0's value): booke_insn_ea() computes it. An update
 * form writes the EA into rA after the access; the decoder has refused
 * the forms where that is invalid, so ra is never 0 with update.
 */
struct booke_insn {
	enum booke_op op;
	enum booke_refusal refusal;
	uint8_t rt;		/* rT (loads, mfmsr, mfspr) or rS (stores, mt*) */
	uint8_t ra;
	uint8_t rb;
	bool indexed;		/* X-form: EA uses rB, else disp */
	int16_t disp;		/* D-form displacement, sign-extended */
	uint16_t spr;		/* mfspr/mtspr: the number, halves swapped back */
	uint8_t field;		/* wrteei E, tlbilx T, dcbf L, sc LEV */
	/* Loads and stores */
	uint8_t size;		/* bytes: 1, 2 or 4 */
	bool sign_extend;	/* lha, lhax, lhau, lhaux */
	bool byte_reverse;	/* lhbrx, lwbrx, sthbrx, stwbrx */
	bool update;		/* rA = EA after the access */
};

/* Decode @insn into @out (always fully written) and return out->op */
enum booke_op booke_decode(uint32_t insn, struct booke_insn *out);

/* What the fault report prints for a refusal, e.g. "lmw/stmw" */
const char *booke_refusal_name(enum booke_refusal why);

/*
 * The effective address of @in from the guest's 32 GPRs. 32-bit: e500v2
 * and e500mc have 32-bit GPRs, and the address wraps at 4 GiB.
 */
static inline uint32_t booke_insn_ea(const struct booke_insn *in,
				     const uint32_t gpr[32])
{
	uint32_t base = in->ra ? gpr[in->ra] : 0;

	return base + (in->indexed ? gpr[in->rb] : (uint32_t)(int32_t)in->disp);
}

static inline uint32_t booke_swap_bytes(uint32_t v, unsigned int size)
{
	if (size == 2)
		return ((v & 0xff) << 8) | ((v >> 8) & 0xff);
	if (size == 4)
		return (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) |
		       (v << 24);
	return v & 0xff;
}

static inline uint32_t booke_low_bytes(uint32_t v, unsigned int size)
{
	return size >= 4 ? v : v & ((1u << (size * 8)) - 1);
}

/*
 * The value a load puts in rT, from @raw: the device's @in->size bytes as
 * a plain big-endian access reads them (byte 0 most significant). Applies
 * the byte reversal of lhbrx/lwbrx and the sign extension of lha. Inline,
 * with the next one: on the path of every emulated device access.
 */
static inline uint32_t booke_load_value(const struct booke_insn *in, uint32_t raw)
{
	uint32_t v = booke_low_bytes(raw, in->size);

	if (in->byte_reverse)
		v = booke_swap_bytes(v, in->size);
	if (in->sign_extend && in->size == 2)
		v = (uint32_t)(int32_t)(int16_t)v;
	return v;
}

/* The @in->size bytes a store of rS value @rs writes, in the same order */
static inline uint32_t booke_store_value(const struct booke_insn *in, uint32_t rs)
{
	uint32_t v = booke_low_bytes(rs, in->size);

	return in->byte_reverse ? booke_swap_bytes(v, in->size) : v;
}

/*
 * SPR numbers (Book III-E and e500 EREF). Book E gives the privilege in
 * the number: with 0x10 set, mfspr/mtspr from user mode take a Program
 * interrupt with ESR[PPR]; without it they run on the hardware and never
 * reach the hypervisor. That is why some registers have a second number
 * (SPRG3-7 reads, the time base reads) and why their writes trap.
 */
static inline bool booke_spr_privileged(unsigned int spr)
{
	return spr & 0x10;
}

/* User-level: run on the hardware in the guest, shown for contrast */
#define SPR_XER		1
#define SPR_LR		8
#define SPR_CTR		9
#define SPR_USPRG0	256	/* user SPRG0 (VRSAVE on e500mc) */
#define SPR_SPRG3R	259	/* SPRG3 user read: the guest sees the real one */
#define SPR_SPRG4R	260	/* SPRG4-7 user reads (260-263), no trap */
#define SPR_SPRG5R	261
#define SPR_SPRG6R	262
#define SPR_SPRG7R	263
#define SPR_TBL_READ	268	/* mftb: the real time base, no trap */
#define SPR_TBU_READ	269

/* Interrupt state */
#define SPR_DEC		22	/* decrementer */
#define SPR_SRR0	26	/* PC of the interrupted instruction */
#define SPR_SRR1	27	/* MSR at the interrupt */
#define SPR_PID		48	/* process ID (PID0 on e500): TLB match tag */
#define SPR_DECAR	54	/* decrementer auto-reload */
#define SPR_CSRR0	58	/* critical interrupt SRR0 */
#define SPR_CSRR1	59	/* critical interrupt SRR1 */
#define SPR_DEAR	61	/* data exception address */
#define SPR_ESR		62	/* exception syndrome */
#define SPR_IVPR	63	/* interrupt vector prefix, 64 KiB aligned */
#define SPR_MCARU	569	/* MCAR's upper (36-bit) address bits */
#define SPR_MCSRR0	570	/* machine check SRR0 */
#define SPR_MCSRR1	571	/* machine check SRR1 */
#define SPR_MCSR	572	/* machine check syndrome */
#define SPR_MCAR	573	/* machine check address */
#define SPR_DSRR0	574	/* debug SRR0 (e500mc) */
#define SPR_DSRR1	575	/* debug SRR1 (e500mc) */
#define SPR_EPR		702	/* external proxy: MPIC vector (e500mc) */

/* SPRG0-7: privileged scratch; 4-7 writes only (reads are 260-263) */
#define SPR_SPRG0	272
#define SPR_SPRG1	273
#define SPR_SPRG2	274
#define SPR_SPRG3	275
#define SPR_SPRG4	276
#define SPR_SPRG5	277
#define SPR_SPRG6	278
#define SPR_SPRG7	279

/* Time base writes (mttbl, mttbu): reads are 268/269 and do not trap */
#define SPR_TBL_WRITE	284
#define SPR_TBU_WRITE	285
#define SPR_PIR		286	/* processor ID */
#define SPR_PVR		287	/* processor version */

/* Debug */
#define SPR_DBSR	304	/* debug status, write one to clear */
#define SPR_DBCR0	308
#define SPR_DBCR1	309
#define SPR_DBCR2	310
#define SPR_IAC1	312	/* instruction address compare */
#define SPR_IAC2	313
#define SPR_DAC1	316	/* data address compare */
#define SPR_DAC2	317

/* Timer */
#define SPR_TSR		336	/* timer status, write one to clear */
#define SPR_TCR		340	/* timer control: DIE, ARE, watchdog, FIT */

/* Interrupt vector offsets: IVPR | IVORn is the handler, 16-byte aligned */
#define SPR_IVOR(n)	(400 + (n))	/* IVOR0-15: 400-415 */
#define SPR_IVOR32	528	/* SPE unavailable (e500v2) */
#define SPR_IVOR33	529	/* SPE floating-point data (e500v2) */
#define SPR_IVOR34	530	/* SPE floating-point round (e500v2) */
#define SPR_IVOR35	531	/* performance monitor */
#define SPR_IVOR36	532	/* e500mc processor doorbell */
#define SPR_IVOR37	533	/* e500mc processor doorbell critical */

/* e500 configuration */
#define SPR_SPEFSCR	512	/* SPE status and control (user) */
#define SPR_L1CFG0	515	/* L1 data cache configuration (user read) */
#define SPR_L1CFG1	516	/* L1 instruction cache configuration */
#define SPR_HID0	1008	/* hardware implementation dependent 0 */
#define SPR_HID1	1009	/* e500v2 only */
#define SPR_L1CSR0	1010	/* L1 data cache control and status */
#define SPR_L1CSR1	1011	/* L1 instruction cache control and status */
#define SPR_BUCSR	1013	/* branch unit control and status */
#define SPR_SVR		1023	/* system version */

/* MMU (Book E 2.06 MMU architecture version 1) */
#define SPR_MAS0	624	/* TLBSEL, ESEL, NV: which entry */
#define SPR_MAS1	625	/* V, IPROT, TID, TS, TSIZE */
#define SPR_MAS2	626	/* EPN, WIMGE */
#define SPR_MAS3	627	/* RPN low, U0-3, permissions */
#define SPR_MAS4	628	/* defaults loaded on a TLB miss */
#define SPR_MAS6	630	/* SPID, SAS: tlbsx search key */
#define SPR_PID1	633	/* e500v2 second and third PIDs */
#define SPR_PID2	634
#define SPR_TLB0CFG	688	/* TLB0 geometry: entries, ways, sizes */
#define SPR_TLB1CFG	689
#define SPR_MAS7	944	/* RPN high bits (36-bit: MAS7 = 0xF for CCSR) */
#define SPR_MMUCSR0	1012	/* flash invalidate of TLB0/TLB1 */
#define SPR_MMUCFG	1015	/* MMU configuration: PID size, number of TLBs */

#endif
