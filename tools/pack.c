// SPDX-License-Identifier: MIT
/*
 * `bulkhead pack`: lay out the boot package in physical memory.
 *
 * The packed config goes at --base, then every guest image at the next
 * 64 KiB boundary after the previous blob. Each /images/<name> node gets
 * `load` and `size`, which is how the hypervisor finds the images. The
 * outputs are the packed config.dtb, images.txt (one "name address file"
 * line per blob, the config first) for the QEMU loader or scripts, and
 * with --hv a U-Boot FIT source, bulkhead.its.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <libfdt.h>

#include "bulkhead.h"

#define BLOB_ALIGN	0x10000ull

struct blob {
	const char *name;	/* image node name, "config" for the config */
	char path[PATH_MAX];	/* absolute, for images.txt and the FIT */
	uint64_t addr;
	uint64_t size;
};

static int collect_images(const struct opts *o, const void *fdt,
			  struct blob *b)
{
	int img, images = fdt_subnode_offset(fdt, 0, "images");
	char found[PATH_MAX];
	off_t size;

	fdt_for_each_subnode(img, fdt, images) {
		b->name = fdt_get_name(fdt, img, NULL);
		if (find_image(o, fdt_getprop(fdt, img, "file", NULL), found,
			       sizeof(found), &size))
			return tool_error(b->name, "image file vanished");
		if (!size)
			return tool_error(found, "image is empty");
		if (!realpath(found, b->path))
			return tool_error(found, "%s", strerror(errno));
		b->size = size;
		b++;
	}
	return 0;
}

static int set_staging(void *fdt, const struct blob *b, int n)
{
	int images = fdt_subnode_offset(fdt, 0, "images");
	int i, node, rc = 0;

	/* Look each node up again: adding properties moves later nodes. */
	for (i = 0; i < n && !rc; i++) {
		node = fdt_subnode_offset(fdt, images, b[i].name);
		rc = node < 0 ? node : fdt_setprop_u64(fdt, node, "load", b[i].addr);
		if (!rc)
			rc = fdt_setprop_u64(fdt, node, "size", b[i].size);
	}
	return rc;
}

/*
 * Blob 0 is the config. Its final size must be known before the images
 * can be placed after it: add the properties with dummy values, pack, then
 * fill in the real values, which have the same length.
 */
static void *stage(const struct opts *o, const void *fdt, struct blob *b,
		   int n)
{
	int rc, room = fdt_totalsize(fdt) + 64 * (n + 1);
	void *packed = malloc(room);
	uint64_t end;
	int i;

	if (!packed)
		return NULL;
	rc = fdt_open_into(fdt, packed, room);
	if (!rc)
		rc = set_staging(packed, b + 1, n);
	if (!rc)
		rc = fdt_pack(packed);
	b[0].name = "config";
	b[0].addr = o->base;
	b[0].size = fdt_totalsize(packed);
	for (i = 1, end = b[0].addr + b[0].size; i <= n; i++) {
		b[i].addr = ALIGN_UP(end, BLOB_ALIGN);
		end = b[i].addr + b[i].size;
	}
	if (!rc)
		rc = set_staging(packed, b + 1, n);
	if (rc) {
		tool_error(o->file, "packing: %s", fdt_strerror(rc));
		free(packed);
		return NULL;
	}
	return packed;
}

static bool in_reserved(const struct config *cfg, uint64_t base, uint64_t size)
{
	unsigned int i;

	for (i = 0; i < cfg->board.nreserved; i++)
		if (range_contains(cfg->board.reserved[i].base,
				   cfg->board.reserved[i].size, base, size))
			return true;
	return false;
}

static int range_error(const char *file, const char *what, uint64_t base,
		       uint64_t size, const char *problem)
{
	return tool_error(file, "%s 0x%llx-0x%llx %s", what,
			  (unsigned long long)base,
			  (unsigned long long)(base + size - 1), problem);
}

/* Outside the reserved ranges the hypervisor would hand the memory out. */
static int check_layout(const struct opts *o, const struct config *cfg,
			const struct blob *b, int n, uint64_t hv_size)
{
	uint64_t size = b[n].addr + b[n].size - b[0].addr;

	if (!in_reserved(cfg, b[0].addr, size))
		return range_error(o->file, "package", b[0].addr, size,
				   "is not inside a reserved range of /board");
	if (!o->hv)
		return 0;
	if (!in_reserved(cfg, o->hv_load, hv_size))
		return range_error(o->hv, "hypervisor", o->hv_load, hv_size,
				   "is not inside a reserved range of /board");
	if (ranges_overlap(o->hv_load, hv_size, b[0].addr, size))
		return range_error(o->hv, "hypervisor", o->hv_load, hv_size,
				   "overlaps the package");
	return 0;
}

static int write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(data, 1, len, f) != len) {
		if (f)
			fclose(f);
		return tool_error(path, "%s", strerror(errno));
	}
	if (fclose(f))
		return tool_error(path, "%s", strerror(errno));
	return 0;
}

static int write_list(const char *path, const struct blob *b, int n)
{
	FILE *f = fopen(path, "w");
	int i;

	if (!f)
		return tool_error(path, "%s", strerror(errno));
	for (i = 0; i <= n; i++)
		fprintf(f, "%s 0x%llx %s\n", b[i].name,
			(unsigned long long)b[i].addr, b[i].path);
	if (fclose(f))
		return tool_error(path, "%s", strerror(errno));
	return 0;
}

/* A dtc string literal: quotes and backslashes escaped. */
static void put_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void put_cells(FILE *f, const char *prop, uint64_t v)
{
	fprintf(f, "\t\t\t%s = <0x%x 0x%x>;\n", prop, (unsigned int)(v >> 32),
		(unsigned int)v);
}

static void put_image(FILE *f, const char *node, const char *desc,
		      const char *type, const char *path, uint64_t load)
{
	fprintf(f, "\t\t%s {\n\t\t\tdescription = ", node);
	put_string(f, desc);
	fprintf(f, ";\n\t\t\tdata = /incbin/(");
	put_string(f, path);
	fprintf(f, ");\n\t\t\ttype = \"%s\";\n\t\t\tarch = \"%s\";\n"
		"\t\t\tos = \"linux\";\n\t\t\tcompression = \"none\";\n", type,
		BH_UBOOT_ARCH);
	put_cells(f, "load", load);
}

/*
 * The hypervisor is the FIT's kernel, so `bootm` enters it with the
 * Linux register convention when it is given a device tree: on ARM
 * r2 = the tree; on PowerPC the ePAPR entry, r3 = the tree, r6 = the
 * ePAPR magic, r7 = the size of the initial mapping (without a tree it
 * would be the old board-info entry instead). The config and the images
 * are loadables, which U-Boot copies to their load addresses and does
 * not interpret.
 */
static int write_its(const char *path, const struct opts *o, char *hv_path,
		     const struct blob *b, int n)
{
	FILE *f = fopen(path, "w");
	int i;

	if (!f)
		return tool_error(path, "%s", strerror(errno));
	fprintf(f, "/dts-v1/;\n\n/ {\n\tdescription = \"Bulkhead hypervisor and partitions\";\n"
		"\t#address-cells = <2>;\n\n\timages {\n");
	put_image(f, "hypervisor", "Bulkhead hypervisor", "kernel", hv_path,
		  o->hv_load);
	put_cells(f, "entry", o->hv_entry);
	fprintf(f, "\t\t\thash { algo = \"crc32\"; };\n\t\t};\n");
	for (i = 0; i <= n; i++) {
		char node[CFG_NAME_MAX + 8];

		snprintf(node, sizeof(node), i ? "image-%s" : "%s", b[i].name);
		put_image(f, node, i ? b[i].name : "partition config",
			  "firmware", b[i].path, b[i].addr);
		fprintf(f, "\t\t\thash { algo = \"crc32\"; };\n\t\t};\n");
	}
	fprintf(f, "\t};\n\n\tconfigurations {\n\t\tdefault = \"conf\";\n"
		"\t\tconf {\n\t\t\tdescription = \"Bulkhead\";\n"
		"\t\t\tkernel = \"hypervisor\";\n\t\t\tloadables = \"config\"");
	for (i = 1; i <= n; i++)
		fprintf(f, ", \"image-%s\"", b[i].name);
	fprintf(f, ";\n\t\t};\n\t};\n};\n");
	if (fclose(f))
		return tool_error(path, "%s", strerror(errno));
	return 0;
}

static int write_outputs(const struct opts *o, const void *packed,
			 struct blob *b, int n, char *hv_path)
{
	char path[PATH_MAX];

	if (mkdir(o->out, 0777) && errno != EEXIST)
		return tool_error(o->out, "%s", strerror(errno));
	snprintf(path, sizeof(path), "%s/config.dtb", o->out);
	if (write_file(path, packed, fdt_totalsize(packed)))
		return -1;
	if (!realpath(path, b[0].path))
		return tool_error(path, "%s", strerror(errno));
	snprintf(path, sizeof(path), "%s/images.txt", o->out);
	if (write_list(path, b, n))
		return -1;
	snprintf(path, sizeof(path), "%s/bulkhead.its", o->out);
	return o->hv ? write_its(path, o, hv_path, b, n) : 0;
}

static int count_images(const void *fdt)
{
	int img, n = 0;

	fdt_for_each_subnode(img, fdt, fdt_subnode_offset(fdt, 0, "images"))
		n++;
	return n;
}

int cmd_pack(const struct opts *o)
{
	char hv_path[PATH_MAX];
	struct blob *b = NULL;
	struct config cfg;
	struct stat st = { 0 };
	void *fdt, *packed = NULL;
	size_t size;
	int n, rc = -1;

	fdt = load_config(o, &size);
	if (!fdt || check_config(o, fdt, &cfg))
		goto out;
	if (o->hv && (!realpath(o->hv, hv_path) || stat(hv_path, &st) ||
		      !S_ISREG(st.st_mode) || !st.st_size)) {
		tool_error(o->hv, "not a non-empty regular file");
		goto out;
	}
	n = count_images(fdt);
	b = calloc(n + 1, sizeof(*b));
	if (!b || collect_images(o, fdt, b + 1))
		goto out;
	packed = stage(o, fdt, b, n);
	/* The packed config must pass the same checks the hypervisor makes. */
	if (!packed || check_layout(o, &cfg, b, n, st.st_size) ||
	    check_config(o, packed, &cfg) ||
	    write_outputs(o, packed, b, n, hv_path))
		goto out;
	printf("bulkhead: %s: packed %d images at 0x%llx into %s\n", o->file,
	       n, (unsigned long long)o->base, o->out);
	rc = 0;
out:
	free(packed);
	free(b);
	free(fdt);
	return rc;
}
