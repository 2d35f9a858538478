/* SPDX-License-Identifier: MIT */
/*
 * A guest-linear address through the guest's own page tables, in guest
 * memory (guest_walk.c, pure code, unit test test_x86_decode): what the
 * port needs to read the instruction behind a nested page fault, since
 * SVM on QEMU hands over no instruction bytes. Every paging mode a guest
 * can be in: none (CR0.PG clear), 32-bit (4 MiB pages with CR4.PSE),
 * PAE, and 4-level long mode; 2 MiB and 1 GiB pages.
 */
#ifndef ASM_GUEST_WALK_H
#define ASM_GUEST_WALK_H

#include <stdbool.h>
#include <stdint.h>

struct guest_paging {
	uint64_t cr0, cr3, cr4, efer;
};

/*
 * Read the @size-byte (4 or 8) table entry at guest-physical @gpa into
 * *@val: 0, or -1 when the address is no RAM of the partition.
 */
typedef int (*guest_read_entry_t)(void *ctx, uint64_t gpa, unsigned int size, uint64_t *val);

/*
 * Translate @linear as @pg's tables map it for an access at CPL 3 when
 * @user (the entries must then allow user access): 0 with *@gpa set, -1
 * when an entry is not present, forbids it, or cannot be read.
 */
int guest_walk(const struct guest_paging *pg, uint64_t linear, bool user,
	       guest_read_entry_t read, void *ctx, uint64_t *gpa);

#endif
