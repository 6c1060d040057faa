# mapping-dsl serve: production's endpoints over HTTP. Included by app/CMakeLists.txt.
#
# HTTP comes from cpp-httplib as Debian ships it (libcpp-httplib-dev: a compiled library
# and its header, found through pkg-config): a maintained, security-patched server with a
# thread pool, timeouts and body limits, so that no HTTP parsing is written here.
find_package(PkgConfig REQUIRED)
pkg_check_modules(CPP_HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
# Debian builds it with OpenSSL: its header's thread pool calls OPENSSL_thread_stop().
pkg_check_modules(CPP_HTTPLIB_CRYPTO REQUIRED IMPORTED_TARGET libcrypto)

target_sources(mapping-dsl PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/../cmd_serve.cpp
    ${CMAKE_CURRENT_LIST_DIR}/gate.h
    ${CMAKE_CURRENT_LIST_DIR}/liveflags.cpp
    ${CMAKE_CURRENT_LIST_DIR}/liveflags.h
    ${CMAKE_CURRENT_LIST_DIR}/log.h
    ${CMAKE_CURRENT_LIST_DIR}/metrics.cpp
    ${CMAKE_CURRENT_LIST_DIR}/metrics.h
    ${CMAKE_CURRENT_LIST_DIR}/service.cpp
    ${CMAKE_CURRENT_LIST_DIR}/service.h
)
# httplib.h is large and declares many names: its one user compiles on its own.
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/../cmd_serve.cpp PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
target_link_libraries(mapping-dsl PRIVATE PkgConfig::CPP_HTTPLIB PkgConfig::CPP_HTTPLIB_CRYPTO)

# The systemd unit (installed disabled), where the package's hooks put units (a relative
# destination: CPack installs under /usr, never /usr/local). It names the executable by its
# path in the Debian package; an install under another prefix sets MDSL_SERVICE_BINARY.
# The Prometheus rules are installed by packaging/CMakeLists.txt with packaging/prometheus/*.
set(MDSL_SERVICE_BINARY /usr/${CMAKE_INSTALL_BINDIR}/mapping-dsl CACHE STRING "mapping-dsl's path in the systemd unit")
set(MDSL_SERVE_BINARY ${MDSL_SERVICE_BINARY})
configure_file(${PROJECT_SOURCE_DIR}/packaging/systemd/mapping-dsl.service.in
               ${PROJECT_BINARY_DIR}/packaging/systemd/mapping-dsl.service @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/packaging/systemd/mapping-dsl.service
        DESTINATION ${MDSL_INSTALL_SYSTEMDUNITDIR})
