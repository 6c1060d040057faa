#pragma once
// Internal: numbers in the corpus reports and verdict reasons, with a fixed number of decimals.

#include <cstdio>
#include <string>

namespace mdsl::detail {

inline std::string fixedDecimals(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

} // namespace mdsl::detail
