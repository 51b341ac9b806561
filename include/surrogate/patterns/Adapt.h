#pragma once
// Surrogate adaptation (`surrogate adapt`): a compiled surrogate of llvm-mca
// is fine-tuned on measured timings so it predicts the real CPU better than
// llvm-mca does. The report's learning curve holds, for each fraction of the
// measured training split, the test error against measured timings of
// (a) the adapted surrogate, (b) the same network trained from scratch on
// the same examples, and (c) llvm-mca. The run directory's model (the one
// adapted on the largest fraction) is what `predict --model RUN` loads.
//
//   RUN/pattern.json              resolved settings (with "from")
//   RUN/measured.csv              hex,measured: the measured rows used
//   RUN/curve/{adapted,scratch}-F/  one training run per fraction F
//   RUN/config.json vocab.txt best.pt  the adapted model (largest fraction)
//   RUN/adapt_report.{json,md}, RUN/figures/*.png

#include <string>

#include <nlohmann/json.hpp>

#include "surrogate/patterns/PatternConfig.h"

namespace surrogate::patterns {

struct AdaptJob : PatternJob {
  std::string fromRun;  ///< a compile run directory (or any model run directory)
};

nlohmann::json runAdapt(const AdaptJob &job);

} // namespace surrogate::patterns
