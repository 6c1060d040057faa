// The canonical layout of a document (rules in mdsl/format.h).
//
// The formatter walks the AST and writes tokens; layout decisions that depend on the author
// (blank lines, multi-line lists, breaks after operators) are read from the source text
// through the nodes' spans. Comments come from the document's side list and are written
// when the walk passes their offset. Inside a statement a comment can only be followed by a
// line break where the grammar allows one (inside brackets, after an operator, ',' or '<-'),
// so a comment met elsewhere waits for the next such place or the end of the statement.

#include "mdsl/format.h"

#include "mdsl/ast.h"
#include "mdsl/syntax.h"

#include "util/utf8.h"

#include <algorithm>
#include <functional>

namespace mdsl {

namespace {

using namespace ast;

constexpr int kIndentWidth = 2;

std::size_t codePoints(std::string_view s)
{
    std::size_t n = 0;
    for (const char c : s)
        n += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
    return n;
}

class Formatter {
public:
    Formatter(std::string_view text, const Document& document)
        : text_(text), doc_(document), index_(text), comments_(document.comments)
    {
    }

    std::string run()
    {
        if (doc_.header) {
            const Header& h = *doc_.header;
            leadingComments(h.span.begin, true);
            startStatement();
            put("mapping", h.span.begin);
            space();
            put(slice(h.nameSpan), h.nameSpan.begin);
            if (h.versionSpan.size() > 0) {
                space();
                put("version", h.versionSpan.begin);
                space();
                put(slice(h.versionSpan), h.versionSpan.begin);
            }
            endStatement(h.span);
        }
        body(doc_.statements, !doc_.header);
        leadingComments(static_cast<std::uint32_t>(text_.size()) + 1, out_.empty());
        return out_;
    }

private:
    std::string_view text_;
    const Document& doc_;
    LineIndex index_;
    const std::vector<Comment>& comments_;
    std::size_t nextComment_ = 0;
    std::vector<const Comment*> pending_;   // comments met inside a statement, not yet written

    std::string out_;
    int level_ = 0;          // block indentation level
    int lineLevel_ = 0;      // indentation level of the current output line
    int contLevel_ = 1;      // indentation level of a continuation line
    int brackets_ = 0;       // open expression brackets: a line break may come anywhere
    bool continuation_ = false;   // the last token allows a line break after it
    bool wantSpace_ = false;
    bool breakPending_ = false;   // the next token starts a new line
    int breakLevel_ = 0;
    int lastLine_ = 0;       // source line of the last statement or comment written

    // -----------------------------------------------------------------------------------
    // Source helpers

    std::string_view slice(Span s) const { return text_.substr(s.begin, s.size()); }
    int lineOf(std::uint32_t offset) const { return index_.position(offset).line; }
    bool newlineBetween(std::uint32_t from, std::uint32_t to) const
    {
        return from < to && text_.substr(from, to - from).find('\n') != std::string_view::npos;
    }

    // -----------------------------------------------------------------------------------
    // Writing

    void indent(int level) { out_.append(static_cast<std::size_t>(level * kIndentWidth), ' '); }

    void newLine(int level)
    {
        out_ += '\n';
        indent(level);
        lineLevel_ = level;
    }

    void space() { wantSpace_ = true; }
    void requestBreak(int level)
    {
        breakPending_ = true;
        breakLevel_ = level;
    }

    /// Writes a token that stands at `offset` in the source.
    void put(std::string_view token, std::uint32_t offset, bool allowsBreakAfter = false)
    {
        while (nextComment_ < comments_.size() && comments_[nextComment_].span.begin < offset)
            pending_.push_back(&comments_[nextComment_++]);
        if (!pending_.empty() && (brackets_ > 0 || continuation_))
            writePending(contLevel_);
        if (breakPending_) {
            newLine(breakLevel_);
            breakPending_ = false;
        } else if (wantSpace_) {
            out_ += ' ';
        }
        wantSpace_ = false;
        out_ += token;
        continuation_ = allowsBreakAfter;
    }

    /// Writes the waiting comments at the end of the current line (the first) and on lines
    /// of their own (the others); the next token starts a new line.
    void writePending(int level)
    {
        for (std::size_t i = 0; i < pending_.size(); ++i) {
            if (i > 0)
                newLine(level);
            else
                out_ += ' ';
            out_ += pending_[i]->text;
        }
        pending_.clear();
        if (!breakPending_)
            requestBreak(level);
    }

    void startStatement()
    {
        indent(level_);
        lineLevel_ = level_;
        contLevel_ = level_ + 1;
        continuation_ = false;
        wantSpace_ = false;
        breakPending_ = false;
        brackets_ = 0;
    }

    /// Ends the statement's line: comments met inside it, then its trailing comment.
    void endStatement(Span span)
    {
        const int lastLine = lineOf(span.end > span.begin ? span.end - 1 : span.end);
        takeTrailingComment(lastLine);
        for (std::size_t i = 0; i < pending_.size(); ++i) {
            if (i > 0)
                newLine(level_);
            else
                out_ += ' ';
            out_ += pending_[i]->text;
            lastLine_ = std::max(lastLine_, lineOf(pending_[i]->span.begin));
        }
        pending_.clear();
        breakPending_ = false;
        out_ += '\n';
        lastLine_ = std::max(lastLine_, lastLine);
    }

    /// Queues the comment that ends source line `line`, if any.
    void takeTrailingComment(int line)
    {
        if (nextComment_ < comments_.size() && comments_[nextComment_].trailing
            && lineOf(comments_[nextComment_].span.begin) == line)
            pending_.push_back(&comments_[nextComment_++]);
    }

    /// Writes the comments before `limit` on lines of their own, keeping one blank line
    /// where the source has blank lines (except at the start of a block or the document).
    void leadingComments(std::uint32_t limit, bool first)
    {
        while (nextComment_ < comments_.size() && comments_[nextComment_].span.begin < limit) {
            const Comment& c = comments_[nextComment_++];
            const int line = lineOf(c.span.begin);
            blankLineBefore(line, first);
            first = false;
            indent(level_);
            out_ += c.text;
            out_ += '\n';
            lastLine_ = line;
        }
    }

    void blankLineBefore(int line, bool first)
    {
        if (!first && lastLine_ > 0 && line > lastLine_ + 1)
            out_ += '\n';
    }

    // -----------------------------------------------------------------------------------
    // Statements

    void body(const Body& statements, bool first)
    {
        const std::vector<std::size_t> widths = alignment(statements);
        for (std::size_t i = 0; i < statements.size(); ++i) {
            const Stmt& s = *statements[i];
            const bool hadComments = nextComment_ < comments_.size() && comments_[nextComment_].span.begin < s.span.begin;
            leadingComments(s.span.begin, first);
            blankLineBefore(lineOf(s.span.begin), first && !hadComments);
            first = false;
            statement(s, widths[i]);
        }
    }

    /// The width to which each rule's target is padded (0: no padding): the widest target
    /// of its group of consecutive rules.
    std::vector<std::size_t> alignment(const Body& statements) const
    {
        std::vector<std::size_t> widths(statements.size(), 0);
        std::size_t groupStart = 0;
        std::size_t widest = 0;
        const auto close = [&](std::size_t end) {
            for (std::size_t k = groupStart; k < end; ++k)
                widths[k] = widest;
        };
        for (std::size_t i = 0; i < statements.size(); ++i) {
            const auto* rule = statements[i]->tryAs<RuleStmt>();
            const bool joins = rule && i > 0 && statements[i - 1]->kind == StmtKind::Rule
                && !separated(*statements[i - 1], *statements[i]);
            if (!joins) {
                close(i);
                groupStart = i;
                widest = 0;
            }
            if (rule)
                widest = std::max(widest, codePoints(targetText(rule->target)));
        }
        close(statements.size());
        return widths;
    }

    /// A blank line or a comment line between two statements.
    bool separated(const Stmt& a, const Stmt& b) const
    {
        const int aLine = lineOf(a.span.end - 1);
        int line = aLine;
        auto it = std::lower_bound(comments_.begin(), comments_.end(), a.span.end,
                                   [](const Comment& c, std::uint32_t offset) { return c.span.begin < offset; });
        for (; it != comments_.end() && it->span.begin < b.span.begin; ++it) {
            const int cLine = lineOf(it->span.begin);
            if (!it->trailing || cLine != aLine)
                return true;
            line = cLine;
        }
        return lineOf(b.span.begin) > line + 1;
    }

    void statement(const Stmt& s, std::size_t alignWidth)
    {
        startStatement();
        switch (s.kind) {
        case StmtKind::Let: {
            const auto& let = s.as<LetStmt>();
            put("let", s.span.begin);
            space();
            put(let.name, let.nameSpan.begin);
            assignment("=", let.nameSpan.end, *let.value);
            break;
        }
        case StmtKind::Table: {
            const auto& table = s.as<TableStmt>();
            put("table", s.span.begin);
            space();
            put(table.name, table.nameSpan.begin);
            assignment("=", table.nameSpan.end, *table.value);
            break;
        }
        case StmtKind::Rule: {
            const auto& rule = s.as<RuleStmt>();
            const std::string target = targetText(rule.target);
            put(target, rule.target.span.begin);
            const std::size_t width = codePoints(target);
            if (alignWidth > width)
                out_.append(alignWidth - width, ' ');
            assignment("<-", rule.arrowSpan.begin, *rule.value);
            break;
        }
        case StmtKind::ObjectBlock: {
            const auto& block = s.as<ObjectBlock>();
            put(targetText(block.target), block.target.span.begin);
            blockBody(block.body, block.openBrace, block.closeBrace);
            break;
        }
        case StmtKind::ArrayBlock: {
            const auto& block = s.as<ArrayBlock>();
            put(targetText(block.target) + "[]", block.target.span.begin);
            space();
            put("<-", block.arrowSpan.begin, true);
            space();
            put("each", block.eachSpan.begin);
            space();
            expr(*block.source);
            if (block.alias) {
                space();
                put("as", block.aliasSpan.begin);
                space();
                put(*block.alias, block.aliasSpan.begin);
            }
            blockBody(block.body, block.openBrace, block.closeBrace);
            break;
        }
        case StmtKind::When: {
            const auto& when = s.as<WhenBlock>();
            put("when", s.span.begin);
            space();
            expr(*when.condition);
            blockBody(when.body, when.openBrace, when.closeBrace);
            if (when.hasElse) {
                space();
                put("else", when.elseSpan.begin);
                blockBody(when.elseBody, when.elseOpenBrace, when.elseCloseBrace);
            }
            break;
        }
        }
        endStatement(s.span);
    }

    /// ` <- value` or ` = value`, keeping a line break the author put after the operator.
    void assignment(std::string_view op, std::uint32_t opOffset, const Expr& value)
    {
        space();
        put(op, opOffset, true);
        breakOrSpace(opOffset + static_cast<std::uint32_t>(op.size()), outerBegin(value));
        expr(value);
    }

    void breakOrSpace(std::uint32_t from, std::uint32_t to)
    {
        if (newlineBetween(from, to))
            requestBreak(contLevel_);
        else
            space();
    }

    void blockBody(const Body& statements, Span open, Span close)
    {
        space();
        put("{", open.begin);
        // Comments met in the block's head end up after its brace.
        takeTrailingComment(lineOf(open.begin));
        for (std::size_t i = 0; i < pending_.size(); ++i) {
            if (i > 0)
                newLine(level_ + 1);
            else
                out_ += ' ';
            out_ += pending_[i]->text;
        }
        pending_.clear();
        out_ += '\n';
        lastLine_ = lineOf(open.begin);
        const int savedLevel = level_;
        level_ = savedLevel + 1;
        body(statements, true);
        leadingComments(close.begin, true);
        level_ = savedLevel;
        indent(level_);
        lineLevel_ = level_;
        breakPending_ = false;
        wantSpace_ = false;
        put("}", close.begin);
        lastLine_ = std::max(lastLine_, lineOf(close.begin));
    }

    // -----------------------------------------------------------------------------------
    // Expressions

    /// Where an expression starts in the source, its opening parenthesis included.
    std::uint32_t outerBegin(const Expr& e) const
    {
        std::uint32_t begin = e.span.begin;
        if (e.parenthesized) {
            while (begin > 0 && text_[begin - 1] != '(')
                --begin;
            if (begin > 0)
                --begin;
        }
        return begin;
    }

    /// Where a parenthesized expression's closing parenthesis is: past blanks and comments.
    std::uint32_t closeParen(const Expr& e) const
    {
        std::size_t i = e.span.end;
        while (i < text_.size() && text_[i] != ')') {
            if (text_[i] == '#') {
                while (i < text_.size() && text_[i] != '\n')
                    ++i;
            } else {
                ++i;
            }
        }
        return static_cast<std::uint32_t>(i);
    }

    static std::string segmentText(const PathSegment& s, std::string_view source)
    {
        if (s.kind == PathSegment::Kind::Index)
            return "[" + std::to_string(s.index) + "]";
        return s.quoted ? std::string(source.substr(s.span.begin, s.span.size())) : s.name;
    }

    std::string targetText(const Target& target) const
    {
        std::string out;
        for (std::size_t i = 0; i < target.segments.size(); ++i) {
            const PathSegment& s = target.segments[i];
            if (i > 0 && s.kind == PathSegment::Kind::Field)
                out += '.';
            out += segmentText(s, text_);
        }
        return out;
    }

    /// `.a.b[0]` (a simple path, `leading`: the dot before a first field is its own) or the
    /// steps of a navigation (`.id[0]`, every field after a dot).
    std::string segmentsText(const std::vector<PathSegment>& segments, bool leading) const
    {
        std::string out = leading ? "." : "";
        for (std::size_t i = 0; i < segments.size(); ++i) {
            const PathSegment& s = segments[i];
            if ((i > 0 || !leading) && s.kind == PathSegment::Kind::Field)
                out += '.';
            out += segmentText(s, text_);
        }
        return out;
    }

    void expr(const Expr& e)
    {
        if (e.parenthesized) {
            put("(", outerBegin(e), true);
            ++brackets_;
            exprInner(e);
            put(")", closeParen(e));
            --brackets_;
        } else {
            exprInner(e);
        }
    }

    void exprInner(const Expr& e)
    {
        switch (e.kind) {
        case ExprKind::Literal:
            put(e.as<LiteralExpr>().text, e.span.begin);
            return;
        case ExprKind::Path:
            put(segmentsText(e.as<PathExpr>().segments, true), e.span.begin);
            return;
        case ExprKind::Navigate: {
            const auto& navigate = e.as<NavigateExpr>();
            expr(*navigate.base);
            put(segmentsText(navigate.segments, false), navigate.pathSpan.begin);
            return;
        }
        case ExprKind::JsonPath:
            put(e.as<JsonPathExpr>().text, e.span.begin);
            return;
        case ExprKind::Name:
            put(e.as<NameExpr>().name, e.span.begin);
            return;
        case ExprKind::Array: {
            const auto& array = e.as<ArrayExpr>();
            list("[", "]", e.span, array.elements.size(), [&](std::size_t i) { expr(*array.elements[i]); });
            return;
        }
        case ExprKind::Object: {
            const auto& object = e.as<ObjectExpr>();
            list("{", "}", e.span, object.entries.size(), [&](std::size_t i) {
                const ObjectEntry& entry = object.entries[i];
                put(entry.quoted ? slice(entry.keySpan) : std::string_view(entry.key), entry.keySpan.begin);
                put(":", entry.keySpan.end, true);
                space();
                expr(*entry.value);
            });
            return;
        }
        case ExprKind::Call: {
            const auto& call = e.as<CallExpr>();
            put(call.callee, call.calleeSpan.begin);
            arguments(call.args, Span{call.calleeSpan.end, e.span.end});
            return;
        }
        case ExprKind::Unary: {
            const auto& unary = e.as<UnaryExpr>();
            put(opText(unary.op), unary.opSpan.begin);
            if (unary.op == UnaryOp::Not)
                space();
            expr(*unary.operand);
            return;
        }
        case ExprKind::Binary: {
            const auto& binary = e.as<BinaryExpr>();
            expr(*binary.left);
            space();
            put(opText(binary.op), binary.opSpan.begin, true);
            breakOrSpace(binary.opSpan.end, outerBegin(*binary.right));
            expr(*binary.right);
            return;
        }
        case ExprKind::Pipe: {
            const auto& pipe = e.as<PipeExpr>();
            expr(*pipe.input);
            space();
            put("|", pipe.opSpan.begin, true);
            breakOrSpace(pipe.opSpan.end, pipe.calleeSpan.begin);
            put(pipe.callee, pipe.calleeSpan.begin);
            if (pipe.hasParens)
                arguments(pipe.args, Span{pipe.calleeSpan.end, e.span.end});
            return;
        }
        }
    }

    void arguments(const std::vector<ExprPtr>& args, Span parens)
    {
        list("(", ")", parens, args.size(), [&](std::size_t i) { expr(*args[i]); });
    }

    /// A bracketed list over `span` (opener to closer): on one line, or one element per line
    /// when the author wrote it over several lines.
    void list(std::string_view open, std::string_view close, Span span, std::size_t count,
              const std::function<void(std::size_t)>& element)
    {
        const std::uint32_t closeOffset = span.end > 0 ? span.end - 1 : 0;
        put(open, span.begin, true);
        ++brackets_;
        const bool broken = count > 0 && newlineBetween(span.begin, span.end);
        const int outer = lineLevel_;
        const int savedCont = contLevel_;
        if (broken)
            contLevel_ = outer + 2;
        for (std::size_t i = 0; i < count; ++i) {
            if (broken)
                requestBreak(outer + 1);
            element(i);
            if (i + 1 < count) {
                put(",", 0, true);
                if (!broken)
                    space();
            }
        }
        contLevel_ = savedCont;
        if (broken)
            requestBreak(outer);
        put(close, closeOffset);
        --brackets_;
    }
};

} // namespace

FormatResult formatDocument(std::string_view text)
{
    FormatResult result;
    ParsedDocument parsed = parseDocument(text);
    if (!parsed.ok()) {
        result.diagnostics = std::move(parsed.diagnostics);
        return result;
    }
    result.ok = true;
    result.text = Formatter(text, *parsed.document).run();
    return result;
}

} // namespace mdsl
