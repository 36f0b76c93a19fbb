/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Live-replaceable CPU scheduler: the contract between the kernel and a
 * scheduler module.
 *
 * A scheduler module fills a struct sched_live_scheduler and registers it
 * from its init function; it then appears in /sys/kernel/sched_live/available
 * and can be made active by writing its name to /sys/kernel/sched_live/active.
 * See Documentation/scheduler/sched-live.rst.
 */
#ifndef _LINUX_SCHED_LIVE_H
#define _LINUX_SCHED_LIVE_H

#include <linux/list.h>
#include <linux/module.h>

/*
 * Version of this header's contract.  A module built against another
 * version is refused at registration: the layout of struct
 * sched_live_scheduler or the registration rules have changed under it.
 */
#define SCHED_LIVE_ABI_VERSION	1

/* Longest scheduler name, without the terminating NUL. */
#define SCHED_LIVE_NAME_MAX	31

/* The scheduler compiled into vmlinux.  Always registered, never removed. */
#define SCHED_LIVE_BUILTIN_NAME	"builtin"

/**
 * struct sched_live_scheduler - a scheduler that can be made active
 * @name:	 unique name of 1 to SCHED_LIVE_NAME_MAX characters out of
 *		 [a-z0-9_-]; what userspace writes to select it
 * @abi_version: SCHED_LIVE_ABI_VERSION of the headers the module was built
 *		 against
 * @owner:	 module providing the scheduler, set by sched_live_register()
 * @list:	 entry in the registry, owned by the registry
 */
struct sched_live_scheduler {
	const char		*name;
	unsigned int		abi_version;
	struct module		*owner;
	struct list_head	list;
};

int __sched_live_register(struct sched_live_scheduler *sched,
			  struct module *owner);
void sched_live_unregister(struct sched_live_scheduler *sched);

/**
 * sched_live_register() - make a scheduler available for activation
 * @sched: the scheduler; must stay valid until sched_live_unregister()
 *
 * Return: 0, -EINVAL for a malformed name, -ENOEXEC when @sched was built
 * against another SCHED_LIVE_ABI_VERSION, -EEXIST when the name is taken.
 */
#define sched_live_register(sched) __sched_live_register(sched, THIS_MODULE)

#endif /* _LINUX_SCHED_LIVE_H */
