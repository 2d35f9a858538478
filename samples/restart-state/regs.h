/* SPDX-License-Identifier: MIT */
/*
 * restart-state: the register groups regs.c describes and check.c
 * checks and marks.
 */
#ifndef RESTART_STATE_REGS_H
#define RESTART_STATE_REGS_H

#include <stdint.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

struct reg {
	const char *name;
	uint64_t (*read)(unsigned int arg);
	/* NULL: entry.S's mark_core_and_*() put the marker */
	void (*write)(unsigned int arg, uint64_t value);
	unsigned int arg;	/* for read and write: which one */
	uint64_t marker;	/* what boot 0 leaves in it */
	uint64_t reset;		/* what every boot starts with */
	uint64_t mask;		/* the bits the reset state defines */
};

struct group {
	const char *name;
	const struct reg *regs;
	unsigned int nregs;
	void (*open)(void);	/* NULL, or makes the registers accessible first */
};

/* In the order they are checked and marked */
extern const struct group groups[];
extern const unsigned int nr_groups;

#endif
