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
  # An opt-in provider's header (tlswire_add_provider) is compiled only when
  # its library is found, after the macros its users must define.
  tlswire_provider_of(${header} provider)
  set(opt_in "")
  if(provider)
    get_property(found GLOBAL PROPERTY TLSWIRE_PROVIDER_${provider}_FOUND)
    if(NOT found)
      continue()
    endif()
    get_property(defines GLOBAL PROPERTY TLSWIRE_PROVIDER_${provider}_DEFINES)
    foreach(d IN LISTS defines)
      string(APPEND opt_in "#define ${d}\n")
    endforeach()
  endif()
  string(REGEX REPLACE "\\.hpp$" ".cpp" tu ${header})
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
  get_property(providers GLOBAL PROPERTY TLSWIRE_PROVIDERS)
  foreach(provider IN LISTS providers)
    get_property(found GLOBAL PROPERTY TLSWIRE_PROVIDER_${provider}_FOUND)
    get_property(libs GLOBAL PROPERTY TLSWIRE_PROVIDER_${provider}_LIBS)
    if(found)
      target_link_libraries(tlswire_${variant} PRIVATE ${libs})
    endif()
  endforeach()
endforeach()
target_compile_options(tlswire_header_check_noexcept PRIVATE -fno-exceptions -fno-rtti)
