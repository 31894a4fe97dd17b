# cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... -DCXX=... -P install_test.cmake
cmake_minimum_required(VERSION 3.22)

function(run_checked description)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${description} failed (${result}):\n${out}\n${err}")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

function(expect_output description output)
  foreach(expected ${ARGN})
    string(FIND "${output}" "${expected}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${description}: expected \"${expected}\" in:\n${output}")
    endif()
  endforeach()
endfunction()

set(prefix ${WORK_DIR}/prefix)
file(REMOVE_RECURSE ${WORK_DIR})
run_checked("cmake --install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})

# The public headers stand alone: no RocksDB, ICU or ANTLR type in them.
file(GLOB headers ${prefix}/include/kg/*.h)
foreach(header ${headers})
  file(STRINGS ${header} leaks REGEX "#include <(rocksdb|unicode|antlr4)")
  if(leaks)
    message(FATAL_ERROR "${header} includes a third-party header: ${leaks}")
  endif()
endforeach()

set(expected_lines "added 2 claims" "Acme plans_capex ≈ CNY 160bn @2026 (1 mention)"
    "Acme headquartered_in Springfield (1 mention)")

# An outside CMake project with find_package(kgstore).
run_checked("configuring the example" ${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/embed -B ${WORK_DIR}/embed-build
            -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release)
run_checked("building the example" ${CMAKE_COMMAND} --build ${WORK_DIR}/embed-build)
run_checked("running the example" ${WORK_DIR}/embed-build/embed)
expect_output("the CMake-built example" "${run_output}" ${expected_lines})

# pkg-config, and a build with nothing but its flags.
file(GLOB_RECURSE pc_files ${prefix}/*/kgstore.pc)
list(GET pc_files 0 pc_file)
get_filename_component(pc_dir ${pc_file} DIRECTORY)
set(ENV{PKG_CONFIG_PATH} ${pc_dir})
run_checked("pkg-config" pkg-config --cflags --libs kgstore)
string(STRIP "${run_output}" flags)
expect_output("pkg-config" "${flags}" "-lkgstore")
separate_arguments(flag_list UNIX_COMMAND "${flags}")
# The flags point into the prefix the build was installed to.
foreach(flag ${flag_list})
  if(flag MATCHES "^-I(.*)")
    set(include_dir ${CMAKE_MATCH_1})
  elseif(flag MATCHES "^-L(.*)")
    set(lib_dir ${CMAKE_MATCH_1})
  endif()
endforeach()
if(NOT EXISTS "${include_dir}/kg/store.h" OR NOT EXISTS "${lib_dir}/libkgstore.so")
  message(FATAL_ERROR "pkg-config flags do not point into ${prefix}: ${flags}")
endif()
run_checked("building the example with pkg-config flags"
            ${CXX} ${SOURCE_DIR}/examples/embed.cpp ${flag_list} -o ${WORK_DIR}/embed-pc)
set(ENV{LD_LIBRARY_PATH} ${lib_dir})
run_checked("running the pkg-config example" ${WORK_DIR}/embed-pc)
expect_output("the pkg-config-built example" "${run_output}" ${expected_lines})
message(STATUS "install test passed")
