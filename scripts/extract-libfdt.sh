#!/bin/sh
# Extract upstream libfdt from Debian's linux-source tarball into the build
# cache, once. Usage: extract-libfdt.sh CACHE_DIR
set -e
cache=$1
[ -f "$cache/libfdt/.done" ] && exit 0
tarball=$(ls /usr/src/linux-source-6.1.tar.xz 2>/dev/null | head -n 1)
[ -n "$tarball" ] || { echo "libfdt: /usr/src/linux-source-6.1.tar.xz missing (package linux-source-6.1)" >&2; exit 1; }
rm -rf "$cache/libfdt" "$cache/libfdt.tmp"
mkdir -p "$cache/libfdt.tmp"
echo "  EXTRACT libfdt from $tarball (once)"
tar -xJf "$tarball" -C "$cache/libfdt.tmp" --wildcards '*/scripts/dtc/libfdt/*'
mv "$cache"/libfdt.tmp/*/scripts/dtc/libfdt "$cache/libfdt"
rm -rf "$cache/libfdt.tmp"
touch "$cache/libfdt/.done"
