/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the selftests' workload programs share: the file on tmpfs their
 * daemon and its later callers meet in, the state of a task, and a sleep
 * that signals do not cut short.
 */
#ifndef SCHED_LIVE_BOARD_H
#define SCHED_LIVE_BOARD_H

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

/* Map @size bytes of @file shared, made afresh and zeroed with @create. */
static inline void *map_board_file(const char *file, size_t size, int create)
{
	int fd = open(file, O_RDWR | (create ? O_CREAT | O_TRUNC : 0), 0600);
	void *board;

	if (fd < 0 || (create && ftruncate(fd, size))) {
		perror(file);
		exit(2);
	}
	board = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (board == MAP_FAILED) {
		perror("mmap");
		exit(2);
	}
	close(fd);
	return board;
}

/*
 * The state letter of the task whose /proc stat file is @path ('R', 'S',
 * 'D', 'Z', ...), 0 if the file does not read as one, -1 if it is gone.
 */
static inline int task_state(const char *path)
{
	char stat[256], *state;
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	state = fgets(stat, sizeof(stat), f) ? strrchr(stat, ')') : NULL;
	fclose(f);
	return state && state[1] == ' ' ? state[2] : 0;
}

/*
 * Leave the output of the test that started this daemon.  The kselftest
 * runner reads a test's output through a pipe until every writer has
 * closed it: a daemon that outlived its test, killed by the runner's
 * timeout, would keep the runner waiting for good.  What the daemon has
 * to complain about goes to the kernel log, which the console shows.
 */
static inline void leave_callers_output(void)
{
	int null = open("/dev/null", O_WRONLY);
	int kmsg = open("/dev/kmsg", O_WRONLY);

	if (null < 0 || dup2(null, STDOUT_FILENO) < 0 ||
	    dup2(kmsg < 0 ? null : kmsg, STDERR_FILENO) < 0) {
		perror("/dev/null");
		exit(2);
	}
	close(null);
	if (kmsg >= 0)
		close(kmsg);
}

static inline void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

#endif /* SCHED_LIVE_BOARD_H */
