// The V2 executor: runs a plan. Values are read in place (borrowed), functions are called
// through their resolved implementations, names are slots.

#include "v2/plan.h"

#include "runtime/engine_call.h"
#include "runtime/evaluate.h"
#include "runtime/output.h"

namespace mdsl::v2 {

namespace {

class Executor {
public:
    Executor(const Plan& plan, rt::RunState& state)
        : state_(state), context_(&state.input), slots_(static_cast<std::size_t>(plan.slotCount))
    {
    }

    void execute(const std::vector<Statement>& body, Json& base)
    {
        for (const Statement& stmt : body)
            executeStmt(stmt, base);
    }

    rt::Value eval(const Node& node)
    {
        if (node.quiet)
            return evalNode(node);
        return rt::countedValue(state_, node.span, [&] { return evalNode(node); });
    }

    rt::Value evalWithContext(const Node& node, const Json& context)
    {
        const rt::ContextSwap swap(context_, context);
        return eval(node);
    }

    /// Starts from a context and names' values other than the input's (a breakpoint condition
    /// evaluated over a recorded run).
    void bind(const Json& context, std::vector<rt::Value> slots, std::vector<char> unreadable)
    {
        context_ = &context;
        slots_ = std::move(slots);
        unreadable_ = std::move(unreadable);
    }

    /// Writes may append their fresh keys without a lookup only into objects this run built.
    bool freshOutput = true;

private:
    rt::TargetHints hints(const Statement& stmt) const noexcept
    {
        rt::TargetHints result = stmt.hints();
        if (!freshOutput)
            result.freshKeys = 0;
        result.baseDepth = baseDepth_;
        return result;
    }

    void executeStmt(const Statement& stmt, Json& base)
    {
        switch (stmt.op) {
        case StmtOp::Let:
            slots_[static_cast<std::size_t>(stmt.slot)] = rt::letValue(state_, [&] { return eval(*stmt.value); });
            return;
        case StmtOp::Rule:
            rt::runRule(state_, stmt.span, stmt.targetSpan, base, stmt.target, [&] { return eval(*stmt.value); },
                        hints(stmt));
            return;
        case StmtOp::When: executeWhen(stmt, base); return;
        case StmtOp::ArrayBlock: executeArrayBlock(stmt, base); return;
        }
    }

    void executeWhen(const Statement& stmt, Json& base)
    {
        bool holds = false;
        try {
            const rt::Value condition = eval(*stmt.value);
            holds = !condition.isMissingOrNull()
                 && rt::requireBoolean(condition.json(), "operand.when", stmt.value->span);
        } catch (rt::Failure& failure) {
            if (failure.fatal)
                throw;
            state_.record(failure.error);
            return;
        }
        execute(holds ? stmt.body : stmt.elseBody, base);
    }

    void executeArrayBlock(const Statement& stmt, Json& base)
    {
        ++state_.stats.rules;
        if (state_.tracing)
            state_.traceRule(stmt.span);
        try {
            if (!state_.tracing && stmt.value->op == Op::Query && !stmt.value->quiet) {
                // The elements a query selects are read in place, not copied into an array
                // first: the same steps and clock ticks as evaluating the query (eval), and
                // with the trace off nothing else tells the two apart.
                const Node& query = *stmt.value;
                std::vector<const Json*> matches;
                state_.step(query.span);
                {
                    const rt::DepthGuard guard(state_, query.span);
                    rt::QueryWatch watch(state_, query.span);
                    query.query->select(state_.input, *context_, matches, &watch);
                    for (std::size_t i = 0; i < matches.size(); ++i)
                        state_.tick(query.span);
                }
                rt::writeValue(state_, base, stmt.target,
                               rt::Value::own(buildElements(stmt, matches.size(),
                                                            [&](std::size_t i) -> const Json& { return *matches[i]; })),
                               stmt.targetSpan, hints(stmt));
                return;
            }
            const rt::Value source = eval(*stmt.value);
            if (source.isMissingOrNull()) {
                ++state_.stats.skipped;
                if (state_.tracing)
                    state_.traceSkip(stmt.span, rt::targetPointer(state_, stmt.target),
                                     source.isMissing() ? "source missing" : "source null");
                return;
            }
            if (!source.json().is_array())
                rt::fail(rt::code::kEach, stmt.value->span, {std::string(rt::typeId(source))});
            const Json::array_t& elements = *source.json().get_ptr<const Json::array_t*>();
            rt::writeValue(state_, base, stmt.target,
                           rt::Value::own(buildElements(stmt, elements.size(),
                                                        [&](std::size_t i) -> const Json& { return elements[i]; })),
                           stmt.targetSpan, hints(stmt));
        } catch (rt::Failure& failure) {
            if (failure.fatal)
                throw;
            state_.record(failure.error);
        }
    }

    /// The elements of an array block: one object per source element (elementAt(i)).
    template <class ElementAt>
    Json buildElements(const Statement& stmt, std::size_t count, const ElementAt& elementAt)
    {
        Json elements = Json::array();
        Json::array_t& items = *elements.get_ptr<Json::array_t*>();
        items.reserve(count);
        const Json* savedContext = context_;
        const std::int64_t savedIndex = state_.elementIndex;
        std::string savedPointer;
        if (state_.tracing) {
            savedPointer = state_.pointerBase;
            state_.pointerBase = rt::targetPointer(state_, stmt.target);
        }
        struct Restore {
            Executor& self;
            const Json* context;
            std::int64_t index;
            std::string pointer;
            int baseDepth;
            ~Restore()
            {
                self.context_ = context;
                self.state_.elementIndex = index;
                self.baseDepth_ = baseDepth;
                if (self.state_.tracing)
                    self.state_.pointerBase = std::move(pointer);
            }
        } restore { *this, savedContext, savedIndex, savedPointer, baseDepth_ };
        // Each element's object sits below the block's target and the array.
        baseDepth_ += static_cast<int>(stmt.target.size()) + 1;
        const std::string blockPointer = state_.tracing ? state_.pointerBase : std::string();
        for (std::size_t i = 0; i < count; ++i) {
            const Json& element = elementAt(i);
            const auto index = static_cast<std::int64_t>(i);
            rt::DepthGuard guard(state_, stmt.span);
            for (const int slot : stmt.scopeSlots)
                slots_[static_cast<std::size_t>(slot)] = rt::Value::missing();
            if (stmt.slot >= 0)
                slots_[static_cast<std::size_t>(stmt.slot)] = rt::Value::borrow(element);
            context_ = &element;
            state_.elementIndex = index;
            if (state_.tracing) {
                state_.pointerBase = blockPointer + "/" + std::to_string(index);
                state_.traceElement(TraceKind::ElementEntered, stmt.span, index, &element);
            }
            Json& item = items.emplace_back(Json::value_t::object);   // reserved: stays in place
            item.get_ptr<Json::object_t*>()->reserve(stmt.itemCapacity);
            execute(stmt.body, item);
            if (state_.tracing)
                state_.traceElement(TraceKind::ElementLeft, stmt.span, index);
        }
        return elements;
    }

    rt::Value walk(const Json* node, const std::vector<Step>& steps) const
    {
        for (const Step& step : steps) {
            if (!step.isIndex) {
                if (!node->is_object())
                    return rt::Value::missing();
                const auto found = node->find(step.key);
                if (found == node->end())
                    return rt::Value::missing();
                node = &*found;
                continue;
            }
            if (!node->is_array())
                return rt::Value::missing();
            const auto size = static_cast<std::int64_t>(node->size());
            const std::int64_t index = step.index < 0 ? size + step.index : step.index;
            if (index < 0 || index >= size)
                return rt::Value::missing();
            node = &(*node)[static_cast<std::size_t>(index)];
        }
        return rt::Value::borrow(*node);
    }

    rt::Value evalNode(const Node& node)
    {
        switch (node.op) {
        case Op::Const:
            for (const rt::BuildCharge& charge : node.constantCharges)
                state_.build(charge.bytes, charge.span);
            return node.constant ? rt::Value::borrow(*node.constant) : rt::Value::missing();
        case Op::Path: return walk(context_, node.steps);
        case Op::RootPath: return walk(&state_.input, node.steps);
        case Op::Navigate: {
            rt::Value base = eval(*node.kids[0]);
            if (!base.isOwned())
                return base.isMissing() ? base : walk(&base.json(), node.steps);
            // A value the expression built (a call's result): its part is moved out of it.
            Json whole = std::move(base).take();
            const rt::Value part = walk(&whole, node.steps);
            if (part.isMissing())
                return part;
            return rt::Value::own(std::move(const_cast<Json&>(part.json())));   // a part of `whole`, ours
        }
        case Op::Query: {
            std::vector<const Json*> matches;
            rt::QueryWatch watch(state_, node.span);
            node.query->select(state_.input, *context_, matches, &watch);
            Json out = Json::array();
            state_.build(16 * matches.size() + 64, node.span);
            for (const Json* match : matches) {
                state_.tick(node.span);
                state_.buildCopy(*match, node.span);
                out.push_back(*match);
            }
            return rt::Value::own(std::move(out));
        }
        case Op::Slot: {
            if (!unreadable_.empty() && unreadable_[static_cast<std::size_t>(node.slot)])
                throw UnreadableSlot{node.slot, node.span};
            const rt::Value& value = slots_[static_cast<std::size_t>(node.slot)];
            return value.isMissing() ? rt::Value::missing() : rt::Value::borrow(value.json());
        }
        case Op::Call: return evalCall(node);
        case Op::Not:
            return rt::unaryValue(ast::UnaryOp::Not, eval(*node.kids[0]), node.span);
        case Op::Negate:
            return rt::unaryValue(ast::UnaryOp::Negate, eval(*node.kids[0]), node.span);
        case Op::And:
        case Op::Or:
        case Op::Coalesce:
        case Op::Binary:
            return rt::binaryValue(state_, node.binary, node.span, [&] { return eval(*node.kids[0]); },
                                   [&] { return eval(*node.kids[1]); });
        case Op::Array:
            return rt::arrayLiteral(state_, node.span, node.kids.size(), [&](std::size_t i) { return eval(*node.kids[i]); });
        case Op::Object:
            return rt::objectLiteral(
                state_, node.span, node.kids.size(), [&](std::size_t i) -> const std::string& { return node.keys[i]; },
                [&](std::size_t i) { return eval(*node.kids[i]); });
        }
        rt::fail("E499.plan-node", node.span);
    }

    rt::Value evalCall(const Node& node)
    {
        if (!node.function)
            rt::fail("E499.no-implementation", node.span);
        rt::EngineCall<Executor, Node> call(*this, state_, node.function->name, node.span, node.kids);
        return rt::invoke(*node.function, call);
    }

    rt::RunState& state_;
    const Json* context_;
    std::vector<rt::Value> slots_;
    std::vector<char> unreadable_;   ///< evaluateWith(): slots that must not be read
    int baseDepth_ = 0; ///< output levels above the object the current body writes into
};

} // namespace

void execute(const Plan& plan, rt::RunState& state, Json& output)
{
    Executor executor(plan, state);
    executor.freshOutput = output.is_object() && output.empty();
    if (executor.freshOutput)
        output.get_ptr<Json::object_t*>()->reserve(plan.rootCapacity);
    executor.execute(plan.statements, output);
}

rt::Value evaluateWith(const Plan& plan, const Node& node, rt::RunState& state, const Json& context,
                       std::vector<rt::Value> slots, std::vector<char> unreadable)
{
    Executor executor(plan, state);
    slots.resize(static_cast<std::size_t>(plan.slotCount));
    if (!unreadable.empty())
        unreadable.resize(static_cast<std::size_t>(plan.slotCount));
    executor.bind(context, std::move(slots), std::move(unreadable));
    return executor.eval(node);
}

/// Evaluates one node of a plan (constant folding): no input, no names.
rt::Value evaluateConstant(const Plan& plan, const Node& node, rt::RunState& state)
{
    Executor executor(plan, state);
    return executor.eval(node);
}

} // namespace mdsl::v2
