/* SPDX-License-Identifier: MIT */
/*
 * One arch-neutral record per guest exit that needs the core. Ports decode
 * their syndrome (HSR, ESR, VMCB exit code) into it; the core's emulators
 * never see architecture state.
 */
#ifndef BULKHEAD_EXIT_H
#define BULKHEAD_EXIT_H

#include <bulkhead/types.h>

enum exit_kind {
	EXIT_NONE,		/* handled inside the port (e.g. a kick): just re-check state */
	EXIT_MMIO,		/* access to an unmapped guest-physical address */
	EXIT_PIO,		/* port-I/O access (x86 IN/OUT): the port-I/O bus */
	EXIT_HYPERCALL,
	EXIT_FAULT,		/* something the port recognised as a guest error */
	EXIT_HALT,		/* the vCPU halted with nothing that can wake it */
	EXIT_POWER,		/* the guest asked its platform to power off or reset */
};

enum fault_kind {
	FAULT_UNMAPPED_ACCESS,	/* guest-physical access outside RAM and every emulated device */
	FAULT_UNDECODABLE_ACCESS, /* MMIO through an instruction we cannot emulate */
	FAULT_INSTRUCTION_FETCH,	/* executing from an unmapped address */
	FAULT_UNHANDLED_EXCEPTION,	/* guest took an exception with no vector to run */
	FAULT_TRAPPED_INSTRUCTION,	/* trapped instruction with no emulation */
	FAULT_BAD_HYPERCALL,	/* unknown hypercall number */
	FAULT_BAD_HYPERCALL_ARG,	/* e.g. a buffer outside the caller's RAM */
	FAULT_KIND_COUNT,
};

/* One guest access to an emulated device register */
struct mmio_access {
	gpaddr_t addr;
	uint8_t size;		/* 1, 2, 4 or 8 bytes */
	bool write;
	uint64_t value;		/* in for writes, out for reads */
};

/*
 * One guest access to a port-I/O port: one IN or OUT (a port splits
 * string and repeated forms into single accesses).
 */
struct pio_access {
	uint16_t port;
	uint8_t size;		/* 1, 2 or 4 bytes */
	bool write;
	uint32_t value;		/* in for writes, out for reads */
};

/* What the guest asked of its platform's power control (EXIT_POWER). */
enum power_event {
	POWER_VCPU_OFF,		/* the calling vCPU stops (PSCI CPU_OFF) */
	POWER_OFF,		/* the partition turns itself off (PSCI SYSTEM_OFF) */
	POWER_RESET,		/* the partition reboots (PSCI SYSTEM_RESET, a PC's reset) */
};

struct vm_exit {
	enum exit_kind kind;
	uint64_t pc;		/* guest PC of the trapping instruction */
	uint64_t syndrome;	/* raw arch syndrome, for reports only */
	union {
		struct mmio_access mmio;
		struct pio_access pio;
		struct {
			uint32_t nr;
			uint64_t arg[3];
			int64_t ret[2];	/* written back to the guest */
		} hcall;
		struct {
			enum fault_kind kind;
			uint64_t addr;
			const char *detail;	/* optional, e.g. "undefined instruction" */
		} fault;
		struct {
			const char *why;	/* e.g. "HLT with interrupts masked" */
		} halt;
		struct {
			enum power_event event;
			/* what the guest used, for the console line (e.g.
			 * "PSCI SYSTEM_OFF"); NULL: no line of its own */
			const char *source;
		} power;
	};
};

/* What the port does after the core handled an exit. */
enum exit_action {
	EXIT_RESUME,		/* complete the access (write back results) and continue */
	EXIT_RESCHEDULE,	/* vCPU state changed: do not complete, go back to the run loop */
	EXIT_ABORT,		/* do not complete: the guest takes an external abort for
				 * the access (port_vcpu_inject_abort) and continues */
};

#endif
