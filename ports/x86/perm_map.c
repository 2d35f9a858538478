// SPDX-License-Identifier: MIT
/*
 * The I/O and MSR permission maps of SVM (AMD64 APM vol. 2, 15.10.1 and
 * 15.11): the I/O map has bit n for port n; the MSR map three 2 KiB
 * blocks, one per MSR range, with bit 2n for reading the range's MSR n
 * and 2n + 1 for writing it. An MSR outside the ranges always exits.
 */
#include <string.h>
#include <asm/perm_map.h>

#define MSR_RANGE_MSRS	0x2000u
#define MSR_RANGE_BYTES	0x800u

static const uint32_t msr_range_base[] = { 0x00000000u, 0xc0000000u, 0xc0010000u };

void iopm_init(uint8_t *iopm)
{
	memset(iopm, 0xff, IOPM_SIZE);
}

void msrpm_init(uint8_t *msrpm)
{
	memset(msrpm, 0xff, MSRPM_SIZE);
}

void iopm_allow(uint8_t *iopm, uint32_t port, uint32_t count)
{
	for (uint32_t p = port; p < port + count && p < 0x10000; p++)
		iopm[p / 8] &= ~(1u << (p % 8));
}

bool iopm_traps(const uint8_t *iopm, uint32_t port, unsigned int size)
{
	for (uint32_t p = port; p < port + size; p++)
		if (p >= 0x10000 || (iopm[p / 8] & (1u << (p % 8))))
			return true;
	return false;
}

/* The bit number of @msr's read bit in the map, or -1 */
static long msr_bit(uint32_t msr)
{
	for (unsigned int i = 0; i < sizeof(msr_range_base) / sizeof(msr_range_base[0]); i++)
		if (msr - msr_range_base[i] < MSR_RANGE_MSRS)
			return (long)(i * MSR_RANGE_BYTES * 8 + 2 * (msr - msr_range_base[i]));
	return -1;
}

int msrpm_allow(uint8_t *msrpm, uint32_t msr, bool read, bool write)
{
	long bit = msr_bit(msr);

	if (bit < 0)
		return -1;
	if (read)
		msrpm[bit / 8] &= ~(1u << (bit % 8));
	if (write)
		msrpm[(bit + 1) / 8] &= ~(1u << ((bit + 1) % 8));
	return 0;
}

bool msrpm_traps(const uint8_t *msrpm, uint32_t msr, bool write)
{
	long bit = msr_bit(msr);

	if (bit < 0)
		return true;
	bit += write;
	return msrpm[bit / 8] & (1u << (bit % 8));
}
