// CodeRegions: llvm-mca's LLVM-MCA-BEGIN/END markers tracked over parsed instructions, mistakes with their line.
#include "surrogate/block/CodeRegions.h"

#include <fstream>
#include <sstream>


namespace surrogate::block {

CodeRegions::CodeRegions(const llvm::SourceMgr &sourceMgr) : SourceMgr(sourceMgr) {
  Regions.emplace_back();  // the default region: everything, until a marker says otherwise
}

std::size_t CodeRegions::lineOf(llvm::SMLoc where) const {
  return SourceMgr.getLineAndColumn(where).first;
}

bool CodeRegions::onlyUntouchedDefault() const {
  return Regions.size() == 1 && !Regions[0].marked();
}

void CodeRegions::error(llvm::SMLoc where, std::string message) {
  Errors.push_back({lineOf(where), std::move(message)});
}

void CodeRegions::begin(llvm::StringRef name, llvm::SMLoc where) {
  CodeRegion region;
  region.name = name.str();
  region.start = where.getPointer();
  region.line = lineOf(where);
  if (Open.empty() && onlyUntouchedDefault()) {
    // The first marker replaces the default region and what it had collected.
    Regions[0] = std::move(region);
    Open[Regions[0].name] = 0;
    return;
  }
  auto open = Open.find(region.name);
  if (open != Open.end()) {
    std::string previous = " (line " + std::to_string(Regions[open->second].line) + ")";
    if (region.name.empty())
      error(where, "found multiple overlapping anonymous regions; note: previous anonymous region was defined here" +
                       previous);
    else
      error(where, "overlapping regions cannot have the same name; note: region " + region.name +
                       " was previously defined here" + previous);
    return;
  }
  Open[region.name] = Regions.size();
  Regions.push_back(std::move(region));
}

void CodeRegions::end(llvm::StringRef name, llvm::SMLoc where) {
  if (name.empty()) {
    if (Open.size() == 1) {  // a bare END closes the only open region
      Regions[Open.begin()->second].end = where.getPointer();
      Open.clear();
      return;
    }
    if (Open.empty() && onlyUntouchedDefault()) {  // a bare END ends the default region
      Regions[0].end = where.getPointer();
      return;
    }
  }
  auto open = Open.find(name.str());
  if (open != Open.end()) {
    Regions[open->second].end = where.getPointer();
    Open.erase(open);
    return;
  }
  error(where, "found an invalid region end directive; note: " +
                   (name.empty() ? std::string("unable to find an active anonymous region")
                                 : "unable to find an active region named " + name.str()));
}

void CodeRegions::add(const llvm::MCInst &inst) {
  const char *at = inst.getLoc().getPointer();
  for (CodeRegion &region : Regions) {
    bool afterEnd = region.end && at > region.end;
    bool beforeStart = region.start && at < region.start;
    if (!afterEnd && !beforeStart)
      region.insts.push_back(inst);
  }
}

void RegionMarkerConsumer::HandleComment(llvm::SMLoc where, llvm::StringRef text) {
  llvm::StringRef comment = text.ltrim(" \t");
  bool isEnd = comment.consume_front("LLVM-MCA-END");
  if (!isEnd && !comment.consume_front("LLVM-MCA-BEGIN"))
    return;
  comment = comment.ltrim(" \t");  // the rest of the comment is the region's name
  if (isEnd)
    Regions.end(comment, where);
  else
    Regions.begin(comment, where);
}

bool isAssemblyFile(const std::string &path) {
  llvm::StringRef p(path);
  return p.ends_with(".s") || p.ends_with(".S") || p.ends_with(".asm");
}

bool inputsHaveRegionMarkers(const std::vector<std::string> &paths) {
  for (const std::string &path : paths) {
    if (!isAssemblyFile(path))
      continue;
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    if (s.find("LLVM-MCA-BEGIN") != std::string::npos || s.find("LLVM-MCA-END") != std::string::npos)
      return true;
  }
  return false;
}

} // namespace surrogate::block
