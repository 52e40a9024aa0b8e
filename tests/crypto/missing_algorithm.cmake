# crypto/provider.hpp: code that needs an algorithm its provider lacks must
# fail to BUILD with a message naming the algorithm. The TU is built outside
# `all` by a CTest that passes only when the build stops with that message.
configure_file(${CMAKE_CURRENT_LIST_DIR}/missing_algorithm.cpp.in
  ${CMAKE_CURRENT_BINARY_DIR}/crypto_missing_algorithm.cpp COPYONLY)
add_executable(tlswire_crypto_missing_algorithm EXCLUDE_FROM_ALL
  ${CMAKE_CURRENT_BINARY_DIR}/crypto_missing_algorithm.cpp)
target_link_libraries(tlswire_crypto_missing_algorithm PRIVATE tlswire::tlswire)
add_test(NAME crypto_missing_algorithm_diagnostic
  COMMAND ${CMAKE_COMMAND} --build ${PROJECT_BINARY_DIR} --target tlswire_crypto_missing_algorithm)
set_tests_properties(crypto_missing_algorithm_diagnostic PROPERTIES
  PASS_REGULAR_EXPRESSION "this crypto provider does not support ChaCha20-Poly1305 \\(RFC 8439\\)")
