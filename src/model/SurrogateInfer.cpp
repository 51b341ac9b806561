// surrogate::infer::Model: the surrogate_infer library's one class, over LeanPredictor on the caller's thread.
#include "surrogate/model/SurrogateInfer.h"

#include "surrogate/block/AsmReader.h"
#include "surrogate/model/LeanPredictor.h"

namespace surrogate::infer {

namespace {

// Runs `f`, turning the project's errors into the API's one type.
template <typename F> auto guarded(F f) -> decltype(f()) {
  try {
    return f();
  } catch (const Error &) {
    throw;
  } catch (const std::exception &e) {
    throw Error(e.what());
  }
}

} // namespace

struct Model::State {
  explicit State(const std::string &file) : predictor(file, 1, 1) {}
  model::LeanPredictor predictor;  ///< one thread, one block at a time
};

Model::Model(const std::string &modelFile) : S(guarded([&] { return std::make_unique<State>(modelFile); })) {}

Model::~Model() = default;
Model::Model(Model &&) noexcept = default;
Model &Model::operator=(Model &&) noexcept = default;

namespace {

double cyclesOf(model::LeanPredictor &predictor, const block::BasicBlock &b, const std::string &what) {
  model::PredictionOutcome outcome = predictor.predictOne(b);
  if (!outcome.cycles)
    throw Error(what + ": " + outcome.problem);
  return *outcome.cycles;
}

} // namespace

double Model::cyclesOfHex(const std::string &hex) {
  return guarded([&] {
    block::BasicBlock b;
    b.hex = hex;
    return cyclesOf(S->predictor, b, "block " + hex);
  });
}

double Model::cyclesOfBytes(const std::uint8_t *bytes, std::size_t size) {
  static const char *digits = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * size);
  for (std::size_t i = 0; i < size; ++i) {
    hex += digits[bytes[i] >> 4];
    hex += digits[bytes[i] & 15];
  }
  return cyclesOfHex(hex);
}

double Model::cyclesOfAssembly(const std::string &assembly) {
  return guarded([&] {
    block::AsmParseResult parsed = block::parseAssembly(assembly, "assembly", block::Syntax::ATT);
    if (!parsed.problems.empty())
      throw Error(parsed.problems.front().str());
    if (parsed.blocks.size() != 1)
      throw Error("assembly: one block expected, found " + std::to_string(parsed.blocks.size()));
    return cyclesOf(S->predictor, parsed.blocks.front(), "assembly");
  });
}

std::string Model::architecture() const { return model::architectureOf(S->predictor.model().config()); }

} // namespace surrogate::infer
