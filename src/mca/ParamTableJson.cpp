// ParamTable's file form: reading (every field checked, then validate())
// and writing JSON, one opcode per line.

#include <algorithm>
#include <limits>
#include <sstream>

#include <fmt/format.h>

#include "surrogate/block/Target.h"
#include "surrogate/mca/ParamTable.h"
#include "surrogate/mca/ResourceMap.h"
#include "surrogate/support/AtomicFile.h"
#include "surrogate/support/ConfigReader.h"

namespace surrogate::mca {

using nlohmann::json;

namespace {

constexpr const char *kFormatName = "surrogate-mca-params";

// Reads an unsigned integer, naming the field when it is not one.
unsigned readUnsigned(const json &j, const std::string &field) {
  if (j.is_number_unsigned() || (j.is_number_integer() && j.get<std::int64_t>() >= 0)) {
    if (j.get<std::uint64_t>() > std::numeric_limits<unsigned>::max())
      throw support::InputError(field + ": " + j.dump() + " is too large");
    return j.get<unsigned>();
  }
  if (j.is_number_integer())
    throw support::InputError(field + ": " + j.dump() + " is negative; it must be a whole number >= 0");
  if (j.is_number_float())
    throw support::InputError(field + ": " + j.dump() + " is not an integer; it must be a whole number >= 0");
  throw support::InputError(field + ": expected a whole number, found " + std::string(j.type_name()));
}

const json &member(const json &object, const char *key, const std::string &field) {
  auto it = object.find(key);
  if (it == object.end())
    throw support::InputError(field + ": missing field '" + key + "'");
  return *it;
}

void expectObject(const json &j, const std::string &field) {
  if (!j.is_object())
    throw support::InputError(field + ": expected an object, found " + std::string(j.type_name()));
}

std::vector<unsigned> readUnsignedList(const json &j, const std::string &field) {
  if (!j.is_array())
    throw support::InputError(field + ": expected a list of whole numbers, found " + std::string(j.type_name()));
  std::vector<unsigned> out;
  for (std::size_t i = 0; i < j.size(); ++i)
    out.push_back(readUnsigned(j[i], fmt::format("{}[{}]", field, i)));
  return out;
}

} // namespace

ParamTable ParamTable::fromJson(const json &j, const std::string &source) {
  const std::string at = source + ": ";
  try {
    expectObject(j, at + "(top level)");
    const json &format = member(j, "format", at + "(top level)");
    if (format != kFormatName)
      throw support::InputError(at + "format: expected \"" + kFormatName + "\", found " + format.dump());
    unsigned version = readUnsigned(member(j, "version", at + "(top level)"), at + "version");
    if (version != kFormatVersion)
      throw support::InputError(fmt::format("{}version: this build reads version {}, the file has {}", at, kFormatVersion,
                                   version));
    for (auto it = j.begin(); it != j.end(); ++it)
      if (it.key() != "format" && it.key() != "version" && it.key() != "llvm_version" && it.key() != "cpu" &&
          it.key() != "globals" && it.key() != "opcodes" && it.key() != "comment")
        throw support::InputError(at + it.key() + ": unknown field");

    ParamTable t;
    const json &llvmVersion = member(j, "llvm_version", at + "(top level)");
    if (!llvmVersion.is_string())
      throw support::InputError(at + "llvm_version: expected a string such as \"19.1.7\"");
    t.llvmVersion = llvmVersion.get<std::string>();
    const json &cpu = member(j, "cpu", at + "(top level)");
    if (!cpu.is_string())
      throw support::InputError(at + "cpu: expected a CPU name such as \"haswell\"");
    t.cpu = cpu.get<std::string>();

    const json &globals = member(j, "globals", at + "(top level)");
    expectObject(globals, at + "globals");
    for (auto it = globals.begin(); it != globals.end(); ++it)
      if (it.key() != "dispatch_width" && it.key() != "reorder_buffer_size")
        throw support::InputError(at + "globals." + it.key() + ": unknown field (dispatch_width, reorder_buffer_size)");
    t.dispatchWidth =
        readUnsigned(member(globals, "dispatch_width", at + "globals"), at + "globals.dispatch_width");
    t.reorderBufferSize =
        readUnsigned(member(globals, "reorder_buffer_size", at + "globals"), at + "globals.reorder_buffer_size");

    const json &opcodes = member(j, "opcodes", at + "(top level)");
    expectObject(opcodes, at + "opcodes");
    for (auto it = opcodes.begin(); it != opcodes.end(); ++it) {
      const std::string field = at + "opcodes." + it.key();
      const json &e = it.value();
      expectObject(e, field);
      OpcodeParams p;
      for (auto f = e.begin(); f != e.end(); ++f)
        if (f.key() != "micro_ops" && f.key() != "latencies" && f.key() != "read_advance" &&
            f.key() != "resources" && f.key() != "sched_class")
          throw support::InputError(field + "." + f.key() +
                           ": unknown field (micro_ops, latencies, read_advance, resources, sched_class)");
      p.microOps = readUnsigned(member(e, "micro_ops", field), field + ".micro_ops");
      p.latencies = readUnsignedList(member(e, "latencies", field), field + ".latencies");
      p.readAdvance = readUnsignedList(member(e, "read_advance", field), field + ".read_advance");
      const json &res = member(e, "resources", field);
      expectObject(res, field + ".resources");
      for (auto r = res.begin(); r != res.end(); ++r)
        p.resources.emplace_back(r.key(), readUnsigned(r.value(), field + ".resources." + r.key()));
      if (auto sc = e.find("sched_class"); sc != e.end() && sc->is_string())
        p.schedClass = sc->get<std::string>();
      t.opcodes.emplace(it.key(), std::move(p));
    }

    auto sti = block::X86Target::get().createSubtarget(t.cpu, at + "cpu: ");
    ResourceMap resources(sti->getSchedModel());
    t.resourceNames = resources.names();
    // Resources in the model's order, whatever order the file used.
    for (auto &[name, p] : t.opcodes)
      std::stable_sort(p.resources.begin(), p.resources.end(), [&](const auto &a, const auto &b) {
        return resources.index(a.first).value_or(~0u) < resources.index(b.first).value_or(~0u);
      });
    t.validate(*sti, source);
    return t;
  } catch (const json::exception &e) {
    throw support::InputError(at + e.what());
  }
}

ParamTable ParamTable::load(const std::string &path) { return fromJson(support::readJsonFile(path), path); }

json ParamTable::toJson() const {
  json ops = json::object();
  for (const auto &[name, p] : opcodes) {
    json res = json::object();
    for (const auto &[r, cycles] : p.resources)
      res[r] = cycles;
    json e = {{"micro_ops", p.microOps}, {"latencies", p.latencies}, {"read_advance", p.readAdvance},
              {"resources", res}};
    if (!p.schedClass.empty())
      e["sched_class"] = p.schedClass;
    ops[name] = e;
  }
  return json{{"format", kFormatName},
              {"version", kFormatVersion},
              {"llvm_version", llvmVersion},
              {"cpu", cpu},
              {"globals", {{"dispatch_width", dispatchWidth}, {"reorder_buffer_size", reorderBufferSize}}},
              {"opcodes", ops}};
}

void ParamTable::save(const std::string &path) const {
  // One opcode per line keeps large tables greppable and diffable.
  json j = toJson();
  std::ostringstream out;
  out << "{\n";
  bool first = true;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key() == "opcodes")
      continue;
    out << (first ? "" : ",\n") << "  " << json(it.key()).dump() << ": " << it.value().dump();
    first = false;
  }
  out << ",\n  \"opcodes\": {";
  bool firstOp = true;
  for (auto it = j["opcodes"].begin(); it != j["opcodes"].end(); ++it) {
    out << (firstOp ? "\n" : ",\n") << "    " << json(it.key()).dump() << ": " << it.value().dump();
    firstOp = false;
  }
  out << (firstOp ? "}\n}\n" : "\n  }\n}\n");
  support::writeFileAtomically(path, out.str());
}

} // namespace surrogate::mca
