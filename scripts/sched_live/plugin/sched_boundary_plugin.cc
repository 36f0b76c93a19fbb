// SPDX-License-Identifier: GPL-2.0
/*
 * sched_boundary: record what the scheduler's translation units define and
 * use, so that the boundary analyser can split the scheduler into the part
 * that moves into a module and the part that stays in vmlinux.
 *
 * For every function with a body and every variable with static storage
 * that the unit defines, it writes one facts file (JSON, format described
 * in scripts/sched_live/FORMAT.md): linkage, location, signature,
 * attributes, section, direct callees, functions whose address is taken
 * and how, and the variables read and written.
 *
 * The pass runs once per unit, before free_lang_data: every function body
 * is lowered to GIMPLE with a CFG but nothing is inlined yet, so the call
 * graph is the one the source shows, and all names and types are intact.
 *
 * With publish-statics=PREFIX, it also gives every file-scope static
 * variable defined in a .c file under PREFIX a global, unit-qualified
 * name, "__sched_live.<unit>.<name>" (<unit>: the main input's base name
 * without .c; PublishedName.hh shortens a name too long to import).  The
 * scheduler module uses such a variable of vmlinux in place, so it needs
 * a name to be linked against, and the compiler must not assume that it
 * sees every write to it.  And it lists the functions
 * of those files that a module may take over in __sched_live_functions,
 * giving the static ones a global alias of the same form, and the text
 * the compiler emitted for them in __sched_live_text.
 *
 * With layouts-only, it writes a facts file that holds only the layouts
 * of every struct and union the unit completes, and of those they reach,
 * as the front end completes them: what a scheduler module's own build
 * hashes to check that it lays out the shared objects as the kernel does.
 * Only the front end runs then (-fsyntax-only), which costs a fraction of
 * a compile.
 *
 * Options:
 *   -fplugin-arg-sched_boundary_plugin-output=FILE   where to write the facts
 *   -fplugin-arg-sched_boundary_plugin-srctree=DIR   strip DIR/ from file names
 *   -fplugin-arg-sched_boundary_plugin-publish-statics=PREFIX
 *   -fplugin-arg-sched_boundary_plugin-layouts-only  (with output)
 * At least one of output and publish-statics is required.
 */

#include "gcc-common.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "../analyzer/src/PublishedName.hh"

__visible int plugin_is_GPL_compatible;

namespace {

const char *const plugin_help =
	"output=FILE\twrite the unit's facts to FILE\n"
	"srctree=DIR\tname files relative to DIR\n"
	"publish-statics=PREFIX\tgive the file-scope statics of PREFIX*.c global names\n"
	"layouts-only\twith output, write only the layouts of every struct and union\n";

/* A function or variable named from the unit that uses it. */
struct SymbolRef {
	std::string name;
	bool is_static;

	bool operator<(const SymbolRef &o) const
	{
		return std::tie(name, is_static) < std::tie(o.name, o.is_static);
	}
};

/* A function whose address a body takes, and what it does with it. */
struct AddressUse {
	SymbolRef target;
	std::string use;		/* "call-arg" or "store" */
	SymbolRef callee;		/* for "call-arg" */

	bool operator<(const AddressUse &o) const
	{
		return std::tie(target, use, callee) <
		       std::tie(o.target, o.use, o.callee);
	}
};

struct Location {
	std::string file;
	int line = 0;
	int end_line = 0;
};

struct FunctionFacts {
	std::string name;
	std::string linkage;
	Location where;
	std::string signature;
	std::set<std::string> records;
	std::set<std::string> attributes;
	std::string section;
	std::set<SymbolRef> calls;
	std::set<AddressUse> address_of;
	std::set<SymbolRef> reads;
	std::set<SymbolRef> writes;
};

struct InitializerRef {
	SymbolRef symbol;
	std::string kind;		/* "function" or "variable" */

	bool operator<(const InitializerRef &o) const
	{
		return std::tie(symbol, kind) < std::tie(o.symbol, o.kind);
	}
};

struct VariableFacts {
	std::string name;
	std::string linkage;
	Location where;
	std::string type;
	std::string declaration;
	std::set<std::string> records;
	std::string section;
	std::string scope;
	std::set<InitializerRef> refs;
};

/* A member of a struct or union; anonymous members are flattened into it. */
struct FieldLayout {
	std::string name;
	long offset_bits;
	long size_bits;
	std::string type;
	std::set<std::string> records;
};

struct TypeLayout {
	std::string name;		/* "struct rq", "union thread_union" */
	Location where;
	long size = 0;			/* bytes */
	std::vector<FieldLayout> fields;	/* in offset order */
};

/* Writes JSON; the facts are flat enough not to need a library here. */
class JsonWriter {
public:
	explicit JsonWriter(std::ostream &out) : out_(out) {}

	void begin_object() { open('{'); }
	void end_object() { close('}'); }
	void begin_array() { open('['); }
	void end_array() { close(']'); }

	void key(const std::string &k)
	{
		separate();
		string(k);
		out_ << ": ";
		after_key_ = true;
	}

	void value(const std::string &v)
	{
		separate();
		string(v);
	}

	void value(long v)
	{
		separate();
		out_ << v;
	}

	void value(int v) { value(static_cast<long>(v)); }

	void value(bool v)
	{
		separate();
		out_ << (v ? "true" : "false");
	}

	template <typename T>
	void field(const std::string &k, const T &v)
	{
		key(k);
		value(v);
	}

private:
	void open(char c)
	{
		separate();
		out_ << c;
		first_.push_back(true);
	}

	void close(char c)
	{
		first_.pop_back();
		out_ << '\n' << std::string(2 * first_.size(), ' ') << c;
		if (first_.empty())
			out_ << '\n';
	}

	/* Comma and newline before every value except the first. */
	void separate()
	{
		if (after_key_) {
			after_key_ = false;
			return;
		}
		if (first_.empty())
			return;
		if (!first_.back())
			out_ << ',';
		first_.back() = false;
		out_ << '\n' << std::string(2 * first_.size(), ' ');
	}

	void string(const std::string &s)
	{
		out_ << '"';
		for (unsigned char c : s) {
			if (c == '"' || c == '\\') {
				out_ << '\\' << c;
			} else if (c < 0x20) {
				char buf[8];

				snprintf(buf, sizeof(buf), "\\u%04x", c);
				out_ << buf;
			} else {
				out_ << c;
			}
		}
		out_ << '"';
	}

	std::ostream &out_;
	std::vector<bool> first_;
	bool after_key_ = false;
};

/*
 * Names files relative to the source tree, as the boundary config does.
 * Both sides are resolved first: kbuild names sources by absolute paths in
 * O= builds and relative ones in-tree, and includes such as
 * "../../io_uring/io-wq.h" carry "..".
 */
class SourceNames {
public:
	explicit SourceNames(const std::string &srctree)
		: srctree_(resolved(srctree.empty() ? "." : srctree.c_str()))
	{
		if (srctree_.empty() || srctree_.back() != '/')
			srctree_ += '/';
	}

	std::string relative(const char *file) const
	{
		std::string path = resolved(file ? file : "");

		if (path.compare(0, srctree_.size(), srctree_) == 0)
			path.erase(0, srctree_.size());
		return path;
	}

private:
	static std::string resolved(const char *path)
	{
		char *real = lrealpath(path);
		std::string str = real ? real : path;

		free(real);
		return str;
	}

	std::string srctree_;
};

/*
 * C spelling of a type, with "inner" as the declarator: typedef names are
 * kept, records print as their tag.  Unlike the middle end's dumper it
 * never prints tree ids, so the same type reads the same in every unit.
 */
std::string type_to_string(tree type, const std::string &inner = "")
{
	std::string quals;

	if (!type || type == error_mark_node)
		return "<error>" + inner;
	if (TYPE_READONLY(type))
		quals += "const ";
	if (TYPE_VOLATILE(type))
		quals += "volatile ";

	tree name = TYPE_NAME(type);

	if (name && TREE_CODE(name) == TYPE_DECL && DECL_ORIGINAL_TYPE(name))
		return quals + IDENTIFIER_POINTER(DECL_NAME(name)) +
		       (inner.empty() ? "" : " " + inner);

	switch (TREE_CODE(type)) {
	case POINTER_TYPE: {
		tree target = TREE_TYPE(type);
		std::string decl = "*";

		if (!quals.empty())
			decl += " " + quals.substr(0, quals.size() - 1) +
				(inner.empty() ? "" : " ");
		decl += inner;
		if (TREE_CODE(target) == ARRAY_TYPE ||
		    TREE_CODE(target) == FUNCTION_TYPE)
			decl = "(" + decl + ")";
		return type_to_string(target, decl);
	}
	case ARRAY_TYPE: {
		tree domain = TYPE_DOMAIN(type);
		std::string bound;

		if (domain && TYPE_MAX_VALUE(domain) &&
		    tree_fits_shwi_p(TYPE_MAX_VALUE(domain)))
			bound = std::to_string(tree_to_shwi(TYPE_MAX_VALUE(domain)) + 1);
		return type_to_string(TREE_TYPE(type), inner + "[" + bound + "]");
	}
	case FUNCTION_TYPE: {
		std::string args;
		tree arg = TYPE_ARG_TYPES(type);

		for (; arg && TREE_VALUE(arg) != void_type_node; arg = TREE_CHAIN(arg))
			args += (args.empty() ? "" : ", ") + type_to_string(TREE_VALUE(arg));
		if (!arg)
			args += args.empty() ? "..." : ", ...";
		else if (args.empty())
			args = "void";
		return type_to_string(TREE_TYPE(type), inner + "(" + args + ")");
	}
	default:
		break;
	}

	std::string base;

	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	if (TREE_CODE(type) == RECORD_TYPE)
		base = "struct ";
	else if (TREE_CODE(type) == UNION_TYPE)
		base = "union ";
	else if (TREE_CODE(type) == ENUMERAL_TYPE)
		base = "enum ";
	base += name && TREE_CODE(name) == IDENTIFIER_NODE ?
		IDENTIFIER_POINTER(name) : "<anonymous>";
	if (inner.empty() || inner[0] == '[')
		return quals + base + inner;
	return quals + base + " " + inner;
}

/* "struct rq"; empty for an anonymous struct or union. */
std::string tag_of(tree type)
{
	tree name = TYPE_NAME(type);

	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	if (!name || TREE_CODE(name) != IDENTIFIER_NODE)
		return "";
	return std::string(TREE_CODE(type) == UNION_TYPE ? "union " : "struct ") +
	       IDENTIFIER_POINTER(name);
}

/*
 * Calls on_record for the main variant of each struct or union a type is
 * made of, seen through typedefs, pointers, arrays and function
 * prototypes, but not through members.
 */
template <typename OnRecord>
void for_each_record(tree type, OnRecord &&on_record)
{
	while (type && type != error_mark_node) {
		switch (TREE_CODE(type)) {
		case POINTER_TYPE:
		case REFERENCE_TYPE:
		case ARRAY_TYPE:
			type = TREE_TYPE(type);
			continue;
		case FUNCTION_TYPE:
			for (tree arg = TYPE_ARG_TYPES(type); arg; arg = TREE_CHAIN(arg))
				for_each_record(TREE_VALUE(arg), on_record);
			type = TREE_TYPE(type);
			continue;
		case RECORD_TYPE:
		case UNION_TYPE:
			on_record(TYPE_MAIN_VARIANT(type));
			return;
		default:
			return;
		}
	}
}

/*
 * The names of those records, how the analyser follows a type to the
 * layouts it depends on; an anonymous one is known only by its members.
 */
void add_records_of(tree type, std::set<std::string> &records)
{
	for_each_record(type, [&records](tree record) {
		std::string tag = tag_of(record);

		if (!tag.empty()) {
			records.insert(tag);
			return;
		}
		for (tree f = TYPE_FIELDS(record); f; f = DECL_CHAIN(f))
			if (TREE_CODE(f) == FIELD_DECL)
				add_records_of(TREE_TYPE(f), records);
	});
}

std::set<std::string> records_of(tree type)
{
	std::set<std::string> records;

	add_records_of(type, records);
	return records;
}

/*
 * An "extern inline" (gnu_inline) body is never emitted: like a static
 * inline function, each unit has its own copy to inline.
 */
bool is_extern_inline(tree decl)
{
	return TREE_CODE(decl) == FUNCTION_DECL && DECL_EXTERNAL(decl) &&
	       gimple_has_body_p(decl);
}

bool has_internal_linkage(tree decl)
{
	return !TREE_PUBLIC(decl) || is_extern_inline(decl);
}

SymbolRef ref_of(tree decl)
{
	return { IDENTIFIER_POINTER(DECL_ASSEMBLER_NAME(decl)),
		 has_internal_linkage(decl) };
}

std::string linkage_of(tree decl)
{
	if (has_internal_linkage(decl))
		return "static";
	return DECL_WEAK(decl) ? "weak" : "global";
}

std::string section_of(tree decl)
{
	const char *section = DECL_SECTION_NAME(decl);

	return section ? section : "";
}

/*
 * A variable that lives for the whole run: a global or a local static, but
 * not a global register variable such as current_stack_pointer, nor a
 * constant the compiler made of an initializer ("*.LC0"), which every unit
 * that copies from it emits for itself.
 */
bool is_static_storage_var(tree t)
{
	return TREE_CODE(t) == VAR_DECL && (TREE_STATIC(t) || DECL_EXTERNAL(t)) &&
	       !DECL_HARD_REGISTER(t) && !DECL_IN_CONSTANT_POOL(t);
}

/* Collects what one function body uses. */
class BodyScanner {
public:
	explicit BodyScanner(FunctionFacts &facts) : facts_(facts) {}

	void scan(function *fn)
	{
		basic_block bb;

		FOR_EACH_BB_FN(bb, fn) {
			for (gphi_iterator gsi = gsi_start_phis(bb); !gsi_end_p(gsi);
			     gsi_next(&gsi)) {
				gphi *phi = gsi.phi();

				for (unsigned int i = 0; i < gimple_phi_num_args(phi); i++)
					uses(gimple_phi_arg_def(phi, i), "store");
			}
			for (gimple_stmt_iterator gsi = gsi_start_bb(bb);
			     !gsi_end_p(gsi); gsi_next(&gsi))
				statement(gsi_stmt(gsi));
		}
	}

private:
	void statement(gimple stmt)
	{
		if (gimple_code(stmt) == GIMPLE_CALL) {
			call_statement(as_a_gcall(stmt));
			return;
		}
		if (gimple_code(stmt) == GIMPLE_ASM) {
			gasm *as = as_a_gasm(stmt);

			for (unsigned int i = 0; i < gimple_asm_noutputs(as); i++)
				target(TREE_VALUE(gimple_asm_output_op(as, i)));
			for (unsigned int i = 0; i < gimple_asm_ninputs(as); i++)
				uses(TREE_VALUE(gimple_asm_input_op(as, i)), "store");
			return;
		}
		if (is_gimple_assign(stmt)) {
			target(gimple_assign_lhs(stmt));
			for (unsigned int i = 1; i < gimple_num_ops(stmt); i++)
				uses(gimple_op(stmt, i), "store");
			return;
		}
		for (unsigned int i = 0; i < gimple_num_ops(stmt); i++)
			uses(gimple_op(stmt, i), "store");
	}

	void call_statement(gcall *call)
	{
		tree callee = gimple_call_fndecl(call);
		SymbolRef callee_ref;

		if (callee && !fndecl_built_in_p(callee)) {
			callee_ref = ref_of(callee);
			facts_.calls.insert(callee_ref);
		} else if (!callee) {
			/* An indirect call: the pointer is read. */
			uses(gimple_call_fn(call), "store");
		}
		if (gimple_call_lhs(call))
			target(gimple_call_lhs(call));
		for (unsigned int i = 0; i < gimple_call_num_args(call); i++) {
			if (callee && !fndecl_built_in_p(callee))
				uses(gimple_call_arg(call, i), "call-arg", &callee_ref);
			else
				uses(gimple_call_arg(call, i), "store");
		}
	}

	/* The object written is the base of the left-hand side. */
	void target(tree lhs)
	{
		tree base = get_base_address(lhs);

		if (base && is_static_storage_var(base))
			facts_.writes.insert(ref_of(base));
		uses(lhs, "store");
		if (base && is_static_storage_var(base) &&
		    lhs == base)
			facts_.reads.erase(ref_of(base));
	}

	struct WalkData {
		BodyScanner *self;
		const char *use;
		const SymbolRef *callee;
	};

	void uses(tree op, const char *use, const SymbolRef *callee = nullptr)
	{
		WalkData data = { this, use, callee };

		if (op)
			walk_tree_without_duplicates(&op, visit, &data);
	}

	static tree visit(tree *tp, int *walk_subtrees, void *arg)
	{
		WalkData *data = static_cast<WalkData *>(arg);
		tree t = *tp;

		if (TREE_CODE(t) == ADDR_EXPR) {
			tree obj = TREE_OPERAND(t, 0);

			if (TREE_CODE(obj) == FUNCTION_DECL) {
				data->self->address_taken(obj, data->use, data->callee);
				*walk_subtrees = 0;
				return NULL_TREE;
			}
			tree base = get_base_address(obj);

			if (base && is_static_storage_var(base))
				data->self->facts_.writes.insert(ref_of(base));
		}
		if (TREE_CODE(t) == FUNCTION_DECL)
			data->self->address_taken(t, data->use, data->callee);
		else if (is_static_storage_var(t))
			data->self->facts_.reads.insert(ref_of(t));
		if (TYPE_P(t) || DECL_P(t))
			*walk_subtrees = 0;
		return NULL_TREE;
	}

	void address_taken(tree fndecl, const char *use, const SymbolRef *callee)
	{
		if (fndecl_built_in_p(fndecl))
			return;
		AddressUse au = { ref_of(fndecl), use, {} };

		if (callee)
			au.callee = *callee;
		facts_.address_of.insert(au);
	}

	FunctionFacts &facts_;
};

/* Collects the facts of one translation unit and writes them. */
/*
 * The layouts of the structs and unions a unit's functions and variables
 * use, and of every one reachable from them through members, pointers,
 * arrays and function pointers: the boundary's ABI hash covers those that
 * cross it (FORMAT.md).
 */
class LayoutCollector {
public:
	explicit LayoutCollector(const SourceNames &names) : names_(names) {}

	void add_function(tree decl)
	{
		add_type(TREE_TYPE(decl));
	}

	void add_variable(tree decl)
	{
		add_type(TREE_TYPE(decl));
	}

	/* A struct or union the front end has just completed. */
	void add_finished(tree type)
	{
		add_type(type);
	}

	/* Sorted by name, then location. */
	std::vector<const TypeLayout *> sorted() const
	{
		std::vector<const TypeLayout *> order;

		for (const TypeLayout &layout : layouts_)
			order.push_back(&layout);
		std::sort(order.begin(), order.end(),
			  [](const TypeLayout *a, const TypeLayout *b) {
				  return std::tie(a->name, a->where.file, a->where.line) <
					 std::tie(b->name, b->where.file, b->where.line);
			  });
		return order;
	}

private:
	void add_type(tree type)
	{
		for_each_record(type, [this](tree record) { add_record(record); });
	}

	/*
	 * A record reached while still incomplete is not yet seen: while the
	 * front end parses, its definition may follow.
	 */
	void add_record(tree type)
	{
		if (!COMPLETE_TYPE_P(type) || !tree_fits_uhwi_p(TYPE_SIZE_UNIT(type)) ||
		    !seen_.insert(type).second)
			return;

		std::string name = tag_of(type);
		TypeLayout layout;

		/* Anonymous ones are laid out inside the record holding them. */
		if (name.empty())
			return add_members(type);
		layout.name = name;
		if (TYPE_STUB_DECL(type)) {
			layout.where.file =
				names_.relative(DECL_SOURCE_FILE(TYPE_STUB_DECL(type)));
			layout.where.line = DECL_SOURCE_LINE(TYPE_STUB_DECL(type));
		}
		layout.size = tree_to_uhwi(TYPE_SIZE_UNIT(type));
		flatten(type, "", 0, layout.fields);
		layouts_.push_back(std::move(layout));
		add_members(type);
	}

	void add_members(tree type)
	{
		for (tree field = TYPE_FIELDS(type); field; field = DECL_CHAIN(field))
			if (TREE_CODE(field) == FIELD_DECL)
				add_type(TREE_TYPE(field));
	}

	void flatten(tree type, const std::string &prefix, long base,
		     std::vector<FieldLayout> &fields)
	{
		for (tree field = TYPE_FIELDS(type); field; field = DECL_CHAIN(field)) {
			if (TREE_CODE(field) != FIELD_DECL)
				continue;

			tree ftype = TREE_TYPE(field);
			const long offset = base + int_bit_position(field);
			const bool record = TREE_CODE(ftype) == RECORD_TYPE ||
					    TREE_CODE(ftype) == UNION_TYPE;
			std::string name = prefix;

			if (DECL_NAME(field))
				name += IDENTIFIER_POINTER(DECL_NAME(field));
			if (record && tag_of(TYPE_MAIN_VARIANT(ftype)).empty()) {
				flatten(ftype, DECL_NAME(field) ? name + "." : prefix,
					offset, fields);
				continue;
			}
			fields.push_back({ name, offset,
					   DECL_SIZE(field) && tree_fits_shwi_p(DECL_SIZE(field)) ?
						   (long)tree_to_shwi(DECL_SIZE(field)) : -1,
					   type_to_string(ftype), records_of(ftype) });
		}
	}

	const SourceNames &names_;
	std::set<tree> seen_;
	std::vector<TypeLayout> layouts_;
};

class FactsCollector {
public:
	FactsCollector(std::string output, SourceNames names)
		: output_(std::move(output)), names_(std::move(names)), layouts_(names_) {}

	void collect()
	{
		cgraph_node *node;
		varpool_node *var;

		FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node)
			function_facts(node->decl);
		FOR_EACH_VARIABLE(var)
			if (!DECL_EXTERNAL(var->decl) &&
			    is_static_storage_var(var->decl))
				variable_facts(var->decl);
	}

	bool write() const
	{
		std::ofstream out(output_);
		JsonWriter json(out);

		json.begin_object();
		json.field("format", 1);
		json.field("unit", names_.relative(main_input_filename));
		json.key("functions");
		json.begin_array();
		for (const FunctionFacts *f : sorted(functions_))
			write_function(json, *f);
		json.end_array();
		json.key("variables");
		json.begin_array();
		for (const VariableFacts *v : sorted(variables_))
			write_variable(json, *v);
		json.end_array();
		json.key("types");
		json.begin_array();
		for (const TypeLayout *t : layouts_.sorted())
			write_type(json, *t);
		json.end_array();
		json.end_object();
		out.close();
		return !out.fail();
	}

	const std::string &output() const { return output_; }

	/* layouts-only: see the top of the file. */
	void add_finished_type(tree type) { layouts_.add_finished(type); }

private:
	template <typename Facts>
	static std::vector<const Facts *> sorted(const std::vector<Facts> &all)
	{
		std::vector<const Facts *> order;

		for (const Facts &f : all)
			order.push_back(&f);
		std::sort(order.begin(), order.end(), [](const Facts *a, const Facts *b) {
			return std::tie(a->where.file, a->where.line, a->name) <
			       std::tie(b->where.file, b->where.line, b->name);
		});
		return order;
	}

	void function_facts(tree decl)
	{
		function *fn = DECL_STRUCT_FUNCTION(decl);
		FunctionFacts facts;

		facts.name = ref_of(decl).name;
		facts.linkage = linkage_of(decl);
		facts.where.file = names_.relative(DECL_SOURCE_FILE(decl));
		facts.where.line = DECL_SOURCE_LINE(decl);
		facts.where.end_line = fn ? LOCATION_LINE(fn->function_end_locus) : 0;
		facts.signature = signature(decl);
		facts.records = records_of(TREE_TYPE(decl));
		facts.attributes = attributes(decl);
		facts.section = section_of(decl);
		layouts_.add_function(decl);
		if (fn && fn->cfg) {
			push_cfun(fn);
			BodyScanner(facts).scan(fn);
			pop_cfun();
		}
		functions_.push_back(std::move(facts));
	}

	void variable_facts(tree decl)
	{
		VariableFacts facts;
		tree context = DECL_CONTEXT(decl);

		facts.name = ref_of(decl).name;
		facts.linkage = linkage_of(decl);
		facts.where.file = names_.relative(DECL_SOURCE_FILE(decl));
		facts.where.line = DECL_SOURCE_LINE(decl);
		facts.type = type_to_string(TREE_TYPE(decl));
		facts.declaration = type_to_string(TREE_TYPE(decl),
						   IDENTIFIER_POINTER(DECL_NAME(decl)));
		facts.records = records_of(TREE_TYPE(decl));
		facts.section = section_of(decl);
		layouts_.add_variable(decl);
		if (context && TREE_CODE(context) == FUNCTION_DECL)
			facts.scope = IDENTIFIER_POINTER(DECL_NAME(context));
		if (DECL_INITIAL(decl) && DECL_INITIAL(decl) != error_mark_node) {
			tree init = DECL_INITIAL(decl);

			walk_tree_without_duplicates(&init, initializer_ref, &facts.refs);
		}
		variables_.push_back(std::move(facts));
	}

	static tree initializer_ref(tree *tp, int *walk_subtrees, void *arg)
	{
		auto *refs = static_cast<std::set<InitializerRef> *>(arg);
		tree t = *tp;

		if (TREE_CODE(t) == FUNCTION_DECL && !fndecl_built_in_p(t))
			refs->insert({ ref_of(t), "function" });
		else if (is_static_storage_var(t))
			refs->insert({ ref_of(t), "variable" });
		if (TYPE_P(t) || DECL_P(t))
			*walk_subtrees = 0;
		return NULL_TREE;
	}

	static std::string signature(tree decl)
	{
		return type_to_string(TREE_TYPE(decl),
				      IDENTIFIER_POINTER(DECL_NAME(decl)));
	}

	static std::set<std::string> attributes(tree decl)
	{
		static const struct {
			const char *gcc_name;
			const char *name;
		} plain[] = {
			{ "always_inline", "always_inline" },
			{ "noinline", "noinline" },
			{ "cold", "cold" },
			{ "hot", "hot" },
			{ "naked", "naked" },
			{ "no_instrument_function", "notrace" },
		};
		static const struct {
			const char *section;
			const char *name;
		} sections[] = {
			{ ".sched.text", "sched" },
			{ ".noinstr.text", "noinstr" },
			{ ".init.text", "init" },
			{ ".cpuidle.text", "cpuidle" },
		};
		std::set<std::string> attrs;
		const std::string section = section_of(decl);

		if (DECL_DECLARED_INLINE_P(decl))
			attrs.insert("inline");
		if (DECL_WEAK(decl))
			attrs.insert("weak");
		if (TREE_THIS_VOLATILE(decl))
			attrs.insert("noreturn");
		for (const auto &a : plain)
			if (lookup_attribute(a.gcc_name, DECL_ATTRIBUTES(decl)))
				attrs.insert(a.name);
		for (const auto &s : sections)
			if (section == s.section)
				attrs.insert(s.name);
		return attrs;
	}

	static void write_ref(JsonWriter &json, const SymbolRef &ref)
	{
		json.field("name", ref.name);
		json.field("static", ref.is_static);
	}

	static void write_strings(JsonWriter &json, const char *key,
				  const std::set<std::string> &strings)
	{
		json.key(key);
		json.begin_array();
		for (const std::string &s : strings)
			json.value(s);
		json.end_array();
	}

	static void write_refs(JsonWriter &json, const char *key,
			       const std::set<SymbolRef> &refs)
	{
		json.key(key);
		json.begin_array();
		for (const SymbolRef &ref : refs) {
			json.begin_object();
			write_ref(json, ref);
			json.end_object();
		}
		json.end_array();
	}

	/* What functions and variables both begin with. */
	static void write_identity(JsonWriter &json, const std::string &name,
				   const std::string &linkage,
				   const Location &where)
	{
		json.field("name", name);
		json.field("asm", name);
		json.field("linkage", linkage);
		json.field("file", where.file);
		json.field("line", where.line);
	}

	static void write_function(JsonWriter &json, const FunctionFacts &f)
	{
		json.begin_object();
		write_identity(json, f.name, f.linkage, f.where);
		json.field("end_line", f.where.end_line);
		json.field("signature", f.signature);
		write_strings(json, "records", f.records);
		write_strings(json, "attributes", f.attributes);
		json.field("section", f.section);
		write_refs(json, "calls", f.calls);
		json.key("address_of");
		json.begin_array();
		for (const AddressUse &use : f.address_of) {
			json.begin_object();
			write_ref(json, use.target);
			json.field("use", use.use);
			if (use.use == "call-arg") {
				json.key("callee");
				json.begin_object();
				write_ref(json, use.callee);
				json.end_object();
			}
			json.end_object();
		}
		json.end_array();
		write_refs(json, "reads", f.reads);
		write_refs(json, "writes", f.writes);
		json.end_object();
	}

	static void write_variable(JsonWriter &json, const VariableFacts &v)
	{
		json.begin_object();
		write_identity(json, v.name, v.linkage, v.where);
		json.field("type", v.type);
		json.field("declaration", v.declaration);
		write_strings(json, "records", v.records);
		json.field("section", v.section);
		json.field("per_cpu", v.section.compare(0, 13, ".data..percpu") == 0);
		json.field("scope", v.scope);
		json.key("refs");
		json.begin_array();
		for (const InitializerRef &ref : v.refs) {
			json.begin_object();
			write_ref(json, ref.symbol);
			json.field("kind", ref.kind);
			json.end_object();
		}
		json.end_array();
		json.end_object();
	}

	static void write_type(JsonWriter &json, const TypeLayout &t)
	{
		json.begin_object();
		json.field("name", t.name);
		json.field("file", t.where.file);
		json.field("line", t.where.line);
		json.field("size", t.size);
		json.key("fields");
		json.begin_array();
		for (const FieldLayout &f : t.fields) {
			json.begin_object();
			json.field("name", f.name);
			json.field("offset", f.offset_bits);
			json.field("bits", f.size_bits);
			json.field("type", f.type);
			write_strings(json, "records", f.records);
			json.end_object();
		}
		json.end_array();
		json.end_object();
	}

	std::string output_;
	SourceNames names_;
	LayoutCollector layouts_;
	std::vector<FunctionFacts> functions_;
	std::vector<VariableFacts> variables_;
};

/* publish-statics: see the top of the file. */
class StaticsPublisher {
public:
	StaticsPublisher(std::string prefix, const SourceNames &names)
		: prefix_(std::move(prefix)), names_(names) {}

	bool enabled() const { return !prefix_.empty(); }

	void publish() const
	{
		publish_variables();
		list_functions();
	}

	/*
	 * The text of the functions of those files as the compiler emitted
	 * it, clones and the cold parts it split off ("<name>.cold")
	 * included, by the boundary key of the function it came from, in the
	 * section __sched_live_text: a live switch checks that no task
	 * executes in, or returns into, the text it bypasses.  Only once the
	 * unit is compiled is it known which functions have text, and which
	 * have a cold part: the assembler is asked.
	 */
	void list_text() const
	{
		const std::string unit = names_.relative(main_input_filename);
		cgraph_node *node;
		int n = 0;

		FOR_EACH_FUNCTION(node) {
			tree decl = node->decl;

			if (!TREE_ASM_WRITTEN(decl) || DECL_EXTERNAL(decl) ||
			    !file_scope(decl))
				continue;

			const tree origin = DECL_ORIGIN(decl);
			const std::string key = TREE_PUBLIC(origin) ?
				IDENTIFIER_POINTER(DECL_NAME(origin)) :
				unit + ":" + IDENTIFIER_POINTER(DECL_NAME(origin));
			const std::string label = ".Lsched_live_text" + std::to_string(n++);
			const char *const name =
				IDENTIFIER_POINTER(DECL_ASSEMBLER_NAME(decl));

			fprintf(asm_out_file,
				"\t.pushsection .rodata.str1.1,\"aMS\",@progbits,1\n"
				"%s:\t.asciz \"%s\"\n"
				"\t.popsection\n",
				label.c_str(), key.c_str());
			list_text_entry(label, name, "");
			list_text_entry(label, name, ".cold");
		}
	}

private:
	/* One entry of __sched_live_text; a cold part only if there is one. */
	static void list_text_entry(const std::string &label, const char *name,
				    const char *suffix)
	{
		const bool optional = *suffix;

		if (optional)
			fprintf(asm_out_file, "\t.ifdef %s%s\n", name, suffix);
		fprintf(asm_out_file,
			"\t.pushsection __sched_live_text,\"a\"\n"
			"\t.balign 8\n"
			"\t.quad %s\n"
			"\t.quad %s%s\n"
			"\t.popsection\n",
			label.c_str(), name, suffix);
		if (optional)
			fprintf(asm_out_file, "\t.endif\n");
	}

	void publish_variables() const
	{
		varpool_node *var;

		FOR_EACH_VARIABLE(var) {
			tree decl = var->decl;

			if (DECL_EXTERNAL(decl) || TREE_PUBLIC(decl) || !file_scope(decl))
				continue;
			const std::string name = sched_boundary::published_name(
				main_input_filename, IDENTIFIER_POINTER(DECL_NAME(decl)));

			symtab->change_decl_assembler_name(decl,
							   get_identifier(name.c_str()));
			TREE_PUBLIC(decl) = 1;
		}
	}

	/*
	 * The functions a scheduler module may take over: the global ones and
	 * the static ones whose address is taken, listed with their boundary
	 * key ("name", or "<unit>:<name>" for a static) in the section
	 * __sched_live_functions, which the kernel searches by key.  A static
	 * function is listed from its own unit, where its name is known.
	 *
	 * Such a static function also gets a global alias named as a
	 * published variable would be: a module whose boundary keeps the
	 * function in vmlinux (NUMA balancing's task_work, which sleeps)
	 * links against vmlinux's copy by that name.  Backtraces still show
	 * the function's own name: of two names for one address, kallsyms
	 * prefers the one with fewer leading underscores, then the one nm
	 * lists first, which is the local one.
	 */
	void list_functions() const
	{
		const std::string unit = names_.relative(main_input_filename);
		cgraph_node *node;
		std::string text;
		int n = 0;

		FOR_EACH_DEFINED_FUNCTION(node) {
			tree decl = node->decl;

			if (DECL_EXTERNAL(decl) || !file_scope(decl) ||
			    (!TREE_PUBLIC(decl) && !node->address_taken))
				continue;
			node->force_output = 1;

			const std::string key = TREE_PUBLIC(decl) ?
				IDENTIFIER_POINTER(DECL_NAME(decl)) :
				unit + ":" + IDENTIFIER_POINTER(DECL_NAME(decl));
			const std::string label = ".Lsched_live_fn" + std::to_string(n++);

			text += "\t.pushsection __sched_live_functions,\"a\"\n"
				"\t.balign 8\n"
				"\t.quad " + label + "\n"
				"\t.quad " + IDENTIFIER_POINTER(DECL_ASSEMBLER_NAME(decl)) + "\n"
				"\t.popsection\n"
				"\t.pushsection .rodata.str1.1,\"aMS\",@progbits,1\n" +
				label + ":\t.asciz \"" + key + "\"\n"
				"\t.popsection\n";
			if (!TREE_PUBLIC(decl))
				text += alias(decl);
		}
		if (!text.empty())
			symtab->finalize_toplevel_asm(build_string(text.size(), text.c_str()));
	}

	/*
	 * A global alias of @decl by its published name; the assembler gives
	 * it the function's type and size.
	 */
	static std::string alias(tree decl)
	{
		const std::string name = sched_boundary::published_name(
			main_input_filename, IDENTIFIER_POINTER(DECL_NAME(decl)));

		return "\t.globl\t" + name + "\n"
		       "\t.set\t" + name + ", " +
		       IDENTIFIER_POINTER(DECL_ASSEMBLER_NAME(decl)) + "\n";
	}

	/* A file-scope definition in a .c file under the prefix. */
	bool file_scope(tree decl) const
	{
		tree context = DECL_CONTEXT(decl);

		if (!TREE_STATIC(decl) || !DECL_NAME(decl) ||
		    (context && TREE_CODE(context) != TRANSLATION_UNIT_DECL))
			return false;

		const std::string file = names_.relative(DECL_SOURCE_FILE(decl));

		return file.compare(0, prefix_.size(), prefix_) == 0 &&
		       file.size() > 2 && file.compare(file.size() - 2, 2, ".c") == 0;
	}

	std::string prefix_;
	const SourceNames &names_;
};

const pass_data sched_boundary_pass_data = {
	.type			= SIMPLE_IPA_PASS,
	.name			= "sched_boundary",
	.optinfo_flags		= OPTGROUP_NONE,
	.tv_id			= TV_NONE,
	.properties_required	= 0,
	.properties_provided	= 0,
	.properties_destroyed	= 0,
	.todo_flags_start	= 0,
	.todo_flags_finish	= 0,
};

/* Records the unit once, before free_lang_data drops names and types. */
class SchedBoundaryPass : public simple_ipa_opt_pass {
public:
	SchedBoundaryPass(FactsCollector *collector, const StaticsPublisher &publisher)
		: simple_ipa_opt_pass(sched_boundary_pass_data, g),
		  collector_(collector), publisher_(publisher) {}

	/* Facts first: they name variables as the source does. */
	unsigned int execute(function *) override
	{
		if (collector_) {
			collector_->collect();
			if (!collector_->write())
				error("cannot write %qs", collector_->output().c_str());
		}
		if (publisher_.enabled())
			publisher_.publish();
		return 0;
	}

	opt_pass *clone() override { return this; }

private:
	FactsCollector *collector_;
	const StaticsPublisher &publisher_;
};

void list_text(void *, void *publisher)
{
	static_cast<const StaticsPublisher *>(publisher)->list_text();
}

void add_finished_type(void *type, void *collector)
{
	const tree t = static_cast<tree>(type);

	if (TREE_CODE(t) == RECORD_TYPE || TREE_CODE(t) == UNION_TYPE)
		static_cast<FactsCollector *>(collector)->add_finished_type(t);
}

void write_layouts(void *, void *collector)
{
	const FactsCollector *facts = static_cast<FactsCollector *>(collector);

	if (!seen_error() && !facts->write())
		error("cannot write %qs", facts->output().c_str());
}

} /* namespace */

__visible int plugin_init(struct plugin_name_args *plugin_info,
			  struct plugin_gcc_version *version)
{
	const char *const plugin_name = plugin_info->base_name;
	std::string output, srctree, publish;
	bool layouts_only = false;
	struct register_pass_info pass_info;

	if (!plugin_default_version_check(version, &gcc_version)) {
		error(G_("incompatible gcc/plugin versions"));
		return 1;
	}

	for (int i = 0; i < plugin_info->argc; i++) {
		const plugin_argument &arg = plugin_info->argv[i];
		const char *value = arg.value ? arg.value : "";

		if (!strcmp(arg.key, "output"))
			output = value;
		else if (!strcmp(arg.key, "srctree"))
			srctree = value;
		else if (!strcmp(arg.key, "publish-statics"))
			publish = value;
		else if (!strcmp(arg.key, "layouts-only"))
			layouts_only = true;
		else
			error(G_("unknown option %<-fplugin-arg-%s-%s%>"),
			      plugin_name, arg.key);
	}
	if (output.empty() && publish.empty()) {
		error(G_("option %<-fplugin-arg-%s-output%> or "
			 "%<-fplugin-arg-%s-publish-statics%> is required"),
		      plugin_name, plugin_name);
		return 1;
	}
	if (layouts_only && (output.empty() || !publish.empty())) {
		error(G_("option %<-fplugin-arg-%s-layouts-only%> needs "
			 "%<-fplugin-arg-%s-output%> and no other mode"),
		      plugin_name, plugin_name);
		return 1;
	}

	static struct plugin_info info = {
		.version = PLUGIN_VERSION,
		.help = plugin_help,
	};
	register_callback(plugin_name, PLUGIN_INFO, NULL, &info);

	/* These live as long as the compiler; gcc never unloads a plugin. */
	auto *names = new SourceNames(srctree);
	auto *collector = output.empty() ? nullptr : new FactsCollector(output, *names);

	if (layouts_only) {
		register_callback(plugin_name, PLUGIN_FINISH_TYPE, add_finished_type,
				  collector);
		register_callback(plugin_name, PLUGIN_FINISH, write_layouts, collector);
		return 0;
	}

	auto *publisher = new StaticsPublisher(publish, *names);

	if (publisher->enabled())
		register_callback(plugin_name, PLUGIN_FINISH_UNIT, list_text, publisher);

	pass_info.pass = new SchedBoundaryPass(collector, *publisher);
	pass_info.reference_pass_name = "*free_lang_data";
	pass_info.ref_pass_instance_number = 1;
	pass_info.pos_op = PASS_POS_INSERT_BEFORE;
	register_callback(plugin_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass_info);
	return 0;
}
