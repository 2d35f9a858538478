#!/bin/bash
# Build the U-Boot FIT of one sample package.
#
#   mkfit.sh PKG_DIR OUT_DIR ARCH [LOAD_ADDR]
#
# PKG_DIR holds bulkhead.its (from `make sample-<name>`: the hypervisor as
# kernel, the packed config and the guest images as loadables, one
# configuration "conf"). ARCH is U-Boot's name for the architecture
# (ARCH_UBOOT of ports/<port>/arch.mk, also the FIT's `arch`): a package
# made for another one is refused. mkimage makes OUT_DIR/bulkhead.itb
# (its output in OUT_DIR/mkimage.log).
#
# LOAD_ADDR, when given, is where the firmware finds the FIT in memory
# (qemu-ppce500: QEMU puts -kernel there for U-Boot). U-Boot copies each
# image out of the FIT to its load address, so no image may land on the
# FIT itself: that is checked here, with the sizes and load addresses
# `dumpimage -l` reads back from the FIT, and a FIT too large for the
# board's layout is refused rather than boot corrupt images.
set -euo pipefail

die() { echo "mkfit: $*" >&2; exit 1; }

[ $# -eq 3 ] || [ $# -eq 4 ] || die "usage: mkfit.sh PKG_DIR OUT_DIR ARCH [LOAD_ADDR]"
pkg=$(cd "$1" && pwd) || die "no package directory $1"
out=$2 arch=$3 load=${4:-}
[ -f "$pkg/bulkhead.its" ] || die "$pkg/bulkhead.its missing (run make sample-<name>)"
# Every image of the FIT names the architecture (bulkhead pack's, built
# for one port): refuse a package made for another one.
if grep 'arch = ' "$pkg/bulkhead.its" | grep -qv "arch = \"$arch\";"; then
	die "$pkg/bulkhead.its has images for another architecture than $arch"
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
fit=$out/bulkhead.itb
# mkimage runs dtc, which resolves /incbin/ paths relative to the .its.
(cd "$pkg" && mkimage -f bulkhead.its "$fit" >"$out/mkimage.log") ||
	die "mkimage failed on $pkg/bulkhead.its (see $out/mkimage.log)"
[ -n "$load" ] || exit 0

fit_start=$((load))
fit_end=$((fit_start + $(stat -c %s "$fit")))
# "name size load" for every image of the FIT
dumpimage -l "$fit" | awk '
	/^ Image [0-9]+ \(/ { name = $3; gsub(/[()]/, "", name) }
	/^  Data Size:/ { size = $3 }
	/^  Load Address:/ { print name, size, $3 }' |
while read -r name size addr; do
	start=$((addr)) end=$((addr + size))
	if [ $start -lt $fit_end ] && [ $fit_start -lt $end ]; then
		rm -f "$fit"
		die "$(printf '%s at 0x%x-0x%x overlaps the FIT at 0x%x-0x%x: the board layout (CONFIG_HV_LOAD_ADDR, CONFIG_PACKAGE_ADDR, CONFIG_UBOOT_PAYLOAD_ADDR) has no room for a FIT this large' \
			"$name" $start $((end - 1)) $fit_start $((fit_end - 1)))"
	fi
done
