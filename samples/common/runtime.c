// SPDX-License-Identifier: MIT
/*
 * Start-up of the sample guests and what they learn from their device
 * tree. The port's start code (samples/common/<port>/start.S) gives
 * guest_start() a stack and the device tree address; guest_start()
 * clears .bss, finds the console, reads the partition's identity from
 * /chosen and runs main(). Secondary vCPUs
 * come through secondary_entry to secondary_start().
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libfdt.h>

#include "guest.h"
#include "hypercall.h"
#include "runtime.h"

extern char __bss_start[], __bss_end[];

struct guest_info guest;

int main(void);
void __libc_init_array(void);
void __attribute__((noreturn)) guest_start(const void *fdt);
void __attribute__((noreturn)) secondary_start(uint32_t context);

static uint64_t read_cells(const fdt32_t *cell, int n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 32 | fdt32_ld(cell++);
	return v;
}

int dt_reg(const void *fdt, int node, uint64_t *base, uint64_t *size)
{
	const fdt32_t *reg;
	int parent, ac, sc, len;

	parent = fdt_parent_offset(fdt, node);
	if (parent < 0)
		return parent;
	ac = fdt_address_cells(fdt, parent);
	sc = fdt_size_cells(fdt, parent);
	if (ac < 0 || sc < 0)
		return ac < 0 ? ac : sc;
	if (ac > 2 || sc > 2)
		return -FDT_ERR_BADNCELLS;
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg)
		return len;
	if (len < (ac + sc) * (int)sizeof(*reg))
		return -FDT_ERR_BADVALUE;
	*base = read_cells(reg, ac);
	*size = read_cells(reg + ac, sc);
	return 0;
}

const char *bootarg(const char *key)
{
	size_t n = strlen(key);
	const char *s = guest.bootargs;

	while (*s) {
		s += strspn(s, " ");
		if (!strncmp(s, key, n) && s[n] == '=')
			return s + n + 1;
		s += strcspn(s, " ");
	}
	return NULL;
}

bool bootarg_is(const char *key, const char *value)
{
	const char *v = bootarg(key);

	return v && strcspn(v, " ") == strlen(value) &&
	       !strncmp(v, value, strlen(value));
}

static const char *chosen_string(int chosen, const char *prop)
{
	int len;
	const char *s = fdt_getprop(guest.fdt, chosen, prop, &len);

	return s && strnlen(s, len) < (size_t)len ? s : NULL;
}

/* Cell @index of a /chosen property; 0 or -1 when there is no such cell. */
static int chosen_cell(int chosen, const char *prop, unsigned int index,
		       uint32_t *val)
{
	int len;
	const fdt32_t *cell = fdt_getprop(guest.fdt, chosen, prop, &len);

	if (!cell || (unsigned int)len / sizeof(*cell) <= index)
		return -1;
	*val = fdt32_ld(cell + index);
	return 0;
}

static int missing(const char *what)
{
	printf("%s: the device tree lacks %s\n",
	       guest.name ? guest.name : "runtime", what);
	return -1;
}

/* Fills struct guest from the device tree; the contract says all of it is there. */
static int read_identity(void)
{
	const void *fdt = guest.fdt;
	int chosen = fdt_path_offset(fdt, "/chosen");
	int mem;

	if (chosen < 0)
		return missing("/chosen");
	guest.name = chosen_string(chosen, "bulkhead,partition-name");
	if (!guest.name)
		return missing("/chosen/bulkhead,partition-name");
	if (chosen_cell(chosen, "bulkhead,partition-id", 0, &guest.id))
		return missing("/chosen/bulkhead,partition-id");
	if (chosen_cell(chosen, "bulkhead,restart-count", 0, &guest.restarts))
		return missing("/chosen/bulkhead,restart-count");
	guest.vcpu = read_mpidr() & 0xff;
	if (chosen_cell(chosen, "bulkhead,host-cpus", guest.vcpu, &guest.host_cpu))
		return missing("a /chosen/bulkhead,host-cpus entry for this vCPU");
	guest.bootargs = chosen_string(chosen, "bootargs");
	if (!guest.bootargs)
		guest.bootargs = "";
	mem = fdt_node_offset_by_prop_value(fdt, -1, "device_type", "memory",
					    sizeof("memory"));
	if (mem < 0 || dt_reg(fdt, mem, &guest.ram_base, &guest.ram_size))
		return missing("a memory node");
	return 0;
}

void guest_start(const void *fdt)
{
	int err;

	memset(__bss_start, 0, __bss_end - __bss_start);

	/* The device tree may lie beyond what is mapped: its header, then all. */
	err = arch_map_memory((uintptr_t)fdt, sizeof(struct fdt_header)) ?
		fdt_check_header(fdt) : -FDT_ERR_BADOFFSET;
	if (!err && !arch_map_memory((uintptr_t)fdt, fdt_totalsize(fdt)))
		err = -FDT_ERR_TRUNCATED;
	console_init(err ? NULL : fdt);
	/* The device tree sits near the top of RAM: the heap stops below it. */
	heap_init(err ? 0 : (uintptr_t)fdt & ~(uintptr_t)7);
	/* Unbuffered: each printf() reaches the console whole, without malloc. */
	setvbuf(stdout, NULL, _IONBF, 0);
	if (err) {
		printf("runtime: no device tree at %p: %s\n", fdt, fdt_strerror(err));
		exit(EXIT_FAILURE);
	}
	guest.fdt = fdt;
	if (read_identity())
		exit(EXIT_FAILURE);
	/* The heap may reach beyond what is mapped. */
	if (!arch_map_memory(guest.ram_base, guest.ram_size)) {
		printf("%s: cannot map its RAM\n", guest.name);
		exit(EXIT_FAILURE);
	}
	__libc_init_array();
	exit(main());
}

/*
 * From secondary_entry, on this vCPU's own stack. vCPU 0 cleared .bss and
 * filled struct guest before it could start us.
 */
void secondary_start(uint32_t context)
{
	secondary_main(context);
	vcpu_power_off();
	/* It does not return; stop here should it ever do. */
	for (;;)
		cpu_wait();
}

/*
 * Say it with the console hypercall, which needs no mapping and no
 * console driver (printf() may be what failed), and shut down.
 */
void runtime_report_and_stop(const char *fmt, ...)
{
	char line[BH_CONSOLE_WRITE_MAX];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (len > (int)sizeof(line) - 1)
		len = sizeof(line) - 1;
	if (len > 0)
		hv_console_write(line, len);
	for (;;)
		hv_shutdown_self();
}
