// JSON Patch (RFC 6902) generation and application over JSON Pointers (RFC 6901).
//
// Generation choices, so that a patch is short and predictable for a reader:
// - objects are compared key by key (key order is not a difference); removed keys first in
//   `from`'s order, then changed keys, then added keys in `to`'s order;
// - arrays are compared element-wise by position: the common prefix of the two lengths is
//   diffed recursively, then the extra elements of `to` are added at their indices, or the
//   extra elements of `from` are removed from the last one back (so every index stays
//   valid). No move detection: an element inserted at the front shows as a run of
//   replacements, which is what a reviewer comparing two engines' outputs wants to see;
// - any other difference (type or scalar value) is one replace.

#include "mdsl/jsondiff.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace mdsl {

namespace {

// Exact numeric equality across nlohmann's three number kinds: an integer equals a double
// only when the double holds exactly that integer (no rounding through double).
bool numbersEqual(const Json& a, const Json& b)
{
    if (a.is_number_float() || b.is_number_float()) {
        if (a.is_number_float() && b.is_number_float())
            return a.get<double>() == b.get<double>();
        const Json& f = a.is_number_float() ? a : b;
        const Json& i = a.is_number_float() ? b : a;
        const double d = f.get<double>();
        if (!std::isfinite(d) || d != std::trunc(d))
            return false;
        if (i.is_number_unsigned()) {
            if (d < 0 || d >= 18446744073709551616.0)
                return false;
            return static_cast<std::uint64_t>(d) == i.get<std::uint64_t>();
        }
        if (d < -9223372036854775808.0 || d >= 9223372036854775808.0)
            return false;
        return static_cast<std::int64_t>(d) == i.get<std::int64_t>();
    }
    // Both integers, possibly one signed and one unsigned.
    if (a.is_number_unsigned() && b.is_number_unsigned())
        return a.get<std::uint64_t>() == b.get<std::uint64_t>();
    if (a.is_number_unsigned() || b.is_number_unsigned()) {
        const Json& u = a.is_number_unsigned() ? a : b;
        const Json& s = a.is_number_unsigned() ? b : a;
        const std::int64_t sv = s.get<std::int64_t>();
        return sv >= 0 && static_cast<std::uint64_t>(sv) == u.get<std::uint64_t>();
    }
    return a.get<std::int64_t>() == b.get<std::int64_t>();
}

Json operation(const char* op, const std::string& path, const Json* value = nullptr)
{
    Json o = Json::object();
    o["op"] = op;
    o["path"] = path;
    if (value)
        o["value"] = *value;
    return o;
}

void diff(const Json& from, const Json& to, const std::string& path, Json& patch)
{
    if (jsonEqual(from, to))
        return;
    if (from.is_object() && to.is_object()) {
        for (const auto& [key, value] : from.items()) {
            if (!to.contains(key))
                patch.push_back(operation("remove", path + "/" + pointerToken(key)));
        }
        for (const auto& [key, value] : from.items()) {
            const auto it = to.find(key);
            if (it != to.end())
                diff(value, *it, path + "/" + pointerToken(key), patch);
        }
        for (const auto& [key, value] : to.items()) {
            if (!from.contains(key))
                patch.push_back(operation("add", path + "/" + pointerToken(key), &value));
        }
        return;
    }
    if (from.is_array() && to.is_array()) {
        const std::size_t common = std::min(from.size(), to.size());
        for (std::size_t i = 0; i < common; ++i)
            diff(from[i], to[i], path + "/" + std::to_string(i), patch);
        for (std::size_t i = common; i < to.size(); ++i)
            patch.push_back(operation("add", path + "/" + std::to_string(i), &to[i]));
        for (std::size_t i = from.size(); i > common; --i)
            patch.push_back(operation("remove", path + "/" + std::to_string(i - 1)));
        return;
    }
    patch.push_back(operation("replace", path, &to));
}

// --- Application -------------------------------------------------------------------------

struct PatchError : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

std::vector<std::string> parsePointer(const std::string& pointer)
{
    std::vector<std::string> tokens;
    if (pointer.empty())
        return tokens;
    if (pointer.front() != '/')
        throw PatchError("JSON Pointer '" + pointer + "' does not start with '/'");
    std::string token;
    for (std::size_t i = 1; i <= pointer.size(); ++i) {
        if (i == pointer.size() || pointer[i] == '/') {
            tokens.push_back(token);
            token.clear();
            continue;
        }
        if (pointer[i] == '~') {
            const char next = i + 1 < pointer.size() ? pointer[i + 1] : '\0';
            if (next != '0' && next != '1')
                throw PatchError("JSON Pointer '" + pointer + "' has an invalid escape '~'");
            token += next == '0' ? '~' : '/';
            ++i;
            continue;
        }
        token += pointer[i];
    }
    return tokens;
}

// The array index a token names; `allowEnd` accepts size (and "-") for add.
std::size_t arrayIndex(const Json& array, const std::string& token, bool allowEnd)
{
    if (token == "-" && allowEnd)
        return array.size();
    const bool digits = !token.empty() && token.size() <= 18
        && token.find_first_not_of("0123456789") == std::string::npos
        && (token.size() == 1 || token[0] != '0');
    if (!digits)
        throw PatchError("'" + token + "' is not an array index");
    const std::size_t index = std::stoull(token);
    if (index > array.size() || (index == array.size() && !allowEnd))
        throw PatchError("array index " + token + " is out of range (size "
                         + std::to_string(array.size()) + ")");
    return index;
}

Json& resolve(Json& document, const std::vector<std::string>& tokens, std::size_t count)
{
    Json* node = &document;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string& token = tokens[i];
        if (node->is_object()) {
            const auto it = node->find(token);
            if (it == node->end())
                throw PatchError("member '" + token + "' does not exist");
            node = &*it;
        } else if (node->is_array()) {
            node = &(*node)[arrayIndex(*node, token, false)];
        } else {
            throw PatchError("'" + token + "' goes inside a " + std::string(node->type_name()));
        }
    }
    return *node;
}

void addAt(Json& document, const std::vector<std::string>& tokens, Json value)
{
    if (tokens.empty()) {
        document = std::move(value);
        return;
    }
    Json& parent = resolve(document, tokens, tokens.size() - 1);
    const std::string& last = tokens.back();
    if (parent.is_object()) {
        parent[last] = std::move(value);   // replaces in place when the key exists
    } else if (parent.is_array()) {
        const std::size_t index = arrayIndex(parent, last, true);
        parent.insert(parent.begin() + static_cast<std::ptrdiff_t>(index), std::move(value));
    } else {
        throw PatchError("cannot add inside a " + std::string(parent.type_name()));
    }
}

Json removeAt(Json& document, const std::vector<std::string>& tokens)
{
    if (tokens.empty()) {
        Json old = std::move(document);
        document = nullptr;
        return old;
    }
    Json& parent = resolve(document, tokens, tokens.size() - 1);
    const std::string& last = tokens.back();
    if (parent.is_object()) {
        const auto it = parent.find(last);
        if (it == parent.end())
            throw PatchError("member '" + last + "' does not exist");
        Json old = std::move(*it);
        parent.erase(last);
        return old;
    }
    if (parent.is_array()) {
        const std::size_t index = arrayIndex(parent, last, false);
        Json old = std::move(parent[index]);
        parent.erase(index);
        return old;
    }
    throw PatchError("cannot remove inside a " + std::string(parent.type_name()));
}

const Json& member(const Json& op, const char* name)
{
    const auto it = op.find(name);
    if (it == op.end())
        throw PatchError(std::string("missing member '") + name + "'");
    return *it;
}

std::string pointerMember(const Json& op, const char* name)
{
    const Json& value = member(op, name);
    if (!value.is_string())
        throw PatchError(std::string("member '") + name + "' is not a string");
    return value.get<std::string>();
}

void applyOne(Json& document, const Json& op)
{
    if (!op.is_object())
        throw PatchError("operation is not an object");
    const Json& name = member(op, "op");
    const std::string kind = name.is_string() ? name.get<std::string>() : std::string();
    const std::vector<std::string> path = parsePointer(pointerMember(op, "path"));
    if (kind == "add") {
        addAt(document, path, member(op, "value"));
    } else if (kind == "remove") {
        removeAt(document, path);
    } else if (kind == "replace") {
        resolve(document, path, path.size()) = member(op, "value");
    } else if (kind == "move" || kind == "copy") {
        const std::string fromPointer = pointerMember(op, "from");
        const std::vector<std::string> from = parsePointer(fromPointer);
        if (kind == "move") {
            const bool intoItself = from.size() < path.size()
                && std::equal(from.begin(), from.end(), path.begin());
            if (intoItself)
                throw PatchError("cannot move a value into itself");
            addAt(document, path, removeAt(document, from));
        } else {
            addAt(document, path, resolve(document, from, from.size()));
        }
    } else if (kind == "test") {
        if (!jsonEqual(resolve(document, path, path.size()), member(op, "value")))
            throw PatchError("the value differs");
    } else {
        throw PatchError("unknown operation '" + name.dump() + "'");
    }
}

} // namespace

std::string pointerToken(std::string_view key)
{
    std::string out;
    out.reserve(key.size());
    for (const char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

bool jsonEqual(const Json& a, const Json& b)
{
    if (a.is_number() && b.is_number())
        return numbersEqual(a, b);
    if (a.type() != b.type())
        return false;
    if (a.is_object()) {
        if (a.size() != b.size())
            return false;
        for (const auto& [key, value] : a.items()) {
            const auto it = b.find(key);
            if (it == b.end() || !jsonEqual(value, *it))
                return false;
        }
        return true;
    }
    if (a.is_array()) {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!jsonEqual(a[i], b[i]))
                return false;
        }
        return true;
    }
    return a == b;
}

Json jsonPatch(const Json& from, const Json& to)
{
    Json patch = Json::array();
    diff(from, to, std::string(), patch);
    return patch;
}

Json applyPatch(const Json& document, const Json& patch)
{
    if (!patch.is_array())
        throw std::invalid_argument("JSON Patch is not an array of operations");
    Json result = document;
    for (std::size_t i = 0; i < patch.size(); ++i) {
        try {
            applyOne(result, patch[i]);
        } catch (const PatchError& e) {
            const Json& op = patch[i];
            std::string what = "JSON Patch operation " + std::to_string(i);
            if (op.is_object() && op.contains("op") && op.contains("path"))
                what += " (" + op["op"].dump() + " " + op["path"].dump() + ")";
            throw std::invalid_argument(what + ": " + e.what());
        }
    }
    return result;
}

} // namespace mdsl
