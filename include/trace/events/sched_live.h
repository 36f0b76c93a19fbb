/* SPDX-License-Identifier: GPL-2.0 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM sched_live

#if !defined(_TRACE_SCHED_LIVE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _TRACE_SCHED_LIVE_H

#include <linux/tracepoint.h>

/*
 * One event per phase of a switch, when the switch is over: the phases
 * inside stop_machine() run with every CPU stopped, where nothing should
 * be recorded but the time.
 */
TRACE_EVENT(sched_live_phase,

	TP_PROTO(const char *from, const char *to, const char *phase, u64 ns),

	TP_ARGS(from, to, phase, ns),

	TP_STRUCT__entry(
		__string(from, from)
		__string(to, to)
		__string(phase, phase)
		__field(u64, ns)
	),

	TP_fast_assign(
		__assign_str(from);
		__assign_str(to);
		__assign_str(phase);
		__entry->ns = ns;
	),

	TP_printk("from=%s to=%s phase=%s ns=%llu",
		  __get_str(from), __get_str(to), __get_str(phase), __entry->ns)
);

/* The outcome of a switch: 0 or the error, after so many retries. */
TRACE_EVENT(sched_live_switch,

	TP_PROTO(const char *from, const char *to, int result,
		 unsigned int retries, unsigned int tasks),

	TP_ARGS(from, to, result, retries, tasks),

	TP_STRUCT__entry(
		__string(from, from)
		__string(to, to)
		__field(int, result)
		__field(unsigned int, retries)
		__field(unsigned int, tasks)
	),

	TP_fast_assign(
		__assign_str(from);
		__assign_str(to);
		__entry->result = result;
		__entry->retries = retries;
		__entry->tasks = tasks;
	),

	TP_printk("from=%s to=%s result=%d retries=%u tasks=%u",
		  __get_str(from), __get_str(to), __entry->result,
		  __entry->retries, __entry->tasks)
);

#endif /* _TRACE_SCHED_LIVE_H */

/* This part must be outside protection */
#include <trace/define_trace.h>
