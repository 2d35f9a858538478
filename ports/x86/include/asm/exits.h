/* SPDX-License-Identifier: MIT */
/* The IOIO and MSR exits (exits_io.c), from svm_handle_exit(). */
#ifndef ASM_EXITS_H
#define ASM_EXITS_H

#include <bulkhead/exit.h>

struct vcpu;

/* One IN or OUT as an IOIO exit's EXITINFO1 describes it */
struct io_insn {
	uint16_t port;
	uint8_t size;		/* 1, 2 or 4 */
	bool in;
	bool string;		/* INS/OUTS, possibly REP */
};

/* Pure: EXITINFO1 decoded; -1 when its size field is not 1, 2 or 4 bytes */
int io_decode(uint64_t exit_info1, struct io_insn *io);

bool svm_io_exit(struct vcpu *v, struct vm_exit *exit);
struct arch_vcpu;
/* An IN of @size bytes done: @value into the guest's AL, AX or EAX */
void svm_io_complete(struct arch_vcpu *a, unsigned int size, uint32_t value);
bool svm_msr_exit(struct vcpu *v, struct vm_exit *exit);

#endif
