/* SPDX-License-Identifier: MIT */
/*
 * The host tool `bulkhead`: shared between its two commands, check
 * (bulkhead.c) and pack (pack.c).
 */
#ifndef BULKHEAD_TOOL_H
#define BULKHEAD_TOOL_H

#include <stddef.h>
#include <sys/types.h>

#include <bulkhead/config.h>

#define TOOL_MAX_DIRS	16

struct opts {
	const char *file;		/* the config, .dts or .dtb */
	const char *inc[TOOL_MAX_DIRS];	/* -I: include dirs for cpp */
	unsigned int ninc;
	const char *lib[TOOL_MAX_DIRS];	/* -L: image dirs */
	unsigned int nlib;
	/* pack only */
	const char *out;
	uint64_t base;
	bool has_base;
	const char *hv;
	uint64_t hv_load;
	uint64_t hv_entry;
	bool has_hv_load;
	bool has_hv_entry;
};

/* Print "bulkhead: <file>: <message>" to stderr; returns -1. */
int tool_error(const char *file, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Read the config (compiling it first when it is a .dts); NULL on error. */
void *load_config(const struct opts *o, size_t *size);

/* Parse, validate and look up every image; prints the error, returns -1. */
int check_config(const struct opts *o, const void *fdt, struct config *cfg);

struct placement;
/* Build every partition's device tree as the hypervisor will; 0 or -1 with @err. */
int check_guest_fdts(const struct config *cfg, const struct placement *pl,
		     struct config_error *err);

/* Find image @name in the -L dirs: 0 with @path and @size filled, or -1. */
int find_image(const struct opts *o, const char *name, char *path,
	       size_t len, off_t *size);

int cmd_pack(const struct opts *o);

#endif
