# Every header compiles on its own: one generated translation unit per header
# under include/tlswire/, which includes only that header (twice, so a missing
# `#pragma once` shows up too). Built into two object libraries that are part
# of `all`: one with the project's warnings as errors, one that adds
# -fno-exceptions -fno-rtti, as firmware builds use. The glob is re-run on
# every build, so a header added by anyone is checked without a CMake edit.
file(GLOB_RECURSE tlswire_all_headers CONFIGURE_DEPENDS
  RELATIVE ${PROJECT_SOURCE_DIR}/include
  ${PROJECT_SOURCE_DIR}/include/tlswire/*.hpp)
list(SORT tlswire_all_headers)

# Each variant gets its own copy of the TUs, so compile_commands.json holds
# one entry per file and clang-tidy (which walks header_check/) runs once each.
set(tlswire_header_tus)
set(tlswire_header_tus_noexcept)
foreach(header IN LISTS tlswire_all_headers)
  # The opt-in back-end providers need their crypto library.
  if(header STREQUAL "tlswire/providers/openssl.hpp" AND NOT TLSWIRE_HAVE_OPENSSL)
    continue()
  endif()
  if(header STREQUAL "tlswire/providers/mbedtls.hpp" AND NOT TLSWIRE_HAVE_MBEDTLS)
    continue()
  endif()
  string(REGEX REPLACE "\\.hpp$" ".cpp" tu ${header})
  # The insecure null provider compiles only when the includer opts in.
  set(opt_in "")
  if(header STREQUAL "tlswire/providers/null_provider.hpp")
    set(opt_in "#define TLSWIRE_I_KNOW_NULL_CRYPTO_IS_INSECURE_FOR_FUZZING_ONLY\n")
  endif()
  foreach(dir IN ITEMS header_check header_check_noexcept)
    # file(CONFIGURE) rewrites only when the content changes: no needless rebuilds.
    file(CONFIGURE OUTPUT ${PROJECT_BINARY_DIR}/${dir}/${tu}
      CONTENT "${opt_in}#include \"${header}\"\n#include \"${header}\"\n" @ONLY)
  endforeach()
  list(APPEND tlswire_header_tus ${PROJECT_BINARY_DIR}/header_check/${tu})
  list(APPEND tlswire_header_tus_noexcept ${PROJECT_BINARY_DIR}/header_check_noexcept/${tu})
endforeach()

# A header that was renamed or removed leaves its old TU behind: delete it so
# tools that walk header_check/ (clang-tidy in .ci/test.sh) see only live ones.
file(GLOB_RECURSE tlswire_stale_tus
  ${PROJECT_BINARY_DIR}/header_check/*.cpp ${PROJECT_BINARY_DIR}/header_check_noexcept/*.cpp)
foreach(tu IN LISTS tlswire_stale_tus)
  if(NOT tu IN_LIST tlswire_header_tus AND NOT tu IN_LIST tlswire_header_tus_noexcept)
    file(REMOVE ${tu})
  endif()
endforeach()

add_library(tlswire_header_check OBJECT ${tlswire_header_tus})
add_library(tlswire_header_check_noexcept OBJECT ${tlswire_header_tus_noexcept})
foreach(variant IN ITEMS header_check header_check_noexcept)
  target_link_libraries(tlswire_${variant} PRIVATE tlswire::tlswire tlswire_warnings)
  if(TLSWIRE_HAVE_OPENSSL)
    target_link_libraries(tlswire_${variant} PRIVATE OpenSSL::Crypto)
  endif()
  if(TLSWIRE_HAVE_MBEDTLS)
    target_link_libraries(tlswire_${variant} PRIVATE tlswire_mbedtls)
  endif()
endforeach()
target_compile_options(tlswire_header_check_noexcept PRIVATE -fno-exceptions -fno-rtti)
