/* SPDX-License-Identifier: MIT */
/*
 * The porting interface: everything the arch-neutral core needs from an
 * architecture port (ports/<arch>/) and its board support (bsp/<board>/).
 * docs/porting.md explains how to add a port or a board.
 *
 * Each hook says who calls it, in what context, and under which lock.
 * "Boot CPU" means CPU 0 before secondaries run; "any CPU" means the
 * calling CPU in hypervisor context with interrupts masked (the hypervisor
 * never takes interrupts while it runs, only in guest context).
 *
 * Shape shared by all three ports (docs/porting.md has their needs side
 * by side): the core owns each partition's memory map as data and asks
 * the port to mirror it in hardware (ARM stage-2, x86 nested paging) or to
 * consult it on misses (e500 shadow TLB). Guest exits come back as a
 * struct vm_exit.
 */
#ifndef BULKHEAD_PORT_H
#define BULKHEAD_PORT_H

#include <bulkhead/types.h>
#include <bulkhead/abi.h>
#include <bulkhead/exit.h>

struct partition;
struct vcpu;
struct board_info;

/* ---- board discovery (bsp/<board>/) ---------------------------------- */

/*
 * Fill @info from the board device tree @fdt, using the board's defconfig
 * values for anything the tree lacks, and set up the board devices the
 * hypervisor drives besides the UART (e.g. the one bsp_signal_failure()
 * uses). On a board without a device tree @fdt is what the port passed
 * board_setup_info() instead (x86: the multiboot information), read here
 * or never. Boot CPU, the hypervisor's own mappings up (port_device_map()
 * works), no locks; the console is not up yet.
 */
int bsp_discover(const void *fdt, struct board_info *info);

/*
 * Fill @info's DMA masters (the devices that master the bus) from the
 * board device tree @fdt (NULL on a board without one), for the
 * passthrough checks. Apart from
 * bsp_discover() because a scan of the whole tree costs boot time that
 * only a config with passthrough devices needs: called then, once, by the
 * core's config loading on the boot CPU after bsp_discover(), no locks.
 */
void bsp_find_dma_masters(const void *fdt, struct board_info *info);

/*
 * Tell whoever runs the machine (an emulator, a test harness, a board
 * supervisor) that the hypervisor is stopping because something failed,
 * through the device bsp_discover() set up for it (qemu-virt-a15: QEMU's
 * pvpanic-pci). Called by port_system_off(SYSTEM_FAILED) on any CPU,
 * possibly from hv_panic() with any lock held: takes no lock, prints
 * nothing. The machine may stop at once or a little later. Returns false
 * when the board has no such device.
 */
bool bsp_signal_failure(void);

/*
 * Turn the machine off through the board's own device, for ports with no
 * firmware call for it (ppc-booke; arm-a15 has PSCI SYSTEM_OFF). Called by
 * port_system_off() on any CPU, possibly with any lock held: takes no
 * lock, prints nothing. Returns when the board has no such device or the
 * machine has not stopped yet.
 */
void bsp_power_off(void);

/* ---- CPUs ------------------------------------------------------------ */

/* Index of the calling CPU (0 .. ncpus-1). Any CPU, any context. */
unsigned int port_cpu_index(void);

/*
 * Start physical CPU @cpu so that it enters core_secondary_main(cpu).
 * Boot CPU, once per secondary, no locks held. Returns 0 or -1.
 */
int port_cpu_start(unsigned int cpu);

/*
 * Wait until something may have changed for this CPU (a kick from another
 * CPU). Spurious returns are allowed. Any CPU, no locks held.
 */
void port_cpu_idle(void);

/*
 * Make physical CPU @cpu leave guest mode (or port_cpu_idle) soon, so that
 * its run loop re-reads vCPU state. Any CPU, any locks held; never blocks.
 */
void port_cpu_kick(unsigned int cpu);

/* How the hypervisor ended: what the machine's exit status reports. */
enum system_status {
	SYSTEM_STOPPED,		/* every partition stopped (off or halted) */
	SYSTEM_FAILED,		/* hv_panic(), or a partition's poweroff policy */
};

/*
 * Power the whole machine off. For SYSTEM_FAILED first bsp_signal_failure();
 * when the board cannot signal it, or the machine is still running a while
 * after, print one line saying the failure could not be signalled and
 * power off as for SYSTEM_STOPPED. Any CPU, possibly from hv_panic() with
 * the console lock held by any CPU (so the line is written without
 * waiting for it); other CPUs may still be running guests. Does not return.
 */
void __attribute__((noreturn)) port_system_off(enum system_status status);

/* ---- physical memory --------------------------------------------------- */

/*
 * Make physical memory at @pa reachable by the hypervisor and return its
 * address; *len is set to how many bytes from @pa are contiguous there
 * (at most the requested *len). The mapping stays valid until this CPU's
 * next call (ports with a window reuse one slot per CPU), so callers copy
 * chunk by chunk. Any CPU, no locks needed (per-CPU state).
 */
void *port_phys_map(paddr_t pa, size_t *len);

/*
 * Map the device registers at physical [pa, pa+size) for the hypervisor
 * (uncached, strongly ordered: device memory) and return their address,
 * or NULL when the port cannot. A @lasting mapping is the same address on
 * every CPU for the rest of the run (for registers touched on any CPU,
 * e.g. from hv_panic()); ports may offer that for part of the physical
 * space only (arm-a15: below CONFIG_HYP_DEVICE_END). Otherwise it may
 * share port_phys_map()'s per-CPU window and stay valid only until this
 * CPU's next port_phys_map() or non-lasting port_device_map() call.
 * NULL also when the range does not fit the port's window (arm-a15: it
 * crosses a 1 GiB boundary). Drivers use the returned address, never a
 * physical address cast to a pointer. Any CPU, no locks needed.
 */
void *port_device_map(paddr_t pa, size_t size, bool lasting);

/*
 * Make hypervisor writes to guest memory [pa, pa+len) visible to a guest
 * that starts with caches and MMU off (clean to the point of coherency,
 * invalidate instruction caches). Any CPU, no locks.
 */
void port_guest_memory_written(paddr_t pa, uint64_t len);

/* ---- guest-physical mapping (ARM stage-2, x86 nested paging) ----------- */

/*
 * Prepare per-partition architecture state: first point p->arch, and the
 * arch of each of its vCPUs (p->vcpu[0 .. p->nvcpus-1], laid out with
 * their CPUs already), at the port's storage for them (struct
 * arch_partition and struct arch_vcpu are the port's: the core never
 * looks inside), then translation (root table, VMID/ASID) and the
 * partition's virtual interrupt controller, sized from p->cfg. Boot CPU,
 * while partitions are created, before any other hook for @p or its
 * vCPUs and before the config's regions are mapped; no locks. What the
 * port maps for the guest itself (arm-a15: the GIC's virtual CPU
 * interface) and the device models it registers go through
 * partition_map_region() and mmio_register(), so that they are in the
 * partition's region list. Returns 0 or -1.
 */
int port_partition_init(struct partition *p);

/*
 * Map guest-physical [gpa, gpa+size) to physical [pa, pa+size) with
 * PT_* attributes (see pgtable.h): the region's own. Called only by
 * partition_map_region(), once per region that is not GUEST_EMULATED,
 * after recording it (a port without hardware translation may keep nothing
 * and look regions up with guest_region_find() on its misses), on the
 * boot CPU before any vCPU of @p runs. Returns 0 or negative.
 */
int port_guest_map(struct partition *p, gpaddr_t gpa, paddr_t pa,
		   uint64_t size, unsigned int attrs);

/*
 * Let @p's guest reach ports [base, base+count) of the machine directly,
 * a passthrough device's io-ports (x86: cleared in the partition's I/O
 * permission map). Called only on a port whose port_limits.io_ports is
 * not 0 (the validator refuses io-ports elsewhere), on the boot CPU while
 * partitions are created, before any vCPU of @p runs; no locks. The
 * validator has checked that the ports exist, that no other partition
 * has them and that the board's hypervisor does not drive them.
 * Returns 0 or -1.
 */
int port_io_passthrough(struct partition *p, uint32_t base, uint32_t count);

/* ---- virtual interrupts ------------------------------------------------ */

/*
 * One interrupt specifier of the guest's interrupt controller binding
 * (as written in the config's `interrupts` and `doorbell` properties,
 * e.g. GICv2's <type number flags>), decoded.
 */
struct irq_desc {
	unsigned int irq;	/* the controller's interrupt number (GIC ID) */
	bool level;		/* level-triggered, else edge */
	bool per_cpu;		/* banked per CPU (GIC SGIs, PPIs): never a partition's */
	const char *used_by;	/* what the board uses it for, or NULL */
	bool hypervisors;	/* a device the hypervisor drives or owns raises it
				 * (its console UART): never passed through */
	const char *kind;	/* the binding's name for its class, e.g. "SPI", "PPI" */
	unsigned int number;	/* its number in that class, as the config writes it */
};

/*
 * Decode the port_irq_spec_cells() cells at @cells_be (big-endian, as in
 * the tree) into @d, checking type, number and flags against the board's
 * controller. Returns 0, or -1 with a one-line reason in @why. Pure
 * function, any context; the host tool links the same code
 * (ports/<arch>/config_facts.c).
 */
int port_irq_decode(const uint32_t *cells_be, struct irq_desc *d, char *why, size_t len);
/* Cells per specifier in the guest's binding (3 for GICv2). */
unsigned int port_irq_spec_cells(void);

/* A guest-physical range the port itself puts into every partition. */
struct port_window {
	uint64_t base;
	uint64_t size;
	const char *name;	/* what is there, e.g. "the emulated MPIC" */
};

/*
 * Limits of the port's translation and interrupt controller, for the
 * validator (config_facts.c, also in the host tool).
 */
struct port_limits {
	unsigned int guest_addr_bits;	/* guest-physical addresses the port translates */
	unsigned int phys_addr_bits;	/* physical addresses it can map to */
	unsigned int nr_irqs;		/* interrupt numbers the controller has */
	/* What port_partition_init() maps at the same guest address in every
	 * partition (its interrupt controller's windows), 0-size-terminated:
	 * no range of the config may overlap them, whatever the board facts'
	 * guest-reserved says. */
	struct port_window guest_windows[3];
	/* Block sizes the port maps in one entry, largest first, 0-terminated:
	 * guest RAM is placed at physical addresses aligned to them (LPAE:
	 * 1 GiB, 2 MiB; Book E TLB1: powers of 4 from 4 GiB to 4 KiB). */
	uint64_t block_sizes[12];
	/* Port-I/O ports the port traps and passes through, numbered from
	 * 0 (x86: 65536); 0 for none: every io-ports is refused. */
	unsigned int io_ports;
	/* Bytes at the top of a partition's first RAM region that the port
	 * writes at each boot, above the device tree the core puts below
	 * them (x86: the initial page tables and GDT); 0 for none. */
	uint64_t guest_boot_area;
};
extern const struct port_limits port_limits;

/*
 * The partition's virtual interrupt controller itself (routing a
 * passthrough source, raising and driving the interrupts of device
 * models and doorbells, kicking a vCPU) is the port's struct irqchip_ops,
 * port_irqchip, in irqchip.h.
 */

/* ---- vCPUs ------------------------------------------------------------- */

/*
 * Put @v in its architectural reset state for entering the guest at
 * @entry with the device tree at guest-physical @fdt and @context as the
 * boot argument (PSCI CPU_ON context id, 0 for the first vCPU): every
 * register the guest can write, wherever it lives (the port's per-vCPU
 * state in v->arch, or the CPU itself), as the port documents it for a
 * partition's boot, so that nothing of an earlier boot of the partition
 * remains. Called by the CPU that owns @v, from the run loop, no locks
 * held.
 */
void port_vcpu_reset(struct vcpu *v, gpaddr_t entry, gpaddr_t fdt, uint64_t context);

/*
 * Run @v in guest mode until the run loop must look at its state again:
 * an interrupt (a kick may mean a new state), a port-handled exit that
 * changed it (PSCI CPU_ON), or an exit the core answered EXIT_RESCHEDULE.
 * Exits the port handles itself (WFE, PSCI CPU_ON, a wait for an
 * interrupt that can come, interrupts for the hypervisor) stay inside;
 * for the others (struct vm_exit: MMIO, port I/O, hypercalls, faults, a
 * halt nothing can end, power events) it calls core_exit_resumes() (which
 * has the exit served and then finished or turned into an abort) and
 * enters the guest again without returning while that says so. Called
 * only by core_cpu_loop() on the CPU that owns @v, with v->busy set, no
 * locks held.
 */
void port_vcpu_run(struct vcpu *v);

/*
 * Deliver a synchronous external abort for the faulting access of exit @e
 * (EXIT_MMIO to an address with no device, or EXIT_FAULT with
 * FAULT_UNMAPPED_ACCESS or FAULT_INSTRUCTION_FETCH), which the core
 * answered EXIT_ABORT: the access is not done, and the guest resumes in
 * its own handler for a bus error on a data access or an instruction
 * fetch, with the fault address and an external-abort status where the
 * architecture puts them (ARMv7: Abort mode at the data or prefetch abort
 * vector, DFSR/DFAR or IFSR/IFAR; e500: a machine check; x86: whatever
 * the port documents for a bus error). The guest's own state decides
 * where it goes; an abort handler that faults again simply takes another.
 * Called by the port's port_vcpu_run() on @v's CPU, right after
 * core_handle_exit() and before the guest runs again (the trap's
 * syndrome and fault-address registers are still those of @e), with
 * v->busy set, no locks held.
 */
void port_vcpu_inject_abort(struct vcpu *v, const struct vm_exit *e);

/*
 * Finish the instruction behind exit @e, which the core answered
 * EXIT_RESUME: a load's value into its register (e->mmio.value), an IN's
 * (e->pio.value, its size's low bytes), the hypercall's results
 * (e->hcall.ret), the PC past the instruction. Called
 * from core_exit_resumes() on @v's CPU, with v->busy set, no locks held.
 */
void port_vcpu_complete_exit(struct vcpu *v, const struct vm_exit *e);

/* ---- called by the port -------------------------------------------------- */

/*
 * Serve exit @e of @v and say whether the guest may go on. Called by the
 * port from port_vcpu_run() on @v's CPU, in hypervisor context, no locks
 * held. On EXIT_RESUME the port completes the instruction from @e
 * (mmio.value, pio.value, hcall.ret); on EXIT_ABORT it gives the guest an
 * abort for it (port_vcpu_inject_abort()). What each kind gets:
 *  - EXIT_MMIO: the partition's MMIO bus (mmio.h): its device model, or
 *    for an address with none the health monitor's report and answer.
 *  - EXIT_PIO: the partition's port-I/O bus (pio.h). A port with no
 *    device reads all ones and drops writes, unreported, as a PC's bus
 *    does (EXIT_RESUME); a size other than 1, 2 or 4, an access half on
 *    a device, or one its model refuses is a fault (EXIT_RESCHEDULE).
 *  - EXIT_HYPERCALL: docs/hypercalls.md. EXIT_FAULT: the report and the
 *    fault policy, or EXIT_ABORT where the partition takes aborts.
 *  - EXIT_HALT: the vCPU halted where nothing can wake it (x86: HLT with
 *    interrupts masked): it is turned off as by its CPU-off call, after
 *    a line saying so (EXIT_RESCHEDULE). A wait an interrupt can end
 *    stays in the port, which knows the vCPU's pending interrupts.
 *  - EXIT_POWER: what the guest asked of its power control through the
 *    architecture (PSCI CPU_OFF, SYSTEM_OFF, SYSTEM_RESET on ARM; on x86
 *    a triple fault, which resets a PC): the vCPU off, the partition off
 *    or rebooted, never the machine (EXIT_RESCHEDULE, the instruction
 *    not completed).
 */
enum exit_action core_handle_exit(struct vcpu *v, struct vm_exit *e);

/*
 * The end of every port_vcpu_run() loop around an exit @e (EXIT_NONE
 * included): core_handle_exit(), then port_vcpu_complete_exit() on
 * EXIT_RESUME or port_vcpu_inject_abort() on EXIT_ABORT. True when the
 * guest may simply run on, false when port_vcpu_run() must return (a
 * reschedule, EXIT_NONE, or v->state no longer VCPU_RUNNING). Same
 * context as core_handle_exit().
 */
bool core_exit_resumes(struct vcpu *v, struct vm_exit *e);

/*
 * The plain device access (one register, its size and direction known
 * from the syndrome) may skip the exit record: mmio_emulate() in mmio.h,
 * pio_emulate() in pio.h, on @v's CPU, no locks held, possibly from the
 * trap vector before the run loop sees the exit. Anything it does not
 * finish, the port hands to core_handle_exit() as EXIT_MMIO or EXIT_PIO,
 * which reports it. A device model may
 * have raised an interrupt for the accessing vCPU itself (an SGI to self,
 * a UART line): the port delivers it before the guest's next instruction.
 */

/*
 * Hypercalls whose answer is a constant: they read and change no state,
 * so a port may answer them in its trap entry (any CPU, guest registers
 * still live) without an exit record or a call into the core: the first
 * result register gets call[nr - base].ret, the second keeps its value,
 * as core_handle_exit() would leave them. Only for base <= nr < base +
 * count and call[].constant set; every other number takes the ordinary
 * exit. Plain 32-bit words so that assembly can read it.
 */
struct hypercall_constants {
	uint32_t base;
	uint32_t count;
	struct {
		uint32_t constant;	/* 1: answered by ret alone */
		uint32_t ret;
	} call[BH_HC_COUNT];
};
extern const struct hypercall_constants hypercall_constants;

/*
 * Add the architecture's nodes (cpus with an enable-method, the firmware
 * interface: PSCI on ARM, ...) to a partition's generated device tree @fdt
 * (libfdt read-write tree with room to grow). Called while (re)booting
 * @p, by the CPU doing it, holding p->lock; also by the host tool, which
 * builds every partition's tree to check it fits (pure code: no hardware,
 * no other lock). Returns 0 or a libfdt error.
 */
int port_guest_fdt(struct partition *p, void *fdt);

#endif
