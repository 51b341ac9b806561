// One libFuzzer target: SURROGATE_FUZZ_ENTRY names the entry point of FuzzEntries.h.
#include <cstdlib>

#include "FuzzEntries.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static const surrogate::fuzz::Entry entry = surrogate::fuzz::entryNamed(SURROGATE_FUZZ_ENTRY);
  if (!entry)
    std::abort();
  entry(data, size);
  return 0;
}
