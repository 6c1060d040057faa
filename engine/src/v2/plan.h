#pragma once
// Internal: the V2 engine's plan — what compile() makes of a document (version 1 or 2) once,
// and execute() runs many times: functions resolved to their implementations, constant
// expressions folded, simple paths and singular JSONPath queries turned into steps, names
// resolved to slots, object blocks flattened into prefixed targets.

#include "mdsl/ast.h"
#include "mdsl/jsonpath.h"
#include "runtime/functions.h"
#include "runtime/output.h"
#include "runtime/state.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mdsl::v2 {

enum class Op : std::uint8_t {
    Const,        ///< a folded constant (or missing)
    Path,         ///< steps from the context (a simple path, or a singular `@` query)
    RootPath,     ///< steps from the input root (a singular `$` query)
    Query,        ///< a non-singular JSONPath query: the array of its matches
    Navigate,     ///< steps read from the value of kids[0] (`o.id`, `first(.items).sku`)
    Slot,         ///< a `let`, `table` or `each … as` name
    Call,         ///< a function (the arguments of a pipe start with its input)
    Not,
    Negate,
    And,
    Or,
    Coalesce,
    Binary,       ///< the other binary operators
    Array,        ///< array literal
    Object,       ///< object literal
};

/// One step of a path: a member name or an array index (negative: from the end).
struct Step {
    std::string key;
    std::int64_t index = 0;
    bool isIndex = false;
};

struct Node {
    Op op = Op::Const;
    /// Inside a constant expression that could not be folded: evaluated without its own
    /// step or trace value (like V1 does), so that both engines count and trace alike.
    bool quiet = false;
    Span span;
    std::optional<Json> constant;                   ///< Const (nullopt: missing)
    /// Const folded from an expression: what its evaluation built, counted against the run's
    /// budget each time it is read, where and as the V1 engine counts it evaluating it.
    std::vector<rt::BuildCharge> constantCharges;
    std::vector<Step> steps;                        ///< Path, RootPath, Navigate
    const jsonpath::Query* query = nullptr;         ///< Query
    int slot = -1;                                  ///< Slot
    const rt::FunctionImpl* function = nullptr;     ///< Call
    ast::BinaryOp binary = ast::BinaryOp::Add;      ///< Binary
    std::vector<std::unique_ptr<Node>> kids;        ///< operands, arguments, elements, values
    std::vector<std::string> keys;                  ///< Object: the key of each kid
};

enum class StmtOp : std::uint8_t { Let, Rule, ArrayBlock, When };

struct Statement {
    StmtOp op = StmtOp::Rule;
    Span span;
    Span targetSpan;
    /// Rule, ArrayBlock: the target relative to the current output object (object block
    /// prefixes included).
    std::vector<ast::PathSegment> target;
    /// Rule, ArrayBlock: for each target segment, the keys an object created to hold it may
    /// get (reserved when it is created: growing an object copies its members).
    std::vector<std::uint32_t> capacity;
    /// Rule, ArrayBlock: bit i set when segment i's key can only be put in its object by this
    /// statement (appended without a lookup).
    std::uint64_t freshKeys = 0;
    [[nodiscard]] rt::TargetHints hints() const noexcept { return {capacity, freshKeys}; }
    std::unique_ptr<Node> value;   ///< let value, rule value, array source, when condition
    int slot = -1;                 ///< Let: its slot; ArrayBlock: the `as` slot (or -1)
    std::vector<int> scopeSlots;   ///< ArrayBlock: slots declared in its body, reset per element
    std::vector<Statement> body;   ///< ArrayBlock, When
    std::vector<Statement> elseBody;
    std::uint32_t itemCapacity = 0;   ///< ArrayBlock: the keys an element's object may get
};

struct Plan {
    std::vector<Statement> statements;
    std::uint32_t rootCapacity = 0;   ///< the keys the output object may get
    int slotCount = 0;
    std::vector<std::string> slotNames;
};

/// Compiles a document that validated without errors.
std::unique_ptr<Plan> compile(const ast::Document& document);

/// Runs a plan over the state's input into `output` (see v1::run for errors and limits).
void execute(const Plan& plan, rt::RunState& state, Json& output);

/// Thrown by evaluateWith() when the expression reads a slot marked unreadable.
struct UnreadableSlot {
    int slot = -1;
    Span span;
};

/// Evaluates one expression of a plan under the state's limits, with `context` as `.` and the
/// values of the plan's slots given (missing where not given): what a breakpoint condition,
/// compiled once in the scope of its rule, runs for each stop of a recorded run. Reading a
/// slot whose `unreadable` entry is set throws UnreadableSlot (a value the trace did not keep).
rt::Value evaluateWith(const Plan& plan, const Node& node, rt::RunState& state, const Json& context,
                       std::vector<rt::Value> slots, std::vector<char> unreadable = {});

/// The plan as JSON: what `mapping-dsl compile --engine v2` prints.
Json planToJson(const Plan& plan);

} // namespace mdsl::v2
