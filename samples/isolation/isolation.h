/* SPDX-License-Identifier: MIT */
/*
 * isolation: what each port gives the arch-neutral images, from
 * attacks-$(PORT).c (the hostile image) and passthrough-$(PORT).c (the
 * victim); the Kbuild links the port's pair.
 */
#ifndef ISOLATION_H
#define ISOLATION_H

/* One illegal act: run() must never return, the hypervisor stops it. */
struct attempt {
	const char *what;
	void (*run)(void);
};

/* The hostile partition's attempts, one per boot, in restart-count order. */
extern const struct attempt attempts[];
extern const unsigned int nr_attempts;

/*
 * The quitter's last act after its forgeries: the port's way of trying
 * to stop the whole machine, which must stop only its own partition. It
 * returns only when that failed (EXIT_FAILURE, after saying so). Where
 * the machine's controls simply ignore a partition (x86's ports), it
 * says it still runs and switches its own partition off instead.
 */
int power_off(void);

/*
 * attacks-common.c: a write just beyond the partition's RAM, one to the
 * hypervisor's load address (for ports whose guests name guest-physical
 * addresses directly), a hypercall number that does not exist and a
 * console write from a buffer outside the partition's RAM.
 */
void attack_write_outside_ram(void);
void attack_write_hypervisor(void);
void attack_bad_hypercall(void);
void attack_bad_console_pointer(void);

/* The victim proves its passthrough device answers (one line of output). */
void check_passthrough(void);

#endif
