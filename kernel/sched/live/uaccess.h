/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SCHED_LIVE_UACCESS_H
#define _KERNEL_SCHED_LIVE_UACCESS_H

struct module;
struct sched_live_range;

unsigned long sched_live_uaccess_find(struct module *mod, unsigned long start,
				      unsigned long end);
void sched_live_uaccess_check_builtin(const struct sched_live_range *ranges,
				      unsigned int nr);
int sched_live_uaccess_check_module(const char *name, struct module *mod);

#endif /* _KERNEL_SCHED_LIVE_UACCESS_H */
