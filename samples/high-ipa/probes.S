/* SPDX-License-Identifier: MIT */
/*
 * high-ipa: the probing loads, stores and fetch and the abort vectors are
 * unmapped-abort's (samples/unmapped-abort/probes.S), assembled again for
 * this guest; abort_record.c provides what they call.
 */
#include "../unmapped-abort/probes.S"
