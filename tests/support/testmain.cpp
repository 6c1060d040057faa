// The entry point of a folder's test program: see testmain.h.

#include "testmain.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTest>
#ifdef MDSL_TEST_GUI
#include <QApplication>
#endif

#include <cstdio>
#include <cstring>
#include <string_view>
#include <vector>

namespace mdsl::test {

namespace {

struct Registered {
    std::string name;
    TestFactory factory = nullptr;
};

struct Command {
    std::string name;
    std::string option;
    TestCommand command = nullptr;
};

std::vector<Registered>& tests()
{
    static std::vector<Registered> registered;
    return registered;
}

std::vector<Command>& commands()
{
    static std::vector<Command> registered;
    return registered;
}

std::string& current()
{
    static std::string name;
    return name;
}

/// test_values for ".../tests/engines/test_values.cpp".
std::string testName(std::string_view file)
{
    if (const std::size_t slash = file.find_last_of("/\\"); slash != std::string_view::npos)
        file.remove_prefix(slash + 1);
    if (const std::size_t dot = file.rfind('.'); dot != std::string_view::npos)
        file = file.substr(0, dot);
    return std::string(file);
}

int runTest(const Registered& test, const QStringList& arguments)
{
    current() = test.name;
    std::unique_ptr<QObject> object = test.factory();
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(object.get(), arguments);
}

} // namespace

bool registerTest(const char* file, TestFactory factory)
{
    tests().push_back({testName(file), factory});
    return true;
}

bool registerCommand(const char* file, const char* option, TestCommand command)
{
    commands().push_back({testName(file), option, command});
    return true;
}

const std::string& currentTestName()
{
    return current();
}

} // namespace mdsl::test

int main(int argc, char** argv)
{
    using namespace mdsl::test;
    if (argc > 1) {
        for (const Command& command : commands()) {
            if (command.option == argv[1]) {
                current() = command.name;
                return command.command(argc, argv);
            }
        }
    }
#ifdef MDSL_TEST_GUI
    QApplication app(argc, argv);
    QApplication::setAttribute(Qt::AA_Use96Dpi, true);
#else
    QCoreApplication app(argc, argv);
#endif
    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() > 1 && arguments[1] == QLatin1String("--list")) {
        for (const Registered& test : tests())
            std::printf("%s\n", test.name.c_str());
        return 0;
    }
    if (arguments.size() > 1 && !arguments[1].startsWith(QLatin1Char('-'))) {
        const std::string wanted = arguments.takeAt(1).toStdString();
        for (const Registered& test : tests()) {
            if (test.name == wanted)
                return runTest(test, arguments);
        }
        std::fprintf(stderr, "%s: no test named '%s' (--list shows them)\n", argv[0], wanted.c_str());
        return 2;
    }
    int failures = 0;
    for (const Registered& test : tests())
        failures += runTest(test, arguments);
    return failures;
}
