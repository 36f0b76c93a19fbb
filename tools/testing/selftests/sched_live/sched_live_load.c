// SPDX-License-Identifier: GPL-2.0
/*
 * Load a module with one finit_module(2) call and print the outcome: "ok",
 * or the errno name.  insmod(8) implementations differ in how they report
 * a failure and some retry with init_module(2), which runs the module's
 * init, and logs its messages, a second time.
 *
 *   sched_live_load MODULE.ko [PARAM=VALUE...]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char params[4096] = "";
	size_t len = 0;
	int fd, i, n;

	if (argc < 2) {
		fprintf(stderr, "usage: %s MODULE.ko [PARAM=VALUE...]\n", argv[0]);
		return 2;
	}
	for (i = 2; i < argc; i++) {
		n = snprintf(params + len, sizeof(params) - len, "%s%s",
			     len ? " " : "", argv[i]);
		if (n < 0 || (size_t)n >= sizeof(params) - len) {
			fprintf(stderr, "parameters too long\n");
			return 2;
		}
		len += n;
	}

	fd = open(argv[1], O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		perror(argv[1]);
		return 2;
	}
	if (syscall(SYS_finit_module, fd, params, 0))
		printf("%s\n", strerrorname_np(errno));
	else
		printf("ok\n");
	close(fd);
	return 0;
}
