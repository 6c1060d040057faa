#pragma once
// A generator of valid version 1 mapping documents and of inputs for them, shared by the
// differential test (tests/engines/test_differential.cpp, seeded) and the structure-aware
// fuzz harness (fuzz/v1v2_generated, driven by the fuzzer's bytes): mutated texts are rarely
// valid documents, generated ones are.
//
// The generator takes its decisions from a Source: `below(n)` in [0, n). SplitMix is a seeded
// pseudo-random sequence, ByteSource reads the fuzzer's bytes (zeros once they run out, so
// every input makes a document and a short input a small one).

#include "mdsl/engine.h"
#include "mdsl/json.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mdsl::docgen {

/// splitmix64: small, fast, and the same sequence on every platform.
class SplitMix {
public:
    explicit SplitMix(std::uint64_t seed)
        : state_(seed)
    {
    }
    std::uint64_t next()
    {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }

private:
    std::uint64_t state_;
};

/// The fuzzer's bytes as decisions: one byte per decision, so that a mutation of one byte
/// changes one decision (what makes coverage guidance work on structure).
class ByteSource {
public:
    ByteSource(const std::uint8_t* data, std::size_t size)
        : data_(data)
        , size_(size)
    {
    }
    int below(int n)
    {
        const int byte = at_ < size_ ? data_[at_++] : 0;
        return byte % n;
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t at_ = 0;
};

inline const std::vector<std::string> kStrings
    = { "\"\"", "\"a\"", "\"josé\"", "\" x y \"", "\"ÉCOLE\"", "\"42\"", "\"2.5\"", "\"true\"", "\"a-b-c\"", "\"😀\"" };
inline const std::vector<std::string> kNumbers
    = { "0", "1", "-1", "2", "7", "2.5", "-0.5", "1e3", "9223372036854775807", "4611686018427387904", "3" };
inline const std::vector<std::string> kPaths
    = { ".a", ".b", ".s", ".n", ".arr", ".arr[0]", ".arr[5]", ".o.x", ".o.y", ".nope", ".", ".u" };

struct Function {
    const char* name;
    int minArity;
    int maxArity;
};
inline const std::vector<Function> kFunctions = {
    { "concat", 1, 3 },
    { "upper", 1, 1 },
    { "lower", 1, 1 },
    { "trim", 1, 1 },
    { "length", 1, 1 },
    { "substring", 2, 3 },
    { "replace", 3, 3 },
    { "to_string", 1, 1 },
    { "to_number", 1, 1 },
    { "to_boolean", 1, 1 },
    { "default", 2, 2 },
    { "if", 2, 3 },
    { "lookup", 2, 3 },
    { "round", 1, 2 },
    { "floor", 1, 1 },
    { "ceil", 1, 1 },
    { "abs", 1, 1 },
    { "min", 2, 3 },
    { "max", 2, 3 },
    { "exists", 1, 1 },
    { "is_null", 1, 1 },
};
inline const std::vector<std::string> kBinary
    = { "+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "and", "or" };

/// Targets that share prefixes (what the migration to version 2 groups into object blocks):
/// fields, nested fields, a quoted name and array elements, never written both as a value
/// and as a container.
inline const std::vector<std::string> kSharedTargets
    = { "c.a", "c.b", "c.d.x", "c.d.y", "c.d.e.w", "c.\"q-r\"", "e.x", "e.y", "l[1].x", "l[1].y", "l[0]" };

template<class Source> class Generator {
public:
    /// With `sharedTargets`, most rules write one of kSharedTargets instead of r0, r1, ...
    explicit Generator(Source source, bool sharedTargets = false)
        : random_(std::move(source))
        , sharedTargets_(sharedTargets)
    {
    }

    std::string document()
    {
        names_.clear();
        std::string text = "mapping \"fuzz\"" + std::string(chance(50) ? " version 1" : "") + "\n";
        if (chance(40)) {
            text += "table t = { \"a\": 1, \"b\": \"x\", \"42\": true }\n";
            names_.push_back("t");
        }
        const int lets = random_.below(3);
        const int rules = 1 + random_.below(sharedTargets_ ? 7 : 4);
        std::vector<std::string> lines;
        for (int i = 0; i < lets; ++i) {
            const std::string name = "v" + std::to_string(i);
            lines.push_back("let " + name + " = " + expr(1) + "\n");
            names_.push_back(name);
        }
        for (int i = 0; i < rules; ++i) {
            std::string target = "r" + std::to_string(i);
            if (sharedTargets_ && chance(75))
                target = pick(kSharedTargets);
            else if (chance(25))
                target += ".sub";
            else if (chance(15))
                target += "[" + std::to_string(random_.below(3)) + "]";
            else if (chance(4))
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
        for (const char* key : { "a", "b", "s", "n", "arr", "o", "u" })
            if (chance(80))
                in[key] = value(2);
        return in;
    }

private:
    bool chance(int percent) { return random_.below(100) < percent; }

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
    template<class T> const T& pick(const std::vector<T>& items)
    {
        return items[static_cast<std::size_t>(random_.below(static_cast<int>(items.size())))];
    }

    Json value(int depth)
    {
        switch (random_.below(depth > 0 ? 8 : 6)) {
        case 0:
            return nullptr;
        case 1:
            return chance(50);
        case 2:
            return static_cast<std::int64_t>(random_.below(21)) - 10;
        case 3:
            return chance(50) ? 2.5 : -0.25;
        case 4:
            return Json::parse(pick(kStrings));
        case 5:
            return static_cast<std::int64_t>(9223372036854775807LL - random_.below(3));
        case 6: {
            Json array = Json::array();
            for (int i = random_.below(4); i > 0; --i)
                array.push_back(value(depth - 1));
            return array;
        }
        default: {
            Json object = Json::object();
            for (const char* key : { "x", "y", "z" })
                if (chance(60))
                    object[key] = value(depth - 1);
            return object;
        }
        }
    }

    std::string expr(int depth)
    {
        const int kinds = depth > 0 ? 9 : 5;
        switch (random_.below(kinds)) {
        case 0:
            return pick(kNumbers);
        case 1:
            return pick(kStrings);
        case 2:
            return pick(std::vector<std::string> { "true", "false", "null" });
        case 3:
        case 4:
            if (!names_.empty() && chance(30))
                return pick(names_);
            return pick(kPaths);
        case 5:
        case 6: {
            const Function& f = pick(kFunctions);
            const int arity = f.minArity + random_.below(f.maxArity - f.minArity + 1);
            std::string call = std::string(f.name) + "(";
            for (int i = 0; i < arity; ++i)
                call += (i ? ", " : "") + expr(depth - 1);
            return call + ")";
        }
        case 7: {
            const std::string op = pick(kBinary);
            // Comparisons do not chain: parenthesize operands that are themselves binary.
            return "(" + expr(depth - 1) + " " + op + " " + expr(depth - 1) + ")";
        }
        default:
            return chance(50) ? "-" + expr(depth - 1) : "not " + expr(depth - 1);
        }
    }

    Source random_;
    bool sharedTargets_ = false;
    std::vector<std::string> names_;
};

/// The same events in the same order: kind, span, target, reason, index and value.
inline bool sameTrace(const std::vector<TraceEvent>& a, const std::vector<TraceEvent>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const TraceEvent& x = a[i];
        const TraceEvent& y = b[i];
        if (x.kind != y.kind || x.span != y.span || x.target != y.target || x.reason != y.reason || x.index != y.index
            || x.value.has_value() != y.value.has_value() || (x.value && x.value->dump() != y.value->dump()))
            return false;
    }
    return true;
}

/// What V1 and V2 must agree on for a version 1 document: status, output (exact, number
/// types included), diagnostics, trace and counts.
inline bool sameRun(const RunResult& a, const RunResult& b)
{
    return a.status == b.status && a.output.has_value() == b.output.has_value()
        && (!a.output || a.output->dump() == b.output->dump()) && a.diagnostics == b.diagnostics
        && sameTrace(a.trace, b.trace) && a.stats.rules == b.stats.rules && a.stats.writes == b.stats.writes
        && a.stats.skipped == b.stats.skipped;
}

/// The flags a version 1 document runs under in both engines: headers without a version
/// stay version 1 for V2 too.
inline Flags version1Flags()
{
    Flags flags;
    flags.set(Flag::V2Default, false);
    return flags;
}

} // namespace mdsl::docgen
