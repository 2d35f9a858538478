# Sources each unit test links besides tests/unit/test_NAME.c (paths
# relative to the source tree), and extra compiler flags.
# See tests/unit/Makefile.inc.

test_pgtable-srcs := core/pgtable.c ports/arm-a15/lpae.c
test_pgtable-cflags := -Iports/arm-a15/include

test_decode-srcs := ports/arm-a15/hsr.c ports/arm-a15/insn_decode.c
test_decode-cflags := -Iports/arm-a15/include
test_hsr-srcs := ports/arm-a15/hsr.c
test_hsr-cflags := -Iports/arm-a15/include

test_config-srcs := core/config.c core/config_check.c core/config_irqs.c \
	ports/arm-a15/config_facts.c
test_config-cflags := -Iports/arm-a15/include

test_alloc-srcs := core/page_alloc.c core/physmem.c core/pgtable.c

test_console-srcs := core/console.c

# The config code's third file, and the trees both config tests start from
# (the header is listed so that editing it rebuilds them; only .c is linked).
test_config-srcs += core/config_props.c tests/unit/config_tree.c tests/unit/config_tree.h
test_config_check-srcs := core/config.c core/config_check.c core/config_props.c \
	core/config_irqs.c core/placement.c core/physmem.c ports/arm-a15/config_facts.c \
	tests/unit/config_tree.c tests/unit/config_tree.h
test_config_check-cflags := -Iports/arm-a15/include -include generated/autoconf.h

test_guest_fdt-srcs := core/guest_fdt.c core/devices/vpl011_fdt.c ports/arm-a15/guest_fdt.c \
	ports/arm-a15/config_facts.c
test_guest_fdt-cflags := -Iports/arm-a15/include

test_vgic-srcs := ports/arm-a15/vgic.c ports/arm-a15/vgic_dist.c ports/arm-a15/vgic_internal.h
test_vgic-cflags := -Iports/arm-a15/include
test_guest_fdt-cflags += -include generated/autoconf.h

test_doorbell-srcs := core/hypercall.c
test_doorbell-cflags := -Iports/arm-a15/include

test_mmio-srcs := core/mmio.c
test_mmio-cflags := -Iports/arm-a15/include

test_abort-srcs := ports/arm-a15/abort.c
test_abort-cflags := -Iports/arm-a15/include

test_fault_ipa-srcs := ports/arm-a15/fault_ipa.c
test_fault_ipa-cflags := -Iports/arm-a15/include

test_health-srcs := core/health.c
test_health-cflags := -Iports/arm-a15/include

test_sysreg-srcs := ports/arm-a15/sysreg_class.c ports/arm-a15/hsr.c
test_sysreg-cflags := -Iports/arm-a15/include
