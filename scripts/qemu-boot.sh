#!/bin/bash
# Boot one built sample on QEMU; the exit status is QEMU's.
#
#   qemu-boot.sh BOARD BUILDDIR SAMPLE kernel|uboot [QEMU_ARG...]
#
# The machine comes from bsp/BOARD/defconfig (CONFIG_QEMU_SYSTEM, _MACHINE,
# _CPU, _MEM, _SMP; for uboot CONFIG_UBOOT_BIOS, CONFIG_UBOOT_PAYLOAD and
# for a disk payload CONFIG_QEMU_DISK_DEVICE);
# BUILDDIR/samples/SAMPLE/qemu.env may override the memory size and CPU
# count (QEMU_MEM=..., QEMU_SMP=...).
# CONFIG_QEMU_EXTRA_ARGS (optional, split at spaces) are added as they are:
# qemu-virt-a15 adds the pvpanic-pci device and -action panic=exit-failure,
# so that QEMU exits with status 1 when the hypervisor reports a failure.
#
#   kernel  QEMU loads BUILDDIR/bulkhead.elf itself and puts every blob of
#           BUILDDIR/samples/SAMPLE/pkg/images.txt (lines "name address file")
#           at its address with a generic loader device.
#   uboot   U-Boot (-bios CONFIG_UBOOT_BIOS) boots hands-off what
#           CONFIG_UBOOT_PAYLOAD says (scripts/Makefile.boot):
#           disk    (the default) BUILDDIR/samples/SAMPLE/boot/disk.img
#                   (scripts/mkdisk.sh) through distro boot; the disk is a
#                   -drive attached with the board's CONFIG_QEMU_DISK_DEVICE
#                   (qemu-virt-a15: virtio-blk-device)
#           kernel  BUILDDIR/samples/SAMPLE/boot/bulkhead.itb
#                   (scripts/mkfit.sh) as QEMU's -kernel, which the default
#                   bootcmd of qemu-ppce500's U-Boot boots with bootm. Its
#                   one-second autoboot delay is skipped through the device
#                   tree U-Boot reads its settings from, QEMU's: the tree
#                   QEMU makes for this very command line (-machine dumpdtb)
#                   plus /config/bootdelay = <0>, given back with -dtb.
#
# Always -nographic -no-reboot, no network (the default NIC wants an iPXE
# ROM that Debian's qemu-system-arm does not depend on). Extra arguments go
# to QEMU unchanged, e.g. "-d int -D qemu.log". QEMU is exec'd, so a
# caller's `timeout` signals it directly. (A ',' in a path is doubled:
# QEMU's option syntax.)
set -euo pipefail

die() { echo "qemu-boot: $*" >&2; exit 2; }

[ $# -ge 4 ] || die "usage: qemu-boot.sh BOARD BUILDDIR SAMPLE kernel|uboot [QEMU_ARG...]"
board=$1 build=$2 sample=$3 path=$4
shift 4
srctree=$(cd "$(dirname "$0")/.." && pwd)
defconfig=$srctree/bsp/$board/defconfig
[ -f "$defconfig" ] || die "unknown board $board"
sdir=$build/samples/$sample

# Value of KEY in a KEY=value file, without surrounding quotes.
value() {
	sed -n "s/^$2=\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*\$/\1/p" "$1" | tail -n 1
}

qemu=$(value "$defconfig" CONFIG_QEMU_SYSTEM)
machine=$(value "$defconfig" CONFIG_QEMU_MACHINE)
cpu=$(value "$defconfig" CONFIG_QEMU_CPU)
env=$sdir/qemu.env
[ -f "$env" ] || env=/dev/null
mem=$(value "$env" QEMU_MEM)
mem=${mem:-$(value "$defconfig" CONFIG_QEMU_MEM)}
smp=$(value "$env" QEMU_SMP)
smp=${smp:-$(value "$defconfig" CONFIG_QEMU_SMP)}
for v in "$qemu" "$machine" "$cpu" "$mem" "$smp"; do
	[ -n "$v" ] || die "$defconfig lacks a CONFIG_QEMU_ setting"
done

read -ra extra <<<"$(value "$defconfig" CONFIG_QEMU_EXTRA_ARGS)"

uboot_disk() {
	local device disk=$sdir/boot/disk.img

	device=$(value "$defconfig" CONFIG_QEMU_DISK_DEVICE)
	[ -n "$device" ] || die "$defconfig lacks CONFIG_QEMU_DISK_DEVICE for the U-Boot disk"
	[ -f "$disk" ] || die "$disk missing (make image SAMPLE=$sample)"
	# Read-only: U-Boot never writes it, and two boots may share it.
	args+=(-drive "if=none,file=${disk//,/,,},format=raw,id=hd,readonly=on"
	       -device "$device,drive=hd")
}

# The tree is dumped with every argument the boot itself gets, so it is
# the one QEMU would have made (-kernel's place and size in /chosen
# included). QEMU reads it back through an inherited descriptor of the
# deleted file: nothing is left behind, and boots of the same sample side
# by side each have their own.
uboot_kernel() {
	local fit=$sdir/boot/bulkhead.itb tree

	[ -f "$fit" ] || die "$fit missing (make image SAMPLE=$sample)"
	args+=(-kernel "$fit")
	tree=$(mktemp "${TMPDIR:-/tmp}/bulkhead-uboot.XXXXXX")
	if ! "$qemu" "${args[@]}" "$@" -machine dumpdtb="$tree" </dev/null >/dev/null 2>&1 ||
	   ! fdtput -c "$tree" /config || ! fdtput -t u "$tree" /config bootdelay 0; then
		rm -f "$tree"
		die "could not make U-Boot's device tree from QEMU's"
	fi
	exec 3<"$tree"
	rm -f "$tree"
	args+=(-dtb /dev/fd/3)
}

args=(-M "$machine" -cpu "$cpu" -m "$mem" -smp "$smp" -nographic -no-reboot -nic none
      "${extra[@]}")

case $path in
kernel)
	pkg=$sdir/pkg
	[ -f "$build/bulkhead.elf" ] || die "$build/bulkhead.elf missing"
	[ -f "$pkg/images.txt" ] || die "$pkg/images.txt missing"
	args+=(-kernel "$build/bulkhead.elf")
	while read -r name addr file; do
		[ -n "$name" ] || continue
		case $file in /*) ;; *) file=$pkg/$file ;; esac
		[ -f "$file" ] || die "$file (image $name) missing"
		args+=(-device "loader,file=${file//,/,,},addr=$addr,force-raw=on")
	done <"$pkg/images.txt"
	;;
uboot)
	bios=$(value "$defconfig" CONFIG_UBOOT_BIOS)
	payload=$(value "$defconfig" CONFIG_UBOOT_PAYLOAD)
	[ -n "$bios" ] || die "$defconfig lacks CONFIG_UBOOT_BIOS: board $board has no uboot path"
	[ -f "$bios" ] || die "U-Boot $bios missing"
	args+=(-bios "$bios")
	case ${payload:-disk} in
	disk)	uboot_disk ;;
	kernel)	uboot_kernel "$@" ;;
	*)	die "CONFIG_UBOOT_PAYLOAD must be disk or kernel, not '$payload'" ;;
	esac
	;;
*)
	die "boot path must be kernel or uboot, not '$path'"
	;;
esac

exec "$qemu" "${args[@]}" "$@"
