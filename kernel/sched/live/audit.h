/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SCHED_LIVE_AUDIT_H
#define _KERNEL_SCHED_LIVE_AUDIT_H

struct module;
struct sched_live_audit;

#ifdef CONFIG_SCHED_LIVE_AUDIT
struct sched_live_audit *sched_live_audit_alloc(struct module *mod);
void sched_live_audit_stopped(struct sched_live_audit *audit);
int sched_live_audit_report(struct sched_live_audit *audit);
#else
/* Without the audit, a module needs none: NULL is no failure. */
static inline struct sched_live_audit *sched_live_audit_alloc(struct module *mod)
{
	return NULL;
}

static inline void sched_live_audit_stopped(struct sched_live_audit *audit) { }

static inline int sched_live_audit_report(struct sched_live_audit *audit)
{
	return 0;
}
#endif

#endif /* _KERNEL_SCHED_LIVE_AUDIT_H */
