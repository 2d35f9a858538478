// SPDX-License-Identifier: MIT
/*
 * The hypervisor's view of physical memory: head.S's identity map of
 * [0, X86_IDENTITY_END) with 2 MiB pages, the same on every CPU for the
 * whole run, so every mapping is lasting and no window is needed. Memory
 * is write-back except the 3-4 GiB hole (local APIC, IOAPIC, HPET, the
 * PCI windows), which is uncached; a device below 3 GiB (a PCI window
 * under a small RAM) is uncached through the MTRRs firmware set.
 */
#include <bulkhead/port.h>
#include <asm/cpu.h>

void *port_phys_map(paddr_t pa, size_t *len)
{
	if (pa >= X86_IDENTITY_END) {
		*len = 0;
		return NULL;
	}
	if (*len > X86_IDENTITY_END - pa)
		*len = X86_IDENTITY_END - pa;
	return (void *)(uintptr_t)pa;
}

void *port_device_map(paddr_t pa, size_t size, bool lasting)
{
	(void)lasting;
	if (pa >= X86_IDENTITY_END || size > X86_IDENTITY_END - pa)
		return NULL;
	return (void *)(uintptr_t)pa;
}

/* Caches are coherent with every agent and instruction fetch: nothing to do */
void port_guest_memory_written(paddr_t pa, uint64_t len)
{
	(void)pa, (void)len;
}
