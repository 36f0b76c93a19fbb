// SPDX-License-Identifier: GPL-2.0
/*
 * Threads that go to sleep under one scheduler and wake up under another,
 * for the selftests of the kernel-owned sleeper frames.
 *
 *   sched_live_sleepers start FILE N [UNINTERRUPTIBLE]
 *	Start N threads in the background and return once every one sleeps,
 *	in turn in futex wait, nanosleep, pipe read and, with UNINTERRUPTIBLE
 *	(the debugfs file of the test module test_sched_live_sleep), in an
 *	uninterruptible sleep inside that module.  FILE (on tmpfs) is where
 *	they report.  Prints "sleeping N".
 *   sched_live_sleepers wake FILE
 *	Wake them all and wait until every one is done, at most 30 seconds
 *	and 20 milliseconds a thread.
 *	Once awake, each reads the "mysched.resumed" line of its own
 *	/proc/thread-self/sched.  Prints "woke W resumed R": how many woke
 *	up, and how many of those read 1 there.  Exit 0 when all woke up.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sched_live_board.h"

#define MAX_SLEEPERS	16384

enum kind { FUTEX, NANOSLEEP, PIPE, UNINTERRUPTIBLE, NR_KINDS };

struct board {
	pid_t daemon;
	int nr;
	int ready;		/* 1: all asleep; -1: some never slept */
	int done;
	int asleep;
	int woke;
	int resumed;
	uint32_t futex_word;
	int waking;
	pid_t tid[MAX_SLEEPERS];
	int kind[MAX_SLEEPERS];
};

struct sleeper {
	struct board *board;
	int index;
	int fd;			/* the pipe's read end, or the debugfs file */
	int pipe_write_fd;
};

static struct board *map_board(const char *file, int create)
{
	return map_board_file(file, sizeof(struct board), create);
}

static int load(int *p)
{
	return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

/* The "mysched.resumed" value of the calling thread, 0 without the line. */
static int resumed_by_mysched(void)
{
	FILE *f = fopen("/proc/thread-self/sched", "r");
	char line[256];
	int resumed = 0;

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, "mysched.resumed", 15))
			resumed = atoi(strchr(line, ':') + 1);
	if (f)
		fclose(f);
	return resumed;
}

static void interrupted(int sig)
{
}

static void *sleeper(void *arg)
{
	struct sleeper *s = arg;
	struct board *board = s->board;
	struct timespec long_sleep = { 3600, 0 };
	sigset_t usr2;
	char c;

	board->tid[s->index] = gettid();
	__atomic_add_fetch(&board->asleep, 1, __ATOMIC_RELEASE);
	switch (board->kind[s->index]) {
	case FUTEX:
		while (!__atomic_load_n(&board->futex_word, __ATOMIC_ACQUIRE))
			syscall(SYS_futex, &board->futex_word, FUTEX_WAIT, 0, NULL, NULL, 0);
		break;
	case NANOSLEEP:
		sigemptyset(&usr2);
		sigaddset(&usr2, SIGUSR2);
		pthread_sigmask(SIG_UNBLOCK, &usr2, NULL);
		while (!load(&board->waking))
			nanosleep(&long_sleep, NULL);
		break;
	case PIPE:
		if (read(s->fd, &c, 1) != 1)
			perror("pipe read");
		break;
	case UNINTERRUPTIBLE:
		if (write(s->fd, "sleep", 5) != 5)
			perror("uninterruptible sleep");
		break;
	}
	if (resumed_by_mysched() == 1)
		__atomic_add_fetch(&board->resumed, 1, __ATOMIC_RELAXED);
	__atomic_add_fetch(&board->woke, 1, __ATOMIC_RELEASE);
	return NULL;
}

/*
 * How long, in milliseconds, starting or waking @nr threads may take: an
 * emulated guest busy with other work creates only some 50 a second.
 */
static int patience_ms(int nr)
{
	return 30000 + 20 * nr;
}

/* Whether thread @tid of this process is in S or D state. */
static int sleeps(pid_t tid)
{
	char path[64];
	int state;

	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", tid);
	state = task_state(path);
	return state == 'S' || state == 'D';
}

static int all_asleep(struct board *board)
{
	int i, waited;

	for (waited = 0; load(&board->asleep) < board->nr; waited += 10) {
		if (waited > patience_ms(board->nr))
			return 0;
		sleep_ms(10);
	}
	for (i = 0; i < board->nr; i++)
		for (waited = 0; !sleeps(board->tid[i]); waited += 10) {
			if (waited > 10000)
				return 0;
			sleep_ms(10);
		}
	return 1;
}

static void wake_all(struct board *board, struct sleeper *sleepers, int fd)
{
	int i;

	__atomic_store_n(&board->waking, 1, __ATOMIC_RELEASE);
	__atomic_store_n(&board->futex_word, 1, __ATOMIC_RELEASE);
	syscall(SYS_futex, &board->futex_word, FUTEX_WAKE, INT32_MAX, NULL, NULL, 0);
	for (i = 0; i < board->nr; i++) {
		if (board->kind[i] == PIPE && write(sleepers[i].pipe_write_fd, "x", 1) != 1)
			perror("pipe write");
		if (board->kind[i] == NANOSLEEP)
			syscall(SYS_tgkill, getpid(), board->tid[i], SIGUSR2);
	}
	if (fd >= 0 && write(fd, "wake", 4) != 4)
		perror("uninterruptible wake");
}

static void run_daemon(struct board *board, const char *uninterruptible)
{
	struct sleeper *sleepers = calloc(board->nr, sizeof(*sleepers));
	pthread_t *threads = calloc(board->nr, sizeof(*threads));
	int kinds = uninterruptible ? NR_KINDS : UNINTERRUPTIBLE;
	struct sigaction sa = { .sa_handler = interrupted };
	int i, fds[2], wake_fd = -1, sig;
	pthread_attr_t attr;
	struct rlimit limit;
	sigset_t set;

	/* A pipe for every third sleeper: thousands of descriptors. */
	limit.rlim_cur = 2 * board->nr + 64;
	limit.rlim_max = limit.rlim_cur;
	if (limit.rlim_cur > 1024 && setrlimit(RLIMIT_NOFILE, &limit)) {
		perror("RLIMIT_NOFILE");
		exit(2);
	}

	/* SIGUSR1 asks for the wakeup; SIGUSR2 ends a nanosleep. */
	sigaction(SIGUSR2, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	if (uninterruptible) {
		wake_fd = open(uninterruptible, O_WRONLY);
		if (wake_fd < 0) {
			perror(uninterruptible);
			exit(2);
		}
	}
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	for (i = 0; i < board->nr; i++) {
		sleepers[i].board = board;
		sleepers[i].index = i;
		board->kind[i] = i % kinds;
		if (board->kind[i] == PIPE) {
			if (pipe(fds)) {
				perror("pipe");
				exit(2);
			}
			sleepers[i].fd = fds[0];
			sleepers[i].pipe_write_fd = fds[1];
		} else if (board->kind[i] == UNINTERRUPTIBLE) {
			sleepers[i].fd = open(uninterruptible, O_WRONLY);
			if (sleepers[i].fd < 0) {
				perror(uninterruptible);
				exit(2);
			}
		}
		if (pthread_create(&threads[i], &attr, sleeper, &sleepers[i])) {
			fprintf(stderr, "pthread_create failed\n");
			exit(2);
		}
	}
	__atomic_store_n(&board->ready, all_asleep(board) ? 1 : -1, __ATOMIC_RELEASE);

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigwait(&set, &sig);
	wake_all(board, sleepers, wake_fd);
	for (i = 0; i < board->nr; i++)
		pthread_join(threads[i], NULL);
	/* Let go of the test module before saying so: it may be removed next. */
	for (i = 0; i < board->nr; i++)
		if (board->kind[i] == UNINTERRUPTIBLE)
			close(sleepers[i].fd);
	if (wake_fd >= 0)
		close(wake_fd);
	__atomic_store_n(&board->done, 1, __ATOMIC_RELEASE);
	exit(0);
}

static int start(const char *file, int nr, const char *uninterruptible)
{
	struct board *board = map_board(file, 1);
	pid_t daemon;
	int waited;

	if (nr < 1 || nr > MAX_SLEEPERS) {
		fprintf(stderr, "between 1 and %d sleepers\n", MAX_SLEEPERS);
		return 2;
	}
	board->nr = nr;
	daemon = fork();
	if (!daemon) {
		leave_callers_output();
		setsid();
		board->daemon = getpid();
		run_daemon(board, uninterruptible);
	}
	for (waited = 0; !load(&board->ready); waited += 10) {
		/* Given up, or gone: it said why in the kernel log. */
		if (waited > 2 * patience_ms(nr) ||
		    waitpid(daemon, NULL, WNOHANG) == daemon)
			break;
		sleep_ms(10);
	}
	if (load(&board->ready) != 1) {
		printf("not asleep: %d of %d\n", load(&board->asleep), nr);
		return 1;
	}
	printf("sleeping %d\n", nr);
	return 0;
}

static int wake(const char *file)
{
	struct board *board = map_board(file, 0);
	int waited;

	if (kill(board->daemon, SIGUSR1))
		return 2;
	for (waited = 0; !load(&board->done) && waited < patience_ms(board->nr);
	     waited += 10)
		sleep_ms(10);
	printf("woke %d resumed %d\n", load(&board->woke), load(&board->resumed));
	return load(&board->woke) == board->nr ? 0 : 1;
}

int main(int argc, char **argv)
{
	if ((argc == 4 || argc == 5) && !strcmp(argv[1], "start"))
		return start(argv[2], atoi(argv[3]), argc == 5 ? argv[4] : NULL);
	if (argc == 3 && !strcmp(argv[1], "wake"))
		return wake(argv[2]);
	fprintf(stderr, "usage: %s start FILE N [UNINTERRUPTIBLE] | wake FILE\n", argv[0]);
	return 2;
}
