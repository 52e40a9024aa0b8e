# Run by CTest as `cmake -P` (test "layer_check_refuses_upward_includes"): the
# layer check (cmake/layers.cmake) run on fixture/, a tree with one of each
# broken rule, must fail and name each (file, line, included header, both
# layers), and must accept what fixture/tlswire/LAYERS allows. Without this,
# a check that never fails would pass "layers_include_only_downward" too.
cmake_minimum_required(VERSION 3.20)
set(fixture ${CMAKE_CURRENT_LIST_DIR}/fixture)
execute_process(
  COMMAND ${CMAKE_COMMAND} -DINCLUDE_DIR=${fixture} -P ${CMAKE_CURRENT_LIST_DIR}/../../cmake/layers.cmake
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
set(t ${fixture}/tlswire)
set(expected
  "${t}/low/a.hpp:3: includes tlswire/high/b.hpp: layer low may not include layer high, a higher floor (1 -> 3)"
  "${t}/low/a.hpp:4: includes tlswire/low/lifted.hpp: layer low may not include layer high, a higher floor (1 -> 3)"
  "${t}/left/c.hpp:4: includes tlswire/right/d.hpp: layer left may not include layer right, its sibling on floor 2"
  "${t}/stray/f.hpp: belongs to no layer"
  "${t}/LAYERS: `allow low/a.hpp high/never_included.hpp` is used by no include"
  "5 layer rule(s) broken")
set(failures 0)
if(rc EQUAL 0)
  message(SEND_ERROR "the layer check passed a tree with upward includes")
  math(EXPR failures "${failures} + 1")
endif()
foreach(line IN LISTS expected)
  string(FIND "${out}" "${line}" at)
  if(at EQUAL -1)
    message(SEND_ERROR "the layer check did not say: ${line}")
    math(EXPR failures "${failures} + 1")
  endif()
endforeach()
if(out MATCHES "/(low/allowed|high/b|low/lifted)\\.hpp:[0-9]")
  message(SEND_ERROR "the layer check refused an allowed or downward include")
  math(EXPR failures "${failures} + 1")
endif()
if(failures GREATER 0)
  message(FATAL_ERROR "the layer check's output was:\n${out}")
endif()
message(STATUS "the layer check refuses each broken rule of the fixture, and only those")
