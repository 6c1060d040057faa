# FindRE2: RE2 and the Abseil libraries its headers use, as the imported target RE2::re2.
#
# Debian's libre2-dev ships only a pkg-config file, and pkg-config resolves its fifteen Abseil
# requirements (and theirs) in about two seconds per query: pkg_check_modules makes some twenty
# queries, which was most of a fresh configure. The header and the library are found directly
# here, and Abseil through its own CMake package.
#
# Result: RE2_FOUND, RE2_VERSION (when the pkg-config file states it), target RE2::re2.

find_path(RE2_INCLUDE_DIR NAMES re2/re2.h)
find_library(RE2_LIBRARY NAMES re2)
find_package(absl CONFIG QUIET)

if(RE2_LIBRARY)
    get_filename_component(_re2_libdir "${RE2_LIBRARY}" DIRECTORY)
    if(EXISTS "${_re2_libdir}/pkgconfig/re2.pc")
        file(STRINGS "${_re2_libdir}/pkgconfig/re2.pc" _re2_version_line REGEX "^Version:")
        string(REGEX REPLACE "^Version: *" "" RE2_VERSION "${_re2_version_line}")
    endif()
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(RE2
    REQUIRED_VARS RE2_LIBRARY RE2_INCLUDE_DIR absl_FOUND
    VERSION_VAR RE2_VERSION)

if(RE2_FOUND AND NOT TARGET RE2::re2)
    find_package(Threads REQUIRED)
    add_library(RE2::re2 UNKNOWN IMPORTED)
    set_target_properties(RE2::re2 PROPERTIES
        IMPORTED_LOCATION "${RE2_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${RE2_INCLUDE_DIR}")
    # The Abseil components re2.pc requires: inline code of RE2's headers calls into them.
    target_link_libraries(RE2::re2 INTERFACE
        absl::absl_check absl::absl_log absl::base absl::core_headers absl::fixed_array
        absl::flags absl::flat_hash_map absl::flat_hash_set absl::hash absl::inlined_vector
        absl::optional absl::span absl::str_format absl::strings absl::synchronization
        Threads::Threads)
endif()
mark_as_advanced(RE2_INCLUDE_DIR RE2_LIBRARY)
