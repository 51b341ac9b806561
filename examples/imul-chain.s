# A dependent chain of 64-bit multiplies: x = x^5 as three imulq, each waiting for the one before, so the
# loop runs at the multiplier's latency, not its throughput.
#   unsigned long imul_chain(unsigned long x, size_t n) {
#     for (size_t i = 0; i < n; ++i) x = x * x * x * x * x;
#     return x;
#   }
# The loop's body from clang-19 -O2 -fno-unroll-loops -S (x86-64); its branch is left out of the region,
# as BHive's blocks leave out theirs.
	movq	%rdi, %rax
.Lloop:
# LLVM-MCA-BEGIN imul-chain
	movq	%rax, %rcx
	imulq	%rax, %rcx
	imulq	%rcx, %rax
	imulq	%rcx, %rax
	decq	%rsi
# LLVM-MCA-END imul-chain
	jne	.Lloop
	retq
