#include "FuzzEntries.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <variant>

#include <unistd.h>

#include <spdlog/spdlog.h>

#include "surrogate/block/AsmReader.h"
#include "surrogate/block/BlockReader.h"
#include "surrogate/block/Decoder.h"
#include "surrogate/block/Target.h"
#include "surrogate/block/Tokenizer.h"
#include "surrogate/data/ChunkFile.h"
#include "surrogate/data/Dataset.h"
#include "surrogate/mca/ParamTable.h"
#include "surrogate/mca/Simulator.h"
#include "surrogate/mca/TunedSubtarget.h"
#include "surrogate/support/Errors.h"
#ifndef SURROGATE_FUZZ_NO_MODEL
#include "surrogate/model/Checkpoint.h"
#include "surrogate/model/Ithemal.h"
#include "surrogate/model/RunDir.h"
#endif

namespace fs = std::filesystem;

namespace surrogate::fuzz {

namespace {

// A scratch directory of this process, for readers that take paths.
const fs::path &scratch() {
  static const fs::path dir = [] {
    spdlog::set_level(spdlog::level::off);  // skipped rows are logged; not what is fuzzed
    fs::path d = fs::temp_directory_path() / ("surrogate-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

std::string writeScratch(const std::string &name, const std::uint8_t *data, std::size_t size) {
  fs::path p = scratch() / name;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary).write(reinterpret_cast<const char *>(data), static_cast<std::streamsize>(size));
  return p.string();
}

// Runs `read`; an error is fine when its message names `file`.
template <class Read> void expectNamedErrors(const std::string &file, Read read) {
  try {
    read();
  } catch (const std::exception &e) {
    if (std::string(e.what()).find(file) == std::string::npos) {
      std::fprintf(stderr, "error that does not name %s: %s\n", file.c_str(), e.what());
      std::abort();
    }
  }
}

const llvm::MCSubtargetInfo &haswell() {
  static std::unique_ptr<llvm::MCSubtargetInfo> sti = block::X86Target::get().createSubtarget("haswell");
  return *sti;
}

void simulate(mca::Simulator &sim, llvm::ArrayRef<llvm::MCInst> insts) {
  llvm::Expected<mca::SimulationResult> r = sim.run(insts);
  if (!r)
    llvm::consumeError(r.takeError());  // llvm-mca refusing a block is an answer, not a fault
}

} // namespace

void bhiveCsv(const std::uint8_t *data, std::size_t size) {
  std::string path = writeScratch("input.csv", data, size);
  expectNamedErrors(path, [&] {
    static block::Decoder decoder;
    static mca::Simulator sim(haswell(), 10);
    block::BlockReader reader({path});
    block::BlockOrProblem item;
    for (int simulated = 0; reader.next(item);) {
      auto *b = std::get_if<block::BasicBlock>(&item);
      if (!b || simulated >= 4)
        continue;
      if (b->insts.empty() && !decoder.decode(b->hex, b->insts).ok())
        continue;
      decoder.print(b->insts, block::Syntax::Intel);
      simulate(sim, b->insts);
      ++simulated;
    }
  });
}

void assembly(const std::uint8_t *data, std::size_t size) {
  if (size == 0)
    return;
  block::Syntax syntax = data[0] & 1 ? block::Syntax::Intel : block::Syntax::ATT;
  std::string text(reinterpret_cast<const char *>(data) + 1, size - 1);
  expectNamedErrors("input.s", [&] { block::parseAssembly(text, "input.s", syntax); });
}

void paramTable(const std::uint8_t *data, std::size_t size) {
  nlohmann::json j = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded())
    return;  // the JSON parser itself is not what is fuzzed here
  expectNamedErrors("table.json", [&] {
    mca::ParamTable table = mca::ParamTable::fromJson(j, "table.json");
    std::unique_ptr<mca::TunedSubtarget> tuned = mca::TunedSubtarget::create(table, "table.json");
    static block::Decoder decoder;
    std::vector<llvm::MCInst> insts;
    decoder.decode("488b4424084c8d65704885c04889442418", insts);  // mov, lea, test, mov (BHive, ffmpeg)
    mca::Simulator sim(*tuned, 10);
    simulate(sim, insts);
  });
}

void datasetFiles(const std::uint8_t *data, std::size_t size) {
  if (size == 0)
    return;
  if (data[0] & 1) {
    std::string path = writeScratch("chunk.bin", data + 1, size - 1);
    expectNamedErrors(path, [&] { data::readChunk(path); });
    return;
  }
  std::string dir = (scratch() / "ds").string();
  std::string path = writeScratch("ds/manifest.json", data + 1, size - 1);
  expectNamedErrors(dir, [&] {
    data::Dataset ds = data::Dataset::open(dir);
    ds.exampleCount();
    ds.cpu();
    ds.mode();
    ds.iterations();
    ds.paramsTablePath(0);
    try {
      ds.verify();  // the chunks it names are absent: an error naming them
    } catch (const support::DataError &) {
    }
  });
}

void runFiles(const std::uint8_t *data, std::size_t size) {
  if (size == 0)
    return;
  switch (data[0] % 3) {
  case 0: {
    std::string path = writeScratch("vocab.txt", data + 1, size - 1);
    expectNamedErrors(path, [&] { block::Vocabulary::load(path); });
    return;
  }
#ifndef SURROGATE_FUZZ_NO_MODEL
  case 1: {
    std::string path = writeScratch("run/config.json", data + 1, size - 1);
    expectNamedErrors(path, [&] { model::RunDir((scratch() / "run").string()).modelConfig(); });
    return;
  }
  default: {
    std::string path = writeScratch("best.pt", data + 1, size - 1);
    static model::IthemalModel net = [] {
      model::ModelConfig c;
      c.vocabularySize = 196;  // the seed corpus's best.pt: a one-epoch run of 300 hsw.csv blocks
      c.embedding = 4;
      c.hidden = 4;
      return model::IthemalModel(c);
    }();
    expectNamedErrors(path, [&] { model::loadCheckpoint(path, *net, nullptr); });
    return;
  }
#else
  default:
    return;
#endif
  }
}

Entry entryNamed(const std::string &name) {
  if (name == "bhive_csv") return bhiveCsv;
  if (name == "assembly") return assembly;
  if (name == "param_table") return paramTable;
  if (name == "dataset_files") return datasetFiles;
  if (name == "run_files") return runFiles;
  return nullptr;
}

} // namespace surrogate::fuzz
