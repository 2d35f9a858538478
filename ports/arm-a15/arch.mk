# How the build makes code for the Cortex-A15 port: read by the top-level
# Makefile right after the board's defconfig, whose CONFIG_PORT names the
# port. Every port's arch.mk sets the same variables.

# The toolchain prefix unless CROSS_COMPILE is given (Debian's
# gcc-arm-none-eabi, with newlib for the guests).
ARCH_CROSS_COMPILE := arm-none-eabi-

# Everything compiled for the target, hypervisor and guests, and their links.
ARCH_CFLAGS := -mcpu=cortex-a15 -marm -mfloat-abi=soft

# Code the guests run, their runtime and libfdt (linked into them too).
# Guests run with the MMU off: all memory is Strongly-ordered, where an
# unaligned access faults, so the compiler must never make one.
ARCH_GUEST_CFLAGS := -mno-unaligned-access

# The architecture's name in U-Boot: `mkimage -A` for the boot script and
# the FIT's `arch` property (`bulkhead pack`).
ARCH_UBOOT := arm

# The guests' runtime written for this architecture, in
# samples/common/arm-a15/: the start code, linked first (start.S: the entry
# and the secondary vCPUs' entry), and the rest (irq.c and irq_vectors.S:
# the GICv2 driver and the exception vectors). The headers there, arch/*.h,
# hold the inline assembly (hvc, smc, the generic timer) that
# samples/common's headers include; guest.lds there is the guests' layout.
ARCH_GUEST_START := start.o
ARCH_GUEST_OBJS := irq.o irq_vectors.o
