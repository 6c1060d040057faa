#pragma once
// What the harnesses share: a check that aborts on a broken invariant (libFuzzer and the
// replayer report an abort as a crash and keep the input), the input as text, and the checks
// every diagnostic must pass wherever it comes from.

#include "mdsl/diagnostic.h"
#include "mdsl/json.h"
#include "mdsl/report.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

/// Aborts with the condition, where, and what was being checked (`context`, a string).
#define FUZZ_CHECK(condition, context)                                                                                 \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            ::mdsl::fuzz::fail(#condition, (context), __FILE__, __LINE__);                                             \
    } while (false)

namespace mdsl::fuzz {

[[noreturn]] inline void fail(const char* condition, std::string_view context, const char* file, int line)
{
    std::fprintf(stderr, "%s:%d: broken invariant: %s\n%.*s\n", file, line, condition, static_cast<int>(context.size()),
        context.data());
    std::abort();
}

inline std::string_view asText(const std::uint8_t* data, std::size_t size)
{
    return { reinterpret_cast<const char*>(data), size };
}

/// The text before the first newline and the text after it (all of it and "" without one):
/// the harnesses that take two things from one input.
inline std::pair<std::string_view, std::string_view> splitAtNewline(std::string_view text)
{
    const std::size_t at = text.find('\n');
    if (at == std::string_view::npos)
        return { text, {} };
    return { text.substr(0, at), text.substr(at + 1) };
}

/// Strict serialization, as `mapping-dsl` writes its JSON: nlohmann refuses text that is not
/// UTF-8 (type_error 316). Independent of the engine's own UTF-8 code, which is under test.
inline bool serializes(const Json& value, std::string* error = nullptr)
{
    try {
        (void)value.dump();
        return true;
    } catch (const Json::exception& e) {
        if (error)
            *error = e.what();
        return false;
    }
}

inline bool isUtf8(std::string_view text)
{
    return serializes(Json(std::string(text)));
}

/// Every message, argument, related message and fix title is valid UTF-8, and every range
/// lies inside `text` with its start before its end. With `reports`, the three report writers
/// (JSON, SARIF, compiler text) also take the diagnostics without throwing: once per input is
/// enough, the SARIF log (its rule table) costs more than the rest of a front-end run.
inline void checkDiagnostics(const std::vector<Diagnostic>& diagnostics, std::string_view text, bool reports = true)
{
    const auto checkRange = [&](const Range& range, const std::string& what) {
        FUZZ_CHECK(range.start.offset <= range.end.offset && range.end.offset <= text.size(), what);
    };
    for (const Diagnostic& d : diagnostics) {
        FUZZ_CHECK(!d.code.empty() && !d.message.empty(), d.code);
        FUZZ_CHECK(isUtf8(d.message), d.code + ": " + d.message);
        for (const std::string& arg : d.args)
            FUZZ_CHECK(isUtf8(arg), d.code + " argument: " + arg);
        checkRange(d.range, d.code + ": " + d.message);
        for (const RelatedLocation& related : d.related) {
            FUZZ_CHECK(isUtf8(related.message), d.code + " related: " + related.message);
            checkRange(related.range, d.code + " related: " + related.message);
        }
        for (const Fix& fix : d.fixes)
            FUZZ_CHECK(isUtf8(fix.title), d.code + " fix: " + fix.title);
    }
    if (!reports || diagnostics.empty())
        return;
    std::string error;
    FUZZ_CHECK(serializes(diagnosticsToJson(diagnostics), &error), "JSON report: " + error);
    FUZZ_CHECK(serializes(diagnosticsToSarif(diagnostics, "fuzz.mdsl"), &error), "SARIF report: " + error);
    FUZZ_CHECK(isUtf8(renderText(diagnostics, text, "fuzz.mdsl")) || !isUtf8(text), "text report");
}

} // namespace mdsl::fuzz
