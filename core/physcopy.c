// SPDX-License-Identifier: MIT
/*
 * Copies to and from physical memory, chunk by chunk through
 * port_phys_map(): physical addresses may lie beyond what the hypervisor
 * maps permanently (RAM above 4 GiB on a 32-bit CPU).
 */
#include <string.h>
#include <bulkhead/physmem.h>
#include <bulkhead/port.h>

void phys_read(paddr_t pa, void *buf, size_t len)
{
	uint8_t *out = buf;

	while (len) {
		size_t chunk = len;
		const void *src = port_phys_map(pa, &chunk);

		memcpy(out, src, chunk);
		out += chunk;
		pa += chunk;
		len -= chunk;
	}
}

void phys_write(paddr_t pa, const void *buf, size_t len)
{
	const uint8_t *in = buf;

	while (len) {
		size_t chunk = len;
		void *dst = port_phys_map(pa, &chunk);

		memcpy(dst, in, chunk);
		in += chunk;
		pa += chunk;
		len -= chunk;
	}
}

void phys_fill(paddr_t pa, int byte, uint64_t len)
{
	while (len) {
		size_t chunk = len > SIZE_MAX ? SIZE_MAX : (size_t)len;
		void *dst = port_phys_map(pa, &chunk);

		memset(dst, byte, chunk);
		pa += chunk;
		len -= chunk;
	}
}

/* Through a bounce buffer: a port may have only one window per CPU. */
void phys_copy(paddr_t dst, paddr_t src, uint64_t len)
{
	static uint8_t bounce[CONFIG_NR_CPUS][PAGE_SIZE] __attribute__((aligned(8)));
	uint8_t *buf = bounce[port_cpu_index()];

	while (len) {
		size_t chunk = len < PAGE_SIZE ? (size_t)len : PAGE_SIZE;

		phys_read(src, buf, chunk);
		phys_write(dst, buf, chunk);
		src += chunk;
		dst += chunk;
		len -= chunk;
	}
}
