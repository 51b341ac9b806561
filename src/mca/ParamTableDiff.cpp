// diffTables: what changed between two tables, one line per field.

#include <set>

#include <fmt/format.h>
#include <llvm/ADT/STLExtras.h>
#include <llvm/ADT/StringExtras.h>

#include "surrogate/mca/ParamTable.h"

namespace surrogate::mca {

namespace {

std::string listText(const std::vector<unsigned> &v) {
  return "[" + llvm::join(llvm::map_range(v, [](unsigned x) { return std::to_string(x); }), ", ") + "]";
}

std::string resourceText(const std::vector<std::pair<std::string, unsigned>> &v) {
  std::vector<std::string> parts;
  for (const auto &[r, c] : v)
    parts.push_back(r + "=" + std::to_string(c));
  return "{" + llvm::join(parts, " ") + "}";
}

} // namespace

std::string diffTables(const ParamTable &a, const ParamTable &b) {
  std::string out;
  auto line = [&](const std::string &s) { out += s + "\n"; };
  if (a.cpu != b.cpu)
    line("cpu: " + a.cpu + " -> " + b.cpu);
  if (a.llvmVersion != b.llvmVersion)
    line("llvm_version: " + a.llvmVersion + " -> " + b.llvmVersion);
  if (a.dispatchWidth != b.dispatchWidth)
    line(fmt::format("globals.dispatch_width: {} -> {}", a.dispatchWidth, b.dispatchWidth));
  if (a.reorderBufferSize != b.reorderBufferSize)
    line(fmt::format("globals.reorder_buffer_size: {} -> {}", a.reorderBufferSize, b.reorderBufferSize));
  std::set<std::string> names;
  for (const auto &[n, p] : a.opcodes)
    names.insert(n);
  for (const auto &[n, p] : b.opcodes)
    names.insert(n);
  for (const std::string &n : names) {
    auto ia = a.opcodes.find(n), ib = b.opcodes.find(n);
    if (ia == a.opcodes.end()) {
      line("+ " + n + " (only in the second table)");
      continue;
    }
    if (ib == b.opcodes.end()) {
      line("- " + n + " (only in the first table)");
      continue;
    }
    const OpcodeParams &pa = ia->second, &pb = ib->second;
    if (pa.microOps != pb.microOps)
      line(fmt::format("{}.micro_ops: {} -> {}", n, pa.microOps, pb.microOps));
    if (pa.latencies != pb.latencies)
      line(n + ".latencies: " + listText(pa.latencies) + " -> " + listText(pb.latencies));
    if (pa.readAdvance != pb.readAdvance)
      line(n + ".read_advance: " + listText(pa.readAdvance) + " -> " + listText(pb.readAdvance));
    if (pa.resources != pb.resources)
      line(n + ".resources: " + resourceText(pa.resources) + " -> " + resourceText(pb.resources));
  }
  return out;
}

} // namespace surrogate::mca
