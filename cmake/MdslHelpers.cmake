# Shared build settings and helpers of the project.

# Warnings and sanitizers for one of the project's own targets.
# mdsl_target_defaults(TARGET [LINK_SANITIZERS_ONLY]): with LINK_SANITIZERS_ONLY the target's
# own code is not instrumented but links the sanitizer runtimes (the tests: the libraries they
# exercise are instrumented, and instrumenting QtTest-heavy test code only doubles its compile time).
function(mdsl_target_defaults target)
    cmake_parse_arguments(ARG "LINK_SANITIZERS_ONLY" "" "" ${ARGN})
    target_compile_options(${target} PRIVATE -Wall -Wextra -pedantic -Wshadow -Wnon-virtual-dtor)
    # Every Qt connection names a context object, so it dies with its receiver.
    target_compile_definitions(${target} PRIVATE QT_NO_CONTEXTLESS_CONNECT)
    if(MDSL_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(MDSL_SANITIZE)
        if(NOT ARG_LINK_SANITIZERS_ONLY)
            target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        endif()
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
endfunction()

# Unity build of a library or program (MDSL_UNITY_BUILD): its sources are compiled BATCH at a
# time, so the headers they share (nlohmann/json, Qt) are parsed, instantiated and compiled
# once per batch instead of once per file. A first build takes about half the time; an edit
# recompiles its batch. File-local names (anonymous namespaces, static functions) must then be
# unique within the target.
function(mdsl_unity_build target batch)
    if(MDSL_UNITY_BUILD)
        set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE ${batch})
        # GCC warns when a class uses a file-local type in a header; in a batch every source
        # is included by the batch's file and counts as a header.
        if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
            target_compile_options(${target} PRIVATE -Wno-subobject-linkage)
        endif()
    endif()
endfunction()

# The precompiled header the non-UI tests share (common QtCore classes, nlohmann/json, the
# standard library): made once by tests/CMakeLists.txt, reused by every non-UI test program.
function(mdsl_add_test_pch name)
    add_library(${name} OBJECT ${PROJECT_SOURCE_DIR}/tests/support/pch.cpp)
    mdsl_target_defaults(${name} LINK_SANITIZERS_ONLY)
    target_link_libraries(${name} PRIVATE Qt6::Core nlohmann_json::nlohmann_json)
    target_compile_definitions(${name} PRIVATE
        MDSL_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        MDSL_BINARY_DIR="${PROJECT_BINARY_DIR}")
    # Neither QtTest nor its definitions: Qt defines QT_TESTCASE_BUILDDIR/SOURCEDIR per test
    # directory, and GCC refuses a header made under other values of a macro.
    target_precompile_headers(${name} PRIVATE
        <QByteArray> <QDir> <QFile> <QHash> <QList> <QObject> <QProcess> <QString> <QStringList>
        <QTemporaryDir> <QVariant> <nlohmann/json.hpp>
        <algorithm> <functional> <map> <memory> <optional> <string> <string_view> <vector>)
    set_target_properties(${name} PROPERTIES AUTOMOC OFF)
    set(MDSL_TEST_PCH ${name} PARENT_SCOPE)
endfunction()

# Adds a Qt Test test: mdsl_add_test(NAME SOURCES... [LIBS libs...] [DEFINES defs...]
#                                    [DEPENDS targets...] [ENV vars...] [UI])
# NAME is the test file's base name (test_values for test_values.cpp), which ends with
# MDSL_TEST_MAIN(Class) (tests/support/testmain.h). The tests of one folder share one program,
# bin/tests_<folder>, compiled as a unity build: ctest runs `tests_<folder> NAME`. LIBS and
# DEFINES apply to that program, which is built after the DEPENDS targets. UI tests run
# offscreen; a folder holds UI tests or others.
function(mdsl_add_test name)
    cmake_parse_arguments(ARG "UI" "" "SOURCES;LIBS;ENV;DEFINES;DEPENDS" ${ARGN})
    set(sources ${ARG_SOURCES} ${ARG_UNPARSED_ARGUMENTS})
    get_filename_component(folder "${CMAKE_CURRENT_SOURCE_DIR}" NAME)
    set(program tests_${folder})
    if(NOT TARGET ${program})
        add_executable(${program} ${PROJECT_SOURCE_DIR}/tests/support/testmain.cpp)
        mdsl_target_defaults(${program} LINK_SANITIZERS_ONLY)
        target_include_directories(${program} PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
        # Tests may reach the engine's internal headers (the AST, tokens, passes).
        target_link_libraries(${program} PRIVATE Qt6::Test mdsl::engine_internal)
        target_compile_definitions(${program} PRIVATE
            MDSL_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
            MDSL_BINARY_DIR="${PROJECT_BINARY_DIR}")
        if(ARG_UI)
            target_link_libraries(${program} PRIVATE Qt6::Widgets)
            target_compile_definitions(${program} PRIVATE MDSL_TEST_GUI)
        elseif(MDSL_TEST_PCH)
            # UI tests see other Qt modules' definitions, so they cannot share this header.
            target_precompile_headers(${program} REUSE_FROM ${MDSL_TEST_PCH})
        endif()
        mdsl_unity_build(${program} 5)
    endif()
    target_sources(${program} PRIVATE ${sources})
    target_link_libraries(${program} PRIVATE ${ARG_LIBS})
    if(ARG_DEFINES)
        target_compile_definitions(${program} PRIVATE ${ARG_DEFINES})
    endif()
    if(ARG_DEPENDS)
        add_dependencies(${program} ${ARG_DEPENDS})
    endif()
    add_test(NAME ${name} COMMAND ${program} ${name})
    set(env ${ARG_ENV})
    if(ARG_UI)
        list(APPEND env QT_QPA_PLATFORM=offscreen)
        set_tests_properties(${name} PROPERTIES LABELS ui)
    endif()
    if(MDSL_SANITIZE)
        # Qt's own allocations at exit are not ours to chase.
        list(APPEND env ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1)
    endif()
    if(env)
        set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}")
    endif()
endfunction()
