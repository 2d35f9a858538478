# Bulkhead top-level Makefile: a small Kbuild-style driver.
#
#   make [BOARD=qemu-virt-a15] [O=build/<board>] [CROSS_COMPILE=...] [V=1]
#   make run [SAMPLE=hello-partitions] [BOOT=uboot|kernel]  (uboot where the board has it)
#   make check      all host and QEMU tests
#   make image      the U-Boot FIT and boot disk for SAMPLE
#
# Each directory's Kbuild says what is built there; bsp/<board>/defconfig
# gives the CONFIG_ symbols, also available to C as <generated/autoconf.h>.
# The port it names says how to compile for its architecture
# (ports/<port>/arch.mk); bsp/<board>/board.mk, where there is one, adds
# the board's own make settings (docs/porting.md).

BOARD	?= qemu-virt-a15
SAMPLE	?= hello-partitions
O	?= build/$(BOARD)
V	?= 0

srctree	:= $(CURDIR)
override O := $(abspath $(O))
CACHE	?= $(srctree)/build/cache

defconfig := $(srctree)/bsp/$(BOARD)/defconfig
ifeq ($(wildcard $(defconfig)),)
$(error unknown BOARD '$(BOARD)'; boards: $(notdir $(wildcard bsp/*)))
endif
include $(defconfig)
# Through the board's U-Boot where it has one (CONFIG_UBOOT_BIOS)
BOOT	?= $(if $(CONFIG_UBOOT_BIOS),uboot,kernel)
unquote = $(subst ",,$(1))
PORT	:= $(call unquote,$(CONFIG_PORT))
archmk	:= $(srctree)/ports/$(PORT)/arch.mk
ifeq ($(wildcard $(archmk)),)
$(error board '$(BOARD)' names port '$(PORT)', which has no ports/$(PORT)/arch.mk)
endif
BENCH_XEN :=
include $(archmk)
boardmk	:= $(wildcard $(srctree)/bsp/$(BOARD)/board.mk)
ifneq ($(boardmk),)
include $(boardmk)
endif
CROSS_COMPILE ?= $(ARCH_CROSS_COMPILE)

ifeq ($(V),1)
Q :=
else
Q := @
MAKEFLAGS += --no-print-directory
endif

CC	:= $(CROSS_COMPILE)gcc
AR	:= $(CROSS_COMPILE)ar
OBJCOPY	:= $(CROSS_COMPILE)objcopy
HOSTCC	?= gcc
LIBFDT_SRC := $(CACHE)/libfdt

# Flags for everything that runs on the target (hypervisor and guests).
TARGET_CFLAGS := $(ARCH_CFLAGS) -O2 -g -std=gnu11 -Wall -Wextra -Werror \
	-ffreestanding -fno-common -ffunction-sections -fdata-sections \
	-I$(O)/include -include generated/autoconf.h
KBUILD_CFLAGS := $(TARGET_CFLAGS) -I$(srctree)/core/include \
	-I$(srctree)/ports/$(PORT)/include -I$(LIBFDT_SRC)
KBUILD_AFLAGS := $(ARCH_CFLAGS) -D__ASSEMBLY__ -I$(O)/include -include generated/autoconf.h \
	-I$(srctree)/core/include -I$(srctree)/ports/$(PORT)/include
HOST_CFLAGS := -O2 -g -Wall -Wextra -Werror -I$(srctree)/core/include
# A port whose toolchain has no C library names a cache directory in
# ARCH_NEWLIB (ports/<port>/arch.mk), which scripts/build-newlib.sh fills
# once (rule below); its ARCH_CFLAGS and ARCH_LDFLAGS point there.
NEWLIB_DONE := $(if $(ARCH_NEWLIB),$(ARCH_NEWLIB)/.done)

export srctree O Q CC AR KBUILD_CFLAGS KBUILD_AFLAGS BOARD PORT

.PHONY: all hypervisor tools samples image run check deps clean help FORCE
all: hypervisor tools samples

help:
	@sed -n '3,12p' Makefile

deps:
	$(Q)$(srctree)/scripts/install-deps.sh

# ---- configuration -------------------------------------------------------
# Remade, and with it everything built for the target, when the
# settings of the board or the port change, or the C library the port
# builds itself (below).
$(O)/.config: $(defconfig) $(archmk) $(boardmk) $(NEWLIB_DONE)
	@mkdir -p $(O)/include/generated
	$(Q)cp $< $@
	$(Q)sed -n -e 's/^\(CONFIG_[A-Za-z0-9_]*\)=y$$/#define \1 1/p' \
		-e 's/^\(CONFIG_[A-Za-z0-9_]*\)=\(.*\)$$/#define \1 \2/p' $< \
		> $(O)/include/generated/autoconf.h

# ---- newlib, where the port builds its own ---------------------------------
ifneq ($(NEWLIB_DONE),)
$(NEWLIB_DONE):
	$(Q)$(srctree)/scripts/build-newlib.sh $(ARCH_NEWLIB) $(ARCH_NEWLIB_TARGET) \
		"$(CROSS_COMPILE)" $(ARCH_NEWLIB_CFLAGS)
endif

# ---- upstream libfdt, compiled for the target ------------------------------
LIBFDT_OBJS := fdt.o fdt_ro.o fdt_rw.o fdt_sw.o fdt_wip.o fdt_strerror.o \
	fdt_addresses.o fdt_empty_tree.o
$(LIBFDT_SRC)/.done:
	$(Q)$(srctree)/scripts/extract-libfdt.sh $(CACHE)
$(LIBFDT_SRC)/%.c: $(LIBFDT_SRC)/.done ;
.PRECIOUS: $(LIBFDT_SRC)/%.c
$(O)/libfdt/%.o: $(LIBFDT_SRC)/%.c $(O)/.config
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  CC      libfdt/$*.o")
	$(Q)$(CC) $(TARGET_CFLAGS) $(ARCH_GUEST_CFLAGS) -I$(LIBFDT_SRC) -c $< -o $@
$(O)/libfdt/libfdt.a: $(addprefix $(O)/libfdt/,$(LIBFDT_OBJS))
	$(Q)rm -f $@ && $(AR) crs $@ $^

# ---- the hypervisor ----------------------------------------------------------
HV_ELF := $(O)/bulkhead.elf
HV_BIN := $(O)/bulkhead.bin
hypervisor: $(HV_BIN)

# O again on the sub-make's command line: an O given to this make
# reaches it through MAKEFLAGS as typed, and a relative one would name
# the objects (and the targets of their dependency files) otherwise than
# an absolute one did, losing every header dependency between the two.
$(O)/built-in.a: $(O)/.config $(LIBFDT_SRC)/.done FORCE
	$(Q)$(MAKE) -f $(srctree)/scripts/Makefile.build obj=. O=$(O)

$(O)/hyp.lds: $(srctree)/ports/$(PORT)/hyp.lds.S $(O)/.config
	$(Q)$(CC) -E -P -x c $(KBUILD_AFLAGS) $< -o $@

$(HV_ELF): $(O)/built-in.a $(O)/libfdt/libfdt.a $(O)/hyp.lds
	$(if $(Q),@echo "  LD      bulkhead.elf")
	$(Q)$(CC) $(ARCH_CFLAGS) $(ARCH_LDFLAGS) -nostdlib -static -Wl,--gc-sections -T $(O)/hyp.lds \
		-Wl,--whole-archive $(O)/built-in.a -Wl,--no-whole-archive \
		$(O)/libfdt/libfdt.a -lc -lgcc -Wl,-Map,$(O)/bulkhead.map -o $@
	$(if $(ARCH_HV_ELF_FORMAT),$(Q)$(OBJCOPY) -O $(ARCH_HV_ELF_FORMAT) $@)

$(HV_BIN): $(HV_ELF)
	$(Q)$(OBJCOPY) -O binary $< $@

include $(srctree)/tools/Makefile
include $(srctree)/samples/Makefile
include $(srctree)/tests/Makefile
include $(srctree)/scripts/Makefile.boot
include $(srctree)/scripts/Makefile.bench

clean:
	rm -rf $(O)

FORCE:
