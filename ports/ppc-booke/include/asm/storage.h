/* SPDX-License-Identifier: MIT */
/*
 * What a Book E guest's storage trap comes to: the glue between the
 * guest's TLB (guest_tlb.h), the partition's guest map (shadow_tlb.h),
 * the instruction decoder (insn.h) and the guest's supervisor state
 * (booke_vcpu.h).
 *
 * Every guest access runs at MSR[PR]=1 in address space 1 through shadow
 * entries only, so each of the four storage interrupts the hardware takes
 * for a guest comes to the hypervisor first: data TLB error (IVOR13) and
 * instruction TLB error (IVOR14) when no shadow entry translates the
 * address, data storage (IVOR2) and instruction storage (IVOR3) when one
 * does but forbids the access. All four get the same answer, because the
 * guest's view decides, not the hardware's: find the guest's own entry
 * for the address, fold it with the partition's region, and
 *  - install the shadow entry and let the guest run the access again;
 *  - or give the guest the interrupt its own MMU would have taken (a TLB
 *    miss where it has no entry, a storage interrupt where its entry
 *    forbids the access), whatever the hardware took;
 *  - or emulate the access to a device model's window (an EXIT_MMIO);
 *  - or report a guest error (an EXIT_FAULT) where the partition has
 *    nothing at the guest-physical address or forbids the access there.
 *
 * Pure: the port copies SRR0 into v->pc and the trapped registers into
 * @v, and fetches the instruction word at SRR0 for a data trap; nothing
 * here touches the hardware. Called on the CPU that runs the vCPU, which
 * owns @v and @tlb; the partition's guest map is read-only by then. No
 * lock.
 */
#ifndef ASM_STORAGE_H
#define ASM_STORAGE_H

#include <bulkhead/exit.h>
#include <bulkhead/partition.h>
#include <asm/booke_vcpu.h>
#include <asm/guest_tlb.h>
#include <asm/insn.h>
#include <asm/shadow_tlb.h>

enum booke_storage_kind {
	STORAGE_DTLB_MISS,	/* IVOR13 */
	STORAGE_ITLB_MISS,	/* IVOR14 */
	STORAGE_DSI,		/* IVOR2 */
	STORAGE_ISI,		/* IVOR3 */
};

/* The trap as the hardware delivered it; SRR0 is in v->pc */
struct booke_storage_trap {
	enum booke_storage_kind kind;
	uint32_t dear;		/* data traps: the effective address */
	uint32_t esr;		/* data traps: ESR[ST] for a store, [DLK]/[ILK], [SPV] */
	uint32_t insn;		/* data traps: the instruction word at SRR0 */
};

/* What booke_storage() decided */
enum booke_storage_outcome {
	STORAGE_MAP,		/* write out.map to the hardware TLB and resume */
	STORAGE_REFLECTED,	/* the guest takes out.exc: @v and @tlb updated, resume */
	STORAGE_SKIPPED,	/* a cache operation on an emulated window: v->pc past it */
	STORAGE_EXIT,		/* hand the exit (EXIT_MMIO or EXIT_FAULT) to the core */
};

/*
 * What an EXIT_MMIO needs to be completed once the core answered it. The
 * access is the decoded instruction's; byte_reverse already includes the
 * guest page's little-endian attribute (MAS2[E]), which reverses every
 * access through the page, lwbrx included.
 */
struct booke_mmio {
	struct booke_insn insn;
	uint32_t ea;		/* update forms: rA's new value */
	/*
	 * While decoded: insn is load or store @word decoded for a page of
	 * this byte order. Kept from one call to the next (struct
	 * booke_storage), so a device accessed by one instruction in a loop
	 * is not decoded each time.
	 */
	bool decoded;
	bool little_endian;
	uint32_t word;
};

/*
 * What a data access to an emulated window found on its way there,
 * for later accesses through the same 4 KiB effective page: while the
 * guest's translation of the page stays, booke_storage_window() decides
 * them as booke_storage() would, without the guest's TLB and guest map.
 */
struct booke_window {
	gpaddr_t gpa;		/* the page's guest-physical address */
	uint16_t first, last;	/* offsets in the page of the window's first and last byte */
	uint8_t perms;		/* MAS3_UR, MAS3_UW: the guest's entry allows them */
	bool little_endian;	/* the guest's page has MAS2[E] */
};

struct booke_storage {
	enum booke_storage_outcome outcome;
	/*
	 * MAP; and the tag of the guest's context for every outcome past
	 * its own TLB's checks (no miss reflected, no DSI or ISI)
	 */
	struct shadow_tlbe map;
	enum booke_exc exc;		/* REFLECTED: DTLB, ITLB, DSI or ISI */
	struct booke_mmio mmio;		/* EXIT with EXIT_MMIO */
	struct booke_window window;	/* EXIT with EXIT_MMIO */
};

/*
 * Decide @trap, taken by vCPU @v of partition @p whose guest TLB is
 * @tlb (tlb->var must be v->core->mmu). For a reflected miss the MAS
 * registers are loaded from MAS4's defaults, as the hardware does on a
 * TLB error. @exit is written for STORAGE_EXIT only. @out is the
 * previous call's for the same vCPU, or has out->mmio.decoded false.
 * Returns out->outcome.
 */
enum booke_storage_outcome booke_storage(struct partition *p, struct booke_vcpu *v,
					 struct guest_tlb *tlb,
					 const struct booke_storage_trap *trap,
					 struct booke_storage *out, struct vm_exit *exit);

/* Does @ea, in the page @w was found for, lie in the window? */
static inline bool booke_window_covers(const struct booke_window *w, uint32_t ea)
{
	uint32_t offset = ea & 0xfffu;

	return offset >= w->first && offset <= w->last;
}

/*
 * Decide data TLB error @trap at a page whose way to an emulated window
 * booke_storage() found as @w, as it would decide it again: the
 * access emulated, or a data storage interrupt where the guest's entry
 * forbids it. @trap->dear must lie in the window (w->first..w->last);
 * @out as for booke_storage().
 */
enum booke_storage_outcome booke_storage_window(struct booke_vcpu *v,
						const struct booke_window *w,
						const struct booke_storage_trap *trap,
						struct booke_storage *out, struct vm_exit *exit);

/*
 * Finish the access @m behind @exit, which the core answered EXIT_RESUME:
 * a load's value into rT (byte reversal, sign extension), an update
 * form's new EA into rA, and the PC past the instruction.
 */
void booke_mmio_complete(struct booke_vcpu *v, const struct booke_mmio *m,
			 const struct vm_exit *exit);

#endif
