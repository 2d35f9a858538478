#!/bin/sh
# Install the Debian 12 packages Bulkhead needs; the one place they are listed.
# Used by `make run`, `make check` and .ci/run. As root it runs apt-get;
# otherwise it prints the exact command to run and fails.
#
#   install-deps.sh [CACHE_DIR]     default: $CACHE, else the repo's build/cache
#
# Then the linux-partition sample's armhf kernel and busybox are fetched
# into CACHE_DIR/linux-guest/ if missing (scripts/fetch-linux-guest.sh).
set -e

srctree=$(cd "$(dirname "$0")/.." && pwd)
cache=${1:-${CACHE:-$srctree/build/cache}}

PACKAGES="make gcc libc6-dev cpp gcc-arm-none-eabi libnewlib-arm-none-eabi
qemu-system-arm gcc-powerpc-linux-gnu newlib-source qemu-system-ppc qemu-system-x86
u-boot-qemu u-boot-tools device-tree-compiler libfdt-dev libcmocka-dev
linux-source-6.1 e2fsprogs xz-utils tar cpio gzip"

. "$srctree/scripts/apt-lib.sh"
install_missing $PACKAGES

exec "$srctree/scripts/fetch-linux-guest.sh" "$cache"
