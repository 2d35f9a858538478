// SPDX-License-Identifier: MIT
/*
 * bulkhead: the host tool for partition configs (docs/config.md).
 *
 *   bulkhead check [-I dir]... [-L dir]... config.dts|config.dtb
 *   bulkhead pack [-I dir]... [-L dir]... --base ADDR --out DIR
 *                 [--hv FILE --hv-load ADDR [--hv-entry ADDR]] config
 *
 * The config is checked by the very parser and validator the hypervisor
 * runs at boot (core/config.c, core/config_check.c), so a config that
 * passes here is not rejected later.
 */
#define _GNU_SOURCE	/* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <libfdt.h>

#include <bulkhead/placement.h>

#include "bulkhead.h"

/*
 * The config is not a hardware description: its reg properties are always
 * two address and two size cells, and its devices have no interrupt
 * parent. Silence the dtc checks that assume otherwise.
 */
static char *const dtc_argv[] = {
	"dtc", "-I", "dts", "-O", "dtb",
	"-W", "no-reg_format", "-W", "no-avoid_default_addr_size",
	"-W", "no-unit_address_vs_reg", "-W", "no-interrupts_property",
	"-", NULL
};

int tool_error(const char *file, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "bulkhead: %s: ", file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -1;
}

static void report(const char *file, const struct config_error *err)
{
	if (err->prop[0])
		fprintf(stderr, "bulkhead: %s: %s: %s: %s\n", file, err->path,
			err->prop, err->msg);
	else
		fprintf(stderr, "bulkhead: %s: %s: %s\n", file, err->path,
			err->msg);
}

static void *read_all(int fd, size_t *size)
{
	size_t cap = 0, len = 0;
	char *buf = NULL, *bigger;
	ssize_t n;

	do {
		if (len == cap) {
			cap = cap ? 2 * cap : 65536;
			bigger = realloc(buf, cap);
			if (!bigger) {
				free(buf);
				return NULL;
			}
			buf = bigger;
		}
		n = read(fd, buf + len, cap - len);
		if (n > 0)
			len += n;
	} while (n > 0 || (n < 0 && errno == EINTR));
	if (n < 0) {
		free(buf);
		return NULL;
	}
	*size = len;
	return buf;
}

/* Start @argv with @in and @out as its stdin and stdout (-1: inherit). */
static pid_t spawn(char *const argv[], int in, int out)
{
	pid_t pid = fork();

	if (pid)
		return pid;
	if ((in >= 0 && dup2(in, 0) < 0) || (out >= 0 && dup2(out, 1) < 0))
		_exit(127);
	execvp(argv[0], argv);
	fprintf(stderr, "bulkhead: %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

static bool exited_ok(pid_t pid)
{
	int status;

	if (pid < 0)
		return false;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return false;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* cpp | dtc, as the kernel builds its .dts files, into memory. */
static void *compile_dts(const struct opts *o, size_t *size)
{
	char *cpp_argv[8 + 2 * TOOL_MAX_DIRS] = {
		"cpp", "-nostdinc", "-undef", "-D__DTS__",
		"-x", "assembler-with-cpp",
	};
	int argc = 6, to_dtc[2], from_dtc[2];
	pid_t cpp, dtc;
	void *blob;
	unsigned int i;

	for (i = 0; i < o->ninc; i++) {
		cpp_argv[argc++] = "-I";
		cpp_argv[argc++] = (char *)o->inc[i];
	}
	cpp_argv[argc++] = (char *)o->file;
	/* Close-on-exec, so each child holds only the ends it dup2()ed. */
	if (pipe2(to_dtc, O_CLOEXEC))
		return NULL;
	if (pipe2(from_dtc, O_CLOEXEC)) {
		close(to_dtc[0]);
		close(to_dtc[1]);
		return NULL;
	}
	cpp = spawn(cpp_argv, -1, to_dtc[1]);
	dtc = spawn(dtc_argv, to_dtc[0], from_dtc[1]);
	close(to_dtc[0]);
	close(to_dtc[1]);
	close(from_dtc[1]);
	blob = read_all(from_dtc[0], size);
	close(from_dtc[0]);
	if (!exited_ok(cpp) || !exited_ok(dtc)) {
		free(blob);
		tool_error(o->file, "cpp or dtc failed");
		return NULL;
	}
	return blob;
}

static void *read_file(const char *file, size_t *size)
{
	int fd = open(file, O_RDONLY);
	void *blob;

	if (fd < 0) {
		tool_error(file, "%s", strerror(errno));
		return NULL;
	}
	blob = read_all(fd, size);
	if (!blob)
		tool_error(file, "%s", strerror(errno));
	close(fd);
	return blob;
}

void *load_config(const struct opts *o, size_t *size)
{
	size_t len = strlen(o->file);
	void *blob;
	int rc;

	if (len > 4 && !strcmp(o->file + len - 4, ".dts"))
		blob = compile_dts(o, size);
	else
		blob = read_file(o->file, size);
	if (!blob)
		return NULL;
	/* The hypervisor trusts its packed config; the host checks it fully. */
	rc = fdt_check_full(blob, *size);
	if (rc) {
		tool_error(o->file, "not a device tree blob: %s",
			   fdt_strerror(rc));
		free(blob);
		return NULL;
	}
	return blob;
}

int find_image(const struct opts *o, const char *name, char *path,
	       size_t len, off_t *size)
{
	struct stat st;
	unsigned int i;

	for (i = 0; i < o->nlib; i++) {
		if ((size_t)snprintf(path, len, "%s/%s", o->lib[i], name) >= len)
			continue;
		if (!stat(path, &st) && S_ISREG(st.st_mode)) {
			*size = st.st_size;
			return 0;
		}
	}
	return -1;
}

static int check_images(const struct opts *o, const void *fdt,
			struct config_error *err)
{
	int images = fdt_subnode_offset(fdt, 0, "images"), img;
	char path[4096];
	const char *file;
	size_t used;
	unsigned int i;
	off_t size;

	if (images < 0)
		return 0;
	fdt_for_each_subnode(img, fdt, images) {
		file = fdt_getprop(fdt, img, "file", NULL);
		if (!find_image(o, file, path, sizeof(path), &size))
			continue;
		memset(err, 0, sizeof(*err));
		fdt_get_path(fdt, img, err->path, sizeof(err->path));
		strcpy(err->prop, "file");
		used = snprintf(err->msg, sizeof(err->msg),
				"missing image %s, not in", file);
		for (i = 0; i < o->nlib && used < sizeof(err->msg); i++)
			used += snprintf(err->msg + used, sizeof(err->msg) - used,
					 " %s", o->lib[i]);
		return -1;
	}
	return 0;
}

int check_config(const struct opts *o, const void *fdt, struct config *cfg)
{
	struct config_error err;
	struct placement pl;

	/* The boot sequence's checks, in its order, on the config's board RAM */
	if (config_parse(fdt, cfg, &err) || config_validate(cfg, &err) ||
	    config_place(cfg, cfg->board.ram, cfg->board.nram, &pl, &err) ||
	    check_guest_fdts(cfg, &pl, &err) || check_images(o, fdt, &err)) {
		report(o->file, &err);
		return -1;
	}
	return 0;
}

static int cmd_check(const struct opts *o)
{
	struct config cfg;
	size_t size;
	void *fdt = load_config(o, &size);
	int rc;

	if (!fdt)
		return -1;
	rc = check_config(o, fdt, &cfg);
	if (!rc)
		printf("bulkhead: %s: ok (%u partitions)\n", o->file, cfg.npart);
	free(fdt);
	return rc;
}

static int usage(void)
{
	fprintf(stderr,
		"usage: bulkhead check [-I dir]... [-L dir]... config.dts|config.dtb\n"
		"       bulkhead pack [-I dir]... [-L dir]... --base ADDR --out DIR\n"
		"                     [--hv FILE --hv-load ADDR [--hv-entry ADDR]] config\n");
	return 2;
}

enum { OPT_BASE = 256, OPT_OUT, OPT_HV, OPT_HV_LOAD, OPT_HV_ENTRY };

static const struct option long_opts[] = {
	{ "base", required_argument, NULL, OPT_BASE },
	{ "out", required_argument, NULL, OPT_OUT },
	{ "hv", required_argument, NULL, OPT_HV },
	{ "hv-load", required_argument, NULL, OPT_HV_LOAD },
	{ "hv-entry", required_argument, NULL, OPT_HV_ENTRY },
	{ NULL, 0, NULL, 0 },
};

static int parse_addr(const char *s, uint64_t *v, bool *given)
{
	char *end;

	errno = 0;
	*v = strtoull(s, &end, 0);
	if (errno || end == s || *end)
		return tool_error(s, "not an address");
	*given = true;
	return 0;
}

static int add_dir(const char **dirs, unsigned int *n, const char *dir)
{
	if (*n == TOOL_MAX_DIRS)
		return tool_error(dir, "more than %d directories", TOOL_MAX_DIRS);
	dirs[(*n)++] = dir;
	return 0;
}

static int parse_opts(int argc, char **argv, struct opts *o)
{
	int c, rc = 0;

	while (!rc && (c = getopt_long(argc, argv, "I:L:", long_opts, NULL)) != -1) {
		switch (c) {
		case 'I':
			rc = add_dir(o->inc, &o->ninc, optarg);
			break;
		case 'L':
			rc = add_dir(o->lib, &o->nlib, optarg);
			break;
		case OPT_BASE:
			rc = parse_addr(optarg, &o->base, &o->has_base);
			break;
		case OPT_OUT:
			o->out = optarg;
			break;
		case OPT_HV:
			o->hv = optarg;
			break;
		case OPT_HV_LOAD:
			rc = parse_addr(optarg, &o->hv_load, &o->has_hv_load);
			break;
		case OPT_HV_ENTRY:
			rc = parse_addr(optarg, &o->hv_entry, &o->has_hv_entry);
			break;
		default:
			return -1;
		}
	}
	if (rc || optind != argc - 1)
		return -1;
	o->file = argv[optind];
	return 0;
}

int main(int argc, char **argv)
{
	static char file_dir[4096];
	struct opts o = { 0 };
	bool pack;

	if (argc < 2)
		return usage();
	pack = !strcmp(argv[1], "pack");
	if (!pack && strcmp(argv[1], "check"))
		return usage();
	if (parse_opts(argc - 1, argv + 1, &o))
		return usage();
	if (!pack && (o.out || o.has_base || o.hv || o.has_hv_load ||
		      o.has_hv_entry))
		return usage();
	if (pack && (!o.out || !o.has_base || (o.hv && !o.has_hv_load) ||
		     (!o.hv && (o.has_hv_load || o.has_hv_entry))))
		return usage();
	/* Without -L, images sit next to the config. */
	if (!o.nlib) {
		snprintf(file_dir, sizeof(file_dir), "%s", o.file);
		o.lib[o.nlib++] = dirname(file_dir);
	}
	if (!o.has_hv_entry)
		o.hv_entry = o.hv_load;
	return (pack ? cmd_pack(&o) : cmd_check(&o)) ? 1 : 0;
}
