#pragma once
// Seeded synthetic x86-64 basic blocks, in AT&T assembly, of the shapes a
// user's micro-benchmark has and BHive's blocks rarely do: a dependency
// chain through one register, independent streams, a load/store mix, and
// random mixes of the three. Instructions come from a fixed list of
// templates (integer, SSE and AVX arithmetic, moves, loads, stores,
// read-modify-write) with register, memory and immediate operands that
// LLVM's X86 assembler and Haswell's scheduling model know. The same seed
// gives the same blocks.

#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace surrogate::block {

struct SyntheticBlock {
  std::string kind;                ///< chain | streams | memory | mixed
  std::vector<std::string> lines;  ///< one instruction each, AT&T syntax
};

struct SyntheticOptions {
  std::uint64_t seed = 1;
  unsigned minInstructions = 1, maxInstructions = 12;
};

class SyntheticBlockGenerator {
public:
  explicit SyntheticBlockGenerator(SyntheticOptions options);

  /// The next block: kinds in turn (chain, streams, memory, mixed), so any
  /// count holds all of them in even shares.
  SyntheticBlock next();

  static const std::vector<std::string> &kinds();

private:
  SyntheticBlock chain(unsigned length);
  SyntheticBlock streams(unsigned length);
  SyntheticBlock memory(unsigned length);
  SyntheticBlock mixed(unsigned length);

  SyntheticOptions Options;
  std::mt19937_64 Rng;
  std::uint64_t Count = 0;
};

/// The blocks as one assembly file `dataset` and `simulate` read: each
/// block after a `# synthetic N: KIND` comment, blocks split by `# ---`.
std::string syntheticAssembly(const std::vector<SyntheticBlock> &blocks);

/// `surrogate synth`: `count` blocks into `path` (empty or "-": stdout), as
/// assembly or, for a `.csv` path, `hex,kind` rows. Every block is assembled
/// first; one that does not assemble is an error naming it (a template bug).
/// Returns the number of blocks of each kind.
std::vector<std::pair<std::string, std::size_t>> writeSyntheticBlocks(const SyntheticOptions &options, std::size_t count,
                                                                      const std::string &path);

} // namespace surrogate::block
