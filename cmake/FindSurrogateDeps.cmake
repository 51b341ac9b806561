# Locates the Debian packages the project builds on and exposes them as
# surrogate::llvm, surrogate::torch and surrogate::nlopt interface targets.

find_program(LLVM_CONFIG_19 NAMES llvm-config-19 REQUIRED)
execute_process(COMMAND ${LLVM_CONFIG_19} --cmakedir
                OUTPUT_VARIABLE SURROGATE_LLVM_CMAKEDIR OUTPUT_STRIP_TRAILING_WHITESPACE)
# Plain "19" is refused by LLVM's version file, so ask for 19.1.
find_package(LLVM 19.1 REQUIRED CONFIG PATHS ${SURROGATE_LLVM_CMAKEDIR} NO_DEFAULT_PATH)
message(STATUS "LLVM ${LLVM_PACKAGE_VERSION} from ${SURROGATE_LLVM_CMAKEDIR}")
add_library(surrogate_llvm INTERFACE)
target_include_directories(surrogate_llvm SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS})
separate_arguments(_llvm_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
target_compile_definitions(surrogate_llvm INTERFACE ${_llvm_defs})
target_link_libraries(surrogate_llvm INTERFACE LLVM)
add_library(surrogate::llvm ALIAS surrogate_llvm)

find_program(LLVM_MCA_19 NAMES llvm-mca-19 PATHS ${LLVM_TOOLS_BINARY_DIR})
find_program(LLVM_MC_19 NAMES llvm-mc-19 PATHS ${LLVM_TOOLS_BINARY_DIR})
find_program(LLVM_TBLGEN_19 NAMES llvm-tblgen-19 PATHS ${LLVM_TOOLS_BINARY_DIR})

find_package(Torch REQUIRED)
add_library(surrogate_torch INTERFACE)
target_link_libraries(surrogate_torch INTERFACE ${TORCH_LIBRARIES})
target_compile_options(surrogate_torch INTERFACE ${TORCH_CXX_FLAGS})
add_library(surrogate::torch ALIAS surrogate_torch)

find_package(CLI11 REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(spdlog REQUIRED)
find_package(fmt REQUIRED)
find_package(Threads REQUIRED)
# Eigen (libeigen3-dev): the lean engine's matrix products (model/LeanModel.h).
find_package(Eigen3 3.3 REQUIRED NO_MODULE)

# NLopt (libnlopt-cxx-dev): derivative-free search, the optimize pattern's
# black-box baseline. The C API is enough, so link libnlopt.
find_package(PkgConfig REQUIRED)
pkg_check_modules(NLOPT REQUIRED IMPORTED_TARGET nlopt)
add_library(surrogate_nlopt INTERFACE)
target_link_libraries(surrogate_nlopt INTERFACE PkgConfig::NLOPT)
add_library(surrogate::nlopt ALIAS surrogate_nlopt)

# pagmo 2 (libpagmo-dev): the evolution strategies, differential evolution
# and swarm of optimize's ensemble baseline, and NLopt's local methods
# wrapped as pagmo algorithms.
find_package(Pagmo REQUIRED CONFIG)
