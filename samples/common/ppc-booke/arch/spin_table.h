/* SPDX-License-Identifier: MIT */
/*
 * Starting secondary vCPUs on Book E (ePAPR 1.1, 5.5): each secondary's
 * cpu node in the partition's device tree has enable-method
 * "spin-table" and cpu-release-addr, the guest-physical address of its
 * entry in a spin table the hypervisor emulates: entry_addr (64 bits,
 * 1 while the vCPU is held) at SPIN_ENTRY_ADDR_HI/LO, r3 (64 bits) at
 * SPIN_ENTRY_R3_HI/LO, pir at SPIN_ENTRY_PIR, all big-endian words. The
 * boot vCPU writes r3 and pir, then entry_addr, low word last: that
 * write releases the vCPU, which starts there with r3 as given.
 *
 * The entry is a device (it traps to the hypervisor): it is mapped
 * caching-inhibited and guarded and reached with mmio_read32() and
 * mmio_write32() only, one aligned word at a time.
 */
#ifndef SAMPLES_ARCH_SPIN_TABLE_H
#define SAMPLES_ARCH_SPIN_TABLE_H

#include <stdint.h>

#define SPIN_ENTRY_ADDR_HI	0
#define SPIN_ENTRY_ADDR_LO	4
#define SPIN_ENTRY_R3_HI	8
#define SPIN_ENTRY_R3_LO	12
#define SPIN_ENTRY_PIR		20
#define SPIN_ENTRY_HELD		1	/* entry_addr until the release */

/*
 * vCPU @cpu's spin table entry (the cpu node whose reg is @cpu), mapped:
 * the address to reach it at, 0 when the node has no spin-table
 * enable-method or cpu-release-addr, or the entry cannot be mapped.
 */
uintptr_t spin_table_entry(unsigned int cpu);

/*
 * Write @r3 and @cpu's pir into @entry, then release it at @pc: at
 * secondary_entry (guest.h) it runs secondary_main(@r3), or @pc may be
 * a sample's own code that goes on there with r3 unchanged.
 */
void spin_table_release(uintptr_t entry, unsigned int cpu, uintptr_t pc, uint32_t r3);

#endif
