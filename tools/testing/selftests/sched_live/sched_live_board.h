/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the selftests' workload programs share: the file on tmpfs their
 * daemon and its later callers meet in, and a sleep that signals do not
 * cut short.
 */
#ifndef SCHED_LIVE_BOARD_H
#define SCHED_LIVE_BOARD_H

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
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

static inline void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

#endif /* SCHED_LIVE_BOARD_H */
