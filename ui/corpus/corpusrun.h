#pragma once
// The Corpus view's work off the UI thread (docs/corpus.md, "In the studio"): a corpus
// comparison through the engine's mdsl::compareCorpus with live figures and a Cancel, the
// mapping's test suites through mdsl::runSuite, and one record read back by its line.
// Nothing here touches a widget: the controller runs these on its BackgroundLanes.

#include "mdsl/corpus.h"
#include "mdsl/mappingtests.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace studio {

/// What a corpus is: NDJSON (one record a line), a folder of JSON files (one record a file,
/// by name), or NDJSON of {"input": …, "output": …} pairs.
enum class CorpusFormat { Ndjson, Folder, Pairs };

/// The format a path suggests: a folder, "*.pairs.ndjson" for pairs, else NDJSON.
CorpusFormat guessCorpusFormat(const QString& path);
/// A path the window accepts as a dropped corpus: a folder or an .ndjson/.jsonl file.
bool isCorpusPath(const QString& path);

/// One side as the user chose it; mdsl::CorpusSide is made from it in the worker.
struct CorpusSideChoice {
    enum class Kind { Mapping, Outputs, PairOutputs };
    Kind kind = Kind::Mapping;
    QString name;              ///< the mapping's file name (a label), or the outputs' file
    QString text;              ///< Mapping: its text
    mdsl::SideEngine engine = mdsl::SideEngine::Routed;
};

/// The figures of a run under way, shared between the worker (writes) and the UI (reads on
/// its timer): no signal per record, so a million records never flood the event loop.
class CorpusLive {
public:
    void store(const mdsl::CorpusProgress& progress);
    [[nodiscard]] mdsl::CorpusProgress load() const;
    std::atomic<std::uint64_t> totalRecords{0};   ///< counted before the run; 0 while counting
    std::atomic<std::uint64_t> totalBytes{0};
    std::atomic<bool> cancel{false};              ///< the user's Cancel: partial figures kept

private:
    mutable std::mutex mutex_;
    mdsl::CorpusProgress progress_;
};

struct CorpusRunRequest {
    QString corpusPath;
    CorpusFormat format = CorpusFormat::Ndjson;
    CorpusSideChoice left;
    CorpusSideChoice right;
    mdsl::Flags flags;
    mdsl::Thresholds thresholds;
    std::optional<qint64> nowMs;
    unsigned jobs = 0;
    std::shared_ptr<CorpusLive> live = std::make_shared<CorpusLive>();
};

struct CorpusRunResult {
    QString error;                                ///< could not run or stopped on bad input
    std::shared_ptr<const mdsl::CorpusReport> report;
    QString corpusPath;
    CorpusFormat format = CorpusFormat::Ndjson;
    std::uint64_t totalRecords = 0;
    qint64 elapsedMs = 0;
};

/// Runs the comparison (with the rules' profile). `laneCancelled` (a newer run) stops it too.
CorpusRunResult runCorpus(const CorpusRunRequest& request, const std::atomic<bool>& laneCancelled);

/// The record of corpus line (NDJSON) or file number (folder) `line`, as the sample input
/// takes it: the input of a pair, pretty-printed. nullopt with `error` when it is not there.
std::optional<QString> readCorpusRecord(const QString& path, CorpusFormat format, std::uint64_t line, QString& error);

/// The test suites beside a mapping file, loaded and run under their own settings.
struct TestsRequest {
    QString mappingPath;
    QString text;
};

struct LoadedSuite {
    mdsl::TestSuite suite;
    mdsl::SuiteReport report;
};

struct TestsResult {
    std::vector<LoadedSuite> suites;
    QStringList errors;   ///< suites that could not be read or settled, one message each
};

TestsResult runTests(const TestsRequest& request);

/// Writes the current output of one case as its expected output (the engine's
/// mdsl::updateSuite: a temporary file renamed over the old one). "" or why not.
QString acceptTestCase(const LoadedSuite& suite, std::size_t caseIndex);

} // namespace studio
