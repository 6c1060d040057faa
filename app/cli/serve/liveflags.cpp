// Live flags: the flag file read whole, parsed by the engine's parser, swapped in at once.

#include "serve/liveflags.h"
#include "serve/log.h"
#include "serve/metrics.h"

#include "io.h"

#include "mdsl/diagnostic.h"

#include <sys/stat.h>

namespace cli::serve {

std::string flagsSummary(const mdsl::Flags& flags)
{
    std::string out;
    for (const mdsl::Flag flag : mdsl::kAllFlags) {
        if (!out.empty())
            out += ' ';
        out += mdsl::flagName(flag);
        out += flags.get(flag) ? "=true" : "=false";
    }
    return out;
}

LiveFlags::LiveFlags(std::string path, Metrics& metrics)
    : path_(std::move(path)), metrics_(metrics), current_(std::make_shared<const mdsl::Flags>())
{
}

bool LiveFlags::start(std::string& error)
{
    if (path_.empty())
        return true;
    seen_ = stamp();
    return read(error);
}

LiveFlags::Stamp LiveFlags::stamp() const
{
    struct stat st {};
    if (::stat(path_.c_str(), &st) != 0)
        return {};
    return {st.st_mtim, static_cast<long long>(st.st_size), static_cast<unsigned long long>(st.st_ino)};
}

bool LiveFlags::read(std::string& error)
{
    const std::optional<std::string> text = readText(path_, error);
    if (!text)
        return false;
    const mdsl::FlagsFile parsed = mdsl::parseFlags(*text);
    for (const mdsl::Diagnostic& d : parsed.diagnostics) {
        if (d.severity != mdsl::Severity::Error)
            logLine("flags: " + path_ + ": warning: " + d.message);
    }
    if (mdsl::hasErrors(parsed.diagnostics)) {
        // One line, for the journal: "path:line:col: error[E312]: message; ...".
        error = "the flag file has errors: ";
        bool first = true;
        for (const mdsl::Diagnostic& d : parsed.diagnostics) {
            if (d.severity != mdsl::Severity::Error)
                continue;
            error += (first ? "" : "; ") + path_ + ':' + std::to_string(d.range.start.line) + ':'
                + std::to_string(d.range.start.column) + ": error[" + d.code + "]: " + d.message;
            first = false;
        }
        return false;
    }
    current_.store(std::make_shared<const mdsl::Flags>(parsed.flags));
    return true;
}

void LiveFlags::poll()
{
    if (path_.empty())
        return;
    const Stamp now = stamp();
    if (now == seen_)
        return;
    seen_ = now;
    reload("the file changed");
}

void LiveFlags::reload(const char* why)
{
    if (path_.empty())
        return;
    std::string error;
    if (read(error)) {
        metrics_.flagsReloaded(true);
        logLine(std::string("flags: reloaded ") + path_ + " (" + why + "): " + flagsSummary(*current()));
    } else {
        metrics_.flagsReloaded(false);
        logLine(std::string("flags: refused ") + path_ + " (" + why + "), keeping the flags in use: " + error);
    }
}

} // namespace cli::serve
