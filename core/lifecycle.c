// SPDX-License-Identifier: MIT
/*
 * Partition life cycle: boot (fresh memory, image, device tree), stop,
 * reboot, fault policy, and vCPU power control (start and stop, as the
 * port's firmware interface asks: PSCI on ARM). State changes happen
 * under p->lock; CPUs running the affected vCPUs are kicked and, before
 * memory is rewritten, waited for until they left guest mode.
 */
#include <bulkhead/console.h>
#include <bulkhead/partition.h>
#include <bulkhead/physmem.h>
#include <bulkhead/port.h>

static uint8_t fdt_scratch[CONFIG_NR_CPUS][GUEST_FDT_SIZE] __attribute__((aligned(8)));

static const char *const policy_names[] = {
	[FAULT_HALT] = "halt",
	[FAULT_RESTART] = "restart",
	[FAULT_POWEROFF] = "poweroff",
};

static void stop_reported(struct partition *p);

void partition_abandon(struct partition *p, const char *why)
{
	spin_lock(&p->lock);
	p->state = PART_HALTED;
	spin_unlock(&p->lock);
	hv_printf("%s: %s: partition halted", p->name, why);
	stop_reported(p);
}

/* Copy a staged image to guest address @at (checked by config_validate). */
static int load_blob(struct partition *p, const struct cfg_blob *blob, gpaddr_t at)
{
	paddr_t pa;

	if (guest_ram_translate(p, at, blob->size, &pa))
		return -1;
	phys_copy(pa, blob->phys, blob->size);
	return 0;
}

/* Zero all private RAM, copy the staged images, write the device tree. */
static int load_partition(struct partition *p)
{
	const struct cfg_partition *c = p->cfg;
	void *fdt = fdt_scratch[port_cpu_index()];
	const struct cfg_region *ram0 = &c->mem[0];

	for (unsigned int i = 0; i < p->nregions; i++)
		if (p->region[i].flags & GUEST_RAM)
			phys_fill(p->region[i].pa, 0, p->region[i].size);
	io_bus_reset(&p->mmio);
	io_bus_reset(&p->pio);
	if (load_blob(p, &c->image, c->load_addr) ||
	    (c->initrd.node && load_blob(p, &c->initrd, c->initrd_addr)))
		return -1;

	/* The device tree goes at the top of the config's first memory
	 * region, below what the port writes there itself */
	p->fdt_gpa = ram0->guest_base + ram0->size - GUEST_FDT_SIZE - port_limits.guest_boot_area;
	if (guest_ram_translate(p, p->fdt_gpa, GUEST_FDT_SIZE, &p->fdt_pa) ||
	    guest_fdt_build(p, fdt, GUEST_FDT_SIZE))
		return -1;
	phys_write(p->fdt_pa, fdt, GUEST_FDT_SIZE);
	for (unsigned int i = 0; i < p->nregions; i++)
		if (p->region[i].flags & GUEST_RAM)
			port_guest_memory_written(p->region[i].pa, p->region[i].size);
	return 0;
}

void partition_boot(struct partition *p)
{
	struct vcpu *boot = &p->vcpu[0];

	spin_lock(&p->lock);
	if (load_partition(p)) {
		spin_unlock(&p->lock);
		partition_abandon(p, "cannot load the image or device tree");
		return;
	}
	p->state = PART_RUNNING;
	boot->entry = p->cfg->entry;
	boot->context = 0;
	__atomic_store_n(&boot->state, VCPU_RUNNABLE, __ATOMIC_SEQ_CST);
	spin_unlock(&p->lock);
	if (boot->cpu != port_cpu_index())
		port_cpu_kick(boot->cpu);
}

/* Under p->lock: mark every vCPU of @p stopped and kick their CPUs. */
static void stop_vcpus(struct partition *p)
{
	unsigned int self = port_cpu_index();

	for (unsigned int i = 0; i < p->nvcpus; i++) {
		__atomic_store_n(&p->vcpu[i].state, VCPU_OFF, __ATOMIC_SEQ_CST);
		if (p->vcpu[i].cpu != self)
			port_cpu_kick(p->vcpu[i].cpu);
	}
}

/*
 * Without p->lock (a CPU still inside a trap may be waiting for it):
 * wait until no vCPU of @p runs guest code or handles an exit any more.
 * Kicks again now and then, so one lost wake-up cannot hang us.
 */
static void wait_out_of_guest(struct partition *p)
{
	unsigned int self = port_cpu_index();

	for (unsigned int i = 0; i < p->nvcpus; i++) {
		struct vcpu *v = &p->vcpu[i];

		for (unsigned long spins = 1; v->cpu != self &&
		     __atomic_load_n(&v->busy, __ATOMIC_SEQ_CST); spins++)
			if (!(spins % 100000))
				port_cpu_kick(v->cpu);
	}
}

/*
 * @p stopped for good (off or halted) and said so on the console: power
 * the machine off once every partition has. Waiting for the line, not
 * just the state, keeps the last partition's "partition off" from being
 * cut by another CPU powering off in between.
 *
 * Off or halted alike: a halt is a partition's fault policy doing what
 * the config asked for (the others kept running), so the machine stops
 * with success. Failure is reserved for hv_panic() and poweroff policies.
 */
static void stop_reported(struct partition *p)
{
	static bool powering_off;

	__atomic_store_n(&p->stop_reported, true, __ATOMIC_SEQ_CST);
	for (unsigned int i = 0; i < npartitions; i++)
		if (!__atomic_load_n(&partitions[i].stop_reported, __ATOMIC_SEQ_CST))
			return;
	/* The last two partitions may stop on two CPUs at once */
	if (__atomic_exchange_n(&powering_off, true, __ATOMIC_ACQ_REL))
		return;
	hv_printf("all partitions stopped: powering off");
	port_system_off(SYSTEM_STOPPED);
}

/*
 * Under p->lock, in the same step that found @p running: move it to state
 * @to and mark its vCPUs stopped, so that whoever looks next sees it no
 * longer running and leaves it alone.
 */
static void stop_running(struct partition *p, enum partition_state to)
{
	p->state = to;
	stop_vcpus(p);
}

/* Without p->lock, after stop_running(): let its vCPUs leave the guest. */
static void settle_stopped(struct partition *p)
{
	wait_out_of_guest(p);
	console_guest_flush(&p->console, p->name);
}

/*
 * Move a running @p to state @to and take its vCPUs out of the guest.
 * False when @p was not running (someone else stopped it first).
 */
static bool leave_running(struct partition *p, enum partition_state to)
{
	spin_lock(&p->lock);
	if (p->state != PART_RUNNING) {
		spin_unlock(&p->lock);
		return false;
	}
	stop_running(p, to);
	spin_unlock(&p->lock);
	settle_stopped(p);
	return true;
}

void partition_stop(struct partition *p, enum partition_state why)
{
	if (!leave_running(p, why))
		return;
	hv_printf("%s: partition %s", p->name, why == PART_HALTED ? "halted" : "off");
	stop_reported(p);
}

/* After stop_running(@p, PART_BOOTING) and settle_stopped(@p). */
static void boot_again(struct partition *p)
{
	p->boot_count++;
	partition_boot(p);
}

void partition_reboot(struct partition *p)
{
	if (leave_running(p, PART_BOOTING))
		boot_again(p);
}

static void report_restart(const struct partition *p, unsigned int restarts)
{
	const struct cfg_partition *c = p->cfg;

	if (c->max_restarts == CFG_UNLIMITED_RESTARTS)
		hv_printf("%s: fault policy restart: restart %u", p->name, restarts);
	else
		hv_printf("%s: fault policy restart: restart %u of %u", p->name,
			  restarts, (unsigned int)c->max_restarts);
}

/*
 * Several vCPUs of @p may fault at once. The first to take p->lock finds
 * @p running and, in the same step, counts the restart and stops @p; the
 * others find it stopped and return. So one reboot is one restart, and no
 * reboot happens once the limit is reached.
 */
void partition_fault_policy(struct partition *p)
{
	const struct cfg_partition *c = p->cfg;
	bool restart;
	unsigned int restarts;

	spin_lock(&p->lock);
	if (p->state != PART_RUNNING) {
		spin_unlock(&p->lock);
		return;
	}
	restart = c->policy == FAULT_RESTART && p->restarts < c->max_restarts;
	if (restart)
		p->restarts++;
	restarts = p->restarts;
	stop_running(p, restart ? PART_BOOTING : PART_HALTED);
	spin_unlock(&p->lock);

	if (c->policy == FAULT_POWEROFF) {
		hv_printf("%s: fault policy poweroff: powering the machine off", p->name);
		port_system_off(SYSTEM_FAILED);
	}
	if (restart)
		report_restart(p, restarts);
	else if (c->policy == FAULT_RESTART)
		hv_printf("%s: fault policy restart: no restarts left after %u", p->name,
			  restarts);
	else
		hv_printf("%s: fault policy %s", p->name, policy_names[c->policy]);
	settle_stopped(p);
	if (restart) {
		boot_again(p);
		return;
	}
	hv_printf("%s: partition halted", p->name);
	stop_reported(p);
}

int vcpu_power_on(struct vcpu *v, gpaddr_t entry, uint64_t context)
{
	struct partition *p = v->part;
	int ret = 0;

	spin_lock(&p->lock);
	if (p->state != PART_RUNNING) {
		ret = VCPU_ERR_INVALID;
	} else if (v->state != VCPU_OFF) {
		ret = VCPU_ERR_ALREADY_ON;
	} else {
		v->entry = entry;
		v->context = context;
		__atomic_store_n(&v->state, VCPU_RUNNABLE, __ATOMIC_SEQ_CST);
	}
	spin_unlock(&p->lock);
	if (!ret && v->cpu != port_cpu_index())
		port_cpu_kick(v->cpu);
	return ret;
}

void vcpu_power_off_self(struct vcpu *v)
{
	struct partition *p = v->part;
	bool last = true;

	spin_lock(&p->lock);
	__atomic_store_n(&v->state, VCPU_OFF, __ATOMIC_SEQ_CST);
	for (unsigned int i = 0; i < p->nvcpus; i++)
		if (p->vcpu[i].state != VCPU_OFF)
			last = false;
	spin_unlock(&p->lock);
	if (last)
		partition_stop(p, PART_OFF);
}
