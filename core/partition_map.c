// SPDX-License-Identifier: MIT
/*
 * The one way a region enters a partition's guest map in the hypervisor:
 * recorded in the sorted region list, then mirrored by the port unless a
 * device model emulates it.
 */
#include <bulkhead/console.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>

#define RANGE_FMT	"guest 0x%llx-0x%llx (%s)"
#define RANGE_ARGS(r)	(unsigned long long)(r)->gpa, \
			(unsigned long long)((r)->gpa + (r)->size - 1), guest_region_kind((r)->flags)

static void refused(const struct partition *p, const struct guest_region *r, int why)
{
	const struct guest_region *in_the_way = guest_region_clash(p, r->gpa, r->size);

	if (why == GUEST_REGION_OVERLAP && in_the_way)
		hv_printf("%s: " RANGE_FMT " overlaps " RANGE_FMT, p->name, RANGE_ARGS(r),
			  RANGE_ARGS(in_the_way));
	else if (why == GUEST_REGION_FULL)
		hv_printf("%s: " RANGE_FMT ": no room for another region, at most %u", p->name,
			  RANGE_ARGS(r), MAX_GUEST_REGIONS);
	else
		hv_printf("%s: a region of %llu bytes at guest 0x%llx is empty or wraps",
			  p->name, (unsigned long long)r->size, (unsigned long long)r->gpa);
}

int partition_map_region(struct partition *p, const struct guest_region *r)
{
	int rc = guest_region_insert(p, r);

	if (rc) {
		refused(p, r, rc);
		return -1;
	}
	if (r->flags & GUEST_EMULATED)
		return 0;
	rc = port_guest_map(p, r->gpa, r->pa, r->size, r->flags & PT_ATTR_MASK);
	if (rc) {
		hv_printf("%s: cannot map " RANGE_FMT " to physical 0x%llx: error %d from the port",
			  p->name, RANGE_ARGS(r), (unsigned long long)r->pa, rc);
		return -1;
	}
	return 0;
}
