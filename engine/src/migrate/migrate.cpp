// Version 1 -> version 2 migration (mdsl/migrate.h, docs/migration.md).
//
// The new text is made from the original's, not printed from the tree: every statement is
// copied from its source range, with only the rewritten parts replaced (a rule's target
// inside a block loses the block's prefix; a `default(x, f)` call becomes `x ?? f`), and the
// text between statements (blank lines, comments) is copied as it is. Spellings and comments
// thus survive untouched, and the formatter then lays the whole out. The result is checked
// (migrate_check.cpp) before it is returned.

#include "mdsl/migrate.h"

#include "migrate/migrate_check.h"

#include "mdsl/ast.h"
#include "mdsl/checks.h"
#include "mdsl/format.h"
#include "mdsl/report.h"
#include "mdsl/syntax.h"
#include "mdsl/validate.h"

#include <algorithm>
#include <cstddef>

namespace mdsl {

namespace {

using namespace ast;

/// Blocks nest at most this deep in a migrated document: deeper shared prefixes stay dotted
/// (bounds the recursion, whatever the targets).
constexpr int kMaxMigrationNesting = 16;
/// A quoted expression in a change's description is cut after this many bytes.
constexpr std::size_t kMaxQuoted = 60;

/// One rule of a run of consecutive rules, with where each unit of its target starts: a unit
/// is a field and the indexes after it (`items[0]`), what a block's target can end with.
struct RuleUnits {
    const RuleStmt* rule = nullptr;
    std::vector<std::size_t> starts;   ///< index of each unit's first segment
    std::uint32_t end = 0;             ///< the rule's end, its same-line trailing comment included
};

bool isDefaultCall(const Expr& expr)
{
    const auto* call = expr.tryAs<CallExpr>();
    return call && call->callee == "default" && call->args.size() == 2;
}

std::string codeQuote(std::string_view code)
{
    std::string oneLine;
    for (const char c : code) {
        if (c == '\n' || c == '\r' || c == '\t') {
            if (!oneLine.empty() && oneLine.back() != ' ')
                oneLine += ' ';
        } else if (c != ' ' || oneLine.empty() || oneLine.back() != ' ') {
            oneLine += c;
        }
    }
    if (oneLine.size() > kMaxQuoted) {
        std::size_t cut = kMaxQuoted;
        while (cut > 0 && (static_cast<unsigned char>(oneLine[cut]) & 0xC0u) == 0x80u)
            --cut;   // not inside a UTF-8 sequence
        oneLine = oneLine.substr(0, cut) + "…";
    }
    return "`" + oneLine + "`";
}

/// The code of a codeQuote() text, without its backquotes.
std::string unquoted(const std::string& text)
{
    return text.size() >= 2 ? text.substr(1, text.size() - 2) : text;
}

class Migrator {
public:
    Migrator(std::string_view text, const Document& document, const Flags& flags)
        : text_(text), doc_(document), lines_(text), blocks_(flags.get(Flag::V2Containers)),
          coalesce_(flags.get(Flag::V2NewOps))
    {
    }

    std::string run(const std::string& name)
    {
        std::string out;
        std::uint32_t pos = 0;
        if (doc_.header) {
            const Header& h = *doc_.header;
            const int line = lineOf(h.span.begin);
            if (h.versionSpan.size() > 0) {
                out += slice(pos, h.versionSpan.begin) + "2";
                pos = h.versionSpan.end;
                change(MigrationChangeKind::Header, line, line, "the header says `version 2` instead of `version 1`",
                       "header.version");
            } else {
                out += slice(pos, h.nameSpan.end) + " version 2";
                pos = h.nameSpan.end;
                change(MigrationChangeKind::Header, line, line, "the header gets `version 2`", "header.added");
            }
        } else {
            // A file name is any bytes: what is not UTF-8 becomes U+FFFD rather than an exception.
            const std::string quotedName = Json(name.empty() ? std::string("untitled") : name)
                                               .dump(-1, ' ', false, Json::error_handler_t::replace);
            const std::string header = "mapping " + quotedName + " version 2";
            out += header + "\n";
            change(MigrationChangeKind::Header, 1, 1, "a header `" + header + "` is added (the document had none)",
                   "header.created", {header});
        }
        const Body& body = doc_.statements;
        for (std::size_t i = 0; i < body.size();) {
            out += slice(pos, body[i]->span.begin);
            if (body[i]->kind != StmtKind::Rule) {
                out += statement(*body[i]);
                pos = body[i]->span.end;
                ++i;
                continue;
            }
            std::vector<RuleUnits> run;
            for (; i < body.size() && body[i]->kind == StmtKind::Rule; ++i)
                run.push_back(units(body[i]->as<RuleStmt>()));
            const std::uint32_t end = run.back().rule->span.end;
            out += rules(run, 0, run.size(), 0, 0, end);
            pos = end;
        }
        out += slice(pos, static_cast<std::uint32_t>(text_.size()));
        std::stable_sort(changes_.begin(), changes_.end(),
                  [](const MigrationChange& a, const MigrationChange& b) { return a.line < b.line; });
        return out;
    }

    std::vector<MigrationChange> changes_;
    std::vector<HeldBackRewrite> heldBack_;

private:
    std::string slice(std::uint32_t begin, std::uint32_t end) const
    {
        return std::string(text_.substr(begin, end - begin));
    }
    int lineOf(std::uint32_t offset) const { return lines_.position(offset).line; }

    void change(MigrationChangeKind kind, int line, int endLine, std::string description, std::string wording,
                std::vector<std::string> args = {})
    {
        changes_.push_back({kind, line, endLine, std::move(description), std::move(wording), std::move(args)});
    }

    RuleUnits units(const RuleStmt& rule) const
    {
        RuleUnits u;
        u.rule = &rule;
        for (std::size_t i = 0; i < rule.target.segments.size(); ++i)
            if (rule.target.segments[i].kind == PathSegment::Kind::Field)
                u.starts.push_back(i);
        u.end = rule.span.end;
        // A comment at the end of the rule's line belongs to the rule: inside its block. Only
        // the first comment after the rule can be on its line (comments are in source order).
        const auto next = std::lower_bound(doc_.comments.begin(), doc_.comments.end(), rule.span.end,
                                           [](const Comment& c, std::uint32_t at) { return c.span.begin < at; });
        if (next != doc_.comments.end() && next->trailing && lineOf(next->span.begin) == lineOf(rule.span.end))
            u.end = next->span.end;
        return u;
    }

    /// Unit `unit` of two rules is the same field with the same indexes.
    static bool sameUnit(const RuleUnits& a, const RuleUnits& b, std::size_t unit)
    {
        const auto& sa = a.rule->target.segments;
        const auto& sb = b.rule->target.segments;
        const std::size_t aEnd = unit + 1 < a.starts.size() ? a.starts[unit + 1] : sa.size();
        const std::size_t bEnd = unit + 1 < b.starts.size() ? b.starts[unit + 1] : sb.size();
        if (aEnd - a.starts[unit] != bEnd - b.starts[unit])
            return false;
        for (std::size_t k = 0; k < aEnd - a.starts[unit]; ++k)
            if (!migration::sameSegment(sa[a.starts[unit] + k], sb[b.starts[unit] + k]))
                return false;
        return true;
    }

    /// The text of rules [from, to) of a run, from the first's start to `end`, their targets
    /// without their first `drop` units; rules that share the next units become blocks.
    std::string rules(const std::vector<RuleUnits>& run, std::size_t from, std::size_t to, std::size_t drop, int nesting,
                      std::uint32_t end)
    {
        std::string out;
        std::uint32_t pos = run[from].rule->span.begin;
        for (std::size_t i = from; i < to;) {
            // The rules from i on that share unit `drop` and have more after it.
            std::size_t j = i + 1;
            if (run[i].starts.size() > drop + 1)
                while (j < to && run[j].starts.size() > drop + 1 && sameUnit(run[i], run[j], drop))
                    ++j;
            out += slice(pos, run[i].rule->span.begin);
            if (j - i < 2) {
                out += rule(*run[i].rule, run[i].starts[drop]);
                pos = run[i].rule->span.end;
                ++i;
                continue;
            }
            // The longest shared prefix that leaves every rule a unit of its own.
            std::size_t shared = 1;
            for (bool more = true; more;) {
                for (std::size_t k = i; k < j && more; ++k)
                    more = run[k].starts.size() > drop + shared + 1 && sameUnit(run[i], run[k], drop + shared);
                shared += more ? 1 : 0;
            }
            const RuleStmt& first = *run[i].rule;
            const std::size_t prefixEnd = run[i].starts[drop + shared] - 1;   // last segment of the prefix
            const int line = lineOf(first.span.begin);
            const int endLine = lineOf(run[j - 1].rule->span.end);
            const std::string prefix = slice(first.target.span.begin, first.target.segments[prefixEnd].span.end);
            if (!blocks_ || nesting >= kMaxMigrationNesting) {
                if (!blocks_ && nesting == 0)
                    heldBack_.push_back({MigrationChangeKind::ObjectBlock, Flag::V2Containers, line, endLine,
                                         std::to_string(j - i) + " rules under `" + prefix
                                             + "` stay separate: an object block needs the flag "
                                             + std::string(flagName(Flag::V2Containers)) + ", which is off",
                                         "block.held",
                                         {std::to_string(j - i), prefix, std::string(flagName(Flag::V2Containers))}});
                for (std::size_t k = i; k < j; ++k) {
                    out += slice(pos, run[k].rule->span.begin) + rule(*run[k].rule, run[k].starts[drop]);
                    pos = run[k].rule->span.end;
                }
                i = j;
                continue;
            }
            change(MigrationChangeKind::ObjectBlock, line, endLine,
                   std::to_string(j - i) + " rules under `" + prefix + "` become an object block", "block",
                   {std::to_string(j - i), prefix});
            const std::string blockTarget
                = slice(first.target.segments[run[i].starts[drop]].span.begin, first.target.segments[prefixEnd].span.end);
            out += blockTarget + " {\n" + rules(run, i, j, drop + shared, nesting + 1, run[j - 1].end) + "\n}";
            pos = run[j - 1].end;
            i = j;
        }
        return out + slice(pos, std::max(pos, end));
    }

    /// A rule's text, its target from segment `firstSegment` on.
    std::string rule(const RuleStmt& r, std::size_t firstSegment)
    {
        const Expr& value = *r.value;
        return slice(r.target.segments[firstSegment].span.begin, r.target.span.end)
             + slice(r.target.span.end, value.span.begin) + expr(value) + slice(value.span.end, r.span.end);
    }

    std::string statement(const Stmt& stmt)
    {
        if (const auto* let = stmt.tryAs<LetStmt>())
            return slice(stmt.span.begin, let->value->span.begin) + expr(*let->value)
                 + slice(let->value->span.end, stmt.span.end);
        return slice(stmt.span.begin, stmt.span.end);   // a table: a constant, kept as written
    }

    /// The expression's text (its span, without enclosing parentheses), rewritten.
    std::string expr(const Expr& e)
    {
        if (isDefaultCall(e)) {
            const auto& call = e.as<CallExpr>();
            const int line = lineOf(e.span.begin);
            const std::string code = codeQuote(slice(e.span.begin, e.span.end));
            if (coalesce_) {
                std::string right = expr(*call.args[1]);
                // `??` is left-associative: a `??` on its right keeps parentheses.
                if (isDefaultCall(*call.args[1]) && !call.args[1]->parenthesized)
                    right = "(" + right + ")";
                const std::string after = expr(*call.args[0]) + " ?? " + right;
                change(MigrationChangeKind::Coalesce, line, lineOf(e.span.end), code + " becomes " + codeQuote(after),
                       "coalesce", {unquoted(code), unquoted(codeQuote(after))});
                return after;
            }
            heldBack_.push_back({MigrationChangeKind::Coalesce, Flag::V2NewOps, line, lineOf(e.span.end),
                                 code + " stays a call: `??` needs the flag " + std::string(flagName(Flag::V2NewOps))
                                     + ", which is off",
                                 "coalesce.held", {unquoted(code), std::string(flagName(Flag::V2NewOps))}});
        }
        std::vector<const Expr*> children;
        if (const auto* call = e.tryAs<CallExpr>()) {
            for (const ExprPtr& arg : call->args)
                children.push_back(arg.get());
        } else if (const auto* unary = e.tryAs<UnaryExpr>()) {
            children.push_back(unary->operand.get());
        } else if (const auto* binary = e.tryAs<BinaryExpr>()) {
            children = {binary->left.get(), binary->right.get()};
        }
        // Literals, paths and names have no children; version 2 expressions do not occur in a
        // version 1 document (the validator refused it), so they are copied as written.
        const bool operand = e.kind == ExprKind::Unary || e.kind == ExprKind::Binary;
        std::string out;
        std::uint32_t pos = e.span.begin;
        for (const Expr* child : children) {
            std::string text = expr(*child);
            // `??` is the loosest operator: as an operand it needs parentheses.
            if (operand && coalesce_ && isDefaultCall(*child) && !child->parenthesized)
                text = "(" + text + ")";
            out += slice(pos, child->span.begin) + text;
            pos = child->span.end;
        }
        return out + slice(pos, e.span.end);
    }

    std::string_view text_;
    const Document& doc_;
    LineIndex lines_;
    bool blocks_;
    bool coalesce_;
};

MigrationResult refuse(MigrationOutcome outcome, std::string reason)
{
    MigrationResult result;
    result.outcome = outcome;
    result.reason = std::move(reason);
    return result;
}

} // namespace

std::string_view migrationOutcomeName(MigrationOutcome outcome) noexcept
{
    switch (outcome) {
    case MigrationOutcome::Migrated: return "migrated";
    case MigrationOutcome::AlreadyVersion2: return "version2";
    case MigrationOutcome::HasErrors: return "errors";
    case MigrationOutcome::Blocked: return "blocked";
    }
    return "blocked";
}

std::string_view migrationChangeKindName(MigrationChangeKind kind) noexcept
{
    switch (kind) {
    case MigrationChangeKind::Header: return "header";
    case MigrationChangeKind::ObjectBlock: return "object_block";
    case MigrationChangeKind::Coalesce: return "coalesce";
    }
    return "header";
}

MigrationResult migrateToVersion2(std::string_view text, const MigrateOptions& options)
{
    const ParsedDocument parsed = parseDocument(text);
    if (!parsed.ok()) {
        MigrationResult result = refuse(MigrationOutcome::HasErrors, "the mapping has syntax errors");
        result.diagnostics = parsed.diagnostics;
        return result;
    }
    const Document& document = *parsed.document;
    const std::optional<int> version = document.header ? document.header->version : std::nullopt;
    if (version == 2)
        return refuse(MigrationOutcome::AlreadyVersion2, "the mapping is already version 2: nothing to migrate");

    ValidateOptions v1;
    v1.flags = options.flags;
    v1.engine = EngineKind::V1;
    // The tree is parsed once: the validator's checks run on it (no syntax errors here).
    std::vector<Diagnostic> diagnostics = checkDocument(document, text, v1);
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.range.start.offset < b.range.start.offset;
    });
    if (hasErrors(diagnostics)) {
        // Without a version, a document the V2 engine accepts as version 2 is one.
        ValidateOptions v2;
        v2.flags = options.flags;
        if (!version && defaultVersion(v2) == 2 && !hasErrors(checkDocument(document, text, v2)))
            return refuse(MigrationOutcome::AlreadyVersion2,
                          "the mapping has no version and uses version 2 features: it is already version 2 under "
                          "these flags");
        MigrationResult result = refuse(MigrationOutcome::HasErrors, "the mapping has errors as version 1");
        result.diagnostics = std::move(diagnostics);
        return result;
    }
    if (!options.flags.get(Flag::V2Enabled)) {
        MigrationResult result = refuse(MigrationOutcome::Blocked,
                                        "production runs no version 2 mapping: the flag "
                                            + std::string(flagName(Flag::V2Enabled)) + " is off");
        result.blockingFlag = Flag::V2Enabled;
        return result;
    }

    Migrator migrator(text, document, options.flags);
    const std::string draft = migrator.run(options.name);
    FormatResult formatted = formatDocument(draft);
    if (!formatted.ok)
        return refuse(MigrationOutcome::Blocked, "the rewritten text does not parse (a bug: please report it)");
    if (std::string problem = migration::checkEquivalent(document, formatted.text, options.flags); !problem.empty())
        return refuse(MigrationOutcome::Blocked, problem);

    MigrationResult result;
    result.outcome = MigrationOutcome::Migrated;
    result.text = std::move(formatted.text);
    result.changes = std::move(migrator.changes_);
    result.heldBack = std::move(migrator.heldBack_);
    return result;
}

Json migrationToJson(const MigrationResult& result)
{
    Json changes = Json::array();
    for (const MigrationChange& c : result.changes)
        changes.push_back({{"kind", migrationChangeKindName(c.kind)}, {"line", c.line}, {"end_line", c.endLine},
                           {"description", c.description}});
    Json held = Json::array();
    for (const HeldBackRewrite& h : result.heldBack)
        held.push_back({{"kind", migrationChangeKindName(h.kind)}, {"flag", flagName(h.flag)}, {"line", h.line},
                        {"end_line", h.endLine}, {"description", h.description}});
    Json json = {{"outcome", migrationOutcomeName(result.outcome)},
                 {"reason", result.reason.empty() ? Json() : Json(result.reason)},
                 {"changes", std::move(changes)},
                 {"held_back", std::move(held)},
                 {"diagnostics", diagnosticsToJson(result.diagnostics)["diagnostics"]}};
    return json;
}

std::string migrationChangesText(const MigrationResult& result, std::string_view fileName)
{
    const auto where = [&](int line, int endLine) {
        std::string at = std::string(fileName) + ":" + std::to_string(line);
        if (endLine > line)
            at += "-" + std::to_string(endLine);
        return at + ": ";
    };
    std::string out;
    for (const MigrationChange& c : result.changes)
        out += where(c.line, c.endLine) + c.description + "\n";
    for (const HeldBackRewrite& h : result.heldBack)
        out += where(h.line, h.endLine) + "not rewritten: " + h.description + "\n";
    return out;
}

} // namespace mdsl
