#pragma once
// Production's flags, live: read from the YAML flag file, reloaded when the file changes and
// on SIGHUP. A reload swaps the whole set at once, so a request that took the flags sees the
// old set or the new one, never a mix; a file with errors is refused with a log line and the
// service keeps the flags it had.

#include "mdsl/flags.h"

#include <atomic>
#include <cstdint>
#include <ctime>
#include <memory>
#include <string>

namespace cli::serve {

class Metrics;

/// "mapping_dsl_v2_enabled=true mapping_dsl_v2_default=true ...": the seven, for log lines.
std::string flagsSummary(const mdsl::Flags& flags);

class LiveFlags {
public:
    /// `path` empty: production's defaults (all seven on), nothing to watch.
    LiveFlags(std::string path, Metrics& metrics);

    /// The first read, before serving: false (with `error` set) when the file cannot be read
    /// or has errors, since there are no flags to keep yet.
    bool start(std::string& error);
    /// The current flags: one consistent set.
    [[nodiscard]] std::shared_ptr<const mdsl::Flags> current() const { return current_.load(); }
    /// Reloads when the file changed since the last look (modification time, size or inode).
    void poll();
    /// Reloads now (SIGHUP); `why` goes into the log line.
    void reload(const char* why);
    [[nodiscard]] const std::string& path() const noexcept { return path_; }

private:
    struct Stamp {
        std::timespec modified{};
        long long size = -1;
        unsigned long long inode = 0;
        friend bool operator==(const Stamp& a, const Stamp& b)
        {
            return a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
                && a.size == b.size && a.inode == b.inode;
        }
    };
    bool read(std::string& error);
    Stamp stamp() const;

    std::string path_;
    Metrics& metrics_;
    std::atomic<std::shared_ptr<const mdsl::Flags>> current_;
    Stamp seen_;
};

} // namespace cli::serve
