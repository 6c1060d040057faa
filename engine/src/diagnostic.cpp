#include "mdsl/diagnostic.h"

#include "util/utf8.h"

#include <algorithm>

namespace mdsl {

std::string_view severityName(Severity severity) noexcept
{
    switch (severity) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        return "info";
    }
    return "error";
}

std::string formatMessage(std::string_view pattern, const std::vector<std::string>& args)
{
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{') {
            const std::size_t close = pattern.find('}', i);
            if (close != std::string_view::npos && close > i + 1) {
                const std::string_view digits = pattern.substr(i + 1, close - i - 1);
                if (std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                    const auto index = static_cast<std::size_t>(std::stoul(std::string(digits)));
                    // Arguments quote the user's text, which may hold bytes that are not
                    // UTF-8: shown as \xFF, so that the message always serializes.
                    if (index < args.size())
                        out += utf8::forMessage(args[index]);
                    i = close;
                    continue;
                }
            }
        }
        out += pattern[i];
    }
    return out;
}

bool hasErrors(const std::vector<Diagnostic>& diagnostics) noexcept
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

} // namespace mdsl
