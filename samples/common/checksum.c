// SPDX-License-Identifier: MIT
/*
 * Checksums and test patterns of the samples. The CRC is the one zlib and
 * gzip compute (reflected polynomial 0xEDB88320), so a test can recompute
 * a guest's result on the host with standard tools.
 */
#include "guest.h"

#define CRC32_POLY	0xedb88320u

static uint32_t crc_table[256];

/* Neither newlib nor libfdt has a CRC-32; build the byte table once. */
static void crc32_init(void)
{
	uint32_t c;
	unsigned int i, bit;

	for (i = 0; i < 256; i++) {
		c = i;
		for (bit = 0; bit < 8; bit++)
			c = c & 1 ? (c >> 1) ^ CRC32_POLY : c >> 1;
		crc_table[i] = c;
	}
}

uint32_t crc32(uint32_t crc, const void *buf, size_t len)
{
	const uint8_t *p = buf;

	/* Entry 1 is never 0, so it tells whether the table is built. */
	if (!crc_table[1])
		crc32_init();
	crc = ~crc;
	while (len--)
		crc = crc_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

void pattern_fill(uint32_t *words, size_t n, uint32_t seed)
{
	/* xorshift32 never leaves 0, so avoid starting there. */
	uint32_t x = seed ? seed : 0x2545f491u;

	while (n--) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		*words++ = x;
	}
}
