// SPDX-License-Identifier: GPL-2.0
/*
 * Throw bad input at the sched_live sysfs files from every CPU at once and
 * watch that the active scheduler never reads as anything but a known one.
 *
 *   sched_live_fuzz SECONDS NAMES FILE...
 *
 * NAMES is a comma-separated list of the scheduler names that may be
 * registered.  One writer per online CPU, pinned to it, writes to FILE[0]
 * or a random FILE with one write(2) each time: random bytes of a random length up to
 * two pages, a name of NAMES mangled (a byte flipped, cut short, padded,
 * repeated), and now and then a name as it is, which starts a real switch.
 * One reader reads FILE[0] (the active file) in a loop.  Prints how many
 * writes ended how, by errno, and exits 1 if a read showed anything but a
 * name of NAMES or a write failed with an errno outside the documented set.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../kselftest.h"

#define MAX_NAMES	8
#define MAX_BYTES	8192
#define MAX_ERRNO	256
#define BAD_READ_MAX	128

/* What a write may fail with: Documentation/ABI/testing/sysfs-kernel-sched_live */
static const int documented_errnos[] = {
	EINVAL, ENOENT, EBUSY, EAGAIN, EOPNOTSUPP, EACCES, ENOMEM,
};

struct tally {
	unsigned long writes[MAX_ERRNO + 1];	/* [0] counts successes */
	unsigned long reads;
	unsigned long bad_reads;
	char bad_read[BAD_READ_MAX];
};

struct fuzz {
	char *names[MAX_NAMES];
	int nr_names;
	char **files;
	int nr_files;
	time_t deadline;
	struct tally *tally;
};

static time_t now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

static size_t random_bytes(char *buf)
{
	size_t len = random() % (MAX_BYTES + 1), i;

	for (i = 0; i < len; i++)
		buf[i] = random();
	return len;
}

/* A name of @f, changed so that it should no longer be one (mostly). */
static size_t mangled_name(const struct fuzz *f, char *buf)
{
	const char *name = f->names[random() % f->nr_names];
	size_t len = strlen(name), i;

	memcpy(buf, name, len);
	switch (random() % 6) {
	case 0:		/* a byte flipped */
		buf[random() % len] ^= 1 << (random() % 8);
		break;
	case 1:		/* cut short */
		len = random() % len;
		break;
	case 2:		/* leading blanks */
		memmove(buf + 2, buf, len);
		buf[0] = ' ';
		buf[1] = '\t';
		len += 2;
		break;
	case 3:		/* a NUL or another byte appended */
		buf[len++] = random() % 2 ? '\0' : random();
		break;
	case 4:		/* repeated past the longest name */
		for (i = 1; i < 64; i++)
			memcpy(buf + i * len, name, len);
		len *= 64;
		break;
	default:	/* the name as it is, with or without a newline */
		if (random() % 2)
			buf[len++] = '\n';
		break;
	}
	return len;
}

static void write_one(const struct fuzz *f, char *buf)
{
	/* FILE[0], the only writable one, gets half of the writes. */
	const char *file = f->files[random() % 2 ? 0 : random() % f->nr_files];
	size_t len = random() % 4 ? mangled_name(f, buf) : random_bytes(buf);
	int fd, err = 0;

	fd = open(file, O_WRONLY);
	if (fd < 0) {
		err = errno;
	} else {
		if (write(fd, buf, len) < 0)
			err = errno;
		close(fd);
	}
	__atomic_add_fetch(&f->tally->writes[err < MAX_ERRNO ? err : MAX_ERRNO], 1,
			   __ATOMIC_RELAXED);
}

static int known_name(const struct fuzz *f, const char *s)
{
	int i;

	for (i = 0; i < f->nr_names; i++)
		if (!strcmp(s, f->names[i]))
			return 1;
	return 0;
}

static void read_one(const struct fuzz *f)
{
	char buf[BAD_READ_MAX];
	ssize_t len;
	int fd;

	fd = open(f->files[0], O_RDONLY);
	if (fd < 0)
		return;
	len = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[len > 0 ? len : 0] = '\0';
	if (len > 0 && buf[len - 1] == '\n')
		buf[len - 1] = '\0';
	f->tally->reads++;
	if (!known_name(f, buf)) {
		if (!f->tally->bad_reads++)
			snprintf(f->tally->bad_read, sizeof(f->tally->bad_read), "%s", buf);
	}
}

static pid_t spawn(const struct fuzz *f, int cpu)
{
	char *buf;
	pid_t pid;

	pid = fork();
	if (pid)
		return pid;

	srandom(getpid());
	if (cpu >= 0) {
		cpu_set_t set;

		CPU_ZERO(&set);
		CPU_SET(cpu, &set);
		sched_setaffinity(0, sizeof(set), &set);
	}
	buf = malloc(MAX_BYTES * 2);
	if (!buf)
		_exit(2);
	while (now() < f->deadline) {
		if (cpu >= 0)
			write_one(f, buf);
		else
			read_one(f);
	}
	_exit(0);
}

static int documented(int err)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(documented_errnos); i++)
		if (err == documented_errnos[i])
			return 1;
	return 0;
}

static int report(const struct tally *t)
{
	unsigned long total = 0;
	int err, bad = 0;

	for (err = 0; err <= MAX_ERRNO; err++)
		total += t->writes[err];
	printf("%lu writes: ok %lu", total, t->writes[0]);
	for (err = 1; err <= MAX_ERRNO; err++) {
		if (!t->writes[err])
			continue;
		printf(", %s %lu", err < MAX_ERRNO ? strerrorname_np(err) : "other",
		       t->writes[err]);
		bad |= !documented(err);
	}
	printf("; %lu reads of active, %lu unknown", t->reads, t->bad_reads);
	if (t->bad_reads)
		printf(" (first: '%s')", t->bad_read);
	printf("%s\n", bad ? "; undocumented errno" : "");
	return bad || t->bad_reads || !t->reads;
}

int main(int argc, char **argv)
{
	struct fuzz f = { 0 };
	char *names, *name;
	int cpu, status, failed = 0;
	cpu_set_t online;

	if (argc < 4) {
		fprintf(stderr, "usage: %s SECONDS NAMES FILE...\n", argv[0]);
		return 2;
	}
	names = strdup(argv[2]);
	for (name = strtok(names, ","); name && f.nr_names < MAX_NAMES;
	     name = strtok(NULL, ","))
		f.names[f.nr_names++] = name;
	f.files = argv + 3;
	f.nr_files = argc - 3;
	f.deadline = now() + atoi(argv[1]);
	f.tally = mmap(NULL, sizeof(*f.tally), PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (!f.nr_names || f.tally == MAP_FAILED) {
		fprintf(stderr, "no names, or no memory\n");
		return 2;
	}

	sched_getaffinity(0, sizeof(online), &online);
	spawn(&f, -1);
	for (cpu = 0; cpu < CPU_SETSIZE; cpu++)
		if (CPU_ISSET(cpu, &online))
			spawn(&f, cpu);
	while (wait(&status) > 0)
		failed |= !WIFEXITED(status) || WEXITSTATUS(status);
	return report(f.tally) || failed;
}
