// The normalized AST as JSON (shape documented in mdsl/ast.h).

#include "mdsl/ast.h"

#include "util/utf8.h"

namespace mdsl {

namespace {

using namespace ast;

/// Text of the source as the tree shows it. A JSONPath query that did not parse (E110) stays
/// in the tree with its text, whatever its bytes: shown as \xFF, so that the tree always
/// serializes (`mapping-dsl compile`).
Json shown(std::string_view text)
{
    return utf8::forMessage(text);
}

class ToJson {
public:
    explicit ToJson(bool withSpans) : spans_(withSpans) {}

    Json document(const Document& doc) const
    {
        Json out = Json::object();
        if (doc.header) {
            Json header = {{"name", shown(doc.header->name)}, {"version", nullptr}};
            if (doc.header->version)
                header["version"] = *doc.header->version;
            addSpan(header, doc.header->span);
            out["header"] = std::move(header);
        } else {
            out["header"] = nullptr;
        }
        out["statements"] = body(doc.statements);
        addSpan(out, doc.span);
        return out;
    }

    Json expr(const Expr& e) const
    {
        Json out = Json::object();
        switch (e.kind) {
        case ExprKind::Literal: {
            out["kind"] = "literal";
            const Json& value = e.as<LiteralExpr>().value;
            out["value"] = value.is_string() ? shown(value.get_ref<const std::string&>()) : value;
            break;
        }
        case ExprKind::Array: {
            out["kind"] = "array";
            out["elements"] = exprs(e.as<ArrayExpr>().elements);
            break;
        }
        case ExprKind::Object:
            out = object(e.as<ObjectExpr>());
            break;
        case ExprKind::Path:
            out["kind"] = "path";
            out["path"] = segments(e.as<PathExpr>().segments);
            break;
        case ExprKind::Navigate: {
            const auto& navigate = e.as<NavigateExpr>();
            out["kind"] = "navigate";
            out["value"] = expr(*navigate.base);
            out["path"] = segments(navigate.segments);
            break;
        }
        case ExprKind::JsonPath:
            out["kind"] = "jsonpath";
            out["query"] = shown(e.as<JsonPathExpr>().text);
            break;
        case ExprKind::Name:
            out["kind"] = "name";
            out["name"] = e.as<NameExpr>().name;
            break;
        case ExprKind::Call: {
            const auto& call = e.as<CallExpr>();
            out["kind"] = "call";
            out["function"] = call.callee;
            out["args"] = exprs(call.args);
            break;
        }
        case ExprKind::Unary: {
            const auto& unary = e.as<UnaryExpr>();
            out["kind"] = "unary";
            out["op"] = opText(unary.op);
            out["operand"] = expr(*unary.operand);
            break;
        }
        case ExprKind::Binary: {
            const auto& binary = e.as<BinaryExpr>();
            out["kind"] = "binary";
            out["op"] = opText(binary.op);
            out["left"] = expr(*binary.left);
            out["right"] = expr(*binary.right);
            break;
        }
        case ExprKind::Pipe: {
            const auto& pipe = e.as<PipeExpr>();
            out["kind"] = "pipe";
            out["input"] = expr(*pipe.input);
            out["function"] = pipe.callee;
            out["args"] = exprs(pipe.args);
            break;
        }
        }
        addSpan(out, e.span);
        return out;
    }

private:
    bool spans_;

    void addSpan(Json& out, Span span) const
    {
        if (spans_)
            out["span"] = Json::array({span.begin, span.end});
    }

    Json object(const ObjectExpr& e) const
    {
        Json entries = Json::array();
        for (const ObjectEntry& entry : e.entries) {
            Json item = {{"key", shown(entry.key)}, {"value", expr(*entry.value)}};
            addSpan(item, entry.keySpan);
            entries.push_back(std::move(item));
        }
        return Json{{"kind", "object"}, {"entries", std::move(entries)}};
    }

    Json exprs(const std::vector<ExprPtr>& list) const
    {
        Json out = Json::array();
        for (const ExprPtr& e : list)
            out.push_back(expr(*e));
        return out;
    }

    static Json segments(const std::vector<PathSegment>& list)
    {
        Json out = Json::array();
        for (const PathSegment& s : list) {
            if (s.kind == PathSegment::Kind::Index)
                out.push_back(s.index);
            else
                out.push_back(shown(s.name));
        }
        return out;
    }

    Json body(const Body& statements) const
    {
        Json out = Json::array();
        for (const StmtPtr& s : statements)
            out.push_back(stmt(*s));
        return out;
    }

    Json stmt(const Stmt& s) const
    {
        Json out = Json::object();
        switch (s.kind) {
        case StmtKind::Let: {
            const auto& let = s.as<LetStmt>();
            out = {{"kind", "let"}, {"name", let.name}, {"value", expr(*let.value)}};
            break;
        }
        case StmtKind::Table: {
            const auto& table = s.as<TableStmt>();
            out = {{"kind", "table"}, {"name", table.name}, {"value", expr(*table.value)}};
            break;
        }
        case StmtKind::Rule: {
            const auto& rule = s.as<RuleStmt>();
            out = {{"kind", "rule"}, {"target", segments(rule.target.segments)}, {"value", expr(*rule.value)}};
            break;
        }
        case StmtKind::ObjectBlock: {
            const auto& block = s.as<ObjectBlock>();
            out = {{"kind", "object_block"}, {"target", segments(block.target.segments)}, {"body", body(block.body)}};
            break;
        }
        case StmtKind::ArrayBlock: {
            const auto& block = s.as<ArrayBlock>();
            out = {{"kind", "array_block"},
                   {"target", segments(block.target.segments)},
                   {"source", expr(*block.source)},
                   {"as", block.alias ? Json(*block.alias) : Json(nullptr)},
                   {"body", body(block.body)}};
            break;
        }
        case StmtKind::When: {
            const auto& when = s.as<WhenBlock>();
            out = {{"kind", "when"},
                   {"condition", expr(*when.condition)},
                   {"then", body(when.body)},
                   {"else", when.hasElse ? body(when.elseBody) : Json(nullptr)}};
            break;
        }
        }
        addSpan(out, s.span);
        return out;
    }
};

} // namespace

Json astToJson(const ast::Document& document, bool withSpans)
{
    return ToJson(withSpans).document(document);
}

Json astToJson(const ast::Expr& expr, bool withSpans)
{
    return ToJson(withSpans).expr(expr);
}

} // namespace mdsl
