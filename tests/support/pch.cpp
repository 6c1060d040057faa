// The translation unit that builds the tests' shared precompiled header (see
// mdsl_add_test_pch in cmake/MdslHelpers.cmake); it has no code of its own.
