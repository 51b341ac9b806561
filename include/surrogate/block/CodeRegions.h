#pragma once
// Code regions as llvm-mca 19 reads them from assembly comments:
//
//   # LLVM-MCA-BEGIN name      (the name is optional)
//     ...instructions...
//   # LLVM-MCA-END name        (the name may be left out when one region is open)
//
// Regions may nest and overlap (two open regions may not share a name); one
// left open runs to the end of the input; text outside every region is ignored
// once a region exists. Without markers the whole input is one (default)
// region. An instruction belongs to every region whose marker range holds it.
// Mistakes are collected with their line, worded as llvm-mca words them.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <llvm/ADT/StringRef.h>
#include <llvm/MC/MCInst.h>
#include <llvm/MC/MCParser/MCAsmLexer.h>
#include <llvm/Support/SMLoc.h>
#include <llvm/Support/SourceMgr.h>

namespace surrogate::block {

struct CodeRegion {
  std::string name;             ///< empty: anonymous
  const char *start = nullptr;  ///< marker positions in the parsed buffer; null: unbounded
  const char *end = nullptr;
  std::size_t line = 0;         ///< line of the BEGIN marker; 0 for the default region
  std::vector<llvm::MCInst> insts;

  /// False only for the default region nobody marked (llvm-mca prints no header for it).
  bool marked() const { return start != nullptr || end != nullptr; }
};

/// A marker mistake: the line and llvm-mca's error text with its note.
struct RegionError {
  std::size_t line = 0;
  std::string message;
};

class CodeRegions {
public:
  explicit CodeRegions(const llvm::SourceMgr &sourceMgr);

  void begin(llvm::StringRef name, llvm::SMLoc where);
  void end(llvm::StringRef name, llvm::SMLoc where);
  /// Adds the instruction to every region whose range holds its location.
  void add(const llvm::MCInst &inst);

  const std::vector<CodeRegion> &regions() const { return Regions; }
  const std::vector<RegionError> &errors() const { return Errors; }

private:
  std::size_t lineOf(llvm::SMLoc where) const;
  bool onlyUntouchedDefault() const;
  void error(llvm::SMLoc where, std::string message);

  const llvm::SourceMgr &SourceMgr;
  std::vector<CodeRegion> Regions;
  std::map<std::string, std::size_t> Open;  // name -> index in Regions
  std::vector<RegionError> Errors;
};

/// Feeds `LLVM-MCA-BEGIN` / `LLVM-MCA-END` comments from LLVM's assembly
/// lexer to a CodeRegions; every other comment is ignored.
class RegionMarkerConsumer : public llvm::AsmCommentConsumer {
public:
  explicit RegionMarkerConsumer(CodeRegions &regions) : Regions(regions) {}
  void HandleComment(llvm::SMLoc where, llvm::StringRef text) override;

private:
  CodeRegions &Regions;
};

/// Whether `path` names an assembly file (.s, .S, .asm), read as assembly
/// with its code regions rather than as BHive CSV.
bool isAssemblyFile(const std::string &path);

/// Whether any assembly file among `paths` mentions a region marker, so a
/// writer knows before the first block whether to add a `region` column.
bool inputsHaveRegionMarkers(const std::vector<std::string> &paths);

} // namespace surrogate::block
