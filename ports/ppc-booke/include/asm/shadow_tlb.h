/* SPDX-License-Identifier: MIT */
/*
 * Shadow TLB entries: what the hardware TLB holds for a guest. e500
 * under QEMU has no guest-physical translation in hardware, so a guest
 * TLB entry (effective -> guest-physical) and the partition's guest map
 * (guest-physical -> physical) are folded into one hardware entry,
 * effective -> physical, made when the guest first touches a page.
 *
 * Tagging. Every guest runs at MSR[PR]=1 with MSR[IS]=MSR[DS]=1, and
 * every shadow entry has TS=1: the hypervisor runs in address space 0,
 * so no guest entry ever translates a hypervisor access and no
 * hypervisor entry a guest one. What tells guest contexts apart is the
 * hardware TID, a shadow PID standing for one struct shadow_tag: the
 * partition, the guest's address space (its MSR[IS]/[DS]) and privilege
 * (its MSR[PR]), and the guest PID the entry belongs to. While a guest
 * context runs, hardware PID0 holds the shadow PID of (partition, AS,
 * PR, guest PID0) (and PID1/PID2 those of the guest's PID1/PID2 where
 * the CPU has them). A global guest entry (TID 0) is shadowed under the
 * guest's PID0 of the moment, once per context that touches it: one PID
 * register (e500mc) cannot hold a "global" tag beside the current one.
 *
 * The guest's supervisor runs at PR=1 too, so its kernel pages become
 * user pages: the guest's SX/SW/SR bits are the shadow's UX/UW/UR when
 * the guest is in supervisor state, its UX/UW/UR when in user state.
 * Tagging by guest privilege keeps the two apart. Shadow entries never
 * have supervisor permissions.
 */
#ifndef ASM_SHADOW_TLB_H
#define ASM_SHADOW_TLB_H

#include <bulkhead/partition.h>
#include <asm/guest_tlb.h>

enum shadow_access {
	SHADOW_READ,
	SHADOW_WRITE,
	SHADOW_EXEC,
};

/* The guest access that missed in the hardware TLB */
struct shadow_fault {
	uint32_t ea;
	enum shadow_access access;
	unsigned int guest_as;		/* the guest's MSR[IS] (fetch) or MSR[DS] (data) */
	unsigned int guest_pr;		/* the guest's MSR[PR] */
	uint32_t guest_pid0;		/* the guest's PID0 */
};

/* The guest context a shadow entry belongs to: one shadow PID each */
struct shadow_tag {
	unsigned int partition;		/* partition id */
	uint32_t guest_pid;		/* the guest entry's TID, or PID0 for a global one */
	uint8_t guest_as;
	uint8_t guest_pr;
};

struct shadow_tlbe {
	struct shadow_tag tag;
	gpaddr_t gpa;			/* guest-physical address of @ea (every outcome) */
	uint64_t size;			/* bytes the entry maps */
	/* The words to write with tlbwe; MAS1's TID is the shadow PID, see shadow_tlbe_mas1() */
	uint32_t mas1, mas2, mas3, mas7;
};

/* What guest entry @ge allows its context at privilege @guest_pr, as user-mode MAS3 bits */
uint32_t shadow_guest_perms(const struct gtlb_entry *ge, unsigned int guest_pr);

/*
 * What shadow_tlb_make() found. GUEST_DENIED: the guest's own entry
 * forbids the access, reflect a storage interrupt to it; every other
 * outcome has @out->tag. EMULATED: a
 * device model's window, emulate the access at @out->gpa. NO_REGION:
 * nothing of the partition's there, and REGION_DENIED: the region
 * forbids it (a write to read-only memory, executing a device): the
 * partition's fault policy.
 */
#define SHADOW_MAPPED		0	/* @out is the hardware entry */
#define SHADOW_GUEST_DENIED	1
#define SHADOW_EMULATED		2
#define SHADOW_NO_REGION	3
#define SHADOW_REGION_DENIED	4

/*
 * The hardware entry for @f, which guest entry @ge (gtlb_lookup()'s hit)
 * translates, in partition @p on CPU variant @v. The page is the largest
 * up to @max_tsize (the array the entry goes to takes no larger: TLB0's
 * 4 KiB for the port) that lies inside both the guest's page and the
 * region, aligned in effective, guest-physical and physical space alike
 * (a big guest page over small regions becomes several entries, each
 * made on its own miss). Permissions are the guest's (see above)
 * less what the region forbids; device regions are caching-inhibited
 * and guarded, RAM and shared memory coherent, whatever the guest
 * asked. Pure: any CPU, no lock (p's guest map is read-only by then).
 */
int shadow_tlb_make(struct partition *p, const struct e500_mmu_variant *v,
		    const struct gtlb_entry *ge, const struct shadow_fault *f,
		    unsigned int max_tsize, struct shadow_tlbe *out);

/* MAS1 to write for @s once its tag has shadow PID @sid */
static inline uint32_t shadow_tlbe_mas1(const struct shadow_tlbe *s, unsigned int sid)
{
	return s->mas1 | MAS1_TID(sid);
}

#endif
