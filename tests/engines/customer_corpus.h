#pragma once
// A generated corpus of customer records for the bundled example pair
// (resources/examples/customer-v1.mdsl and customer-v2.mdsl), the same records as
// scripts/customer-corpus.py writes: every 5th record has no phone, the fax is null on
// every 3rd and missing on the next, the country is missing on every 4th.

#include "mdsl/json.h"

#include <string>

namespace testcorpus {

inline mdsl::Json customerRecord(int n)
{
    static const char* const tiers[] = {"G", "S", "B", "X"};
    mdsl::Json contact = {{"email", "Client" + std::to_string(n) + "@Example.COM"}};
    if (n % 5 != 0)
        contact["phone"] = "+33 1 00 00 " + std::to_string(1000 + n % 9000);
    if (n % 3 == 0)
        contact["fax"] = nullptr;
    else if (n % 3 == 2)
        contact["fax"] = "+33 1 99 99 " + std::to_string(1000 + n % 9000);
    mdsl::Json address = {{"city", "Lyon"}};
    if (n % 4 != 0)
        address["country"] = "FR";
    return {{"id", n},
            {"first_name", " Ann" + std::to_string(n) + " "},
            {"last_name", "lee" + std::to_string(n)},
            {"contact", contact},
            {"tier", tiers[n % 4]},
            {"balance", (n * 1337 % 200000) / 100.0},
            {"address", address}};
}

/// Records 1..count, one per line.
inline std::string customerCorpus(int count)
{
    std::string out;
    for (int n = 1; n <= count; ++n)
        out += customerRecord(n).dump() + "\n";
    return out;
}

} // namespace testcorpus
