#!/bin/sh
# What `make bench` needs beyond `make check`: gnuplot (for the chart in
# docs/benchmarks.png) and the peer hypervisor it compares Bulkhead with,
# Debian's armhf Xen. Used only by `make bench`.
#
#   fetch-xen.sh [CACHE_DIR]      default: the repo's build/cache
#
# The Xen binary (/boot/xen-4.17-armhf of xen-hypervisor-4.17-armhf:armhf)
# goes into CACHE_DIR/xen/ with versions (the exact package), then .done;
# nothing of it is committed. Installing packages, adding the armhf
# architecture and refreshing the package lists need root: as root this
# does it; otherwise it prints the exact commands and fails. Downloading
# and unpacking need no root.
set -e

srctree=$(cd "$(dirname "$0")/.." && pwd)
cache=${1:-$srctree/build/cache}
dir=$cache/xen
XEN=xen-hypervisor-4.17-armhf:armhf
PACKAGES="gnuplot-nox"

. "$srctree/scripts/apt-lib.sh"
what="make bench's Xen 4.17 (Debian's armhf build)"

install_missing $PACKAGES
[ -f "$dir/.done" ] && exit 0
ensure_armhf "$what"
if ! apt-cache show "$XEN" >/dev/null 2>&1; then
	need_root "$what" "apt-get update"
	apt_update
fi

echo "  FETCH   $XEN (once, into $dir)"
rm -rf "$dir" "$dir.tmp"
mkdir -p "$dir.tmp/root"
fetch_debs "$dir.tmp" "$XEN"
deb=$(ls "$dir.tmp"/debs/*.deb)
dpkg-deb --showformat='${Package} ${Version}\n' -W "$deb" >"$dir.tmp/versions"
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$dir.tmp/root" ./boot/xen-4.17-armhf
mv "$dir.tmp/root/boot/xen-4.17-armhf" "$dir.tmp/xen-4.17-armhf"
rm -rf "$dir.tmp/root" "$dir.tmp/debs"
mv "$dir.tmp" "$dir"
touch "$dir/.done"
