#!/bin/sh
# Fetch the Linux guest of the linux-partition sample into the build cache,
# once: Debian's armhf kernel (the zImage of linux-image-armmp-lpae) and
# static busybox, for the sample's initramfs. Nothing of them is committed.
#
#   fetch-linux-guest.sh [CACHE_DIR]      default: the repo's build/cache
#
# Into CACHE_DIR/linux-guest/ go vmlinuz, busybox and versions (the exact
# packages), then .done. The packages come from the host's own apt sources
# with the armhf architecture added. Adding it and refreshing the package
# lists need root: as root this does it; otherwise it prints the exact
# commands and fails. Downloading and unpacking need no root.
set -e

srctree=$(cd "$(dirname "$0")/.." && pwd)
cache=${1:-$srctree/build/cache}
dir=$cache/linux-guest
[ -f "$dir/.done" ] && exit 0

KERNEL_META=linux-image-armmp-lpae:armhf
BUSYBOX=busybox-static:armhf

. "$srctree/scripts/apt-lib.sh"
what="the linux-partition sample's armhf kernel and busybox"

# The versioned kernel package the metapackage depends on, e.g.
# linux-image-6.1.0-50-armmp-lpae:armhf; empty when apt does not know it.
kernel_package() {
	apt-cache depends "$KERNEL_META" 2>/dev/null |
		sed -n 's/^ *Depends: \(linux-image-[^ ]*\)$/\1/p' | head -n 1
}

ensure_armhf "$what"
kernel=$(kernel_package)
if [ -z "$kernel" ] || ! apt-cache show "$BUSYBOX" >/dev/null 2>&1; then
	need_root "$what" "apt-get update"
	apt_update
	kernel=$(kernel_package)
fi
[ -n "$kernel" ] || { echo "bulkhead: apt knows no $KERNEL_META" >&2; exit 1; }
case $kernel in *:armhf) ;; *) kernel=$kernel:armhf ;; esac

echo "  FETCH   $kernel $BUSYBOX (once, into $dir)"
rm -rf "$dir" "$dir.tmp"
mkdir -p "$dir.tmp/root"
fetch_debs "$dir.tmp" "$kernel" "$BUSYBOX"
# Like dpkg -x, but only the file we use: the kernel's modules are 200 MB.
for deb in "$dir.tmp"/debs/*.deb; do
	dpkg-deb --showformat='${Package} ${Version}\n' -W "$deb" >>"$dir.tmp/versions"
	case $(dpkg-deb -f "$deb" Package) in
	busybox*) member=./bin/busybox ;;
	*) member='./boot/vmlinuz-*' ;;
	esac
	dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$dir.tmp/root" --wildcards "$member"
done
mv "$dir.tmp"/root/boot/vmlinuz-* "$dir.tmp/vmlinuz"
mv "$dir.tmp/root/bin/busybox" "$dir.tmp/busybox"
rm -rf "$dir.tmp/root" "$dir.tmp/debs"
mv "$dir.tmp" "$dir"
touch "$dir/.done"
