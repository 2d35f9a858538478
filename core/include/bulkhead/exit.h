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
	EXIT_HYPERCALL,
	EXIT_FAULT,		/* something the port recognised as a guest error */
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

struct vm_exit {
	enum exit_kind kind;
	uint64_t pc;		/* guest PC of the trapping instruction */
	uint64_t syndrome;	/* raw arch syndrome, for reports only */
	union {
		struct mmio_access mmio;
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
