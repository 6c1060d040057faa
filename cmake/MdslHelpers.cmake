# Shared build settings and helpers of the project.

# Warnings and sanitizers for one of the project's own targets.
function(mdsl_target_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -pedantic -Wshadow -Wnon-virtual-dtor)
    # Every Qt connection names a context object, so it dies with its receiver.
    target_compile_definitions(${target} PRIVATE QT_NO_CONTEXTLESS_CONNECT)
    if(MDSL_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(MDSL_SANITIZE)
        target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
endfunction()

# Adds a Qt Test test: mdsl_add_test(NAME SOURCES... [LIBS libs...] [UI])
# The binary lands in bin/, the test runs from the build directory; UI tests run offscreen.
function(mdsl_add_test name)
    cmake_parse_arguments(ARG "UI" "" "SOURCES;LIBS;ENV" ${ARGN})
    set(sources ${ARG_SOURCES} ${ARG_UNPARSED_ARGUMENTS})
    add_executable(${name} ${sources})
    mdsl_target_defaults(${name})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE
        MDSL_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        MDSL_BINARY_DIR="${PROJECT_BINARY_DIR}")
    add_test(NAME ${name} COMMAND ${name})
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
