#!/bin/bash
# Build the U-Boot boot disk for one sample package.
#
#   mkdisk.sh PKG_DIR OUT_DIR ARCH
#
# PKG_DIR holds bulkhead.its (from `make sample-<name>`). ARCH is U-Boot's
# name for the architecture (ARCH_UBOOT of ports/<port>/arch.mk, also the
# FIT's `arch`), which `mkimage -A` writes into the boot script. Into
# OUT_DIR go:
#   bulkhead.itb  the FIT, made from bulkhead.its by scripts/mkfit.sh
#   boot.scr      a U-Boot script that loads the FIT at ${kernel_addr_r}
#                 (0x40400000 on qemu_arm) and boots its configuration "conf"
#                 with the device tree U-Boot itself got from QEMU
#   disk.img      a raw disk: MBR, one bootable Linux partition at 1 MiB
#                 holding an ext4 file system with the two files above
#
# U-Boot's distro boot (qemu_arm's default bootcmd) scans partition 1 of
# the disk (virtio0: qemu-boot.sh attaches it as the board's
# CONFIG_QEMU_DISK_DEVICE) for /boot.scr and sources it with devtype,
# devnum and distro_bootpart set, so the script reads the FIT from the same
# partition it was found on.
# The MBR is written with printf: one 16-byte partition entry and the
# 0x55AA signature are all U-Boot needs, and no partitioning tool is required.
set -euo pipefail
PATH=$PATH:/usr/sbin:/sbin		# mke2fs, for users whose PATH lacks them

die() { echo "mkdisk: $*" >&2; exit 1; }

[ $# -eq 3 ] || die "usage: mkdisk.sh PKG_DIR OUT_DIR ARCH"
pkg=$(cd "$1" && pwd) || die "no package directory $1"
out=$2 arch=$3
"$(dirname "$0")/mkfit.sh" "$pkg" "$out" "$arch"
out=$(cd "$out" && pwd)
root=$out/root
rm -rf "$root"
mkdir -p "$root"

cat >"$out/boot.cmd" <<'EOF'
load ${devtype} ${devnum}:${distro_bootpart} ${kernel_addr_r} bulkhead.itb
bootm ${kernel_addr_r}#conf - ${fdtcontroladdr}
EOF
mkimage -A "$arch" -O linux -T script -C none -n bulkhead -d "$out/boot.cmd" \
	"$out/boot.scr" >/dev/null
ln "$out/boot.scr" "$out/bulkhead.itb" "$root/"	# the file system's contents

# Size the file system at twice its contents plus 4 MiB for ext4 metadata,
# rounded to whole MiB so the partition ends on a MiB boundary.
used_kib=$(du -sk "$root" | cut -f1)
fs_mib=$(( (used_kib * 2 + 1023) / 1024 + 4 ))
rm -f "$out/fs.img"
mke2fs -q -F -t ext4 -L bulkhead -d "$root" "$out/fs.img" "${fs_mib}M" >/dev/null ||
	die "mke2fs failed"

# One little-endian 32-bit value, as four bytes.
le32() {
	local v=$1 i s=
	for i in 0 8 16 24; do
		s+=$(printf '\\0%03o' $(( (v >> i) & 255 )))
	done
	printf '%b' "$s"
}

start=2048				# sectors: the partition starts at 1 MiB
count=$(( fs_mib * 2048 ))
disk=$out/disk.img
rm -f "$disk"
truncate -s 1M "$disk"
{
	printf '\200\376\377\377'	# bootable; CHS start unused (LBA only)
	printf '\203\376\377\377'	# type 0x83 Linux; CHS end unused
	le32 $start
	le32 $count
} | dd of="$disk" bs=1 seek=446 conv=notrunc status=none
printf '\125\252' | dd of="$disk" bs=1 seek=510 conv=notrunc status=none
cat "$out/fs.img" >>"$disk"
rm -f "$out/fs.img"
