# Dot product of two double arrays, scalar SSE2: one load, one multiply with a memory operand and one add
# per element; the add into %xmm0 carries a dependency from one iteration to the next.
#   double dot(const double *a, const double *b, size_t n) {
#     double s = 0;
#     for (size_t i = 0; i < n; ++i) s += a[i] * b[i];
#     return s;
#   }
# The loop's body from clang-19 -O2 -fno-unroll-loops -S (x86-64); its branch is left out of the region,
# as BHive's blocks leave out theirs.
	xorpd	%xmm0, %xmm0
	xorl	%eax, %eax
.Lloop:
# LLVM-MCA-BEGIN dot-product
	movsd	(%rdi,%rax,8), %xmm1
	mulsd	(%rsi,%rax,8), %xmm1
	addsd	%xmm1, %xmm0
	incq	%rax
	cmpq	%rax, %rdx
# LLVM-MCA-END dot-product
	jne	.Lloop
	retq
