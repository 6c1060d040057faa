# CPACK_POST_BUILD_SCRIPTS: repairs the -dbgsym package CPack 3.31 makes, which lintian
# refuses: its md5sums name the files by their absolute paths in CPack's staging directory,
# and it has no /usr/share/doc/<name>-dbgsym (debhelper's dbgsym packages make it a link to
# the main package's, which holds the copyright and changelog).
foreach(_package IN LISTS CPACK_PACKAGE_FILES)
    if(NOT _package MATCHES "-dbgsym_[^/]*\\.ddeb$")
        continue()
    endif()
    set(_dir "${CPACK_TOPLEVEL_DIRECTORY}/dbgsym-repack")
    file(REMOVE_RECURSE "${_dir}")
    execute_process(COMMAND dpkg-deb --raw-extract "${_package}" "${_dir}" COMMAND_ERROR_IS_FATAL ANY)
    file(GLOB_RECURSE _files LIST_DIRECTORIES false RELATIVE "${_dir}" "${_dir}/usr/*")
    list(SORT _files)
    set(_md5sums "")
    foreach(_file IN LISTS _files)
        file(MD5 "${_dir}/${_file}" _sum)
        string(APPEND _md5sums "${_sum}  ${_file}\n")
    endforeach()
    file(WRITE "${_dir}/DEBIAN/md5sums" "${_md5sums}")
    file(MAKE_DIRECTORY "${_dir}/usr/share/doc")
    file(CREATE_LINK "${CPACK_PACKAGE_NAME}" "${_dir}/usr/share/doc/${CPACK_PACKAGE_NAME}-dbgsym" SYMBOLIC)
    # gzip: a tenth of xz's CPU time on 150 MB of debug information, for a larger file that
    # nobody downloads unless debugging.
    execute_process(COMMAND dpkg-deb --root-owner-group -Zgzip --build "${_dir}" "${_package}"
                    OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
    file(REMOVE_RECURSE "${_dir}")
endforeach()
