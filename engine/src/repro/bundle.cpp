// Repro bundles: reading untrusted .mdslrepro files strictly, and writing them in a stable
// layout. Every check names the JSON Pointer of the value at fault (docs/repro.md).

#include "mdsl/jsondiff.h"
#include "mdsl/repro.h"

#include "util/utf8.h"

#include <array>
#include <limits>
#include <stdexcept>

namespace mdsl {

namespace {

constexpr std::size_t kMaxShortString = 256;     // versions, dates, names
// JavaScript's Date range, ±100,000,000 days: any clock a real system can have read.
constexpr std::int64_t kMaxClockMs = 8'640'000'000'000'000;

struct Invalid : std::runtime_error {
    Invalid(std::string at, const std::string& message)
        : std::runtime_error(message)
        , pointer(std::move(at))
    {
    }
    std::string pointer;
};

// The error is one line of UTF-8 whatever the file holds: the parser's message quotes the
// bytes it stopped at (shown as \xFF), and a field's name may hold a line break (shown as
// \u000A, as JSON writes it).
std::string oneLine(std::string_view text)
{
    std::string out;
    for (const char c : utf8::forMessage(text)) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            static constexpr char kHex[] = "0123456789ABCDEF";
            out += "\\u00";
            out += kHex[static_cast<unsigned char>(c) >> 4];
            out += kHex[c & 0xF];
        } else {
            out += c;
        }
    }
    return out;
}

std::string child(const std::string& pointer, std::string_view key)
{
    return pointer + '/' + pointerToken(key);
}

bool isString(const Json& value, std::string_view expected)
{
    return value.is_string() && value.get_ref<const std::string&>() == expected;
}

std::string article(const Json& value)
{
    const std::string type = value.type_name();
    return (type == "array" || type == "object" ? "an " : "a ") + type;
}

// Arrays and objects nested deeper than the limit, found without parsing (the parser and
// everything after it recurse): the line of the first bracket past the limit.
std::optional<std::size_t> tooDeep(std::string_view text)
{
    int depth = 0;
    bool inString = false;
    std::size_t line = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n')
            ++line;
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxReproDepth)
                return line;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::nullopt;
}

// Reads the members of one object, refusing what the format does not define.
class Members {
public:
    Members(const Json& object, std::string pointer, std::initializer_list<std::string_view> known)
        : object_(object)
        , pointer_(std::move(pointer))
    {
        if (!object.is_object())
            throw Invalid(pointer_, "expected an object, found " + article(object));
        for (const auto& [key, value] : object.items()) {
            bool isKnown = false;
            for (const std::string_view name : known)
                isKnown = isKnown || key == name;
            if (!isKnown)
                throw Invalid(child(pointer_, key), "unknown field '" + key + "'");
        }
    }

    [[nodiscard]] const Json* find(std::string_view key) const
    {
        const auto it = object_.find(key);
        return it == object_.end() ? nullptr : &*it;
    }

    [[nodiscard]] const Json& required(std::string_view key) const
    {
        const Json* value = find(key);
        if (!value)
            throw Invalid(pointer_, "missing required field '" + std::string(key) + "'");
        return *value;
    }

    [[nodiscard]] std::string at(std::string_view key) const { return child(pointer_, key); }

    [[nodiscard]] std::string string(std::string_view key, bool isRequired, std::size_t maxSize) const
    {
        const Json* value = isRequired ? &required(key) : find(key);
        if (!value)
            return {};
        if (!value->is_string())
            throw Invalid(at(key), "expected a string, found " + article(*value));
        const auto& s = value->get_ref<const std::string&>();
        if (s.size() > maxSize)
            throw Invalid(at(key), "longer than " + std::to_string(maxSize) + " bytes");
        return s;
    }

    [[nodiscard]] std::optional<bool> boolean(std::string_view key, bool isRequired) const
    {
        const Json* value = isRequired ? &required(key) : find(key);
        if (!value)
            return std::nullopt;
        if (!value->is_boolean())
            throw Invalid(at(key), "expected a boolean, found " + article(*value));
        return value->get<bool>();
    }

private:
    const Json& object_;
    std::string pointer_;
};

std::optional<std::int64_t> integer(const Json& value, const std::string& pointer, std::int64_t min, std::int64_t max)
{
    if (!value.is_number_integer())
        throw Invalid(pointer, "expected an integer, found " + (value.is_number() ? std::string("a fraction") : article(value)));
    if (value.is_number_unsigned() && value.get<std::uint64_t>() > std::uint64_t(max))
        throw Invalid(pointer, "out of range (" + std::to_string(min) + " to " + std::to_string(max) + ")");
    const std::int64_t n = value.get<std::int64_t>();
    if (n < min || n > max)
        throw Invalid(pointer, "out of range (" + std::to_string(min) + " to " + std::to_string(max) + ")");
    return n;
}

Flags readFlags(const Json& value, const std::string& pointer)
{
    std::array<std::string_view, kAllFlags.size()> names{};
    for (std::size_t i = 0; i < kAllFlags.size(); ++i)
        names[i] = flagName(kAllFlags[i]);
    const Members m(value, pointer,
                    {names[0], names[1], names[2], names[3], names[4], names[5], names[6]});
    Flags flags;
    // All seven are required: a flag left out would silently replay under a guess.
    for (const Flag flag : kAllFlags)
        flags.set(flag, *m.boolean(flagName(flag), true));
    return flags;
}

ReproProduction readProduction(const Json& value, const std::string& pointer)
{
    const Members m(value, pointer, {"output", "engine", "fallback", "engine_version"});
    ReproProduction production;
    production.output = m.required("output");
    if (const Json* engine = m.find("engine")) {
        if (isString(*engine, "v1"))
            production.engine = EngineKind::V1;
        else if (isString(*engine, "v2"))
            production.engine = EngineKind::V2;
        else
            throw Invalid(m.at("engine"), "expected \"v1\" or \"v2\"");
    }
    production.fallback = m.boolean("fallback", false).value_or(false);
    if (production.fallback && production.engine == EngineKind::V2)
        throw Invalid(m.at("fallback"), "a fallback is answered by V1, but engine says \"v2\"");
    production.engineVersion = m.string("engine_version", false, kMaxShortString);
    return production;
}

ReproBundle readBundle(const Json& doc)
{
    if (!doc.is_object())
        throw Invalid("", "expected an object, found " + article(doc));
    // What the file is, and which version of the format, before anything else: a JSON file
    // of another kind or a newer bundle gets a message about that, not about its fields.
    const auto format = doc.find("format");
    if (format == doc.end() || !isString(*format, kReproFormatName))
        throw Invalid("/format", "not a repro bundle (\"format\" must be \"mdslrepro\")");
    const auto version = doc.find("format_version");
    if (version == doc.end())
        throw Invalid("", "missing required field 'format_version'");
    const std::int64_t v = *integer(*version, "/format_version", 1, std::numeric_limits<std::int32_t>::max());
    if (v != kReproFormatVersion)
        throw Invalid("/format_version", "unsupported format version " + std::to_string(v) + " (this engine reads version "
                                             + std::to_string(kReproFormatVersion) + ")");

    const Members m(doc, "",
                    {"format", "format_version", "created_at", "engine_version", "studio_version", "mapping", "input",
                     "flags", "route", "now_ms", "production", "notes"});
    ReproBundle bundle;
    bundle.createdAt = m.string("created_at", true, kMaxShortString);
    bundle.engineVersion = m.string("engine_version", true, kMaxShortString);
    bundle.studioVersion = m.string("studio_version", false, kMaxShortString);
    const Members mapping(m.required("mapping"), "/mapping", {"name", "text"});
    bundle.mappingName = mapping.string("name", true, kMaxShortString);
    bundle.mappingText = mapping.string("text", true, kMaxReproBytes);
    bundle.input = m.required("input");
    bundle.flags = readFlags(m.required("flags"), "/flags");
    const Json& route = m.required("route");
    if (isString(route, reproRouteName(Route::V2Routed)))
        bundle.route = Route::V2Routed;
    else if (isString(route, reproRouteName(Route::V1Only)))
        bundle.route = Route::V1Only;
    else
        throw Invalid("/route", "expected \"v2-routed\" or \"v1-only\"");
    if (const Json* now = m.find("now_ms"))
        bundle.nowMs = integer(*now, "/now_ms", -kMaxClockMs, kMaxClockMs);
    if (const Json* production = m.find("production"))
        bundle.production = readProduction(*production, "/production");
    bundle.notes = m.string("notes", false, kMaxReproBytes);
    return bundle;
}

} // namespace

std::string_view reproRouteName(Route route) noexcept
{
    return route == Route::V1Only ? "v1-only" : "v2-routed";
}

std::optional<Json> parseUntrustedJson(std::string_view text, std::string& error)
{
    if (text.size() > kMaxReproBytes) {
        error = "larger than " + std::to_string(kMaxReproBytes >> 20) + " MiB";
        return std::nullopt;
    }
    if (const auto line = tooDeep(text)) {
        error = "nested deeper than " + std::to_string(kMaxReproDepth) + " levels (line " + std::to_string(*line) + ")";
        return std::nullopt;
    }
    try {
        return parseJson(text);
    } catch (const Json::exception& e) {
        // "[json.exception.parse_error.101] parse error at line 3, column 5: ..." without the tag.
        std::string detail = e.what();
        if (const auto bracket = detail.find("] "); bracket != std::string::npos)
            detail.erase(0, bracket + 2);
        error = "not JSON: " + utf8::forMessage(detail);   // it quotes bytes that need not be UTF-8
        return std::nullopt;
    }
}

ReproParse parseRepro(std::string_view text)
{
    ReproParse result;
    std::optional<Json> doc = parseUntrustedJson(text, result.error);
    if (!doc) {
        result.error = oneLine(result.error);
        return result;
    }
    try {
        result.bundle = readBundle(*doc);
    } catch (const Invalid& e) {
        result.pointer = e.pointer;
        result.error = oneLine((e.pointer.empty() ? std::string("/") : e.pointer) + ": " + e.what());
    } catch (const std::exception& e) {
        // Not expected (every check throws Invalid), but a bad file must never escape as a crash.
        result.error = oneLine(std::string("/: ") + e.what());
    }
    return result;
}

Json reproToJson(const ReproBundle& bundle)
{
    Json flags = Json::object();
    for (const Flag flag : kAllFlags)
        flags[std::string(flagName(flag))] = bundle.flags.get(flag);
    Json doc = Json::object();
    doc["format"] = std::string(kReproFormatName);
    doc["format_version"] = kReproFormatVersion;
    doc["created_at"] = bundle.createdAt;
    doc["engine_version"] = bundle.engineVersion;
    if (!bundle.studioVersion.empty())
        doc["studio_version"] = bundle.studioVersion;
    doc["mapping"] = {{"name", bundle.mappingName}, {"text", bundle.mappingText}};
    doc["input"] = bundle.input;
    doc["flags"] = std::move(flags);
    doc["route"] = std::string(reproRouteName(bundle.route));
    if (bundle.nowMs)
        doc["now_ms"] = *bundle.nowMs;
    if (bundle.production) {
        const ReproProduction& p = *bundle.production;
        Json production = Json::object();
        if (p.engine)
            production["engine"] = std::string(engineName(*p.engine));
        if (p.fallback)
            production["fallback"] = true;
        if (!p.engineVersion.empty())
            production["engine_version"] = p.engineVersion;
        production["output"] = p.output;
        doc["production"] = std::move(production);
    }
    if (!bundle.notes.empty())
        doc["notes"] = bundle.notes;
    return doc;
}

std::string writeRepro(const ReproBundle& bundle)
{
    return reproToJson(bundle).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace mdsl
