// The plan as JSON, for `mapping-dsl compile --engine v2` and for reading what the compiler did.

#include "v2/plan.h"

namespace mdsl::v2 {

namespace {

const char* opName(Op op)
{
    switch (op) {
    case Op::Const: return "const";
    case Op::Path: return "path";
    case Op::RootPath: return "root_path";
    case Op::Query: return "query";
    case Op::Navigate: return "navigate";
    case Op::Slot: return "slot";
    case Op::Call: return "call";
    case Op::Not: return "not";
    case Op::Negate: return "negate";
    case Op::And: return "and";
    case Op::Or: return "or";
    case Op::Coalesce: return "??";
    case Op::Binary: return "binary";
    case Op::Array: return "array";
    case Op::Object: return "object";
    }
    return "?";
}

Json stepsJson(const std::vector<Step>& steps)
{
    Json out = Json::array();
    for (const Step& step : steps)
        out.push_back(step.isIndex ? Json(step.index) : Json(step.key));
    return out;
}

Json targetJson(const std::vector<ast::PathSegment>& target)
{
    Json out = Json::array();
    for (const ast::PathSegment& segment : target)
        out.push_back(segment.kind == ast::PathSegment::Kind::Index ? Json(segment.index) : Json(segment.name));
    return out;
}

Json nodeJson(const Plan& plan, const Node& node)
{
    Json out = {{"op", opName(node.op)}};
    switch (node.op) {
    case Op::Const: out["value"] = node.constant ? *node.constant : Json("missing"); break;
    case Op::Path:
    case Op::RootPath:
    case Op::Navigate: out["steps"] = stepsJson(node.steps); break;
    case Op::Query: out["query"] = node.query->text(); break;
    case Op::Slot:
        out["slot"] = node.slot;
        out["name"] = plan.slotNames[static_cast<std::size_t>(node.slot)];
        break;
    case Op::Call: out["function"] = node.function ? Json(node.function->name) : Json(); break;
    case Op::Binary: out["operator"] = ast::opText(node.binary); break;
    case Op::Object: out["keys"] = node.keys; break;
    default: break;
    }
    if (!node.kids.empty()) {
        Json kids = Json::array();
        for (const auto& kid : node.kids)
            kids.push_back(nodeJson(plan, *kid));
        out["args"] = std::move(kids);
    }
    return out;
}

Json bodyJson(const Plan& plan, const std::vector<Statement>& body)
{
    Json out = Json::array();
    for (const Statement& stmt : body) {
        Json s;
        switch (stmt.op) {
        case StmtOp::Let:
            s = {{"op", "let"}, {"slot", stmt.slot}, {"name", plan.slotNames[static_cast<std::size_t>(stmt.slot)]},
                 {"value", nodeJson(plan, *stmt.value)}};
            break;
        case StmtOp::Rule:
            s = {{"op", "write"}, {"target", targetJson(stmt.target)}, {"value", nodeJson(plan, *stmt.value)}};
            break;
        case StmtOp::ArrayBlock:
            s = {{"op", "each"}, {"target", targetJson(stmt.target)}, {"source", nodeJson(plan, *stmt.value)},
                 {"as_slot", stmt.slot >= 0 ? Json(stmt.slot) : Json()}, {"scope_slots", stmt.scopeSlots},
                 {"body", bodyJson(plan, stmt.body)}};
            break;
        case StmtOp::When:
            s = {{"op", "when"}, {"condition", nodeJson(plan, *stmt.value)}, {"then", bodyJson(plan, stmt.body)},
                 {"else", bodyJson(plan, stmt.elseBody)}};
            break;
        }
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace

Json planToJson(const Plan& plan)
{
    return {{"engine", "v2"}, {"slots", plan.slotCount}, {"statements", bodyJson(plan, plan.statements)}};
}

} // namespace mdsl::v2
