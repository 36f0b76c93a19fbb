/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SCHED_LIVE_CORE_H
#define _KERNEL_SCHED_LIVE_CORE_H

#include <linux/mutex.h>
#include <linux/sched_live.h>

/*
 * Serialises registration, switches and module removal checks; what a
 * switch keeps per CPU is used under it.
 */
extern struct mutex sched_live_mutex;

int sched_live_parse_name(const char *buf, size_t count,
			  char name[SCHED_LIVE_NAME_MAX + 1],
			  const char **reason);
int sched_live_request_switch(const char *name);
ssize_t sched_live_show_active(char *buf);
ssize_t sched_live_show_available(char *buf);

/* Bounds of the sections the boundary plugin lists the functions in. */
extern const struct sched_live_symbol __start___sched_live_functions[];
extern const struct sched_live_symbol __stop___sched_live_functions[];
extern const struct sched_live_symbol __start___sched_live_text[];
extern const struct sched_live_symbol __stop___sched_live_text[];

struct sched_live_range;

int sched_live_replaced_text(const struct sched_live_range **ranges,
			     unsigned int *nr);
ssize_t sched_live_show_last_switch(char *buf);
ssize_t sched_live_show_conflicts(char *buf);
int sched_live_sysfs_init(void);
int sched_live_sysfs_add(struct sched_live_scheduler *sched);
void sched_live_sysfs_remove(struct sched_live_scheduler *sched);
void sched_live_notify_switch(const struct sched_live_scheduler *from,
			      const struct sched_live_scheduler *to, int result,
			      const char *exit);
ssize_t sched_live_show_last_exit(char *buf);
void sched_live_note_flip(const struct sched_live_scheduler *to);

#endif /* _KERNEL_SCHED_LIVE_CORE_H */
