// Corpus comparison at scale (docs/benchmarks.md, "Corpus comparison"): throughput and peak
// memory of `compare` (customer-v1.mdsl on V1 against customer-v2.mdsl routed) over a
// generated corpus, against the two sides' batch dry-runs run back to back.
//
//   bench_corpus generate 1000000 corpus.ndjson   # the customer records of scripts/customer-corpus.py
//   bench_corpus batches corpus.ndjson [JOBS]      # V1-only batch of v1, then routed batch of v2
//   bench_corpus compare corpus.ndjson [JOBS]      # the two-sided comparison
//
// Run each mode in its own process: the peak resident memory printed is the process's.

#include "customer_corpus.h"

#include "mdsl/batch.h"
#include "mdsl/corpus.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

const std::string kExamples = MDSL_SOURCE_DIR "/resources/examples/";

double peakMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;   // kilobytes on Linux
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Discards what it is given: the batches' results are not what is measured.
class NullBuffer : public std::streambuf {
protected:
    int overflow(int c) override { return c; }
    std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

int usage()
{
    std::cerr << "usage: bench_corpus generate RECORDS FILE | batches FILE [JOBS] | compare FILE [JOBS]\n";
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3)
        return usage();
    const std::string mode = argv[1];
    if (mode == "generate" && argc == 4) {
        const int records = std::atoi(argv[2]);
        std::ofstream out(argv[3], std::ios::binary);
        for (int n = 1; n <= records; ++n)
            out << testcorpus::customerRecord(n).dump() << '\n';
        return out ? 0 : 1;
    }
    const std::string corpus = argv[2];
    const unsigned jobs = argc > 3 ? static_cast<unsigned>(std::atoi(argv[3])) : 0;
    const std::string v1 = readFile(kExamples + "customer-v1.mdsl");
    const std::string v2 = readFile(kExamples + "customer-v2.mdsl");
    const mdsl::Flags flags;
    const auto start = std::chrono::steady_clock::now();
    std::uint64_t records = 0;
    if (mode == "batches") {
        NullBuffer nothing;
        std::ostream out(&nothing);
        mdsl::BatchOptions options;
        options.jobs = jobs;
        for (const auto& [text, route] : {std::pair{&v1, mdsl::Route::V1Only}, std::pair{&v2, mdsl::Route::V2Routed}}) {
            std::ifstream in(corpus, std::ios::binary);
            records = mdsl::dryRunBatch(in, out, mdsl::prepare(*text, route, flags), options).lines;
        }
    } else if (mode == "compare") {
        std::ifstream in(corpus, std::ios::binary);
        mdsl::CorpusOptions options;
        options.jobs = jobs;
        const mdsl::CorpusReport report = mdsl::compareCorpus(
            in, mdsl::mappingSide("customer-v1.mdsl", v1, mdsl::SideEngine::V1, flags),
            mdsl::mappingSide("customer-v2.mdsl", v2, mdsl::SideEngine::Routed, flags), options);
        records = report.records;
        std::printf("identical %.2f %%, %zu difference groups, verdict %s\n", report.identicalPercent(),
                    report.differences.size(), std::string(mdsl::verdictName(report.verdict)).c_str());
    } else {
        return usage();
    }
    const double seconds = secondsSince(start);
    std::printf("%s: %llu records in %.2f s, %.0f records/s, peak resident %.1f MiB\n", mode.c_str(),
                static_cast<unsigned long long>(records), seconds, static_cast<double>(records) / seconds, peakMiB());
    return 0;
}
