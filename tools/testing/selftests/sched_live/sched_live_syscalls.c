// SPDX-License-Identifier: GPL-2.0
/*
 * Exercise the scheduling system calls on the calling thread and print
 * "ok", or the first call that failed or read back something else than
 * what was set.  The sched_live tests run it under each scheduler.
 *
 *   sched_live_syscalls
 *   sched_live_syscalls show PID
 *	print the scheduling attributes of PID on one line
 *   sched_live_syscalls set PID POLICY PRIORITY NICE [RUNTIME DEADLINE PERIOD]
 *	set them (POLICY as a number; the deadline ones in nanoseconds)
 *   sched_live_syscalls burn RUNTIME DEADLINE PERIOD
 *	become a deadline task, spend half of RUNTIME on the CPU and exit:
 *	the kernel then keeps the task's bandwidth until its 0-lag time,
 *	with a timer of the scheduler it exited under.  The half it keeps
 *	absorbs the time a busy host keeps the vCPU waiting, which the
 *	guest charges to the task, and which would throttle it otherwise
 *   sched_live_syscalls fifo-order CPU SECONDS
 *	run two SCHED_FIFO processes of one priority on CPU, the second
 *	queued behind the first, which never yields; print "ok" if for
 *	SECONDS only the first ran, as SCHED_FIFO has it
 *   sched_live_syscalls core-cookie
 *	give the calling thread a core scheduling cookie of its own and exit:
 *	the last put of the cookie queues the scheduler's work that turns
 *	core scheduling off
 *
 * sched_setattr() and sched_getattr() for every policy (the deadline one
 * included), sched_setaffinity() and sched_getaffinity(), nice(),
 * getpriority(), sched_yield(), sched_getscheduler() and the priority
 * ranges.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sched_live_board.h"

#ifndef SCHED_DEADLINE
#define SCHED_DEADLINE 6
#endif
#ifndef PR_SCHED_CORE
#define PR_SCHED_CORE 62
#define PR_SCHED_CORE_CREATE 1
#endif
#define SCHED_CORE_SCOPE_THREAD 0UL

/* The uapi layout; the C library has no wrapper for these two calls. */
struct sched_live_attr {
	uint32_t size;
	uint32_t sched_policy;
	uint64_t sched_flags;
	int32_t sched_nice;
	uint32_t sched_priority;
	uint64_t sched_runtime;
	uint64_t sched_deadline;
	uint64_t sched_period;
};

static int set_attr_of(pid_t pid, const struct sched_live_attr *attr)
{
	return syscall(SYS_sched_setattr, pid, attr, 0);
}

static int get_attr_of(pid_t pid, struct sched_live_attr *attr)
{
	memset(attr, 0, sizeof(*attr));
	return syscall(SYS_sched_getattr, pid, attr, sizeof(*attr), 0);
}

static int set_attr(const struct sched_live_attr *attr)
{
	return set_attr_of(0, attr);
}

static int get_attr(struct sched_live_attr *attr)
{
	return get_attr_of(0, attr);
}

static int failed(const char *what)
{
	printf("FAIL %s: %s\n", what, strerror(errno));
	return 1;
}

static int differs(const char *what)
{
	printf("FAIL %s: read back differently\n", what);
	return 1;
}

/* Set @want, read it back and compare what the policy makes meaningful. */
static int check_policy(const char *name, struct sched_live_attr want)
{
	struct sched_live_attr got;

	want.size = sizeof(want);
	if (set_attr(&want))
		return failed(name);
	if (get_attr(&got))
		return failed("sched_getattr");
	if (got.sched_policy != want.sched_policy ||
	    got.sched_priority != want.sched_priority)
		return differs(name);
	if (want.sched_policy == SCHED_DEADLINE &&
	    (got.sched_runtime != want.sched_runtime ||
	     got.sched_deadline != want.sched_deadline ||
	     got.sched_period != want.sched_period))
		return differs(name);
	if ((want.sched_policy == SCHED_OTHER ||
	     want.sched_policy == SCHED_BATCH) &&
	    got.sched_nice != want.sched_nice)
		return differs(name);
	if ((int)sched_getscheduler(0) != (int)want.sched_policy)
		return differs("sched_getscheduler");
	if (sched_yield())
		return failed("sched_yield");
	return 0;
}

static int check_affinity(void)
{
	cpu_set_t all, one, got;

	if (sched_getaffinity(0, sizeof(all), &all))
		return failed("sched_getaffinity");
	CPU_ZERO(&one);
	CPU_SET(sched_getcpu(), &one);
	if (sched_setaffinity(0, sizeof(one), &one))
		return failed("sched_setaffinity to one CPU");
	if (sched_getaffinity(0, sizeof(got), &got) || !CPU_EQUAL(&got, &one))
		return differs("sched_setaffinity to one CPU");
	if (sched_setaffinity(0, sizeof(all), &all))
		return failed("sched_setaffinity back");
	if (sched_getaffinity(0, sizeof(got), &got) || !CPU_EQUAL(&got, &all))
		return differs("sched_setaffinity back");
	return 0;
}

static int check_nice(void)
{
	errno = 0;
	if (nice(3) == -1 && errno)
		return failed("nice");
	errno = 0;
	if (getpriority(PRIO_PROCESS, 0) != 3 && !errno)
		return differs("nice");
	if (setpriority(PRIO_PROCESS, 0, 0))
		return failed("setpriority");
	return 0;
}

static int show(pid_t pid)
{
	struct sched_live_attr attr;
	cpu_set_t cpus;
	int cpu;

	if (get_attr_of(pid, &attr) || sched_getaffinity(pid, sizeof(cpus), &cpus))
		return failed("show");
	printf("policy %u priority %u nice %d runtime %llu deadline %llu period %llu cpus",
	       attr.sched_policy, attr.sched_priority, attr.sched_nice,
	       (unsigned long long)attr.sched_runtime,
	       (unsigned long long)attr.sched_deadline,
	       (unsigned long long)attr.sched_period);
	for (cpu = 0; cpu < CPU_SETSIZE; cpu++)
		if (CPU_ISSET(cpu, &cpus))
			printf(" %d", cpu);
	printf("\n");
	return 0;
}

static int set(pid_t pid, int argc, char **argv)
{
	struct sched_live_attr attr = {
		.size = sizeof(attr),
		.sched_policy = strtoul(argv[0], NULL, 0),
		.sched_priority = strtoul(argv[1], NULL, 0),
		.sched_nice = strtol(argv[2], NULL, 0),
	};

	if (argc == 6) {
		attr.sched_runtime = strtoull(argv[3], NULL, 0);
		attr.sched_deadline = strtoull(argv[4], NULL, 0);
		attr.sched_period = strtoull(argv[5], NULL, 0);
	}
	if (set_attr_of(pid, &attr))
		return failed("set");
	return 0;
}

static long long cpu_time_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int burn(char **argv)
{
	struct sched_live_attr attr = {
		.size = sizeof(attr),
		.sched_policy = SCHED_DEADLINE,
		.sched_runtime = strtoull(argv[0], NULL, 0),
		.sched_deadline = strtoull(argv[1], NULL, 0),
		.sched_period = strtoull(argv[2], NULL, 0),
	};
	long long end;

	if (set_attr(&attr))
		return failed("set");
	end = cpu_time_ns() + attr.sched_runtime / 2;
	while (cpu_time_ns() < end)
		;
	return 0;
}

/* Whether process @pid falls asleep within five seconds. */
static int wait_asleep(pid_t pid)
{
	char path[64];
	int state, waited;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	for (waited = 0; (state = task_state(path)) != 'S'; waited++) {
		if (state < 0 || waited >= 5000)
			return -1;
		sleep_ms(1);
	}
	return 0;
}

/*
 * A SCHED_FIFO process counting in *@count on @cpu.  It is put there from
 * outside while it sleeps: had it moved itself, it would wait for its own
 * migration inside sched_setaffinity(), and queued behind a task that
 * never yields, it would stay inside that scheduler function, where no
 * switch may find a task.
 */
static pid_t fifo_spinner(int cpu, volatile uint64_t *count)
{
	struct sched_param param = { .sched_priority = 10 };
	cpu_set_t set;
	int go[2];
	pid_t pid;
	char c;

	if (pipe(go))
		return -1;
	pid = fork();
	if (!pid) {
		close(go[1]);
		if (read(go[0], &c, 1) != 1)
			_exit(1);
		for (;;)
			(*count)++;
	}
	close(go[0]);
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (pid > 0 &&
	    (wait_asleep(pid) || sched_setaffinity(pid, sizeof(set), &set) ||
	     sched_setscheduler(pid, SCHED_FIFO, &param) || write(go[1], "", 1) != 1)) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		pid = -1;
	}
	close(go[1]);
	return pid;
}

static int fifo_order(int cpu, int seconds)
{
	volatile uint64_t *count;
	uint64_t first_before;
	pid_t first, second = 0;
	cpu_set_t others;
	int i, ret = 0;

	count = mmap(NULL, 2 * sizeof(*count), PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (count == MAP_FAILED)
		return failed("mmap");
	/* This process watches from the other CPUs. */
	CPU_ZERO(&others);
	for (i = 0; i < CPU_SETSIZE; i++)
		if (i != cpu)
			CPU_SET(i, &others);
	if (sched_setaffinity(0, sizeof(others), &others))
		return failed("sched_setaffinity");
	first = fifo_spinner(cpu, &count[0]);
	if (first < 0)
		return failed("starting the first SCHED_FIFO process");
	for (i = 0; i < 5000 && !count[0]; i++)
		usleep(1000);
	if (!count[0]) {
		printf("FAIL the first SCHED_FIFO process never ran\n");
		ret = 1;
		goto out_first;
	}
	second = fifo_spinner(cpu, &count[1]);
	if (second < 0) {
		ret = failed("starting the second SCHED_FIFO process");
		goto out_first;
	}
	first_before = count[0];
	for (i = 0; i < seconds && !ret; i++) {
		sleep(1);
		if (count[1]) {
			printf("FAIL the second ran before the first yielded\n");
			ret = 1;
		} else if (waitpid(second, NULL, WNOHANG)) {
			/* It never counted because it failed to start. */
			printf("FAIL the second SCHED_FIFO process is gone\n");
			ret = 1;
			second = 0;
		}
	}
	if (!ret && count[0] == first_before) {
		printf("FAIL the first stopped running\n");
		ret = 1;
	}
	/* The second gets to die only once the first is gone. */
	if (second > 0)
		kill(second, SIGKILL);
out_first:
	kill(first, SIGKILL);
	waitpid(first, NULL, 0);
	if (second > 0)
		waitpid(second, NULL, 0);
	if (!ret)
		printf("ok\n");
	return ret;
}

static int core_cookie(void)
{
	if (prctl(PR_SCHED_CORE, PR_SCHED_CORE_CREATE, 0UL,
		  SCHED_CORE_SCOPE_THREAD, 0UL))
		return failed("prctl(PR_SCHED_CORE_CREATE)");
	printf("ok\n");
	return 0;
}

static int self_test(void)
{
	const struct sched_live_attr other = { .sched_policy = SCHED_OTHER,
					       .sched_nice = 5 };
	const struct sched_live_attr batch = { .sched_policy = SCHED_BATCH,
					       .sched_nice = -2 };
	const struct sched_live_attr idle = { .sched_policy = SCHED_IDLE };
	const struct sched_live_attr fifo = { .sched_policy = SCHED_FIFO,
					      .sched_priority = 10 };
	const struct sched_live_attr rr = { .sched_policy = SCHED_RR,
					    .sched_priority = 20 };
	const struct sched_live_attr deadline = {
		.sched_policy = SCHED_DEADLINE,
		.sched_runtime = 1000000,
		.sched_deadline = 10000000,
		.sched_period = 20000000,
	};
	const struct sched_live_attr normal = { .sched_policy = SCHED_OTHER };

	if (sched_get_priority_max(SCHED_FIFO) != 99 ||
	    sched_get_priority_min(SCHED_RR) != 1)
		return differs("sched_get_priority_max/min");
	if (check_policy("SCHED_OTHER", other) ||
	    check_policy("SCHED_BATCH", batch) ||
	    check_policy("SCHED_IDLE", idle) ||
	    check_policy("SCHED_FIFO", fifo) ||
	    check_policy("SCHED_RR", rr) ||
	    check_policy("SCHED_DEADLINE", deadline) ||
	    check_policy("SCHED_OTHER again", normal))
		return 1;
	if (check_affinity() || check_nice())
		return 1;
	printf("ok\n");
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "show"))
		return show(atoi(argv[2]));
	if ((argc == 6 || argc == 9) && !strcmp(argv[1], "set"))
		return set(atoi(argv[2]), argc - 3, argv + 3);
	if (argc == 5 && !strcmp(argv[1], "burn"))
		return burn(argv + 2);
	if (argc == 4 && !strcmp(argv[1], "fifo-order"))
		return fifo_order(atoi(argv[2]), atoi(argv[3]));
	if (argc == 2 && !strcmp(argv[1], "core-cookie"))
		return core_cookie();
	if (argc == 1)
		return self_test();
	fprintf(stderr, "usage: %s [show PID | set PID POLICY PRIORITY NICE\n"
			"       [RUNTIME DEADLINE PERIOD] | burn RUNTIME DEADLINE PERIOD |\n"
			"       fifo-order CPU SECONDS | core-cookie]\n",
		argv[0]);
	return 2;
}
