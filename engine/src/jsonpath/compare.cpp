// Comparison of JSON values (RFC 9535 section 2.3.5.2.2).

#include "compare.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace mdsl::jsonpath::detail {

namespace {

/// -1, 0 or 1. Integers compare exactly; a double against anything compares as doubles.
int compareNumbers(const Json& a, const Json& b)
{
    if (a.is_number_float() || b.is_number_float()) {
        const double x = a.get<double>();
        const double y = b.get<double>();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    const bool aUnsigned = a.is_number_unsigned();
    const bool bUnsigned = b.is_number_unsigned();
    if (!aUnsigned && !bUnsigned) {
        const auto x = a.get<std::int64_t>();
        const auto y = b.get<std::int64_t>();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (!aUnsigned && a.get<std::int64_t>() < 0)
        return -1;
    if (!bUnsigned && b.get<std::int64_t>() < 0)
        return 1;
    const auto x = a.get<std::uint64_t>();
    const auto y = b.get<std::uint64_t>();
    return x < y ? -1 : (x > y ? 1 : 0);
}

/// Equal if scalars; for containers, checks sizes and queues the children to compare.
bool shallowEqual(const Json& a, const Json& b, std::vector<std::pair<const Json*, const Json*>>& pending)
{
    if (a.is_number() && b.is_number())
        return compareNumbers(a, b) == 0;
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case Json::value_t::string:
        return a.get_ref<const std::string&>() == b.get_ref<const std::string&>();
    case Json::value_t::boolean:
        return a.get<bool>() == b.get<bool>();
    case Json::value_t::array:
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            pending.emplace_back(&a[i], &b[i]);
        return true;
    case Json::value_t::object:
        if (a.size() != b.size())
            return false;
        for (auto it = a.begin(); it != a.end(); ++it) {
            const auto other = b.find(it.key());
            if (other == b.end())
                return false;
            pending.emplace_back(&it.value(), &other.value());
        }
        return true;
    default:
        return true;   // null (and discarded, which queries never see)
    }
}

} // namespace

bool equal(const Json& a, const Json& b)
{
    std::vector<std::pair<const Json*, const Json*>> pending{{&a, &b}};
    while (!pending.empty()) {
        const auto [x, y] = pending.back();
        pending.pop_back();
        if (!shallowEqual(*x, *y, pending))
            return false;
    }
    return true;
}

bool less(const Json& a, const Json& b)
{
    if (a.is_number() && b.is_number())
        return compareNumbers(a, b) < 0;
    if (a.is_string() && b.is_string())   // UTF-8 byte order is scalar value order
        return a.get_ref<const std::string&>() < b.get_ref<const std::string&>();
    return false;
}

} // namespace mdsl::jsonpath::detail
