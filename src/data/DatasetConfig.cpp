// DatasetConfig: the dataset section of a config file.

#include "surrogate/data/DatasetConfig.h"

namespace surrogate::data {

void DatasetConfig::readSection(support::ConfigReader section) {
  section.read("chunk_blocks", chunkBlocks, std::uint32_t{1}, std::uint32_t{1} << 24);
  section.finish();
}

} // namespace surrogate::data
