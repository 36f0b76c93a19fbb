// SPDX-License-Identifier: GPL-2.0
/*
 * A mixed workload for the sched_live switch tests, and its checker.
 *
 *   sched_live_workload start FILE SLEEPERS [CGROUP]
 *	Start the workload in the background and return once all of it
 *	runs.  Every worker counts its progress in FILE (on tmpfs): 2 CPU
 *	hogs; SLEEPERS threads sleeping in turn in futex wait, nanosleep
 *	and pipe read; a fork/exit loop; a SCHED_FIFO thread and a
 *	SCHED_DEADLINE thread that run periodically; and, with CGROUP (a
 *	cgroup v2 directory), a CPU hog in that cgroup, under whatever
 *	cpu.max it has.
 *   sched_live_workload check FILE
 *	Print "ok WORKERS" if every worker made progress since the last
 *	check (waiting up to 30 seconds for a slow one), or "stuck KIND
 *	INDEX" for the first one that did not, and then on stderr where it
 *	and the daemon's waker are: state, wait channel, kernel stack.
 *	Exit 0 or 1.
 *   sched_live_workload stop FILE
 *	End the workload and wait until every worker is gone; nothing to
 *	do if it was stopped already.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sched_live_board.h"

#define MAX_WORKERS	4096

/*
 * How long a worker may make no progress before the checker calls it
 * stuck.  A lost task never progresses; a slow one does, and on a guest
 * whose vCPUs get a fraction of a busy host a fork of a process of 1,000
 * threads holds its mm's lock for seconds, and its pipe readers, and the
 * waker behind them, wait that long.
 */
#define STUCK_MS	30000

enum kind { HOG, FUTEX, NANOSLEEP, PIPE, FORK, FIFO, DEADLINE, CGROUP, NR_KINDS };

static const char *const kind_names[NR_KINDS] = {
	"hog", "futex", "nanosleep", "pipe", "fork", "fifo", "deadline", "cgroup",
};

/* The file every worker counts in; the checker keeps its snapshot there. */
struct board {
	pid_t daemon;
	int nr;
	uint32_t futex_word;
	int kind[MAX_WORKERS];
	pid_t tid[MAX_WORKERS];
	uint64_t progress[MAX_WORKERS];
	uint64_t seen[MAX_WORKERS];
};

struct worker {
	struct board *board;
	int index;
	int pipe_fd;
	void *(*fn)(void *arg);
};

static struct board *map_board(const char *file, int create)
{
	return map_board_file(file, sizeof(struct board), create);
}

static void tick(struct worker *w)
{
	__atomic_add_fetch(&w->board->progress[w->index], 1, __ATOMIC_RELAXED);
}

/*
 * Busy for about @ns.  The monotonic clock is read in user space (vDSO): a
 * loop on a clock that asks the scheduler would spend its time in the
 * scheduler's code and be preempted there, where a switch cannot move it.
 */
static void spin_ns(long ns)
{
	struct timespec start, now;

	clock_gettime(CLOCK_MONOTONIC, &start);
	do {
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while ((now.tv_sec - start.tv_sec) * 1000000000L +
		 (now.tv_nsec - start.tv_nsec) < ns);
}

static void *hog(void *arg)
{
	for (;;) {
		spin_ns(100000);
		tick(arg);
	}
	return NULL;
}

static void *futex_sleeper(void *arg)
{
	struct worker *w = arg;

	for (;;) {
		uint32_t seen = __atomic_load_n(&w->board->futex_word, __ATOMIC_ACQUIRE);

		syscall(SYS_futex, &w->board->futex_word, FUTEX_WAIT, seen, NULL, NULL, 0);
		tick(w);
	}
	return NULL;
}

static void *nanosleeper(void *arg)
{
	for (;;) {
		sleep_ms(5);
		tick(arg);
	}
	return NULL;
}

static void *pipe_reader(void *arg)
{
	struct worker *w = arg;
	char c;

	while (read(w->pipe_fd, &c, 1) == 1)
		tick(w);
	return NULL;
}

static void *forker(void *arg)
{
	for (;;) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(0);
		if (pid > 0)
			waitpid(pid, NULL, 0);
		tick(arg);
		sleep_ms(2);
	}
	return NULL;
}

/* Runs 1 ms every 10 ms at SCHED_FIFO 10. */
static void *fifo_thread(void *arg)
{
	struct sched_param param = { .sched_priority = 10 };

	if (sched_setscheduler(0, SCHED_FIFO, &param))
		perror("SCHED_FIFO");
	for (;;) {
		spin_ns(1000000);
		tick(arg);
		sleep_ms(10);
	}
	return NULL;
}

struct dl_attr {
	uint32_t size, policy;
	uint64_t flags;
	int32_t nice;
	uint32_t priority;
	uint64_t runtime, deadline, period;
};

/* Spins under SCHED_DEADLINE 2 ms / 20 ms: throttled and replenished. */
static void *deadline_thread(void *arg)
{
	struct dl_attr attr = {
		.size = sizeof(attr), .policy = 6 /* SCHED_DEADLINE */,
		.runtime = 2000000, .deadline = 20000000, .period = 20000000,
	};

	if (syscall(SYS_sched_setattr, 0, &attr, 0))
		perror("SCHED_DEADLINE");
	for (;;) {
		spin_ns(500000);
		tick(arg);
	}
	return NULL;
}

/* Wakes the futex and pipe sleepers every 10 ms. */
static void waker(struct board *board, int *pipes, int nr_pipes)
{
	int i;

	for (;;) {
		sleep_ms(10);
		__atomic_add_fetch(&board->futex_word, 1, __ATOMIC_RELEASE);
		syscall(SYS_futex, &board->futex_word, FUTEX_WAKE, INT32_MAX, NULL, NULL, 0);
		for (i = 0; i < nr_pipes; i++)
			if (write(pipes[i], "x", 1) != 1)
				perror("pipe write");
	}
}

/* A worker thread says who it is, for the checker's report, and works. */
static void *run_worker(void *arg)
{
	struct worker *w = arg;

	w->board->tid[w->index] = gettid();
	return w->fn(w);
}

static void start_thread(void *(*fn)(void *), struct worker *w)
{
	pthread_attr_t attr;
	pthread_t thread;

	w->fn = fn;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	if (pthread_create(&thread, &attr, run_worker, w)) {
		fprintf(stderr, "pthread_create failed\n");
		exit(2);
	}
}

static struct worker *add_worker(struct board *board, enum kind kind)
{
	struct worker *w = calloc(1, sizeof(*w));

	if (board->nr == MAX_WORKERS) {
		fprintf(stderr, "too many workers\n");
		exit(2);
	}
	w->board = board;
	w->index = board->nr++;
	board->kind[w->index] = kind;
	return w;
}

static void cgroup_hog(struct board *board, const char *cgroup)
{
	struct worker *w = add_worker(board, CGROUP);
	char path[4096];
	FILE *procs;

	if (fork())
		return;
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	snprintf(path, sizeof(path), "%s/cgroup.procs", cgroup);
	procs = fopen(path, "w");
	if (!procs || fprintf(procs, "%d\n", getpid()) < 0 || fclose(procs)) {
		perror(path);
		_exit(2);
	}
	board->tid[w->index] = getpid();
	hog(w);
}

static int start(const char *file, int sleepers, const char *cgroup)
{
	struct board *board = map_board(file, 1);
	int *pipes = calloc(sleepers, sizeof(*pipes));
	int i, nr_pipes = 0, fds[2], ready[2];
	char byte;

	/* Return once every worker is on the board, for the first check. */
	if (pipe(ready)) {
		perror("pipe");
		return 2;
	}
	if (fork()) {
		close(ready[1]);
		return read(ready[0], &byte, 1) == 1 ? 0 : 2;
	}
	close(ready[0]);
	leave_callers_output();
	setsid();
	board->daemon = getpid();
	for (i = 0; i < 2; i++)
		start_thread(hog, add_worker(board, HOG));
	for (i = 0; i < sleepers; i++) {
		enum kind kind = FUTEX + i % 3;
		struct worker *w = add_worker(board, kind);

		if (kind == PIPE) {
			if (pipe(fds)) {
				perror("pipe");
				exit(2);
			}
			w->pipe_fd = fds[0];
			pipes[nr_pipes++] = fds[1];
		}
		start_thread(kind == FUTEX ? futex_sleeper :
			     kind == NANOSLEEP ? nanosleeper : pipe_reader, w);
	}
	start_thread(forker, add_worker(board, FORK));
	start_thread(fifo_thread, add_worker(board, FIFO));
	start_thread(deadline_thread, add_worker(board, DEADLINE));
	if (cgroup)
		cgroup_hog(board, cgroup);
	if (write(ready[1], "", 1) != 1)
		exit(2);
	close(ready[1]);
	waker(board, pipes, nr_pipes);
	return 0;
}

/* Written by the workers, in other processes' threads. */
static uint64_t progress(struct board *board, int i)
{
	return __atomic_load_n(&board->progress[i], __ATOMIC_RELAXED);
}

/* The first line of /proc/@tid/@name, or "?". */
static void read_proc_line(pid_t tid, const char *name, char *line, int size)
{
	char path[64];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/%s", tid, name);
	f = fopen(path, "r");
	if (!f || !fgets(line, size, f))
		snprintf(line, size, "?");
	line[strcspn(line, "\n")] = 0;
	if (f)
		fclose(f);
}

/* Where thread @tid is, on stderr: state, wait channel, kernel stack. */
static void report_thread(const char *what, pid_t tid)
{
	char path[64], wchan[128], frame[256];
	FILE *stack;
	int state;

	snprintf(path, sizeof(path), "/proc/%d/stat", tid);
	state = task_state(path);
	read_proc_line(tid, "wchan", wchan, sizeof(wchan));
	fprintf(stderr, "# %s: thread %d, state %c, wchan %s\n", what, tid,
		state > 0 ? state : '?', wchan);
	snprintf(path, sizeof(path), "/proc/%d/stack", tid);
	stack = fopen(path, "r");
	while (stack && fgets(frame, sizeof(frame), stack))
		fprintf(stderr, "#   %s", frame);
	if (stack)
		fclose(stack);
}

static int check(const char *file)
{
	struct board *board = map_board(file, 0);
	int i, waited;

	for (i = 0; i < board->nr; i++) {
		for (waited = 0; progress(board, i) == board->seen[i]; waited += 10) {
			if (waited >= STUCK_MS) {
				printf("stuck %s %d\n", kind_names[board->kind[i]], i);
				fflush(stdout);
				report_thread("the stuck worker", board->tid[i]);
				report_thread("the waker", board->daemon);
				return 1;
			}
			sleep_ms(10);
		}
		board->seen[i] = progress(board, i);
	}
	printf("ok %d\n", board->nr);
	return 0;
}

/* Whether process @pid is gone or a zombie. */
static int gone_or_zombie(pid_t pid)
{
	char path[64];
	int state;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	state = task_state(path);
	return state < 0 || state == 'Z';
}

/* Whether the daemon and every worker are gone or zombies. */
static int all_gone_or_zombies(struct board *board)
{
	int i;

	for (i = 0; i < board->nr; i++)
		if (board->tid[i] && !gone_or_zombie(board->tid[i]))
			return 0;
	return gone_or_zombie(board->daemon);
}

static int stop(const char *file)
{
	struct board *board = map_board(file, 0);
	pid_t daemon = board->daemon;

	/* Stopped already; and kill(0, ...) would hit our own group. */
	if (!daemon)
		return 0;
	if (kill(-daemon, SIGKILL))
		return 1;
	/*
	 * Nobody may reap the daemon or the cgroup's hog: gone or a zombie
	 * will do, a zombie is out of its cgroup.  The hog is a process of
	 * its own; until it is out, its cgroup cannot be removed.
	 */
	while (!all_gone_or_zombies(board))
		sleep_ms(10);
	board->daemon = 0;
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && !strcmp(argv[1], "start"))
		return start(argv[2], atoi(argv[3]), argc > 4 ? argv[4] : NULL);
	if (argc == 3 && !strcmp(argv[1], "check"))
		return check(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "stop"))
		return stop(argv[2]);
	fprintf(stderr, "usage: %s start FILE SLEEPERS [CGROUP] | check FILE | stop FILE\n",
		argv[0]);
	return 2;
}
