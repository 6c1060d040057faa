// The production flag file (YAML) through yaml-cpp. Values follow YAML 1.2's core schema:
// only true/false (also True/TRUE/False/FALSE) are booleans; "yes", "on", 1 or a quoted
// "true" are not, and are reported rather than guessed.

#include "mdsl/flags.h"

#include "report/codes.h"
#include "util/utf8.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace mdsl {

namespace {

struct FlagInfo {
    Flag flag;
    std::string_view name;
    std::string_view comment;   ///< production's comment after the value, if any
};

// Production's order and comments (docs/language.md, "Versions and flags").
constexpr std::array<FlagInfo, kAllFlags.size()> kFlagInfo = {{
    {Flag::V2Enabled, "mapping_dsl_v2_enabled", ""},
    {Flag::V2Default, "mapping_dsl_v2_default", "V2 for new mappings"},
    {Flag::V1Fallback, "mapping_dsl_v1_fallback", "fall back to V1 when V2 fails"},
    {Flag::V2Containers, "mapping_dsl_v2_containers", ""},
    {Flag::V2JsonPath, "mapping_dsl_v2_jsonpath", ""},
    {Flag::V2ArrayOps, "mapping_dsl_v2_array_ops", ""},
    {Flag::V2NewOps, "mapping_dsl_v2_new_ops", ""},
}};

// Where production's comments start (column 31, as its file has them).
constexpr std::size_t kCommentColumn = 31;

std::optional<bool> yamlBool(const YAML::Node& node)
{
    // A quoted scalar has the tag "!": it is a string even when it reads "true".
    if (!node.IsScalar() || node.Tag() == "!")
        return std::nullopt;
    const std::string& s = node.Scalar();
    if (s == "true" || s == "True" || s == "TRUE")
        return true;
    if (s == "false" || s == "False" || s == "FALSE")
        return false;
    return std::nullopt;
}

// The range a node covers on its line: its scalar text when it has one, else one character.
Range nodeRange(const YAML::Node& node, const LineIndex& index)
{
    const YAML::Mark mark = node.Mark();
    if (mark.is_null())
        return index.range({0, 0});
    const int line = mark.line + 1;
    const std::uint32_t lineStart = index.offset(line, 1);
    const std::uint32_t lineEnd = lineStart + static_cast<std::uint32_t>(index.lineText(line).size());
    const std::uint32_t begin = std::min(lineStart + static_cast<std::uint32_t>(mark.column), lineEnd);
    std::uint32_t length = 1;
    if (node.IsScalar())
        length = static_cast<std::uint32_t>(std::max<std::size_t>(node.Scalar().size(), 1))
            + (node.Tag() == "!" ? 2 : 0);
    return index.range({begin, std::min(begin + length, std::max(lineEnd, begin))});
}

// yaml-cpp names a character by its first byte ("unknown escape character: " and the first
// byte of the "é" of `"\é"`): the message would end inside a character. That character is
// completed from the line the error is on; without one there, the byte stays (and is shown
// as \xC3 by the message's formatting).
std::string completeLastCharacter(std::string message, std::string_view line)
{
    std::size_t lead = message.size();
    while (lead > 0 && message.size() - lead < 3 && (static_cast<unsigned char>(message[lead - 1]) & 0xC0u) == 0x80u)
        --lead;
    if (lead == 0)
        return message;
    --lead;
    const auto first = static_cast<unsigned char>(message[lead]);
    if (first < 0xC2 || first > 0xF4 || utf8::utf8Length(message, lead) > 0)
        return message;
    const std::string partial = message.substr(lead);
    for (std::size_t at = line.find(partial); at != std::string_view::npos; at = line.find(partial, at + 1)) {
        if (const std::size_t length = utf8::utf8Length(line, at)) {
            message.replace(lead, std::string::npos, line.substr(at, length));
            break;
        }
    }
    return message;
}

std::string describe(const YAML::Node& node)
{
    if (node.IsScalar())
        return node.Tag() == "!" ? "\"" + node.Scalar() + "\"" : node.Scalar();
    if (node.IsSequence())
        return "yaml.list";   // phrase ids: the messages' ".not-scalar" wordings
    if (node.IsMap())
        return "yaml.mapping";
    return "yaml.nothing";
}

} // namespace

std::string_view flagName(Flag flag) noexcept
{
    return kFlagInfo[static_cast<std::size_t>(flag)].name;
}

std::optional<Flag> flagFromName(std::string_view name) noexcept
{
    for (const FlagInfo& info : kFlagInfo) {
        if (info.name == name)
            return info.flag;
    }
    return std::nullopt;
}

FlagsFile parseFlags(std::string_view yaml)
{
    FlagsFile result;
    const LineIndex index(yaml);
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& e) {
        const int line = e.mark.is_null() ? 1 : e.mark.line + 1;
        const int column = e.mark.is_null() ? 1 : e.mark.column + 1;
        const std::uint32_t at = index.offset(line, column);
        result.diagnostics.push_back(
            detail::makeDiagnostic("E310", {completeLastCharacter(e.msg, index.lineText(line))}, index.range({at, at})));
        return result;
    }
    // An empty file (or one of comments only) is the production defaults.
    if (!root.IsDefined() || root.IsNull())
        return result;
    if (!root.IsMap()) {
        result.diagnostics.push_back(detail::makeDiagnostic("E311", {}, nodeRange(root, index)));
        return result;
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        const YAML::Node key = it->first;   // copies: the iterator yields a temporary pair
        const YAML::Node value = it->second;
        const std::string name = key.IsScalar() ? key.Scalar() : describe(key);
        const std::optional<Flag> flag = key.IsScalar() ? flagFromName(name) : std::nullopt;
        if (!flag) {
            result.diagnostics.push_back(
                detail::makeDiagnostic(key.IsScalar() ? "W310" : "W310.not-scalar", {name}, nodeRange(key, index)));
            continue;
        }
        if (const std::optional<bool> on = yamlBool(value))
            result.flags.set(*flag, *on);
        else
            result.diagnostics.push_back(detail::makeDiagnostic(
                value.IsScalar() ? "E312" : "E312.not-scalar", {name, describe(value)},
                nodeRange(value.IsNull() ? key : value, index)));
    }
    return result;
}

std::string writeFlags(const Flags& flags)
{
    std::string out;
    for (const FlagInfo& info : kFlagInfo) {
        std::string line = std::string(info.name) + ": " + (flags.get(info.flag) ? "true" : "false");
        if (!info.comment.empty()) {
            line.resize(std::max(kCommentColumn, line.size() + 1), ' ');
            line += "# ";
            line += info.comment;
        }
        out += line + '\n';
    }
    return out;
}

} // namespace mdsl
