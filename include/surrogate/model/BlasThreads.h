#pragma once
// The BLAS behind LibTorch here (OpenBLAS, pthreads build) keeps its own
// thread pool, sized to the cores and not governed by
// torch::set_num_threads; its threads spin while they wait. Our models
// parallelise by replicas, so each BLAS call should stay on its caller's
// thread.

namespace surrogate::model {

/// Sets OpenBLAS's thread count when OpenBLAS is the loaded BLAS; returns
/// false when it is not (nothing to do).
bool setBlasThreads(int threads);

} // namespace surrogate::model
