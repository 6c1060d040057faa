// Normalized paths (RFC 9535 section 2.7): member names in single quotes with the RFC's
// escapes, indices in decimal.

#include "mdsl/jsonpath.h"

#include <cstdio>

namespace mdsl::jsonpath {

namespace {

void appendEscapedName(std::string& out, const std::string& name)
{
    out += "['";
    for (const char c : name) {
        switch (c) {
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\'': out += "\\'"; break;
        case '\\': out += "\\\\"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
                out += buffer;
            } else {
                out += c;
            }
        }
    }
    out += "']";
}

} // namespace

std::string toString(const NormalizedPath& path)
{
    std::string out = "$";
    for (const PathElement& element : path) {
        if (const auto* name = std::get_if<std::string>(&element)) {
            appendEscapedName(out, *name);
        } else {
            out += '[';
            out += std::to_string(std::get<std::size_t>(element));
            out += ']';
        }
    }
    return out;
}

} // namespace mdsl::jsonpath
