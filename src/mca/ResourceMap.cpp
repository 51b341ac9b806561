// ResourceMap: resource masks by name, and a port map converted between the expanded and explicit forms.
#include "surrogate/mca/ResourceMap.h"

#include <algorithm>
#include <stdexcept>

#include <llvm/ADT/bit.h>
#include <llvm/MCA/Support.h>
#include "surrogate/support/Errors.h"

namespace surrogate::mca {

ResourceMap::ResourceMap(const llvm::MCSchedModel &model) : Masks(model.getNumProcResourceKinds()) {
  llvm::mca::computeProcResourceMasks(model, Masks);
  for (unsigned i = 1; i < model.getNumProcResourceKinds(); ++i)
    Names.emplace_back(model.getProcResource(i)->Name);
}

std::optional<unsigned> ResourceMap::index(const std::string &name) const {
  auto it = std::find(Names.begin(), Names.end(), name);
  if (it == Names.end())
    return std::nullopt;
  return static_cast<unsigned>(it - Names.begin()) + 1;
}

bool ResourceMap::isGroup(unsigned index) const { return llvm::popcount(Masks.at(index)) > 1; }

// The order in which llvm-mca's InstrBuilder subtracts members from groups:
// by mask population, then by mask.
std::vector<unsigned> ResourceMap::processingOrder(const Cycles &cycles) const {
  std::vector<unsigned> order(cycles.size());
  for (unsigned i = 0; i < order.size(); ++i)
    order[i] = i;
  auto maskOf = [&](unsigned i) {
    auto idx = index(cycles[i].first);
    if (!idx)
      throw support::InputError("unknown processor resource '" + cycles[i].first + "'");
    return Masks[*idx];
  };
  std::sort(order.begin(), order.end(), [&](unsigned a, unsigned b) {
    uint64_t ma = maskOf(a), mb = maskOf(b);
    int pa = llvm::popcount(ma), pb = llvm::popcount(mb);
    return pa != pb ? pa < pb : ma < mb;
  });
  return order;
}

namespace {
uint64_t normalized(uint64_t mask) {
  return llvm::popcount(mask) > 1 ? mask ^ llvm::bit_floor(mask) : mask;
}
} // namespace

ResourceMap::Cycles ResourceMap::toExplicit(const Cycles &expanded) const {
  std::vector<unsigned> order = processingOrder(expanded);
  Cycles out;
  std::vector<uint64_t> masks;
  for (unsigned i : order) {
    uint64_t mask = Masks[*index(expanded[i].first)];
    long cycles = expanded[i].second;
    for (std::size_t j = 0; j < out.size(); ++j)
      if ((normalized(masks[j]) & mask) == normalized(masks[j]) && out[j].second > 0)
        cycles -= out[j].second;
    out.emplace_back(expanded[i].first, cycles);
    masks.push_back(mask);
  }
  return out;
}

ResourceMap::Cycles ResourceMap::toExpanded(const Cycles &explicitCycles) const {
  std::vector<unsigned> order = processingOrder(explicitCycles);
  Cycles out;
  std::vector<uint64_t> masks;
  std::vector<long> explicitOf;
  for (unsigned i : order) {
    uint64_t mask = Masks[*index(explicitCycles[i].first)];
    long cycles = explicitCycles[i].second;
    for (std::size_t j = 0; j < out.size(); ++j)
      if ((normalized(masks[j]) & mask) == normalized(masks[j]) && explicitOf[j] > 0)
        cycles += explicitOf[j];
    out.emplace_back(explicitCycles[i].first, cycles);
    masks.push_back(mask);
    explicitOf.push_back(explicitCycles[i].second);
  }
  return out;
}

} // namespace surrogate::mca
