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

# Stop unless root: say what root must run.
need_root() {
	[ "$(id -u)" = 0 ] && return 0
	echo "bulkhead: make bench needs $1" >&2
	echo "bulkhead: run as root:  $2" >&2
	exit 1
}

update_lists() {
	apt-get update -q ||
		echo "bulkhead: apt-get update reported errors; trying anyway" >&2
}

missing=
for p in $PACKAGES; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	cmd="apt-get install -y --no-install-recommends$missing"
	need_root "the Debian packages$missing" "apt-get update && $cmd"
	echo "bulkhead: installing:$missing"
	update_lists
	DEBIAN_FRONTEND=noninteractive $cmd
fi

[ -f "$dir/.done" ] && exit 0
if ! dpkg --print-foreign-architectures | grep -qx armhf; then
	need_root "Debian's armhf Xen" "dpkg --add-architecture armhf && apt-get update"
	dpkg --add-architecture armhf
	update_lists
fi
if ! apt-cache show "$XEN" >/dev/null 2>&1; then
	need_root "Debian's armhf Xen" "apt-get update"
	update_lists
fi

echo "  FETCH   $XEN (once, into $dir)"
rm -rf "$dir" "$dir.tmp"
mkdir -p "$dir.tmp/root" "$dir.tmp/debs"
# apt drops root to _apt for downloads, which must be able to write there.
[ "$(id -u)" != 0 ] || ! id _apt >/dev/null 2>&1 || chown _apt "$dir.tmp/debs"
(cd "$dir.tmp/debs" && apt-get download -q "$XEN")
deb=$(ls "$dir.tmp"/debs/*.deb)
dpkg-deb --showformat='${Package} ${Version}\n' -W "$deb" >"$dir.tmp/versions"
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$dir.tmp/root" ./boot/xen-4.17-armhf
mv "$dir.tmp/root/boot/xen-4.17-armhf" "$dir.tmp/xen-4.17-armhf"
rm -rf "$dir.tmp/root" "$dir.tmp/debs"
mv "$dir.tmp" "$dir"
touch "$dir/.done"
