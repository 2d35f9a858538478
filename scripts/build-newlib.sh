#!/bin/sh
# Build newlib's libc and libm for a port whose toolchain has no C library
# of its own (Debian ships newlib as source only, except for ARM), once,
# from Debian's newlib-source, into the build cache. The make rule
# (top-level Makefile) names DEST after these arguments and this script,
# so that other flags or another recipe build into another directory.
#
#   build-newlib.sh DEST TARGET CROSS_COMPILE CFLAG...
#
#   DEST           install prefix: headers in DEST/TARGET/include, libc.a and
#                  libm.a in DEST/TARGET/lib; DEST/.done when complete
#   TARGET         newlib's configuration, e.g. powerpc-eabi
#   CROSS_COMPILE  the toolchain prefix (its gcc, ar, as, ld, nm, ranlib);
#                  empty for the host's own (x86)
#   CFLAG...       the ABI every object linked with it is compiled with
#
# Built in a temporary directory outside the tree, which is removed.
set -e

die() { echo "newlib: $*" >&2; exit 1; }

[ $# -ge 3 ] || die "usage: build-newlib.sh DEST TARGET CROSS_COMPILE CFLAG..."
dest=$1 target=$2 cross=$3
shift 3
[ -f "$dest/.done" ] && exit 0

tarball=/usr/src/newlib/newlib-3.3.0.tar.xz
[ -f "$tarball" ] || die "$tarball missing (package newlib-source)"
command -v "${cross}gcc" >/dev/null || die "${cross}gcc missing"

# One build at a time (two boards of the port may build at once): the
# second finds the first's.
mkdir -p "$(dirname "$dest")"
exec 9>"$dest.lock"
flock 9
[ -f "$dest/.done" ] && exit 0

work=$(mktemp -d "${TMPDIR:-/tmp}/bulkhead-newlib.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "  NEWLIB  $target from $tarball (once, a minute or two)"
tar -xJf "$tarball" -C "$work"
src=$(echo "$work"/newlib-*)
mkdir "$work/build" "$work/stage"

# newlib's powerpc-eabi and x86_64-elf configurations call the system
# calls by their POSIX names (MISSING_SYSCALL_NAMES: write, sbrk), and
# powerpc-eabi compiles for run-time relocation (-mrelocatable-lib).
# Undone, after its own flags: it calls _write, _sbrk like the ARM
# newlib, which is what the hypervisor's core/newlib_glue.c and the
# guests' samples/common/syscalls.c provide, and its code links at a
# fixed address like ours.
target_cflags="-O2 -g -ffunction-sections -fdata-sections"
case $target in
powerpc*)
	target_cflags="$target_cflags -mno-relocatable-lib -UMISSING_SYSCALL_NAMES"
	;;
x86_64*)
	target_cflags="$target_cflags -UMISSING_SYSCALL_NAMES"
	;;
esac

# A clean environment: the calling make exports CC, AR and its flags for
# the target, which configure would take for the build machine's.
run() {
	env -i PATH="$PATH" HOME="${HOME:-/}" "$@" >>"$work/log" 2>&1 || {
		echo "newlib: '$1' failed; the end of its log:" >&2
		tail -n 30 "$work/log" >&2
		cp "$work/log" "$dest.log"
		echo "newlib: the whole log is in $dest.log" >&2
		exit 1
	}
}

# No floating point in printf and scanf: nothing we build prints any,
# and its soft-float helpers (__adddf3 ...) would come from the
# toolchain's libgcc, which may be built for another float ABI (Debian's
# powerpc one is hard-float). READELF: configure finds .init_array
# support with it, without which there is no __libc_init_array().
cd "$work/build"
run "$src/configure" --target="$target" --prefix="$dest" \
	--disable-multilib --disable-newlib-supplied-syscalls \
	--disable-newlib-io-float \
	CC_FOR_TARGET="${cross}gcc $*" CFLAGS_FOR_TARGET="$target_cflags" \
	AR_FOR_TARGET="${cross}ar" AS_FOR_TARGET="${cross}as" \
	LD_FOR_TARGET="${cross}ld" NM_FOR_TARGET="${cross}nm" \
	RANLIB_FOR_TARGET="${cross}ranlib" READELF_FOR_TARGET="${cross}readelf"
run make -j"$(nproc)" all-target-newlib
run make install-target-newlib DESTDIR="$work/stage"

rm -rf "$dest"
mkdir -p "$(dirname "$dest")"
mv "$work/stage$dest" "$dest"
printf 'target %s\ncompiler %s\nflags %s\ntarget cflags %s\n' \
	"$target" "$("${cross}gcc" --version | head -n 1)" "$*" "$target_cflags" \
	>"$dest/build-info.txt"
touch "$dest/.done"
