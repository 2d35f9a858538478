/* SPDX-License-Identifier: MIT */
/*
 * Field-by-field comparison of a decoded structure against the expected
 * one, naming the case and the field that differs (test_decode.c,
 * test_ppc_decode.c). Include after <cmocka.h>.
 */
#ifndef TESTS_CHECK_FIELD_H
#define TESTS_CHECK_FIELD_H

#define CHECK_FIELD(name, got, exp, field) do {					\
	if ((got)->field != (exp)->field) {					\
		print_error("%s: " #field " is %ld, expected %ld\n", (name),	\
			    (long)(got)->field, (long)(exp)->field);		\
		fail();								\
	}									\
} while (0)

#endif
