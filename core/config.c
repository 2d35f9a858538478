// SPDX-License-Identifier: MIT
/*
 * Partition configuration, part 1: syntax and references (config_parse).
 *
 * Walks the config tree once, rejects every node and property it does not
 * know, checks lengths and references and fills struct config. Whether the
 * values make sense together (overlaps, board limits) is config_check.c's
 * business. config_props.c reads and checks the single properties.
 * Shared by the hypervisor and the host tool: no allocation, no output.
 */
#include <string.h>
#include <libfdt.h>

#include "config_internal.h"

#define CFG_COMPATIBLE	"bulkhead,config"

static const char *const root_props[] = { "compatible", NULL };
static const char *const no_props[] = { NULL };
static const char *const board_props[] = {
	"memory", "reserved", "hypervisor-devices", "guest-reserved",
	"dma-masters", "hypervisor-io-ports", "cpus", NULL
};
static const char *const image_props[] = { "file", "load", "size", NULL };
static const char *const partition_props[] = {
	"cpus", "image", "load-address", "entry", "initrd", "initrd-address",
	"bootargs", "fault-policy", "max-restarts", "unmapped-access", "pmu", NULL
};
static const char *const memory_props[] = { "reg", "phys-base", NULL };
static const char *const console_props[] = { "reg", "io-ports", "interrupts", NULL };
static const char *const device_props[] = {
	"reg", "io-ports", "phys-base", "compatible", "interrupts", "dma", NULL
};
static const char *const shm_props[] = {
	"reg", "phys-base", "partitions", "doorbell", NULL
};

/* __symbols__ appears when the config is compiled with `dtc -@`. */
static const char *const root_nodes[] = {
	"board", "images", "partitions", "shared-memory", "__symbols__", NULL
};

static const char *const policy_names[] = {
	[FAULT_HALT] = "halt",
	[FAULT_RESTART] = "restart",
	[FAULT_POWEROFF] = "poweroff",
	NULL
};
static const char *const unmapped_names[] = {
	[UNMAPPED_FAULT] = "fault",
	[UNMAPPED_ABORT] = "abort",
	NULL
};
static const char *const pmu_names[] = {
	[PMU_NONE] = "none",
	[PMU_OWNED] = "owned",
	NULL
};
static const char *const dma_names[] = {
	[DMA_NONE] = "none",
	[DMA_TRUSTED] = "trusted",
	NULL
};

/* Node names are "base" or "base@unit-address". */
static bool node_is(const char *name, const char *base)
{
	size_t n = strlen(base);

	return !strncmp(name, base, n) && (name[n] == '\0' || name[n] == '@');
}

static int check_root(struct cfg_parser *p)
{
	const char *name;
	int node, rc = fdt_node_check_compatible(p->fdt, 0, CFG_COMPATIBLE);

	if (rc < 0)
		return cfg_missing(p, 0, "compatible");
	if (rc > 0)
		return FAIL(p, 0, "compatible", "must be \"" CFG_COMPATIBLE "\"");
	if (cfg_check_props(p, 0, root_props))
		return -1;
	fdt_for_each_subnode(node, p->fdt, 0) {
		name = fdt_get_name(p->fdt, node, NULL);
		if (!name || !cfg_in_set(name, root_nodes))
			return FAIL(p, node, "", "unknown node");
	}
	return cfg_loop_end(p, 0, node);
}

static int parse_board(struct cfg_parser *p)
{
	struct cfg_board *b = &p->cfg->board;
	int n, node = fdt_subnode_offset(p->fdt, 0, "board");

	if (node < 0)
		return FAIL(p, 0, "", "missing node \"board\"");
	if (cfg_check_leaf(p, node, board_props))
		return -1;
	n = cfg_get_ranges(p, node, "memory", b->ram, CFG_MAX_BANKS, &b->nram);
	if (n <= 0)
		return n ? -1 : cfg_missing(p, node, "memory");
	if (cfg_get_ranges(p, node, "reserved", b->reserved, CFG_MAX_BANKS,
			   &b->nreserved) < 0 ||
	    cfg_get_ranges(p, node, "hypervisor-devices", b->hv_devices,
			   CFG_MAX_BANKS, &b->nhv_devices) < 0 ||
	    cfg_get_ranges(p, node, "guest-reserved", b->guest_reserved,
			   CFG_MAX_BANKS, &b->nguest_reserved) < 0 ||
	    cfg_get_ranges(p, node, "dma-masters", b->dma_masters,
			   CFG_MAX_DMA_MASTERS, &b->ndma_masters) < 0 ||
	    cfg_get_io_ranges(p, node, "hypervisor-io-ports", b->hv_io_ports,
			      CFG_MAX_BANKS, &b->nhv_io_ports) < 0)
		return -1;
	n = cfg_get_u32(p, node, "cpus", &b->ncpus, 0);
	if (n <= 0)
		return n ? -1 : cfg_missing(p, node, "cpus");
	if (!b->ncpus)
		return FAIL(p, node, "cpus", "must be at least 1");
	return 0;
}

/*
 * `bulkhead pack` adds load and size to an image node; @blob, when not
 * NULL, receives them.
 */
static int get_staging(struct cfg_parser *p, int img, struct cfg_blob *blob)
{
	uint64_t load, size;
	int has_load = cfg_get_u64(p, img, "load", &load, 0);
	int has_size = cfg_get_u64(p, img, "size", &size, 0);

	if (has_load < 0 || has_size < 0)
		return -1;
	if (has_load != has_size)
		return FAIL(p, img, has_load ? "size" : "load",
			    "missing: \"load\" and \"size\" go together");
	if (!has_load)
		return 0;
	if (cfg_check_range(p, img, "size", load, size))
		return -1;
	if (blob) {
		blob->staged = true;
		blob->phys = load;
		blob->size = size;
	}
	return 0;
}

static int parse_images(struct cfg_parser *p)
{
	const char *file;
	int img, n;

	p->images = fdt_subnode_offset(p->fdt, 0, "images");
	if (p->images < 0)
		return 0;
	if (cfg_check_props(p, p->images, no_props))
		return -1;
	fdt_for_each_subnode(img, p->fdt, p->images) {
		if (cfg_check_leaf(p, img, image_props))
			return -1;
		n = cfg_get_string(p, img, "file", &file);
		if (n <= 0)
			return n ? -1 : cfg_missing(p, img, "file");
		if (get_staging(p, img, NULL))
			return -1;
	}
	return cfg_loop_end(p, p->images, img);
}

static int parse_cpus(struct cfg_parser *p, int node,
		      struct cfg_partition *part)
{
	uint32_t cpu;
	int i, n;
	const fdt32_t *cell = cfg_get_array(p, node, "cpus", 4, CFG_MAX_CPUS, &n);

	if (n <= 0)
		return n ? -1 : cfg_missing(p, node, "cpus");
	for (i = 0; i < n; i++) {
		cpu = fdt32_ld(cell + i);
		if (cpu > UINT8_MAX)
			return FAIL(p, node, "cpus", "CPU %u is out of range",
				    (unsigned int)cpu);
		part->cpus[i] = cpu;
	}
	part->ncpus = n;
	return 0;
}

/* @phandle in @prop of @node should have led to @want, but led to @target. */
static int bad_ref(struct cfg_parser *p, int node, const char *prop,
		   uint32_t phandle, int target, const char *want)
{
	char path[CFG_PATH_MAX];

	if (target < 0)
		return FAIL(p, node, prop, "phandle 0x%x matches no node",
			    (unsigned int)phandle);
	cfg_node_path(p->fdt, target, path, sizeof(path));
	return FAIL(p, node, prop, "points to %s, not to %s", path, want);
}

/* @prop of @node names an image; required unless @optional. */
static int parse_image(struct cfg_parser *p, int node, const char *prop,
		       bool optional, struct cfg_blob *blob)
{
	uint32_t phandle;
	int img, n = cfg_get_u32(p, node, prop, &phandle, 0);

	if (n <= 0)
		return n || optional ? n : cfg_missing(p, node, prop);
	img = fdt_node_offset_by_phandle(p->fdt, phandle);
	if (img < 0 || p->images < 0 || fdt_parent_offset(p->fdt, img) != p->images)
		return bad_ref(p, node, prop, phandle, img, "a node under /images");
	blob->node = img;
	return get_staging(p, img, blob);
}

/* An interrupt specifier list; its format is the port's business. */
static int check_interrupts(struct cfg_parser *p, int node, const char *prop)
{
	int n;

	cfg_get_array(p, node, prop, 4, INT32_MAX, &n);
	return n < 0 ? -1 : 0;
}

/*
 * Optional string property @prop, one of the NULL-terminated @names: *@v
 * is its index, 0 when absent; @expected lists the names for the error.
 */
static int get_choice(struct cfg_parser *p, int node, const char *prop,
		      const char *const *names, const char *expected,
		      unsigned int *v)
{
	const char *s;
	int n = cfg_get_string(p, node, prop, &s);

	*v = 0;
	if (n <= 0)
		return n;
	for (unsigned int i = 0; names[i]; i++)
		if (!strcmp(s, names[i])) {
			*v = i;
			return 0;
		}
	return FAIL(p, node, prop, "unknown value \"%s\", expected %s", s,
		    expected);
}

static int parse_policy(struct cfg_parser *p, int node,
			struct cfg_partition *part)
{
	unsigned int v;
	int n;

	if (get_choice(p, node, "fault-policy", policy_names,
		       "halt, restart or poweroff", &v))
		return -1;
	part->policy = v;
	if (get_choice(p, node, "unmapped-access", unmapped_names,
		       "fault or abort", &v))
		return -1;
	part->unmapped_access = v;
	if (get_choice(p, node, "pmu", pmu_names, "none or owned", &v))
		return -1;
	part->pmu = v;
	n = cfg_get_u32(p, node, "max-restarts", &part->max_restarts,
			CFG_UNLIMITED_RESTARTS);
	if (n > 0 && part->policy != FAULT_RESTART)
		return FAIL(p, node, "max-restarts",
			    "needs fault-policy = \"restart\"");
	return n < 0 ? -1 : 0;
}

static int parse_memory(struct cfg_parser *p, int node,
			struct cfg_partition *part)
{
	struct cfg_region *r = &part->mem[part->nmem];
	int n;

	if (part->nmem == CFG_MAX_REGIONS)
		return FAIL(p, node, "", "too many memory regions, at most %d",
			    CFG_MAX_REGIONS);
	if (cfg_check_leaf(p, node, memory_props) ||
	    cfg_get_reg(p, node, &r->guest_base, &r->size))
		return -1;
	n = cfg_get_phys(p, node, r->size, &r->phys_base, 0);
	if (n < 0)
		return -1;
	r->phys_fixed = n;
	r->node = node;
	part->nmem++;
	return 0;
}

/*
 * A device's MMIO (reg) and its ports (io-ports, one range): 0 with
 * *@has_reg set when reg is there, or -1. Neither is required here.
 */
static int get_reg_and_ports(struct cfg_parser *p, int node, uint64_t *base,
			     uint64_t *size, struct cfg_range *io, bool *has_reg)
{
	unsigned int n;

	*has_reg = fdt_getprop(p->fdt, node, "reg", NULL);
	if ((*has_reg && cfg_get_reg(p, node, base, size)) ||
	    cfg_get_io_ranges(p, node, "io-ports", io, 1, &n) < 0)
		return -1;
	return 0;
}

/* The emulated UART: at guest addresses (reg) or at ports (io-ports). */
static int parse_console(struct cfg_parser *p, int node,
			 struct cfg_partition *part)
{
	bool has_reg;

	if (part->has_console)
		return FAIL(p, node, "", "second console, a partition has one");
	if (cfg_check_leaf(p, node, console_props) ||
	    get_reg_and_ports(p, node, &part->console_base, &part->console_size,
			      &part->console_io, &has_reg) ||
	    check_interrupts(p, node, "interrupts"))
		return -1;
	if (has_reg == !!part->console_io.size)
		return FAIL(p, node, has_reg ? "io-ports" : "reg",
			    has_reg ? "a console has reg or io-ports, not both" :
				      "missing: a console needs reg or io-ports");
	part->has_console = true;
	part->console_node = node;
	return 0;
}

static int parse_device(struct cfg_parser *p, int node,
			struct cfg_partition *part)
{
	struct cfg_device *d = &part->dev[part->ndev];
	unsigned int dma;
	bool has_reg;

	if (part->ndev == CFG_MAX_DEVICES)
		return FAIL(p, node, "", "too many devices, at most %d",
			    CFG_MAX_DEVICES);
	if (cfg_check_leaf(p, node, device_props) ||
	    get_reg_and_ports(p, node, &d->guest_base, &d->size, &d->io, &has_reg))
		return -1;
	if (!has_reg && !d->io.size)
		return FAIL(p, node, "reg", "missing: a device needs reg, io-ports or both");
	if (!has_reg && fdt_getprop(p->fdt, node, "phys-base", NULL))
		return FAIL(p, node, "phys-base", "needs reg: ports are passed through as they are");
	if (cfg_get_phys(p, node, d->size, &d->phys_base, d->guest_base) < 0)
		return -1;
	if (fdt_getprop(p->fdt, node, "compatible", NULL) &&
	    fdt_stringlist_count(p->fdt, node, "compatible") < 1)
		return FAIL(p, node, "compatible", "must be a list of strings");
	if (check_interrupts(p, node, "interrupts") ||
	    get_choice(p, node, "dma", dma_names, "none or trusted", &dma))
		return -1;
	d->dma = dma;
	d->node = node;
	part->ndev++;
	return 0;
}

static int parse_regions(struct cfg_parser *p, int node,
			 struct cfg_partition *part)
{
	const char *name;
	int child, rc;

	fdt_for_each_subnode(child, p->fdt, node) {
		name = fdt_get_name(p->fdt, child, NULL);
		if (name && node_is(name, "memory"))
			rc = parse_memory(p, child, part);
		else if (name && node_is(name, "console"))
			rc = parse_console(p, child, part);
		else if (name && node_is(name, "device"))
			rc = parse_device(p, child, part);
		else
			rc = FAIL(p, child, "", "unknown node");
		if (rc)
			return -1;
	}
	if (cfg_loop_end(p, node, child))
		return -1;
	if (!part->nmem)
		return FAIL(p, node, "", "no memory region (memory@... node)");
	return 0;
}

/* Runs after parse_regions: the defaults come from the first memory region. */
static int parse_boot(struct cfg_parser *p, int node,
		      struct cfg_partition *part)
{
	const char *bootargs;

	uint64_t initrd_addr;
	int n;

	if (cfg_get_u64(p, node, "load-address", &part->load_addr,
			part->mem[0].guest_base) < 0 ||
	    cfg_get_u64(p, node, "entry", &part->entry, part->load_addr) < 0 ||
	    cfg_get_string(p, node, "bootargs", &bootargs) < 0 ||
	    parse_image(p, node, "initrd", true, &part->initrd) < 0)
		return -1;
	n = cfg_get_u64(p, node, "initrd-address", &initrd_addr, 0);
	if (n < 0)
		return -1;
	if (n != (part->initrd.node > 0))
		return FAIL(p, node, n ? "initrd-address" : "initrd",
			    "missing: \"initrd\" and \"initrd-address\" go together");
	part->initrd_addr = initrd_addr;
	return 0;
}

static int parse_partition(struct cfg_parser *p, int node,
			   struct cfg_partition *part)
{
	part->node = node;
	if (cfg_copy_name(p, node, part->name) ||
	    cfg_check_props(p, node, partition_props) ||
	    parse_cpus(p, node, part) ||
	    parse_image(p, node, "image", false, &part->image) ||
	    parse_policy(p, node, part) || parse_regions(p, node, part) ||
	    parse_boot(p, node, part))
		return -1;
	return 0;
}

static int parse_partitions(struct cfg_parser *p)
{
	struct config *cfg = p->cfg;
	int node, parts = fdt_subnode_offset(p->fdt, 0, "partitions");

	if (parts < 0)
		return FAIL(p, 0, "", "missing node \"partitions\"");
	if (cfg_check_props(p, parts, no_props))
		return -1;
	fdt_for_each_subnode(node, p->fdt, parts) {
		if (cfg->npart == CFG_MAX_PARTITIONS)
			return FAIL(p, node, "", "too many partitions, at most %d",
				    CFG_MAX_PARTITIONS);
		if (parse_partition(p, node, &cfg->part[cfg->npart]))
			return -1;
		cfg->npart++;
	}
	if (cfg_loop_end(p, parts, node))
		return -1;
	if (!cfg->npart)
		return FAIL(p, parts, "", "no partitions");
	return 0;
}

/* Index into cfg->part of the partition at @node, or -1. */
static int partition_index(struct cfg_parser *p, int node)
{
	unsigned int i;

	for (i = 0; node >= 0 && i < p->cfg->npart; i++)
		if (p->cfg->part[i].node == node)
			return i;
	return -1;
}

static int parse_peers(struct cfg_parser *p, int node, struct cfg_shm *shm)
{
	uint32_t phandle;
	int i, j, idx, peer, n;
	const fdt32_t *cell = cfg_get_array(p, node, "partitions", 4,
					    CFG_MAX_PARTITIONS, &n);

	if (n <= 0)
		return n ? -1 : cfg_missing(p, node, "partitions");
	for (i = 0; i < n; i++) {
		phandle = fdt32_ld(cell + i);
		peer = fdt_node_offset_by_phandle(p->fdt, phandle);
		idx = partition_index(p, peer);
		if (idx < 0)
			return bad_ref(p, node, "partitions", phandle, peer,
				       "a partition under /partitions");
		for (j = 0; j < i; j++)
			if (shm->parts[j] == idx)
				return FAIL(p, node, "partitions",
					    "partition %s is listed twice",
					    p->cfg->part[idx].name);
		shm->parts[i] = idx;
	}
	shm->nparts = n;
	return 0;
}

static int parse_shm(struct cfg_parser *p, int node, struct cfg_shm *shm)
{
	int n;

	shm->node = node;
	if (cfg_copy_name(p, node, shm->name) ||
	    cfg_check_leaf(p, node, shm_props) ||
	    cfg_get_reg(p, node, &shm->guest_base, &shm->size))
		return -1;
	n = cfg_get_phys(p, node, shm->size, &shm->phys_base, 0);
	if (n < 0 || check_interrupts(p, node, "doorbell"))
		return -1;
	shm->phys_fixed = n;
	return parse_peers(p, node, shm);
}

static int parse_shared_memory(struct cfg_parser *p)
{
	struct config *cfg = p->cfg;
	int node, root = fdt_subnode_offset(p->fdt, 0, "shared-memory");

	if (root < 0)
		return 0;
	if (cfg_check_props(p, root, no_props))
		return -1;
	fdt_for_each_subnode(node, p->fdt, root) {
		if (cfg->nshm == CFG_MAX_SHM)
			return FAIL(p, node, "",
				    "too many shared-memory regions, at most %d",
				    CFG_MAX_SHM);
		cfg->shm[cfg->nshm].id = cfg->nshm;
		if (parse_shm(p, node, &cfg->shm[cfg->nshm]))
			return -1;
		cfg->nshm++;
	}
	return cfg_loop_end(p, root, node);
}

int config_parse(const void *fdt, struct config *cfg, struct config_error *err)
{
	struct cfg_parser p = { .fdt = fdt, .cfg = cfg, .err = err };
	int rc;

	memset(cfg, 0, sizeof(*cfg));
	memset(err, 0, sizeof(*err));
	cfg->fdt = fdt;
	rc = fdt_check_header(fdt);
	if (rc)
		return FAIL(&p, 0, "", "not a device tree blob: %s",
			    fdt_strerror(rc));
	/* Partitions before shared memory: peers are resolved to indices. */
	if (check_root(&p) || parse_board(&p) || parse_images(&p) ||
	    parse_partitions(&p) || parse_shared_memory(&p))
		return -1;
	return 0;
}
