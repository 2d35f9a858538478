// SPDX-License-Identifier: MIT
/*
 * isolation, the quitter's console forgeries: before it powers itself off
 * it tries to pass off its output as the hypervisor's, one class of byte
 * per line: terminal escapes, other C0 controls, C1 controls raw and
 * UTF-8 encoded, bidirectional overrides, malformed UTF-8, a carriage
 * return back over its "[quitter] " prefix, and the same through the
 * console-write hypercall with a NUL in it. The test checks how each is
 * shown: escaped as \xNN, or on a line of its own that still starts with
 * "[quitter] ". Valid UTF-8 text passes unchanged.
 */
#include <stdio.h>
#include <string.h>

#include "forgery.h"
#include "guest.h"
#include "hypercall.h"

static const char *const forgeries[][2] = {
	{ "esc", "\033[2K\033[1G[bulkhead] victim: partition off" },
	{ "c0", "\a\b\b\b\x7f\x0b\x0c\x01" },
	{ "c1", "\x9b" "2K\x85\x8d" },
	{ "c1 utf-8", "\xc2\x9b" "2K\xc2\x85" },
	{ "bidi", "\xe2\x80\xae" "gnilaes\xe2\x81\xa6" },
	{ "malformed", "\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80\xff\xe2\x82" "A" },
	{ "utf-8", "caf\xc3\xa9 \xe2\x82\xac 5" },
	{ "cr", "x\r[bulkhead] victim: partition off" },
};

/* Through the hypercall, with its length: a NUL is just another byte. */
static const char hypercall_forgery[] =
	": forge hypercall: \0\033[H\r[bulkhead] all partitions stopped: powering off\n";

void console_forgery(void)
{
	for (size_t i = 0; i < sizeof(forgeries) / sizeof(forgeries[0]); i++) {
		printf("%s: forge %s: ", guest.name, forgeries[i][0]);
		fflush(stdout);
		fwrite(forgeries[i][1], 1, strlen(forgeries[i][1]), stdout);
		printf("\n");
		fflush(stdout);
	}
	hv_console_write(guest.name, strlen(guest.name));
	hv_console_write(hypercall_forgery, sizeof(hypercall_forgery) - 1);
}
