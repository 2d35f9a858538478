# Sources each unit test links besides tests/unit/test_NAME.c (paths
# relative to the source tree), and extra compiler flags.
# See tests/unit/Makefile.inc: no core source and no core test sees a
# port's headers; a port's source sees its own port's.

# ---- tests of the core ------------------------------------------------------
# Some link a port's code for a hook the code under test calls (interrupt
# specifiers, the port's guest device tree nodes); only that code sees the
# port's headers.

test_alloc-srcs := core/page_alloc.c core/physmem.c core/pgtable.c

test_console-srcs := core/console.c

# The trees both config tests start from (the header is listed so that
# editing it rebuilds them; only .c is linked). Both validate with the
# arm-a15 port's facts, which place its vGIC at the board's CONFIG_ values.
test_config-srcs := core/config.c core/config_check.c core/config_irqs.c core/config_io.c \
	core/config_props.c ports/arm-a15/config_facts.c \
	tests/unit/config_tree.c tests/unit/config_tree.h
test_config-cflags := -include generated/autoconf.h
test_config-config-port := arm-a15
test_config_check-srcs := core/config.c core/config_check.c core/config_io.c core/config_props.c \
	core/config_irqs.c core/placement.c core/physmem.c ports/arm-a15/config_facts.c \
	tests/unit/config_tree.c tests/unit/config_tree.h
test_config_check-cflags := -include generated/autoconf.h
test_config_check-config-port := arm-a15
# io-ports on a port with port I/O: the test has x86's limits (no port yet)
test_config_io-srcs := core/config.c core/config_check.c core/config_io.c core/config_props.c \
	tests/unit/config_tree.c tests/unit/config_tree.h

test_guest_fdt-srcs := core/guest_fdt.c core/devices/vpl011_fdt.c ports/arm-a15/guest_fdt.c \
	ports/arm-a15/config_facts.c
test_guest_fdt-cflags := -include generated/autoconf.h
test_guest_fdt-config-port := arm-a15

test_doorbell-srcs := core/hypercall.c

test_irqchip-srcs := core/irqchip.c

test_mmio-srcs := core/mmio.c core/iobus.c core/partition_region.c core/partition_map.c
test_pio-srcs := core/pio.c core/iobus.c

test_exit-srcs := core/run.c core/power.c

test_health-srcs := core/health.c

test_lifecycle-srcs := core/lifecycle.c
test_lifecycle-cflags := -include generated/autoconf.h

test_regions-srcs := core/partition_region.c core/partition_map.c core/partition_layout.c

# ---- tests of the arm-a15 port's code ----------------------------------------

test_pgtable-srcs := core/pgtable.c ports/arm-a15/lpae.c
test_pgtable-port := arm-a15

test_decode-srcs := ports/arm-a15/hsr.c ports/arm-a15/insn_decode.c \
	tests/unit/check_field.h
test_decode-port := arm-a15
test_hsr-srcs := ports/arm-a15/hsr.c
test_hsr-port := arm-a15

test_vgic-srcs := ports/arm-a15/vgic.c ports/arm-a15/vgic_dist.c ports/arm-a15/vgic_internal.h
test_vgic-port := arm-a15

test_abort-srcs := ports/arm-a15/abort.c
test_abort-port := arm-a15

test_fault_ipa-srcs := ports/arm-a15/fault_ipa.c
test_fault_ipa-port := arm-a15

test_sysreg-srcs := ports/arm-a15/sysreg_class.c ports/arm-a15/hsr.c
test_sysreg-port := arm-a15

# ---- tests of the ppc-booke port's code --------------------------------------

test_ppc_decode-srcs := ports/ppc-booke/insn_decode.c tests/unit/check_field.h
test_ppc_decode-port := ppc-booke

test_ppc_tlb-srcs := ports/ppc-booke/guest_tlb.c ports/ppc-booke/mmu_variant.c
test_ppc_tlb-port := ppc-booke
test_ppc_shadow-srcs := ports/ppc-booke/shadow_tlb.c ports/ppc-booke/mmu_variant.c \
	core/partition_region.c
test_ppc_shadow-port := ppc-booke

# ---- the ppc-booke guest timers ----------------------------------------------

test_ppc_vtimer-srcs := ports/ppc-booke/vtimer.c
test_ppc_vtimer-port := ppc-booke

# ---- ppc-booke: the guest's supervisor state (emulate.c, reflect.c) ----------

test_ppc_emulate-srcs := ports/ppc-booke/emulate.c ports/ppc-booke/emulate_spr.c \
	ports/ppc-booke/reflect.c ports/ppc-booke/booke_core.c \
	ports/ppc-booke/insn_decode.c ports/ppc-booke/guest_tlb.c ports/ppc-booke/mmu_variant.c
test_ppc_emulate-port := ppc-booke
test_ppc_reflect-srcs := ports/ppc-booke/reflect.c ports/ppc-booke/booke_core.c \
	ports/ppc-booke/mmu_variant.c
test_ppc_reflect-port := ppc-booke

# ---- ppc-booke: the storage trap decision (storage.c) ------------------------

test_ppc_storage-srcs := ports/ppc-booke/storage.c ports/ppc-booke/shadow_tlb.c \
	ports/ppc-booke/guest_tlb.c ports/ppc-booke/mmu_variant.c ports/ppc-booke/reflect.c \
	ports/ppc-booke/booke_core.c ports/ppc-booke/insn_decode.c core/partition_region.c
test_ppc_storage-port := ppc-booke

# ---- the emulated UARTs -----------------------------------------------------

test_vns16550-srcs := core/devices/vns16550.c
test_vns16550_fdt-srcs := core/devices/vns16550_fdt.c
# Instances of both models on both buses in one partition
test_vuart-srcs := core/devices/vns16550.c core/devices/vpl011.c core/mmio.c core/pio.c \
	core/iobus.c core/partition_region.c core/partition_map.c

# ---- ppc-booke: the MPIC binding and the port's limits (config_facts.c) ------

test_ppc_config_facts-srcs := ports/ppc-booke/config_facts.c
test_ppc_config_facts-port := ppc-booke
test_ppc_config_facts-cflags := -include generated/autoconf.h
test_ppc_config_facts-config-port := ppc-booke

# ---- ppc-booke: the per-CPU shadow PID map (shadow_pid.c) --------------------

test_ppc_shadow_pid-srcs := ports/ppc-booke/shadow_pid.c
test_ppc_shadow_pid-port := ppc-booke

# ---- ppc-booke: the partitions' emulated MPIC (vmpic*.c) ---------------------

test_ppc_vmpic-srcs := ports/ppc-booke/vmpic.c ports/ppc-booke/vmpic_regs.c \
	ports/ppc-booke/vmpic_internal.h
test_ppc_vmpic-port := ppc-booke
test_ppc_vmpic_fdt-srcs := ports/ppc-booke/vmpic_fdt.c
test_ppc_vmpic_fdt-port := ppc-booke

# ---- ppc-booke: secondary vCPUs (spin table, broadcast tlbivax) ---------------

test_ppc_spin_table-srcs := ports/ppc-booke/spin_table.c
test_ppc_spin_table-port := ppc-booke
test_ppc_tlbi_queue-srcs := ports/ppc-booke/tlbi_queue.c ports/ppc-booke/guest_tlb.c \
	ports/ppc-booke/mmu_variant.c
test_ppc_tlbi_queue-port := ppc-booke
test_ppc_guest_fdt-srcs := ports/ppc-booke/guest_fdt.c ports/ppc-booke/vmpic_fdt.c
test_ppc_guest_fdt-cflags := -include generated/autoconf.h
test_ppc_guest_fdt-port := ppc-booke
test_ppc_guest_fdt-config-port := ppc-booke

# ---- tests of the x86 port's code ---------------------------------------------

test_x86_npt-srcs := core/pgtable.c ports/x86/npt.c
test_x86_npt-port := x86
test_x86_cpuid-srcs := ports/x86/cpuid_filter.c
test_x86_cpuid-port := x86
test_x86_perm_map-srcs := ports/x86/perm_map.c
test_x86_perm_map-port := x86
test_x86_guest_boot-srcs := ports/x86/guest_boot.c
test_x86_guest_boot-port := x86
test_x86_config_facts-srcs := ports/x86/config_facts.c
test_x86_config_facts-port := x86
test_x86_vlapic-srcs := ports/x86/vlapic.c
test_x86_vlapic-port := x86
test_x86_decode-srcs := ports/x86/insn_decode.c ports/x86/guest_walk.c ports/x86/cr_rules.c \
	tests/unit/check_field.h
test_x86_decode-port := x86
