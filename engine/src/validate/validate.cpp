// The validator's orchestrator: parse, decide the document's version, run the passes, and
// give the diagnostics back in source order.

#include "mdsl/checks.h"

#include "mdsl/syntax.h"
#include "report/codes.h"
#include "validate/context.h"

#include <algorithm>

namespace mdsl {

namespace validator {

Diagnostic& Context::report(std::string_view code, std::vector<std::string> args, Span span)
{
    diagnostics.push_back(detail::makeDiagnostic(code, std::move(args), range(span)));
    return diagnostics.back();
}

namespace {

// The fix of E301: make the header say `version 2`.
std::optional<Fix> versionTwoFix(const Context& context)
{
    const std::optional<ast::Header>& header = context.document.header;
    const auto at = [&](std::uint32_t offset) { return context.range({offset, offset}); };
    if (!header)
        return makeFix("add-header", {}, {TextEdit{at(0), "mapping \"untitled\" version 2\n"}});
    if (header->version)
        return makeFix("change-version", {}, {TextEdit{context.range(header->versionSpan), "2"}});
    return makeFix("add-version", {}, {TextEdit{at(header->nameSpan.end), " version 2"}});
}

} // namespace

void Context::requireFeature(std::string_view what, Flag flag, Span span)
{
    if (!checkFeatures)
        return;
    if (version < 2) {
        Diagnostic& d = report("E301", {std::string(what)}, span);
        d.message = formatMessage(findDiagnosticCode("E301")->pattern, {featureText(what)});
        // Under the V1 engine, or with V2 disabled, a version 2 header would only trade this
        // error for E303 or E304.
        if (options.engine == EngineKind::V2 && options.flags.get(Flag::V2Enabled))
            if (std::optional<Fix> fix = versionTwoFix(*this))
                d.fixes.push_back(std::move(*fix));
        return;
    }
    if (!options.flags.get(flag)) {
        Diagnostic& d = report("E302", {std::string(what), std::string(flagName(flag))}, span);
        d.message = formatMessage(findDiagnosticCode("E302")->pattern, {featureText(what), std::string(flagName(flag))});
    }
}

std::string_view closestName(std::string_view name, const std::vector<std::string_view>& candidates)
{
    // Edit distance where swapping two neighbours counts as one edit (optimal string
    // alignment): "vta" is one edit from "vat".
    auto distance = [](std::string_view a, std::string_view b) {
        std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
        for (std::size_t i = 0; i <= a.size(); ++i)
            d[i][0] = i;
        for (std::size_t j = 0; j <= b.size(); ++j)
            d[0][j] = j;
        for (std::size_t i = 1; i <= a.size(); ++i) {
            for (std::size_t j = 1; j <= b.size(); ++j) {
                d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
        return d[a.size()][b.size()];
    };
    std::string_view best;
    std::size_t bestDistance = 3;
    for (std::string_view candidate : candidates) {
        if (candidate == name || (candidate.size() > name.size() + 2) || (name.size() > candidate.size() + 2))
            continue;
        const std::size_t d = distance(name, candidate);
        if (d < bestDistance && d * 2 < std::max(name.size(), candidate.size())) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best;
}

} // namespace validator

int documentVersion(const ast::Document& document, const ValidateOptions& options) noexcept
{
    if (document.header && document.header->version)
        return *document.header->version;
    return defaultVersion(options);
}

int defaultVersion(const ValidateOptions& options) noexcept
{
    if (options.engine == EngineKind::V1)
        return 1;
    return options.flags.get(Flag::V2Enabled) && options.flags.get(Flag::V2Default) ? 2 : 1;
}

std::vector<Diagnostic> checkDocument(const ast::Document& document, std::string_view text,
                                      const ValidateOptions& options)
{
    validator::Context context(text, options, document);
    context.version = documentVersion(document, options);
    const bool explicitTwo = document.header && document.header->version == 2;
    if (explicitTwo && options.engine == EngineKind::V1) {
        context.report("E303", {}, document.header->versionSpan);
        context.checkFeatures = false;
    } else if (explicitTwo && !options.flags.get(Flag::V2Enabled)) {
        context.report("E304", {}, document.header->versionSpan);
        context.checkFeatures = false;
    }
    validator::checkNamesAndCalls(context);
    validator::checkTargets(context);
    return std::move(context.diagnostics);
}

std::vector<Diagnostic> validate(std::string_view text, const ValidateOptions& options)
{
    ParsedDocument parsed = parseDocument(text);
    std::vector<Diagnostic> diagnostics = std::move(parsed.diagnostics);
    if (parsed.document) {
        std::vector<Diagnostic> semantic = checkDocument(*parsed.document, text, options);
        diagnostics.insert(diagnostics.end(), std::make_move_iterator(semantic.begin()),
                           std::make_move_iterator(semantic.end()));
    }
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.range.start.offset < b.range.start.offset;
    });
    return diagnostics;
}

} // namespace mdsl
