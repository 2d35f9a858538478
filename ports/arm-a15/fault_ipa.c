// SPDX-License-Identifier: MIT
/*
 * The IPA of a guest's stage-2 abort with its stage 1 on, from ATS1CPR's
 * PAR and HPFAR (fault_ipa.h says why HPFAR alone will not do). Pure:
 * traps.c reads the registers, tests/unit/test_fault_ipa.c checks this.
 */
#include <asm/decode.h>
#include <asm/fault_ipa.h>

#define HPFAR_IPA		0xfffffff0u	/* HPFAR[31:4]: IPA[39:12] */
#define HPFAR_IPA_LOW		0x00fffff0u	/* HPFAR[23:4]: IPA[31:12] */

/*
 * The output address of a successful translation (ARM ARM B4.1.112).
 * From Hyp mode ATS1CPR always returns the 64-bit format, PA[39:12]; the
 * 32-bit one is decoded too rather than trusted never to come: its
 * supersections have PA[39:32] in PAR[23:16] and a 16 MiB offset.
 */
static gpaddr_t par_ipa(uint64_t par, uint32_t va)
{
	if (par & PAR_LPAE)
		return (par & 0xfffffff000ull) | (va & 0xfffu);
	if (par & PAR_SS)
		return ((par & 0xff0000u) << 16) | (par & 0xff000000u) | (va & 0xffffffu);
	return (par & 0xfffff000u) | (va & 0xfffu);
}

/* HPFAR is valid for a stage-2 translation or access flag fault only */
static bool hpfar_valid(uint32_t hsr)
{
	unsigned int fsc = hsr_fsc(hsr);

	return FSC_TRANSLATION(fsc) || FSC_ACCESS_FLAG(fsc);
}

/*
 * Whether HPFAR names @ipa's page as the architecture has it, or as QEMU
 * 7.2 does, without IPA[39:32]
 */
static bool hpfar_agrees(uint32_t hpfar, gpaddr_t ipa)
{
	uint32_t page = (uint32_t)(ipa >> 8) & HPFAR_IPA;

	hpfar &= HPFAR_IPA;
	return hpfar == page || hpfar == (page & HPFAR_IPA_LOW);
}

bool fault_ipa_stage1(uint32_t hsr, uint32_t hpfar, uint32_t va, uint64_t par,
		      gpaddr_t *ipa)
{
	/*
	 * S1PTW (bit 7 of both abort syndromes): the IPA of the guest's
	 * descriptor, which only HPFAR knows (QEMU 7.2: its bits 31:0).
	 * Such a fault is reported, never emulated.
	 */
	if (hsr & HSR_DABT_S1PTW) {
		*ipa = hpfar_ipa(hpfar, va);
		return true;
	}
	if (par & PAR_F) {
		/*
		 * Cache maintenance by address checks no permissions, so
		 * ATS1CPR may fail where it did not; it is never emulated
		 * (traps.c skips it or reports it), HPFAR is good enough.
		 */
		if (hsr & HSR_DABT_CM) {
			*ipa = hpfar_ipa(hpfar, va);
			return true;
		}
		/*
		 * Any access that got past stage 1 is one ATS1CPR allows (a
		 * PL1 read is allowed wherever PL0 or a write is): the
		 * guest has unmapped the address since, on another vCPU.
		 * Running the access again sees its tables as they are now,
		 * as KVM and Xen do; emulating it at an IPA it no longer
		 * maps would not.
		 */
		return false;
	}
	*ipa = par_ipa(par, va);
	/* Another IPA than the faulting access had: remapped since. Again, retry. */
	return !hpfar_valid(hsr) || hpfar_agrees(hpfar, *ipa);
}
