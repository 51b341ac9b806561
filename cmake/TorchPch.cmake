# One precompiled <torch/torch.h> for the files that include LibTorch. Its headers are about a third of such a
# file's compile; a file that does not include them skips the precompiled header, since loading it (over
# 500 MB) costs a light file more than that file's whole compile. Which files include LibTorch is read from
# their #include lines: <torch/...> directly, or a header of the project's that does, at any depth.
option(SURROGATE_PCH "precompile LibTorch's headers for the files that include them" ON)

# The project's headers under include/ that include LibTorch, as an #include line names them
# ("surrogate/model/Ithemal.h").
function(surrogate_find_torch_headers out)
  file(GLOB_RECURSE headers RELATIVE ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/include/*.h)
  set(torch_headers)
  set(changed ON)
  while(changed)  # a fixpoint: a header that includes a newly found one is found in the next pass
    set(changed OFF)
    foreach(name ${headers})
      if(NOT name IN_LIST torch_headers)
        surrogate_includes_torch(${PROJECT_SOURCE_DIR}/include/${name} "${torch_headers}" uses)
        if(uses)
          list(APPEND torch_headers ${name})
          set(changed ON)
        endif()
      endif()
    endforeach()
  endwhile()
  set(${out} ${torch_headers} PARENT_SCOPE)
endfunction()

# Whether `file` includes <torch/...> or one of `torch_headers`.
function(surrogate_includes_torch file torch_headers out)
  file(STRINGS ${file} lines REGEX "^#include [<\"]")
  foreach(line ${lines})
    string(REGEX REPLACE "^#include [<\"]([^>\"]+)[>\"].*" "\\1" inc "${line}")
    if(inc MATCHES "^torch/" OR inc IN_LIST torch_headers)
      set(${out} ON PARENT_SCOPE)
      return()
    endif()
  endforeach()
  set(${out} OFF PARENT_SCOPE)
endfunction()

# Gives `target`'s files that include LibTorch the precompiled header: built for the first target named,
# reused by the others (the same compile options), skipped by every other file.
function(surrogate_torch_pch first)
  if(NOT SURROGATE_PCH)
    return()
  endif()
  surrogate_find_torch_headers(torch_headers)
  foreach(target ${first} ${ARGN})
    if(target STREQUAL first)
      target_precompile_headers(${target} PRIVATE <torch/torch.h>)
    else()
      target_precompile_headers(${target} REUSE_FROM ${first})
    endif()
    get_target_property(sources ${target} SOURCES)
    set(using 0)
    foreach(src ${sources})
      if(src MATCHES "^\\$<")  # object files of other targets
        continue()
      endif()
      surrogate_includes_torch(${src} "${torch_headers}" uses)
      if(uses)
        math(EXPR using "${using} + 1")
      else()
        set_source_files_properties(${src} TARGET_DIRECTORY ${target} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
      endif()
    endforeach()
    message(STATUS "${target}: ${using} file(s) use the precompiled LibTorch header")
  endforeach()
endfunction()
