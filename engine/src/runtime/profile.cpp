// The per-rule profile: the recorder a profiled run fills, and the figures it gives.

#include "runtime/profile.h"

#include "runtime/state.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace mdsl {

double RuleFigures::meanNs() const noexcept
{
    return calls == 0 ? 0.0 : static_cast<double>(totalNs) / static_cast<double>(calls);
}

double RuleProfile::share(const RuleFigures& rule) const noexcept
{
    return runNs <= 0 ? 0.0 : static_cast<double>(rule.totalNs) / static_cast<double>(runNs);
}

void RuleProfile::merge(const RuleProfile& other)
{
    runs += other.runs;
    runNs += other.runNs;
    for (const RuleFigures& rule : other.rules) {
        const auto at = std::lower_bound(rules.begin(), rules.end(), rule.span.begin,
                                         [](const RuleFigures& r, std::uint32_t begin) { return r.span.begin < begin; });
        if (at != rules.end() && at->span == rule.span) {
            at->calls += rule.calls;
            at->writes += rule.writes;
            at->skips += rule.skips;
            at->errors += rule.errors;
            at->totalNs += rule.totalNs;
        } else {
            rules.insert(at, rule);
        }
    }
}

Json profileToJson(const RuleProfile& profile)
{
    Json rules = Json::array();
    for (const RuleFigures& rule : profile.rules)
        rules.push_back({{"line", rule.line},
                         {"column", rule.column},
                         {"span", {{"begin", rule.span.begin}, {"end", rule.span.end}}},
                         {"target", rule.target},
                         {"calls", rule.calls},
                         {"writes", rule.writes},
                         {"skips", rule.skips},
                         {"errors", rule.errors},
                         {"total_ns", rule.totalNs},
                         {"mean_ns", rule.meanNs()},
                         {"share", profile.share(rule)}});
    return {{"runs", profile.runs}, {"run_ns", profile.runNs}, {"rules", std::move(rules)}};
}

std::string profileText(const RuleProfile& profile)
{
    std::ostringstream out;
    char row[160];
    std::snprintf(row, sizeof row, "%-9s %10s %10s %10s %8s %12s %10s %7s  %s\n", "line:col", "calls", "writes",
                  "skips", "errors", "total us", "mean ns", "share", "target");
    out << row;
    for (const RuleFigures& rule : profile.rules) {
        const std::string at = std::to_string(rule.line) + ':' + std::to_string(rule.column);
        std::snprintf(row, sizeof row, "%-9s %10llu %10llu %10llu %8llu %12.1f %10.0f %6.1f%%  ", at.c_str(),
                      static_cast<unsigned long long>(rule.calls), static_cast<unsigned long long>(rule.writes),
                      static_cast<unsigned long long>(rule.skips), static_cast<unsigned long long>(rule.errors),
                      static_cast<double>(rule.totalNs) / 1000.0, rule.meanNs(), 100.0 * profile.share(rule));
        out << row << rule.target << '\n';
    }
    std::snprintf(row, sizeof row, "%llu run(s), %.1f us in all\n", static_cast<unsigned long long>(profile.runs),
                  static_cast<double>(profile.runNs) / 1000.0);
    out << row;
    return out.str();
}

namespace rt {

std::size_t ProfileRecorder::entry(Span rule, Span target)
{
    const auto [at, made] = byBegin_.try_emplace(rule.begin, entries_.size());
    if (made)
        entries_.push_back(Entry{rule, target});
    return at->second;
}

RuleProfile ProfileRecorder::finish(std::string_view text, const LineIndex& lines, std::int64_t runNs) const
{
    RuleProfile profile;
    profile.runs = 1;
    profile.runNs = runNs;
    profile.rules.reserve(entries_.size());
    for (const Entry& e : entries_) {
        RuleFigures rule;
        rule.span = e.rule;
        const Position at = lines.position(e.rule.begin);
        rule.line = at.line;
        rule.column = at.column;
        if (e.target.end <= text.size() && e.target.begin <= e.target.end)
            rule.target = std::string(text.substr(e.target.begin, e.target.size()));
        rule.calls = e.calls;
        rule.writes = e.writes;
        rule.skips = e.skips;
        rule.errors = e.errors;
        rule.totalNs = e.ns;
        profile.rules.push_back(std::move(rule));
    }
    std::sort(profile.rules.begin(), profile.rules.end(),
              [](const RuleFigures& a, const RuleFigures& b) { return a.span.begin < b.span.begin; });
    return profile;
}

void RuleTimer::begin(ProfileRecorder& recorder, Span rule, Span target)
{
    index_ = recorder.entry(rule, target);
    recorder_ = &recorder;
    writes_ = state_.stats.writes;
    skips_ = state_.stats.skipped;
    errors_ = state_.errors.size();
    start_ = std::chrono::steady_clock::now();
}

void RuleTimer::end() noexcept
{
    const auto elapsed = std::chrono::steady_clock::now() - start_;
    // By index: a rule run inside this one (none today) could have grown the entries.
    ProfileRecorder::Entry& entry = recorder_->at(index_);
    ++entry.calls;
    entry.writes += state_.stats.writes - writes_;
    entry.skips += state_.stats.skipped - skips_;
    if (fatal_ || state_.errors.size() > errors_)
        ++entry.errors;
    entry.ns += std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count();
}

} // namespace rt

} // namespace mdsl
