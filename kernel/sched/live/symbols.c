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
 *
 * The namespace reaches what vmlinux keeps from every module, writable
 * data among it, so the loader first asks here whether the module may link
 * against it at all (sched_live_may_link()).
 *
 * The other way round, registration asks here which vmlinux function each
 * of a module's implementations takes over: the boundary plugin lists the
 * scheduler's global functions and its address-taken static ones, by
 * boundary key, in the section __sched_live_functions.  And a switch away
 * from builtin asks which vmlinux text it bypasses: the plugin lists the
 * text of every function of the scheduler's units in __sched_live_text,
 * and the build the functions a module replaces in sched_live_replaced[].
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bsearch.h>
#include <linux/kallsyms.h>
#include <linux/license.h>
#include <linux/sched_live.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>

#include "core.h"
#include "stack.h"
#include "uaccess.h"

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

/**
 * sched_live_may_link() - whether a module may import the SCHED_LIVE namespace
 * @name: the module's name
 * @license: its license tag, or NULL
 * @abi: its sched_live_abi tag, or NULL
 * @implements: the size of its .sched_live.implements section, 0 if none
 *
 * Only a scheduler built from this kernel's extracted scheduler may: one
 * under a GPL-compatible license (what it links against is not exported at
 * all, which is stricter than EXPORT_SYMBOL_GPL), that implements
 * interface functions (SCHED_LIVE_IMPLEMENTS()) and carries this kernel's
 * boundary hash in its sched_live_abi tag, as the extracted scheduler's
 * glue writes it (MODULE_INFO(sched_live_abi, __stringify(hash))).  The
 * hash also stands in for the MODVERSIONS CRCs these symbols do not have.
 * The module loader asks here before it resolves any symbol of a module
 * that imports the namespace.
 *
 * Return: 0, or -ENOEXEC after a line that says why.
 */
int sched_live_may_link(const char *name, const char *license,
			const char *abi, unsigned long implements)
{
	char hash[sizeof("0x0123456789abcdefULL")];

	if (!license || !license_is_gpl_compatible(license)) {
		pr_err("refusing module '%s': it imports SCHED_LIVE under license '%s'; only GPL-compatible schedulers may\n",
		       name, license ?: "unspecified");
		return -ENOEXEC;
	}
	if (!abi || !implements) {
		pr_err("refusing module '%s': it imports SCHED_LIVE but is no scheduler (%s); build schedulers from this kernel's extracted scheduler\n",
		       name, abi ? "it implements no interface function" :
				   "it has no sched_live_abi tag");
		return -ENOEXEC;
	}
	/* The tag as the glue writes it: no parsing to get wrong. */
	snprintf(hash, sizeof(hash), "0x%016llxULL", sched_live_abi_hash);
	if (strcmp(abi, hash)) {
		pr_err("refusing module '%s': its sched_live_abi tag is '%*pE', this kernel's is '%s'; rebuild it against this kernel\n",
		       name, (int)min(strlen(abi), sizeof(hash)), abi, hash);
		return -ENOEXEC;
	}
	return 0;
}

/**
 * sched_live_find_function() - the vmlinux function an interface key names
 * @key: "name" for a global function, "<unit>:<name>" for a static one
 *
 * Return: its address, or NULL if the scheduler has no such function.
 */
const void *sched_live_find_function(const char *key)
{
	const struct sched_live_symbol *fn;

	for (fn = __start___sched_live_functions;
	     fn < __stop___sched_live_functions; fn++) {
		if (!strcmp(fn->name, key))
			return fn->addr;
	}
	return NULL;
}

static int sched_live_key_cmp(const void *key, const void *elt)
{
	return strcmp(key, *(const char *const *)elt);
}

/**
 * sched_live_is_interface() - whether a module may implement a function
 * @key: its boundary key
 *
 * Return: true if @key is one of this kernel's interface functions.
 */
bool sched_live_is_interface(const char *key)
{
	return bsearch(key, sched_live_interface, sched_live_nr_interface,
		       sizeof(*sched_live_interface), sched_live_key_cmp);
}

static int sched_live_range_sort_cmp(const void *a, const void *b)
{
	const struct sched_live_range *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return 0;
}

/**
 * sched_live_replaced_text() - the vmlinux text an active module bypasses
 * @ranges: receives the text of the scheduler's functions that a module
 *	    replaces, sorted; the kernel-owned entry points are not in it
 * @nr: receives how many ranges
 *
 * Built on first use and kept: vmlinux text does not move.  Its check for
 * user memory is made then too, rather than at boot, which a kernel that
 * never switches should not pay for.
 *
 * Context: sched_live_mutex held.
 * Return: 0 or -ENOMEM.
 */
int sched_live_replaced_text(const struct sched_live_range **ranges,
			     unsigned int *nr)
{
	static struct sched_live_range *text;
	static unsigned int nr_text;
	const struct sched_live_symbol *fn;
	struct sched_live_range *r;
	unsigned long size, offset;

	if (!text) {
		r = kvcalloc(__stop___sched_live_text - __start___sched_live_text,
			     sizeof(*r), GFP_KERNEL);
		if (!r)
			return -ENOMEM;
		for (fn = __start___sched_live_text;
		     fn < __stop___sched_live_text; fn++) {
			if (!bsearch(fn->name, sched_live_replaced,
				     sched_live_nr_replaced,
				     sizeof(*sched_live_replaced),
				     sched_live_key_cmp))
				continue;
			if (!kallsyms_lookup_size_offset((unsigned long)fn->addr,
							 &size, &offset) ||
			    offset)
				continue;
			r[nr_text].start = (unsigned long)fn->addr;
			r[nr_text].end = r[nr_text].start + size;
			r[nr_text].interface = sched_live_is_interface(fn->name);
			r[nr_text].key = fn->name;
			nr_text++;
		}
		sort(r, nr_text, sizeof(*r), sched_live_range_sort_cmp, NULL);
		sched_live_uaccess_check_builtin(r, nr_text);
		text = r;
	}
	*ranges = text;
	*nr = nr_text;
	return 0;
}
