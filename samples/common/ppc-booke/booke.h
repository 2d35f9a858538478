/* SPDX-License-Identifier: MIT */
/* Between the files of the Book E guest runtime (samples/common/ppc-booke/). */
#ifndef SAMPLES_PPC_BOOKE_H
#define SAMPLES_PPC_BOOKE_H

/*
 * Say what went wrong with the console hypercall, which needs no mapping
 * and no console driver, and shut the partition down. For the runtime's
 * own failures, where printf() may be what failed.
 */
void __attribute__((noreturn, format(printf, 1, 2))) booke_fatal(const char *fmt, ...);

#endif
