# How the build makes code for the PowerPC Book E port (e500mc and
# e500v2): read by the top-level Makefile right after the board's
# defconfig, whose CONFIG_PORT names the port. Every port's arch.mk sets
# the same variables.

# The toolchain prefix unless CROSS_COMPILE is given (Debian's
# gcc-powerpc-linux-gnu: a Linux compiler, used freestanding).
ARCH_CROSS_COMPILE := powerpc-linux-gnu-

# The ABI, which everything linked together must share, newlib included:
# one instruction set for both cores, e500mc's integer instructions (isel
# is common to both), no floating point (e500mc has a classic FPU, e500v2
# SPE instead: neither is used) and a 64-bit long double, which newlib's
# headers need. The assembler accepts every e500 instruction.
ARCH_ABI_CFLAGS := -mcpu=e500mc -msoft-float -mlong-double-64 -mno-altivec

# Debian ships newlib for this architecture only as source: the build
# compiles it once into the build cache (scripts/build-newlib.sh, run by
# the top-level Makefile before anything else for the target). It is
# compiled with the ABI above, for a fixed address like our code; not with
# -msdata=none, on which its _impure_ptr declarations fail to compile, so
# its small variables sit in .sdata and .sbss (addressed absolutely, never
# through r13: the linker scripts just place those sections). The
# directory's name hashes the flags, the toolchain and the script, so a
# change to any of them builds a new one.
ARCH_NEWLIB_TARGET := powerpc-eabi
ARCH_NEWLIB_CFLAGS := $(ARCH_ABI_CFLAGS) -mno-relocatable -fno-pic
ARCH_NEWLIB := $(CACHE)/newlib-$(ARCH_NEWLIB_TARGET)-$(shell { \
	cat $(srctree)/scripts/build-newlib.sh; \
	echo '$(or $(CROSS_COMPILE),$(ARCH_CROSS_COMPILE)) $(ARCH_NEWLIB_CFLAGS)'; \
	} | sha1sum | cut -c1-12)

# Everything compiled for the target, hypervisor and guests, and their
# links: code at a fixed address (Debian's compiler makes PIE by
# default), no small-data section, register names (r1, not only 1) in
# assembly, and newlib's headers and libraries,
# never the toolchain's own, which are glibc's: newlib's headers, then
# the compiler's (stddef.h, stdarg.h, the limits.h newlib's includes).
booke_gcc := $(or $(CROSS_COMPILE),$(ARCH_CROSS_COMPILE))gcc
ARCH_CFLAGS := $(ARCH_ABI_CFLAGS) -msdata=none -mno-relocatable -fno-pic \
	-Wa,-mregnames -nostdinc \
	-isystem $(ARCH_NEWLIB)/$(ARCH_NEWLIB_TARGET)/include \
	-isystem $(shell $(booke_gcc) -print-file-name=include)
# The toolchain's linker defaults are a Linux program's: no build-id note
# (the linker scripts discard notes), no warning for the one
# read-write-execute segment of a flat image, and no executable stack
# (assembly files have no .note.GNU-stack to say so).
ARCH_LDFLAGS := -L$(ARCH_NEWLIB)/$(ARCH_NEWLIB_TARGET)/lib \
	-Wl,--build-id=none -Wl,--no-warn-rwx-segments -Wl,-z,noexecstack

ARCH_GUEST_CFLAGS :=

# Port code the host tool links besides config_facts.c and guest_fdt.c:
# the guest MPIC's device-tree node, which guest_fdt.c adds.
ARCH_HOST_TOOL_SRCS := ports/ppc-booke/vmpic_fdt.c

# The architecture's name in U-Boot: `mkimage -A` and the FIT's `arch`.
ARCH_UBOOT := powerpc

# The guests' runtime written for this architecture, in
# samples/common/ppc-booke/: the start code, linked first (start.S: the
# ePAPR entry), and the rest (vectors.S and exception.c: the default
# exception vectors; mmu.c: the guest's TLB1 entries for what its device
# tree names; cpu.c: idling on either core; irq.c and irq_vectors.S: the
# MPIC driver, the decrementer and their vectors; spin_table.c: starting
# secondary vCPUs from their spin table, whose entry is in start.S). The
# headers there, arch/*.h, hold the inline assembly (sc 1, SPR access,
# device access) that samples/common's headers include; guest.lds there
# is the guests' layout.
ARCH_GUEST_START := start.o
ARCH_GUEST_OBJS := vectors.o exception.o mmu.o cpu.o irq.o irq_vectors.o spin_table.o
