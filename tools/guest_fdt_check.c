// SPDX-License-Identifier: MIT
/*
 * Does each partition's device tree fit? At every boot the hypervisor
 * builds it into GUEST_FDT_SIZE bytes at the top of the partition's first
 * memory region. Here it is built by the very same code (core/guest_fdt.c,
 * the port's part, the emulated UART's description) for each partition
 * laid out as the hypervisor lays it out, so that a bootargs or a set of
 * devices that would not fit is refused before boot.
 */
#include <stdio.h>
#include <string.h>
#include <libfdt.h>
#include <bulkhead/partition.h>
#include <bulkhead/placement.h>

#include "bulkhead.h"

static int too_big(const struct config *cfg, const struct cfg_partition *c, int rc,
		   struct config_error *err)
{
	size_t used;
	int len = 0;
	const char *bootargs = fdt_getprop(cfg->fdt, c->node, "bootargs", &len);

	memset(err, 0, sizeof(*err));
	fdt_get_path(cfg->fdt, c->node, err->path, sizeof(err->path));
	if (bootargs)
		strcpy(err->prop, "bootargs");
	used = snprintf(err->msg, sizeof(err->msg),
			"the partition's device tree does not fit in the %u KiB it is given (%s)",
			GUEST_FDT_SIZE / 1024, fdt_strerror(rc));
	if (bootargs && used < sizeof(err->msg))
		snprintf(err->msg + used, sizeof(err->msg) - used, "; bootargs takes %d bytes", len);
	return -1;
}

static int layout_failed(const struct config *cfg, const struct cfg_partition *c,
			 struct config_error *err)
{
	memset(err, 0, sizeof(*err));
	fdt_get_path(cfg->fdt, c->node, err->path, sizeof(err->path));
	snprintf(err->msg, sizeof(err->msg), "the partition's regions overlap (a validator bug)");
	return -1;
}

int check_guest_fdts(const struct config *cfg, const struct placement *pl,
		     struct config_error *err)
{
	static struct partition part;
	static struct shared_region shared[CFG_MAX_SHM];
	static uint8_t fdt[GUEST_FDT_SIZE];
	int rc;

	for (unsigned int i = 0; i < cfg->npart; i++) {
		memset(&part, 0, sizeof(part));
		partition_layout(&part, cfg, i);
		/* config_validate() refused overlaps: a failure here is a bug */
		if (partition_layout_regions(&part, cfg, pl, shared, guest_region_insert))
			return layout_failed(cfg, &cfg->part[i], err);
		rc = guest_fdt_build(&part, fdt, sizeof(fdt));
		if (rc < 0)
			return too_big(cfg, &cfg->part[i], rc, err);
	}
	return 0;
}
