#pragma once
// The tests of one folder are linked into one program (tests_<folder>, see mdsl_add_test in
// cmake/MdslHelpers.cmake): compiled together they instantiate nlohmann/json and Qt templates
// once instead of once per test. Each test file ends with MDSL_TEST_MAIN(Class) instead of
// QTEST_MAIN; ctest runs `tests_<folder> <test name> [Qt Test arguments]`, where the test name
// is the file's base name (test_values for test_values.cpp). Without a name the program runs
// every test it holds; --list prints them.

#include <QObject>

#include <memory>
#include <string>

namespace mdsl::test {

using TestFactory = std::unique_ptr<QObject> (*)();
using TestCommand = int (*)(int argc, char** argv);

/// Registers the test class of FILE (a __FILE__): returns true, for a static initializer.
bool registerTest(const char* file, TestFactory factory);

/// Registers a command of FILE's test run instead of the tests when OPTION is the program's
/// first argument (a child process the test starts, for instance).
bool registerCommand(const char* file, const char* option, TestCommand command);

/// The name of the test running (test_values), also inside a registered command.
const std::string& currentTestName();

} // namespace mdsl::test

#define MDSL_TEST_MAIN(TestClass)                                                                  \
    [[maybe_unused]] static const bool mdslTestRegistered##TestClass = ::mdsl::test::registerTest( \
        __FILE__, []() -> std::unique_ptr<QObject> { return std::make_unique<TestClass>(); });
