// JSONPath benchmark: two queries over a generated ~50 MB orders document, each against a
// hand-written traversal doing the same work, so the figures show what the query engine
// costs on top of walking the document.
//
//   bench_jsonpath [SIZE_MB] [RUNS]     (defaults: 50 MB, 7 runs; the best run is reported)

#include "mdsl/jsonpath.h"

#include <re2/re2.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <vector>

using mdsl::Json;

namespace {

/// A seeded orders document: orders with a customer, a country, a total and order lines.
Json generate(std::size_t targetBytes)
{
    std::mt19937_64 random(20261123);
    const char* countries[] = {"FR", "FI", "DE", "ES", "IT", "GB", "US", "F", "FRA", "NL"};
    const char* names[] = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Niklaus", "Frances"};
    std::uniform_int_distribution<int> country(0, 9), name(0, 7), lines(1, 5), qty(1, 9);
    std::uniform_real_distribution<double> price(0.5, 120.0);
    Json orders = Json::array();
    std::size_t bytes = 0;
    for (std::int64_t id = 1; bytes < targetBytes; ++id) {
        Json order;
        order["id"] = id;
        order["customer"] = {{"name", names[name(random)]}, {"email", "user" + std::to_string(id) + "@example.com"}};
        order["country"] = countries[country(random)];
        Json items = Json::array();
        double total = 0;
        const int count = lines(random);
        for (int i = 0; i < count; ++i) {
            const double p = std::round(price(random) * 100) / 100;
            const int q = qty(random);
            total += p * q;
            items.push_back({{"sku", "SKU-" + std::to_string(random() % 100000)}, {"qty", q}, {"price", p}});
        }
        order["lines"] = std::move(items);
        order["total"] = std::round(total * 100) / 100;
        order["status"] = (id % 7 == 0) ? "cancelled" : "paid";
        bytes += order.dump().size() + 1;
        orders.push_back(std::move(order));
    }
    return Json{{"orders", std::move(orders)}};
}

/// Hand-written $..price: the same visiting order as RFC 9535's descendant segment.
void allPrices(const Json& node, std::vector<const Json*>& out)
{
    if (node.is_object()) {
        const auto it = node.find("price");
        if (it != node.end())
            out.push_back(&it.value());
        for (const auto& child : node)
            allPrices(child, out);
    } else if (node.is_array()) {
        for (const auto& child : node)
            allPrices(child, out);
    }
}

/// Hand-written $.orders[?@.total > 100 && match(@.country, "F.")].id, with the same regex
/// (RE2, '.' excluding line breaks as I-Regexp says).
void bigFrenchOrders(const Json& root, const RE2& country, std::vector<const Json*>& out)
{
    const auto orders = root.find("orders");
    if (orders == root.end() || !orders->is_array())
        return;
    for (const Json& order : *orders) {
        if (!order.is_object())
            continue;
        const auto total = order.find("total");
        if (total == order.end() || !total->is_number() || !(total->get<double>() > 100))
            continue;
        const auto code = order.find("country");
        if (code == order.end() || !code->is_string() || !RE2::FullMatch(code->get_ref<const std::string&>(), country))
            continue;
        const auto id = order.find("id");
        if (id != order.end())
            out.push_back(&id.value());
    }
}

/// Best of runs, in milliseconds; checks every run selects the same number of nodes.
double best(int runs, const std::function<std::size_t()>& work, std::size_t& count)
{
    double fastest = 1e300;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        count = work();
        const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
        fastest = std::min(fastest, elapsed.count());
    }
    return fastest;
}

void compare(const char* label, int runs, const std::function<std::size_t()>& query,
             const std::function<std::size_t()>& handWritten)
{
    std::size_t queryCount = 0;
    std::size_t handCount = 0;
    const double queryMs = best(runs, query, queryCount);
    const double handMs = best(runs, handWritten, handCount);
    std::printf("%-60s  jsonpath %8.1f ms  hand-written %8.1f ms  ratio %.2f  (%zu nodes%s)\n", label, queryMs,
                handMs, queryMs / handMs, queryCount, queryCount == handCount ? "" : ", COUNTS DIFFER");
}

} // namespace

int main(int argc, char** argv)
{
    const std::size_t megabytes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 50;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 7;
    const auto genStart = std::chrono::steady_clock::now();
    const Json document = generate(megabytes * 1000 * 1000);
    const std::string text = document.dump();
    const std::chrono::duration<double> genTime = std::chrono::steady_clock::now() - genStart;
    std::printf("document: %.1f MB, %zu orders (generated in %.1f s, seed 20261123); best of %d runs\n",
                static_cast<double>(text.size()) / 1e6, document["orders"].size(), genTime.count(), runs);

    const auto prices = mdsl::jsonpath::parse("$..price");
    const auto filter = mdsl::jsonpath::parse("$.orders[?@.total > 100 && match(@.country, \"F.\")].id");
    if (!prices.query || !filter.query) {
        std::fprintf(stderr, "bench_jsonpath: a query did not parse\n");
        return 1;
    }
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingUTF8);
    const RE2 country("F[^\\n\\r]", options);

    std::vector<const Json*> out;
    compare("$..price", runs,
            [&] { out.clear(); prices.query->select(document, document, out); return out.size(); },
            [&] { out.clear(); allPrices(document, out); return out.size(); });
    compare("$.orders[?@.total > 100 && match(@.country, \"F.\")].id", runs,
            [&] { out.clear(); filter.query->select(document, document, out); return out.size(); },
            [&] { out.clear(); bigFrenchOrders(document, country, out); return out.size(); });
    return 0;
}
