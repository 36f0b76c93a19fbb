// SPDX-License-Identifier: GPL-2.0
/*
 * sched_live symbols: how a scheduler module links against vmlinux.
 *
 * The extracted scheduler uses symbols that vmlinux does not export: the
 * scheduler's own variables, which stay in vmlinux, and kernel functions
 * only the scheduler calls.  The kernel build lists them, sorted by name,
 * in sched_live_symbols[] (kernel/sched/live/boundary_symtab.c in the build
 * directory), and the module loader asks here for the ones a scheduler
 * module, a module that imports the SCHED_LIVE namespace, leaves undefined.
 */

#include <linux/bsearch.h>
#include <linux/sched_live.h>
#include <linux/string.h>

static int sched_live_symbol_cmp(const void *name, const void *elt)
{
	const struct sched_live_symbol *sym = elt;

	return strcmp(name, sym->name);
}

/**
 * sched_live_find_symbol() - the address of a symbol a scheduler module uses
 * @name: its link name
 *
 * Return: the address, or NULL if @name is not one of the symbols the
 * scheduler boundary lets a module reach.
 */
const void *sched_live_find_symbol(const char *name)
{
	const struct sched_live_symbol *sym;

	sym = bsearch(name, sched_live_symbols, sched_live_nr_symbols,
		      sizeof(*sym), sched_live_symbol_cmp);
	return sym ? sym->addr : NULL;
}
