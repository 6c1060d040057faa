#include "io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace cli {

std::optional<std::string> readText(const std::string& path, std::string& error)
{
    if (path == "-") {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        return buffer.str();
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        error = "cannot read '" + path + "': it is a directory";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read '" + path + "': " + std::strerror(errno);
        return std::nullopt;
    }
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool writeTextAtomically(const std::string& path, const std::string& text, std::string& error)
{
    const std::string temporary = path + ".mdsl-tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out || !(out << text) || !out.flush()) {
            error = "cannot write '" + path + "': " + std::strerror(errno);
            std::filesystem::remove(temporary);
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        error = "cannot write '" + path + "': " + ec.message();
        std::filesystem::remove(temporary, ec);
        return false;
    }
    return true;
}

void printError(const std::string& message)
{
    std::cerr << "mapping-dsl: " << message << '\n';
}

} // namespace cli
