# Every dependency is a Debian 12 package; tools/install-deps.sh installs them.
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(BDWGC REQUIRED IMPORTED_TARGET bdw-gc)
find_package(Boost 1.74 REQUIRED COMPONENTS context)
find_package(GTest REQUIRED)

if(NOT MGO_RUNTIME_ONLY)
  # Debian's LLVMConfigVersion.cmake refuses "19" (it wants "19.1"), so ask
  # without a version and check the major number ourselves.
  find_package(LLVM REQUIRED CONFIG PATHS /usr/lib/llvm-19/lib/cmake/llvm NO_DEFAULT_PATH)
  if(NOT LLVM_VERSION_MAJOR EQUAL 19)
    message(FATAL_ERROR "mgoc needs LLVM 19, found ${LLVM_PACKAGE_VERSION}")
  endif()
  message(STATUS "LLVM ${LLVM_PACKAGE_VERSION} in ${LLVM_TOOLS_BINARY_DIR}")
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  # Every lit test and Go test program is one interpreter start-up. A version
  # manager's shim (pyenv's is a shell script running `pyenv exec`) adds
  # ~0.35 s to each, a quarter of the suite's time: run the interpreter the
  # shim would, as it names itself.
  execute_process(COMMAND ${Python3_EXECUTABLE} -c "import sys; print(sys.executable)"
                  OUTPUT_VARIABLE MGO_PYTHON_REAL OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(EXISTS "${MGO_PYTHON_REAL}")
    set(Python3_EXECUTABLE "${MGO_PYTHON_REAL}")
  endif()
endif()
find_package(benchmark QUIET)
