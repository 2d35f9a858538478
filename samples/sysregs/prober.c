// SPDX-License-Identifier: MIT
/*
 * sysregs, the prober image, run by two partitions:
 *
 * "nopmu" (bootargs "mode=nopmu", pmu = "none") touches the debug
 * registers (debug.c), the PMU and the implementation-defined c9
 * (pmu.c), and shuts down.
 *
 * "owned" (bootargs "mode=owned", pmu = "owned") programs its PMU, resets
 * itself, checks that the PMU came back in its reset state and shuts down.
 *
 * A register that is not contained prints a line that differs from the
 * one tests/qemu/sysregs.expect wants, or the access faults.
 */
#include <stdio.h>
#include <stdlib.h>

#include "guest.h"
#include "prober.h"

int main(void)
{
	if (bootarg_is("mode", "nopmu")) {
		test_debug();
		test_pmu_none();
		test_impdef();
	} else if (bootarg_is("mode", "owned")) {
		test_pmu_owned();
	} else {
		printf("%s: bootargs \"%s\" lack mode=nopmu|owned\n", guest.name, guest.bootargs);
		return EXIT_FAILURE;
	}
	printf("%s: done\n", guest.name);
	return EXIT_SUCCESS;
}
