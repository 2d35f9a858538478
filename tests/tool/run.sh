#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Tests for the host tool, on one board:
#
#   tests/tool/run.sh path/to/bulkhead BOARD
#
# BULKHEAD is the tool built for BOARD (build/BOARD/host/bulkhead): it
# links that board's port's interrupt binding and address limits, so the
# configs it is given are written for that port. The inputs:
#
#   tests/tool/images/        the guest images the configs name (-L)
#   tests/tool/PORT/          for every board of PORT (CONFIG_PORT of
#                             bsp/BOARD/defconfig): bad/*.dts, good/*.dts,
#                             pack.conf, and board.dtsi when the tests use
#                             board facts of their own
#   tests/tool/PORT/BOARD/    where the port's boards differ (addresses of
#                             the SoC's devices, how many interrupts): the
#                             same kinds of files, for BOARD only
#
# Configs `#include "board.dtsi"`, looked up in tests/tool/PORT/BOARD,
# then tests/tool/PORT, then bsp/BOARD: without a board.dtsi of their own
# the tests check the facts the samples use. Other headers the configs
# include (a board's addresses as cpp macros) sit in the same directories.
#
# Each bad/*.dts must be rejected: exit status 1 and an error line that
# contains the text after "// expect: " of each such line at its top (the
# first line must be one). Each good/*.dts must pass. Then `bulkhead pack`
# is run on pack.conf's good config at its addresses (pack.conf sets them
# as shell variables; a board's own pack.conf overrides the port's) and
# the layout, the FIT and scripts/mkfit.sh's refusals are checked.
# The last line printed is "N passed, N failed".
# shellcheck disable=SC2154 # the packing test's variables come from pack.conf

bulkhead=${1:?usage: $0 path/to/bulkhead BOARD}
board=${2:?usage: $0 path/to/bulkhead BOARD}
here=$(cd "$(dirname "$0")" && pwd)
srctree=$(cd "$here/../.." && pwd)
port=$(sed -n 's/^CONFIG_PORT="\(.*\)"$/\1/p' "$srctree/bsp/$board/defconfig" 2>/dev/null)
if [ -z "$port" ] || [ ! -d "$here/$port" ]; then
	echo "no board $board, or no tests for its port \"$port\" under $here"
	echo "0 passed, 1 failed"
	exit 1
fi
port_dir=$here/$port
board_dir=$port_dir/$board
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

pass() {
	passed=$((passed + 1))
}

fail() {
	echo "FAIL $1: $2"
	failed=$((failed + 1))
}

# expect_fail NAME SUBSTRING COMMAND...
expect_fail() {
	name=$1
	expect=$2
	shift 2
	"$@" >"$tmp/out" 2>&1
	status=$?
	if [ "$status" -ne 1 ]; then
		fail "$name" "exit status $status, expected 1"
	elif ! grep -qF -- "$expect" "$tmp/out"; then
		fail "$name" "no \"$expect\" in: $(cat "$tmp/out")"
	else
		pass
	fi
}

# expect_ok NAME COMMAND...
expect_ok() {
	name=$1
	shift
	if "$@" >"$tmp/out" 2>&1; then
		pass
	else
		fail "$name" "$(cat "$tmp/out")"
	fi
}

includes="-I $board_dir -I $port_dir -I $srctree/bsp/$board"

check() {
	# shellcheck disable=SC2086 # the -I options, no spaces in them
	"$bulkhead" check $includes -L "$here/images" "$@"
}

# Every "// expect: " line at the top of bad config $1 must be in the error.
check_bad() {
	dts=$1
	if ! head -n 1 "$dts" | grep -q '^// expect: '; then
		fail "$dts" "first line is not // expect: ..."
		return
	fi
	check "$dts" >"$tmp/bad" 2>&1
	status=$?
	if [ "$status" -ne 1 ]; then
		fail "$dts" "exit status $status, expected 1: $(cat "$tmp/bad")"
		return
	fi
	sed -n '/^\/\/ expect: /!q; s|^// expect: ||p' "$dts" >"$tmp/expect"
	while IFS= read -r expect; do
		if ! grep -qF -- "$expect" "$tmp/bad"; then
			fail "$dts" "no \"$expect\" in: $(cat "$tmp/bad")"
			return
		fi
	done <"$tmp/expect"
	pass
}

nbad=0
ngood=0
for dir in "$port_dir" "$board_dir"; do
	for dts in "$dir"/bad/*.dts; do
		[ -e "$dts" ] || continue
		nbad=$((nbad + 1))
		check_bad "$dts"
	done
	for dts in "$dir"/good/*.dts; do
		[ -e "$dts" ] || continue
		ngood=$((ngood + 1))
		expect_ok "$dts" check "$dts"
	done
done
if [ "$nbad" -eq 0 ] || [ "$ngood" -eq 0 ]; then
	fail "$port_dir" "no bad or no good configs"
fi

# Packing: config at the base, each image on the next 64 KiB boundary.
# pack.conf: pack_config (relative to the port's directory), pack_base,
# pack_layout (images.txt's "name address" lines), pack_loadables (the
# FIT's), pack_outside (a base outside every reserved range), hv_load,
# hv_on_package (a load address on the package), fit_addr (where a FIT of
# the package may sit), fit_over_hv and fit_over_config (where it may not).
# shellcheck source=/dev/null
. "$port_dir/pack.conf"
# shellcheck source=/dev/null
[ ! -f "$board_dir/pack.conf" ] || . "$board_dir/pack.conf"
for var in pack_config pack_base pack_layout pack_loadables pack_outside hv_load \
	hv_on_package fit_addr fit_over_hv fit_over_config; do
	eval "value=\${$var:-}"
	[ -n "$value" ] || fail "$port_dir/pack.conf" "sets no $var"
done
good=$port_dir/$pack_config
printf 'hypervisor' >"$tmp/hv.bin"
# shellcheck disable=SC2086
expect_ok "pack" "$bulkhead" pack $includes -L "$here/images" \
	--base "$pack_base" --out "$tmp/pkg" \
	--hv "$tmp/hv.bin" --hv-load "$hv_load" "$good"
printf '%s\n' "$pack_layout" >"$tmp/want"
if awk '{ print $1, $2 }' "$tmp/pkg/images.txt" 2>/dev/null | cmp -s - "$tmp/want"; then
	pass
else
	fail "pack layout" "images.txt: $(cat "$tmp/pkg/images.txt" 2>&1)"
fi
expect_ok "packed config" "$bulkhead" check -L "$here/images" "$tmp/pkg/config.dtb"
expect_ok "FIT source" grep -qF "loadables = $pack_loadables;" "$tmp/pkg/bulkhead.its"
# shellcheck disable=SC2086
expect_fail "pack outside reserved" "is not inside a reserved range" \
	"$bulkhead" pack $includes -L "$here/images" --base "$pack_outside" \
	--out "$tmp/pkg2" "$good"
# shellcheck disable=SC2086
expect_fail "hypervisor on package" "overlaps the package" \
	"$bulkhead" pack $includes -L "$here/images" --base "$pack_base" \
	--out "$tmp/pkg3" --hv "$tmp/hv.bin" --hv-load "$hv_on_package" "$good"

# The FIT (scripts/mkfit.sh): built where none of its images lands on it,
# refused where the hypervisor or the config would be copied over it, and
# for another architecture.
mkfit=$srctree/scripts/mkfit.sh
arch=$(sed -n 's/.*arch = "\(.*\)";/\1/p' "$tmp/pkg/bulkhead.its" | head -n 1)
expect_ok "FIT" "$mkfit" "$tmp/pkg" "$tmp/fit" "$arch" "$fit_addr"
expect_ok "FIT made" test -s "$tmp/fit/bulkhead.itb"
expect_fail "FIT under the hypervisor" \
	"$(printf 'hypervisor at 0x%x-0x%x overlaps the FIT' "$hv_load" $((hv_load + 9)))" \
	"$mkfit" "$tmp/pkg" "$tmp/fit2" "$arch" "$fit_over_hv"
expect_fail "FIT under the config" "$(printf 'config at 0x%x-' "$pack_base")" \
	"$mkfit" "$tmp/pkg" "$tmp/fit3" "$arch" "$fit_over_config"
expect_ok "refused FIT removed" test ! -e "$tmp/fit3/bulkhead.itb"
expect_fail "FIT for another architecture" "images for another architecture" \
	"$mkfit" "$tmp/pkg" "$tmp/fit4" "not-$arch"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
