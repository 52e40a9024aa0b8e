# providers/null_provider.hpp must not compile unless the including file opts
# in with TLSWIRE_I_KNOW_NULL_CRYPTO_IS_INSECURE_FOR_FUZZING_ONLY: a
# translation unit that includes it without the macro is built (outside
# `all`) by a CTest that passes only when the build stops at the #error.
set(tlswire_null_guard_tu ${CMAKE_CURRENT_BINARY_DIR}/null_provider_without_opt_in.cpp)
file(CONFIGURE OUTPUT ${tlswire_null_guard_tu}
  CONTENT "#include \"tlswire/providers/null_provider.hpp\"\nint main() { return 0; }\n" @ONLY)
add_executable(tlswire_null_provider_without_opt_in EXCLUDE_FROM_ALL ${tlswire_null_guard_tu})
target_link_libraries(tlswire_null_provider_without_opt_in PRIVATE tlswire::tlswire)
add_test(NAME null_provider_refuses_without_opt_in
  COMMAND ${CMAKE_COMMAND} --build ${PROJECT_BINARY_DIR} --target tlswire_null_provider_without_opt_in)
set_tests_properties(null_provider_refuses_without_opt_in PROPERTIES
  PASS_REGULAR_EXPRESSION "provides NO security; it is for fuzz/ and tests/ only")
