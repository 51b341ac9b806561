// sha256File: the digest of an input file for a dataset's manifest.

#include "surrogate/data/FileDigest.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/Support/SHA256.h>

#include "surrogate/block/BasicBlock.h"
#include "surrogate/support/Errors.h"

namespace surrogate::data {

std::string sha256File(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw support::InputError(path + ": cannot open: " + std::strerror(errno));
  llvm::SHA256 hash;
  std::vector<char> buffer(1 << 20);
  while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0)
    hash.update(llvm::ArrayRef<std::uint8_t>(reinterpret_cast<const std::uint8_t *>(buffer.data()),
                                             static_cast<std::size_t>(in.gcount())));
  if (in.bad())
    throw support::InputError(path + ": read error");
  std::array<std::uint8_t, 32> digest = hash.final();
  return block::toHex(digest.data(), digest.size());
}

} // namespace surrogate::data
