// SPDX-License-Identifier: MIT
/*
 * high-ipa: what the abort handlers saw is recorded as for unmapped-abort,
 * whose probes.S this guest uses (probes.S here).
 */
#include "../unmapped-abort/abort_record.c"
