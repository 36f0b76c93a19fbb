// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_CLASSIFIER_H
#define SCHED_BOUNDARY_CLASSIFIER_H

#include "Classification.hh"
#include "ConfigBinding.hh"
#include "OutsideRefs.hh"
#include "SymbolTable.hh"

namespace sched_boundary {

// Computes the sets of FORMAT.md ("Classification") to a fixed point.
//
// Functions kept in vmlinux by config.external count as outside the module
// when they use something: vmlinux code calling into S needs an interface
// there, whichever file the caller's body is in.
class Classifier {
public:
	// All three must outlive the classifier.
	Classifier(const SymbolTable &table, const ConfigBinding &binding,
		   const OutsideRefs &outside);

	Classification classify() const;

private:
	const SymbolTable &table_;
	const ConfigBinding &binding_;
	const OutsideRefs &outside_;
};

} // namespace sched_boundary

#endif
