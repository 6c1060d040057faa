# CPACK_PRE_BUILD_SCRIPTS: runs on the staged files before CPack strips the executables and
# splits their debug information off. Removes the .comment section (compiler and linker
# versions), as Debian's dh_strip does; lintian notes it otherwise.
file(GLOB _executables "${CPACK_TEMPORARY_DIRECTORY}/usr/bin/*")
foreach(_exe IN LISTS _executables)
    execute_process(COMMAND objcopy --remove-section=.comment "${_exe}" COMMAND_ERROR_IS_FATAL ANY)
endforeach()
