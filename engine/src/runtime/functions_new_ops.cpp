// The version 2 functions of the flag mapping_dsl_v2_new_ops (docs/functions.md).
// Regular expressions are I-Regexp, translated and cached by the JSONPath module's translator
// (one translator for the whole engine) and run by RE2 in linear time.

#include "runtime/codec.h"
#include "runtime/functions.h"
#include "runtime/operators.h"
#include "runtime/text.h"

#include "jsonpath/regex.h"

#include <re2/re2.h>

#include <memory>

namespace mdsl::rt {

namespace {

Value coalesceBody(Call& call)
{
    for (int i = 0; i < call.argCount(); ++i) {
        Value value = call.arg(i);
        if (!value.isMissingOrNull())
            return value;
    }
    return Value::missing();
}

const re2::RE2& requireRegex(Call& call, std::span<Value> args, int index)
{
    const std::string& pattern = requireString(call, args, index);
    const auto regex = jsonpath::detail::cachedIRegexp(pattern);
    if (!regex) {
        std::string error;
        jsonpath::detail::compileIRegexp(pattern, error);
        fail(code::kRegex, call.span, {std::string(call.name), error});
    }
    // The cache keeps every compiled pattern alive for the life of the process.
    return *regex;
}

Value splitBody(Call& call, std::span<Value> args)
{
    const std::string& s = requireString(call, args, 0);
    const re2::RE2& separator = requireRegex(call, args, 1);
    Json parts = Json::array();
    std::size_t from = 0;
    std::size_t searchAt = 0;
    re2::StringPiece match;
    while (searchAt <= s.size()
           && separator.Match(s, searchAt, s.size(), re2::RE2::UNANCHORED, &match, 1)) {
        call.state.tick(call.span);
        if (match.empty())
            fail("E412.split-empty-match", call.span, {"split"});
        const auto at = static_cast<std::size_t>(match.data() - s.data());
        call.state.build(at - from + 32, call.span);   // many short parts cost more than their text
        parts.push_back(s.substr(from, at - from));
        from = at + match.size();
        searchAt = from;
    }
    parts.push_back(s.substr(from));
    return Value::own(std::move(parts));
}

Value startsWithBody(Call& call, std::span<Value> args)
{
    const std::string& s = requireString(call, args, 0);
    return Value::own(Json(s.starts_with(requireString(call, args, 1))));
}

Value endsWithBody(Call& call, std::span<Value> args)
{
    const std::string& s = requireString(call, args, 0);
    return Value::own(Json(s.ends_with(requireString(call, args, 1))));
}

Value containsBody(Call& call, std::span<Value> args)
{
    const Json& haystack = args[0].json();
    if (haystack.is_string())
        return Value::own(Json(haystack.get_ref<const std::string&>().find(requireString(call, args, 1)) != std::string::npos));
    if (!haystack.is_array())
        argumentTypeError(call, 0, "types.string-or-array", args[0]);
    const Json& needle = args[1].json();
    for (const Json& element : haystack) {
        call.state.tick(call.span);
        if (jsonEquals(element, needle))
            return Value::own(Json(true));
    }
    return Value::own(Json(false));
}

Value pad(Call& call, std::span<Value> args, bool left)
{
    const std::string& s = requireString(call, args, 0);
    const std::int64_t width = requireInteger(call, args, 1);
    std::string filler = " ";
    if (args.size() > 2) {
        filler = requireString(call, args, 2);
        if (text::codePointCount(filler) != 1)
            fail("E412.padding", call.span, {std::string(call.name)});
    }
    const auto length = static_cast<std::int64_t>(text::codePointCount(s));
    if (width <= length)
        return std::move(args[0]);
    const auto missingCount = static_cast<std::uint64_t>(width - length);
    call.state.checkSize(missingCount * filler.size(), call.span);
    call.state.build(missingCount * filler.size() + s.size() + 16, call.span);
    std::string padding;
    padding.reserve(missingCount * filler.size());
    for (std::uint64_t i = 0; i < missingCount; ++i)
        padding += filler;
    return Value::own(Json(left ? padding + s : s + padding));
}

Value padLeftBody(Call& call, std::span<Value> args) { return pad(call, args, true); }
Value padRightBody(Call& call, std::span<Value> args) { return pad(call, args, false); }

Value matchesBody(Call& call, std::span<Value> args)
{
    const std::string& s = requireString(call, args, 0);
    return Value::own(Json(jsonpath::detail::regexMatches(requireRegex(call, args, 1), s, true)));
}

/// The pattern of replace_regex with its groups capturing, so that \\1 ... \\9 can name them.
/// I-Regexp has no group syntax of its own, so every "(?:" of the translation is a group of
/// the pattern (literal characters come out as \\x{..} escapes).
std::unique_ptr<re2::RE2> capturingRegex(Call& call, const std::string& pattern)
{
    std::string error;
    std::optional<std::string> translated = jsonpath::detail::translateIRegexp(pattern, error);
    if (translated) {
        std::string& t = *translated;
        for (std::size_t at = t.find("(?:"); at != std::string::npos; at = t.find("(?:", at))
            t.erase(at + 1, 2);
        re2::RE2::Options options;
        options.set_log_errors(false);
        options.set_encoding(re2::RE2::Options::EncodingUTF8);
        auto regex = std::make_unique<re2::RE2>(t, options);
        if (regex->ok())
            return regex;
        error = regex->error();
    }
    fail(code::kRegex, call.span, {"replace_regex", error});
}

/// Why RE2 refuses a replacement, as a phrase id (mdsl::phrases()): RE2's own check, step by
/// step, so that the reason can be said in any language; RE2's message if it differs.
std::string replacementReason(std::string_view replacement, const re2::RE2& regex, const std::string& re2Error)
{
    int highest = 0;
    for (std::size_t i = 0; i < replacement.size(); ++i) {
        if (replacement[i] != '\\')
            continue;
        if (++i == replacement.size())
            return "replacement.trailing-backslash";
        const char c = replacement[i];
        if (c >= '0' && c <= '9')
            highest = std::max(highest, c - '0');
        else if (c != '\\')
            return "replacement.bad-escape";
    }
    if (highest > regex.NumberOfCapturingGroups())
        return "replacement.groups:" + std::to_string(highest) + ":" + std::to_string(regex.NumberOfCapturingGroups());
    return re2Error;
}

Value replaceRegexBody(Call& call, std::span<Value> args)
{
    std::string s = requireString(call, args, 0);
    const auto regex = capturingRegex(call, requireString(call, args, 1));
    const std::string& replacement = requireString(call, args, 2);
    std::string error;
    if (!regex->CheckRewriteString(replacement, &error))
        fail("E412.replacement", call.span, {"replace_regex", replacementReason(replacement, *regex, error)});
    re2::RE2::GlobalReplace(&s, *regex, replacement);
    return Value::own(Json(std::move(s)));
}

Value keysBody(Call& call, std::span<Value> args)
{
    const Json& object = requireObject(call, args, 0);
    Json out = Json::array();
    for (auto it = object.begin(); it != object.end(); ++it)
        out.push_back(it.key());
    return Value::own(std::move(out));
}

Value valuesBody(Call& call, std::span<Value> args)
{
    const Json& object = requireObject(call, args, 0);
    Json out = Json::array();
    for (auto it = object.begin(); it != object.end(); ++it)
        out.push_back(it.value());
    return Value::own(std::move(out));
}

Value mergeBody(Call& call, std::span<Value> args)
{
    Json out = Json::object();
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i].isMissingOrNull())
            continue;
        const Json& object = requireObject(call, args, static_cast<int>(i));
        for (auto it = object.begin(); it != object.end(); ++it)
            out[it.key()] = it.value();
    }
    return Value::own(std::move(out));
}

Value typeOfBody(Call&, std::span<Value> args)
{
    const Json& value = args[0].json();
    const char* name = value.is_null() ? "null"
                     : value.is_boolean() ? "boolean"
                     : value.is_number() ? "number"
                     : value.is_string() ? "string"
                     : value.is_array() ? "array"
                                        : "object";
    return Value::own(Json(name));
}

Value switchBody(Call& call)
{
    const Value value = call.arg(0);
    if (value.isMissing())
        return Value::missing();
    const int count = call.argCount();
    int i = 1;
    for (; i + 1 < count; i += 2) {
        const Value candidate = call.arg(i);
        if (!candidate.isMissing() && jsonEquals(candidate.json(), value.json()))
            return call.arg(i + 1);
    }
    return i < count ? call.arg(i) : Value::missing();
}

[[noreturn]] void dateError(const Call& call, codec::DateError error)
{
    error.args.insert(error.args.begin(), std::string(call.name));
    fail(error.wording, call.span, std::move(error.args));
}

Value parseDateBody(Call& call, std::span<Value> args)
{
    const std::string& s = requireString(call, args, 0);
    const std::string& format = requireString(call, args, 1);
    codec::DateError error;
    const auto ms = codec::parseDate(s, format, error);
    if (!ms)
        dateError(call, std::move(error));
    return Value::own(Json(*ms));
}

Value formatDateBody(Call& call, std::span<Value> args)
{
    const std::int64_t ms = requireInteger(call, args, 0);
    const std::string format = args.size() > 1 ? requireString(call, args, 1) : "%Y-%m-%dT%H:%M:%SZ";
    codec::DateError error;
    auto out = codec::formatDate(ms, format, error);
    if (!out)
        dateError(call, std::move(error));
    return Value::own(Json(std::move(*out)));
}

Value nowBody(Call& call, std::span<Value>)
{
    return Value::own(Json(call.state.nowMs()));
}

Value sha256Body(Call& call, std::span<Value> args)
{
    return Value::own(Json(codec::sha256Hex(requireString(call, args, 0))));
}

Value base64EncodeBody(Call& call, std::span<Value> args)
{
    return Value::own(Json(codec::base64Encode(requireString(call, args, 0))));
}

Value base64DecodeBody(Call& call, std::span<Value> args)
{
    auto bytes = codec::base64Decode(requireString(call, args, 0));
    if (!bytes || !text::isValidUtf8(*bytes))
        fail(bytes ? "E412.base64-not-utf8" : "E412.base64-invalid", call.span, {"base64_decode"});
    return Value::own(Json(std::move(*bytes)));
}

Value urlEncodeBody(Call& call, std::span<Value> args)
{
    return Value::own(Json(codec::urlEncode(requireString(call, args, 0))));
}

Value jsonParseBody(Call& call, std::span<Value> args)
{
    const std::string& s = requireString(call, args, 0);
    Json parsed = Json::parse(s, nullptr, false);
    if (parsed.is_discarded())
        fail("E412.json-invalid", call.span, {"json_parse"});
    if (measure(parsed, call.state.options.limits.maxDepth).depth > call.state.options.limits.maxDepth)
        call.state.depthLimit(call.span);
    return Value::own(std::move(parsed));
}

Value jsonStringifyBody(Call&, std::span<Value> args)
{
    std::string text;   // dump()'s bytes (test_json_io), written without recursion
    appendJson(text, args[0].json());
    return Value::own(Json(std::move(text)));
}

const FunctionImpl kNewOpsFunctions[] = {
    {"coalesce", 1, kVariadic, Nulls::Raw, nullptr, coalesceBody},
    {"split", 2, 2, Nulls::MissingOrNull, splitBody, nullptr},
    {"starts_with", 2, 2, Nulls::MissingOrNull, startsWithBody, nullptr},
    {"ends_with", 2, 2, Nulls::MissingOrNull, endsWithBody, nullptr},
    {"contains", 2, 2, Nulls::MissingOrNull, containsBody, nullptr},
    {"pad_left", 2, 3, Nulls::MissingOrNull, padLeftBody, nullptr},
    {"pad_right", 2, 3, Nulls::MissingOrNull, padRightBody, nullptr},
    {"matches", 2, 2, Nulls::MissingOrNull, matchesBody, nullptr},
    {"replace_regex", 3, 3, Nulls::MissingOrNull, replaceRegexBody, nullptr},
    {"keys", 1, 1, Nulls::MissingOrNull, keysBody, nullptr},
    {"values", 1, 1, Nulls::MissingOrNull, valuesBody, nullptr},
    {"merge", 1, kVariadic, Nulls::Raw, mergeBody, nullptr},
    {"type_of", 1, 1, Nulls::MissingOnly, typeOfBody, nullptr},
    {"switch", 3, kVariadic, Nulls::Raw, nullptr, switchBody},
    {"parse_date", 2, 2, Nulls::MissingOrNull, parseDateBody, nullptr},
    {"format_date", 1, 2, Nulls::MissingOrNull, formatDateBody, nullptr},
    {"now", 0, 0, Nulls::Raw, nowBody, nullptr, true},
    {"sha256", 1, 1, Nulls::MissingOrNull, sha256Body, nullptr},
    {"base64_encode", 1, 1, Nulls::MissingOrNull, base64EncodeBody, nullptr},
    {"base64_decode", 1, 1, Nulls::MissingOrNull, base64DecodeBody, nullptr},
    {"url_encode", 1, 1, Nulls::MissingOrNull, urlEncodeBody, nullptr},
    {"json_parse", 1, 1, Nulls::MissingOrNull, jsonParseBody, nullptr},
    {"json_stringify", 1, 1, Nulls::MissingOnly, jsonStringifyBody, nullptr},
};

} // namespace

std::span<const FunctionImpl> newOpsFunctions()
{
    return kNewOpsFunctions;
}

} // namespace mdsl::rt
