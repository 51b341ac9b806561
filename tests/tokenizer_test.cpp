// Tokens of decoded instructions and the vocabulary file they are counted into.
// label unit: Tokenizer Vocabulary
#include <algorithm>

#include "TestSupport.h"
#include "surrogate/block/Decoder.h"
#include "surrogate/block/Tokenizer.h"

using namespace surrogate::block;
using surrogate::test::TempDir;

namespace {

std::vector<std::vector<std::string>> tokensOf(const std::string &hex) {
  Decoder decoder;
  std::vector<llvm::MCInst> insts;
  EXPECT_TRUE(decoder.decode(hex, insts).ok()) << hex;
  Tokenizer tokenizer;
  std::vector<std::vector<std::string>> out;
  for (const auto &inst : insts) out.push_back(tokenizer.tokenize(inst));
  return out;
}

std::string join(const std::vector<std::string> &tokens) {
  std::string s;
  for (const auto &t : tokens) s += (s.empty() ? "" : " ") + t;
  return s;
}

} // namespace

TEST(Tokenizer, RegisterRegisterAddReadsBothWritesDestinationAndFlags) {
  // addq %rbx, %rax
  auto t = tokensOf("4801d8");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(join(t[0]), "ADD64rr <S> RAX RBX <D> RAX EFLAGS <E>");
}

TEST(Tokenizer, StoreToMemoryPutsTheMemoryOperandInDestinations) {
  // addl %eax, 8(%rbx): reads and writes memory
  auto t = tokensOf("014308");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(join(t[0]), "ADD32mr <S> <M> RBX <NOREG> *1 <C> </M> EAX <D> <M> RBX <NOREG> *1 <C> </M> EFLAGS <E>");
  // movl %eax, (%rbx,%rcx,4): a pure store
  t = tokensOf("89048b");
  EXPECT_EQ(join(t[0]), "MOV32mr <S> EAX <D> <M> RBX RCX *4 <C> </M> <E>");
}

TEST(Tokenizer, LoadAndImmediateAndImplicitOperands) {
  // movq 16(%rsp), %rax ; movl $5, %ecx ; pushq %rbp
  auto t = tokensOf("488b442410" "b905000000" "55");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(join(t[0]), "MOV64rm <S> <M> RSP <NOREG> *1 <C> </M> <D> RAX <E>");
  EXPECT_EQ(join(t[1]), "MOV32ri <S> <C> <D> ECX <E>");
  EXPECT_EQ(join(t[2]), "PUSH64r <S> RBP RSP <D> RSP <E>");
}

TEST(Tokenizer, LeaReadsTheAddressRegistersOnly) {
  // leaq 8(%rdi,%rsi,2), %rax
  auto t = tokensOf("488d447708");
  EXPECT_EQ(join(t[0]), "LEA64r <S> <M> RDI RSI *2 <C> </M> <D> RAX <E>");
}

TEST(Vocabulary, UnseenTokensMapToUnknown) {
  Decoder decoder;
  Tokenizer tokenizer;
  std::vector<llvm::MCInst> insts;
  ASSERT_TRUE(decoder.decode("4801d8", insts).ok());
  Vocabulary vocab;
  TokenizedBlock grown = vocab.encodeAndGrow(tokenizer, insts);
  ASSERT_EQ(grown.size(), 1u);
  EXPECT_TRUE(std::none_of(grown[0].begin(), grown[0].end(), [](int id) { return id == Vocabulary::kUnknownId; }));

  // subq %rbx, %rax: SUB64rr was never seen, the registers were.
  ASSERT_TRUE(decoder.decode("4829d8", insts).ok());
  TokenizedBlock encoded = vocab.encode(tokenizer, insts);
  EXPECT_EQ(encoded[0][0], Vocabulary::kUnknownId);
  EXPECT_EQ(encoded[0][2], vocab.id("RAX"));
  EXPECT_NE(encoded[0][2], Vocabulary::kUnknownId);
  EXPECT_EQ(vocab.id("NEVER-SEEN"), Vocabulary::kUnknownId);
}

TEST(Vocabulary, SaveLoadRoundTripsAndBadFilesNameTheLine) {
  TempDir dir;
  Vocabulary vocab;
  vocab.add("ADD64rr");
  vocab.add("RAX");
  vocab.save(dir / "vocab.txt");
  Vocabulary loaded = Vocabulary::load(dir / "vocab.txt");
  EXPECT_EQ(loaded, vocab);
  EXPECT_EQ(loaded.id("RAX"), vocab.id("RAX"));

  std::string bad = dir.file("bad.txt", "<PAD>\n<UNK>\nX\n");
  try {
    Vocabulary::load(bad);
    FAIL() << "expected an error";
  } catch (const std::runtime_error &e) {
    EXPECT_NE(std::string(e.what()).find("bad.txt:3"), std::string::npos) << e.what();
  }
  EXPECT_THROW(Vocabulary::load(dir / "missing.txt"), std::runtime_error);
}
