// The replayer: a harness's LLVMFuzzerTestOneInput over files, without libFuzzer (as
// oss-fuzz's StandaloneFuzzTargetMain), so that the normal build (g++, the sanitizers) and
// ctest run every saved finding and a few seeds of each harness.
//
//   replay_<harness> PATH...    a file, or a folder: each of its files, by name
//
// Skipped: README files, and files named open-* (findings saved but not fixed yet, each
// described in its folder's README). A broken invariant aborts, which fails the test.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

bool skipped(const std::filesystem::path& file)
{
    const std::string name = file.filename().string();
    return name.rfind("README", 0) == 0 || name.rfind("open-", 0) == 0 || name.rfind('.', 0) == 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path path(argv[i]);
        if (std::filesystem::is_directory(path)) {
            std::vector<std::filesystem::path> inFolder;
            for (const auto& entry : std::filesystem::directory_iterator(path))
                if (entry.is_regular_file())
                    inFolder.push_back(entry.path());
            std::sort(inFolder.begin(), inFolder.end());
            files.insert(files.end(), inFolder.begin(), inFolder.end());
        } else if (std::filesystem::is_regular_file(path)) {
            files.push_back(path);
        } else {
            std::fprintf(stderr, "replay: no such file or folder: %s\n", argv[i]);
            return 2;
        }
    }
    int replayed = 0;
    int left = 0;
    for (const std::filesystem::path& file : files) {
        if (skipped(file)) {
            left += file.filename().string().rfind("open-", 0) == 0 ? 1 : 0;
            continue;
        }
        std::ifstream in(file, std::ios::binary);
        const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::fprintf(stderr, "replay: %s (%zu bytes)\n", file.c_str(), bytes.size());
        // A copy of exactly the file's size, as libFuzzer passes it: AddressSanitizer sees a
        // read past the end.
        std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
        LLVMFuzzerTestOneInput(data.empty() ? nullptr : data.data(), data.size());
        ++replayed;
    }
    std::printf("replay: %d inputs replayed, %d open findings left out\n", replayed, left);
    return replayed > 0 ? 0 : 1;
}
