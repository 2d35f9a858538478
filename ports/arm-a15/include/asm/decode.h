/* SPDX-License-Identifier: MIT */
/*
 * Hyp Syndrome Register (HSR) and load/store instruction decoding for the
 * Cortex-A15 port. Pure functions: no register or memory access, so the
 * exit path and the host unit tests share them.
 *
 * A stage-2 data abort on an emulated device describes the access in HSR
 * when ISV=1 (single load/store without writeback). When ISV=0 (LDM/STM,
 * LDRD/STRD, writeback forms) the port fetches the instruction at the guest
 * PC and decodes it here; SPSR.T tells whether it is A32 or Thumb.
 */
#ifndef ASM_DECODE_H
#define ASM_DECODE_H

#include <bulkhead/types.h>

/* HSR.EC values on ARMv7 with the Virtualization Extensions */
#define HSR_EC_UNKNOWN		0x00
#define HSR_EC_WFI_WFE		0x01
#define HSR_EC_CP15_32		0x03	/* MCR/MRC p15 */
#define HSR_EC_CP15_64		0x04	/* MCRR/MRRC p15 */
#define HSR_EC_CP14_32		0x05	/* MCR/MRC p14 */
#define HSR_EC_CP14_LS		0x06	/* LDC/STC p14 */
#define HSR_EC_HCPTR		0x07	/* FP/SIMD or CP0-13 access trapped by HCPTR */
#define HSR_EC_CP10_ID		0x08	/* VMRS of an ID register, HCR.TID0 */
#define HSR_EC_JAZELLE		0x09
#define HSR_EC_BXJ		0x0a
#define HSR_EC_CP14_64		0x0c	/* MRRC p14 */
#define HSR_EC_SVC		0x11	/* SVC routed to Hyp by HCR.TGE */
#define HSR_EC_HVC		0x12
#define HSR_EC_SMC		0x13
#define HSR_EC_IABT_LOWER	0x20	/* prefetch abort from PL1/PL0 (stage 2) */
#define HSR_EC_IABT_HYP		0x21
#define HSR_EC_DABT_LOWER	0x24	/* data abort from PL1/PL0 (stage 2) */
#define HSR_EC_DABT_HYP		0x25

#define HSR_IL			(1u << 25)	/* 32-bit instruction */

/* Data/prefetch abort ISS bits the fault path looks at */
#define HSR_DABT_ISV		(1u << 24)
#define HSR_DABT_SSE		(1u << 21)	/* sign-extend the load */
#define HSR_DABT_EA		(1u << 9)	/* external abort */
#define HSR_DABT_CM		(1u << 8)	/* cache maintenance, not a load/store */
#define HSR_DABT_S1PTW		(1u << 7)	/* fault on the guest's stage-1 walk */
#define HSR_DABT_WNR		(1u << 6)

static inline unsigned int hsr_ec(uint32_t hsr)
{
	return hsr >> 26;
}

/* Length of the trapping instruction, for the EC values where IL is valid */
static inline unsigned int hsr_insn_len(uint32_t hsr)
{
	return (hsr & HSR_IL) ? 4 : 2;
}

/* Long-descriptor fault status code of an abort (DFSC/IFSC) */
/* Fault status classes (LPAE format, any level 0-3) */
#define FSC_TRANSLATION(f)	(((f) & 0x3c) == 0x04)
#define FSC_ACCESS_FLAG(f)	(((f) & 0x3c) == 0x08)

static inline unsigned int hsr_fsc(uint32_t hsr)
{
	return hsr & 0x3f;
}

/* True for a trapped WFE, false for WFI (EC 0x01, ISS bit 0) */
static inline bool hsr_wfx_is_wfe(uint32_t hsr)
{
	return hsr & 1;
}

const char *hsr_ec_name(unsigned int ec);
/* "translation fault", "permission fault"...: the class, without the level */
const char *hsr_fsc_name(unsigned int fsc);

/*
 * Whether a trapped conditional instruction (EC 0x01..0x0c) passed its
 * condition, judged from HSR.CV/COND, or ITSTATE when CV=0 in Thumb, and
 * the flags in the guest's SPSR. The architecture lets a CPU trap an
 * instruction that failed its condition; the emulation must then skip it.
 */
bool hsr_cond_passed(uint32_t hsr, uint32_t spsr);

/* Thumb ITSTATE in a PSR: IT[1:0] in bits 26:25, IT[7:2] in 15:10 */
#define SPSR_IT_MASK	((0x3fu << 10) | (0x3u << 25))

/* @spsr with its ITSTATE moved on past one instruction of the IT block */
uint32_t spsr_advance_itstate(uint32_t spsr);

/* A trapped MCR/MRC (EC 0x03, 0x05) or MCRR/MRRC (EC 0x04, 0x0c) */
struct hsr_cp_access {
	bool read;		/* MRC/MRRC: the guest reads into rt (and rt2) */
	uint8_t opc1;
	uint8_t opc2;		/* 0 for MCRR/MRRC */
	uint8_t crn;		/* 0 for MCRR/MRRC */
	uint8_t crm;
	uint8_t rt;
	uint8_t rt2;		/* MCRR/MRRC only: the high word, else 0 */
};

void hsr_decode_cp32(uint32_t hsr, struct hsr_cp_access *out);
void hsr_decode_cp64(uint32_t hsr, struct hsr_cp_access *out);

#define ARM_SHIFT_LSL	0
#define ARM_SHIFT_LSR	1
#define ARM_SHIFT_ASR	2
#define ARM_SHIFT_ROR	3

#define ARM_MAX_XFER_REGS	16

/*
 * One decoded guest load/store. Every register is transferred with its own
 * access of @size bytes, at consecutive addresses starting at the lowest
 * one, in the order of @regs: LDRD/STRD are two 4-byte accesses (not one
 * 8-byte one) because a device register is at most 32 bits wide here and
 * T32 LDRD may name its two registers in any order.
 *
 * It is what the instruction decoders produce for an abort with ISV=0,
 * which maps access i to the IPA
 *   fault_ipa + arm_ldst_address(a, Rn, Rm) + i * size - HDFAR.
 */
struct arm_mem_access {
	bool write;		/* store */
	bool sign_extend;	/* LDRSB/LDRSH: sign-extend the loaded value */
	uint8_t size;		/* bytes per register: 1, 2 or 4 */
	uint8_t insn_len;	/* 2 or 4: how far to advance the PC */
	uint8_t nregs;		/* registers transferred, 1..16 */
	uint8_t regs[ARM_MAX_XFER_REGS];	/* in ascending address order */
	/* Shorthands for single transfers: rt = regs[0], reglist = set of regs */
	uint8_t rt;
	uint16_t reglist;

	uint8_t rn;		/* base register */
	bool writeback;		/* Rn is updated */
	/*
	 * The offset applies before the access (offset and pre-indexed
	 * forms, LDM/STM IB and DB), else after it (post-indexed).
	 */
	bool pre_index;
	int32_t addr_imm;	/* immediate part of (lowest address - Rn) */
	int32_t wb_delta_imm;	/* immediate part of (new Rn - Rn) */
	bool add;		/* U bit: the offset is added, else subtracted */
	/* Shifted-register offset, in the address (pre_index) and writeback */
	bool uses_rm;
	uint8_t rm;
	uint8_t shift_type;	/* ARM_SHIFT_*; RRX is rejected */
	uint8_t shift_imm;	/* 0..31 LSL, 1..32 LSR/ASR, 1..31 ROR */
};

#define ARM_NO_WRITEBACK	0xff

/*
 * One emulated single-register load or store, as the trap path keeps it
 * until the device model has answered: then the loaded register is
 * written, the base register updated and the PC advanced. Small, so that
 * the common trap (ISV=1, no writeback) fills it with a few stores.
 */
struct arm_mmio_insn {
	bool write;		/* store */
	bool sign_extend;	/* LDRSB/LDRSH: sign-extend the loaded value */
	uint8_t size;		/* bytes: 1, 2 or 4 */
	uint8_t insn_len;	/* 2 or 4: how far to advance the PC */
	uint8_t rt;		/* the register loaded or stored */
	uint8_t wb_reg;		/* the base written back, or ARM_NO_WRITEBACK */
	uint32_t new_base;	/* its value after the instruction */
};

/* A loaded device value as the load instruction puts it in its register */
static inline uint32_t arm_extend_load(const struct arm_mmio_insn *m, uint64_t value)
{
	unsigned int bits = m->size * 8;

	if (bits >= 32)
		return (uint32_t)value;
	value &= (1u << bits) - 1;
	if (m->sign_extend && (value & (1u << (bits - 1))))
		value |= ~((1u << bits) - 1);
	return (uint32_t)value;
}

/* The access of a data abort known to have ISV=1 and SAS != 3 */
static inline void hsr_dabt_access(uint32_t hsr, struct arm_mmio_insn *out)
{
	bool write = hsr & HSR_DABT_WNR;

	out->write = write;
	out->sign_extend = !write && (hsr & HSR_DABT_SSE);
	out->size = 1u << ((hsr >> 22) & 0x3);
	out->insn_len = hsr_insn_len(hsr);
	out->rt = (hsr >> 16) & 0xf;
	out->wb_reg = ARM_NO_WRITEBACK;
}

/*
 * 0 when @hsr is a data abort with ISV=1 and @out is filled (never with a
 * writeback: the syndrome is only valid without one), -1 otherwise.
 * Check HSR_DABT_S1PTW, HSR_DABT_CM and the FSC first: those aborts are
 * not device accesses and must not be decoded as one.
 */
static inline int hsr_decode_data_abort(uint32_t hsr, struct arm_mmio_insn *out)
{
	unsigned int ec = hsr_ec(hsr);

	if (ec != HSR_EC_DABT_LOWER && ec != HSR_EC_DABT_HYP)
		return -1;
	/* SAS 0b11 (doubleword) is reserved for AArch32 accesses */
	if (!(hsr & HSR_DABT_ISV) || ((hsr >> 22) & 0x3) == 3)
		return -1;
	hsr_dabt_access(hsr, out);
	return 0;
}

/*
 * Decode an A32 / Thumb load or store: 0 and @out filled, or -1 when it is
 * not one the hypervisor emulates (exclusives, coprocessor, PC as base or
 * transfer register, user-bank LDM/STM, UNPREDICTABLE forms whose result
 * is ambiguous, anything else). @hw2 is ignored for a 16-bit instruction.
 */
int arm_decode_ldst(uint32_t insn, struct arm_mem_access *out);
int thumb_decode_ldst(uint16_t hw1, uint16_t hw2, struct arm_mem_access *out);

/* Whether the Thumb halfword @hw1 starts a 32-bit instruction (fetch hw2) */
static inline bool thumb_insn_is_32bit(uint16_t hw1)
{
	return (hw1 >> 11) >= 0x1d;
}

/* Lowest virtual address accessed, from the guest's Rn and Rm values */
uint32_t arm_ldst_address(const struct arm_mem_access *a,
			  uint32_t rn_value, uint32_t rm_value);
/* Rn after the instruction; only meaningful when a->writeback */
uint32_t arm_ldst_writeback_value(const struct arm_mem_access *a,
				  uint32_t rn_value, uint32_t rm_value);

#endif
