// The V2 compiler: AST -> plan. Names are resolved to slots (lexical scopes, each block's
// names declared on entry and unset until their `let` runs, as in V1), functions to their
// implementations, simple paths and singular queries to steps, and constant expressions are
// folded — unless evaluating them raises an error, which must then happen at run time.

#include "v2/plan.h"

#include "runtime/constness.h"
#include "util/path_trie.h"

#include <map>
#include <unordered_map>
#include <unordered_set>

namespace mdsl::v2 {

rt::Value evaluateConstant(const Plan& plan, const Node& node, rt::RunState& state);

namespace {

class Compiler {
public:
    explicit Compiler(Plan& plan) : plan_(plan) {}

    std::vector<Statement> compileBody(const ast::Body& body, const std::vector<ast::PathSegment>& prefix,
                                       std::vector<int>* declared)
    {
        scopes_.emplace_back();
        declareNames(body, declared);
        std::vector<Statement> out;
        appendBody(body, prefix, out, declared);
        scopes_.pop_back();
        return out;
    }

private:
    void declareNames(const ast::Body& body, std::vector<int>* declared)
    {
        for (const ast::StmtPtr& stmt : body) {
            const std::string* name = nullptr;
            if (const auto* let = stmt->tryAs<ast::LetStmt>())
                name = &let->name;
            else if (const auto* table = stmt->tryAs<ast::TableStmt>())
                name = &table->name;
            if (name && !scopes_.back().count(*name)) {
                const int slot = newSlot(*name);
                scopes_.back()[*name] = slot;
                if (declared)
                    declared->push_back(slot);
            }
        }
    }

    int newSlot(const std::string& name)
    {
        plan_.slotNames.push_back(name);
        return plan_.slotCount++;
    }

    static std::vector<ast::PathSegment> join(const std::vector<ast::PathSegment>& prefix, const ast::Target& target)
    {
        std::vector<ast::PathSegment> full = prefix;
        full.insert(full.end(), target.segments.begin(), target.segments.end());
        return full;
    }

    /// Appends the statements of a body; object blocks are flattened into it with their prefix.
    void appendBody(const ast::Body& body, const std::vector<ast::PathSegment>& prefix, std::vector<Statement>& out,
                    std::vector<int>* declared)
    {
        for (const ast::StmtPtr& stmt : body) {
            Statement s;
            s.span = stmt->span;
            switch (stmt->kind) {
            case ast::StmtKind::Let:
            case ast::StmtKind::Table: {
                const auto* let = stmt->tryAs<ast::LetStmt>();
                const std::string& name = let ? let->name : stmt->as<ast::TableStmt>().name;
                const ast::Expr& value = let ? *let->value : *stmt->as<ast::TableStmt>().value;
                s.op = StmtOp::Let;
                s.value = compileExpr(value, false);
                s.slot = scopes_.back().at(name);
                break;
            }
            case ast::StmtKind::Rule: {
                const auto& rule = stmt->as<ast::RuleStmt>();
                s.op = StmtOp::Rule;
                s.target = join(prefix, rule.target);
                s.targetSpan = rule.target.span;
                s.value = compileExpr(*rule.value, false);
                break;
            }
            case ast::StmtKind::ObjectBlock: {
                const auto& block = stmt->as<ast::ObjectBlock>();
                scopes_.emplace_back();
                declareNames(block.body, declared);
                appendBody(block.body, join(prefix, block.target), out, declared);
                scopes_.pop_back();
                continue;
            }
            case ast::StmtKind::ArrayBlock: {
                const auto& block = stmt->as<ast::ArrayBlock>();
                s.op = StmtOp::ArrayBlock;
                s.target = join(prefix, block.target);
                s.targetSpan = block.target.span;
                s.value = compileExpr(*block.source, false);
                scopes_.emplace_back();
                if (block.alias) {
                    s.slot = newSlot(*block.alias);
                    scopes_.back()[*block.alias] = s.slot;
                }
                s.body = compileBody(block.body, {}, &s.scopeSlots);
                scopes_.pop_back();
                if (declared)
                    declared->insert(declared->end(), s.scopeSlots.begin(), s.scopeSlots.end());
                break;
            }
            case ast::StmtKind::When: {
                const auto& when = stmt->as<ast::WhenBlock>();
                s.op = StmtOp::When;
                s.value = compileExpr(*when.condition, false);
                s.body = compileBody(when.body, prefix, declared);
                s.elseBody = compileBody(when.elseBody, prefix, declared);
                break;
            }
            }
            out.push_back(std::move(s));
        }
    }

    int resolve(const std::string& name) const
    {
        for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
            const auto found = scope->find(name);
            if (found != scope->end())
                return found->second;
        }
        return -1;
    }

    static std::vector<Step> stepsOf(const std::vector<ast::PathSegment>& segments)
    {
        std::vector<Step> steps;
        for (const ast::PathSegment& segment : segments)
            steps.push_back({segment.name, segment.index, segment.kind == ast::PathSegment::Kind::Index});
        return steps;
    }

    std::unique_ptr<Node> compileExpr(const ast::Expr& expr, bool quiet)
    {
        const bool constantTop = !quiet && rt::isConstant(expr);
        auto node = compileNode(expr, quiet || constantTop);
        node->quiet = quiet;
        if (constantTop)
            fold(*node);
        return node;
    }

    /// Replaces a constant expression by its value, unless evaluating it fails. Folding works
    /// under small limits (a keystroke in the studio compiles the mapping): an expression that
    /// goes past them is left to the run, where the run's own limits apply with its position.
    void fold(Node& node) const
    {
        static const Json kNoInput;
        RunOptions options;
        options.limits.maxSteps = 100'000;
        options.limits.maxBuildBytes = 1u << 20;
        options.limits.maxTime = std::chrono::milliseconds(50);
        rt::RunState scratch(options, kNoInput);
        std::vector<rt::BuildCharge> charges;
        scratch.buildLog = &charges;
        try {
            rt::Value value = evaluateConstant(plan_, node, scratch);
            node.constantCharges = std::move(charges);
            node.op = Op::Const;
            node.constant = value.isMissing() ? std::nullopt : std::optional<Json>(std::move(value).take());
            node.kids.clear();
            node.keys.clear();
            node.function = nullptr;
        } catch (const rt::Failure&) {
            // Left as is: the error belongs to the run, with its position.
        }
    }

    std::unique_ptr<Node> call(const ast::Expr& expr, std::string_view name, std::vector<const ast::Expr*> args,
                               bool quiet)
    {
        auto node = std::make_unique<Node>();
        node->span = expr.span;
        // The validator reports unknown functions; one that reaches the compiler anyway (a
        // catalog entry without an implementation) fails at run time with E499.
        node->function = rt::findFunction(name, static_cast<int>(args.size()));
        node->op = Op::Call;
        for (const ast::Expr* arg : args)
            node->kids.push_back(compileExpr(*arg, quiet));
        return node;
    }

    std::unique_ptr<Node> compileNode(const ast::Expr& expr, bool quietKids)
    {
        auto node = std::make_unique<Node>();
        node->span = expr.span;
        switch (expr.kind) {
        case ast::ExprKind::Literal:
            node->op = Op::Const;
            node->constant = expr.as<ast::LiteralExpr>().value;
            break;
        case ast::ExprKind::Path:
            node->op = Op::Path;
            node->steps = stepsOf(expr.as<ast::PathExpr>().segments);
            break;
        case ast::ExprKind::Navigate: {
            const auto& navigate = expr.as<ast::NavigateExpr>();
            node->op = Op::Navigate;
            node->steps = stepsOf(navigate.segments);
            node->kids.push_back(compileExpr(*navigate.base, quietKids));
            break;
        }
        case ast::ExprKind::JsonPath: {
            const auto& jp = expr.as<ast::JsonPathExpr>();
            if (!jp.query) {
                node->op = Op::Const;   // invalid queries are validation errors (E110)
                break;
            }
            if (const auto steps = jp.query->singularSteps()) {
                node->op = jp.query->isRelative() ? Op::Path : Op::RootPath;
                for (const jsonpath::SingularStep& step : *steps) {
                    if (const auto* key = std::get_if<std::string>(&step))
                        node->steps.push_back({*key, 0, false});
                    else
                        node->steps.push_back({{}, std::get<std::int64_t>(step), true});
                }
            } else {
                node->op = Op::Query;
                node->query = &*jp.query;
            }
            break;
        }
        case ast::ExprKind::Name:
            node->slot = resolve(expr.as<ast::NameExpr>().name);
            node->op = node->slot >= 0 ? Op::Slot : Op::Const;
            break;
        case ast::ExprKind::Call: {
            const auto& c = expr.as<ast::CallExpr>();
            std::vector<const ast::Expr*> args;
            for (const ast::ExprPtr& arg : c.args)
                args.push_back(arg.get());
            return call(expr, c.callee, std::move(args), quietKids);
        }
        case ast::ExprKind::Pipe: {
            const auto& pipe = expr.as<ast::PipeExpr>();
            std::vector<const ast::Expr*> args{pipe.input.get()};
            for (const ast::ExprPtr& arg : pipe.args)
                args.push_back(arg.get());
            return call(expr, pipe.callee, std::move(args), quietKids);
        }
        case ast::ExprKind::Unary: {
            const auto& unary = expr.as<ast::UnaryExpr>();
            node->op = unary.op == ast::UnaryOp::Not ? Op::Not : Op::Negate;
            node->kids.push_back(compileExpr(*unary.operand, quietKids));
            break;
        }
        case ast::ExprKind::Binary: {
            const auto& binary = expr.as<ast::BinaryExpr>();
            node->binary = binary.op;
            node->op = binary.op == ast::BinaryOp::And ? Op::And
                     : binary.op == ast::BinaryOp::Or ? Op::Or
                     : binary.op == ast::BinaryOp::Coalesce ? Op::Coalesce
                                                            : Op::Binary;
            node->kids.push_back(compileExpr(*binary.left, quietKids));
            node->kids.push_back(compileExpr(*binary.right, quietKids));
            break;
        }
        case ast::ExprKind::Array:
            node->op = Op::Array;
            for (const ast::ExprPtr& element : expr.as<ast::ArrayExpr>().elements)
                node->kids.push_back(compileExpr(*element, quietKids));
            break;
        case ast::ExprKind::Object:
            node->op = Op::Object;
            for (const ast::ObjectEntry& entry : expr.as<ast::ObjectExpr>().entries) {
                node->keys.push_back(entry.key);
                node->kids.push_back(compileExpr(*entry.value, quietKids));
            }
            break;
        }
        return node;
    }

    Plan& plan_;
    std::vector<std::map<std::string, int>> scopes_;
};

/// What the targets of one output object (the root, or an array block's element), `when`
/// branches included, say about the objects the executor builds: the keys under each prefix
/// (reserved up front) and the keys only one statement can write (appended without a lookup).
/// Prefixes are nodes of a PathTrie: linear in the targets' length.
class ObjectSizes {
public:
    explicit ObjectSizes(const std::vector<Statement>& body) { collect(body); }

    /// Fills the hints of the body's statements (and, recursively, of array blocks' bodies,
    /// each an object of its own). Returns the keys of the object itself.
    std::uint32_t assign(std::vector<Statement>& body)
    {
        for (Statement& stmt : body) {
            if (stmt.op == StmtOp::When) {
                assign(stmt.body);
                assign(stmt.elseBody);
                continue;
            }
            if (stmt.op != StmtOp::Rule && stmt.op != StmtOp::ArrayBlock)
                continue;
            stmt.capacity.clear();
            stmt.freshKeys = 0;
            bool valueAbove = false;   // a value is written at this segment's object or above
            Id node = util::PathTrie::kRoot; // the first i segments
            for (std::size_t i = 0; i < stmt.target.size(); ++i) {
                stmt.capacity.push_back(keysUnder(node));
                if (stmt.target[i].kind != ast::PathSegment::Kind::Field || i >= 64)
                    valueAbove = true;   // arrays on the way: always look
                valueAbove = valueAbove || (i > 0 && values_.count(node) != 0);
                node = trie_.child(node, stmt.target[i]);
                const auto uses = uses_.find(node);
                if (!valueAbove && uses != uses_.end() && uses->second == 1)
                    stmt.freshKeys |= std::uint64_t{1} << i;
            }
            if (stmt.op == StmtOp::ArrayBlock)
                stmt.itemCapacity = ObjectSizes(stmt.body).assign(stmt.body);
        }
        return keysUnder(util::PathTrie::kRoot);
    }

private:
    using Id = util::PathTrie::Id;

    void collect(const std::vector<Statement>& body)
    {
        for (const Statement& stmt : body) {
            if (stmt.op == StmtOp::When) {
                collect(stmt.body);
                collect(stmt.elseBody);
            } else if (stmt.op == StmtOp::Rule || stmt.op == StmtOp::ArrayBlock) {
                Id node = util::PathTrie::kRoot;
                for (const ast::PathSegment& segment : stmt.target) {
                    const Id parent = node;
                    node = trie_.child(parent, segment);
                    // A node is new when it is the last made: each key counts once.
                    if (segment.kind == ast::PathSegment::Kind::Field && node + 1 == trie_.size())
                        ++keys_[parent];
                    ++uses_[node];
                }
                values_.insert(node);
            }
        }
    }

    std::uint32_t keysUnder(Id node) const
    {
        constexpr std::uint32_t kMost = 1024; // a hint, not a promise: no huge reservations
        const auto found = keys_.find(node);
        return found == keys_.end() ? 0 : std::min(found->second, kMost);
    }

    util::PathTrie trie_;
    std::unordered_map<Id, std::uint32_t> keys_; ///< prefix -> the keys written under it
    std::unordered_map<Id, int> uses_; ///< path -> statements whose target passes through
    std::unordered_set<Id> values_; ///< paths written as a whole value
};

} // namespace

std::unique_ptr<Plan> compile(const ast::Document& document)
{
    auto plan = std::make_unique<Plan>();
    Compiler compiler(*plan);
    plan->statements = compiler.compileBody(document.statements, {}, nullptr);
    plan->rootCapacity = ObjectSizes(plan->statements).assign(plan->statements);
    return plan;
}

} // namespace mdsl::v2
