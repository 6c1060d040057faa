// Formatting speed over a mapping file (e.g. the 10,000-rule mapping that
// `bench_validate --dump FILE` writes): prints the median, minimum and maximum time of
// formatDocument (which parses too) and of parsing alone, in milliseconds.
//
//   bench_format FILE [--iterations K]

#include "mdsl/format.h"
#include "mdsl/syntax.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

template <class F> void report(const char* what, int iterations, F&& run)
{
    std::vector<double> ms;
    for (int i = 0; i < iterations; ++i) {
        const auto start = std::chrono::steady_clock::now();
        run();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-8s median %8.2f ms   min %8.2f ms   max %8.2f ms\n", what, ms[ms.size() / 2], ms.front(), ms.back());
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_format FILE [--iterations K]\n");
        return 2;
    }
    const int iterations = argc >= 4 && std::string(argv[2]) == "--iterations" ? std::max(1, std::atoi(argv[3])) : 30;
    std::ifstream in(argv[1], std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    const mdsl::FormatResult first = mdsl::formatDocument(text);
    if (!first.ok) {
        std::fprintf(stderr, "bench_format: %s has syntax errors\n", argv[1]);
        return 1;
    }
    std::printf("%zu bytes, %d iterations\n", text.size(), iterations);
    std::size_t sink = 0;
    report("parse", iterations, [&] { sink += mdsl::parseDocument(text).diagnostics.size(); });
    report("format", iterations, [&] { sink += mdsl::formatDocument(text).text.size(); });
    return sink == 0 ? 1 : 0;
}
