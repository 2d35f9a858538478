// SPDX-License-Identifier: MIT
/* Host tests of the console multiplexer: whole prefixed lines only, and
 * hv_panic()'s two lines and failure status. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <bulkhead/console.h>
#include <bulkhead/port.h>

static char out[4096];
static size_t out_len;
/* A test that expects a power-off sets this; the stub jumps back there. */
static jmp_buf *powered_off;
static enum system_status off_status;
/* Text that makes the UART "fault": a panic with the console lock held. */
static const char *panic_on;

void uart_write(const char *s, size_t len)
{
	memcpy(out + out_len, s, len);
	out_len += len;
	out[out_len] = '\0';
	if (panic_on && len == strlen(panic_on) && !memcmp(s, panic_on, len)) {
		panic_on = NULL;
		hv_panic("uart fault");
	}
}

void port_system_off(enum system_status status)
{
	if (!powered_off)
		fail_msg("power off");
	off_status = status;
	longjmp(*powered_off, 1);
}

static int reset(void **state)
{
	(void)state;
	powered_off = NULL;
	panic_on = NULL;
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

static void test_panic_prints_reason_then_powers_off_failed(void **state)
{
	jmp_buf env;

	(void)state;
	powered_off = &env;
	if (!setjmp(env))
		hv_panic("config: partition %s wants CPU %u", "beta", 1u);
	assert_int_equal(off_status, SYSTEM_FAILED);
	assert_string_equal(out, "[bulkhead] config: partition beta wants CPU 1\n"
			    "[bulkhead] panic: powering off\n");
}

/*
 * A panic on a CPU inside the console must not wait for its own lock.
 * The lock stays taken after the jump out: this test runs last.
 */
static void test_panic_with_console_lock_held(void **state)
{
	jmp_buf env;

	(void)state;
	powered_off = &env;
	panic_on = "doomed";
	if (!setjmp(env))
		hv_printf("doomed");
	assert_int_equal(off_status, SYSTEM_FAILED);
	assert_string_equal(out, "[bulkhead] doomed[bulkhead] uart fault\n"
			    "[bulkhead] panic: powering off\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_partial_lines_wait_for_newline, reset),
		cmocka_unit_test_setup(test_interleaved_partitions_stay_whole, reset),
		cmocka_unit_test_setup(test_long_line_is_split_and_flush, reset),
		cmocka_unit_test_setup(test_control_characters_are_neutralised, reset),
		cmocka_unit_test_setup(test_hypervisor_messages, reset),
		cmocka_unit_test_setup(test_panic_prints_reason_then_powers_off_failed, reset),
		cmocka_unit_test_setup(test_panic_with_console_lock_held, reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
