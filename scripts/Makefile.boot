# Booting: what U-Boot boots of a sample, and running it on QEMU.
# Included by the top-level Makefile.
#
#   make image [SAMPLE=s]     $(O)/samples/s/boot/$(UBOOT_IMAGE)
#   make uboot-images         the same for every sample of the board
#   make run [SAMPLE=s] [BOOT=uboot|kernel] [RUN_TIMEOUT=300] [QEMU_ARGS="-d int"]
#
# How the board's U-Boot gets its payload, CONFIG_UBOOT_PAYLOAD:
#   disk    (the default; qemu-virt-a15) a boot disk, disk.img, whose
#           boot.scr loads bulkhead.itb: scripts/mkdisk.sh
#   kernel  (qemu-ppce500) the FIT alone, bulkhead.itb, which QEMU's
#           -kernel puts at CONFIG_UBOOT_PAYLOAD_ADDR for U-Boot's default
#           bootcmd: scripts/mkfit.sh, which refuses a FIT that the images
#           it holds would overwrite there
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

UBOOT_PAYLOAD := $(or $(call unquote,$(CONFIG_UBOOT_PAYLOAD)),disk)
ifeq ($(UBOOT_PAYLOAD),disk)
UBOOT_IMAGE := disk.img
else ifeq ($(UBOOT_PAYLOAD),kernel)
UBOOT_IMAGE := bulkhead.itb
ifeq ($(CONFIG_UBOOT_PAYLOAD_ADDR),)
$(error CONFIG_UBOOT_PAYLOAD="kernel" needs CONFIG_UBOOT_PAYLOAD_ADDR in $(defconfig))
endif
else
$(error CONFIG_UBOOT_PAYLOAD must be "disk" or "kernel", not "$(UBOOT_PAYLOAD)")
endif

# Only a sample with a config for the board (samples/Makefile's $(SAMPLES)).
ifneq ($(filter run run-build image,$(MAKECMDGOALS)),)
ifeq ($(filter $(SAMPLE),$(SAMPLES_ALL)),)
$(error no sample '$(SAMPLE)'; samples for $(BOARD): $(SAMPLES))
endif
ifeq ($(filter $(SAMPLE),$(SAMPLES)),)
$(error sample '$(SAMPLE)' has no config for board '$(BOARD)' (samples/$(SAMPLE)/$(BOARD).dts); samples for $(BOARD): $(SAMPLES))
endif
endif

.PHONY: run-build uboot-images

image: $(O)/samples/$(SAMPLE)/boot/$(UBOOT_IMAGE)

uboot-images: $(foreach s,$(SAMPLES),$(O)/samples/$(s)/boot/$(UBOOT_IMAGE))

# sample-% rebuilds the package whenever it likes, so the image is always
# remade; it takes well under a second.
ifeq ($(UBOOT_PAYLOAD),disk)
$(O)/samples/%/boot/disk.img: hypervisor sample-% FORCE
	$(if $(Q),@echo "  IMAGE   samples/$*/boot/disk.img")
	$(Q)$(srctree)/scripts/mkdisk.sh $(O)/samples/$*/pkg $(O)/samples/$*/boot $(ARCH_UBOOT)
else
$(O)/samples/%/boot/bulkhead.itb: hypervisor sample-% FORCE
	$(if $(Q),@echo "  IMAGE   samples/$*/boot/bulkhead.itb")
	$(Q)$(srctree)/scripts/mkfit.sh $(O)/samples/$*/pkg $(O)/samples/$*/boot $(ARCH_UBOOT) \
		$(CONFIG_UBOOT_PAYLOAD_ADDR)
endif

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
