#!/bin/bash
# Say why a boot failed, from its console log: the line `make run` prints
# when QEMU exits with a non-zero status (tests/qemu/run.sh appends it to
# its logs too, so .expect files can check it).
#
#   run-failure.sh LOG STATUS
#
# Prints "bulkhead: run failed: REASON". REASON is the hypervisor's panic
# message (the line before "[bulkhead] panic: powering off"), else the
# fault-policy line of a partition whose policy powered the machine off,
# else "QEMU exited with status STATUS" (QEMU's own error, or a failure
# reported without a line).
set -euo pipefail

if [ $# -ne 2 ]; then
	echo "usage: run-failure.sh LOG STATUS" >&2
	exit 2
fi
log=$1 status=$2

reason=$(tr -d '\r' <"$log" | awk '
	/^\[bulkhead\] panic: powering off$/ && prev != "" { panic = prev }
	/^\[bulkhead\] [^ ]+: fault policy poweroff: / { policy = $0 }
	{ prev = $0 }
	END { print (panic != "" ? panic : policy) }' | sed 's/^\[bulkhead\] //')
echo "bulkhead: run failed: ${reason:-QEMU exited with status $status}"
