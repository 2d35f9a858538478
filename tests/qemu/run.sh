#!/bin/bash
# Boot one sample on QEMU and check its console output.
#
#   tests/qemu/run.sh BOARD SAMPLE kernel|uboot BUILDDIR
#
# Boots with scripts/qemu-boot.sh under a timeout, saves the console (with
# \r removed) to BUILDDIR/tests/SAMPLE-PATH.log and passes when QEMU exits
# with the expected status (0 unless @exit says otherwise) and the log
# satisfies tests/qemu/SAMPLE.expect. Where a sample's output differs
# between ports, tests/qemu/SAMPLE.PORT.expect, if there is one, is used
# instead (PORT: CONFIG_PORT of bsp/BOARD/defconfig); it serves all of the
# port's boards, whose differences its patterns must allow. After a
# non-zero status the log ends with the line `make run` prints then, from
# scripts/run-failure.sh ("bulkhead: run failed: REASON"), which the
# .expect can check like any.
#
#   text           a log line must equal it exactly
#   [name] text    the same, and the lines that start with the same
#                  "[name] " must appear in the order given (partitions run
#                  concurrently, so only the order within one is meaningful;
#                  "[bulkhead] name: " lines count as their own group)
#   ~pattern       a log line must match; '*' matches any characters,
#                  everything else is literal; ordered like plain lines
#                  when the pattern starts with "[name] "
#   !pattern       no log line may match (same pattern syntax)
#   @timeout N     allow N seconds instead of 120
#   @exit N        QEMU must exit with status N (default 0; the hypervisor
#                  makes it 1 when it fails: a panic, a refused config, a
#                  partition's poweroff fault policy)
#   # ...          comment; blank lines are ignored
#
# If tests/qemu/SAMPLE.check is executable it is then run as
# `SAMPLE.check LOG BUILDDIR` for checks computed at test time; it must exit 0.
# Prints one line, "PASS ..." or "FAIL ...", then any details indented;
# exits 0 on pass and 1 on failure.
set -uo pipefail

if [ $# -ne 4 ]; then
	echo "usage: tests/qemu/run.sh BOARD SAMPLE kernel|uboot BUILDDIR" >&2
	exit 2
fi
board=$1 sample=$2 path=$3 build=$4
srctree=$(cd "$(dirname "$0")/../.." && pwd)
port=$(sed -n 's/^CONFIG_PORT="\{0,1\}\([^"]*\)"\{0,1\}[[:space:]]*$/\1/p' \
	"$srctree/bsp/$board/defconfig" 2>/dev/null | tail -n 1)
expect=$srctree/tests/qemu/$sample.expect
[ -n "$port" ] && [ -f "$srctree/tests/qemu/$sample.$port.expect" ] &&
	expect=$srctree/tests/qemu/$sample.$port.expect
hook=$srctree/tests/qemu/$sample.check
log=$build/tests/$sample-$path.log
name="qemu $sample/$path"

fail() {
	echo "FAIL  $name: $1  (log: $log)"
	[ -z "${2:-}" ] || printf '%s\n' "$2" | head -n 8 | sed 's/^/      /'
	exit 1
}

[ -f "$expect" ] || fail "no tests/qemu/$sample.expect"
expect_name=tests/qemu/$(basename "$expect")
limit=$(sed -n 's/^@timeout[[:space:]]\{1,\}\([0-9]\{1,\}\)[[:space:]]*$/\1/p' "$expect" | tail -n 1)
limit=${limit:-120}
want_rc=$(sed -n 's/^@exit[[:space:]]\{1,\}\([0-9]\{1,\}\)[[:space:]]*$/\1/p' "$expect" | tail -n 1)
want_rc=${want_rc:-0}

mkdir -p "$build/tests"
start=$SECONDS
timeout -k 10 "$limit" "$srctree/scripts/qemu-boot.sh" "$board" "$build" "$sample" "$path" \
	</dev/null >"$log.raw" 2>&1
rc=$?
secs=$((SECONDS - start))
tr -d '\r' <"$log.raw" >"$log"
rm -f "$log.raw"
if [ $rc -ne 0 ] && [ $rc -ne 124 ] && [ $rc -ne 137 ]; then
	"$srctree/scripts/run-failure.sh" "$log" "$rc" >>"$log"
fi
name="$name (${secs} s)"

# Prints one line per problem: a missing or misordered line, a forbidden one.
problems=$(awk '
# "[name] ", or "[bulkhead] name: " for hypervisor lines about one partition
function prefix(s,   i, j) {
	if (substr(s, 1, 1) != "[")
		return ""
	i = index(s, "] ")
	if (!i)
		return ""
	if (substr(s, 1, i + 1) == "[bulkhead] " &&
	    match(substr(s, i + 2), /^[A-Za-z0-9_.-]+: /))
		return substr(s, 1, i + 1 + RLENGTH)
	return substr(s, 1, i + 1)
}
function globmatch(pat, s,   n, part, i, k, rest, last) {
	n = split(pat, part, "*")
	if (n == 1)
		return pat == s
	if (substr(s, 1, length(part[1])) != part[1])
		return 0
	rest = substr(s, length(part[1]) + 1)
	for (i = 2; i < n; i++) {
		k = index(rest, part[i])
		if (part[i] != "" && !k)
			return 0
		if (part[i] != "")
			rest = substr(rest, k + length(part[i]))
	}
	last = part[n]
	return length(rest) >= length(last) &&
		substr(rest, length(rest) - length(last) + 1) == last
}
FNR == NR {
	if ($0 ~ /^[ \t]*$/ || $0 ~ /^[#@]/)
		next
	if (substr($0, 1, 1) == "!") {
		forbid[++nforbid] = substr($0, 2)
		next
	}
	line = $0
	glob = substr(line, 1, 1) == "~"
	if (glob)
		line = substr(line, 2)
	p = prefix(line)
	if (!(p in nwant))
		group[++ngroups] = p
	want[p, ++nwant[p]] = line
	isglob[p, nwant[p]] = glob
	next
}
function matches(p, n, s) {
	return isglob[p, n] ? globmatch(want[p, n], s) : want[p, n] == s
}
{
	gsub(/\r/, "")
	seen[$0] = 1
	for (q in nwant)
		for (n = 1; n <= nwant[q]; n++)
			if (!((q, n) in found) && matches(q, n, $0))
				found[q, n] = 1
	p = prefix($0)
	if ((p in nwant) && done[p] < nwant[p] && matches(p, done[p] + 1, $0))
		done[p]++
	if (p != "" && ("" in nwant) && done[""] < nwant[""] && matches("", done[""] + 1, $0))
		done[""]++
	for (i = 1; i <= nforbid; i++)
		if (!(i in hit) && globmatch(forbid[i], $0))
			hit[i] = $0
}
END {
	for (g = 1; g <= ngroups; g++) {
		p = group[g]
		for (n = 1; n <= nwant[p]; n++)
			if (!((p, n) in found))
				print "missing: " (isglob[p, n] ? "~" : "") want[p, n]
		if (done[p] < nwant[p] && ((p, done[p] + 1) in found))
			print "out of order: " want[p, done[p] + 1]
	}
	for (i = 1; i <= nforbid; i++)
		if (i in hit)
			print "forbidden (!" forbid[i] "): " hit[i]
}' "$expect" "$log")

if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
	fail "no power-off within $limit s" "$problems"
fi
if [ $rc -ne "$want_rc" ]; then
	fail "QEMU exited with status $rc, not $want_rc" "$(tail -n 3 "$log")
$problems"
fi
[ -z "$problems" ] || fail "output does not match $expect_name" "$problems"

if [ -x "$hook" ]; then
	out=$("$hook" "$log" "$build" 2>&1) || fail "tests/qemu/$sample.check failed" "$out"
fi
echo "PASS  $name"
