// SPDX-License-Identifier: MIT
/*
 * isolation, the hostile image, run by two partitions:
 *
 * "hostile" (fault-policy restart, max-restarts one less than there are
 * attempts) makes one illegal access per boot, chosen by its restart
 * count, so each boot tries another way out of the partition: the port's
 * table in attacks-$(PORT).c. Each must fault; the hypervisor restarts the
 * partition and halts it after the last fault. An attempt that returns
 * was not contained.
 *
 * "quitter" (bootargs "mode=poweroff") tries to forge console lines
 * (forgery.c), then tries to switch the machine off the port's way
 * (power_off() in attacks-$(PORT).c), which must stop only its own
 * partition.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "forgery.h"
#include "guest.h"
#include "isolation.h"

int main(void)
{
	uint32_t r = guest.restarts;

	if (bootarg_is("mode", "poweroff")) {
		console_forgery();
		return power_off();
	}
	if (r >= nr_attempts) {
		printf("%s: attempt %" PRIu32 ": none left\n", guest.name, r);
		return EXIT_FAILURE;
	}
	printf("%s: attempt %" PRIu32 ": %s\n", guest.name, r, attempts[r].what);
	attempts[r].run();
	printf("%s: attempt %" PRIu32 " NOT contained\n", guest.name, r);
	return EXIT_FAILURE;
}
