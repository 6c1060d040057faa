// mapping-dsl repro: replays a repro bundle (.mdslrepro) without a window and says whether
// this engine reproduces the output production returned (docs/repro.md).

#include "args.h"
#include "cmd_engine_options.h"
#include "io.h"

#include "mdsl/repro.h"
#include "mdsl/report.h"
#include "mdsl/version.h"

#include <filesystem>
#include <iostream>
#include <string>

namespace cli {

namespace {

constexpr std::string_view kReproUsage = R"(Usage: mapping-dsl repro BUNDLE [--format text|json]

Replays a repro bundle (.mdslrepro, see docs/repro.md) as production ran it: the bundled
mapping on the bundled input, under the bundled flags, route (v2-routed or v1-only) and
pinned clock. Prints what was replayed, the verdict, and when the outputs differ the
differences as a JSON Patch (RFC 6902) turning production's output into ours.
Bundles are untrusted: an invalid one gives one message naming the field at fault.

Options:
  --format FORMAT   text (default): a readable report; json: one object with the bundle's
                    summary, the verdict, the patch and our dry-run result
  --help            print this help

Exit codes: 0 reproduced (without a production output: our run is ok), 1 differs (or our
run failed where production returned an output; without one: our run failed),
2 invalid bundle, usage or I/O error.
)";

int reproUsageError(const std::string& message)
{
    return commandUsageError("repro", kReproUsage, message);
}

std::string flagsSummary(const mdsl::Flags& flags)
{
    std::string off;
    for (const mdsl::Flag flag : mdsl::kAllFlags) {
        if (!flags.get(flag))
            off += (off.empty() ? "" : ", ") + std::string(mdsl::flagName(flag));
    }
    return off.empty() ? "all seven on (production's configuration)" : "off: " + off;
}

std::string engineSaid(const mdsl::ReproProduction& p)
{
    std::string said = !p.engine ? std::string("answering engine not recorded")
        : p.fallback             ? std::string("v1 answered (fallback after V2 failed)")
                                 : std::string(mdsl::engineName(*p.engine)) + " answered";
    if (!p.engine && p.fallback)
        said = "V1 answered by fallback";
    if (!p.engineVersion.empty())
        said += ", engine " + p.engineVersion;
    return said;
}

std::string dump(const mdsl::Json& json)
{
    return json.dump(2, ' ', false, mdsl::Json::error_handler_t::replace);
}

void printText(const mdsl::ReproBundle& b, const mdsl::ReproReplay& r)
{
    const mdsl::RunResult& ours = r.ours;
    std::cout << "mapping:     " << b.mappingName << '\n'
              << "bundle:      created " << (b.createdAt.empty() ? "(unknown)" : b.createdAt) << " by "
              << (b.studioVersion.empty() ? std::string("a tool") : "studio " + b.studioVersion) << ", engine "
              << b.engineVersion << '\n'
              << "replayed:    route " << mdsl::reproRouteName(b.route) << ", answered by "
              << mdsl::engineName(ours.engine) << (ours.fallback ? " (V1 fallback after V2 failed)" : "")
              << ", engine " << mdsl::engineVersion() << '\n'
              << "flags:       " << flagsSummary(b.flags) << '\n'
              << "clock:       " << (b.nowMs ? "pinned, now_ms " + std::to_string(*b.nowMs) : std::string("system clock")) << '\n'
              << "status:      " << mdsl::statusName(ours.status) << '\n'
              << "production:  " << (b.production ? engineSaid(*b.production) : std::string("no output recorded")) << '\n';
    if (r.engineDiffers)
        std::cout << "warning:     production says another engine answered than the one that answered here\n";
    std::cout << "verdict:     ";
    switch (r.verdict) {
    case mdsl::ReproVerdict::Reproduced:
        std::cout << "reproduced: our output is production's\n";
        break;
    case mdsl::ReproVerdict::Differs:
        std::cout << "differs: " << r.patch.size() << (r.patch.size() == 1 ? " difference" : " differences")
                  << (ours.status == mdsl::RunStatus::Ok ? "" : " (our run " + std::string(mdsl::statusName(ours.status)) + ")")
                  << '\n'
                  << "differences (JSON Patch, production -> ours):\n"
                  << dump(r.patch) << '\n';
        break;
    case mdsl::ReproVerdict::NoProductionOutput:
        std::cout << "nothing to compare: the bundle holds no production output\n"
                  << "output:\n"
                  << (ours.output ? dump(*ours.output) : std::string("(none)")) << '\n';
        break;
    }
    if (!ours.diagnostics.empty())
        std::cout << "diagnostics:\n" << mdsl::renderText(ours.diagnostics, b.mappingText, b.mappingName);
    if (!b.notes.empty())
        std::cout << "notes:\n" << b.notes << (b.notes.back() == '\n' ? "" : "\n");
}

mdsl::Json replayJson(const mdsl::ReproBundle& b, const mdsl::ReproReplay& r)
{
    mdsl::Json bundle = mdsl::reproToJson(b);
    // The summary, without the bulky documents the caller already has in the bundle.
    for (const char* bulky : {"input", "notes"})
        bundle.erase(bulky);
    bundle["mapping"].erase("text");
    if (bundle.contains("production"))
        bundle["production"].erase("output");
    mdsl::Json out = mdsl::Json::object();
    out["verdict"] = std::string(mdsl::reproVerdictName(r.verdict));
    out["engine_differs"] = r.engineDiffers;
    out["patch"] = r.patch;
    out["engine_version"] = std::string(mdsl::engineVersion());
    out["bundle"] = std::move(bundle);
    out["result"] = mdsl::toJson(r.ours);
    return out;
}

} // namespace

int runRepro(const std::vector<std::string>& args)
{
    int exitCode = kUsage;
    const auto parsed = parseCommand("repro", kReproUsage, args, {{"--format", true}}, exitCode);
    if (!parsed)
        return exitCode;
    const std::string format = parsed->value("--format").value_or("text");
    if (format != "text" && format != "json")
        return reproUsageError("unknown format '" + format + "' (text or json)");

    const std::string& path = parsed->positional[0];
    const std::string shown = path == "-" ? std::string("<stdin>") : path;
    // Refuse an oversized file before reading it into memory.
    std::error_code ec;
    if (path != "-" && std::filesystem::is_regular_file(path, ec)
        && std::filesystem::file_size(path, ec) > mdsl::kMaxReproBytes && !ec) {
        printError("'" + shown + "' is not a valid repro bundle: larger than "
                   + std::to_string(mdsl::kMaxReproBytes >> 20) + " MiB");
        return kUsage;
    }
    std::string error;
    const std::optional<std::string> text = readText(path, error);
    if (!text) {
        printError(error);
        return kUsage;
    }
    const mdsl::ReproParse bundle = mdsl::parseRepro(*text);
    if (!bundle.bundle) {
        printError("'" + shown + "' is not a valid repro bundle: " + bundle.error);
        return kUsage;
    }
    const mdsl::ReproReplay replay = mdsl::replayRepro(*bundle.bundle);
    if (format == "json")
        std::cout << dump(replayJson(*bundle.bundle, replay)) << '\n';
    else
        printText(*bundle.bundle, replay);
    switch (replay.verdict) {
    case mdsl::ReproVerdict::Reproduced:
        return kOk;
    case mdsl::ReproVerdict::Differs:
        return kFailed;
    case mdsl::ReproVerdict::NoProductionOutput:
        break;
    }
    return replay.ours.status == mdsl::RunStatus::Ok ? kOk : kFailed;
}

} // namespace cli
