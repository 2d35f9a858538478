/* SPDX-License-Identifier: MIT */
/*
 * Shared by the three parts of the partition configuration code:
 * config_props.c (property readers, error reports), config.c (parsing)
 * and config_check.c (validation).
 */
#ifndef BULKHEAD_CONFIG_INTERNAL_H
#define BULKHEAD_CONFIG_INTERNAL_H

#include <bulkhead/config.h>

/* The path of @node, or its bare name when the path does not fit @len. */
void cfg_node_path(const void *fdt, int node, char *buf, size_t len);

/*
 * Fill @err with the path of @node in cfg->fdt, the property @prop (""
 * when the error is about the node itself) and the printf-style message.
 * Always returns -1.
 */
int cfg_fail(const struct config *cfg, struct config_error *err, int node,
	     const char *prop, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

struct cfg_parser {
	const void *fdt;
	struct config *cfg;
	struct config_error *err;
	int images;		/* offset of /images, negative when absent */
};

#define FAIL(p, node, prop, ...) \
	cfg_fail((p)->cfg, (p)->err, node, prop, __VA_ARGS__)

/*
 * The checks and readers below report every error through FAIL() and
 * return -1. Checks return 0 otherwise; readers return 1 when the property
 * is present and 0 when it is absent, unless said otherwise: whether a
 * property may be absent is the caller's business.
 */

bool cfg_in_set(const char *name, const char *const *set);

/* @rc ended a loop over nodes or properties: NOTFOUND or a broken blob. */
int cfg_loop_end(struct cfg_parser *p, int node, int rc);

/* Each property of @node is in @allowed or carries no config (phandle...). */
int cfg_check_props(struct cfg_parser *p, int node, const char *const *allowed);

/* As cfg_check_props(), and @node has no children. */
int cfg_check_leaf(struct cfg_parser *p, int node, const char *const *allowed);

/* Report that required property @prop is absent. */
int cfg_missing(struct cfg_parser *p, int node, const char *prop);

/*
 * @prop as an array of @unit-byte entries, at most @max of them. *@n is
 * set to the number of entries (0: absent, -1: wrong length). Returns the
 * value, to be read with fdt32_ld() or fdt64_ld().
 */
const void *cfg_get_array(struct cfg_parser *p, int node, const char *prop,
			  int unit, int max, int *n);

/* One number; *@v is @dflt unless the property is present. */
int cfg_get_u32(struct cfg_parser *p, int node, const char *prop,
		uint32_t *v, uint32_t dflt);
int cfg_get_u64(struct cfg_parser *p, int node, const char *prop,
		uint64_t *v, uint64_t dflt);

/* One non-empty string. */
int cfg_get_string(struct cfg_parser *p, int node, const char *prop,
		   const char **s);

/* @size bytes from @base: at least one byte, no wrap past 2^64. */
int cfg_check_range(struct cfg_parser *p, int node, const char *prop,
		    uint64_t base, uint64_t size);

/* The required reg = <base size>, one checked range. 0 or -1. */
int cfg_get_reg(struct cfg_parser *p, int node, uint64_t *base,
		uint64_t *size);

/* phys-base of a @size-byte range; *@phys is @dflt when absent. */
int cfg_get_phys(struct cfg_parser *p, int node, uint64_t size,
		 uint64_t *phys, uint64_t dflt);

/* Up to @max checked ranges. Returns their number, or -1. */
int cfg_get_ranges(struct cfg_parser *p, int node, const char *prop,
		   struct cfg_range *r, unsigned int max, unsigned int *count);

/*
 * Up to @max port ranges, <base count> one cell each, checked as
 * cfg_get_ranges() does. Returns their number, or -1. Whether the port
 * has those ports is config_check_io()'s business.
 */
int cfg_get_io_ranges(struct cfg_parser *p, int node, const char *prop,
		      struct cfg_range *r, unsigned int max, unsigned int *count);

/* Copy the name of @node to @dst, CFG_NAME_MAX bytes. 0 or -1. */
int cfg_copy_name(struct cfg_parser *p, int node, char *dst);

/* ---- shared by the checks of config_validate() --------------------------- */

/* An address range and the node and property it came from. */
struct span {
	uint64_t base;
	uint64_t size;
	int node;
	const char *prop;
};

/*
 * Enumerators of spans: fill @s with span @i of set @set and return 1,
 * return 0 for an unused slot, -1 past the end. They keep the pairwise
 * checks free of large arrays on the hypervisor's boot stack.
 */
typedef int (*span_fn)(const struct config *cfg, unsigned int set,
		       unsigned int i, struct span *s);

/* Fill @s; returns 1, for enumerators. */
int set_span(struct span *s, uint64_t base, uint64_t size, int node, const char *prop);

/* No two spans of set @set of @next overlap; @what names them in the error. */
int check_disjoint(const struct config *cfg, struct config_error *err,
		   span_fn next, unsigned int set, const char *what);

/* The first of @n ranges at @r that holds (@whole) or overlaps [base, base+size). */
const struct cfg_range *find_range(const struct cfg_range *r, unsigned int n,
				   uint64_t base, uint64_t size, bool whole);

/* @s overlaps @what at @r; @why, "" or starting with ": ", says more. */
int range_fail(const struct config *cfg, struct config_error *err,
	       const struct span *s, const char *what,
	       const struct cfg_range *r, const char *why);

#endif
