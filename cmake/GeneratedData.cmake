# Data generated at build time from Debian data packages (see tools/ and data/README.md).
# Each generator appends "embedded/name=absolute/output/path" to NEWSGRAPH_GENERATED_DATA.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(NEWSGRAPH_GENERATED_DATA "")
set(NEWSGRAPH_GEN_DIR "${CMAKE_BINARY_DIR}/gen/data")
file(MAKE_DIRECTORY "${NEWSGRAPH_GEN_DIR}")

# newsgraph_generate(NAME SCRIPT INPUTS...) runs `python3 SCRIPT OUTPUT INPUTS...` at
# configure time when the output is missing or older than its inputs, so the file exists
# before the assembler embeds it.
function(newsgraph_generate name script)
  set(out "${NEWSGRAPH_GEN_DIR}/${name}")
  set(stale FALSE)
  if(NOT EXISTS "${out}")
    set(stale TRUE)
  else()
    foreach(dep "${CMAKE_SOURCE_DIR}/${script}" ${ARGN})
      if(EXISTS "${dep}" AND "${dep}" IS_NEWER_THAN "${out}")
        set(stale TRUE)
      endif()
    endforeach()
  endif()
  if(stale)
    get_filename_component(dir "${out}" DIRECTORY)
    file(MAKE_DIRECTORY "${dir}")
    execute_process(COMMAND ${Python3_EXECUTABLE} "${CMAKE_SOURCE_DIR}/${script}" "${out}" ${ARGN}
                    RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "generating ${name} with ${script} failed")
    endif()
  endif()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/${script}" ${ARGN})
  set(NEWSGRAPH_GENERATED_DATA ${NEWSGRAPH_GENERATED_DATA} "gen/${name}=${out}" PARENT_SCOPE)
endfunction()

# Generators are added here by each stage (entities: gazetteers; events: actor tables).
file(GLOB NEWSGRAPH_GENERATOR_LISTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/cmake/gen/*.cmake)
foreach(g ${NEWSGRAPH_GENERATOR_LISTS})
  include(${g})
endforeach()
