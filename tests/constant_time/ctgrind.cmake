# constant_time/: RSA premaster decryption must not branch or index on
# secrets (RFC 5246 §7.4.7.1, Bleichenbacher / Marvin). run-ctgrind.sh builds
# rsa_premaster_ctgrind.cpp with g++ and clang++ at -O2 and -O3 (no
# sanitizers: valgrind cannot run them) and runs each under valgrind
# memcheck. Registered in the g++ build only: the clang build of .ci/test.sh
# is the sanitizer build, and the script covers clang itself.
find_program(TLSWIRE_VALGRIND valgrind)
find_path(TLSWIRE_MEMCHECK_INCLUDE_DIR valgrind/memcheck.h)
find_program(TLSWIRE_CTGRIND_CLANG NAMES clang++-14 clang++)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND TLSWIRE_VALGRIND AND TLSWIRE_MEMCHECK_INCLUDE_DIR
   AND TLSWIRE_HAVE_OPENSSL AND TLSWIRE_HAVE_MBEDTLS)
  set(tlswire_ctgrind_compilers ${CMAKE_CXX_COMPILER})
  if(TLSWIRE_CTGRIND_CLANG)
    list(APPEND tlswire_ctgrind_compilers ${TLSWIRE_CTGRIND_CLANG})
  endif()
  add_test(NAME constant_time_rsa_premaster
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run-ctgrind.sh ${PROJECT_SOURCE_DIR}
            ${CMAKE_CURRENT_BINARY_DIR}/constant_time ${tlswire_ctgrind_compilers})
  set_tests_properties(constant_time_rsa_premaster PROPERTIES TIMEOUT 900)
else()
  message(STATUS "tlswire: skipping the valgrind constant-time test (needs g++, valgrind, OpenSSL and mbedTLS)")
endif()
