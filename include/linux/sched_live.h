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
#include <linux/types.h>

struct sched_live_implementation;

/*
 * Version of this header's contract.  A module built against another
 * version is refused at registration: the layout of struct
 * sched_live_scheduler or the registration rules have changed under it.
 */
#define SCHED_LIVE_ABI_VERSION	2

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
 * @abi_hash:	 SCHED_LIVE_ABI_HASH of the kernel build the module was built
 *		 against (include/generated/sched_live_boundary.h): the
 *		 scheduler boundary, its prototypes and the layouts it uses
 * @implements:	 the interface functions the module implements
 * @nr_implements: how many
 * @sites:	 for each of @implements, the vmlinux function it takes over;
 *		 owned by the registry
 * @owner:	 module providing the scheduler, set by sched_live_register()
 * @list:	 entry in the registry, owned by the registry
 */
struct sched_live_scheduler {
	const char		*name;
	unsigned int		abi_version;
	u64			abi_hash;
	const struct sched_live_implementation *implements;
	unsigned int		nr_implements;
	const void		**sites;
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
 * against another SCHED_LIVE_ABI_VERSION or another kernel build's
 * scheduler boundary (SCHED_LIVE_ABI_HASH), or implements what is no
 * interface function of this kernel or with code outside its module,
 * -EEXIST when the name is taken, -ENOMEM.
 */
#define sched_live_register(sched) __sched_live_register(sched, THIS_MODULE)

/**
 * struct sched_live_symbol - a symbol of vmlinux a scheduler module may use
 * @name: its link name: the symbol's name, or for a file-scope static of
 *        the scheduler "__sched_live.<unit>.<name>"
 * @addr: its address
 *
 * The kernel build generates the table of these (sched_live_symbols[],
 * sorted by name) from the scheduler boundary: the symbols the extracted
 * scheduler uses that vmlinux does not export.
 */
struct sched_live_symbol {
	const char	*name;
	const void	*addr;
};

extern const struct sched_live_symbol sched_live_symbols[];
extern const unsigned int sched_live_nr_symbols;
/* This kernel's SCHED_LIVE_ABI_HASH, generated with sched_live_symbols[]. */
extern const u64 sched_live_abi_hash;
/* The keys of the interface functions a module may implement, sorted. */
extern const char *const sched_live_interface[];
extern const unsigned int sched_live_nr_interface;

const void *sched_live_find_symbol(const char *name);
const void *sched_live_find_function(const char *key);
bool sched_live_is_interface(const char *key);

/**
 * struct sched_live_implementation - where a module implements an interface
 * @key: the interface function, as in include/generated/sched_live_boundary.h:
 *       its name, or "<unit>:<name>" for a static
 * @addr: the module's function
 */
struct sched_live_implementation {
	const char	*key;
	void		*addr;
};

/*
 * SCHED_LIVE_IMPLEMENTS - record that function @fn of this module
 * implements the interface function @key; the extracted scheduler's units
 * end with one per interface function they define.
 */
#define SCHED_LIVE_IMPLEMENTS(fn, key)					\
	static const struct sched_live_implementation __sched_live_impl_##fn \
	__used __section(".sched_live.implements") = { key, (void *)(fn) }

#endif /* _LINUX_SCHED_LIVE_H */
