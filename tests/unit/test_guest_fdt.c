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
#include <bulkhead/port.h>

static uint8_t cfg_blob[4096], guest[GUEST_FDT_SIZE];
static struct cfg_partition cfg;
static struct cfg_shm shm = { .id = 1 };
static struct shared_region shared = { .cfg = &shm, .doorbell_irq = 42 };
static struct partition part;

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
	part.region[0] = (struct guest_region){ 0x40000000, 0x123400000ull, 0x4000000,
						GUEST_RAM | PT_RWX, NULL };
	part.region[1] = (struct guest_region){ 0x50000000, 0x60000000, 0x10000,
						GUEST_SHARED | PT_RW, &shared };
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

static void test_gic_and_timer(void **state)
{
	int gic = fdt_path_offset(guest, "/intc@8000000");
	int timer = fdt_path_offset(guest, "/timer"), len;
	const fdt32_t *irq = fdt_getprop(guest, timer, "interrupts", &len);
	const fdt64_t *reg = fdt_getprop(guest, gic, "reg", NULL);
	static const uint32_t ppis[4] = { 13, 14, 11, 10 };

	(void)state;
	assert_true(gic >= 0);
	assert_int_equal(fdt_node_check_compatible(guest, gic, "arm,cortex-a15-gic"), 0);
	assert_int_equal(fdt32_ld(fdt_getprop(guest, gic, "#interrupt-cells", NULL)), 3);
	assert_non_null(fdt_getprop(guest, gic, "interrupt-controller", NULL));
	/* GICD 4 KiB, GICC 8 KiB (GICC_DIR at 0x1000), at the guest addresses */
	assert_non_null(reg);
	assert_int_equal(fdt64_to_cpu(reg[0]), 0x08000000);
	assert_int_equal(fdt64_to_cpu(reg[1]), 0x1000);
	assert_int_equal(fdt64_to_cpu(reg[2]), 0x08010000);
	assert_int_equal(fdt64_to_cpu(reg[3]), 0x2000);
	/* The root's interrupt parent, so copied interrupts properties resolve */
	assert_int_not_equal(fdt_get_phandle(guest, gic), 0);
	assert_int_equal(fdt32_ld(fdt_getprop(guest, 0, "interrupt-parent", NULL)),
			 fdt_get_phandle(guest, gic));
	/* Timer PPIs 13, 14, 11, 10 to both vCPUs (mask 0x3), level */
	assert_int_equal(fdt_node_check_compatible(guest, timer, "arm,armv7-timer"), 0);
	assert_int_equal(len, 4 * 3 * 4);
	for (unsigned int i = 0; i < 4; i++) {
		assert_int_equal(fdt32_to_cpu(irq[3 * i]), 1);
		assert_int_equal(fdt32_to_cpu(irq[3 * i + 1]), ppis[i]);
		assert_int_equal(fdt32_to_cpu(irq[3 * i + 2]), 0x304);
	}
}

static int decode(uint32_t type, uint32_t number, uint32_t flags, struct irq_desc *d)
{
	const fdt32_t spec[3] = { cpu_to_fdt32(type), cpu_to_fdt32(number), cpu_to_fdt32(flags) };
	char why[96];

	return port_irq_decode(spec, d, why, sizeof(why));
}

static void test_irq_specifiers(void **state)
{
	struct irq_desc d;

	(void)state;
	assert_int_equal(port_irq_spec_cells(), 3);
	assert_int_equal(decode(0, 2, 4, &d), 0);	/* SPI 2, level high */
	assert_int_equal(d.irq, 34);
	assert_true(d.level);
	assert_false(d.per_cpu);
	assert_string_equal(d.kind, "SPI");
	assert_int_equal(d.number, 2);
	assert_int_equal(decode(0, 10, 1, &d), 0);	/* SPI 10, rising edge */
	assert_int_equal(d.irq, 42);
	assert_false(d.level);
	assert_int_equal(decode(0, 255, 8, &d), 0);	/* the board's last, level low */
	assert_int_equal(d.irq, 287);
	assert_true(d.level);
	assert_int_equal(decode(1, 11, 0xf04, &d), 0);	/* PPI with CPU mask */
	assert_int_equal(d.irq, 27);
	assert_true(d.per_cpu);
	assert_string_equal(d.used_by, "the virtual timer");
	assert_int_equal(decode(1, 14, 2, &d), 0);
	assert_int_equal(d.irq, 30);
	assert_false(d.level);
	assert_int_equal(decode(0, 256, 4, &d), -1);	/* beyond the board's GIC */
	assert_int_equal(decode(1, 16, 4, &d), -1);
	assert_int_equal(decode(2, 1, 4, &d), -1);	/* no such type */
	assert_int_equal(decode(0, 1, 0, &d), -1);	/* no trigger */
	assert_int_equal(decode(0, 1, 3, &d), -1);
	assert_int_equal(decode(0, 1, 0x104, &d), -1);	/* CPU mask on an SPI */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memory_uses_guest_addresses),
		cmocka_unit_test(test_chosen),
		cmocka_unit_test(test_uart_for_linux_and_polling),
		cmocka_unit_test(test_passthrough_device_keeps_config_properties),
		cmocka_unit_test(test_cpus_and_psci),
		cmocka_unit_test(test_gic_and_timer),
		cmocka_unit_test(test_irq_specifiers),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
