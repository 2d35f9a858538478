// SPDX-License-Identifier: MIT
/* Host tests of the device tree a partition boots with. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <libfdt.h>
#include <bulkhead/partition.h>

static uint8_t cfg_blob[4096], guest[GUEST_FDT_SIZE];
static struct cfg_partition cfg;
static struct cfg_shm shm = { .id = 1 };
static struct partition part;

void console_guest_write(struct console_line *line, const char *name, const char *s, size_t len)
{
	(void)line; (void)name; (void)s; (void)len;
}

/* A partition "alpha" on CPUs 2 and 3 with RAM, a console, an RTC and shared memory. */
static int setup(void **state)
{
	const fdt32_t irq[3] = { 0, cpu_to_fdt32(2), cpu_to_fdt32(4) };
	int parts, node, dev;

	(void)state;
	fdt_create_empty_tree(cfg_blob, sizeof(cfg_blob));
	parts = fdt_add_subnode(cfg_blob, 0, "partitions");
	node = fdt_add_subnode(cfg_blob, parts, "alpha");
	fdt_setprop_string(cfg_blob, node, "bootargs", "mode=test");
	dev = fdt_add_subnode(cfg_blob, node, "rtc@9010000");
	fdt_setprop_string(cfg_blob, dev, "compatible", "arm,pl031");
	fdt_setprop(cfg_blob, dev, "interrupts", irq, sizeof(irq));
	node = fdt_add_subnode(cfg_blob, 0, "shared-memory");
	node = fdt_add_subnode(cfg_blob, node, "ring@50000000");
	fdt_setprop(cfg_blob, node, "doorbell", irq, sizeof(irq));
	node = fdt_path_offset(cfg_blob, "/partitions/alpha");

	memset(&cfg, 0, sizeof(cfg));
	memset(&part, 0, sizeof(part));
	strcpy(cfg.name, "alpha");
	cfg.node = node;
	cfg.has_console = true;
	cfg.console_base = 0x09000000;
	cfg.console_size = 0x1000;
	cfg.ndev = 1;
	cfg.dev[0].node = fdt_path_offset(cfg_blob, "/partitions/alpha/rtc@9010000");
	cfg.dev[0].guest_base = 0x09010000;
	cfg.dev[0].size = 0x1000;
	part.name = cfg.name;
	part.id = 3;
	part.cfg = &cfg;
	part.cfg_fdt = cfg_blob;
	part.boot_count = 5;
	part.nvcpus = 2;
	part.vcpu[0].cpu = 2;
	part.vcpu[1].cpu = 3;
	shm.node = fdt_path_offset(cfg_blob, "/shared-memory/ring@50000000");
	part.region[0] = (struct guest_region){ 0x40000000, 0x123400000ull, 0x4000000, REGION_RAM, NULL };
	part.region[1] = (struct guest_region){ 0x50000000, 0x60000000, 0x10000, REGION_SHARED, &shm };
	part.nregions = 2;
	return fdt_check_header(cfg_blob) || guest_fdt_build(&part, guest, sizeof(guest));
}

static void assert_reg(const char *path, uint64_t base, uint64_t size)
{
	int len;
	const fdt64_t *reg = fdt_getprop(guest, fdt_path_offset(guest, path), "reg", &len);

	assert_non_null(reg);
	assert_int_equal(len, 16);
	assert_int_equal(fdt64_to_cpu(reg[0]), base);
	assert_int_equal(fdt64_to_cpu(reg[1]), size);
}

static void test_memory_uses_guest_addresses(void **state)
{
	(void)state;
	/* Guest-physical base and size; the physical 0x1_2340_0000 never shows */
	assert_reg("/memory@40000000", 0x40000000, 0x4000000);
	assert_reg("/shared-memory@50000000", 0x50000000, 0x10000);
	assert_string_equal(fdt_getprop(guest, fdt_path_offset(guest, "/shared-memory@50000000"),
					"compatible", NULL), "bulkhead,shared-memory");
	/* the doorbell: its interrupt in the guest's binding, and its number */
	assert_int_equal(fdt32_ld(fdt_getprop(guest, fdt_path_offset(guest, "/shared-memory@50000000"),
					      "bulkhead,doorbell", NULL)), 1);
	assert_non_null(fdt_getprop(guest, fdt_path_offset(guest, "/shared-memory@50000000"),
				    "interrupts", NULL));
}

static void test_chosen(void **state)
{
	int chosen = fdt_path_offset(guest, "/chosen"), len;
	const fdt32_t *cpus = fdt_getprop(guest, chosen, "bulkhead,host-cpus", &len);

	(void)state;
	assert_string_equal(fdt_getprop(guest, chosen, "stdout-path", NULL), "/pl011@9000000");
	assert_string_equal(fdt_getprop(guest, chosen, "bootargs", NULL), "mode=test");
	assert_string_equal(fdt_getprop(guest, chosen, "bulkhead,partition-name", NULL), "alpha");
	assert_int_equal(fdt32_ld(fdt_getprop(guest, chosen, "bulkhead,partition-id", NULL)), 3);
	assert_int_equal(fdt32_ld(fdt_getprop(guest, chosen, "bulkhead,restart-count", NULL)), 5);
	assert_int_equal(len, 8);
	assert_int_equal(fdt32_to_cpu(cpus[0]), 2);
	assert_int_equal(fdt32_to_cpu(cpus[1]), 3);
}

static void test_uart_for_linux_and_polling(void **state)
{
	int uart = fdt_path_offset(guest, "/pl011@9000000");
	int clk = fdt_path_offset(guest, "/apb-pclk"), len;
	const fdt32_t *clocks = fdt_getprop(guest, uart, "clocks", &len);

	(void)state;
	assert_reg("/pl011@9000000", 0x09000000, 0x1000);
	assert_int_equal(fdt_node_check_compatible(guest, uart, "arm,pl011"), 0);
	assert_int_equal(fdt_node_check_compatible(guest, uart, "arm,primecell"), 0);
	assert_true(clk >= 0);
	assert_int_equal(len, 8);
	assert_int_equal(fdt32_to_cpu(clocks[1]), fdt_get_phandle(guest, clk));
	assert_int_equal(fdt_stringlist_search(guest, uart, "clock-names", "apb_pclk"), 1);
}

static void test_passthrough_device_keeps_config_properties(void **state)
{
	int rtc = fdt_path_offset(guest, "/rtc@9010000"), len;
	const fdt32_t *irq = fdt_getprop(guest, rtc, "interrupts", &len);

	(void)state;
	assert_reg("/rtc@9010000", 0x09010000, 0x1000);
	assert_string_equal(fdt_getprop(guest, rtc, "compatible", NULL), "arm,pl031");
	assert_int_equal(len, 12);
	assert_int_equal(fdt32_to_cpu(irq[1]), 2);
}

static void test_cpus_and_psci(void **state)
{
	int psci = fdt_path_offset(guest, "/psci");

	(void)state;
	assert_int_equal(fdt32_ld(fdt_getprop(guest, fdt_path_offset(guest, "/cpus/cpu@1"), "reg", NULL)), 1);
	assert_string_equal(fdt_getprop(guest, fdt_path_offset(guest, "/cpus/cpu@0"),
					"enable-method", NULL), "psci");
	assert_true(fdt_path_offset(guest, "/cpus/cpu@2") < 0);
	assert_string_equal(fdt_getprop(guest, psci, "method", NULL), "smc");
	assert_int_equal(fdt_node_check_compatible(guest, psci, "arm,psci-0.2"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memory_uses_guest_addresses),
		cmocka_unit_test(test_chosen),
		cmocka_unit_test(test_uart_for_linux_and_polling),
		cmocka_unit_test(test_passthrough_device_keeps_config_properties),
		cmocka_unit_test(test_cpus_and_psci),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
