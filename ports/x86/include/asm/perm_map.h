/* SPDX-License-Identifier: MIT */
/*
 * SVM's permission maps (perm_map.c, pure code, unit test
 * test_x86_perm_map): a set bit makes the guest's access exit. Each
 * partition has one of each, shared by its vCPUs, written while it is
 * created (boot CPU) and read-only afterwards.
 */
#ifndef ASM_PERM_MAP_H
#define ASM_PERM_MAP_H

#include <stdbool.h>
#include <stdint.h>

/* One bit per port and 3 bytes more for an access that crosses the last */
#define IOPM_SIZE	0x3000
/* Two bits (read, write) per MSR of 0-0x1fff, 0xc0000000-0xc0001fff, 0xc0010000-0xc0011fff */
#define MSRPM_SIZE	0x2000

/* Every port and every MSR exits */
void iopm_init(uint8_t *iopm);
void msrpm_init(uint8_t *msrpm);
/* Ports [@port, @port + @count) no longer exit */
void iopm_allow(uint8_t *iopm, uint32_t port, uint32_t count);
/* Whether an access of @size bytes at @port exits (any of its ports does) */
bool iopm_traps(const uint8_t *iopm, uint32_t port, unsigned int size);
/* @msr's reads (@read) and/or writes (@write) no longer exit; -1: no bit for it */
int msrpm_allow(uint8_t *msrpm, uint32_t msr, bool read, bool write);
/* Whether a read (or write) of @msr exits: always for one beyond the map */
bool msrpm_traps(const uint8_t *msrpm, uint32_t msr, bool write);

#endif
