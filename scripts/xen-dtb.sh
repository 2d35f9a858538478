#!/bin/sh
# The device tree Xen boots with in `make bench`: QEMU's own tree for the
# machine, plus under /chosen Xen's command line and the dom0 module.
#
#   xen-dtb.sh QEMU MACHINE CPU MEM DOM0_ADDR DOM0_BIN OUT
#
# The dom0 image is loaded at DOM0_ADDR by QEMU's loader device; Xen finds
# it through the module node, whose reg gives its address and size.
set -e

[ $# -eq 7 ] || { echo "usage: xen-dtb.sh QEMU MACHINE CPU MEM DOM0_ADDR DOM0_BIN OUT" >&2; exit 1; }
qemu=$1 machine=$2 cpu=$3 mem=$4 addr=$5 dom0=$6 out=$7
module=/chosen/module@$(printf %x "$addr")
size=$(stat -c %s "$dom0")

"$qemu" -M "$machine,dumpdtb=$out.tmp" -cpu "$cpu" -m "$mem" -smp 1 \
	-nographic -nic none >/dev/null
fdtput -t i "$out.tmp" /chosen '#address-cells' 2
fdtput -t i "$out.tmp" /chosen '#size-cells' 2
fdtput -t s "$out.tmp" /chosen xen,xen-bootargs \
	"console=dtuart dtuart=/pl011@9000000 dom0_mem=64M dom0_max_vcpus=1"
fdtput -c "$out.tmp" "$module"
fdtput -t s "$out.tmp" "$module" compatible \
	xen,linux-zimage xen,multiboot-module multiboot,module
fdtput -t x "$out.tmp" "$module" reg 0 "$(printf %x "$addr")" 0 "$(printf %x "$size")"
mv "$out.tmp" "$out"
