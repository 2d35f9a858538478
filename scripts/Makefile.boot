# Booting: the U-Boot boot disk of a sample and running it on QEMU.
# Included by the top-level Makefile.
#
#   make image [SAMPLE=s]     $(O)/samples/s/boot/{bulkhead.itb,boot.scr,disk.img}
#   make run [SAMPLE=s] [BOOT=uboot|kernel] [RUN_TIMEOUT=300] [QEMU_ARGS="-d int"]
#
# `make run` prints the guest's console on the terminal (QEMU -nographic:
# Ctrl-A x quits) and keeps a copy in $(O)/samples/s/run-BOOT.log. It
# succeeds when QEMU exits 0, which the hypervisor causes by powering the
# machine off once every partition has stopped (off or halted). When the
# hypervisor fails (a panic, a refused config, a partition's poweroff
# fault policy) QEMU exits 1; make run then prints the reason taken from
# the console, "bulkhead: run failed: <reason>" (scripts/run-failure.sh),
# and fails.

RUN_TIMEOUT ?= 300
QEMU_ARGS ?=
RUN_LOG = $(O)/samples/$(SAMPLE)/run-$(BOOT).log

# Only a sample with a config for the board (samples/Makefile's $(SAMPLES)).
ifneq ($(filter run run-build image,$(MAKECMDGOALS)),)
ifeq ($(filter $(SAMPLE),$(SAMPLES_ALL)),)
$(error no sample '$(SAMPLE)'; samples for $(BOARD): $(SAMPLES))
endif
ifeq ($(filter $(SAMPLE),$(SAMPLES)),)
$(error sample '$(SAMPLE)' has no config for board '$(BOARD)' (samples/$(SAMPLE)/$(BOARD).dts); samples for $(BOARD): $(SAMPLES))
endif
endif

.PHONY: run-build

image: $(O)/samples/$(SAMPLE)/boot/disk.img

# sample-% rebuilds the package whenever it likes, so the disk is always
# remade; it takes well under a second.
$(O)/samples/%/boot/disk.img: hypervisor sample-% FORCE
	$(if $(Q),@echo "  IMAGE   samples/$*/boot/disk.img")
	$(Q)$(srctree)/scripts/mkdisk.sh $(O)/samples/$*/pkg $(O)/samples/$*/boot $(ARCH_UBOOT)

run-build:
ifeq ($(BOOT),uboot)
	$(Q)$(MAKE) image
else ifeq ($(BOOT),kernel)
	$(Q)$(MAKE) hypervisor sample-$(SAMPLE)
else
	$(error BOOT must be uboot or kernel, not '$(BOOT)')
endif

# deps first, then the build, then QEMU: sub-makes keep that order under -j.
# QEMU's stdin stays the terminal; bash's pipefail gives its status, not tee's.
run: SHELL := /bin/bash
run: deps
	$(Q)$(MAKE) run-build
	$(Q)set -o pipefail; timeout --foreground -k 10 $(RUN_TIMEOUT) \
		$(srctree)/scripts/qemu-boot.sh $(BOARD) $(O) $(SAMPLE) $(BOOT) $(QEMU_ARGS) | \
		tee $(RUN_LOG); \
	rc=$$?; \
	if [ $$rc -eq 124 ] || [ $$rc -eq 137 ]; then \
		echo "bulkhead: QEMU still running after $(RUN_TIMEOUT) s; stopped it (RUN_TIMEOUT=... allows longer)" >&2; \
	elif [ $$rc -ne 0 ]; then \
		$(srctree)/scripts/run-failure.sh $(RUN_LOG) $$rc >&2; \
	fi; \
	exit $$rc
