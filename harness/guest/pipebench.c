// SPDX-License-Identifier: GPL-2.0
/*
 * Two processes pass one byte back and forth through two pipes, as
 * "perf bench sched pipe" does: every round trip is two wakeups and two
 * context switches.  Prints the mean time per round trip.
 *
 *   pipebench [ROUND_TRIPS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void die(const char *what)
{
	perror(what);
	exit(1);
}

int main(int argc, char **argv)
{
	long loops = argc > 1 ? atol(argv[1]) : 20000, i;
	int ping[2], pong[2];
	struct timespec start, end;
	char byte = 0;
	pid_t child;

	if (pipe(ping) || pipe(pong))
		die("pipe");
	child = fork();
	if (child < 0)
		die("fork");
	if (!child) {
		for (i = 0; i < loops; i++) {
			if (read(ping[0], &byte, 1) != 1 || write(pong[1], &byte, 1) != 1)
				die("child");
		}
		_exit(0);
	}
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (i = 0; i < loops; i++) {
		if (write(ping[1], &byte, 1) != 1 || read(pong[0], &byte, 1) != 1)
			die("parent");
	}
	clock_gettime(CLOCK_MONOTONIC, &end);
	waitpid(child, NULL, 0);
	printf("pipebench: %ld round trips, %.0f ns per round trip\n", loops,
	       ((end.tv_sec - start.tv_sec) * 1e9 + (end.tv_nsec - start.tv_nsec)) / loops);
	return 0;
}
