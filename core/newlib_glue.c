// SPDX-License-Identifier: MIT
/*
 * The system-call layer newlib expects underneath its printf family.
 * The hypervisor only formats into buffers, so most of these exist to
 * satisfy the linker; output and exit map onto the console and power-off.
 */
#include <errno.h>
#include <sys/stat.h>
#include <bulkhead/console.h>
#include <bulkhead/port.h>

#define NEWLIB_HEAP_SIZE	0x4000

/* newlib may allocate internal buffers once (e.g. for its reentrancy
 * state); a small fixed arena is enough and never grows into anything. */
void *_sbrk(ptrdiff_t incr)
{
	static uint8_t heap[NEWLIB_HEAP_SIZE] __attribute__((aligned(8)));
	static size_t used;

	if (incr < 0 || (size_t)incr > sizeof(heap) - used) {
		errno = ENOMEM;
		return (void *)-1;
	}
	used += incr;
	return heap + used - incr;
}

int _write(int fd, const char *buf, size_t len)
{
	(void)fd;
	uart_write(buf, len);
	return len;
}

void _exit(int status)
{
	hv_panic("newlib exit(%d)", status);
}

int _close(int fd) { (void)fd; errno = EBADF; return -1; }
int _read(int fd, char *buf, size_t len) { (void)fd; (void)buf; (void)len; errno = EBADF; return -1; }
int _lseek(int fd, int off, int whence) { (void)fd; (void)off; (void)whence; errno = ESPIPE; return -1; }
int _fstat(int fd, struct stat *st) { (void)fd; st->st_mode = S_IFCHR; return 0; }
int _isatty(int fd) { (void)fd; return 1; }
int _kill(int pid, int sig) { (void)pid; (void)sig; errno = EINVAL; return -1; }
int _getpid(void) { return 1; }
