#include "lsp/samples.h"

#include "lsp/transport.h"

#include "mdsl/json.h"

#include <deque>
#include <fstream>
#include <iterator>

namespace lsp {

namespace {

namespace fs = std::filesystem;

bool isIdentifierText(const std::string& name)
{
    if (name.empty() || (name[0] >= '0' && name[0] <= '9'))
        return false;
    for (const char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    return true;
}

std::optional<mdsl::Json> readJsonFile(const fs::path& path)
{
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec || size > kMaxSampleBytes)
        return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof())
        return std::nullopt;
    if (jsonDepth(text, kMaxMessageDepth) > kMaxMessageDepth)
        return std::nullopt;
    try {
        return mdsl::parseJson(text);
    } catch (const mdsl::Json::exception&) {
        return std::nullopt;
    }
}

/// Breadth first, so that the top-level fields come first; an array's first element stands
/// for all of them. No recursion: the input's nesting is the user's.
std::vector<std::string> pathsOf(const mdsl::Json& input)
{
    std::vector<std::string> out;
    std::deque<std::pair<const mdsl::Json*, std::string>> queue{{&input, std::string()}};
    while (!queue.empty() && out.size() < kMaxSamplePaths) {
        const auto [value, path] = queue.front();
        queue.pop_front();
        if (value->is_object()) {
            for (const auto& [key, member] : value->items()) {
                std::string next = path + (isIdentifierText(key) ? "." + key : "." + mdsl::Json(key).dump());
                out.push_back(next);
                if (out.size() >= kMaxSamplePaths)
                    break;
                queue.emplace_back(&member, std::move(next));
            }
        } else if (value->is_array() && !value->empty()) {
            queue.emplace_back(&value->front(), path + "[0]");
        }
    }
    return out;
}

/// The sample the studio shows for the mapping, from its workspace file (docs/studio.md, "A
/// mapping's workspace"): {"mappingStudioWorkspace": 1, "current": N, "samples": [{"name": ...,
/// "file": "FILE"} or {"name": ..., "text": "JSON TEXT"}, ...]}. A relative file is relative
/// to the workspace file, and is set in `referenced`.
std::optional<mdsl::Json> workspaceSample(const fs::path& workspace, fs::path& referenced)
{
    const std::optional<mdsl::Json> file = readJsonFile(workspace);
    if (!file || !file->is_object() || !file->contains("samples") || !(*file)["samples"].is_array())
        return std::nullopt;
    const mdsl::Json& samples = (*file)["samples"];
    std::size_t current = 0;
    if (file->contains("current") && (*file)["current"].is_number_unsigned())
        current = (*file)["current"].get<std::size_t>();
    if (current >= samples.size())
        current = 0;
    if (samples.empty() || !samples[current].is_object())
        return std::nullopt;
    const mdsl::Json& sample = samples[current];
    if (sample.contains("text") && sample["text"].is_string()) {
        try {
            return mdsl::parseJson(sample["text"].get<std::string>());
        } catch (const mdsl::Json::exception&) {
            return std::nullopt;   // a sample being edited need not be JSON yet
        }
    }
    if (sample.contains("file") && sample["file"].is_string()) {
        fs::path path = sample["file"].get<std::string>();
        if (path.is_relative())
            path = workspace.parent_path() / path;
        referenced = path;
        return readJsonFile(path);
    }
    return std::nullopt;
}

} // namespace

const std::vector<std::string>& SampleInputs::pathsFor(const std::string& mappingPath)
{
    if (mappingPath.empty())
        return none_;
    const fs::path mapping(mappingPath);
    const fs::path stem = mapping.parent_path() / mapping.stem();
    const fs::path workspace = fs::path(stem.string() + ".workspace.json");
    const fs::path sample = fs::path(stem.string() + ".input.json");
    std::error_code ec;
    const fs::path& chosen = fs::exists(workspace, ec) ? workspace : sample;
    const fs::file_time_type time = fs::last_write_time(chosen, ec);
    if (ec) {
        cache_.erase(mappingPath);
        return none_;
    }
    const std::uintmax_t size = fs::file_size(chosen, ec);
    const auto cached = cache_.find(mappingPath);
    if (cached != cache_.end() && cached->second.time == time && cached->second.size == size &&
        (cached->second.referenced.empty() || fs::last_write_time(cached->second.referenced, ec) == cached->second.referencedTime))
        return cached->second.paths;
    fs::path referenced;
    const std::optional<mdsl::Json> input = &chosen == &workspace ? workspaceSample(workspace, referenced) : readJsonFile(sample);
    Entry& entry = cache_[mappingPath];
    entry = {time, size, referenced, referenced.empty() ? fs::file_time_type() : fs::last_write_time(referenced, ec),
             input ? pathsOf(*input) : std::vector<std::string>{}};
    return entry.paths;
}

} // namespace lsp
