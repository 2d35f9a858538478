// SPDX-License-Identifier: MIT
/*
 * Unit tests of the fault policy (core/lifecycle.c) when several vCPUs of
 * a partition fault at once. The race is made deterministic: the stub of
 * hv_printf() lets a second vCPU's fault arrive exactly while the first
 * one's restart is being reported, between its decision and the reboot.
 * One reboot must count one restart, and none may happen past the limit.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>
#include <bulkhead/config.h>
#include <bulkhead/console.h>
#include <bulkhead/partition.h>
#include <bulkhead/physmem.h>
#include <bulkhead/port.h>

struct partition partitions[MAX_PARTITIONS];
unsigned int npartitions;

static struct cfg_partition cfg = {
	.name = "storm",
	.policy = FAULT_RESTART,
	.max_restarts = 3,
	.mem = { { .guest_base = 0x40000000, .size = 16 << 20 } },
	.nmem = 1,
};
static struct partition *const part = &partitions[0];

static char log_text[4096];
static unsigned int restart_lines, halt_lines;
/* Faults of other vCPUs still to arrive during the next policy message. */
static unsigned int concurrent_faults;
static jmp_buf *powered_off;

void hv_printf(const char *fmt, ...)
{
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	strncat(log_text, line, sizeof(log_text) - strlen(log_text) - 2);
	strcat(log_text, "\n");
	if (strstr(line, "fault policy restart: restart "))
		restart_lines++;
	if (strstr(line, "no restarts left"))
		halt_lines++;
	for (; strstr(line, "fault policy") && concurrent_faults; concurrent_faults--)
		partition_fault_policy(part);
}

void port_system_off(enum system_status status)
{
	assert_int_equal(status, SYSTEM_STOPPED);
	assert_non_null(powered_off);
	longjmp(*powered_off, 1);
}

unsigned int port_cpu_index(void) { return 0; }
void port_cpu_kick(unsigned int cpu) { (void)cpu; }
void port_guest_memory_written(paddr_t pa, uint64_t len) { (void)pa; (void)len; }
/* No boot data of the port above the device tree: as on ARM and Book E */
const struct port_limits port_limits;
void console_guest_flush(struct console_line *line, const char *name) { (void)line; (void)name; }
void phys_fill(paddr_t pa, int c, uint64_t len) { (void)pa; (void)c; (void)len; }
void phys_copy(paddr_t dst, paddr_t src, uint64_t len) { (void)dst; (void)src; (void)len; }
void phys_write(paddr_t pa, const void *src, size_t len) { (void)pa; (void)src; (void)len; }
int guest_fdt_build(struct partition *p, void *buf, size_t size) { (void)p; (void)buf; (void)size; return 0; }

int guest_ram_translate(struct partition *p, gpaddr_t gpa, uint64_t len, paddr_t *pa)
{
	(void)p;
	(void)len;
	*pa = gpa;
	return 0;
}

/* Each boot resets the device models on both of the partition's buses */
static unsigned int mmio_resets, pio_resets;
void io_bus_reset(struct io_bus *bus)
{
	mmio_resets += bus == &part->mmio;
	pio_resets += bus == &part->pio;
}

static int setup(void **state)
{
	(void)state;
	memset(partitions, 0, sizeof(partitions));
	npartitions = 1;
	part->name = cfg.name;
	part->cfg = &cfg;
	part->nvcpus = 3;
	for (unsigned int i = 0; i < part->nvcpus; i++)
		part->vcpu[i] = (struct vcpu){ .part = part, .index = i, .cpu = i };
	part->region[0] = (struct guest_region){
		.gpa = 0x40000000, .pa = 0x4a000000, .size = 16 << 20, .flags = GUEST_RAM,
	};
	part->nregions = 1;
	part->state = PART_RUNNING;
	log_text[0] = '\0';
	restart_lines = halt_lines = concurrent_faults = 0;
	mmio_resets = pio_resets = 0;
	powered_off = NULL;
	return 0;
}

/* All three vCPUs fault at once, boot after boot, until the policy halts it */
static void test_concurrent_faults_count_one_restart_each(void **state)
{
	jmp_buf env;

	(void)state;
	for (unsigned int boot = 1; boot <= 3; boot++) {
		concurrent_faults = 2;
		partition_fault_policy(part);
		assert_int_equal(part->restarts, boot);
		assert_int_equal(part->boot_count, boot);
		assert_int_equal(restart_lines, boot);
		assert_int_equal(part->state, PART_RUNNING);
		assert_int_equal(mmio_resets, boot);
		assert_int_equal(pio_resets, boot);
	}
	powered_off = &env;
	concurrent_faults = 2;
	if (!setjmp(env))
		partition_fault_policy(part);
	assert_int_equal(part->state, PART_HALTED);
	assert_int_equal(part->restarts, 3);
	assert_int_equal(part->boot_count, 3);
	assert_int_equal(restart_lines, 3);
	assert_int_equal(halt_lines, 1);
	assert_null(strstr(log_text, "restart 4"));
}

/* A fault while the partition is already stopping changes nothing */
static void test_fault_of_a_stopped_partition_is_ignored(void **state)
{
	(void)state;
	part->state = PART_BOOTING;
	partition_fault_policy(part);
	assert_int_equal(part->restarts, 0);
	assert_int_equal(part->boot_count, 0);
	assert_string_equal(log_text, "");
}

/*
 * Two partitions stop on two CPUs: the machine powers off only after the
 * last one's "partition off" line, even when the other CPU sees its state
 * change first.
 */
static void test_power_off_waits_for_every_stop_line(void **state)
{
	struct partition *other = &partitions[1];
	jmp_buf env;

	(void)state;
	npartitions = 2;
	*other = *part;
	other->name = "other";
	other->state = PART_OFF;	/* its CPU is between the change and the line */
	partition_stop(part, PART_OFF);
	assert_non_null(strstr(log_text, "storm: partition off"));
	assert_null(strstr(log_text, "powering off"));
	other->state = PART_RUNNING;
	powered_off = &env;
	if (!setjmp(env))
		partition_stop(other, PART_OFF);
	assert_non_null(strstr(log_text, "other: partition off\nall partitions stopped: powering off"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		/* First: the machine powers off once per run (lifecycle.c) */
		cmocka_unit_test_setup(test_power_off_waits_for_every_stop_line, setup),
		cmocka_unit_test_setup(test_concurrent_faults_count_one_restart_each, setup),
		cmocka_unit_test_setup(test_fault_of_a_stopped_partition_is_ignored, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
