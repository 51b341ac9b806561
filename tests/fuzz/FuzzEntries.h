#pragma once
// The fuzzed entry points, one per reader family. Each takes arbitrary bytes,
// runs them through the readers the CLI uses (and what they feed), and
// returns normally when the input is read or refused with an error that
// names the file; anything else (a crash, undefined behaviour, an error
// that does not name its file) aborts. libFuzzer targets (tests/fuzz/*.cpp,
// -DSURROGATE_FUZZ=ON) and the regression replay (tests/fuzz_regressions_test.cpp,
// the normal build) call the same functions.

#include <cstddef>
#include <cstdint>
#include <string>

namespace surrogate::fuzz {

/// BHive CSV rows: read, hex-decoded and simulated by llvm-mca (the first few blocks).
void bhiveCsv(const std::uint8_t *data, std::size_t size);
/// Assembly text through LLVM's parser; the first byte picks AT&T or Intel syntax.
void assembly(const std::uint8_t *data, std::size_t size);
/// A parameter table (JSON): loaded, validated, built into a TunedSubtarget and one block simulated under it.
void paramTable(const std::uint8_t *data, std::size_t size);
/// A dataset chunk or, by the first byte, a manifest, through the dataset readers.
void datasetFiles(const std::uint8_t *data, std::size_t size);
/// A vocabulary, a run config.json or, by the first byte, a checkpoint, through the run directory's loaders.
void runFiles(const std::uint8_t *data, std::size_t size);

/// The entry point called `name` (the regression folder names), or nullptr.
using Entry = void (*)(const std::uint8_t *, std::size_t);
Entry entryNamed(const std::string &name);

} // namespace surrogate::fuzz
