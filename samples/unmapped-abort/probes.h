/* SPDX-License-Identifier: MIT */
/*
 * unmapped-abort: between the prober's C (prober.c, abort_record.c) and its
 * vectors (probes.S). samples/high-ipa builds the last two as well.
 */
#ifndef PROBES_H
#define PROBES_H

#define MODE_SVC		0x13
/* DFSR/IFSR of a synchronous external abort, both formats, and WnR */
#define FSR_EXTABT		0x008u
#define FSR_EXTABT_LPAE		0x210u
#define DFSR_WNR		(1u << 11)

#define ABORT_DATA		0
#define ABORT_PREFETCH		1
/* What a probing load returns when the load did not happen */
#define LOAD_UNTOUCHED		0x5afe5afe

#ifndef __ASSEMBLER__
#include <stdint.h>

extern const char probe_vectors[], probe_vectors_end[], probe_thumb_vectors[];
extern const char probe_load_insn[], probe_store_insn[], probe_load_thumb_insn[];

uint32_t probe_load(uintptr_t addr);
void probe_store(uintptr_t addr, uint32_t value);
void probe_fetch(uintptr_t addr);
uint32_t probe_load_thumb(uintptr_t addr);

/* Incremented by the Thumb vector entries */
extern volatile uint32_t thumb_entries;

/* What the last abort showed its handler; count says there was one. */
struct abort_seen {
	uint32_t count;
	uint32_t kind, lr, spsr, cpsr, fsr, far;
};
extern volatile struct abort_seen seen;

/* Abort mode's stack and VBAR = probe_vectors (abort_record.c) */
void probes_install(void);

/* From the handlers, in Abort mode (abort_record.c) */
void abort_record(uint32_t kind, uint32_t lr, uint32_t spsr, uint32_t cpsr);
void __attribute__((noreturn)) unexpected_exception(uint32_t vector, uint32_t lr);
#endif

#endif
