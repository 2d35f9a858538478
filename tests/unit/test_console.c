// SPDX-License-Identifier: MIT
/* Host tests of the console multiplexer: whole prefixed lines only, the
 * policy for the bytes a guest may show, and hv_panic()'s two lines and
 * failure status. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
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

/* Write @s to a fresh line of partition "g" one byte at a time, then flush. */
static const char *shown(const char *s, size_t len)
{
	struct console_line line = { .len = 0 };

	reset(NULL);
	for (size_t i = 0; i < len; i++)
		console_guest_write(&line, "g", s + i, 1);
	console_guest_flush(&line, "g");
	return out;
}

#define SHOWN(lit)	shown(lit, sizeof(lit) - 1)

static void test_printable_ascii_and_tab_pass(void **state)
{
	char text[0x7f - ' ' + 3];
	size_t n = 0;

	(void)state;
	for (int c = ' '; c < 0x7f; c++)
		text[n++] = (char)c;
	text[n++] = '\t';
	assert_memory_equal(shown(text, n), "[g] ", 4);
	text[n++] = '\n';
	assert_memory_equal(out + 4, text, n);
	assert_int_equal(out_len, 4 + n);
}

/* Every C0 control but tab, CR and LF, DEL, and every byte 0x80-0xff alone. */
static void test_control_and_stray_bytes_are_escaped(void **state)
{
	char want[32];

	(void)state;
	for (int c = 0; c < 0x100; c++) {
		char byte[2] = { (char)c, 'a' };

		if ((c >= ' ' && c < 0x7f) || c == '\t' || c == '\n' || c == '\r')
			continue;
		snprintf(want, sizeof(want), "[g] \\x%02xa\n", c);
		assert_string_equal(shown(byte, 2), want);
	}
}

static void test_valid_utf8_passes(void **state)
{
	(void)state;
	assert_string_equal(SHOWN("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xc2\xa0|"),
			    "[g] caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xc2\xa0|\n");
}

/* C1 controls, separators and bidi formatting, overlong, surrogate, > U+10FFFF */
static void test_utf8_that_controls_or_is_malformed_is_escaped(void **state)
{
	(void)state;
	assert_string_equal(SHOWN("\xc2\x85\xc2\x9b" "2J"), "[g] \\xc2\\x85\\xc2\\x9b2J\n");
	assert_string_equal(SHOWN("\xe2\x80\xae" "x\xe2\x80\xa8" "y\xe2\x81\xa6"),
			    "[g] \\xe2\\x80\\xaex\\xe2\\x80\\xa8y\\xe2\\x81\\xa6\n");
	assert_string_equal(SHOWN("\xd8\x9c\xe2\x80\x8f"), "[g] \\xd8\\x9c\\xe2\\x80\\x8f\n");
	assert_string_equal(SHOWN("\xe0\x80\xaf|\xf0\x80\x80\xaf"),
			    "[g] \\xe0\\x80\\xaf|\\xf0\\x80\\x80\\xaf\n");
	assert_string_equal(SHOWN("\xed\xa0\x80|\xf4\x90\x80\x80"),
			    "[g] \\xed\\xa0\\x80|\\xf4\\x90\\x80\\x80\n");
}

/* A sequence cut short by an ASCII byte, a new lead byte, a line end or a flush */
static void test_incomplete_utf8_is_escaped(void **state)
{
	(void)state;
	assert_string_equal(SHOWN("\xe2\x82" "A\xe2\xc3\xa9"), "[g] \\xe2\\x82A\\xe2\xc3\xa9\n");
	assert_string_equal(SHOWN("\xf0\x9f\n"), "[g] \\xf0\\x9f\n");
	assert_string_equal(SHOWN("ok \xe2\x82"), "[g] ok \\xe2\\x82\n");
}

/* CR ends a line: it cannot take the cursor back over the prefix */
static void test_carriage_return_ends_a_line(void **state)
{
	(void)state;
	assert_string_equal(SHOWN("x\r[bulkhead] forged\n"), "[g] x\n[g] [bulkhead] forged\n");
	assert_string_equal(SHOWN("a\r\nb\n\rc\r\r\nd\r\n\r\ne\n\nf"),
			    "[g] a\n[g] b\n[g] c\n[g] d\n[g] \n[g] e\n[g] \n[g] f\n");
	assert_string_equal(SHOWN("\033[1A\033[2K\r[bulkhead] forged\n"),
			    "[g] \\x1b[1A\\x1b[2K\n[g] [bulkhead] forged\n");
}

/* A full line is written before an escape or a character that would not fit */
static void test_line_splits_keep_escapes_and_characters_whole(void **state)
{
	char text[CONSOLE_LINE_MAX + 8];
	const char *second;

	(void)state;
	memset(text, 'x', CONSOLE_LINE_MAX - 2);
	memcpy(text + CONSOLE_LINE_MAX - 2, "\x9b\xe2\x82\xac", 4);
	second = shown(text, CONSOLE_LINE_MAX + 2) + 4 + CONSOLE_LINE_MAX - 2 + 1;
	assert_string_equal(second, "[g] \\x9b\xe2\x82\xac\n");
	memcpy(text + CONSOLE_LINE_MAX - 2, "y\xe2\x82\xac", 4);
	second = shown(text, CONSOLE_LINE_MAX + 2) + 4 + CONSOLE_LINE_MAX - 1 + 1;
	assert_string_equal(second, "[g] \xe2\x82\xac\n");
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
		cmocka_unit_test_setup(test_printable_ascii_and_tab_pass, reset),
		cmocka_unit_test_setup(test_control_and_stray_bytes_are_escaped, reset),
		cmocka_unit_test_setup(test_valid_utf8_passes, reset),
		cmocka_unit_test_setup(test_utf8_that_controls_or_is_malformed_is_escaped, reset),
		cmocka_unit_test_setup(test_incomplete_utf8_is_escaped, reset),
		cmocka_unit_test_setup(test_carriage_return_ends_a_line, reset),
		cmocka_unit_test_setup(test_line_splits_keep_escapes_and_characters_whole, reset),
		cmocka_unit_test_setup(test_hypervisor_messages, reset),
		cmocka_unit_test_setup(test_panic_prints_reason_then_powers_off_failed, reset),
		cmocka_unit_test_setup(test_panic_with_console_lock_held, reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
