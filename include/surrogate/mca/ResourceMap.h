#pragma once
// The processor resources of one scheduling model by name, with llvm-mca's
// resource masks, and the conversion between the two ways a port map is
// written: LLVM's tables store a group's cycles including those of the ports
// and smaller groups inside it ("expanded", what TableGen emits), while a
// TableGen SchedWriteRes lists only the extra cycles of each ("explicit").
// llvm-mca recovers the explicit form by subtracting, so a table whose group
// holds fewer cycles than its members is rejected rather than simulated.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <llvm/MC/MCSchedule.h>

namespace surrogate::mca {

class ResourceMap {
public:
  explicit ResourceMap(const llvm::MCSchedModel &model);

  /// Resource names in LLVM's index order (index 1 first).
  const std::vector<std::string> &names() const { return Names; }
  /// LLVM's resource index (1-based) of `name`.
  std::optional<unsigned> index(const std::string &name) const;
  const std::string &name(unsigned index) const { return Names.at(index - 1); }
  bool isGroup(unsigned index) const;

  using Cycles = std::vector<std::pair<std::string, long>>;
  /// Expanded (table) cycles to explicit ones, in llvm-mca's processing
  /// order (ports, then smaller groups, then larger ones). A negative value
  /// marks a group with fewer cycles than its members.
  Cycles toExplicit(const Cycles &expanded) const;
  /// The inverse: adds each member's explicit cycles to the groups holding it.
  Cycles toExpanded(const Cycles &explicitCycles) const;

private:
  std::vector<unsigned> processingOrder(const Cycles &cycles) const;
  std::vector<std::string> Names;
  std::vector<uint64_t> Masks;  // index 0 unused, as in LLVM
};

} // namespace surrogate::mca
