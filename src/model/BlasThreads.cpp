// setBlasThreads: OpenBLAS's thread count set through dlsym, when OpenBLAS is the BLAS loaded.
#include "surrogate/model/BlasThreads.h"

#include <dlfcn.h>

namespace surrogate::model {

bool setBlasThreads(int threads) {
  // Looked up at run time: which BLAS libblas.so.3 resolves to is the
  // system's choice (Debian alternatives), not a link-time dependency.
  using SetThreads = void (*)(int);
  auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
  if (!set)
    return false;
  set(threads);
  return true;
}

} // namespace surrogate::model
