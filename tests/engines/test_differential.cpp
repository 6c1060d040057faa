// Differential testing: random valid version 1 documents and inputs, from a seeded
// generator, run through V1 (the reference) and V2; they must agree on output, status,
// diagnostics and trace. MDSL_FUZZ_SEED and MDSL_FUZZ_COUNT change the seed and the count
// (scripts/fuzz-engines); with MDSL_FUZZ_SAVE_DIR set, each disagreement is written there as
// a new golden scenario whose expectations are V1's.

#include "testmain.h"

#include "enginetest.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <cstdint>
#include <string>
#include <vector>

using mdsl::EngineKind;
using mdsl::Json;

namespace {

/// splitmix64: small, fast, and the same sequence on every platform.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template <class T> const T& pick(const std::vector<T>& items) { return items[static_cast<std::size_t>(below(static_cast<int>(items.size())))]; }

private:
    std::uint64_t state_;
};

const std::vector<std::string> kStrings = {"\"\"", "\"a\"", "\"josé\"", "\" x y \"", "\"ÉCOLE\"", "\"42\"", "\"2.5\"",
                                           "\"true\"", "\"a-b-c\"", "\"😀\""};
const std::vector<std::string> kNumbers = {"0", "1", "-1", "2", "7", "2.5", "-0.5", "1e3", "9223372036854775807",
                                           "4611686018427387904", "3"};
const std::vector<std::string> kPaths = {".a", ".b", ".s", ".n", ".arr", ".arr[0]", ".arr[5]", ".o.x", ".o.y", ".nope", ".", ".u"};

struct Function {
    const char* name;
    int minArity;
    int maxArity;
};
const std::vector<Function> kFunctions = {
    {"concat", 1, 3}, {"upper", 1, 1}, {"lower", 1, 1}, {"trim", 1, 1}, {"length", 1, 1}, {"substring", 2, 3},
    {"replace", 3, 3}, {"to_string", 1, 1}, {"to_number", 1, 1}, {"to_boolean", 1, 1}, {"default", 2, 2},
    {"if", 2, 3}, {"lookup", 2, 3}, {"round", 1, 2}, {"floor", 1, 1}, {"ceil", 1, 1}, {"abs", 1, 1},
    {"min", 2, 3}, {"max", 2, 3}, {"exists", 1, 1}, {"is_null", 1, 1},
};
const std::vector<std::string> kBinary = {"+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "and", "or"};

class Generator {
public:
    explicit Generator(std::uint64_t seed) : random_(seed) {}

    std::string document()
    {
        names_.clear();
        std::string text = "mapping \"fuzz\"" + std::string(random_.chance(50) ? " version 1" : "") + "\n";
        if (random_.chance(40)) {
            text += "table t = { \"a\": 1, \"b\": \"x\", \"42\": true }\n";
            names_.push_back("t");
        }
        const int lets = random_.below(3);
        const int rules = 1 + random_.below(4);
        std::vector<std::string> lines;
        for (int i = 0; i < lets; ++i) {
            const std::string name = "v" + std::to_string(i);
            lines.push_back("let " + name + " = " + expr(1) + "\n");
            names_.push_back(name);
        }
        for (int i = 0; i < rules; ++i) {
            std::string target = "r" + std::to_string(i);
            if (random_.chance(25))
                target += ".sub";
            else if (random_.chance(15))
                target += "[" + std::to_string(random_.below(3)) + "]";
            else if (random_.chance(4))
                target += deepTail();
            lines.push_back(target + " <- " + expr(2) + "\n");
        }
        for (const std::string& line : lines)
            text += line;
        // Every table and let is used at least once (an unused name is only a warning, but
        // using it exercises more).
        for (const std::string& name : names_)
            text += "use_" + name + " <- " + name + "\n";
        return text;
    }

    Json input()
    {
        Json in = Json::object();
        const std::vector<std::string> keys = {"a", "b", "s", "n", "arr", "o", "u"};
        for (const std::string& key : keys)
            if (random_.chance(80))
                in[key] = value(2);
        return in;
    }

private:
    // Segments that bring a target near the output's depth limit (256): past it by itself the
    // document is refused (E209); close to it, a value from the input may take a write past
    // it (E403). Both engines must say the same.
    std::string deepTail()
    {
        std::string tail;
        for (int i = 252 + random_.below(6); i > 0; --i)
            tail += ".d";
        return tail;
    }

    Json value(int depth)
    {
        switch (random_.below(depth > 0 ? 8 : 6)) {
        case 0: return nullptr;
        case 1: return random_.chance(50);
        case 2: return static_cast<std::int64_t>(random_.below(21)) - 10;
        case 3: return random_.chance(50) ? 2.5 : -0.25;
        case 4: return Json::parse(random_.pick(kStrings));
        case 5: return static_cast<std::int64_t>(9223372036854775807LL - random_.below(3));
        case 6: {
            Json array = Json::array();
            for (int i = random_.below(4); i > 0; --i)
                array.push_back(value(depth - 1));
            return array;
        }
        default: {
            Json object = Json::object();
            for (const char* key : {"x", "y", "z"})
                if (random_.chance(60))
                    object[key] = value(depth - 1);
            return object;
        }
        }
    }

    std::string expr(int depth)
    {
        const int kinds = depth > 0 ? 9 : 5;
        switch (random_.below(kinds)) {
        case 0: return random_.pick(kNumbers);
        case 1: return random_.pick(kStrings);
        case 2: return random_.pick(std::vector<std::string>{"true", "false", "null"});
        case 3:
        case 4:
            if (!names_.empty() && random_.chance(30))
                return random_.pick(names_);
            return random_.pick(kPaths);
        case 5:
        case 6: {
            const Function& f = random_.pick(kFunctions);
            const int arity = f.minArity + random_.below(f.maxArity - f.minArity + 1);
            std::string call = std::string(f.name) + "(";
            for (int i = 0; i < arity; ++i)
                call += (i ? ", " : "") + expr(depth - 1);
            return call + ")";
        }
        case 7: {
            const std::string op = random_.pick(kBinary);
            // Comparisons do not chain: parenthesize operands that are themselves binary.
            return "(" + expr(depth - 1) + " " + op + " " + expr(depth - 1) + ")";
        }
        default: return random_.chance(50) ? "-" + expr(depth - 1) : "not " + expr(depth - 1);
        }
    }

    Random random_;
    std::vector<std::string> names_;
};

bool sameTrace(const std::vector<mdsl::TraceEvent>& a, const std::vector<mdsl::TraceEvent>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const mdsl::TraceEvent& x = a[i];
        const mdsl::TraceEvent& y = b[i];
        if (x.kind != y.kind || x.span != y.span || x.target != y.target || x.reason != y.reason || x.index != y.index
            || x.value.has_value() != y.value.has_value() || (x.value && x.value->dump() != y.value->dump()))
            return false;
    }
    return true;
}

bool agree(const mdsl::RunResult& a, const mdsl::RunResult& b)
{
    return a.status == b.status && a.output.has_value() == b.output.has_value()
        && (!a.output || a.output->dump() == b.output->dump()) && a.diagnostics == b.diagnostics
        && sameTrace(a.trace, b.trace) && a.stats.rules == b.stats.rules && a.stats.writes == b.stats.writes
        && a.stats.skipped == b.stats.skipped;
}

std::string describe(const mdsl::RunResult& result)
{
    Json json = mdsl::toJson(result);
    json.erase("stats");
    json.erase("engine");
    json.erase("route");
    return json.dump();
}

void saveScenario(const QString& root, const QString& name, const std::string& text, const Json& input,
                  const mdsl::RunResult& reference)
{
    QDir dir(root);
    dir.mkpath(name);
    const auto write = [&](const QString& file, const std::string& content) {
        QFile out(dir.filePath(name + "/" + file));
        if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            out.write(content.data(), static_cast<qint64>(content.size()));
    };
    write("mapping.mdsl", text);
    write("input.json", input.dump(2) + "\n");
    write("expected.json", (reference.output ? *reference.output : Json()).dump(2) + "\n");
    write("expected-status.txt", std::string(statusName(reference.status)) + "\n");
    std::string diagnostics;
    for (const mdsl::Diagnostic& d : reference.diagnostics)
        diagnostics += std::to_string(d.range.start.line) + ":" + std::to_string(d.range.start.column) + " " + d.code
                     + " " + d.message + "\n";
    if (!diagnostics.empty())
        write("expected-diagnostics.txt", diagnostics);
}

} // namespace

class TestDifferential : public QObject {
    Q_OBJECT

private slots:
    void v1AndV2Agree()
    {
        const std::uint64_t seed = qEnvironmentVariableIsSet("MDSL_FUZZ_SEED")
                                     ? qEnvironmentVariable("MDSL_FUZZ_SEED").toULongLong() : 20261123;
        const int count = qEnvironmentVariableIsSet("MDSL_FUZZ_COUNT") ? qEnvironmentVariableIntValue("MDSL_FUZZ_COUNT")
                                                                        : 10000;
        const QString saveDir = qEnvironmentVariable("MDSL_FUZZ_SAVE_DIR");
        Generator generator(seed);
        int disagreements = 0;
        int ran = 0;
        int failed = 0;
        int budgetStops = 0;
        QString first;
        for (int i = 0; i < count; ++i) {
            const std::string text = generator.document();
            const Json input = generator.input();
            mdsl::RunOptions options = enginetest::pinnedOptions(true);
            // One case in four under a small budget of values built (E405): both engines must
            // count the same bytes at the same places, and so stop at the same rule.
            const bool tight = i % 4 == 3;
            if (tight)
                options.limits.maxBuildBytes = 16 + (static_cast<std::uint64_t>(i) * 7919u) % 400u;
            const mdsl::RunResult v1 = enginetest::runWith(EngineKind::V1, text, input, options);
            const mdsl::RunResult v2 = enginetest::runWith(EngineKind::V2, text, input, options,
                                                           [] {
                                                               mdsl::Flags flags;
                                                               // Headers without a version stay version 1.
                                                               flags.set(mdsl::Flag::V2Default, false);
                                                               return flags;
                                                           }());
            ran += v1.status != mdsl::RunStatus::Invalid ? 1 : 0;
            failed += v1.status == mdsl::RunStatus::Failed ? 1 : 0;
            budgetStops += enginetest::lastCode(v1) == "E405" ? 1 : 0;
            if (agree(v1, v2))
                continue;
            ++disagreements;
            if (first.isEmpty())
                first = QString::fromStdString("seed " + std::to_string(seed) + " case " + std::to_string(i) + ":\n" + text
                                               + "input: " + input.dump() + "\nv1: " + describe(v1) + "\nv2: " + describe(v2));
            if (!saveDir.isEmpty() && !tight)   // scenarios run under the default limits
                saveScenario(saveDir, QStringLiteral("fuzz-%1-%2").arg(seed).arg(i), text, input, v1);
        }
        qInfo("%d cases, %d ran (%d with runtime errors, %d stopped by a small budget), %d disagreements", count, ran,
              failed, budgetStops, disagreements);
        // The generator must produce documents that mostly validate, or the test proves little.
        QVERIFY2(ran * 10 >= count * 8, "at least 80% of the generated documents are valid");
        QVERIFY2(failed > 0 && failed < ran, "both clean runs and runs with runtime errors are generated");
        QVERIFY2(budgetStops > 0, "some runs reach the small budgets");
        QVERIFY2(disagreements == 0, qPrintable(first));
    }
};

MDSL_TEST_MAIN(TestDifferential)
#include "test_differential.moc"
