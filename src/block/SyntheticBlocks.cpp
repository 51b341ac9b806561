// SyntheticBlockGenerator: the instruction templates and the seeded chain, streams, memory and mixed blocks.
#include "surrogate/block/SyntheticBlocks.h"

#include "surrogate/block/AsmReader.h"
#include "surrogate/support/AtomicFile.h"

#include <algorithm>
#include <array>
#include <stdexcept>

#include <fmt/format.h>

namespace surrogate::block {

namespace {

enum class RegClass { Gpr64, Gpr32, Xmm, Ymm };
constexpr std::array<RegClass, 4> kClasses = {RegClass::Gpr64, RegClass::Gpr32, RegClass::Xmm, RegClass::Ymm};

// What an instruction does with its operands: {D} is written (and read when
// readsDst), {S}/{S2} are sources of D's class, {G}/{X} a GPR or XMM source
// of another class, {M} a memory operand, {I} an immediate.
enum class Form { Reg, Load, LoadOp, Store, Rmw, Compare };

struct Template {
  RegClass cls;
  Form form;
  const char *text;
  bool readsDst;
  bool zeroIdiom = false;  ///< the same register twice clears it (xor, sub): no chain
};

// Integer, SSE and AVX(2) forms Haswell has and BHive's blocks use (every
// opcode is in the shipped model's vocabulary: a test checks), registers of
// both GPR widths, XMM and YMM, and memory operands of both addressing shapes.
const std::vector<Template> &templates() {
  using C = RegClass;
  using F = Form;
  static const std::vector<Template> t = {
      {C::Gpr64, F::Reg, "addq {S}, {D}", true},
      {C::Gpr64, F::Reg, "subq {S}, {D}", true, true},
      {C::Gpr64, F::Reg, "andq {S}, {D}", true},
      {C::Gpr64, F::Reg, "orq {S}, {D}", true},
      {C::Gpr64, F::Reg, "xorq {S}, {D}", true, true},
      {C::Gpr64, F::Reg, "imulq {S}, {D}", true},
      {C::Gpr64, F::Reg, "adcq {S}, {D}", true},
      {C::Gpr64, F::Reg, "cmovneq {S}, {D}", true},
      {C::Gpr64, F::Reg, "popcntq {S}, {D}", false},
      {C::Gpr64, F::Reg, "tzcntq {S}, {D}", false},
      {C::Gpr64, F::Reg, "incq {D}", true},
      {C::Gpr64, F::Reg, "decq {D}", true},
      {C::Gpr64, F::Reg, "negq {D}", true},
      {C::Gpr64, F::Reg, "notq {D}", true},
      {C::Gpr64, F::Reg, "shlq ${I}, {D}", true},
      {C::Gpr64, F::Reg, "sarq ${I}, {D}", true},
      {C::Gpr64, F::Reg, "rorq ${I}, {D}", true},
      {C::Gpr64, F::Reg, "addq ${I}, {D}", true},
      {C::Gpr64, F::Reg, "imulq ${I}, {S}, {D}", false},
      {C::Gpr64, F::Reg, "leaq {I}({S}), {D}", false},
      {C::Gpr64, F::Reg, "leaq {I}({S},{S2},4), {D}", false},
      {C::Gpr64, F::Reg, "movq {S}, {D}", false},
      {C::Gpr64, F::Reg, "movq ${I}, {D}", false},
      {C::Gpr64, F::Reg, "cvttsd2si {X}, {D}", false},
      {C::Gpr64, F::Reg, "movq {X}, {D}", false},
      {C::Gpr64, F::Compare, "cmpq {S}, {D}", true},
      {C::Gpr64, F::Compare, "testq {S}, {D}", true},
      {C::Gpr64, F::Load, "movq {M}, {D}", false},
      {C::Gpr64, F::Load, "movslq {M}, {D}", false},
      {C::Gpr64, F::LoadOp, "addq {M}, {D}", true},
      {C::Gpr64, F::LoadOp, "imulq {M}, {D}", true},
      {C::Gpr64, F::Store, "movq {S}, {M}", false},
      {C::Gpr64, F::Store, "movq ${I}, {M}", false},
      {C::Gpr64, F::Rmw, "addq {S}, {M}", false},
      {C::Gpr64, F::Rmw, "orq {S}, {M}", false},
      {C::Gpr64, F::Rmw, "incq {M}", false},

      {C::Gpr32, F::Reg, "addl {S}, {D}", true},
      {C::Gpr32, F::Reg, "xorl {S}, {D}", true, true},
      {C::Gpr32, F::Reg, "imull {S}, {D}", true},
      {C::Gpr32, F::Reg, "andl ${I}, {D}", true},
      {C::Gpr32, F::Reg, "shrl ${I}, {D}", true},
      {C::Gpr32, F::Reg, "movl {S}, {D}", false},
      {C::Gpr32, F::Reg, "movl ${I}, {D}", false},
      {C::Gpr32, F::Compare, "cmpl {S}, {D}", true},
      {C::Gpr32, F::Load, "movl {M}, {D}", false},
      {C::Gpr32, F::Load, "movzbl {M}, {D}", false},
      {C::Gpr32, F::LoadOp, "andl {M}, {D}", true},
      {C::Gpr32, F::Store, "movl {S}, {M}", false},
      {C::Gpr32, F::Rmw, "addl ${I}, {M}", false},

      {C::Xmm, F::Reg, "addss {S}, {D}", true},
      {C::Xmm, F::Reg, "mulss {S}, {D}", true},
      {C::Xmm, F::Reg, "divss {S}, {D}", true},
      {C::Xmm, F::Reg, "addsd {S}, {D}", true},
      {C::Xmm, F::Reg, "mulsd {S}, {D}", true},
      {C::Xmm, F::Reg, "divsd {S}, {D}", true},
      {C::Xmm, F::Reg, "sqrtsd {S}, {D}", true},
      {C::Xmm, F::Reg, "maxsd {S}, {D}", true},
      {C::Xmm, F::Reg, "addps {S}, {D}", true},
      {C::Xmm, F::Reg, "mulps {S}, {D}", true},
      {C::Xmm, F::Reg, "andps {S}, {D}", true},
      {C::Xmm, F::Reg, "unpcklps {S}, {D}", true},
      {C::Xmm, F::Reg, "shufps ${I}, {S}, {D}", true},
      {C::Xmm, F::Reg, "pxor {S}, {D}", true, true},
      {C::Xmm, F::Reg, "paddd {S}, {D}", true},
      {C::Xmm, F::Reg, "pand {S}, {D}", true},
      {C::Xmm, F::Reg, "pshufd ${I}, {S}, {D}", false},
      {C::Xmm, F::Reg, "movaps {S}, {D}", false},
      {C::Xmm, F::Reg, "cvtsi2sdq {G}, {D}", true},
      {C::Xmm, F::Reg, "movq {G}, {D}", false},
      {C::Xmm, F::Reg, "vaddss {S}, {S2}, {D}", false},
      {C::Xmm, F::Reg, "vmulsd {S}, {S2}, {D}", false},
      {C::Xmm, F::Reg, "vfmadd231sd {S}, {S2}, {D}", true},
      {C::Xmm, F::Load, "movss {M}, {D}", false},
      {C::Xmm, F::Load, "movsd {M}, {D}", false},
      {C::Xmm, F::Load, "movups {M}, {D}", false},
      {C::Xmm, F::LoadOp, "addss {M}, {D}", true},
      {C::Xmm, F::LoadOp, "mulsd {M}, {D}", true},
      {C::Xmm, F::LoadOp, "addps {M}, {D}", true},
      {C::Xmm, F::LoadOp, "paddd {M}, {D}", true},
      {C::Xmm, F::Store, "movss {S}, {M}", false},
      {C::Xmm, F::Store, "movups {S}, {M}", false},

      {C::Ymm, F::Reg, "vaddps {S}, {S2}, {D}", false},
      {C::Ymm, F::Reg, "vmulps {S}, {S2}, {D}", false},
      {C::Ymm, F::Reg, "vsubps {S}, {S2}, {D}", false},
      {C::Ymm, F::Reg, "vdivps {S}, {S2}, {D}", false},
      {C::Ymm, F::Reg, "vmaxps {S}, {S2}, {D}", false},
      {C::Ymm, F::Reg, "vandps {S}, {S2}, {D}", false},
      {C::Ymm, F::Reg, "vfmadd231ps {S}, {S2}, {D}", true},
      {C::Ymm, F::Reg, "vpaddd {S}, {S2}, {D}", false},
      {C::Ymm, F::Reg, "vpermilps ${I}, {S}, {D}", false},
      {C::Ymm, F::Reg, "vperm2f128 ${I}, {S}, {S2}, {D}", false},
      {C::Ymm, F::Load, "vmovups {M}, {D}", false},
      {C::Ymm, F::Load, "vbroadcastss {M}, {D}", false},
      {C::Ymm, F::LoadOp, "vaddps {M}, {S}, {D}", false},
      {C::Ymm, F::LoadOp, "vfmadd231ps {M}, {S}, {D}", true},
      {C::Ymm, F::Store, "vmovups {S}, {M}", false},
  };
  return t;
}

// Registers a block may write; %rsp and %rbp (memory bases) and %r15 (the
// index) are never written, so addresses stay fixed.
const std::vector<std::string> &registers(RegClass cls) {
  static const std::vector<std::string> gpr64 = {"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "r8",
                                                 "r9",  "r10", "r11", "r12", "r13", "r14"};
  static const std::vector<std::string> gpr32 = {"eax", "ebx", "ecx",  "edx",  "esi",  "edi",  "r8d",
                                                 "r9d", "r10d", "r11d", "r12d", "r13d", "r14d"};
  static const std::vector<std::string> xmm = [] {
    std::vector<std::string> r;
    for (int i = 0; i < 16; ++i) r.push_back(fmt::format("xmm{}", i));
    return r;
  }();
  static const std::vector<std::string> ymm = [] {
    std::vector<std::string> r;
    for (int i = 0; i < 16; ++i) r.push_back(fmt::format("ymm{}", i));
    return r;
  }();
  switch (cls) {
  case RegClass::Gpr64: return gpr64;
  case RegClass::Gpr32: return gpr32;
  case RegClass::Xmm: return xmm;
  case RegClass::Ymm: return ymm;
  }
  throw std::logic_error("register class");
}

bool has(const Template &t, const char *slot) { return std::string(t.text).find(slot) != std::string::npos; }
bool crossClass(const Template &t) { return has(t, "{G}") || has(t, "{X}"); }

void replaceAll(std::string &s, const std::string &from, const std::string &to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

// The operands of one instruction; empty ones are drawn at random.
struct Operands {
  std::string dst, src, src2;
};

// Draws from the generator's own engine: mt19937_64's output is fixed by the
// standard, the distributions' are not, so `% n` keeps files the same
// across standard libraries.
class SyntheticDraw {
public:
  explicit SyntheticDraw(std::mt19937_64 &rng) : Rng(rng) {}
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(Rng() % n); }
  template <class T> const T &pick(const std::vector<T> &v) { return v[below(v.size())]; }

  std::string memory() {
    unsigned disp = 8 * static_cast<unsigned>(below(32));
    if (below(2) == 0)
      return fmt::format("{}(%rbp)", disp);
    return fmt::format("{}(%rsp,%r15,{})", disp, 1u << below(4));
  }

  std::string instruction(const Template &t, const Operands &o) {
    const std::vector<std::string> &regs = registers(t.cls);
    std::string s = t.text;
    replaceAll(s, "{D}", "%" + (o.dst.empty() ? pick(regs) : o.dst));
    replaceAll(s, "{S}", "%" + (o.src.empty() ? pick(regs) : o.src));
    replaceAll(s, "{S2}", "%" + (o.src2.empty() ? pick(regs) : o.src2));
    replaceAll(s, "{G}", "%" + pick(registers(RegClass::Gpr64)));
    replaceAll(s, "{X}", "%" + pick(registers(RegClass::Xmm)));
    replaceAll(s, "{M}", memory());
    replaceAll(s, "{I}", std::to_string(2 + below(30)));  // 1 would pick the shift-by-one opcodes
    return s;
  }

private:
  std::mt19937_64 &Rng;
};

} // namespace

SyntheticBlockGenerator::SyntheticBlockGenerator(SyntheticOptions options) : Options(options), Rng(options.seed) {
  if (Options.minInstructions == 0 || Options.minInstructions > Options.maxInstructions)
    throw std::invalid_argument(fmt::format("instructions per block: need 1 <= min ({}) <= max ({})",
                                            Options.minInstructions, Options.maxInstructions));
}

const std::vector<std::string> &SyntheticBlockGenerator::kinds() {
  static const std::vector<std::string> k = {"chain", "streams", "memory", "mixed"};
  return k;
}

SyntheticBlock SyntheticBlockGenerator::next() {
  SyntheticDraw draw(Rng);
  unsigned length = Options.minInstructions +
                    static_cast<unsigned>(draw.below(Options.maxInstructions - Options.minInstructions + 1));
  switch (Count++ % 4) {
  case 0: return chain(length);
  case 1: return streams(length);
  case 2: return memory(length);
  default: return mixed(length);
  }
}

// Every instruction reads and writes one register, so each waits for the
// one before it (llvm-mca: the sum of latencies per iteration).
SyntheticBlock SyntheticBlockGenerator::chain(unsigned length) {
  SyntheticDraw draw(Rng);
  RegClass cls = kClasses[draw.below(kClasses.size())];
  std::vector<Template> usable;
  for (const Template &t : templates())
    if (t.cls == cls && (t.form == Form::Reg || t.form == Form::LoadOp) && !crossClass(t) &&
        (t.readsDst || has(t, "{S}")))
      usable.push_back(t);
  const std::vector<std::string> &regs = registers(cls);
  std::string r = draw.pick(regs);
  std::string other = regs[(std::find(regs.begin(), regs.end(), r) - regs.begin() + 1) % regs.size()];
  SyntheticBlock b{"chain", {}};
  for (unsigned i = 0; i < length; ++i) {
    const Template &t = draw.pick(usable);
    Operands o{r, t.zeroIdiom || (t.readsDst && draw.below(2)) ? other : r, other};
    b.lines.push_back(draw.instruction(t, o));
  }
  return b;
}

// Instructions write their own registers and read only registers no
// instruction writes: independent work the ports run in parallel.
SyntheticBlock SyntheticBlockGenerator::streams(unsigned length) {
  SyntheticDraw draw(Rng);
  std::vector<Template> usable;
  for (const Template &t : templates())
    if (t.form == Form::Reg && !crossClass(t))
      usable.push_back(t);
  SyntheticBlock b{"streams", {}};
  // Writes go round the lower half of the registers (one count for the GPRs,
  // whatever their width, one for XMM/YMM, which alias); reads come from the
  // upper half. A stream longer than the half reuses a register: then an
  // instruction that reads its destination continues that stream.
  std::size_t nextWrite[2] = {0, 0};
  for (unsigned i = 0; i < length; ++i) {
    const Template &t = draw.pick(usable);
    const std::vector<std::string> &regs = registers(t.cls);
    bool gpr = t.cls == RegClass::Gpr64 || t.cls == RegClass::Gpr32;
    std::size_t half = regs.size() / 2, &w = nextWrite[gpr ? 0 : 1];
    Operands o{regs[w++ % half], regs[half + draw.below(regs.size() - half)],
               regs[half + draw.below(regs.size() - half)]};
    b.lines.push_back(draw.instruction(t, o));
  }
  return b;
}

// Loads, stores, load-ops and read-modify-writes over a few addresses.
SyntheticBlock SyntheticBlockGenerator::memory(unsigned length) {
  SyntheticDraw draw(Rng);
  std::vector<Template> usable;
  for (const Template &t : templates())
    if (t.form == Form::Load || t.form == Form::LoadOp || t.form == Form::Store || t.form == Form::Rmw)
      usable.push_back(t);
  SyntheticBlock b{"memory", {}};
  for (unsigned i = 0; i < length; ++i)
    b.lines.push_back(draw.instruction(draw.pick(usable), {}));
  return b;
}

// Any template, any registers: dependencies as they fall.
SyntheticBlock SyntheticBlockGenerator::mixed(unsigned length) {
  SyntheticDraw draw(Rng);
  SyntheticBlock b{"mixed", {}};
  for (unsigned i = 0; i < length; ++i)
    b.lines.push_back(draw.instruction(draw.pick(templates()), {}));
  return b;
}

std::string syntheticAssembly(const std::vector<SyntheticBlock> &blocks) {
  std::string out;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (i > 0) out += std::string(kBlockSeparator) + "\n";
    out += fmt::format("# synthetic {}: {}\n", i + 1, blocks[i].kind);
    for (const std::string &line : blocks[i].lines) out += "  " + line + "\n";
  }
  return out;
}

std::vector<std::pair<std::string, std::size_t>> writeSyntheticBlocks(const SyntheticOptions &options, std::size_t count,
                                                                      const std::string &path) {
  SyntheticBlockGenerator generator(options);
  std::vector<SyntheticBlock> blocks;
  for (std::size_t i = 0; i < count; ++i) blocks.push_back(generator.next());
  std::string text = syntheticAssembly(blocks);
  AsmParseResult parsed = parseAssembly(text, path.empty() ? "synthetic blocks" : path, Syntax::ATT);
  if (!parsed.problems.empty())
    throw std::logic_error("a synthetic block does not assemble: " + parsed.problems.front().str());
  if (parsed.blocks.size() != blocks.size())
    throw std::logic_error(fmt::format("{} synthetic blocks assembled into {}", blocks.size(), parsed.blocks.size()));
  bool csv = path.size() > 4 && path.compare(path.size() - 4, 4, ".csv") == 0;
  support::ResultOutput out(path);
  if (csv) {
    out.stream() << "hex,kind\n";
    for (std::size_t i = 0; i < blocks.size(); ++i) out.stream() << parsed.blocks[i].hex << ',' << blocks[i].kind << '\n';
  } else {
    out.stream() << text;
  }
  out.commit();
  std::vector<std::pair<std::string, std::size_t>> perKind;
  for (const std::string &kind : SyntheticBlockGenerator::kinds())
    perKind.emplace_back(kind, std::count_if(blocks.begin(), blocks.end(),
                                             [&](const SyntheticBlock &b) { return b.kind == kind; }));
  return perKind;
}

} // namespace surrogate::block
