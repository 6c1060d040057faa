// Field paths, read with the engine's JSONPath parser and written as the lineage writes them.

#include "mdsl/fieldpath.h"

#include "mdsl/json.h"
#include "mdsl/jsonpath.h"
#include "syntax/lexer.h"

#include <algorithm>

namespace mdsl {

std::string FieldPath::text() const
{
    std::string out = "$";
    for (const FieldStep& step : steps) {
        if (step.isElements())
            out += "[*]";
        else if (syntax::isIdentifier(step.name))
            out += "." + step.name;
        else
            out += "[" + Json(step.name).dump(-1, ' ', false, Json::error_handler_t::replace) + "]";
    }
    return out;
}

bool FieldPath::hasElements() const noexcept
{
    return std::any_of(steps.begin(), steps.end(), [](const FieldStep& s) { return s.isElements(); });
}

std::optional<FieldPath> parseFieldPath(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    std::string query;
    if (text.front() == '.')
        query = text == "." ? std::string("$") : "$" + std::string(text);
    else if (text.front() == '$' || text.front() == '@')
        query = "$" + std::string(text.substr(1));
    else
        return std::nullopt;
    const jsonpath::ParseResult parsed = jsonpath::parse(query);
    if (!parsed.query)
        return std::nullopt;
    const auto steps = parsed.query->childSteps();
    if (!steps)
        return std::nullopt;
    FieldPath path;
    for (const std::optional<std::string>& step : *steps)
        path.steps.push_back(step ? FieldStep::member(*step) : FieldStep::elements());
    return path;
}

} // namespace mdsl
