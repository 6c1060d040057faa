#pragma once
// The engine's JSON reader and writer against nlohmann's parse and dump, shared by the test
// tests/engines/test_json_io.cpp and the fuzz harness fuzz/json_reader.

#include "mdsl/json.h"

#include <cstring>
#include <optional>
#include <string>

namespace mdsl::jsoncompare {

/// Same type at every node (1, 1u and 1.0 differ), same members in the same order.
inline bool identical(const Json& a, const Json& b)
{
    if (a.type() != b.type())
        return false;
    if (a.is_object()) {
        if (a.size() != b.size())
            return false;
        for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j)
            if (i.key() != j.key() || !identical(i.value(), j.value()))
                return false;
        return true;
    }
    if (a.is_array()) {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!identical(a[i], b[i]))
                return false;
        return true;
    }
    if (a.is_number_float()) { // bit for bit: -0.0 is not 0.0
        const double x = a.get<double>(), y = b.get<double>();
        return std::memcmp(&x, &y, sizeof x) == 0;
    }
    return a == b;
}

inline std::string dumped(const Json& value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

inline std::string appended(const Json& value)
{
    std::string out = "prefix";
    mdsl::appendJson(out, value);
    return out.substr(6);
}

/// parseJson and Json::parse agree on `text`: the same value, or the same error. Returns an
/// empty string when they agree, else what differs.
inline std::string compareParse(const std::string& text)
{
    std::optional<Json> expected, actual;
    std::string expectedError, actualError;
    try {
        expected = Json::parse(text);
    } catch (const Json::parse_error& e) {
        expectedError = e.what() + std::string(" @") + std::to_string(e.byte);
    } catch (const Json::exception& e) { // out_of_range 406: a number past the doubles
        expectedError = e.what();
    }
    try {
        actual = mdsl::parseJson(text);
    } catch (const Json::parse_error& e) {
        actualError = e.what() + std::string(" @") + std::to_string(e.byte);
    } catch (const Json::exception& e) {
        actualError = e.what();
    }
    if (expectedError != actualError)
        return "errors differ for " + text + ": '" + expectedError + "' vs '" + actualError + "'";
    if (expected && !identical(*expected, *actual))
        return "values differ for " + text + ": " + dumped(*expected) + " vs " + dumped(*actual);
    if (expected && appended(*actual) != dumped(*expected))
        return "appendJson differs for " + text + ": " + appended(*actual) + " vs " + dumped(*expected);
    return {};
}

} // namespace mdsl::jsoncompare
