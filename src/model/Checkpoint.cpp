// saveCheckpoint and loadCheckpoint: a model (and optimizer) archive sealed with a size and checksum trailer.
#include "surrogate/model/Checkpoint.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "surrogate/data/BlockHash.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/Errors.h"

namespace surrogate::model {

namespace {

// LibTorch's zip reader may crash on a damaged file, so every checkpoint
// ends in a trailer (magic, byte count, FNV-1a of the bytes) that is
// checked before LibTorch sees them.
constexpr char kTrailerMagic[8] = {'S', 'G', 'C', 'K', 'P', 'T', '0', '1'};
constexpr std::size_t kTrailerBytes = 24;

void putLittleEndian(std::string &out, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

std::uint64_t getLittleEndian(const std::string &in, std::size_t at) {
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(in[at + i])) << (8 * i);
  return value;
}

// A file written before the trailer existed ends in the zip's end-of-central-
// directory record (no comment: 22 bytes from the end).
bool looksLikeBareZip(const std::string &bytes) {
  return bytes.size() >= 22 && bytes.compare(bytes.size() - 22, 4, "PK\x05\x06") == 0;
}

} // namespace

std::string sealCheckpointBytes(std::string archive) {
  std::uint64_t size = archive.size(), hash = data::fnv1a64(archive.data(), archive.size());
  archive.append(kTrailerMagic, sizeof kTrailerMagic);
  putLittleEndian(archive, size);
  putLittleEndian(archive, hash);
  return archive;
}

std::string unsealCheckpointBytes(const std::string &path, std::string bytes) {
  auto damaged = [&](const std::string &why) {
    return support::DataError(path, "damaged checkpoint: " + why + " (re-train, or copy the file again)");
  };
  if (bytes.size() >= kTrailerBytes &&
      bytes.compare(bytes.size() - kTrailerBytes, sizeof kTrailerMagic, kTrailerMagic, sizeof kTrailerMagic) == 0) {
    std::size_t at = bytes.size() - kTrailerBytes;
    if (getLittleEndian(bytes, at + 8) != at)
      throw damaged(fmt::format("{} bytes where its trailer says {}", at, getLittleEndian(bytes, at + 8)));
    if (getLittleEndian(bytes, at + 16) != data::fnv1a64(bytes.data(), at))
      throw damaged("checksum mismatch");
    bytes.resize(at);
    return bytes;
  }
  if (looksLikeBareZip(bytes))
    return bytes;  // an older checkpoint without a trailer: LibTorch checks what it can
  throw damaged(bytes.empty() ? "empty file" : "no checksum trailer (truncated?)");
}

void saveCheckpoint(const std::string &path, torch::nn::Module &model, torch::optim::Optimizer *optimizer,
                    const nlohmann::json &state) {
  torch::serialize::OutputArchive archive, modelArchive;
  model.save(modelArchive);
  archive.write("model", modelArchive);
  if (optimizer) {
    torch::serialize::OutputArchive optimizerArchive;
    optimizer->save(optimizerArchive);
    archive.write("optimizer", optimizerArchive);
  }
  archive.write("state", c10::IValue(state.dump()));
  std::ostringstream bytes;
  archive.save_to(bytes);
  support::writeFileAtomically(path, sealCheckpointBytes(std::move(bytes).str()));
}

nlohmann::json loadCheckpoint(const std::string &path, torch::nn::Module &model, torch::optim::Optimizer *optimizer) {
  if (!std::filesystem::exists(path))
    throw std::runtime_error(path + ": no such checkpoint");
  std::ifstream file(path, std::ios::binary);
  if (!file)
    throw support::DataError(path, std::string("cannot open: ") + std::strerror(errno));
  std::istringstream in(unsealCheckpointBytes(path, std::string(std::istreambuf_iterator<char>(file), {})));
  try {
    torch::serialize::InputArchive archive, modelArchive;
    archive.load_from(in);
    archive.read("model", modelArchive);
    model.load(modelArchive);
    if (optimizer) {
      torch::serialize::InputArchive optimizerArchive;
      archive.read("optimizer", optimizerArchive);
      optimizer->load(optimizerArchive);
    }
    c10::IValue state;
    archive.read("state", state);
    return nlohmann::json::parse(state.toStringRef());
  } catch (const c10::Error &e) {
    throw std::runtime_error(path + ": damaged or incompatible checkpoint: " + e.what_without_backtrace());
  } catch (const nlohmann::json::exception &e) {
    throw std::runtime_error(path + ": damaged checkpoint state: " + e.what());
  }
}

void copyMatching(torch::nn::Module &from, torch::nn::Module &to) {
  torch::NoGradGuard noGrad;
  auto copy = [](const torch::OrderedDict<std::string, torch::Tensor> &source,
                 torch::OrderedDict<std::string, torch::Tensor> target) {
    for (const auto &item : source) {
      torch::Tensor *t = target.find(item.key());
      if (!t || !t->sizes().equals(item.value().sizes()))
        throw std::runtime_error("copyMatching: the model has no tensor " + item.key() + " of the source's shape");
      t->copy_(item.value());
    }
  };
  copy(from.named_parameters(), to.named_parameters());
  copy(from.named_buffers(), to.named_buffers());
}

} // namespace surrogate::model
