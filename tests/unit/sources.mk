# Sources each unit test links besides tests/unit/test_NAME.c (paths
# relative to the source tree), and extra compiler flags.
# See tests/unit/Makefile.inc.

test_pgtable-srcs := core/pgtable.c ports/arm-a15/lpae.c
test_pgtable-cflags := -Iports/arm-a15/include

test_decode-srcs := ports/arm-a15/hsr.c ports/arm-a15/insn_decode.c
test_decode-cflags := -Iports/arm-a15/include

test_config-srcs := core/config.c core/config_check.c

test_alloc-srcs := core/page_alloc.c core/physmem.c core/pgtable.c

test_console-srcs := core/console.c
