/* SPDX-License-Identifier: MIT */
/*
 * The hypervisor's driver of the physical MPIC (mpic.c; registers in
 * asm/mpic_regs.h). The hypervisor runs with MSR[EE] clear and takes
 * external interrupts only while a guest runs: its external input
 * handler acknowledges them here (mpic_ack()), acts on the vector and
 * ends each with mpic_eoi(). Physical CPU n is the MPIC's CPU n (QEMU's
 * e500 boards wire them so; PIR = n).
 *
 * Vectors: a source's vector is its number (0-255); the kick IPI and the
 * spurious vector are above them. Priorities matter only for the order
 * of acknowledgement, every CPU accepting all of them (CTPR 0): kicks
 * first, then sources.
 */
#ifndef ASM_MPIC_H
#define ASM_MPIC_H

#include <bulkhead/types.h>
#include <asm/mpic_regs.h>

#define MPIC_VEC_KICK		0x100	/* IPI 0: port_cpu_kick() */
#define MPIC_VEC_SPURIOUS	0xffff	/* nothing to acknowledge */

/*
 * Boot CPU, once, before any CPU runs a guest (no external interrupt can
 * be taken yet), no locks: reset the MPIC through GCR, mixed mode (the
 * MPIC delivers to the cores), every source and IPI masked but the kick,
 * the spurious vector, this CPU's CTPR to 0. @regs is the MPIC's
 * MPIC_SIZE bytes, from a lasting port_device_map() (every CPU uses the
 * same address). 0, or -1 when the reset does not complete.
 */
int mpic_init(volatile void *regs);
/* Every other CPU, once, before it first runs a guest: accept every priority. */
void mpic_cpu_init(void);

/*
 * Interrupt physical CPU @cpu with the kick IPI, after everything the
 * caller wrote before (msync). For port_cpu_kick(): any CPU, any locks,
 * never blocks.
 */
void mpic_send_ipi(unsigned int cpu);

/*
 * From the external input handler, on the interrupted CPU with MSR[EE]
 * clear: the vector of the highest-priority interrupt pending for this
 * CPU, now in service (a source number, MPIC_VEC_KICK), or
 * MPIC_VEC_SPURIOUS when there is none; each one but the spurious vector
 * is ended with mpic_eoi(), in the reverse order of acknowledgement.
 *
 * QEMU's IACK does not look at what is in service: a level source still
 * asserted is acknowledged again, in service or not. A handler that
 * acknowledges until MPIC_VEC_SPURIOUS masks such a source first
 * (mpic_mask(), until its guest has handled it).
 */
uint32_t mpic_ack(void);
void mpic_eoi(void);

/*
 * Boot CPU, while partitions are created: passthrough source @irq goes to
 * physical CPU @cpu only, with its vector, sense @sense (MPIC_SENSE_*, the
 * binding's cell; QEMU drives every line active-high, so level sources
 * are MPIC_SENSE_LEVEL_HIGH and edge ones MPIC_SENSE_EDGE_RISING there),
 * and unmasked. 0, or -1 for a source the MPIC does not have or a CPU it
 * cannot name.
 */
int mpic_route(unsigned int irq, unsigned int cpu, unsigned int sense);
/*
 * Stop or resume source @irq's interrupts at the MPIC (a level source the
 * port holds masked until its guest has handled it). Any CPU, any locks:
 * the driver's own lock orders the read-modify-writes.
 */
void mpic_mask(unsigned int irq);
void mpic_unmask(unsigned int irq);

#endif
