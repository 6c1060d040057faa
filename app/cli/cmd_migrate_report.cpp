// mapping-dsl migrate --report DIR: adoption at a glance. Every *.mdsl file under DIR is
// tried as a migration under the flags (nothing is written): how many mappings are version
// 1 and version 2, which migrate cleanly, which need flags that are off, which cannot be
// migrated and why. Text for people, JSON for dashboards.

#include "args.h"
#include "io.h"

#include "mdsl/migrate.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>

namespace cli {

namespace {

namespace fs = std::filesystem;

enum class Adoption { Version2, Clean, NeedsFlags, Cannot };

std::string_view adoptionName(Adoption adoption)
{
    switch (adoption) {
    case Adoption::Version2: return "version2";
    case Adoption::Clean: return "clean";
    case Adoption::NeedsFlags: return "needs_flags";
    case Adoption::Cannot: return "cannot_migrate";
    }
    return "cannot_migrate";
}

struct AdoptionEntry {
    std::string file;            ///< relative to DIR, with '/'
    int version = 0;             ///< 1 or 2; 0 when the file cannot be read
    Adoption adoption = Adoption::Cannot;
    bool migratable = false;     ///< a version 2 text can be made under these flags
    std::size_t changes = 0;
    std::vector<std::string> flags;   ///< the flags that are off and would allow more
    std::string reason;          ///< needs_flags and cannot_migrate: why, in English
};

AdoptionEntry assess(const fs::path& path, const fs::path& root, const mdsl::Flags& flags)
{
    AdoptionEntry entry;
    entry.file = path.lexically_relative(root).generic_string();
    std::string error;
    const std::optional<std::string> text = readText(path.string(), error);
    if (!text) {
        entry.reason = error;
        return entry;
    }
    const mdsl::MigrationResult m = mdsl::migrateToVersion2(*text, {flags, path.stem().string()});
    entry.version = m.outcome == mdsl::MigrationOutcome::AlreadyVersion2 ? 2 : 1;
    std::set<std::string> off;
    for (const mdsl::HeldBackRewrite& held : m.heldBack)
        off.insert(std::string(mdsl::flagName(held.flag)));
    if (m.blockingFlag)
        off.insert(std::string(mdsl::flagName(*m.blockingFlag)));
    entry.flags.assign(off.begin(), off.end());
    switch (m.outcome) {
    case mdsl::MigrationOutcome::AlreadyVersion2:
        entry.adoption = Adoption::Version2;
        break;
    case mdsl::MigrationOutcome::Migrated:
        entry.migratable = true;
        entry.changes = m.changes.size();
        entry.adoption = m.heldBack.empty() ? Adoption::Clean : Adoption::NeedsFlags;
        if (!m.heldBack.empty())
            entry.reason = std::to_string(m.heldBack.size()) + " rewrites wait for flags that are off (first: line "
                         + std::to_string(m.heldBack.front().line) + ", " + m.heldBack.front().description + ")";
        break;
    case mdsl::MigrationOutcome::Blocked:
        entry.adoption = m.blockingFlag ? Adoption::NeedsFlags : Adoption::Cannot;
        entry.reason = m.reason;
        break;
    case mdsl::MigrationOutcome::HasErrors: {
        entry.adoption = Adoption::Cannot;
        std::size_t errors = 0;
        const mdsl::Diagnostic* first = nullptr;
        for (const mdsl::Diagnostic& d : m.diagnostics)
            if (d.severity == mdsl::Severity::Error) {
                first = first ? first : &d;
                ++errors;
            }
        entry.reason = m.reason + ": " + std::to_string(errors) + (errors == 1 ? " error" : " errors");
        if (first)
            entry.reason += ", first " + std::to_string(first->range.start.line) + ":"
                          + std::to_string(first->range.start.column) + " " + first->code + " " + first->message;
        break;
    }
    }
    return entry;
}

std::string percent(std::size_t part, std::size_t whole)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f %%", whole == 0 ? 0.0 : 100.0 * double(part) / double(whole));
    return buffer;
}

} // namespace

int runMigrateReport(const ParsedArgs& args, const mdsl::Flags& flags)
{
    const fs::path root = *args.value("--report");
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        printError("cannot read '" + root.string() + "': not a folder");
        return kUsage;
    }
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (const fs::recursive_directory_iterator end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".mdsl" && it->is_regular_file(ec))
            files.push_back(it->path());
    if (ec) {
        printError("cannot read '" + root.string() + "': " + ec.message());
        return kUsage;
    }
    std::sort(files.begin(), files.end());
    std::vector<AdoptionEntry> entries;
    std::size_t counts[4] = {0, 0, 0, 0};
    std::size_t version1 = 0;
    for (const fs::path& file : files) {
        entries.push_back(assess(file, root, flags));
        ++counts[static_cast<int>(entries.back().adoption)];
        version1 += entries.back().version == 1 ? 1 : 0;
    }
    const std::size_t version2 = counts[static_cast<int>(Adoption::Version2)];

    if (args.value("--format").value_or("text") == "json") {
        mdsl::Json list = mdsl::Json::array();
        for (const AdoptionEntry& e : entries)
            list.push_back({{"file", e.file},
                            {"version", e.version == 0 ? mdsl::Json() : mdsl::Json(e.version)},
                            {"adoption", adoptionName(e.adoption)},
                            {"migratable", e.migratable},
                            {"changes", e.changes},
                            {"flags_off", e.flags},
                            {"reason", e.reason.empty() ? mdsl::Json() : mdsl::Json(e.reason)}});
        const mdsl::Json report = {
            {"folder", root.generic_string()},
            {"mappings", entries.size()},
            {"version1", version1},
            {"version2", version2},
            {"unreadable", entries.size() - version1 - version2},
            {"version2_percent", entries.empty() ? 0.0 : 100.0 * double(version2) / double(entries.size())},
            {"clean", counts[static_cast<int>(Adoption::Clean)]},
            {"needs_flags", counts[static_cast<int>(Adoption::NeedsFlags)]},
            {"cannot_migrate", counts[static_cast<int>(Adoption::Cannot)]},
            {"files", std::move(list)},
        };
        std::cout << report.dump(2, ' ', false, mdsl::Json::error_handler_t::replace) << '\n';
        return kOk;
    }

    std::cout << "Adoption of version 2 in " << root.generic_string() << ": " << entries.size() << " mappings\n"
              << "  version 2: " << version2 << " (" << percent(version2, entries.size()) << ")\n"
              << "  version 1: " << version1 << '\n'
              << "    migrate cleanly:          " << counts[static_cast<int>(Adoption::Clean)] << '\n'
              << "    need flags that are off:  " << counts[static_cast<int>(Adoption::NeedsFlags)] << '\n'
              << "    cannot be migrated:       " << counts[static_cast<int>(Adoption::Cannot)] << '\n';
    const auto section = [&](Adoption adoption, std::string_view title) {
        bool any = false;
        for (const AdoptionEntry& e : entries) {
            if (e.adoption != adoption)
                continue;
            if (!any)
                std::cout << '\n' << title << ":\n";
            any = true;
            std::cout << "  " << e.file;
            if (adoption == Adoption::Clean)
                std::cout << " (" << e.changes << (e.changes == 1 ? " change" : " changes") << ")";
            if (!e.flags.empty()) {
                std::cout << " [";
                for (std::size_t i = 0; i < e.flags.size(); ++i)
                    std::cout << (i ? ", " : "") << e.flags[i];
                std::cout << "]";
            }
            if (!e.reason.empty())
                std::cout << ": " << e.reason;
            std::cout << '\n';
        }
    };
    section(Adoption::Version2, "Version 2");
    section(Adoption::Clean, "Migrate cleanly (mapping-dsl migrate FILE --output FILE)");
    section(Adoption::NeedsFlags, "Need flags that are off");
    section(Adoption::Cannot, "Cannot be migrated");
    return kOk;
}

} // namespace cli
