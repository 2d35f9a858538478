// SPDX-License-Identifier: MIT
/*
 * The system calls newlib needs, for a guest with one console and no
 * files: writes to stdout/stderr go to the partition's UART (a PL011 or
 * an ns16550A, or the architecture's own: x86's COM1), the heap is the RAM between the stack and the device
 * tree, and _exit() shuts the partition down.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libfdt.h>

#include "guest.h"
#include "hypercall.h"
#include "runtime.h"

/* newlib's reentrant wrappers (_write_r ...) read the error from here. */
#undef errno
int errno;

#define PL011_DR		0x00
#define PL011_FR		0x18
#define PL011_FR_TXFF		(1u << 5)

/* Byte registers at consecutive offsets (reg-shift 0) */
#define NS16550_THR		0x00
#define NS16550_LSR		0x05
#define NS16550_LSR_THRE	(1u << 5)

extern char __heap_start[];

typedef console_putc_t uart_putc_t;

/* The UART of /chosen/stdout-path or arch_console_fallback()'s; none: BH_HC_CONSOLE_WRITE. */
static uintptr_t uart_base;
static uart_putc_t uart_putc;
static char *heap_end = __heap_start;
static char *heap_limit = __heap_start;

static void pl011_putc(char c)
{
	while (mmio_read32(uart_base + PL011_FR) & PL011_FR_TXFF)
		;
	mmio_write32(uart_base + PL011_DR, (uint8_t)c);
}

static void ns16550_putc(char c)
{
	while (!(mmio_read8(uart_base + NS16550_LSR) & NS16550_LSR_THRE))
		;
	mmio_write8(uart_base + NS16550_THR, c);
}

/* The driver for @node, or NULL. An ns16550 must have byte registers. */
static uart_putc_t uart_driver(const void *fdt, int node)
{
	const fdt32_t *shift;
	int len;

	if (!fdt_node_check_compatible(fdt, node, "arm,pl011"))
		return pl011_putc;
	if (fdt_node_check_compatible(fdt, node, "ns16550a") &&
	    fdt_node_check_compatible(fdt, node, "ns16550"))
		return NULL;
	shift = fdt_getprop(fdt, node, "reg-shift", &len);
	if (shift && (len != sizeof(*shift) || fdt32_ld(shift)))
		return NULL;
	return ns16550_putc;
}

static void find_stdout_uart(const void *fdt)
{
	const char *path;
	uint64_t base, size;
	int chosen, node, len;
	uart_putc_t putc;

	chosen = fdt_path_offset(fdt, "/chosen");
	if (chosen < 0)
		return;
	path = fdt_getprop(fdt, chosen, "stdout-path", &len);
	if (!path || strnlen(path, len) == (size_t)len)
		return;
	/* "path:options" (e.g. ":115200n8") names the node before the colon. */
	node = fdt_path_offset_namelen(fdt, path, strcspn(path, ":"));
	if (node < 0)
		return;
	putc = uart_driver(fdt, node);
	if (!putc || dt_reg(fdt, node, &base, &size))
		return;
	uart_base = arch_map_device(base, size);
	if (uart_base)
		uart_putc = putc;
}

/* The UART of the device tree, else the one the architecture has where the tree names none */
void console_init(const void *fdt)
{
	uart_base = 0;
	uart_putc = NULL;
	if (fdt)
		find_stdout_uart(fdt);
	if (!uart_putc)
		uart_putc = arch_console_fallback();
}

void heap_init(uintptr_t limit)
{
	heap_limit = limit > (uintptr_t)heap_end ? (char *)limit : heap_end;
}

static void uart_write(const char *buf, size_t len)
{
	while (len--)
		uart_putc(*buf++);
}

static int hypercall_write(const char *buf, size_t len)
{
	size_t chunk;
	int32_t n;

	while (len) {
		chunk = len < BH_CONSOLE_WRITE_MAX ? len : BH_CONSOLE_WRITE_MAX;
		n = hv_console_write(buf, chunk);
		if (n <= 0)
			return -1;
		buf += n;
		len -= n;
	}
	return 0;
}

int _write(int fd, const char *buf, int len)
{
	if (fd != STDOUT_FILENO && fd != STDERR_FILENO) {
		errno = EBADF;
		return -1;
	}
	if (uart_putc)
		uart_write(buf, len);
	else if (hypercall_write(buf, len)) {
		errno = EIO;
		return -1;
	}
	return len;
}

int _read(int fd, char *buf, int len)
{
	(void)fd;
	(void)buf;
	(void)len;
	return 0;	/* the console has no input: end of file */
}

int _close(int fd)
{
	(void)fd;
	errno = EBADF;
	return -1;
}

int _fstat(int fd, struct stat *st)
{
	if (fd > STDERR_FILENO) {
		errno = EBADF;
		return -1;
	}
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFCHR;
	return 0;
}

int _isatty(int fd)
{
	return fd <= STDERR_FILENO;
}

int _lseek(int fd, int offset, int whence)
{
	(void)fd;
	(void)offset;
	(void)whence;
	errno = ESPIPE;
	return -1;
}

void *_sbrk(ptrdiff_t incr)
{
	char *old = heap_end;

	if (incr > heap_limit - heap_end || incr < __heap_start - heap_end) {
		errno = ENOMEM;
		return (void *)-1;
	}
	heap_end += incr;
	return old;
}

void *ram_claim_rest(size_t *size)
{
	*size = heap_limit - heap_end;
	return _sbrk(*size);
}

int _getpid(void)
{
	return 1;
}

int _kill(int pid, int sig)
{
	(void)pid;
	(void)sig;
	errno = EINVAL;
	return -1;
}

/*
 * newlib calls these around the constructor and destructor arrays; the
 * arrays (the port's guest.lds) are all a guest needs, so there is
 * nothing to add.
 */
void _init(void)
{
}

void _fini(void)
{
}

void _exit(int status)
{
	(void)status;
	hv_shutdown_self();
	/* A shut-down partition is not resumed; never run on regardless. */
	for (;;)
		cpu_wait();
}
