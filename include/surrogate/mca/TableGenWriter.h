#pragma once
// Writes a parameter table back as LLVM TableGen scheduling definitions: for
// each opcode whose values differ from LLVM's (or every opcode), one
// SchedWriteRes per register write and an InstRW binding them (and its
// read advances) to the opcode, inside `let SchedModel = <model> in`. The
// globals go in a comment block naming the SchedMachineModel fields to set,
// since TableGen cannot re-open the model's existing record.

#include <optional>
#include <string>

#include "surrogate/mca/ParamTable.h"

namespace surrogate::mca {

struct TableGenOptions {
  std::string modelName;       ///< empty: the known name for the table's CPU
  bool allOpcodes = false;     ///< also opcodes equal to LLVM's values
  std::string source;          ///< named in the header comment
};

/// The TableGen record name of a CPU's scheduling model (haswell ->
/// HaswellModel), if known.
std::optional<std::string> schedModelNameFor(const std::string &cpu);
/// `given` if not empty, else the known name; support::InputError when there is none.
std::string schedModelName(const std::string &cpu, const std::string &given);

/// The .td text; throws support::InputError when the model name is unknown.
std::string writeTableGen(const ParamTable &table, const TableGenOptions &options);

} // namespace surrogate::mca
