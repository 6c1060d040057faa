#pragma once
// The input paths of a mapping's sample input, for completion: the first input of the
// mapping's workspace file (NAME.workspace.json) when there is one, else NAME.input.json
// beside the mapping. Read again only when one of these files changes.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace lsp {

/// At most this many paths per sample, breadth first (the studio's limit).
inline constexpr std::size_t kMaxSamplePaths = 2000;
/// A sample input larger than this is not read for completion.
inline constexpr std::uintmax_t kMaxSampleBytes = std::uintmax_t(64) << 20;

class SampleInputs {
public:
    /// The paths of the mapping file's sample input, as simple paths: ".customer.name",
    /// ".items[0].sku", ".\"e-mail\"". Empty when there is none or it cannot be read.
    const std::vector<std::string>& pathsFor(const std::string& mappingPath);

private:
    struct Entry {
        std::filesystem::file_time_type time;
        std::uintmax_t size = 0;
        std::filesystem::path referenced;   ///< the sample file a workspace file names
        std::filesystem::file_time_type referencedTime;
        std::vector<std::string> paths;
    };
    std::map<std::string, Entry> cache_;
    std::vector<std::string> none_;
};

} // namespace lsp
