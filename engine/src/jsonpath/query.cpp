// The public face of the JSONPath engine: parse() chains lexer, parser and type checks;
// Query runs the evaluator.

#include "mdsl/jsonpath.h"

#include "ast.h"
#include "evaluator.h"
#include "lexer.h"
#include "parser.h"

namespace mdsl::jsonpath {

using detail::QueryImpl;

ParseResult parse(std::string_view text, const ParseOptions& options)
{
    ParseResult result;
    try {
        std::size_t consumed = 0;
        detail::QueryAst ast = detail::parseQuery(text, options, consumed);
        auto impl = std::make_shared<QueryImpl>();
        impl->text = std::string(text.substr(0, consumed));
        impl->ast = std::move(ast);
        result.query = QueryImpl::make(std::move(impl));
        result.consumed = static_cast<std::uint32_t>(consumed);
    } catch (const detail::ParseFailure& failure) {
        result.error = failure.error;
        result.consumed = static_cast<std::uint32_t>(
            options.embedded ? detail::skipExtent(text, failure.error.offset) : text.size());
    }
    return result;
}

bool Query::isSingular() const noexcept
{
    return impl_ && impl_->ast.singular();
}

bool Query::isRelative() const noexcept
{
    return impl_ && impl_->ast.relative;
}

const std::string& Query::text() const noexcept
{
    static const std::string empty;
    return impl_ ? impl_->text : empty;
}

void Query::select(const Json& root, const Json& current, std::vector<const Json*>& out) const
{
    select(root, current, out, nullptr);
}

void Query::select(const Json& root, const Json& current, std::vector<const Json*>& out, Watch* watch) const
{
    if (impl_)
        detail::Evaluator(root, watch).select(impl_->ast, current, out);
}

std::vector<const Json*> Query::select(const Json& root) const
{
    std::vector<const Json*> out;
    select(root, root, out);
    return out;
}

std::vector<Node> Query::selectWithPaths(const Json& root, const Json* current, Watch* watch) const
{
    if (!impl_)
        return {};
    return detail::Evaluator(root, watch).selectWithPaths(impl_->ast, current ? *current : root);
}

const Json* Query::selectOne(const Json& root, const Json& current) const
{
    if (!impl_)
        return nullptr;
    const detail::Evaluator evaluator(root);
    if (impl_->ast.singular())
        return evaluator.selectSingular(impl_->ast, current);
    std::vector<const Json*> out;
    evaluator.select(impl_->ast, current, out);
    return out.empty() ? nullptr : out.front();
}

std::optional<std::vector<SingularStep>> Query::singularSteps() const
{
    if (!impl_ || !impl_->ast.singular())
        return std::nullopt;
    std::vector<SingularStep> steps;
    for (const detail::Segment& segment : impl_->ast.segments) {
        const detail::Selector& selector = segment.selectors.front();
        if (selector.kind == detail::SelectorKind::Name)
            steps.emplace_back(selector.name);
        else
            steps.emplace_back(selector.index);
    }
    return steps;
}

std::optional<std::vector<std::optional<std::string>>> Query::childSteps() const
{
    if (!impl_)
        return std::nullopt;
    std::vector<std::optional<std::string>> steps;
    for (const detail::Segment& segment : impl_->ast.segments) {
        if (segment.descendant)
            return std::nullopt;
        const bool oneName = segment.selectors.size() == 1 && segment.selectors.front().kind == detail::SelectorKind::Name;
        steps.push_back(oneName ? std::optional<std::string>(segment.selectors.front().name) : std::nullopt);
    }
    return steps;
}

} // namespace mdsl::jsonpath
