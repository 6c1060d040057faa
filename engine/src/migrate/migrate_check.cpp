// The migration's check (migrate_check.h). The V2 compiler flattens object blocks into
// prefixed targets and runs `??` and `default` through the same rule (value, or fallback
// when it is missing or null; the fallback evaluated only then): undoing exactly these two
// rewrites on the migrated tree must give the original tree back.

#include "migrate/migrate_check.h"

#include "mdsl/ast.h"
#include "mdsl/checks.h"
#include "mdsl/syntax.h"
#include "mdsl/validate.h"

namespace mdsl::migration {

namespace {

/// The expression with every `a ?? b` read as `default(a, b)`. The parser bounds the tree's
/// depth, so the recursion is bounded too.
Json undoCoalesce(const Json& expr)
{
    if (expr.is_array()) {
        Json out = Json::array();
        for (const Json& item : expr)
            out.push_back(undoCoalesce(item));
        return out;
    }
    if (!expr.is_object())
        return expr;
    if (expr.value("kind", "") == "binary" && expr.value("op", "") == "??")
        return {{"kind", "call"},
                {"function", "default"},
                {"args", Json::array({undoCoalesce(expr.at("left")), undoCoalesce(expr.at("right"))})}};
    Json out = Json::object();
    for (auto it = expr.begin(); it != expr.end(); ++it)
        out[it.key()] = undoCoalesce(it.value());
    return out;
}

/// The statements with object blocks flattened: each statement of a block's body gets the
/// block's target before its own.
void flatten(const Json& statements, const Json& prefix, Json& out)
{
    for (const Json& stmt : statements) {
        if (stmt.value("kind", "") == "object_block") {
            Json inner = prefix;
            for (const Json& segment : stmt.at("target"))
                inner.push_back(segment);
            flatten(stmt.at("body"), inner, out);
            continue;
        }
        Json copy = undoCoalesce(stmt);
        if (copy.contains("target") && !prefix.empty()) {
            Json target = prefix;
            for (const Json& segment : copy.at("target"))
                target.push_back(segment);
            copy["target"] = std::move(target);
        }
        out.push_back(std::move(copy));
    }
}

} // namespace

std::string checkEquivalent(const ast::Document& original, std::string_view migrated, const Flags& flags)
{
    const ParsedDocument after = parseDocument(migrated);
    ValidateOptions options;
    options.flags = flags;
    options.engine = EngineKind::V2;
    std::vector<Diagnostic> diagnostics = after.diagnostics;
    if (after.ok()) {
        std::vector<Diagnostic> checks = checkDocument(*after.document, migrated, options);
        diagnostics.insert(diagnostics.end(), checks.begin(), checks.end());
    }
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Severity::Error)
            return "the rewritten mapping does not validate as version 2 (" + d.code + ": " + d.message
                 + "); nothing was migrated (a bug: please report it)";

    const Json a = astToJson(original);
    const Json b = astToJson(*after.document);
    const Json& headerA = a.at("header");
    const Json& headerB = b.at("header");
    if (headerB.is_null() || headerB.at("version") != 2)
        return "the rewritten mapping does not say version 2 (a bug: please report it)";
    if (!headerA.is_null() && headerA.at("name") != headerB.at("name"))
        return "the rewritten mapping lost its name (a bug: please report it)";
    Json flat = Json::array();
    flatten(b.at("statements"), Json::array(), flat);
    if (flat != a.at("statements"))
        return "the rewritten mapping does not mean the same as the original (a bug: please report it)";
    return {};
}

} // namespace mdsl::migration
