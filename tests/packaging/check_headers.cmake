# Run by CTest as `cmake -P` (test "umbrella_and_core_headers"):
#  1. tlswire/tlswire.hpp reaches every core header, directly or through a
#     layer header (asked of the compiler's dependency output, -MM), so a
#     header added to include/ without a line in the umbrella fails here;
#  2. the umbrella does not pull in the opt-in crypto back-ends or the
#     insecure null provider;
#  3. no core header includes what a no-heap, freestanding-friendly build
#     cannot have (iostream, string, containers, locale, ...).
cmake_minimum_required(VERSION 3.20)
foreach(var INCLUDE_DIR CXX OPT_IN BACKENDS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_headers.cmake needs -D${var}=...")
  endif()
endforeach()

# Never in the umbrella: the opt-in providers (tlswire_add_provider, passed
# comma-separated by tests/CMakeLists.txt). The back-ends among them (BACKENDS)
# need their libraries; the insecure null provider #errors unless a fuzz
# target or test opts in.
string(REPLACE "," ";" opt_in "${OPT_IN}")
string(REPLACE "," ";" backends "${BACKENDS}")
file(GLOB_RECURSE headers RELATIVE ${INCLUDE_DIR} ${INCLUDE_DIR}/tlswire/*.hpp)
list(SORT headers)
set(core)
foreach(h IN LISTS headers)
  if(NOT (h IN_LIST opt_in) AND NOT (h STREQUAL "tlswire/tlswire.hpp"))
    list(APPEND core ${h})
  endif()
endforeach()

# -MG: a header we cannot see (say GSL elsewhere) is not an error here.
execute_process(
  COMMAND ${CXX} -std=c++20 -MM -MG -I ${INCLUDE_DIR} -x c++ ${INCLUDE_DIR}/tlswire/tlswire.hpp
  RESULT_VARIABLE rc OUTPUT_VARIABLE deps ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "could not list the umbrella's includes:\n${err}")
endif()
string(REGEX REPLACE "[\\\\\n\t ]+" ";" deps "${deps}")
set(reached)
foreach(d IN LISTS deps)
  string(FIND "${d}" "${INCLUDE_DIR}/" at)
  if(at EQUAL 0)
    file(RELATIVE_PATH rel ${INCLUDE_DIR} ${d})
    list(APPEND reached ${rel})
  endif()
endforeach()

set(failures 0)
foreach(h IN LISTS core)
  if(NOT h IN_LIST reached)
    message(SEND_ERROR "core header not reached from tlswire/tlswire.hpp: ${h} "
      "(run .ci/update-umbrella.sh; a provider's header needs tlswire_add_provider)")
    math(EXPR failures "${failures} + 1")
  endif()
endforeach()
foreach(h IN LISTS opt_in)
  if(h IN_LIST reached)
    message(SEND_ERROR "the umbrella must not include the opt-in back-end ${h}")
    math(EXPR failures "${failures} + 1")
  endif()
endforeach()

# The back-ends may use the standard library freely; everything else may not.
set(freestanding ${core} ${opt_in})
if(backends)
  list(REMOVE_ITEM freestanding ${backends})
endif()
set(forbidden "iostream|istream|ostream|sstream|fstream|iomanip|string|vector|map|unordered_map|set|unordered_set|list|forward_list|deque|locale|regex|stdexcept|functional|thread|mutex")
foreach(h IN LISTS freestanding)
  if(NOT EXISTS ${INCLUDE_DIR}/${h})
    continue()
  endif()
  file(STRINGS ${INCLUDE_DIR}/${h} lines REGEX "^[ \t]*#[ \t]*include[ \t]*<(${forbidden})>")
  foreach(line IN LISTS lines)
    message(SEND_ERROR "${h} includes a header the core must not use: ${line}")
    math(EXPR failures "${failures} + 1")
  endforeach()
endforeach()

list(LENGTH core core_count)
list(LENGTH reached reached_count)
if(failures GREATER 0)
  message(FATAL_ERROR "${failures} header rule(s) broken")
endif()
message(STATUS "${core_count} core headers, all reached from the umbrella; no forbidden includes")
