#pragma once
// surrogate_infer: a trained surrogate inside another program, without
// LibTorch. A Model loads a model file (`surrogate export`, or a run's
// model.smodel; docs/model-file.md) and predicts one basic block's
// throughput, in cycles per 100 iterations of the block, from its machine
// code or its assembly, on the calling thread. The library is installed by
// `cmake --install build --component infer` (headers, libsurrogate_infer.so,
// and a CMake package: find_package(surrogate_infer), target
// surrogate::infer); examples/infer is a program that uses it. This header
// is the whole API and needs nothing else of the project.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

namespace surrogate::infer {

/// Every error: a model file that is missing, damaged or of an architecture
/// the engine cannot run, or a block that does not decode or assemble.
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Model {
public:
  /// Loads and checks `modelFile`; throws Error naming the file.
  explicit Model(const std::string &modelFile);
  ~Model();
  Model(Model &&) noexcept;
  Model &operator=(Model &&) noexcept;

  /// A block's x86-64 machine code.
  double cyclesOfBytes(const std::uint8_t *bytes, std::size_t size);
  /// The same as hexadecimal text, as BHive writes blocks ("4801d8...").
  double cyclesOfHex(const std::string &hex);
  /// AT&T assembly, one instruction per line (or separated by ';').
  double cyclesOfAssembly(const std::string &assembly);

  /// "lstm", "lstm+bounds" or "bounds".
  std::string architecture() const;

private:
  struct State;
  std::unique_ptr<State> S;
};

} // namespace surrogate::infer
