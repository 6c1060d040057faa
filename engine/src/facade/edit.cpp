// Text edits from intentions (mdsl/edit.h): the rule a visual drop creates. The AST says where
// blocks are and what they read; the formatter gives the layout.

#include "mdsl/edit.h"

#include "mdsl/ast.h"
#include "mdsl/format.h"
#include "mdsl/json.h"
#include "mdsl/jsondiff.h"
#include "mdsl/syntax.h"
#include "mdsl/checks.h"
#include "runtime/output.h"
#include "syntax/lexer.h"
#include "util/pointer.h"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

namespace mdsl {

namespace {

/// A field path's steps (mdsl/fieldpath.h).
using Steps = std::vector<FieldStep>;
using util::pointerWithin;

std::string quotedName(const std::string& name)
{
    return Json(name).dump(-1, ' ', false, Json::error_handler_t::replace);
}

/// `$.a["b c"][*]` (root '$') or `@…` (root '@').
std::string jsonPathText(const Steps& path, char root)
{
    std::string out = mdsl::FieldPath{path}.text();
    out.front() = root;
    return out;
}

/// A simple path `.a."b c"`; the path has no elements.
std::string simplePathText(const Steps& path)
{
    if (path.empty())
        return ".";
    std::string out;
    for (const FieldStep& step : path)
        out += "." + (syntax::isIdentifier(step.name) && !syntax::isKeyword(step.name) ? step.name : quotedName(step.name));
    return out;
}

bool hasElements(const Steps& path)
{
    return std::any_of(path.begin(), path.end(), [](const FieldStep& s) { return s.isElements(); });
}

bool startsWith(const Steps& path, const Steps& prefix)
{
    return path.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), path.begin());
}

/// The reference tokens of a JSON Pointer, unescaped; empty for the root or a malformed one.
std::vector<std::string> pointerSegments(const std::string& pointer)
{
    std::vector<std::string> out;
    try {
        for (Json::json_pointer p(pointer); !p.empty(); p.pop_back())
            out.insert(out.begin(), p.back());
    } catch (const Json::exception&) {
        out.clear();
    }
    return out;
}

std::string pointerOf(const std::string& base, const ast::Target& target)
{
    std::string pointer = base;
    for (const ast::PathSegment& segment : target.segments)
        rt::appendPointer(pointer, segment);
    return pointer;
}

/// The element of an enclosing array block: its field path and its block (its `as` name).
struct Outer {
    Steps element;
    const ast::ArrayBlock* block = nullptr;
};

/// A block of statements: the root, an object block, the elements of an array block.
struct Block {
    std::string pointer;                   ///< where its targets are relative to ("" root; ".../*" elements)
    const ast::Body* body = nullptr;
    int depth = 0;                         ///< indentation level of its statements
    bool inArray = false;                  ///< its context is an array element
    std::optional<Steps> context;      ///< the field path of its context, when known
    Span open, close;                      ///< its braces (empty for the root)
    std::vector<Outer> outer;              ///< the elements of the array blocks around it
    const ast::ArrayBlock* array = nullptr;   ///< the array block whose element is the context
};

struct RuleInfo {
    std::string pointer;
    const ast::RuleStmt* rule = nullptr;
    std::size_t block = 0;
};

/// Every block and rule of a document, with pointers and contexts.
class Outline {
public:
    explicit Outline(const ast::Document& document)
    {
        blocks.push_back({"", &document.statements, 0, false, Steps{}, {}, {}, {}, nullptr});
        walk(document.statements, "", 0);
    }

    std::vector<Block> blocks;
    std::vector<RuleInfo> rules;

private:
    void walk(const ast::Body& body, const std::string& pointer, std::size_t block)
    {
        for (const ast::StmtPtr& stmt : body)
            statement(*stmt, pointer, block);
    }

    void statement(const ast::Stmt& stmt, const std::string& pointer, std::size_t block)
    {
        switch (stmt.kind) {
        case ast::StmtKind::Rule: {
            const auto& rule = stmt.as<ast::RuleStmt>();
            rules.push_back({pointerOf(pointer, rule.target), &rule, block});
            return;
        }
        case ast::StmtKind::ObjectBlock: {
            const auto& object = stmt.as<ast::ObjectBlock>();
            const Block& parent = blocks[block];
            blocks.push_back({pointerOf(pointer, object.target), &object.body, parent.depth + 1, parent.inArray,
                              parent.context, object.openBrace, object.closeBrace, parent.outer, parent.array});
            walk(object.body, blocks.back().pointer, blocks.size() - 1);
            return;
        }
        case ast::StmtKind::ArrayBlock: {
            const auto& array = stmt.as<ast::ArrayBlock>();
            const Block& parent = blocks[block];
            std::vector<Outer> outer = parent.outer;
            if (parent.inArray && parent.context)
                outer.push_back({*parent.context, parent.array});
            blocks.push_back({pointerOf(pointer, array.target) + "/*", &array.body, parent.depth + 1, true,
                              elementsOf(*array.source, parent.context), array.openBrace, array.closeBrace,
                              std::move(outer), &array});
            walk(array.body, blocks.back().pointer, blocks.size() - 1);
            return;
        }
        case ast::StmtKind::When: {
            const auto& when = stmt.as<ast::WhenBlock>();
            walk(when.body, pointer, block);
            walk(when.elseBody, pointer, block);
            return;
        }
        case ast::StmtKind::Let:
        case ast::StmtKind::Table: return;
        }
    }

    /// The field path of the elements an array block iterates, when it is one path.
    static std::optional<Steps> elementsOf(const ast::Expr& source, const std::optional<Steps>& context)
    {
        if (source.kind == ast::ExprKind::Path) {
            if (!context)
                return std::nullopt;
            Steps path = *context;
            for (const ast::PathSegment& segment : source.as<ast::PathExpr>().segments)
                path.push_back(segment.kind == ast::PathSegment::Kind::Index ? FieldStep::elements()
                                                                             : FieldStep::member(segment.name));
            path.push_back(FieldStep::elements());
            return path;
        }
        if (source.kind != ast::ExprKind::JsonPath)
            return std::nullopt;
        const auto& query = source.as<ast::JsonPathExpr>();
        const auto steps = query.query ? query.query->childSteps() : std::nullopt;
        if (!steps || (query.isRelative() && !context))
            return std::nullopt;
        Steps path = query.isRelative() ? *context : Steps{};
        for (const std::optional<std::string>& step : *steps)
            path.push_back(step ? FieldStep::member(*step) : FieldStep::elements());
        // A singular query is the array; any other query already yields its elements.
        if (query.query->isSingular())
            path.push_back(FieldStep::elements());
        return path;
    }
};

RuleCreation failure(RuleProblem problem, std::string message)
{
    RuleCreation result;
    result.problem = problem;
    result.error = std::move(message);
    return result;
}

/// How a rule reads a field: its expression, and the `as` name to give an enclosing array
/// block whose element it reads when that block has none.
struct Reading {
    std::string expression;
    const ast::ArrayBlock* nameBlock = nullptr;   ///< gets ` as ` + alias
    std::string alias;
};

/// A name for an array block's element: the array's field name in the singular (`orders`
/// gives `order`), else `element`; `_2`, `_3`... when the document already uses it.
std::string elementName(const Steps& element, const std::vector<std::string>& taken)
{
    std::string base = "element";
    for (auto step = element.rbegin(); step != element.rend(); ++step) {
        if (step->isElements())
            continue;
        std::string name = step->name;
        if (name.size() > 3 && name.ends_with("ies"))
            name = name.substr(0, name.size() - 3) + "y";
        else if (name.size() > 1 && name.ends_with('s') && !name.ends_with("ss"))
            name.pop_back();
        if (syntax::isIdentifier(name) && !syntax::isKeyword(name))
            base = name;
        break;
    }
    std::string name = base;
    for (int n = 2; std::find(taken.begin(), taken.end(), name) != taken.end(); ++n)
        name = base + "_" + std::to_string(n);
    return name;
}

/// What the expression reading `source` from a block's context needs to know of the document.
struct ReadingRules {
    bool jsonPath = false;                 ///< JSONPath queries may be written
    bool navigate = false;                 ///< paths may be read from a name (`o.id`)
    std::vector<std::string> names;        ///< the names the document defines
};

/// The expression reading `source` from a block's context; empty with `error` set if none.
Reading readingFor(const Steps& source, const Block& block, const ReadingRules& rules, std::string& error,
                   RuleProblem& problem)
{
    problem = RuleProblem::NeedsJsonPath;
    if (block.inArray) {
        if (block.context && startsWith(source, *block.context)) {
            const Steps relative(source.begin() + std::ptrdiff_t(block.context->size()), source.end());
            if (!hasElements(relative))
                return Reading{simplePathText(relative), nullptr, {}};
            if (rules.jsonPath)
                return Reading{jsonPathText(relative, '@'), nullptr, {}};
        } else if (const auto outer = std::find_if(block.outer.rbegin(), block.outer.rend(),
                                                   [&](const Outer& o) { return startsWith(source, o.element); });
                   outer != block.outer.rend()) {
            // The element of an enclosing block, read through its `as` name (from the root it
            // would read every element's field, not the current one's).
            const Steps relative(source.begin() + std::ptrdiff_t(outer->element.size()), source.end());
            if (rules.navigate && outer->block && !hasElements(relative)) {
                Reading reading;
                if (outer->block->alias) {
                    reading.alias = *outer->block->alias;
                } else {
                    reading.alias = elementName(outer->element, rules.names);
                    reading.nameBlock = outer->block;
                }
                reading.expression = reading.alias + (relative.empty() ? std::string() : simplePathText(relative));
                return reading;
            }
            problem = RuleProblem::OuterElement;
            error = "This field belongs to the element of an enclosing array block: reading it from there needs "
                    "`each ... as name` and version 2 with the flag mapping_dsl_v2_new_ops.";
            return {};
        } else if (rules.jsonPath) {
            return Reading{jsonPathText(source, '$'), nullptr, {}};
        }
        error = "This field is not in the elements of the array block: reading it from there needs JSONPath "
                "(version 2 and the flag mapping_dsl_v2_jsonpath).";
        return {};
    }
    if (!hasElements(source))
        return Reading{simplePathText(source), nullptr, {}};
    if (rules.jsonPath)
        return Reading{jsonPathText(source, '$'), nullptr, {}};
    error = "This field is inside an array: map it inside an array block over that array, or use JSONPath "
            "(version 2 and the flag mapping_dsl_v2_jsonpath).";
    return {};
}

/// The names a document defines (lets, tables, `as` names), to keep a new one apart.
void collectNames(const ast::Body& body, std::vector<std::string>& out)
{
    for (const ast::StmtPtr& stmt : body) {
        if (const auto* let = stmt->tryAs<ast::LetStmt>())
            out.push_back(let->name);
        else if (const auto* table = stmt->tryAs<ast::TableStmt>())
            out.push_back(table->name);
        else if (const auto* array = stmt->tryAs<ast::ArrayBlock>()) {
            if (array->alias)
                out.push_back(*array->alias);
            collectNames(array->body, out);
        } else if (const auto* object = stmt->tryAs<ast::ObjectBlock>()) {
            collectNames(object->body, out);
        } else if (const auto* when = stmt->tryAs<ast::WhenBlock>()) {
            collectNames(when->body, out);
            collectNames(when->elseBody, out);
        }
    }
}

std::string targetText(const std::vector<std::string>& segments)
{
    std::string out;
    for (const std::string& segment : segments) {
        const bool index = !segment.empty() && std::all_of(segment.begin(), segment.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
        });
        if (index && !out.empty()) {
            out += "[" + segment + "]";
            continue;
        }
        if (!out.empty())
            out += '.';
        out += syntax::isIdentifier(segment) && !syntax::isKeyword(segment) ? segment : quotedName(segment);
    }
    return out;
}

/// A replacement of `length` bytes at `at` by `text`.
struct Replacement {
    std::size_t at = 0;
    std::size_t length = 0;
    std::string text;
};

std::size_t codePoints(std::string_view s)
{
    return std::size_t(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// True when `b` starts on the line after `a` ends: the two are in one group of rules.
bool adjacent(std::string_view text, const ast::Stmt& a, const ast::Stmt& b)
{
    const std::string_view between = text.substr(a.span.end, b.span.begin - a.span.end);
    return std::count(between.begin(), between.end(), '\n') == 1;
}

const ast::Target* targetOf(const ast::Stmt& stmt)
{
    switch (stmt.kind) {
    case ast::StmtKind::Rule: return &stmt.as<ast::RuleStmt>().target;
    case ast::StmtKind::ObjectBlock: return &stmt.as<ast::ObjectBlock>().target;
    case ast::StmtKind::ArrayBlock: return &stmt.as<ast::ArrayBlock>().target;
    default: return nullptr;
    }
}

/// The replacements that add the rule `target <- expression` to `block`: after the last
/// statement writing under `prefix` (a rule preferred), with the `<-` of its group of rules
/// aligned as the formatter aligns them.
std::vector<Replacement> insertRule(std::string_view text, const ast::Document& document, const Block& block,
                                    const std::string& prefix, const std::string& target, const std::string& expression)
{
    const std::string indent(std::size_t(block.depth) * 2, ' ');
    const ast::Body& body = *block.body;
    std::optional<std::size_t> lastRule, lastUnder;
    for (std::size_t i = 0; i < body.size(); ++i) {
        const ast::Target* written = targetOf(*body[i]);
        if (!written)
            continue;
        const std::string pointer = pointerOf("", *written);
        if (!prefix.empty() && !(pointer.size() > prefix.size() && pointerWithin(pointer, prefix)))
            continue;
        lastUnder = i;
        if (body[i]->kind == ast::StmtKind::Rule)
            lastRule = i;
    }
    const std::optional<std::size_t> anchor = lastRule    ? lastRule
                                              : lastUnder ? lastUnder
                                              : body.empty() ? std::nullopt
                                                             : std::optional(body.size() - 1);
    if (!anchor) {
        const std::string line = target + " <- " + expression;
        if (block.body != &document.statements) {
            const std::string_view inside = text.substr(block.open.end, block.close.begin - block.open.end);
            const std::string closing =
                inside.find('\n') == std::string_view::npos ? "\n" + std::string(indent.size() - 2, ' ') : std::string();
            return {{block.open.end, 0, "\n" + indent + line + closing}};
        }
        if (document.header) {
            const std::size_t newline = text.find('\n', document.header->span.end);
            if (newline != std::string_view::npos)
                return {{newline, 0, "\n\n" + line}};
            return {{text.size(), 0, "\n\n" + line + "\n"}};
        }
        return {{text.size(), 0, (text.empty() || text.back() == '\n' ? "" : "\n") + line + "\n"}};
    }

    // The group the new rule joins: the rules right above it and right below it.
    std::vector<const ast::RuleStmt*> group;
    const std::size_t k = *anchor;
    if (body[k]->kind == ast::StmtKind::Rule) {
        group.push_back(&body[k]->as<ast::RuleStmt>());
        for (std::size_t j = k; j > 0 && body[j - 1]->kind == ast::StmtKind::Rule && adjacent(text, *body[j - 1], *body[j]); --j)
            group.push_back(&body[j - 1]->as<ast::RuleStmt>());
    }
    for (std::size_t j = k + 1; j < body.size() && body[j]->kind == ast::StmtKind::Rule && adjacent(text, *body[j - 1], *body[j]); ++j)
        group.push_back(&body[j]->as<ast::RuleStmt>());
    auto widthOf = [&](const ast::RuleStmt* rule) {
        return codePoints(text.substr(rule->target.span.begin, rule->target.span.end - rule->target.span.begin));
    };
    std::size_t width = codePoints(target);
    for (const ast::RuleStmt* rule : group)
        width = std::max(width, widthOf(rule));
    std::vector<Replacement> out;
    for (const ast::RuleStmt* rule : group) {
        const std::size_t gap = rule->arrowSpan.begin - rule->target.span.end;
        const std::string pad(width - widthOf(rule) + 1, ' ');
        if (text.substr(rule->target.span.end, gap) != pad)
            out.push_back({rule->target.span.end, gap, pad});
    }
    // After the anchor's line, its trailing comment included.
    const std::size_t newline = text.find('\n', body[k]->span.end);
    const std::string line = indent + target + std::string(width - codePoints(target) + 1, ' ') + "<- " + expression;
    out.push_back({newline == std::string_view::npos ? text.size() : newline, 0, "\n" + line});
    return out;
}

/// The smallest edit turning `before` into `after`, on whole UTF-8 characters.
TextEdit differenceOf(std::string_view before, std::string_view after)
{
    std::size_t prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix])
        ++prefix;
    while (prefix > 0 && (static_cast<unsigned char>(before[prefix]) & 0xC0) == 0x80)
        --prefix;
    std::size_t suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
           before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
        ++suffix;
    while (suffix > 0 && (static_cast<unsigned char>(before[before.size() - suffix]) & 0xC0) == 0x80)
        --suffix;
    const LineIndex lines(before);
    TextEdit edit;
    edit.range = lines.range(Span{std::uint32_t(prefix), std::uint32_t(before.size() - suffix)});
    edit.newText = std::string(after.substr(prefix, after.size() - suffix - prefix));
    return edit;
}

} // namespace

RuleCreation createRule(std::string_view text, std::string_view sourcePath, std::string_view targetPointer,
                        const Flags& flags)
{
    const std::optional<mdsl::FieldPath> source = parseFieldPath(sourcePath);
    if (!source)
        return failure(RuleProblem::NotAFieldPath, "Not a field path of the input: " + std::string(sourcePath));
    return createRule(text, *source, targetPointer, flags);
}

RuleCreation createRule(std::string_view text, const mdsl::FieldPath& sourcePath, std::string_view targetPointer,
                        const Flags& flags)
{
    const ParsedDocument parsed = parseDocument(text);
    if (!parsed.ok())
        return failure(RuleProblem::SyntaxErrors, "The mapping has syntax errors: fix them before mapping fields.");
    const Steps* source = &sourcePath.steps;
    const Outline outline(*parsed.document);
    const bool versionTwo = documentVersion(*parsed.document, ValidateOptions{flags, EngineKind::V2}) >= 2;
    ReadingRules rules{versionTwo && flags.get(Flag::V2JsonPath), versionTwo && flags.get(Flag::V2NewOps), {}};
    collectNames(parsed.document->statements, rules.names);
    const std::string pointer(targetPointer);

    RuleCreation result;
    std::string error;
    RuleProblem problem = RuleProblem::None;
    std::string next(text);
    std::vector<Replacement> replacements;
    Reading reading;
    const auto existing = std::find_if(outline.rules.begin(), outline.rules.end(),
                                       [&](const RuleInfo& r) { return r.pointer == pointer; });
    if (existing != outline.rules.end()) {
        // Dropped on a target: the rule now reads the field.
        reading = readingFor(*source, outline.blocks[existing->block], rules, error, problem);
        if (reading.expression.empty())
            return failure(problem, error);
        const Span value = existing->rule->value->span;
        replacements.push_back({value.begin, value.end - value.begin, reading.expression});
        result.target = pointer;
        result.replaced = true;
    } else {
        // Dropped on a container: the deepest block holding it, and the objects below that block.
        std::size_t blockIndex = 0;
        for (std::size_t i = 0; i < outline.blocks.size(); ++i) {
            const std::string& candidate = outline.blocks[i].pointer;
            if (candidate == pointer + "/*" || pointerWithin(pointer, candidate))
                if (candidate.size() >= outline.blocks[blockIndex].pointer.size())
                    blockIndex = i;
        }
        const Block& block = outline.blocks[blockIndex];
        const std::string prefix =
            pointer.size() > block.pointer.size() ? pointer.substr(block.pointer.size()) : std::string();
        std::vector<std::string> segments = pointerSegments(prefix);
        if (std::find(segments.begin(), segments.end(), "*") != segments.end())
            return failure(RuleProblem::NotAContainer, "Not a place a rule can write to: " + pointer);
        for (const RuleInfo& rule : outline.rules)
            if (pointerWithin(pointer, rule.pointer))
                return failure(RuleProblem::NotAContainer,
                               "The target " + pointer + " holds a value, not an object: drop the field on it.");
        const auto last = std::find_if(source->rbegin(), source->rend(), [](const FieldStep& s) { return !s.isElements(); });
        if (last == source->rend())
            return failure(RuleProblem::NoField, "Choose a field of the input, not the whole input.");
        reading = readingFor(*source, block, rules, error, problem);
        if (reading.expression.empty())
            return failure(problem, error);

        // A name nothing else writes to (not even below it).
        auto taken = [&](const std::string& candidate) {
            for (const RuleInfo& rule : outline.rules)
                if (pointerWithin(rule.pointer, candidate))
                    return true;
            for (const Block& other : outline.blocks)
                if (!other.pointer.empty() && pointerWithin(other.pointer, candidate))
                    return true;
            return false;
        };
        const std::string base = block.pointer == pointer + "/*" ? block.pointer : pointer;
        std::string name = last->name;
        for (int n = 2; taken(base + "/" + pointerToken(name)); ++n)
            name = last->name + "_" + std::to_string(n);
        result.target = base + "/" + pointerToken(name);
        segments.push_back(name);
        replacements = insertRule(text, *parsed.document, block, prefix, targetText(segments), reading.expression);
    }
    if (reading.nameBlock) {
        // The enclosing block is given the name the rule reads its element by: `each .orders
        // as order {`, in the same edit.
        const std::size_t brace = reading.nameBlock->openBrace.begin;
        const bool spaced = brace > 0 && text[brace - 1] == ' ';
        replacements.push_back({brace, 0, std::string(spaced ? "" : " ") + "as " + reading.alias + " "});
    }
    std::sort(replacements.begin(), replacements.end(),
              [](const Replacement& a, const Replacement& b) { return a.at > b.at; });
    for (const Replacement& r : replacements)
        next.replace(r.at, r.length, r.text);

    // Formatted texts stay formatted; others get only the new text.
    const FormatResult before = formatDocument(text);
    if (before.ok && before.text == text) {
        FormatResult after = formatDocument(next);
        if (after.ok)
            next = std::move(after.text);
    }
    const ParsedDocument reparsed = parseDocument(next);
    if (!reparsed.ok())
        return failure(RuleProblem::SyntaxErrors, "The new rule does not parse; the mapping was left as it was.");
    for (const RuleInfo& rule : Outline(*reparsed.document).rules)
        if (rule.pointer == result.target)
            result.rule = rule.rule->span;
    result.ok = true;
    result.edit = differenceOf(text, next);
    result.text = std::move(next);
    return result;
}

} // namespace mdsl
