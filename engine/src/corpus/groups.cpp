// Differences by pattern, the bounded group tables, and the run-time histogram.

#include "corpus/groups.h"

#include "mdsl/jsondiff.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <set>

namespace mdsl {

std::string_view differenceKindName(DifferenceKind kind) noexcept
{
    switch (kind) {
    case DifferenceKind::Status: return "status";
    case DifferenceKind::MissingVsNull: return "missing vs null";
    case DifferenceKind::MissingVsValue: return "missing vs value";
    case DifferenceKind::NullVsValue: return "null vs value";
    case DifferenceKind::TypeChange: return "type change";
    case DifferenceKind::ValueChange: return "value change";
    case DifferenceKind::ArrayLength: return "array length";
    }
    return "value change";
}

// --- TimeHistogram: 32 exact buckets below 32 ns, then 16 per power of two.

namespace {

constexpr int kSubBuckets = 16;
constexpr int kExact = 32;

std::size_t bucketOf(std::uint64_t ns)
{
    if (ns < kExact)
        return static_cast<std::size_t>(ns);
    const int exponent = static_cast<int>(std::bit_width(ns)) - 1;   // >= 5
    const std::uint64_t sub = (ns >> (exponent - 4)) & (kSubBuckets - 1);
    return static_cast<std::size_t>(kExact + (exponent - 5) * kSubBuckets) + static_cast<std::size_t>(sub);
}

double bucketMiddleNs(std::size_t bucket)
{
    if (bucket < kExact)
        return static_cast<double>(bucket);
    const int exponent = static_cast<int>((bucket - kExact) / kSubBuckets) + 5;
    const double sub = static_cast<double>((bucket - kExact) % kSubBuckets);
    const double width = std::ldexp(1.0, exponent - 4);
    return (kSubBuckets + sub) * width + width / 2;
}

constexpr std::size_t kBuckets = kExact + 59 * kSubBuckets;   // up to 2^63 ns

} // namespace

void TimeHistogram::add(std::int64_t ns)
{
    const std::size_t bucket = bucketOf(ns < 0 ? 0 : static_cast<std::uint64_t>(ns));
    if (buckets_.size() <= bucket)
        buckets_.resize(bucket + 1, 0);
    ++buckets_[bucket];
    ++count_;
}

void TimeHistogram::merge(const TimeHistogram& other)
{
    if (buckets_.size() < other.buckets_.size())
        buckets_.resize(other.buckets_.size(), 0);
    for (std::size_t i = 0; i < other.buckets_.size(); ++i)
        buckets_[i] += other.buckets_[i];
    count_ += other.count_;
}

double TimeHistogram::percentileUs(double percent) const
{
    if (count_ == 0)
        return 0;
    auto rank = static_cast<std::uint64_t>(std::ceil(percent / 100.0 * static_cast<double>(count_)));
    rank = std::clamp<std::uint64_t>(rank, 1, count_);
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < buckets_.size(); ++i) {
        seen += buckets_[i];
        if (seen >= rank)
            return bucketMiddleNs(i) / 1000.0;
    }
    return bucketMiddleNs(buckets_.size() - 1) / 1000.0;
}

std::vector<std::pair<double, std::uint64_t>> TimeHistogram::bucketsUs() const
{
    std::vector<std::pair<double, std::uint64_t>> out;
    for (std::size_t i = 0; i < buckets_.size(); ++i) {
        if (buckets_[i] != 0)
            out.emplace_back(bucketMiddleNs(i) / 1000.0, buckets_[i]);
    }
    return out;
}

Json TimeHistogram::toJson() const
{
    Json out = Json::array();
    for (std::size_t i = 0; i < buckets_.size(); ++i) {
        if (buckets_[i] != 0)
            out.push_back(Json::array({i, buckets_[i]}));
    }
    return out;
}

std::optional<TimeHistogram> TimeHistogram::fromJson(const Json& json)
{
    if (!json.is_array())
        return std::nullopt;
    TimeHistogram h;
    for (const Json& entry : json) {
        if (!entry.is_array() || entry.size() != 2 || !entry[0].is_number_unsigned() || !entry[1].is_number_unsigned())
            return std::nullopt;
        const auto bucket = entry[0].get<std::uint64_t>();
        if (bucket >= kBuckets)
            return std::nullopt;
        if (h.buckets_.size() <= bucket)
            h.buckets_.resize(static_cast<std::size_t>(bucket) + 1, 0);
        h.buckets_[static_cast<std::size_t>(bucket)] += entry[1].get<std::uint64_t>();
        h.count_ += entry[1].get<std::uint64_t>();
    }
    return h;
}

namespace detail {

namespace {

constexpr int kMaxDiffDepth = 64;
constexpr std::size_t kExampleBytes = 200;

// Number kinds are one type: 1 and 1.0 differ in value only if at all.
int diffTypeRank(const Json& value)
{
    if (value.is_number())
        return 10;
    return static_cast<int>(value.type());
}

struct DiffWalk {
    std::vector<FoundDifference> found;
    std::set<std::pair<std::string, int>> seen;

    void note(const std::string& pointer, DifferenceKind kind, const Json* left, const Json* right)
    {
        if (seen.emplace(pointer, static_cast<int>(kind)).second)
            found.push_back({pointer, kind, exampleText(left), exampleText(right)});
    }

    void walk(const std::string& pointer, const Json* left, const Json* right, int depth)
    {
        if (left == nullptr || right == nullptr) {
            const Json* present = left != nullptr ? left : right;
            if (present == nullptr)
                return;
            note(pointer, present->is_null() ? DifferenceKind::MissingVsNull : DifferenceKind::MissingVsValue, left, right);
            return;
        }
        if (depth < kMaxDiffDepth && left->is_object() && right->is_object()) {
            for (const auto& [key, value] : left->items()) {
                const auto other = right->find(key);
                walk(pointer + "/" + pointerToken(key), &value, other == right->end() ? nullptr : &*other, depth + 1);
            }
            for (const auto& [key, value] : right->items()) {
                if (!left->contains(key))
                    walk(pointer + "/" + pointerToken(key), nullptr, &value, depth + 1);
            }
            return;
        }
        if (depth < kMaxDiffDepth && left->is_array() && right->is_array()) {
            const std::size_t common = std::min(left->size(), right->size());
            for (std::size_t i = 0; i < common; ++i)
                walk(pointer + "/*", &(*left)[i], &(*right)[i], depth + 1);
            if (left->size() != right->size())
                note(pointer, DifferenceKind::ArrayLength, left, right);
            return;
        }
        if (jsonEqual(*left, *right))
            return;
        if (left->is_null() || right->is_null())
            note(pointer, DifferenceKind::NullVsValue, left, right);
        else if (diffTypeRank(*left) != diffTypeRank(*right))
            note(pointer, DifferenceKind::TypeChange, left, right);
        else
            note(pointer, DifferenceKind::ValueChange, left, right);
    }
};

template <class Group>
bool groupByRecords(const Group& a, const Group& b)
{
    return a.records != b.records ? a.records > b.records : a.firstLine < b.firstLine;
}

template <class Group>
bool groupByFirstLine(const Group& a, const Group& b)
{
    return a.firstLine < b.firstLine;
}

// Keeps the first maxGroups groups by first line (the ones one run would have kept), the
// others' records counted as ungrouped; then sorts by records.
template <class Group>
std::vector<Group> boundedGroups(std::vector<Group> groups, std::size_t maxGroups, std::uint64_t& ungrouped)
{
    if (groups.size() > maxGroups) {
        std::stable_sort(groups.begin(), groups.end(), groupByFirstLine<Group>);
        for (std::size_t i = maxGroups; i < groups.size(); ++i)
            ungrouped += groups[i].records;
        groups.resize(maxGroups);
    }
    std::stable_sort(groups.begin(), groups.end(), groupByRecords<Group>);
    return groups;
}

void keepExample(std::vector<GroupExample>& examples, GroupExample example, std::size_t limit)
{
    const auto at = std::upper_bound(examples.begin(), examples.end(), example.line,
                                     [](std::uint64_t line, const GroupExample& e) { return line < e.line; });
    examples.insert(at, std::move(example));
    if (examples.size() > limit)
        examples.resize(limit);
}

void keepLine(std::vector<std::uint64_t>& lines, std::uint64_t line, std::size_t limit)
{
    lines.insert(std::upper_bound(lines.begin(), lines.end(), line), line);
    if (lines.size() > limit)
        lines.resize(limit);
}

} // namespace

std::string exampleText(const Json* value)
{
    if (value == nullptr)
        return "(missing)";
    std::string text = value->dump(-1, ' ', false, Json::error_handler_t::replace);
    if (text.size() > kExampleBytes) {
        std::size_t cut = kExampleBytes;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut;   // never inside a UTF-8 sequence
        text.resize(cut);
        text += "…";
    }
    return text;
}

std::vector<FoundDifference> findDifferences(const Json* left, const Json* right)
{
    DiffWalk walk;
    walk.walk("", left, right, 0);
    return std::move(walk.found);
}

GroupTable::GroupTable(std::size_t examplesPerGroup, std::size_t maxGroups)
    : examples_(examplesPerGroup), maxGroups_(maxGroups)
{
}

void GroupTable::add(std::uint64_t line, const FoundDifference& difference)
{
    const DifferenceKey key{difference.pointer, static_cast<int>(difference.kind)};
    auto it = differences_.find(key);
    if (it == differences_.end()) {
        if (differences_.size() >= maxGroups_) {
            ++ungrouped;
            return;
        }
        it = differences_.emplace(key, DifferenceGroup{difference.pointer, difference.kind, 0, line, {}}).first;
    }
    ++it->second.records;
    if (it->second.examples.size() < examples_)
        it->second.examples.push_back({line, difference.left, difference.right});
}

void GroupTable::add(std::uint64_t line, const FoundFailure& failure)
{
    const FailureKey key{failure.side, static_cast<int>(failure.status), failure.code, failure.rule};
    auto it = failures_.find(key);
    if (it == failures_.end()) {
        if (failures_.size() >= maxGroups_) {
            ++ungrouped;
            return;
        }
        it = failures_.emplace(key, FailureGroup{failure.side, failure.status, failure.code, failure.rule,
                                                 failure.message, 0, line, {}}).first;
    }
    ++it->second.records;
    if (it->second.lines.size() < examples_)
        it->second.lines.push_back(line);
}

void GroupTable::merge(const DifferenceGroup& group)
{
    const DifferenceKey key{group.pointer, static_cast<int>(group.kind)};
    auto [it, added] = differences_.emplace(key, DifferenceGroup{group.pointer, group.kind, 0, group.firstLine, {}});
    DifferenceGroup& g = it->second;
    g.records += group.records;
    g.firstLine = std::min(g.firstLine, group.firstLine);
    for (const GroupExample& e : group.examples)
        keepExample(g.examples, e, examples_);
}

void GroupTable::merge(const FailureGroup& group)
{
    const FailureKey key{group.side, static_cast<int>(group.status), group.code, group.rule};
    auto [it, added] = failures_.emplace(key, FailureGroup{group.side, group.status, group.code, group.rule,
                                                           group.message, 0, group.firstLine, {}});
    FailureGroup& g = it->second;
    if (group.firstLine < g.firstLine) {
        g.firstLine = group.firstLine;
        g.message = group.message;   // the first record's message, as one run keeps it
    }
    g.records += group.records;
    for (const std::uint64_t line : group.lines)
        keepLine(g.lines, line, examples_);
}

void GroupTable::finish(CorpusReport& report)
{
    std::vector<DifferenceGroup> differences;
    for (auto& entry : differences_)
        differences.push_back(std::move(entry.second));
    std::vector<FailureGroup> failures;
    for (auto& entry : failures_)
        failures.push_back(std::move(entry.second));
    report.differences = boundedGroups(std::move(differences), maxGroups_, ungrouped);
    report.failures = boundedGroups(std::move(failures), maxGroups_, ungrouped);
    report.ungroupedRecords = ungrouped;
}

} // namespace detail

} // namespace mdsl
