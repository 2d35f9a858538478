# How the build makes code for the x86-64 port (AMD SVM with nested
# paging): read by the top-level Makefile right after the board's
# defconfig, whose CONFIG_PORT names the port. Every port's arch.mk sets
# the same variables.

# The host's own gcc and binutils: no cross toolchain (empty prefix).
ARCH_CROSS_COMPILE :=

# Debian ships newlib for this architecture only as source: the build
# compiles it once into the build cache (scripts/build-newlib.sh), for a
# freestanding x86-64 ELF target: no red zone (the hypervisor takes
# exceptions on the interrupted stack), no stack protector (nothing sets
# up its canary), code at a fixed address. It keeps SSE, which libm
# cannot do without (doubles are returned in %xmm0), so the guests'
# newlib may use it (the hypervisor enables it for them). The hypervisor
# runs with CR4.OSFXSR clear and CR0.EM set: the only SSE code newlib
# brings it, the variadic functions' saving of vector argument registers,
# is skipped since callers say they pass none (%al = 0), and anything
# else would be an invalid-opcode panic, never a silent change to a
# guest's registers. The directory's name hashes the flags, the
# toolchain and the script.
ARCH_NEWLIB_TARGET := x86_64-elf
ARCH_NEWLIB_CFLAGS := -ffreestanding -mno-red-zone -fno-stack-protector -fno-pic \
	-fno-asynchronous-unwind-tables
ARCH_NEWLIB := $(CACHE)/newlib-$(ARCH_NEWLIB_TARGET)-$(shell { \
	cat $(srctree)/scripts/build-newlib.sh; \
	echo '$(or $(CROSS_COMPILE),$(ARCH_CROSS_COMPILE))gcc $(ARCH_NEWLIB_CFLAGS)'; \
	gcc --version | head -n 1; \
	} | sha1sum | cut -c1-12)

# Everything compiled for the target, hypervisor and guests, and their
# links: 64-bit code linked below 2 GiB (the default small code model),
# no red zone, no PIC or PIE (Debian's gcc makes PIE by default), no
# stack protector, no unwind tables, general registers only (neither the
# hypervisor nor our guest code touches SSE or x87; newlib's guest code
# may), and newlib's headers, never the host's glibc ones: newlib's, then
# the compiler's own (stddef.h, stdarg.h, the limits.h newlib includes).
x86_gcc := $(or $(CROSS_COMPILE),$(ARCH_CROSS_COMPILE))gcc
ARCH_CFLAGS := -m64 -mno-red-zone -mgeneral-regs-only -fno-pic -fno-pie \
	-fno-stack-protector -fno-asynchronous-unwind-tables -fcf-protection=none \
	-nostdinc -isystem $(ARCH_NEWLIB)/$(ARCH_NEWLIB_TARGET)/include \
	-isystem $(shell $(x86_gcc) -print-file-name=include)
# A Linux program's linker defaults undone: no PIE, no build-id note, no
# warning for the one read-write-execute segment, no executable stack,
# 4 KiB segment alignment (not 2 MiB gaps in a flat image).
ARCH_LDFLAGS := -no-pie -L$(ARCH_NEWLIB)/$(ARCH_NEWLIB_TARGET)/lib \
	-Wl,--build-id=none -Wl,--no-warn-rwx-segments -Wl,-z,noexecstack \
	-Wl,-z,max-page-size=0x1000

ARCH_GUEST_CFLAGS :=

# QEMU's multiboot loader takes only 32-bit ELF files: the hypervisor is
# linked as ELF64 below 4 GiB and relabelled (objcopy -O elf32-i386); its
# entry is 32-bit code that switches to long mode (head.S).
ARCH_HV_ELF_FORMAT := elf32-i386
ARCH_HOST_TOOL_SRCS :=

# The architecture's name in U-Boot: `mkimage -A` and the FIT's `arch`.
ARCH_UBOOT := x86

# The guests' runtime written for this architecture, in
# samples/common/x86/: the start code, linked first (start.S: the
# long-mode entry), and the rest (vectors.S and exception.c: the default
# exception vectors, reporting with BH_HC_CONSOLE_WRITE; timer.c: the
# TSC's rate from the device tree; com1.c: the console at COM1; irq.c and
# irq_vectors.S: interrupts through the emulated x2APIC). The headers
# there, arch/*.h, hold the inline assembly (vmmcall, port I/O, device
# access) that samples/common's headers include; guest.lds there is the
# guests' layout.
ARCH_GUEST_START := start.o
ARCH_GUEST_OBJS := vectors.o exception.o timer.o com1.o irq.o irq_vectors.o
