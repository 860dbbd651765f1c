# Shared compile settings and helpers for every target of the project.

add_library(salesops_warnings INTERFACE)
if(MSVC)
  target_compile_options(salesops_warnings INTERFACE /W4 /WX /utf-8)
else()
  target_compile_options(salesops_warnings INTERFACE -Wall -Wextra -Werror -Wno-missing-field-initializers)
  # GCC 12 at -O3 reports -Wrestrict inside libstdc++'s own std::string concatenation (a known false
  # positive of that release), which would fail every Release build under -Werror.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(salesops_warnings INTERFACE -Wno-restrict)
  endif()
endif()
if(SALESOPS_SANITIZE AND NOT MSVC)
  target_compile_options(salesops_warnings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                     -fno-sanitize-recover=undefined)
  target_link_options(salesops_warnings INTERFACE -fsanitize=address,undefined)
endif()

# One static library per source folder; sources are the folder's .cpp files.
function(salesops_library name)
  cmake_parse_arguments(ARG "" "" "DEPS;PUBLIC_DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  add_library(${name} STATIC ${sources})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name} PUBLIC salesops_warnings ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_DEPS})
endfunction()

# One test executable per test folder, every *_test.cpp in it, registered with a ctest label.
function(salesops_test_folder name label)
  cmake_parse_arguments(ARG "OWN_MAIN" "" "DEPS;EXTRA_SOURCES" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cpp)
  add_executable(${name} ${sources} ${ARG_EXTRA_SOURCES})
  target_link_libraries(${name} PRIVATE salesops_warnings salesops_test_support ${ARG_DEPS} GTest::gtest)
  if(NOT ARG_OWN_MAIN)
    target_link_libraries(${name} PRIVATE GTest::gtest_main)
  endif()
  # Tests run from the repository root (so ../shared/datasets resolves), offscreen, logging into the build.
  gtest_discover_tests(${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} DISCOVERY_TIMEOUT 60
                       PROPERTIES LABELS ${label}
                       ENVIRONMENT "QT_QPA_PLATFORM=offscreen;SALESOPS_DATA_DIR=${CMAKE_BINARY_DIR}/test-data")
endfunction()
