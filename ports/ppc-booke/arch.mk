# How the build makes code for the PowerPC Book E port (e500mc and
# e500v2): read by the top-level Makefile right after the board's
# defconfig, whose CONFIG_PORT names the port. Every port's arch.mk sets
# the same variables.

# The toolchain prefix unless CROSS_COMPILE is given (Debian's
# gcc-powerpc-linux-gnu: a Linux compiler, used freestanding; the guests'
# newlib is built from Debian's newlib-source into the build cache).
ARCH_CROSS_COMPILE := powerpc-linux-gnu-

# One instruction set for both cores: e500mc's integer instructions
# (isel is common to both), no floating point (e500mc has a classic FPU,
# e500v2 SPE instead: neither is used) and a 64-bit long double, which
# newlib's headers need. The assembler accepts every e500 instruction.
ARCH_CFLAGS := -mcpu=e500mc -msoft-float -mlong-double-64 -mno-altivec \
	-msdata=none -mno-relocatable -fno-pic -Wa,-mregnames

ARCH_GUEST_CFLAGS :=

# Port code the host tool links besides config_facts.c and guest_fdt.c:
# the guest MPIC's device-tree node, which guest_fdt.c adds.
ARCH_HOST_TOOL_SRCS := ports/ppc-booke/vmpic_fdt.c

# The architecture's name in U-Boot: `mkimage -A` and the FIT's `arch`.
ARCH_UBOOT := powerpc
