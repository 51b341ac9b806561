# Prefix sum of a long array: each element's sum is the previous sum plus one load, so the add into %rcx
# is a dependency chain through every iteration; one store per element.
#   void prefix_sum(long *restrict out, const long *restrict in, size_t n) {
#     long s = 0;
#     for (size_t i = 0; i < n; ++i) { s += in[i]; out[i] = s; }
#   }
# The loop's body from clang-19 -O2 -fno-unroll-loops -S (x86-64); its branch is left out of the region,
# as BHive's blocks leave out theirs.
	xorl	%eax, %eax
	xorl	%ecx, %ecx
.Lloop:
# LLVM-MCA-BEGIN prefix-sum
	addq	(%rsi,%rax,8), %rcx
	movq	%rcx, (%rdi,%rax,8)
	incq	%rax
	cmpq	%rax, %rdx
# LLVM-MCA-END prefix-sum
	jne	.Lloop
	retq
