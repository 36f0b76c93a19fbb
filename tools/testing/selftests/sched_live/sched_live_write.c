// SPDX-License-Identifier: GPL-2.0
/*
 * Write DATA to FILE with one write(2) and print the outcome: "ok", or the
 * errno name (EINVAL, ENOENT, ...).  Shell redirections cannot write a NUL
 * byte or report the errno, both of which the sysfs tests need.
 *
 *   sched_live_write [-u UID] [-d] [-m] [-r COUNT] FILE DATA
 *   sched_live_write [-u UID] [-d] -R FILE
 *
 *   DATA      bytes to write, with the escapes \\ \n \t \0 and \xHH
 *   -r COUNT  write DATA repeated COUNT times, in the same single write
 *   -u UID    open and write (or read) as UID instead of root
 *   -d        drop CAP_SYS_ADMIN after opening, and stay root
 *   -m        write with no memory: every allocation the kernel makes for
 *             this task fails during the write (/proc/self/make-it-fail,
 *             with failslab and fail_page_alloc set up to honour it)
 *   -R        read FILE instead, with one read(2): for the files only
 *             root may read
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX_DATA_BYTES (64 * 1024)

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode the escapes of @in into @out; return the length or -1. */
static long decode(const char *in, char *out, size_t size)
{
	size_t len = 0;
	int hi, lo;

	for (; *in; in++) {
		char c = *in;

		if (c == '\\') {
			switch (*++in) {
			case '\\':
				c = '\\';
				break;
			case 'n':
				c = '\n';
				break;
			case 't':
				c = '\t';
				break;
			case '0':
				c = '\0';
				break;
			case 'x':
				hi = hex_digit(in[1]);
				lo = hi < 0 ? -1 : hex_digit(in[2]);
				if (lo < 0)
					return -1;
				c = (char)(hi << 4 | lo);
				in += 2;
				break;
			default:
				return -1;
			}
		}
		if (len == size)
			return -1;
		out[len++] = c;
	}
	return len;
}

static void report(int err)
{
	printf("%s\n", err ? strerrorname_np(err) : "ok");
}

static int drop_cap_sys_admin(void)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3];
	int word = CAP_SYS_ADMIN / 32;
	unsigned int bit = 1U << (CAP_SYS_ADMIN % 32);

	if (syscall(SYS_capget, &hdr, data))
		return -1;
	data[word].effective &= ~bit;
	data[word].permitted &= ~bit;
	data[word].inheritable &= ~bit;
	return syscall(SYS_capset, &hdr, data);
}

/*
 * Set whether the kernel fails every allocation it makes for this task,
 * through @fd, /proc/self/make-it-fail opened beforehand: its write needs
 * no memory.
 */
static int make_it_fail(int fd, int on)
{
	return pwrite(fd, on ? "1" : "0", 1, 0) == 1 ? 0 : -1;
}

/* What open_as() returns instead of a file descriptor. */
enum {
	OPEN_REFUSED = -1,	/* the open failed; its errno is reported */
	OPEN_BROKEN = -2,	/* the test could not set up its credentials */
};

/*
 * Open @path with @flags as @uid (if not negative), then drop
 * CAP_SYS_ADMIN if @drop_cap: the permission checks of open and of the
 * read or write that follows see different credentials.
 */
static int open_as(const char *path, int flags, long uid, int drop_cap)
{
	int fd;

	if (uid >= 0 && setuid(uid)) {
		perror("setuid");
		return OPEN_BROKEN;
	}
	fd = open(path, flags);
	if (fd < 0) {
		report(errno);
		return OPEN_REFUSED;
	}
	if (drop_cap && drop_cap_sys_admin()) {
		perror("capset");
		return OPEN_BROKEN;
	}
	return fd;
}

int main(int argc, char **argv)
{
	static char data[MAX_DATA_BYTES], buf[MAX_DATA_BYTES];
	int drop_cap = 0, read_only = 0, no_memory = 0, fail_fd = -1, fd, opt;
	int err;
	long uid = -1, repeat = 1, data_len, i;
	size_t len = 0;

	while ((opt = getopt(argc, argv, "u:dmr:R")) != -1) {
		switch (opt) {
		case 'R':
			read_only = 1;
			break;
		case 'u':
			uid = strtol(optarg, NULL, 10);
			break;
		case 'r':
			repeat = strtol(optarg, NULL, 10);
			break;
		case 'd':
			drop_cap = 1;
			break;
		case 'm':
			no_memory = 1;
			break;
		default:
			goto usage;
		}
	}
	if (read_only) {
		if (optind != argc - 1)
			goto usage;
		fd = open_as(argv[optind], O_RDONLY, uid, drop_cap);
		if (fd < 0)
			return fd == OPEN_REFUSED ? 0 : 2;
		report(read(fd, buf, sizeof(buf)) < 0 ? errno : 0);
		close(fd);
		return 0;
	}
	if (optind != argc - 2)
		goto usage;

	data_len = decode(argv[optind + 1], data, sizeof(data));
	if (data_len < 0 || repeat < 0 || repeat > MAX_DATA_BYTES ||
	    (size_t)(data_len * repeat) > sizeof(buf)) {
		fprintf(stderr, "bad DATA or COUNT\n");
		return 2;
	}
	for (i = 0; i < repeat; i++, len += data_len)
		memcpy(buf + len, data, data_len);

	if (no_memory) {
		fail_fd = open("/proc/self/make-it-fail", O_WRONLY);
		if (fail_fd < 0) {
			perror("/proc/self/make-it-fail");
			return 2;
		}
	}
	fd = open_as(argv[optind], O_WRONLY, uid, drop_cap);
	if (fd < 0)
		return fd == OPEN_REFUSED ? 0 : 2;
	if (no_memory && make_it_fail(fail_fd, 1)) {
		perror("make-it-fail");
		return 2;
	}
	err = write(fd, buf, len) < 0 ? errno : 0;
	/* Memory again, for the report's write to a pipe. */
	if (no_memory && make_it_fail(fail_fd, 0)) {
		perror("make-it-fail");
		return 2;
	}
	report(err);
	close(fd);
	return 0;

usage:
	fprintf(stderr, "usage: %s [-u UID] [-d] [-m] [-r COUNT] FILE DATA\n"
		"       %s [-u UID] [-d] -R FILE\n", argv[0], argv[0]);
	return 2;
}
