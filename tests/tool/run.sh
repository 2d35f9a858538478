#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Tests for the host tool: tests/tool/run.sh path/to/bulkhead
#
# bad/*.dts must be rejected: exit status 1 and an error line containing
# the text after "// expect: " on the file's first line. good/*.dts must
# pass. Then `bulkhead pack` is run on a good config and its layout checked.
# The last line printed is "N passed, N failed".

bulkhead=${1:?usage: $0 path/to/bulkhead}
here=$(cd "$(dirname "$0")" && pwd)
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

check() {
	"$bulkhead" check -I "$here" -L "$here/images" "$@"
}

for dts in "$here"/bad/*.dts; do
	expect=$(sed -n '1s|^// expect: ||p' "$dts")
	if [ -z "$expect" ]; then
		fail "$dts" "first line is not // expect: ..."
		continue
	fi
	expect_fail "$dts" "$expect" check "$dts"
done

for dts in "$here"/good/*.dts; do
	expect_ok "$dts" check "$dts"
done

# Packing: config at the base, each image on the next 64 KiB boundary.
good=$here/good/two-partitions.dts
printf 'hypervisor' >"$tmp/hv.bin"
expect_ok "pack" "$bulkhead" pack -I "$here" -L "$here/images" \
	--base 0x48000000 --out "$tmp/pkg" \
	--hv "$tmp/hv.bin" --hv-load 0x40200000 "$good"
printf 'config 0x48000000\nhello 0x48010000\nworld 0x48020000\n' >"$tmp/want"
if awk '{ print $1, $2 }' "$tmp/pkg/images.txt" 2>/dev/null | cmp -s - "$tmp/want"; then
	pass
else
	fail "pack layout" "images.txt: $(cat "$tmp/pkg/images.txt" 2>&1)"
fi
expect_ok "packed config" "$bulkhead" check -L "$here/images" "$tmp/pkg/config.dtb"
expect_ok "FIT source" grep -q 'loadables = "config", "image-hello", "image-world";' \
	"$tmp/pkg/bulkhead.its"
expect_fail "pack outside reserved" "is not inside a reserved range" \
	"$bulkhead" pack -I "$here" -L "$here/images" --base 0x4a000000 \
	--out "$tmp/pkg2" "$good"
expect_fail "hypervisor on package" "overlaps the package" \
	"$bulkhead" pack -I "$here" -L "$here/images" --base 0x48000000 \
	--out "$tmp/pkg3" --hv "$tmp/hv.bin" --hv-load 0x48010000 "$good"

# The FIT (scripts/mkfit.sh): built where none of its images lands on it,
# refused where the hypervisor (0x40200000) or the config (0x48000000)
# would be copied over it, and for another architecture.
mkfit=$here/../../scripts/mkfit.sh
arch=$(sed -n 's/.*arch = "\(.*\)";/\1/p' "$tmp/pkg/bulkhead.its" | head -n 1)
expect_ok "FIT" "$mkfit" "$tmp/pkg" "$tmp/fit" "$arch" 0x44000000
expect_ok "FIT made" test -s "$tmp/fit/bulkhead.itb"
expect_fail "FIT under the hypervisor" "hypervisor at 0x40200000-0x40200009 overlaps the FIT" \
	"$mkfit" "$tmp/pkg" "$tmp/fit2" "$arch" 0x40200008
expect_fail "FIT under the config" "config at 0x48000000-" \
	"$mkfit" "$tmp/pkg" "$tmp/fit3" "$arch" 0x47ffff00
expect_ok "refused FIT removed" test ! -e "$tmp/fit3/bulkhead.itb"
expect_fail "FIT for another architecture" "images for another architecture" \
	"$mkfit" "$tmp/pkg" "$tmp/fit4" "not-$arch"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
