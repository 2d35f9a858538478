// SPDX-License-Identifier: MIT
/* Host tests of the console multiplexer: whole prefixed lines only. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <bulkhead/console.h>

static char out[4096];
static size_t out_len;

void uart_write(const char *s, size_t len)
{
	memcpy(out + out_len, s, len);
	out_len += len;
	out[out_len] = '\0';
}

void port_system_off(void)
{
	fail_msg("power off");
	for (;;)
		;
}

static int reset(void **state)
{
	(void)state;
	out_len = 0;
	out[0] = '\0';
	return 0;
}

static void test_partial_lines_wait_for_newline(void **state)
{
	struct console_line line = { .len = 0 };

	(void)state;
	console_guest_write(&line, "alpha", "hel", 3);
	assert_string_equal(out, "");
	console_guest_write(&line, "alpha", "lo\nwor", 6);
	assert_string_equal(out, "[alpha] hello\n");
	console_guest_write(&line, "alpha", "ld\r\n", 4);
	assert_string_equal(out, "[alpha] hello\n[alpha] world\n");
}

static void test_interleaved_partitions_stay_whole(void **state)
{
	struct console_line a = { .len = 0 }, b = { .len = 0 };

	(void)state;
	console_guest_write(&a, "alpha", "one ", 4);
	console_guest_write(&b, "beta", "two ", 4);
	console_guest_write(&a, "alpha", "done\n", 5);
	console_guest_write(&b, "beta", "done\n", 5);
	assert_string_equal(out, "[alpha] one done\n[beta] two done\n");
}

static void test_long_line_is_split_and_flush(void **state)
{
	struct console_line line = { .len = 0 };
	char text[CONSOLE_LINE_MAX + 3];

	(void)state;
	memset(text, 'x', sizeof(text));
	console_guest_write(&line, "p", text, sizeof(text));
	assert_int_equal(out_len, 4 + CONSOLE_LINE_MAX + 1);
	assert_int_equal(line.len, 3);
	console_guest_flush(&line, "p");
	assert_string_equal(out + 4 + CONSOLE_LINE_MAX + 1, "[p] xxx\n");
	assert_int_equal(line.len, 0);
}

static void test_control_characters_are_neutralised(void **state)
{
	struct console_line line = { .len = 0 };

	(void)state;
	console_guest_write(&line, "evil", "\033[2Jhi\tthere\n", 14);
	assert_string_equal(out, "[evil] ?[2Jhi\tthere\n");
}

static void test_hypervisor_messages(void **state)
{
	(void)state;
	hv_printf("%s: %u restarts", "hostile", 7u);
	hv_printf("two\nlines\n");
	assert_string_equal(out, "[bulkhead] hostile: 7 restarts\n[bulkhead] two\n[bulkhead] lines\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_partial_lines_wait_for_newline, reset),
		cmocka_unit_test_setup(test_interleaved_partitions_stay_whole, reset),
		cmocka_unit_test_setup(test_long_line_is_split_and_flush, reset),
		cmocka_unit_test_setup(test_control_characters_are_neutralised, reset),
		cmocka_unit_test_setup(test_hypervisor_messages, reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
