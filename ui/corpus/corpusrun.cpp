#include "corpusrun.h"

#include "mdsl/flags.h"
#include "mdsl/json.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

#include <cstring>
#include <fstream>
#include <streambuf>
#include <thread>

namespace studio {

// The context of this file's translations.
struct CorpusRun {
    Q_DECLARE_TR_FUNCTIONS(studio::CorpusRun)
};

namespace {

constexpr std::size_t kReadChunk = 1 << 20;

// The JSON files of a folder corpus, by name: record N is the N-th.
QStringList folderRecords(const QString& path)
{
    return QDir(path).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

// A folder of JSON files read as NDJSON: each file one line (compact), one file at a time,
// so memory stays that of the largest file whatever the folder's size. A file that is not
// JSON becomes a line that is not JSON either: the comparison counts it as invalid input.
class FolderStreamBuf : public std::streambuf {
public:
    FolderStreamBuf(QString dir, QStringList files)
        : dir_(std::move(dir))
        , files_(std::move(files))
    {
    }

protected:
    int_type underflow() override
    {
        if (gptr() < egptr())
            return traits_type::to_int_type(*gptr());
        if (next_ >= files_.size())
            return traits_type::eof();
        QFile file(dir_ + QLatin1Char('/') + files_[next_++]);
        std::string text;
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray bytes = file.readAll();
            try {
                text = mdsl::jsonText(mdsl::parseJson(std::string_view(bytes.constData(), std::size_t(bytes.size()))));
            } catch (const std::exception&) {
                text = bytes.simplified().toStdString();   // not JSON: stays not JSON, on one line
            }
        }
        if (text.empty())
            text = "-";   // an unreadable file: an invalid line, not a skipped blank one
        buffer_ = std::move(text);
        buffer_ += '\n';
        setg(buffer_.data(), buffer_.data(), buffer_.data() + buffer_.size());
        return traits_type::to_int_type(*gptr());
    }

private:
    QString dir_;
    QStringList files_;
    qsizetype next_ = 0;
    std::string buffer_;
};

// Non-blank lines and bytes of an NDJSON file, read in large chunks (a 1 GB corpus: ~1 s).
bool countLines(const QString& path, std::uint64_t& records, std::uint64_t& bytes, const std::atomic<bool>& stop)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    bytes = std::uint64_t(file.size());
    records = 0;
    bool content = false;
    QByteArray chunk(qsizetype(kReadChunk), Qt::Uninitialized);
    for (;;) {
        const qint64 n = file.read(chunk.data(), chunk.size());
        if (n <= 0 || stop.load(std::memory_order_relaxed))
            break;
        for (qint64 i = 0; i < n; ++i) {
            const char c = chunk[i];
            if (c == '\n') {
                records += content ? 1 : 0;
                content = false;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                content = true;
            }
        }
    }
    records += content ? 1 : 0;
    return true;
}

// The comparison's threads (this one and the engine's workers, which inherit its niceness)
// give way to the UI thread when cores are short: the window stays responsive while a
// million records run. Linux nice values are per thread.
void yieldToTheUi()
{
#ifdef Q_OS_LINUX
    setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 10);
#endif
}

mdsl::CorpusSide makeSide(const CorpusSideChoice& choice, const mdsl::Flags& flags, std::ifstream& outputs)
{
    switch (choice.kind) {
    case CorpusSideChoice::Kind::PairOutputs:
        return mdsl::pairOutputsSide();
    case CorpusSideChoice::Kind::Outputs:
        outputs.open(QFile::encodeName(choice.name).toStdString(), std::ios::binary);
        return mdsl::outputsSide(choice.name.toStdString(), outputs);
    case CorpusSideChoice::Kind::Mapping:
        break;
    }
    return mdsl::mappingSide(choice.name.toStdString(), choice.text.toStdString(), choice.engine, flags);
}

} // namespace

CorpusFormat guessCorpusFormat(const QString& path)
{
    if (QFileInfo(path).isDir())
        return CorpusFormat::Folder;
    return path.endsWith(QStringLiteral(".pairs.ndjson"), Qt::CaseInsensitive) ? CorpusFormat::Pairs : CorpusFormat::Ndjson;
}

bool isCorpusPath(const QString& path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return !folderRecords(path).isEmpty();
    const QString suffix = info.suffix().toLower();
    return info.isFile() && (suffix == QLatin1String("ndjson") || suffix == QLatin1String("jsonl"));
}

void CorpusLive::store(const mdsl::CorpusProgress& progress)
{
    const std::lock_guard lock(mutex_);
    progress_ = progress;
}

mdsl::CorpusProgress CorpusLive::load() const
{
    const std::lock_guard lock(mutex_);
    return progress_;
}

CorpusRunResult runCorpus(const CorpusRunRequest& request, const std::atomic<bool>& laneCancelled)
{
    CorpusRunResult result;
    result.corpusPath = request.corpusPath;
    result.format = request.format;
    CorpusLive& live = *request.live;
    QElapsedTimer clock;
    clock.start();

    std::ifstream file;
    std::unique_ptr<FolderStreamBuf> folderBuf;
    std::unique_ptr<std::istream> folderStream;
    std::istream* corpus = &file;
    std::uint64_t records = 0;
    std::uint64_t bytes = 0;
    if (request.format == CorpusFormat::Folder) {
        const QStringList files = folderRecords(request.corpusPath);
        if (files.isEmpty()) {
            result.error = CorpusRun::tr("%1 holds no JSON file (*.json).").arg(QDir::toNativeSeparators(request.corpusPath));
            return result;
        }
        records = std::uint64_t(files.size());
        for (const QString& name : files)
            bytes += std::uint64_t(QFileInfo(request.corpusPath + QLatin1Char('/') + name).size()) + 1;
        folderBuf = std::make_unique<FolderStreamBuf>(request.corpusPath, files);
        folderStream = std::make_unique<std::istream>(folderBuf.get());
        corpus = folderStream.get();
    } else {
        if (!countLines(request.corpusPath, records, bytes, live.cancel)) {
            result.error = CorpusRun::tr("Cannot read %1.").arg(QDir::toNativeSeparators(request.corpusPath));
            return result;
        }
        file.open(QFile::encodeName(request.corpusPath).toStdString(), std::ios::binary);
    }
    live.totalBytes = bytes;
    live.totalRecords = records;
    result.totalRecords = records;

    std::ifstream outputs[2];
    const mdsl::CorpusSide left = makeSide(request.left, request.flags, outputs[0]);
    const mdsl::CorpusSide right = makeSide(request.right, request.flags, outputs[1]);
    for (int s = 0; s < 2; ++s) {
        const CorpusSideChoice& choice = s == 0 ? request.left : request.right;
        if (choice.kind == CorpusSideChoice::Kind::Outputs && !outputs[s]) {
            result.error = CorpusRun::tr("Cannot read %1.").arg(QDir::toNativeSeparators(choice.name));
            return result;
        }
    }

    // The user's Cancel and a newer run both stop the engine; one flag it reads.
    std::atomic<bool> stop{false};
    mdsl::CorpusOptions options;
    options.jobs = request.jobs;
    options.pairs = request.format == CorpusFormat::Pairs;
    options.thresholds = request.thresholds;
    options.run.profile = true;
    options.run.pinnedNowMs = request.nowMs;
    options.cancel = &stop;
    options.progressIntervalMs = 20;
    options.progress = [&](const mdsl::CorpusProgress& progress) {
        live.store(progress);
        if (live.cancel.load(std::memory_order_relaxed) || laneCancelled.load(std::memory_order_relaxed))
            stop = true;
    };
    // On a thread of its own, niced with the engine's workers it starts: the pool's thread
    // that waits here keeps its priority for the studio's other work.
    std::shared_ptr<mdsl::CorpusReport> report;
    std::thread runner([&] {
        yieldToTheUi();
        try {
            report = std::make_shared<mdsl::CorpusReport>(mdsl::compareCorpus(*corpus, left, right, options));
        } catch (const std::exception& e) {
            result.error = CorpusRun::tr("The comparison stopped: %1").arg(QString::fromUtf8(e.what()));
        }
    });
    runner.join();
    result.elapsedMs = clock.elapsed();
    if (!report)
        return result;
    if (!report->inputError.empty())
        result.error = QString::fromStdString(report->inputError);
    result.report = std::move(report);
    return result;
}

std::optional<QString> readCorpusRecord(const QString& path, CorpusFormat format, std::uint64_t line, QString& error)
{
    QByteArray text;
    if (format == CorpusFormat::Folder) {
        const QStringList files = folderRecords(path);
        if (line == 0 || line > std::uint64_t(files.size())) {
            error = CorpusRun::tr("%1 has no record %2.").arg(QDir::toNativeSeparators(path)).arg(line);
            return std::nullopt;
        }
        QFile file(path + QLatin1Char('/') + files[qsizetype(line - 1)]);
        if (!file.open(QIODevice::ReadOnly)) {
            error = CorpusRun::tr("Cannot read %1.").arg(QDir::toNativeSeparators(file.fileName()));
            return std::nullopt;
        }
        text = file.readAll();
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            error = CorpusRun::tr("Cannot read %1.").arg(QDir::toNativeSeparators(path));
            return std::nullopt;
        }
        std::uint64_t number = 0;
        while (!file.atEnd() && number < line) {
            text = file.readLine();
            ++number;
        }
        if (number != line) {
            error = CorpusRun::tr("%1 has no line %2.").arg(QDir::toNativeSeparators(path)).arg(line);
            return std::nullopt;
        }
    }
    try {
        mdsl::Json record = mdsl::parseJson(std::string_view(text.constData(), std::size_t(text.size())));
        if (format == CorpusFormat::Pairs && record.is_object() && record.contains("input"))
            record = record["input"];
        return QString::fromStdString(mdsl::jsonText(record, 2));
    } catch (const std::exception&) {
        return QString::fromUtf8(text).trimmed();   // invalid input: shown as it is, the preview says why
    }
}

TestsResult runTests(const TestsRequest& request)
{
    TestsResult result;
    if (request.mappingPath.isEmpty() || request.mappingPath.startsWith(QLatin1Char(':')))
        return result;
    const std::string text = request.text.toStdString();
    for (const std::filesystem::path& path : mdsl::suitesBeside(QFile::encodeName(request.mappingPath).toStdString())) {
        std::string error;
        std::optional<mdsl::TestSuite> suite = mdsl::loadSuite(path, error);
        if (!suite) {
            result.errors << QString::fromStdString(error);
            continue;
        }
        mdsl::SuiteRunSettings settings;
        const std::string engine = suite->settings.engine.value_or("routed");
        settings.engine = engine == "v1" ? mdsl::TestEngine::V1 : engine == "v2" ? mdsl::TestEngine::V2 : mdsl::TestEngine::Routed;
        if (suite->settings.flags) {
            QFile flagFile(QString::fromStdString(suite->settings.flags->string()));
            const mdsl::FlagsFile flags = flagFile.open(QIODevice::ReadOnly)
                ? mdsl::parseFlags(flagFile.readAll().toStdString())
                : mdsl::FlagsFile{};
            if (!flagFile.isOpen() || mdsl::hasErrors(flags.diagnostics)) {
                result.errors << CorpusRun::tr("%1: its flag file %2 cannot be read or has errors.")
                                     .arg(QString::fromStdString(path.string()), flagFile.fileName());
                continue;
            }
            settings.flags = flags.flags;
        }
        const QString now = QString::fromStdString(suite->settings.now.value_or(std::string(mdsl::kDefaultTestNow)));
        const QDateTime instant = QDateTime::fromString(now, Qt::ISODateWithMs);
        if (!instant.isValid()) {
            result.errors << CorpusRun::tr("%1: now '%2' is not an ISO 8601 date-time.")
                                 .arg(QString::fromStdString(path.string()), now);
            continue;
        }
        settings.nowMs = instant.toMSecsSinceEpoch();
        mdsl::SuiteReport report = mdsl::runSuite(text, *suite, settings);
        result.suites.push_back({std::move(*suite), std::move(report)});
    }
    return result;
}

QString acceptTestCase(const LoadedSuite& loaded, std::size_t caseIndex)
{
    if (caseIndex >= loaded.report.cases.size())
        return CorpusRun::tr("No such test case.");
    // A report where only this case failed: the engine's update rewrites that one alone.
    mdsl::SuiteReport only = loaded.report;
    for (std::size_t i = 0; i < only.cases.size(); ++i) {
        if (i != caseIndex)
            only.cases[i].passed = true;
    }
    if (!only.cases[caseIndex].output)
        return CorpusRun::tr("The mapping gave no output for this case: there is nothing to accept.");
    const mdsl::UpdateOutcome outcome = mdsl::updateSuite(loaded.suite, only);
    return QString::fromStdString(outcome.error);
}

} // namespace studio
