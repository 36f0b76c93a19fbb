// SPDX-License-Identifier: GPL-2.0
#ifndef SCHED_BOUNDARY_REASON_H
#define SCHED_BOUNDARY_REASON_H

#include <string>

#include "SymbolTable.hh"

namespace sched_boundary {

enum class ReasonKind {
	ConfigEntry,		// text: the config's why
	ExternalPrefix,		// text: the prefix
	UsedFromOutside,	// other: a function outside the module; use
	OutsideReference,	// text: the outside object
	AddressStored,		// other: the module function storing it
	PassedOut,		// other: the module function; callee
	InInitializer,		// other: a variable that is not private
	UsedByModule,		// other: a module function or private variable; use
	CopiedWithHeader,	// other: the module function using it; use
	LocalStatic,		// text: the function it is local to
	WeakDefault,		// a weak function of S
	BoundaryDefault,	// in S and nothing made it anything else
	Unused,			// outside S and the module does not use it
};

enum class Use { Call, AddressTaken, Read, Write, Initializer };

// Why a symbol got its classification: the first rule that applied.  A
// reason points at another symbol only if that symbol was classified
// before, which is what makes every chain of reasons end.
struct Reason {
	ReasonKind kind = ReasonKind::BoundaryDefault;
	Use use = Use::Call;
	SymbolId other = 0;
	SymbolId callee = 0;
	std::string text;
};

} // namespace sched_boundary

#endif
