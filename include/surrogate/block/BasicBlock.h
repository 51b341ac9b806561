#pragma once
// A basic block as the toolkit passes it around: its machine code, where it
// came from, its measured throughput when the input had one, and (once
// decoded) its instructions.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <llvm/MC/MCInst.h>

namespace surrogate::block {

/// File and 1-based line a block (or a problem with it) came from.
struct SourceLocation {
  std::string file;
  std::size_t line = 0;
  std::string str() const { return file + ":" + std::to_string(line); }
};

struct BasicBlock {
  std::string hex;                  ///< machine code, lower-case hex
  std::optional<double> measured;   ///< cycles per 100 iterations, when known
  SourceLocation where;
  std::vector<llvm::MCInst> insts;  ///< empty until decoded
  /// The llvm-mca code region (assembly with LLVM-MCA-BEGIN/END markers) the
  /// block is: its name, or its index when anonymous. Empty for other inputs.
  std::string region;
};

/// A row or block that could not be used, and why.
struct Problem {
  SourceLocation where;
  std::string reason;
  std::string str() const { return where.str() + ": " + reason; }
};

/// Whether a block's hex parsed or decoded, and if not, why.
struct DecodeResult {
  std::string error;  ///< empty on success
  bool ok() const { return error.empty(); }
  static DecodeResult success() { return {}; }
  static DecodeResult failure(std::string why) { return {std::move(why)}; }
};

/// Hex text to bytes; the error says what is wrong (odd length, bad digit).
DecodeResult parseHex(const std::string &hex, std::vector<std::uint8_t> &bytes);

/// Bytes to lower-case hex.
std::string toHex(const std::uint8_t *data, std::size_t size);

} // namespace surrogate::block
