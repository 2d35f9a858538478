// SPDX-License-Identifier: MIT
/*
 * Partition configuration: typed property readers for config.c, and the
 * error reports config.c and config_check.c share.
 *
 * Each reader checks a property's length and form and reports what is
 * wrong with it, so that config.c only says which properties a node has
 * and what they mean. Messages are formatted with vsnprintf(): newlib's in
 * the hypervisor, the C library's in the host tool.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <libfdt.h>

#include "config_internal.h"

/* Properties dtc or a user may put on any node; they carry no config. */
static const char *const ignored_props[] = {
	"phandle", "linux,phandle", "name", "#address-cells", "#size-cells", NULL
};

void cfg_node_path(const void *fdt, int node, char *buf, size_t len)
{
	const char *name;

	if (fdt_get_path(fdt, node, buf, len) >= 0)
		return;
	/* Too deep for @buf, or not a tree at all: the name must do. */
	name = fdt_get_name(fdt, node, NULL);
	snprintf(buf, len, "%s", name ? name : "/");
}

int cfg_fail(const struct config *cfg, struct config_error *err, int node,
	     const char *prop, const char *fmt, ...)
{
	va_list ap;

	cfg_node_path(cfg->fdt, node, err->path, sizeof(err->path));
	snprintf(err->prop, sizeof(err->prop), "%s", prop);
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

bool cfg_in_set(const char *name, const char *const *set)
{
	for (; *set; set++)
		if (!strcmp(name, *set))
			return true;
	return false;
}

int cfg_loop_end(struct cfg_parser *p, int node, int rc)
{
	if (rc == -FDT_ERR_NOTFOUND)
		return 0;
	return FAIL(p, node, "", "malformed device tree: %s", fdt_strerror(rc));
}

int cfg_check_props(struct cfg_parser *p, int node, const char *const *allowed)
{
	const char *name;
	int prop;

	fdt_for_each_property_offset(prop, p->fdt, node) {
		if (!fdt_getprop_by_offset(p->fdt, prop, &name, NULL))
			return FAIL(p, node, "", "malformed property");
		if (!cfg_in_set(name, allowed) && !cfg_in_set(name, ignored_props))
			return FAIL(p, node, name, "unknown property");
	}
	return cfg_loop_end(p, node, prop);
}

int cfg_check_leaf(struct cfg_parser *p, int node, const char *const *allowed)
{
	int child = fdt_first_subnode(p->fdt, node);

	if (cfg_check_props(p, node, allowed))
		return -1;
	if (child >= 0)
		return FAIL(p, child, "", "unknown node");
	return cfg_loop_end(p, node, child);
}

int cfg_missing(struct cfg_parser *p, int node, const char *prop)
{
	return FAIL(p, node, prop, "missing required property");
}

const void *cfg_get_array(struct cfg_parser *p, int node, const char *prop,
			  int unit, int max, int *n)
{
	int len;
	const void *val = fdt_getprop(p->fdt, node, prop, &len);

	if (!val)
		*n = 0;
	else if (max == 1 && len != unit)
		*n = FAIL(p, node, prop, "is %d bytes long, expected %d",
			  len, unit);
	else if (len == 0 || len % unit)
		*n = FAIL(p, node, prop,
			  "is %d bytes long, not a multiple of %d", len, unit);
	else if (len / unit > max)
		*n = FAIL(p, node, prop, "has %d entries, at most %d allowed",
			  len / unit, max);
	else
		*n = len / unit;
	return val;
}

int cfg_get_u32(struct cfg_parser *p, int node, const char *prop,
		uint32_t *v, uint32_t dflt)
{
	int n;
	const fdt32_t *cell = cfg_get_array(p, node, prop, 4, 1, &n);

	*v = n > 0 ? fdt32_ld(cell) : dflt;
	return n;
}

int cfg_get_u64(struct cfg_parser *p, int node, const char *prop,
		uint64_t *v, uint64_t dflt)
{
	int n;
	const fdt64_t *cell = cfg_get_array(p, node, prop, 8, 1, &n);

	*v = n > 0 ? fdt64_ld(cell) : dflt;
	return n;
}

int cfg_get_string(struct cfg_parser *p, int node, const char *prop,
		   const char **s)
{
	int len;

	*s = fdt_getprop(p->fdt, node, prop, &len);
	if (!*s)
		return 0;
	if (len < 2 || strnlen(*s, len) != (size_t)len - 1)
		return FAIL(p, node, prop, "must be one non-empty string");
	return 1;
}

int cfg_check_range(struct cfg_parser *p, int node, const char *prop,
		    uint64_t base, uint64_t size)
{
	if (!size)
		return FAIL(p, node, prop, "size is zero");
	if (base + (size - 1) < base)
		return FAIL(p, node, prop,
			    "range at 0x%llx of size 0x%llx wraps around",
			    (unsigned long long)base, (unsigned long long)size);
	return 0;
}

int cfg_get_reg(struct cfg_parser *p, int node, uint64_t *base,
		uint64_t *size)
{
	int n;
	const fdt64_t *cell = cfg_get_array(p, node, "reg", 16, 1, &n);

	if (n <= 0)
		return n ? -1 : cfg_missing(p, node, "reg");
	*base = fdt64_ld(cell);
	*size = fdt64_ld(cell + 1);
	return cfg_check_range(p, node, "reg", *base, *size);
}

int cfg_get_phys(struct cfg_parser *p, int node, uint64_t size,
		 uint64_t *phys, uint64_t dflt)
{
	int n = cfg_get_u64(p, node, "phys-base", phys, dflt);

	if (n > 0 && cfg_check_range(p, node, "phys-base", *phys, size))
		return -1;
	return n;
}

/* A value of @cell bytes, 8 (two cells) or 4 (one). */
static uint64_t load_value(const uint8_t *val, int cell)
{
	return cell == 8 ? fdt64_ld((const fdt64_t *)val) : fdt32_ld((const fdt32_t *)val);
}

/* Up to @max checked <base size> pairs of @cell-byte values. */
static int get_pairs(struct cfg_parser *p, int node, const char *prop, int cell,
		     struct cfg_range *r, unsigned int max, unsigned int *count)
{
	int i, n;
	const uint8_t *val = cfg_get_array(p, node, prop, 2 * cell, max, &n);

	for (i = 0; i < n; i++, val += 2 * cell) {
		r[i].base = load_value(val, cell);
		r[i].size = load_value(val + cell, cell);
		if (cfg_check_range(p, node, prop, r[i].base, r[i].size))
			return -1;
	}
	*count = n > 0 ? n : 0;
	return n;
}

int cfg_get_ranges(struct cfg_parser *p, int node, const char *prop,
		   struct cfg_range *r, unsigned int max, unsigned int *count)
{
	return get_pairs(p, node, prop, 8, r, max, count);
}

int cfg_get_io_ranges(struct cfg_parser *p, int node, const char *prop,
		      struct cfg_range *r, unsigned int max, unsigned int *count)
{
	return get_pairs(p, node, prop, 4, r, max, count);
}

int cfg_copy_name(struct cfg_parser *p, int node, char *dst)
{
	int len;
	const char *name = fdt_get_name(p->fdt, node, &len);

	if (!name)
		return FAIL(p, node, "", "malformed node name");
	if (len >= CFG_NAME_MAX)
		return FAIL(p, node, "", "name is longer than %d characters",
			    CFG_NAME_MAX - 1);
	memcpy(dst, name, len + 1);
	return 0;
}
