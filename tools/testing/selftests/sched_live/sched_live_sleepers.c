// SPDX-License-Identifier: GPL-2.0
/*
 * Threads that go to sleep under one scheduler and wake up under another,
 * for the selftests of the kernel-owned sleeper frames.
 *
 *   sched_live_sleepers start FILE N [UNINTERRUPTIBLE]
 *	Start N threads in the background and return once every one sleeps,
 *	in turn in futex wait, nanosleep, pipe read, a fault on user memory
 *	that a userfaultfd holds inside one of the scheduling syscalls that
 *	read or write user memory, the same fault of a new task writing its
 *	TID there (CLONE_CHILD_SETTID) before it first returns to user space,
 *	and, with UNINTERRUPTIBLE (the debugfs file of the test module
 *	test_sched_live_sleep), in an uninterruptible sleep inside that
 *	module.  FILE (on tmpfs) is where they report.  Prints "sleeping N".
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
#include <linux/userfaultfd.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sched_live_board.h"

#define MAX_SLEEPERS	16384

enum kind {
	FUTEX, NANOSLEEP, PIPE, USER_FAULT, NEW_TASK_FAULT, UNINTERRUPTIBLE,
	NR_KINDS
};

/* The scheduling syscalls that read or write user memory, in turn. */
enum fault_call {
	GETAFFINITY, SETAFFINITY, GETATTR, SETATTR, GETPARAM, SETPARAM,
	SETSCHEDULER, RR_GET_INTERVAL, NR_FAULT_CALLS
};

#define PAGE		4096
#define NEW_TASK_STACK	(64 * 1024)

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
	char *page;		/* where a fault sleeper faults */
	void *stack;		/* a new task's */
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

/*
 * The same, for a task that shares the daemon's memory but not its C
 * library state (a clone() child): system calls and no stdio.
 */
static int resumed_by_mysched_raw(void)
{
	char buf[8192], *line;
	long fd, len;

	fd = syscall(SYS_open, "/proc/thread-self/sched", O_RDONLY);
	if (fd < 0)
		return 0;
	len = syscall(SYS_read, fd, buf, sizeof(buf) - 1);
	syscall(SYS_close, fd);
	if (len <= 0)
		return 0;
	buf[len] = 0;
	line = strstr(buf, "mysched.resumed");
	line = line ? strchr(line, ':') : NULL;
	return line && strtol(line + 1, NULL, 10) == 1;
}

static void interrupted(int sig)
{
}

/* Fault on @page in the scheduling syscall @call, until the page is there. */
static void fault_in_syscall(enum fault_call call, char *page)
{
	switch (call) {
	case GETAFFINITY:
		syscall(SYS_sched_getaffinity, 0, 1024, page);
		break;
	case SETAFFINITY:
		syscall(SYS_sched_setaffinity, 0, 1024, page);
		break;
	case GETATTR:
		syscall(SYS_sched_getattr, 0, page, 48, 0);
		break;
	case SETATTR:
		syscall(SYS_sched_setattr, 0, page, 0);
		break;
	case GETPARAM:
		syscall(SYS_sched_getparam, 0, page);
		break;
	case SETPARAM:
		syscall(SYS_sched_setparam, 0, page);
		break;
	case SETSCHEDULER:
		syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, page);
		break;
	case RR_GET_INTERVAL:
		syscall(SYS_sched_rr_get_interval, 0, page);
		break;
	default:
		break;
	}
}

/* A new task: the kernel wrote its TID once the daemon let the fault go. */
static int new_task(void *arg)
{
	struct sleeper *s = arg;
	struct board *board = s->board;

	if (resumed_by_mysched_raw())
		__atomic_add_fetch(&board->resumed, 1, __ATOMIC_RELAXED);
	__atomic_add_fetch(&board->woke, 1, __ATOMIC_RELEASE);
	return 0;
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
	case USER_FAULT:
		fault_in_syscall(s->index / NR_KINDS % NR_FAULT_CALLS, s->page);
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

/* Whether task @tid (a thread or a clone() child) is in S or D state. */
static int sleeps(pid_t tid)
{
	char path[64];
	int state;

	snprintf(path, sizeof(path), "/proc/%d/stat", tid);
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

/*
 * A userfaultfd over @len bytes at @region that holds every fault on a
 * missing page, in the kernel too, until the daemon lets it go.
 */
static int hold_faults(char *region, size_t len)
{
	struct uffdio_api api = { .api = UFFD_API };
	struct uffdio_register reg = {
		.range = { .start = (unsigned long)region, .len = len },
		.mode = UFFDIO_REGISTER_MODE_MISSING,
	};
	int uffd = syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);

	if (uffd < 0 || ioctl(uffd, UFFDIO_API, &api) ||
	    ioctl(uffd, UFFDIO_REGISTER, &reg)) {
		perror("userfaultfd");
		exit(2);
	}
	return uffd;
}

/*
 * Whether @nr faults have reached @uffd: every fault sleeper waits in one,
 * each on a page of its own.
 */
static int all_faulted(int uffd, int nr)
{
	struct pollfd pfd = { .fd = uffd, .events = POLLIN };
	struct uffd_msg msg;
	int seen = 0, waited;

	for (waited = 0; seen < nr && waited <= patience_ms(nr); waited += 10) {
		if (read(uffd, &msg, sizeof(msg)) == sizeof(msg)) {
			seen += msg.event == UFFD_EVENT_PAGEFAULT;
			continue;
		}
		poll(&pfd, 1, 10);
	}
	return seen == nr;
}

/* Let every held fault go: the pages become zero pages. */
static void release_faults(int uffd, char *region, size_t len)
{
	struct uffdio_zeropage zero = {
		.range = { .start = (unsigned long)region, .len = len },
	};

	if (ioctl(uffd, UFFDIO_ZEROPAGE, &zero))
		perror("UFFDIO_ZEROPAGE");
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
	int i, fds[2], wake_fd = -1, sig, uffd, faults = 0;
	size_t region_len = (size_t)board->nr * PAGE;
	pthread_attr_t attr;
	struct rlimit limit;
	char *region;
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
	/* A page for every sleeper, only the fault sleepers' ever touched. */
	region = mmap(NULL, region_len, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (region == MAP_FAILED) {
		perror("mmap");
		exit(2);
	}
	uffd = hold_faults(region, region_len);
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	for (i = 0; i < board->nr; i++) {
		sleepers[i].board = board;
		sleepers[i].index = i;
		sleepers[i].page = region + (size_t)i * PAGE;
		board->kind[i] = i % kinds;
		if (board->kind[i] == USER_FAULT || board->kind[i] == NEW_TASK_FAULT)
			faults++;
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
		if (board->kind[i] == NEW_TASK_FAULT) {
			sleepers[i].stack = malloc(NEW_TASK_STACK);
			board->tid[i] = clone(new_task,
					      (char *)sleepers[i].stack + NEW_TASK_STACK,
					      CLONE_VM | CLONE_CHILD_SETTID | SIGCHLD,
					      &sleepers[i], NULL, NULL,
					      (pid_t *)sleepers[i].page);
			if (board->tid[i] < 0) {
				perror("clone");
				exit(2);
			}
			__atomic_add_fetch(&board->asleep, 1, __ATOMIC_RELEASE);
		} else if (pthread_create(&threads[i], &attr, sleeper, &sleepers[i])) {
			fprintf(stderr, "pthread_create failed\n");
			exit(2);
		}
	}
	__atomic_store_n(&board->ready,
			 all_faulted(uffd, faults) && all_asleep(board) ? 1 : -1,
			 __ATOMIC_RELEASE);

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigwait(&set, &sig);
	wake_all(board, sleepers, wake_fd);
	release_faults(uffd, region, region_len);
	for (i = 0; i < board->nr; i++) {
		if (board->kind[i] == NEW_TASK_FAULT)
			waitpid(board->tid[i], NULL, __WALL);
		else
			pthread_join(threads[i], NULL);
	}
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
