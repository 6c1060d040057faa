#pragma once
// Internal: what a profiled run records for each rule (RunOptions::profile). rt::runRule holds a
// RuleTimer; without a recorder the timer is a null pointer tested twice.

#include "mdsl/profile.h"

#include <chrono>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace mdsl::rt {

class RunState;

/// The rules' counters of one run, by the rule's span.
class ProfileRecorder {
public:
    struct Entry {
        Span rule;
        Span target;
        std::uint64_t calls = 0;
        std::uint64_t writes = 0;
        std::uint64_t skips = 0;
        std::uint64_t errors = 0;
        std::int64_t ns = 0;
    };

    /// The index of a rule's entry, made on its first call.
    std::size_t entry(Span rule, Span target);
    Entry& at(std::size_t index) noexcept { return entries_[index]; }
    /// The figures in source order, positions and targets read from the mapping's text.
    [[nodiscard]] RuleProfile finish(std::string_view text, const LineIndex& lines, std::int64_t runNs) const;

private:
    std::vector<Entry> entries_;
    std::unordered_map<std::uint32_t, std::size_t> byBegin_;
};

/// Measures one call of a rule for the lifetime of the timer (nothing without a recorder).
class RuleTimer {
public:
    RuleTimer(ProfileRecorder* recorder, RunState& state, Span rule, Span target) : state_(state)
    {
        if (recorder) [[unlikely]]
            begin(*recorder, rule, target);
    }
    ~RuleTimer()
    {
        if (recorder_) [[unlikely]]
            end();
    }
    RuleTimer(const RuleTimer&) = delete;
    RuleTimer& operator=(const RuleTimer&) = delete;

    /// A limit stops the run in this rule: an error of the rule, recorded after it ends.
    void fatal() noexcept { fatal_ = true; }

private:
    void begin(ProfileRecorder& recorder, Span rule, Span target);
    void end() noexcept;

    RunState& state_;
    ProfileRecorder* recorder_ = nullptr;
    std::size_t index_ = 0;
    std::uint64_t writes_ = 0;
    std::uint64_t skips_ = 0;
    std::size_t errors_ = 0;
    bool fatal_ = false;
    std::chrono::steady_clock::time_point start_;
};

} // namespace mdsl::rt
