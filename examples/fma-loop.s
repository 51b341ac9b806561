# saxpy, y = a*x + y on floats, vectorized for Haswell: eight floats per iteration with one 256-bit load,
# one fused multiply-add (vfmadd213ps) with a memory operand and one 256-bit store; no dependency carried
# between iterations but the index.
#   void saxpy(float *restrict y, const float *restrict x, float a, size_t n) {
#     for (size_t i = 0; i < n; ++i) y[i] = a * x[i] + y[i];
#   }
# The vector loop's body from clang-19 -O2 -march=haswell -fno-unroll-loops -mllvm -force-vector-interleave=1 -S;
# its branch is left out of the region, as BHive's blocks leave out theirs.
	vbroadcastss	%xmm0, %ymm1
	xorl	%ecx, %ecx
.Lloop:
# LLVM-MCA-BEGIN fma-loop
	vmovups	(%rsi,%rcx,4), %ymm2
	vfmadd213ps	(%rdi,%rcx,4), %ymm1, %ymm2
	vmovups	%ymm2, (%rdi,%rcx,4)
	addq	$8, %rcx
	cmpq	%rcx, %rax
# LLVM-MCA-END fma-loop
	jne	.Lloop
	vzeroupper
	retq
