// SPDX-License-Identifier: MIT
/*
 * Hyp Syndrome Register decoding: exception class names for fault reports,
 * the condition check of trapped instructions and trapped coprocessor
 * accesses (a data abort's syndrome: hsr_decode_data_abort() in decode.h).
 * Field layouts: ARMv7-A ARM (DDI 0406C), "Use of the HSR" in chapter B3.
 */

#include <asm/decode.h>

#define HSR_CV			(1u << 24)

#define PSR_N			(1u << 31)
#define PSR_Z			(1u << 30)
#define PSR_C			(1u << 29)
#define PSR_V			(1u << 28)
#define PSR_T			(1u << 5)

#define COND_AL			0xe

static const char *const ec_names[64] = {
	[HSR_EC_UNKNOWN]	= "unknown reason",
	[HSR_EC_WFI_WFE]	= "trapped WFI/WFE",
	[HSR_EC_CP15_32]	= "trapped CP15 access",
	[HSR_EC_CP15_64]	= "trapped CP15 64-bit access",
	[HSR_EC_CP14_32]	= "trapped CP14 access",
	[HSR_EC_CP14_LS]	= "trapped CP14 LDC/STC",
	[HSR_EC_HCPTR]		= "trapped FP/SIMD access",
	[HSR_EC_CP10_ID]	= "trapped VMRS",
	[HSR_EC_JAZELLE]	= "trapped Jazelle access",
	[HSR_EC_BXJ]		= "trapped BXJ",
	[HSR_EC_CP14_64]	= "trapped CP14 64-bit access",
	[HSR_EC_SVC]		= "SVC routed to HYP",
	[HSR_EC_HVC]		= "HVC",
	[HSR_EC_SMC]		= "trapped SMC",
	[HSR_EC_IABT_LOWER]	= "stage-2 instruction abort",
	[HSR_EC_IABT_HYP]	= "instruction abort in HYP",
	[HSR_EC_DABT_LOWER]	= "stage-2 data abort",
	[HSR_EC_DABT_HYP]	= "data abort in HYP",
};

const char *hsr_ec_name(unsigned int ec)
{
	if (ec >= ARRAY_SIZE(ec_names) || !ec_names[ec])
		return "unknown";
	return ec_names[ec];
}

/*
 * HSR always reports aborts in the long-descriptor format: the top four
 * bits give the class, the low two the lookup level for the first six.
 */
static const char *const fsc_level_names[] = {
	"address size fault",
	"translation fault",
	"access flag fault",
	"permission fault",
	NULL,
	"synchronous external abort on table walk",
	NULL,
	"parity error on table walk",
};

const char *hsr_fsc_name(unsigned int fsc)
{
	if (fsc < 4 * ARRAY_SIZE(fsc_level_names) && fsc_level_names[fsc >> 2])
		return fsc_level_names[fsc >> 2];

	switch (fsc) {
	case 0x10:
		return "synchronous external abort";
	case 0x18:
		return "synchronous parity error";
	case 0x21:
		return "alignment fault";
	case 0x22:
		return "debug event";
	case 0x30:
		return "TLB conflict abort";
	default:
		return "unknown fault";
	}
}

/* The A32 condition-code test (ConditionPassed() in the ARM ARM) */
static bool cond_holds(unsigned int cond, uint32_t psr)
{
	bool n = psr & PSR_N, z = psr & PSR_Z, c = psr & PSR_C, v = psr & PSR_V;
	bool result;

	switch (cond >> 1) {
	case 0:
		result = z;
		break;
	case 1:
		result = c;
		break;
	case 2:
		result = n;
		break;
	case 3:
		result = v;
		break;
	case 4:
		result = c && !z;
		break;
	case 5:
		result = n == v;
		break;
	case 6:
		result = n == v && !z;
		break;
	default:
		return true;
	}
	/* odd conditions are the negation of the even one below them */
	return (cond & 1) ? !result : result;
}

/* ITSTATE is split across SPSR: IT[1:0] in bits 26:25, IT[7:2] in 15:10 */
static unsigned int spsr_itstate(uint32_t spsr)
{
	return ((spsr >> 8) & 0xfc) | ((spsr >> 25) & 0x3);
}

uint32_t spsr_advance_itstate(uint32_t spsr)
{
	unsigned int it = spsr_itstate(spsr);

	/* The condition's low bit takes the next mask bit; the last one ends the block */
	it = (it & 0x7) ? (it & 0xe0) | ((it << 1) & 0x1f) : 0;
	return (spsr & ~SPSR_IT_MASK) | ((it & 0xfc) << 8) | ((it & 0x3) << 25);
}

bool hsr_cond_passed(uint32_t hsr, uint32_t spsr)
{
	unsigned int cond = COND_AL;

	if (hsr & HSR_CV) {
		cond = (hsr >> 20) & 0xf;
	} else if (spsr & PSR_T) {
		unsigned int it = spsr_itstate(spsr);

		/* IT[3:0] == 0: not inside an IT block, so unconditional */
		if (it & 0xf)
			cond = it >> 4;
	}
	return cond_holds(cond, spsr);
}

void hsr_decode_cp32(uint32_t hsr, struct hsr_cp_access *out)
{
	out->read = hsr & 1;
	out->crm = (hsr >> 1) & 0xf;
	out->rt = (hsr >> 5) & 0xf;
	out->crn = (hsr >> 10) & 0xf;
	out->opc1 = (hsr >> 14) & 0x7;
	out->opc2 = (hsr >> 17) & 0x7;
	out->rt2 = 0;
}

void hsr_decode_cp64(uint32_t hsr, struct hsr_cp_access *out)
{
	out->read = hsr & 1;
	out->crm = (hsr >> 1) & 0xf;
	out->rt = (hsr >> 5) & 0xf;
	out->rt2 = (hsr >> 10) & 0xf;
	out->opc1 = (hsr >> 16) & 0xf;
	out->opc2 = 0;
	out->crn = 0;
}
