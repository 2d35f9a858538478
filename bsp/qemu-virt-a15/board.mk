# Make settings of the qemu-virt-a15 board, read by the top-level Makefile
# after ports/arm-a15/arch.mk (docs/porting.md, "Adding a board").

# `make bench` puts Xen's figures beside Bulkhead's: Debian's armhf Xen
# boots on this very machine (scripts/Makefile.bench).
BENCH_XEN := y
