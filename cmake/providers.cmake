# tlswire_add_provider(): one call per opt-in crypto back-end, so that a
# provider is its header, its conformance test and that one line.
#
#   tlswire_add_provider(<name>
#     [HEADER tlswire/providers/<name>.hpp]  its header (this default), directly
#                                            in providers/: the opt-in back-ends
#     [PACKAGE <find_package arguments>]     find its library by its CMake package,
#     [LIBRARY <lib> INCLUDE <a header of it>]  or by hand, wrapped in the imported
#                                            target tlswire_<name>
#     [LIBS <target>...]                     what a user of the header links
#                                            (default: tlswire_<name> with LIBRARY)
#     [DEFINES <macro>...])                  what a user of the header must define
#
# It sets TLSWIRE_HAVE_<NAME> (ON when its library is found; ON without
# PACKAGE and LIBRARY) and records the provider for the places that ask:
#   cmake/header_check.cmake      compiles the header on its own when found,
#                                 with LIBS and DEFINES;
#   tests/CMakeLists.txt          a folder tests/<area>_<name>[_...]/ links LIBS,
#                                 and is skipped when the library is missing;
#   umbrella_and_core_headers     checks the umbrella leaves the header out
#                                 (.ci/update-umbrella.sh leaves out every
#                                 header directly in providers/).
function(tlswire_add_provider name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "HEADER;LIBRARY;INCLUDE" "PACKAGE;LIBS;DEFINES")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "tlswire_add_provider(${name}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_HEADER)
    set(arg_HEADER tlswire/providers/${name}.hpp)
  endif()
  string(TOUPPER ${name} upper)
  set(found ON)
  if(arg_PACKAGE)
    list(GET arg_PACKAGE 0 package)
    find_package(${arg_PACKAGE} QUIET)
    set(found ${${package}_FOUND})
  elseif(arg_LIBRARY)
    # A library without a CMake package (Debian 12's libmbedtls-dev): find
    # it and its headers by hand.
    find_library(TLSWIRE_${upper}_LIBRARY ${arg_LIBRARY})
    find_path(TLSWIRE_${upper}_INCLUDE_DIR ${arg_INCLUDE})
    set(found OFF)
    if(TLSWIRE_${upper}_LIBRARY AND TLSWIRE_${upper}_INCLUDE_DIR)
      set(found ON)
      if(NOT TARGET tlswire_${name})
        add_library(tlswire_${name} UNKNOWN IMPORTED)
        set_target_properties(tlswire_${name} PROPERTIES
          IMPORTED_LOCATION ${TLSWIRE_${upper}_LIBRARY}
          INTERFACE_INCLUDE_DIRECTORIES ${TLSWIRE_${upper}_INCLUDE_DIR})
      endif()
    endif()
    if(NOT arg_LIBS)
      set(arg_LIBS tlswire_${name})
    endif()
  endif()
  if(found)
    set(found ON)
  else()
    set(found OFF)
  endif()
  set(TLSWIRE_HAVE_${upper} ${found} PARENT_SCOPE)
  set_property(GLOBAL APPEND PROPERTY TLSWIRE_PROVIDERS ${name})
  set_property(GLOBAL PROPERTY TLSWIRE_PROVIDER_${name}_HEADER ${arg_HEADER})
  set_property(GLOBAL PROPERTY TLSWIRE_PROVIDER_${name}_FOUND ${found})
  set_property(GLOBAL PROPERTY TLSWIRE_PROVIDER_${name}_LIBS ${arg_LIBS})
  set_property(GLOBAL PROPERTY TLSWIRE_PROVIDER_${name}_DEFINES ${arg_DEFINES})
  if(TLSWIRE_IS_TOP_LEVEL)
    message(STATUS "tlswire: provider ${name} ${found}")
  endif()
endfunction()

# tlswire_provider_of(<header> <out>): the provider whose header it is, or "".
function(tlswire_provider_of header out)
  get_property(providers GLOBAL PROPERTY TLSWIRE_PROVIDERS)
  set(${out} "" PARENT_SCOPE)
  foreach(p IN LISTS providers)
    get_property(h GLOBAL PROPERTY TLSWIRE_PROVIDER_${p}_HEADER)
    if(h STREQUAL header)
      set(${out} ${p} PARENT_SCOPE)
    endif()
  endforeach()
endfunction()
