#!/bin/bash
# `make check` without BOARD=: every board's tests, one board after the
# other (make BOARD=b check-board), then the sum.
#
#   tests/check-boards.sh BOARD...
#
# Each board prints its own lines and its own "N passed, N failed"; this
# adds them up into the last line, "N passed, N failed", and fails when
# any board failed or printed no such line. Options given to the make
# that runs this (CACHE=...) reach the sub-makes through MAKEFLAGS; each
# board builds in its own build/<board> (the top Makefile exports O, so it
# is given again here).
set -uo pipefail

srctree=$(cd "$(dirname "$0")/.." && pwd)
passed=0 failed=0 status=0

for board in "$@"; do
	echo "== $board"
	log=$(mktemp)
	make -C "$srctree" BOARD="$board" O="$srctree/build/$board" check-board 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	last=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
	rm -f "$log"
	if [ -z "$last" ]; then
		echo "FAIL  board $board: no \"N passed, N failed\" line (make exit status $rc)"
		failed=$((failed + 1))
		status=1
		continue
	fi
	passed=$((passed + ${last%% passed*}))
	f=${last#*passed, }
	failed=$((failed + ${f%% failed}))
	[ "$rc" -eq 0 ] || status=1
done
echo "$passed passed, $failed failed"
exit $status
