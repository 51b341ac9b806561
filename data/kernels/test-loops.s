# Innermost single-block loops of C kernels, one llvm-mca code region each: KERNEL/FLAGSET/LABEL.
# Written by tools/kernel-loops.sh (data/kernels/README.md); do not edit. Machine code: test-loops.csv.
# Compiler: Debian clang version 19.1.7 (3~deb12u1); every compile: --target=x86_64-unknown-linux-gnu -S -fno-asynchronous-unwind-tables -fno-ident -w
# Flag sets:
#   O1=-O1
#   O2=-O2
#   O3=-O3
#   Os=-Os
#   O2-nounroll=-O2 -fno-unroll-loops
#   O3-nounroll=-O3 -fno-unroll-loops
#   O2-novec=-O2 -fno-vectorize -fno-slp-vectorize -fno-unroll-loops
#   O2-hsw=-O2 -march=haswell
#   O3-hsw=-O3 -march=haswell
#   O2-hsw-nounroll=-O2 -march=haswell -fno-unroll-loops
#   O3-hsw-fast=-O3 -march=haswell -ffast-math
#   O3-hsw-fast-nounroll=-O3 -march=haswell -ffast-math -fno-unroll-loops
#   Os-hsw=-Os -march=haswell
# Kernels (loops written):
#   biquad_f64 7, bst_search 1, cmul_acc_f32 8, count_eq_u8 5, crc32_bitwise 3, dot_f64 9, fir_q15 7, gcd_binary 3,
#   lcg_chain 4, lower_bound 1, matmul_ikj_f64 10, memcpy_u8 8, min_f32 9, modpow_u64 1, morton_encode 8, murmur3_32 5,
#   newton_sqrt_f64 18, poly3_map_f32 7, popcnt_sum_u64 7, prefix_max_i32 3, sad_u8 5, stencil5_2d_f64 16,
#   strcmp_u8 1, sum_u8 5, triad_f64 7
# kernels: 25, flag sets: 13, compilations: 325
# backward conditional branches: 586; loops with a jump, call or return inside (skipped): 132
# single-block loops: 454; dropped: 0; duplicates of an earlier loop: 296; excluded: 0
# written: 158 loops (1 with %rip-relative operands rewritten)
# LLVM-MCA-BEGIN biquad_f64/O1/.LBB0_2
.Lb1:
	movapd	%xmm5, %xmm9
	movsd	(%rdi,%rax,8), %xmm5
	movapd	%xmm9, %xmm10
	mulsd	%xmm1, %xmm10
	movapd	%xmm0, %xmm11
	mulsd	%xmm5, %xmm11
	addsd	%xmm10, %xmm11
	mulsd	%xmm2, %xmm8
	addsd	%xmm11, %xmm8
	movapd	%xmm3, %xmm10
	mulsd	%xmm6, %xmm10
	addsd	%xmm8, %xmm10
	mulsd	%xmm4, %xmm7
	movapd	%xmm7, %xmm8
	addsd	%xmm10, %xmm8
	movsd	%xmm8, (%rsi,%rax,8)
	incq	%rax
	movapd	%xmm6, %xmm7
	movapd	%xmm8, %xmm6
	movapd	%xmm9, %xmm8
	cmpq	%rax, %rdx
	jne	.Lb1
# LLVM-MCA-END biquad_f64/O1/.LBB0_2
# LLVM-MCA-BEGIN biquad_f64/O2/.LBB0_7
.Lb2:
	movsd	(%rdi,%rax,8), %xmm7
	movapd	%xmm9, %xmm8
	mulsd	%xmm1, %xmm8
	movapd	%xmm0, %xmm11
	mulsd	%xmm7, %xmm11
	addsd	%xmm8, %xmm11
	mulsd	%xmm2, %xmm10
	addsd	%xmm11, %xmm10
	movapd	%xmm3, %xmm8
	mulsd	%xmm6, %xmm8
	addsd	%xmm10, %xmm8
	mulsd	%xmm4, %xmm5
	addsd	%xmm8, %xmm5
	movsd	%xmm5, (%rsi,%rax,8)
	movsd	8(%rdi,%rax,8), %xmm8
	movapd	%xmm7, %xmm10
	mulsd	%xmm1, %xmm10
	movapd	%xmm0, %xmm11
	mulsd	%xmm8, %xmm11
	addsd	%xmm10, %xmm11
	mulsd	%xmm2, %xmm9
	addsd	%xmm11, %xmm9
	movapd	%xmm3, %xmm10
	mulsd	%xmm5, %xmm10
	addsd	%xmm9, %xmm10
	mulsd	%xmm4, %xmm6
	addsd	%xmm10, %xmm6
	movsd	%xmm6, 8(%rsi,%rax,8)
	addq	$2, %rax
	movapd	%xmm8, %xmm9
	movapd	%xmm7, %xmm10
	cmpq	%rax, %rcx
	jne	.Lb2
# LLVM-MCA-END biquad_f64/O2/.LBB0_7
# LLVM-MCA-BEGIN biquad_f64/O2-hsw/.LBB0_8
.Lb3:
	vmovsd	(%rdi,%rcx,8), %xmm9
	vmulsd	%xmm1, %xmm5, %xmm10
	vfmadd231sd	%xmm9, %xmm0, %xmm10
	vfmadd231sd	%xmm8, %xmm2, %xmm10
	vfmadd231sd	%xmm6, %xmm3, %xmm10
	vfmadd231sd	%xmm7, %xmm4, %xmm10
	vmovsd	%xmm10, (%rsi,%rcx,8)
	vmovsd	8(%rdi,%rcx,8), %xmm11
	vmulsd	%xmm1, %xmm9, %xmm12
	vfmadd231sd	%xmm11, %xmm0, %xmm12
	vfmadd231sd	%xmm5, %xmm2, %xmm12
	vfmadd231sd	%xmm10, %xmm3, %xmm12
	vfmadd231sd	%xmm6, %xmm4, %xmm12
	vmovsd	%xmm12, 8(%rsi,%rcx,8)
	vmovsd	16(%rdi,%rcx,8), %xmm8
	vmulsd	%xmm1, %xmm11, %xmm7
	vfmadd231sd	%xmm8, %xmm0, %xmm7
	vfmadd231sd	%xmm9, %xmm2, %xmm7
	vfmadd231sd	%xmm12, %xmm3, %xmm7
	vfmadd231sd	%xmm10, %xmm4, %xmm7
	vmovsd	%xmm7, 16(%rsi,%rcx,8)
	vmovsd	24(%rdi,%rcx,8), %xmm5
	vmulsd	%xmm1, %xmm8, %xmm6
	vfmadd231sd	%xmm5, %xmm0, %xmm6
	vfmadd231sd	%xmm11, %xmm2, %xmm6
	vfmadd231sd	%xmm7, %xmm3, %xmm6
	vfmadd231sd	%xmm12, %xmm4, %xmm6
	vmovsd	%xmm6, 24(%rsi,%rcx,8)
	addq	$4, %rcx
	cmpq	%rcx, %rdx
	jne	.Lb3
# LLVM-MCA-END biquad_f64/O2-hsw/.LBB0_8
# LLVM-MCA-BEGIN biquad_f64/O2-hsw/.LBB0_5
.Lb4:
	vmovapd	%xmm5, %xmm9
	vmovsd	(%rcx,%rsi,8), %xmm5
	vmulsd	%xmm1, %xmm9, %xmm10
	vfmadd231sd	%xmm5, %xmm0, %xmm10
	vfmadd231sd	%xmm8, %xmm2, %xmm10
	vfmadd231sd	%xmm6, %xmm3, %xmm10
	vfmadd231sd	%xmm7, %xmm4, %xmm10
	vmovsd	%xmm10, (%rdx,%rsi,8)
	incq	%rsi
	vmovapd	%xmm6, %xmm7
	vmovapd	%xmm10, %xmm6
	vmovapd	%xmm9, %xmm8
	cmpq	%rsi, %rax
	jne	.Lb4
# LLVM-MCA-END biquad_f64/O2-hsw/.LBB0_5
# LLVM-MCA-BEGIN biquad_f64/O2-hsw-nounroll/.LBB0_2
.Lb5:
	vmovapd	%xmm5, %xmm9
	vmovsd	(%rdi,%rax,8), %xmm5
	vmulsd	%xmm1, %xmm9, %xmm10
	vfmadd231sd	%xmm5, %xmm0, %xmm10
	vfmadd231sd	%xmm8, %xmm2, %xmm10
	vfmadd231sd	%xmm6, %xmm3, %xmm10
	vfmadd231sd	%xmm7, %xmm4, %xmm10
	vmovsd	%xmm10, (%rsi,%rax,8)
	incq	%rax
	vmovapd	%xmm6, %xmm7
	vmovapd	%xmm10, %xmm6
	vmovapd	%xmm9, %xmm8
	cmpq	%rax, %rdx
	jne	.Lb5
# LLVM-MCA-END biquad_f64/O2-hsw-nounroll/.LBB0_2
# LLVM-MCA-BEGIN biquad_f64/O3-hsw-fast/.LBB0_7
.Lb6:
	vmovsd	(%rdi,%rax,8), %xmm7
	vmulsd	%xmm4, %xmm5, %xmm5
	vfnmadd231sd	%xmm3, %xmm6, %xmm5
	vfmsub231sd	%xmm10, %xmm2, %xmm5
	vfmadd231sd	%xmm1, %xmm9, %xmm5
	vfmadd231sd	%xmm0, %xmm7, %xmm5
	vmovsd	%xmm5, (%rsi,%rax,8)
	vmovsd	8(%rdi,%rax,8), %xmm8
	vmulsd	%xmm4, %xmm6, %xmm6
	vfnmadd231sd	%xmm3, %xmm5, %xmm6
	vfmsub231sd	%xmm9, %xmm2, %xmm6
	vfmadd231sd	%xmm1, %xmm7, %xmm6
	vfmadd231sd	%xmm0, %xmm8, %xmm6
	vmovsd	%xmm6, 8(%rsi,%rax,8)
	addq	$2, %rax
	vmovapd	%xmm8, %xmm9
	vmovapd	%xmm7, %xmm10
	cmpq	%rax, %rcx
	jne	.Lb6
# LLVM-MCA-END biquad_f64/O3-hsw-fast/.LBB0_7
# LLVM-MCA-BEGIN biquad_f64/O3-hsw-fast-nounroll/.LBB0_2
.Lb7:
	vmulsd	%xmm4, %xmm8, %xmm9
	vfnmadd231sd	%xmm3, %xmm5, %xmm9
	vfmsub231sd	%xmm7, %xmm2, %xmm9
	vfmadd231sd	%xmm1, %xmm6, %xmm9
	vmovapd	%xmm6, %xmm7
	vmovsd	(%rdi,%rax,8), %xmm6
	vfmadd231sd	%xmm0, %xmm6, %xmm9
	vmovsd	%xmm9, (%rsi,%rax,8)
	incq	%rax
	vmovapd	%xmm5, %xmm8
	vmovapd	%xmm9, %xmm5
	cmpq	%rax, %rdx
	jne	.Lb7
# LLVM-MCA-END biquad_f64/O3-hsw-fast-nounroll/.LBB0_2
# LLVM-MCA-BEGIN bst_search/O1/.LBB0_1
.Lb8:
	xorl	%ecx, %ecx
	cmpq	%rsi, 16(%rdi)
	setle	%cl
	cmovleq	%rdi, %rax
	movq	(%rdi,%rcx,8), %rdi
	testq	%rdi, %rdi
	jne	.Lb8
# LLVM-MCA-END bst_search/O1/.LBB0_1
# LLVM-MCA-BEGIN cmul_acc_f32/O1/.LBB0_4
.Lb9:
	movss	(%rdi,%rax,8), %xmm2
	movss	4(%rdi,%rax,8), %xmm3
	movss	(%rsi,%rax,8), %xmm4
	movss	4(%rsi,%rax,8), %xmm5
	movaps	%xmm2, %xmm6
	mulss	%xmm5, %xmm2
	mulss	%xmm3, %xmm5
	mulss	%xmm4, %xmm6
	subss	%xmm5, %xmm6
	addss	%xmm6, %xmm0
	mulss	%xmm4, %xmm3
	addss	%xmm3, %xmm2
	addss	%xmm2, %xmm1
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb9
# LLVM-MCA-END cmul_acc_f32/O1/.LBB0_4
# LLVM-MCA-BEGIN cmul_acc_f32/O2/.LBB0_2
.Lb10:
	movss	(%rdi,%rax,8), %xmm2
	movss	4(%rdi,%rax,8), %xmm3
	movaps	%xmm3, %xmm4
	xorps	%xmm1, %xmm4
	movsd	(%rsi,%rax,8), %xmm5
	unpcklps	%xmm4, %xmm3
	shufps	$225, %xmm3, %xmm3
	shufps	$0, %xmm2, %xmm2
	mulps	%xmm5, %xmm2
	shufps	$225, %xmm5, %xmm5
	mulps	%xmm3, %xmm5
	addps	%xmm5, %xmm2
	addps	%xmm2, %xmm0
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb10
# LLVM-MCA-END cmul_acc_f32/O2/.LBB0_2
# LLVM-MCA-BEGIN cmul_acc_f32/O2-hsw/.LBB0_8
.Lb11:
	vmovss	4(%rdi,%rax,4), %xmm2
	vmovss	12(%rdi,%rax,4), %xmm3
	vxorps	%xmm1, %xmm2, %xmm4
	vinsertps	$16, %xmm4, %xmm2, %xmm2
	vshufps	$225, %xmm2, %xmm2, %xmm2
	vmovsd	(%rsi,%rax,4), %xmm4
	vmovsd	8(%rsi,%rax,4), %xmm5
	vshufps	$225, %xmm4, %xmm4, %xmm6
	vmulps	%xmm2, %xmm6, %xmm2
	vbroadcastss	(%rdi,%rax,4), %xmm6
	vfmadd213ps	%xmm2, %xmm4, %xmm6
	vaddps	%xmm6, %xmm0, %xmm0
	vxorps	%xmm1, %xmm3, %xmm2
	vinsertps	$16, %xmm2, %xmm3, %xmm2
	vshufps	$225, %xmm2, %xmm2, %xmm2
	vshufps	$225, %xmm5, %xmm5, %xmm3
	vmulps	%xmm2, %xmm3, %xmm2
	vbroadcastss	8(%rdi,%rax,4), %xmm3
	vfmadd213ps	%xmm2, %xmm5, %xmm3
	vaddps	%xmm3, %xmm0, %xmm0
	addq	$4, %rax
	addq	$-2, %r8
	jne	.Lb11
# LLVM-MCA-END cmul_acc_f32/O2-hsw/.LBB0_8
# LLVM-MCA-BEGIN cmul_acc_f32/O2-hsw-nounroll/.LBB0_2
.Lb12:
	vmovss	4(%rdi,%rax,8), %xmm2
	vxorps	%xmm1, %xmm2, %xmm3
	vmovsd	(%rsi,%rax,8), %xmm4
	vinsertps	$16, %xmm3, %xmm2, %xmm2
	vshufps	$225, %xmm2, %xmm2, %xmm2
	vshufps	$225, %xmm4, %xmm4, %xmm3
	vmulps	%xmm2, %xmm3, %xmm2
	vbroadcastss	(%rdi,%rax,8), %xmm3
	vfmadd213ps	%xmm2, %xmm4, %xmm3
	vaddps	%xmm3, %xmm0, %xmm0
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb12
# LLVM-MCA-END cmul_acc_f32/O2-hsw-nounroll/.LBB0_2
# LLVM-MCA-BEGIN cmul_acc_f32/O3-hsw-fast/.LBB0_5
.Lb13:
	vmovups	(%rdi,%r8,8), %ymm4
	vmovups	32(%rdi,%r8,8), %ymm5
	vmovups	64(%rdi,%r8,8), %ymm6
	vmovups	96(%rdi,%r8,8), %ymm7
	vshufps	$136, %ymm5, %ymm4, %ymm8
	vpermpd	$216, %ymm8, %ymm8
	vshufps	$136, %ymm7, %ymm6, %ymm9
	vpermpd	$216, %ymm9, %ymm9
	vshufps	$221, %ymm5, %ymm4, %ymm4
	vpermpd	$216, %ymm4, %ymm4
	vshufps	$221, %ymm7, %ymm6, %ymm5
	vpermpd	$216, %ymm5, %ymm5
	vmovups	(%rsi,%r8,8), %ymm6
	vmovups	32(%rsi,%r8,8), %ymm7
	vmovups	64(%rsi,%r8,8), %ymm10
	vmovups	96(%rsi,%r8,8), %ymm11
	vshufps	$136, %ymm7, %ymm6, %ymm12
	vpermpd	$216, %ymm12, %ymm12
	vshufps	$136, %ymm11, %ymm10, %ymm13
	vpermpd	$216, %ymm13, %ymm13
	vshufps	$221, %ymm7, %ymm6, %ymm6
	vpermpd	$216, %ymm6, %ymm6
	vshufps	$221, %ymm11, %ymm10, %ymm7
	vpermpd	$216, %ymm7, %ymm7
	vfmadd231ps	%ymm8, %ymm12, %ymm2
	vfmadd231ps	%ymm9, %ymm13, %ymm3
	vfnmadd231ps	%ymm4, %ymm6, %ymm2
	vfnmadd231ps	%ymm5, %ymm7, %ymm3
	vfmadd231ps	%ymm4, %ymm12, %ymm0
	vfmadd231ps	%ymm5, %ymm13, %ymm1
	vfmadd231ps	%ymm8, %ymm6, %ymm0
	vfmadd231ps	%ymm9, %ymm7, %ymm1
	addq	$16, %r8
	cmpq	%r8, %rax
	jne	.Lb13
# LLVM-MCA-END cmul_acc_f32/O3-hsw-fast/.LBB0_5
# LLVM-MCA-BEGIN cmul_acc_f32/O3-hsw-fast/.LBB0_7
.Lb14:
	vmovss	(%rdi,%rax,8), %xmm1
	vmovss	4(%rdi,%rax,8), %xmm3
	vmovss	(%rsi,%rax,8), %xmm4
	vmovss	4(%rsi,%rax,8), %xmm5
	vfmadd231ss	%xmm1, %xmm4, %xmm2
	vfnmadd231ss	%xmm3, %xmm5, %xmm2
	vfmadd231ss	%xmm3, %xmm4, %xmm0
	vfmadd231ss	%xmm1, %xmm5, %xmm0
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb14
# LLVM-MCA-END cmul_acc_f32/O3-hsw-fast/.LBB0_7
# LLVM-MCA-BEGIN cmul_acc_f32/O3-hsw-fast-nounroll/.LBB0_5
.Lb15:
	vmovups	(%rdi,%r8,8), %ymm2
	vmovups	32(%rdi,%r8,8), %ymm3
	vshufps	$136, %ymm3, %ymm2, %ymm4
	vpermpd	$216, %ymm4, %ymm4
	vshufps	$221, %ymm3, %ymm2, %ymm2
	vpermpd	$216, %ymm2, %ymm2
	vmovups	(%rsi,%r8,8), %ymm3
	vmovups	32(%rsi,%r8,8), %ymm5
	vshufps	$136, %ymm5, %ymm3, %ymm6
	vpermpd	$216, %ymm6, %ymm6
	vshufps	$221, %ymm5, %ymm3, %ymm3
	vpermpd	$216, %ymm3, %ymm3
	vfmadd231ps	%ymm4, %ymm6, %ymm0
	vfnmadd231ps	%ymm2, %ymm3, %ymm0
	vfmadd231ps	%ymm2, %ymm6, %ymm1
	vfmadd231ps	%ymm4, %ymm3, %ymm1
	addq	$8, %r8
	cmpq	%r8, %rax
	jne	.Lb15
# LLVM-MCA-END cmul_acc_f32/O3-hsw-fast-nounroll/.LBB0_5
# LLVM-MCA-BEGIN cmul_acc_f32/O3-hsw-fast-nounroll/.LBB0_7
.Lb16:
	vmovss	(%rdi,%rax,8), %xmm2
	vmovss	4(%rdi,%rax,8), %xmm3
	vmovss	(%rsi,%rax,8), %xmm4
	vmovss	4(%rsi,%rax,8), %xmm5
	vfmadd231ss	%xmm2, %xmm4, %xmm0
	vfnmadd231ss	%xmm3, %xmm5, %xmm0
	vfmadd231ss	%xmm3, %xmm4, %xmm1
	vfmadd231ss	%xmm2, %xmm5, %xmm1
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb16
# LLVM-MCA-END cmul_acc_f32/O3-hsw-fast-nounroll/.LBB0_7
# LLVM-MCA-BEGIN count_eq_u8/O1/.LBB0_4
.Lb17:
	xorl	%r8d, %r8d
	cmpb	%dl, (%rdi,%rcx)
	sete	%r8b
	addq	%r8, %rax
	incq	%rcx
	cmpq	%rcx, %rsi
	jne	.Lb17
# LLVM-MCA-END count_eq_u8/O1/.LBB0_4
# LLVM-MCA-BEGIN count_eq_u8/O2/.LBB0_6
.Lb18:
	movzwl	(%rdi,%rax), %r8d
	movd	%r8d, %xmm4
	movzwl	2(%rdi,%rax), %r8d
	movd	%r8d, %xmm5
	pcmpeqb	%xmm0, %xmm4
	punpcklbw	%xmm4, %xmm4
	pshuflw	$212, %xmm4, %xmm4
	pshufd	$212, %xmm4, %xmm4
	pand	%xmm3, %xmm4
	paddq	%xmm4, %xmm1
	pcmpeqb	%xmm0, %xmm5
	punpcklbw	%xmm5, %xmm5
	pshuflw	$212, %xmm5, %xmm4
	pshufd	$212, %xmm4, %xmm4
	pand	%xmm3, %xmm4
	paddq	%xmm4, %xmm2
	addq	$4, %rax
	cmpq	%rax, %rcx
	jne	.Lb18
# LLVM-MCA-END count_eq_u8/O2/.LBB0_6
# LLVM-MCA-BEGIN count_eq_u8/O2-nounroll/.LBB0_6
.Lb19:
	movzwl	(%rdi,%rax), %r8d
	movd	%r8d, %xmm3
	pcmpeqb	%xmm1, %xmm3
	punpcklbw	%xmm3, %xmm3
	pshuflw	$212, %xmm3, %xmm3
	pshufd	$212, %xmm3, %xmm3
	pand	%xmm2, %xmm3
	paddq	%xmm3, %xmm0
	addq	$2, %rax
	cmpq	%rax, %rcx
	jne	.Lb19
# LLVM-MCA-END count_eq_u8/O2-nounroll/.LBB0_6
# LLVM-MCA-BEGIN count_eq_u8/O2-hsw/.LBB0_6
.Lb20:
	vmovd	(%rdi,%rax), %xmm6
	vmovd	4(%rdi,%rax), %xmm7
	vmovd	8(%rdi,%rax), %xmm8
	vmovd	12(%rdi,%rax), %xmm9
	vpcmpeqb	%xmm1, %xmm6, %xmm6
	vpmovzxbq	%xmm6, %ymm6
	vpand	%ymm2, %ymm6, %ymm6
	vpaddq	%ymm6, %ymm0, %ymm0
	vpcmpeqb	%xmm1, %xmm7, %xmm6
	vpmovzxbq	%xmm6, %ymm6
	vpand	%ymm2, %ymm6, %ymm6
	vpaddq	%ymm6, %ymm3, %ymm3
	vpcmpeqb	%xmm1, %xmm8, %xmm6
	vpmovzxbq	%xmm6, %ymm6
	vpand	%ymm2, %ymm6, %ymm6
	vpaddq	%ymm6, %ymm4, %ymm4
	vpcmpeqb	%xmm1, %xmm9, %xmm6
	vpmovzxbq	%xmm6, %ymm6
	vpand	%ymm2, %ymm6, %ymm6
	vpaddq	%ymm6, %ymm5, %ymm5
	addq	$16, %rax
	cmpq	%rax, %rcx
	jne	.Lb20
# LLVM-MCA-END count_eq_u8/O2-hsw/.LBB0_6
# LLVM-MCA-BEGIN count_eq_u8/O2-hsw-nounroll/.LBB0_6
.Lb21:
	vmovd	(%rdi,%rax), %xmm3
	vpcmpeqb	%xmm1, %xmm3, %xmm3
	vpmovzxbq	%xmm3, %ymm3
	vpand	%ymm2, %ymm3, %ymm3
	vpaddq	%ymm3, %ymm0, %ymm0
	addq	$4, %rax
	cmpq	%rax, %rcx
	jne	.Lb21
# LLVM-MCA-END count_eq_u8/O2-hsw-nounroll/.LBB0_6
# LLVM-MCA-BEGIN crc32_bitwise/O1/.LBB0_6
.Lb22:
	movl	%eax, %r8d
	shrl	%r8d
	andl	$1, %eax
	negl	%eax
	andl	$-306674912, %eax
	xorl	%r8d, %eax
	decl	%edx
	jne	.Lb22
# LLVM-MCA-END crc32_bitwise/O1/.LBB0_6
# LLVM-MCA-BEGIN crc32_bitwise/O2/.LBB0_4
.Lb23:
	movzbl	(%rdi,%rcx), %edx
	xorl	%eax, %edx
	movl	%edx, %r8d
	shrl	%r8d
	movl	%edx, %eax
	andl	$1, %eax
	negl	%eax
	andl	$-306674912, %eax
	xorl	%r8d, %eax
	movl	%eax, %r8d
	shrl	%r8d
	movd	%edx, %xmm2
	shll	$30, %edx
	sarl	$31, %edx
	andl	$-306674912, %edx
	xorl	%r8d, %edx
	movl	%edx, %r8d
	shrl	$6, %r8d
	pshufd	$0, %xmm2, %xmm2
	pand	%xmm0, %xmm2
	pcmpeqd	%xmm0, %xmm2
	pand	%xmm1, %xmm2
	shll	$26, %eax
	sarl	$31, %eax
	andl	$1994146192, %eax
	shll	$26, %edx
	sarl	$31, %edx
	andl	$-306674912, %edx
	xorl	%r8d, %edx
	xorl	%eax, %edx
	pshufd	$238, %xmm2, %xmm3
	pxor	%xmm2, %xmm3
	pshufd	$85, %xmm3, %xmm2
	pxor	%xmm3, %xmm2
	movd	%xmm2, %eax
	xorl	%edx, %eax
	incq	%rcx
	cmpq	%rcx, %rsi
	jne	.Lb23
# LLVM-MCA-END crc32_bitwise/O2/.LBB0_4
# LLVM-MCA-BEGIN crc32_bitwise/O2-hsw/.LBB0_4
.Lb24:
	movzbl	(%rdi,%rcx), %edx
	xorl	%eax, %edx
	movl	%edx, %r8d
	shrl	%r8d
	movl	%edx, %eax
	andl	$1, %eax
	negl	%eax
	andl	$-306674912, %eax
	xorl	%r8d, %eax
	movl	%eax, %r8d
	shrl	%r8d
	vmovd	%edx, %xmm2
	shll	$30, %edx
	sarl	$31, %edx
	andl	$-306674912, %edx
	vpbroadcastd	%xmm2, %xmm2
	vpsllvd	%xmm0, %xmm2, %xmm2
	xorl	%r8d, %edx
	movl	%edx, %r8d
	shrl	$6, %r8d
	vpsrad	$31, %xmm2, %xmm2
	vpand	%xmm1, %xmm2, %xmm2
	shll	$26, %eax
	sarl	$31, %eax
	andl	$1994146192, %eax
	shll	$26, %edx
	sarl	$31, %edx
	andl	$-306674912, %edx
	xorl	%r8d, %edx
	xorl	%eax, %edx
	vpshufd	$238, %xmm2, %xmm3
	vpxor	%xmm3, %xmm2, %xmm2
	vpshufd	$85, %xmm2, %xmm3
	vpxor	%xmm3, %xmm2, %xmm2
	vmovd	%xmm2, %eax
	xorl	%edx, %eax
	incq	%rcx
	cmpq	%rcx, %rsi
	jne	.Lb24
# LLVM-MCA-END crc32_bitwise/O2-hsw/.LBB0_4
# LLVM-MCA-BEGIN dot_f64/O1/.LBB0_2
.Lb25:
	movsd	(%rdi,%rax,8), %xmm1
	mulsd	(%rsi,%rax,8), %xmm1
	addsd	%xmm1, %xmm0
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb25
# LLVM-MCA-END dot_f64/O1/.LBB0_2
# LLVM-MCA-BEGIN dot_f64/O2/.LBB0_9
.Lb26:
	movsd	(%rdi,%rcx,8), %xmm1
	movsd	8(%rdi,%rcx,8), %xmm2
	mulsd	(%rsi,%rcx,8), %xmm1
	mulsd	8(%rsi,%rcx,8), %xmm2
	addsd	%xmm0, %xmm1
	movsd	16(%rdi,%rcx,8), %xmm3
	mulsd	16(%rsi,%rcx,8), %xmm3
	addsd	%xmm1, %xmm2
	movsd	24(%rdi,%rcx,8), %xmm0
	mulsd	24(%rsi,%rcx,8), %xmm0
	addsd	%xmm2, %xmm3
	addsd	%xmm3, %xmm0
	addq	$4, %rcx
	cmpq	%rcx, %rdx
	jne	.Lb26
# LLVM-MCA-END dot_f64/O2/.LBB0_9
# LLVM-MCA-BEGIN dot_f64/O2/.LBB0_6
.Lb27:
	movsd	(%rcx,%rsi,8), %xmm1
	mulsd	(%rdx,%rsi,8), %xmm1
	addsd	%xmm1, %xmm0
	incq	%rsi
	cmpq	%rsi, %rax
	jne	.Lb27
# LLVM-MCA-END dot_f64/O2/.LBB0_6
# LLVM-MCA-BEGIN dot_f64/O2-hsw/.LBB0_9
.Lb28:
	vmovsd	(%rdi,%rcx,8), %xmm1
	vmovsd	8(%rdi,%rcx,8), %xmm2
	vfmadd132sd	(%rsi,%rcx,8), %xmm0, %xmm1
	vfmadd231sd	8(%rsi,%rcx,8), %xmm2, %xmm1
	vmovsd	16(%rdi,%rcx,8), %xmm0
	vfmadd132sd	16(%rsi,%rcx,8), %xmm1, %xmm0
	vmovsd	24(%rdi,%rcx,8), %xmm1
	vfmadd132sd	24(%rsi,%rcx,8), %xmm0, %xmm1
	vmovsd	32(%rdi,%rcx,8), %xmm0
	vfmadd132sd	32(%rsi,%rcx,8), %xmm1, %xmm0
	vmovsd	40(%rdi,%rcx,8), %xmm1
	vfmadd132sd	40(%rsi,%rcx,8), %xmm0, %xmm1
	vmovsd	48(%rdi,%rcx,8), %xmm2
	vfmadd132sd	48(%rsi,%rcx,8), %xmm1, %xmm2
	vmovsd	56(%rdi,%rcx,8), %xmm0
	vfmadd132sd	56(%rsi,%rcx,8), %xmm2, %xmm0
	addq	$8, %rcx
	cmpq	%rcx, %rdx
	jne	.Lb28
# LLVM-MCA-END dot_f64/O2-hsw/.LBB0_9
# LLVM-MCA-BEGIN dot_f64/O2-hsw/.LBB0_6
.Lb29:
	vmovsd	(%rcx,%rsi,8), %xmm1
	vfmadd231sd	(%rdx,%rsi,8), %xmm1, %xmm0
	incq	%rsi
	cmpq	%rsi, %rax
	jne	.Lb29
# LLVM-MCA-END dot_f64/O2-hsw/.LBB0_6
# LLVM-MCA-BEGIN dot_f64/O2-hsw-nounroll/.LBB0_2
.Lb30:
	vmovsd	(%rdi,%rax,8), %xmm1
	vfmadd231sd	(%rsi,%rax,8), %xmm1, %xmm0
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb30
# LLVM-MCA-END dot_f64/O2-hsw-nounroll/.LBB0_2
# LLVM-MCA-BEGIN dot_f64/O3-hsw-fast/.LBB0_5
.Lb31:
	vmovupd	(%rsi,%rcx,8), %ymm4
	vmovupd	32(%rsi,%rcx,8), %ymm5
	vmovupd	64(%rsi,%rcx,8), %ymm6
	vmovupd	96(%rsi,%rcx,8), %ymm7
	vfmadd231pd	(%rdi,%rcx,8), %ymm4, %ymm0
	vfmadd231pd	32(%rdi,%rcx,8), %ymm5, %ymm1
	vfmadd231pd	64(%rdi,%rcx,8), %ymm6, %ymm2
	vfmadd231pd	96(%rdi,%rcx,8), %ymm7, %ymm3
	addq	$16, %rcx
	cmpq	%rcx, %rax
	jne	.Lb31
# LLVM-MCA-END dot_f64/O3-hsw-fast/.LBB0_5
# LLVM-MCA-BEGIN dot_f64/O3-hsw-fast/.LBB0_7
.Lb32:
	vmovsd	(%rsi,%rax,8), %xmm1
	vfmadd231sd	(%rdi,%rax,8), %xmm1, %xmm0
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb32
# LLVM-MCA-END dot_f64/O3-hsw-fast/.LBB0_7
# LLVM-MCA-BEGIN dot_f64/O3-hsw-fast-nounroll/.LBB0_5
.Lb33:
	vmovupd	(%rsi,%rcx,8), %ymm1
	vfmadd231pd	(%rdi,%rcx,8), %ymm1, %ymm0
	addq	$4, %rcx
	cmpq	%rcx, %rax
	jne	.Lb33
# LLVM-MCA-END dot_f64/O3-hsw-fast-nounroll/.LBB0_5
# LLVM-MCA-BEGIN fir_q15/O1/.LBB0_4
.Lb34:
	movswl	(%rdi,%r10,2), %r11d
	movswl	(%rsi,%r10,2), %ebx
	imull	%r11d, %ebx
	addl	%ebx, %r9d
	incq	%r10
	cmpq	%r10, %r8
	jne	.Lb34
# LLVM-MCA-END fir_q15/O1/.LBB0_4
# LLVM-MCA-BEGIN fir_q15/O2/.LBB0_7
.Lb35:
	movq	-8(%r9,%r11,2), %xmm3
	movq	(%r9,%r11,2), %xmm4
	movq	(%rsi,%r11,2), %xmm5
	punpcklwd	%xmm5, %xmm5
	movq	8(%rsi,%r11,2), %xmm6
	punpcklwd	%xmm6, %xmm6
	punpcklwd	%xmm0, %xmm3
	pmaddwd	%xmm5, %xmm3
	paddd	%xmm3, %xmm1
	punpcklwd	%xmm0, %xmm4
	pmaddwd	%xmm6, %xmm4
	paddd	%xmm4, %xmm2
	addq	$8, %r11
	cmpq	%r11, %rax
	jne	.Lb35
# LLVM-MCA-END fir_q15/O2/.LBB0_7
# LLVM-MCA-BEGIN fir_q15/O2/.LBB0_5
.Lb36:
	movswl	(%rdi,%rbx,2), %ebp
	movswl	(%rsi,%rbx,2), %r14d
	imull	%ebp, %r14d
	addl	%r14d, %r11d
	incq	%rbx
	cmpq	%rbx, %r8
	jne	.Lb36
# LLVM-MCA-END fir_q15/O2/.LBB0_5
# LLVM-MCA-BEGIN fir_q15/O2-nounroll/.LBB0_7
.Lb37:
	movq	(%rdi,%r10,2), %xmm2
	punpcklwd	%xmm0, %xmm2
	movq	(%rsi,%r10,2), %xmm3
	punpcklwd	%xmm3, %xmm3
	pmaddwd	%xmm2, %xmm3
	paddd	%xmm3, %xmm1
	addq	$4, %r10
	cmpq	%r10, %rax
	jne	.Lb37
# LLVM-MCA-END fir_q15/O2-nounroll/.LBB0_7
# LLVM-MCA-BEGIN fir_q15/O2-nounroll/.LBB0_5
.Lb38:
	movswl	(%rdi,%r11,2), %ebx
	movswl	(%rsi,%r11,2), %ebp
	imull	%ebx, %ebp
	addl	%ebp, %r10d
	incq	%r11
	cmpq	%r11, %r8
	jne	.Lb38
# LLVM-MCA-END fir_q15/O2-nounroll/.LBB0_5
# LLVM-MCA-BEGIN fir_q15/O2-hsw/.LBB0_7
.Lb39:
	vmovdqu	(%rsi,%r11,2), %xmm4
	vmovdqu	16(%rsi,%r11,2), %xmm5
	vmovdqu	32(%rsi,%r11,2), %xmm6
	vmovdqu	48(%rsi,%r11,2), %xmm7
	vpmaddwd	-48(%r9,%r11,2), %xmm4, %xmm4
	vpaddd	%ymm0, %ymm4, %ymm0
	vpmaddwd	-32(%r9,%r11,2), %xmm5, %xmm4
	vpaddd	%ymm1, %ymm4, %ymm1
	vpmaddwd	-16(%r9,%r11,2), %xmm6, %xmm4
	vpmaddwd	(%r9,%r11,2), %xmm7, %xmm5
	vpaddd	%ymm2, %ymm4, %ymm2
	vpaddd	%ymm3, %ymm5, %ymm3
	addq	$32, %r11
	cmpq	%r11, %rax
	jne	.Lb39
# LLVM-MCA-END fir_q15/O2-hsw/.LBB0_7
# LLVM-MCA-BEGIN fir_q15/O2-hsw-nounroll/.LBB0_7
.Lb40:
	vmovdqu	(%rsi,%r10,2), %xmm1
	vpmaddwd	(%rdi,%r10,2), %xmm1, %xmm1
	vpaddd	%ymm0, %ymm1, %ymm0
	addq	$8, %r10
	cmpq	%r10, %rax
	jne	.Lb40
# LLVM-MCA-END fir_q15/O2-hsw-nounroll/.LBB0_7
# LLVM-MCA-BEGIN gcd_binary/O1/.LBB0_3
.Lb41:
	movq	%rdi, %rsi
	rep		bsfq	%rax, %rcx
	shrq	%cl, %rax
	movq	%rdi, %rcx
	subq	%rax, %rcx
	negq	%rcx
	movq	%rdi, %r8
	subq	%rax, %r8
	cmovbeq	%rcx, %r8
	movq	%rax, %rdi
	cmovbq	%rsi, %rdi
	movq	%r8, %rax
	testq	%r8, %r8
	jne	.Lb41
# LLVM-MCA-END gcd_binary/O1/.LBB0_3
# LLVM-MCA-BEGIN gcd_binary/Os/.LBB0_3
.Lb42:
	movq	%rdi, %rsi
	bsfq	%rax, %rcx
	shrq	%cl, %rax
	movq	%rdi, %rcx
	subq	%rax, %rcx
	negq	%rcx
	movq	%rdi, %r8
	subq	%rax, %r8
	cmovbeq	%rcx, %r8
	movq	%rax, %rdi
	cmovbq	%rsi, %rdi
	movq	%r8, %rax
	testq	%r8, %r8
	jne	.Lb42
# LLVM-MCA-END gcd_binary/Os/.LBB0_3
# LLVM-MCA-BEGIN gcd_binary/O2-hsw/.LBB0_4
.Lb43:
	movq	%rdx, %rsi
	xorl	%edx, %edx
	tzcntq	%rax, %rdx
	shrxq	%rdx, %rax, %rdx
	movq	%rsi, %rdi
	subq	%rdx, %rdi
	negq	%rdi
	movq	%rsi, %rax
	subq	%rdx, %rax
	cmovbeq	%rdi, %rax
	cmovbq	%rsi, %rdx
	testq	%rax, %rax
	jne	.Lb43
# LLVM-MCA-END gcd_binary/O2-hsw/.LBB0_4
# LLVM-MCA-BEGIN lcg_chain/O1/.LBB0_2
.Lb44:
	imulq	%rdi, %rax
	addq	%r8, %rax
	movq	%rax, %r9
	shrq	$33, %r9
	movl	%r9d, (%rsi,%rcx,4)
	incq	%rcx
	cmpq	%rcx, %rdx
	jne	.Lb44
# LLVM-MCA-END lcg_chain/O1/.LBB0_2
# LLVM-MCA-BEGIN lcg_chain/O2/.LBB0_8
.Lb45:
	imulq	%rcx, %rax
	addq	%rdi, %rax
	movq	%rax, %r10
	shrq	$33, %r10
	movl	%r10d, (%rsi,%r9,4)
	imulq	%rcx, %rax
	addq	%rdi, %rax
	movq	%rax, %r10
	shrq	$33, %r10
	movl	%r10d, 4(%rsi,%r9,4)
	imulq	%rcx, %rax
	addq	%rdi, %rax
	movq	%rax, %r10
	shrq	$33, %r10
	movl	%r10d, 8(%rsi,%r9,4)
	imulq	%rcx, %rax
	addq	%rdi, %rax
	movq	%rax, %r10
	shrq	$33, %r10
	movl	%r10d, 12(%rsi,%r9,4)
	addq	$4, %r9
	cmpq	%r9, %rdx
	jne	.Lb45
# LLVM-MCA-END lcg_chain/O2/.LBB0_8
# LLVM-MCA-BEGIN lcg_chain/O2/.LBB0_5
.Lb46:
	imulq	%rcx, %rax
	addq	%rdi, %rax
	movq	%rax, %r9
	shrq	$33, %r9
	movl	%r9d, (%rdx,%rsi,4)
	incq	%rsi
	cmpq	%rsi, %r8
	jne	.Lb46
# LLVM-MCA-END lcg_chain/O2/.LBB0_5
# LLVM-MCA-BEGIN lcg_chain/O2-hsw/.LBB0_8
.Lb47:
	imulq	%rcx, %rax
	addq	%rdi, %rax
	movq	%rax, %r10
	shrq	$33, %r10
	movl	%r10d, (%rsi,%r9,4)
	imulq	%rcx, %rax
	addq	%rdi, %rax
	movq	%rax, %r10
	shrq	$33, %r10
	movl	%r10d, 4(%rsi,%r9,4)
	imulq	%rcx, %rax
	addq	%rdi, %rax
	movq	%rax, %r10
	shrq	$33, %r10
	movl	%r10d, 8(%rsi,%r9,4)
	imulq	%rcx, %rax
	addq	%rdi, %rax
	movq	%rax, %r10
	shrq	$33, %r10
	movl	%r10d, 12(%rsi,%r9,4)
	imulq	%rcx, %rax
	addq	%rdi, %rax
	movq	%rax, %r10
	shrq	$33, %r10
	movl	%r10d, 16(%rsi,%r9,4)
	imulq	%rcx, %rax
	addq	%rdi, %rax
	movq	%rax, %r10
	shrq	$33, %r10
	movl	%r10d, 20(%rsi,%r9,4)
	imulq	%rcx, %rax
	addq	%rdi, %rax
	movq	%rax, %r10
	shrq	$33, %r10
	movl	%r10d, 24(%rsi,%r9,4)
	imulq	%rcx, %rax
	addq	%rdi, %rax
	movq	%rax, %r10
	shrq	$33, %r10
	movl	%r10d, 28(%rsi,%r9,4)
	addq	$8, %r9
	cmpq	%r9, %rdx
	jne	.Lb47
# LLVM-MCA-END lcg_chain/O2-hsw/.LBB0_8
# LLVM-MCA-BEGIN lower_bound/O1/.LBB0_3
.Lb48:
	movq	%rax, %rsi
	shrq	%rsi
	cmpl	%edx, -4(%rcx,%rsi,4)
	movl	$0, %r8d
	cmovlq	%rsi, %r8
	leaq	(%rcx,%r8,4), %rcx
	subq	%rsi, %rax
	cmpq	$1, %rax
	ja	.Lb48
# LLVM-MCA-END lower_bound/O1/.LBB0_3
# LLVM-MCA-BEGIN matmul_ikj_f64/O1/.LBB0_4
.Lb49:
	movsd	(%r10,%rbx,8), %xmm1
	mulsd	%xmm0, %xmm1
	addsd	(%rdx,%rbx,8), %xmm1
	movsd	%xmm1, (%rdx,%rbx,8)
	incq	%rbx
	cmpq	%rbx, %rcx
	jne	.Lb49
# LLVM-MCA-END matmul_ikj_f64/O1/.LBB0_4
# LLVM-MCA-BEGIN matmul_ikj_f64/O2/.LBB0_7
.Lb50:
	movupd	-16(%r15,%r13,8), %xmm2
	movupd	(%r15,%r13,8), %xmm3
	movupd	-16(%r10,%r13,8), %xmm4
	movupd	(%r10,%r13,8), %xmm5
	mulpd	%xmm1, %xmm2
	addpd	%xmm4, %xmm2
	mulpd	%xmm1, %xmm3
	addpd	%xmm5, %xmm3
	movupd	%xmm2, -16(%r10,%r13,8)
	movupd	%xmm3, (%r10,%r13,8)
	addq	$4, %r13
	cmpq	%r13, %rax
	jne	.Lb50
# LLVM-MCA-END matmul_ikj_f64/O2/.LBB0_7
# LLVM-MCA-BEGIN matmul_ikj_f64/O2/.LBB0_5
.Lb51:
	movsd	(%r14,%r13,8), %xmm1
	mulsd	%xmm0, %xmm1
	addsd	(%rdx,%r13,8), %xmm1
	movsd	%xmm1, (%rdx,%r13,8)
	incq	%r13
	cmpq	%r13, %rcx
	jne	.Lb51
# LLVM-MCA-END matmul_ikj_f64/O2/.LBB0_5
# LLVM-MCA-BEGIN matmul_ikj_f64/O2-nounroll/.LBB0_7
.Lb52:
	movupd	(%r11,%r14,8), %xmm2
	mulpd	%xmm1, %xmm2
	movupd	(%rdx,%r14,8), %xmm3
	addpd	%xmm2, %xmm3
	movupd	%xmm3, (%rdx,%r14,8)
	addq	$2, %r14
	cmpq	%r14, %rax
	jne	.Lb52
# LLVM-MCA-END matmul_ikj_f64/O2-nounroll/.LBB0_7
# LLVM-MCA-BEGIN matmul_ikj_f64/O2-nounroll/.LBB0_5
.Lb53:
	movsd	(%r11,%r14,8), %xmm1
	mulsd	%xmm0, %xmm1
	addsd	(%rdx,%r14,8), %xmm1
	movsd	%xmm1, (%rdx,%r14,8)
	incq	%r14
	cmpq	%r14, %rcx
	jne	.Lb53
# LLVM-MCA-END matmul_ikj_f64/O2-nounroll/.LBB0_5
# LLVM-MCA-BEGIN matmul_ikj_f64/O2-hsw/.LBB0_7
.Lb54:
	vmovupd	-96(%r15,%r13,8), %ymm2
	vmovupd	-64(%r15,%r13,8), %ymm3
	vmovupd	-32(%r15,%r13,8), %ymm4
	vmovupd	(%r15,%r13,8), %ymm5
	vfmadd213pd	-96(%r10,%r13,8), %ymm1, %ymm2
	vfmadd213pd	-64(%r10,%r13,8), %ymm1, %ymm3
	vfmadd213pd	-32(%r10,%r13,8), %ymm1, %ymm4
	vfmadd213pd	(%r10,%r13,8), %ymm1, %ymm5
	vmovupd	%ymm2, -96(%r10,%r13,8)
	vmovupd	%ymm3, -64(%r10,%r13,8)
	vmovupd	%ymm4, -32(%r10,%r13,8)
	vmovupd	%ymm5, (%r10,%r13,8)
	addq	$16, %r13
	cmpq	%r13, %rax
	jne	.Lb54
# LLVM-MCA-END matmul_ikj_f64/O2-hsw/.LBB0_7
# LLVM-MCA-BEGIN matmul_ikj_f64/O2-hsw/.LBB0_5
.Lb55:
	vmovsd	(%r14,%r13,8), %xmm1
	vfmadd213sd	(%rdx,%r13,8), %xmm0, %xmm1
	vmovsd	%xmm1, (%rdx,%r13,8)
	incq	%r13
	cmpq	%r13, %rcx
	jne	.Lb55
# LLVM-MCA-END matmul_ikj_f64/O2-hsw/.LBB0_5
# LLVM-MCA-BEGIN matmul_ikj_f64/O2-hsw-nounroll/.LBB0_7
.Lb56:
	vmovupd	(%r11,%r14,8), %ymm2
	vfmadd213pd	(%rdx,%r14,8), %ymm1, %ymm2
	vmovupd	%ymm2, (%rdx,%r14,8)
	addq	$4, %r14
	cmpq	%r14, %rax
	jne	.Lb56
# LLVM-MCA-END matmul_ikj_f64/O2-hsw-nounroll/.LBB0_7
# LLVM-MCA-BEGIN matmul_ikj_f64/O2-hsw-nounroll/.LBB0_5
.Lb57:
	vmovsd	(%r11,%r14,8), %xmm1
	vfmadd213sd	(%rdx,%r14,8), %xmm0, %xmm1
	vmovsd	%xmm1, (%rdx,%r14,8)
	incq	%r14
	cmpq	%r14, %rcx
	jne	.Lb57
# LLVM-MCA-END matmul_ikj_f64/O2-hsw-nounroll/.LBB0_5
# LLVM-MCA-BEGIN matmul_ikj_f64/Os-hsw/.LBB0_4
.Lb58:
	vmovq	%r14, %xmm5
	vpbroadcastq	%xmm5, %ymm5
	vpor	%ymm0, %ymm5, %ymm5
	vpxor	%ymm1, %ymm5, %ymm5
	vpcmpgtq	%ymm2, %ymm5, %ymm5
	vpxor	%ymm3, %ymm5, %ymm5
	vmaskmovpd	(%r11,%r14,8), %ymm5, %ymm6
	vmaskmovpd	(%rdx,%r14,8), %ymm5, %ymm7
	vfmadd231pd	%ymm6, %ymm4, %ymm7
	vmaskmovpd	%ymm7, %ymm5, (%rdx,%r14,8)
	addq	$4, %r14
	cmpq	%r14, %rax
	jne	.Lb58
# LLVM-MCA-END matmul_ikj_f64/Os-hsw/.LBB0_4
# LLVM-MCA-BEGIN memcpy_u8/O1/.LBB0_2
.Lb59:
	movzbl	(%rsi,%rax), %ecx
	movb	%cl, (%rdi,%rax)
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb59
# LLVM-MCA-END memcpy_u8/O1/.LBB0_2
# LLVM-MCA-BEGIN memcpy_u8/O2/.LBB0_6
.Lb60:
	movups	(%rsi,%rcx), %xmm0
	movups	16(%rsi,%rcx), %xmm1
	movups	%xmm0, (%rdi,%rcx)
	movups	%xmm1, 16(%rdi,%rcx)
	addq	$32, %rcx
	cmpq	%rcx, %rax
	jne	.Lb60
# LLVM-MCA-END memcpy_u8/O2/.LBB0_6
# LLVM-MCA-BEGIN memcpy_u8/O2/.LBB0_10
.Lb61:
	movq	(%rsi,%rcx), %r8
	movq	%r8, (%rdi,%rcx)
	addq	$8, %rcx
	cmpq	%rcx, %rax
	jne	.Lb61
# LLVM-MCA-END memcpy_u8/O2/.LBB0_10
# LLVM-MCA-BEGIN memcpy_u8/Os/.LBB0_2
.Lb62:
	movb	(%rsi,%rax), %cl
	movb	%cl, (%rdi,%rax)
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb62
# LLVM-MCA-END memcpy_u8/Os/.LBB0_2
# LLVM-MCA-BEGIN memcpy_u8/O2-nounroll/.LBB0_6
.Lb63:
	movups	(%rsi,%rcx), %xmm0
	movups	%xmm0, (%rdi,%rcx)
	addq	$16, %rcx
	cmpq	%rcx, %rax
	jne	.Lb63
# LLVM-MCA-END memcpy_u8/O2-nounroll/.LBB0_6
# LLVM-MCA-BEGIN memcpy_u8/O2-hsw/.LBB0_6
.Lb64:
	vmovups	(%rsi,%rcx), %ymm0
	vmovups	32(%rsi,%rcx), %ymm1
	vmovups	64(%rsi,%rcx), %ymm2
	vmovups	96(%rsi,%rcx), %ymm3
	vmovups	%ymm0, (%rdi,%rcx)
	vmovups	%ymm1, 32(%rdi,%rcx)
	vmovups	%ymm2, 64(%rdi,%rcx)
	vmovups	%ymm3, 96(%rdi,%rcx)
	subq	$-128, %rcx
	cmpq	%rcx, %rax
	jne	.Lb64
# LLVM-MCA-END memcpy_u8/O2-hsw/.LBB0_6
# LLVM-MCA-BEGIN memcpy_u8/O2-hsw/.LBB0_10
.Lb65:
	vmovups	(%rsi,%rcx), %xmm0
	vmovups	%xmm0, (%rdi,%rcx)
	addq	$16, %rcx
	cmpq	%rcx, %rax
	jne	.Lb65
# LLVM-MCA-END memcpy_u8/O2-hsw/.LBB0_10
# LLVM-MCA-BEGIN memcpy_u8/O2-hsw-nounroll/.LBB0_6
.Lb66:
	vmovups	(%rsi,%rcx), %ymm0
	vmovups	%ymm0, (%rdi,%rcx)
	addq	$32, %rcx
	cmpq	%rcx, %rax
	jne	.Lb66
# LLVM-MCA-END memcpy_u8/O2-hsw-nounroll/.LBB0_6
# LLVM-MCA-BEGIN min_f32/O1/.LBB0_4
.Lb67:
	movss	(%rdi,%rax,4), %xmm0
	minss	%xmm1, %xmm0
	incq	%rax
	movaps	%xmm0, %xmm1
	cmpq	%rax, %rsi
	jne	.Lb67
# LLVM-MCA-END min_f32/O1/.LBB0_4
# LLVM-MCA-BEGIN min_f32/O2/.LBB0_10
.Lb68:
	movss	4(%rdi,%rcx,4), %xmm0
	minss	%xmm1, %xmm0
	movss	8(%rdi,%rcx,4), %xmm1
	minss	%xmm0, %xmm1
	movss	12(%rdi,%rcx,4), %xmm0
	minss	%xmm1, %xmm0
	movss	16(%rdi,%rcx,4), %xmm1
	minss	%xmm0, %xmm1
	addq	$4, %rcx
	cmpq	%rcx, %rdx
	jne	.Lb68
# LLVM-MCA-END min_f32/O2/.LBB0_10
# LLVM-MCA-BEGIN min_f32/O2/.LBB0_7
.Lb69:
	movss	(%rcx,%rdx,4), %xmm0
	minss	%xmm1, %xmm0
	incq	%rdx
	movaps	%xmm0, %xmm1
	cmpq	%rdx, %rax
	jne	.Lb69
# LLVM-MCA-END min_f32/O2/.LBB0_7
# LLVM-MCA-BEGIN min_f32/O2-hsw/.LBB0_9
.Lb70:
	vmovss	4(%rdi,%rcx,4), %xmm1
	vminss	%xmm0, %xmm1, %xmm0
	vmovss	8(%rdi,%rcx,4), %xmm1
	vminss	%xmm0, %xmm1, %xmm0
	vmovss	12(%rdi,%rcx,4), %xmm1
	vminss	%xmm0, %xmm1, %xmm0
	vmovss	16(%rdi,%rcx,4), %xmm1
	vminss	%xmm0, %xmm1, %xmm0
	vmovss	20(%rdi,%rcx,4), %xmm1
	vminss	%xmm0, %xmm1, %xmm0
	vmovss	24(%rdi,%rcx,4), %xmm1
	vminss	%xmm0, %xmm1, %xmm0
	vmovss	28(%rdi,%rcx,4), %xmm1
	vminss	%xmm0, %xmm1, %xmm0
	vmovss	32(%rdi,%rcx,4), %xmm1
	vminss	%xmm0, %xmm1, %xmm0
	addq	$8, %rcx
	cmpq	%rcx, %rdx
	jne	.Lb70
# LLVM-MCA-END min_f32/O2-hsw/.LBB0_9
# LLVM-MCA-BEGIN min_f32/O2-hsw/.LBB0_6
.Lb71:
	vmovss	(%rcx,%rdx,4), %xmm1
	vminss	%xmm0, %xmm1, %xmm0
	incq	%rdx
	cmpq	%rdx, %rax
	jne	.Lb71
# LLVM-MCA-END min_f32/O2-hsw/.LBB0_6
# LLVM-MCA-BEGIN min_f32/O2-hsw-nounroll/.LBB0_2
.Lb72:
	vmovss	(%rdi,%rax,4), %xmm1
	vminss	%xmm0, %xmm1, %xmm0
	incq	%rax
	cmpq	%rax, %rsi
	jne	.Lb72
# LLVM-MCA-END min_f32/O2-hsw-nounroll/.LBB0_2
# LLVM-MCA-BEGIN min_f32/O3-hsw-fast/.LBB0_3
.Lb73:
	vminps	4(%rdi,%r8,4), %ymm0, %ymm0
	vminps	36(%rdi,%r8,4), %ymm1, %ymm1
	vminps	68(%rdi,%r8,4), %ymm2, %ymm2
	vminps	100(%rdi,%r8,4), %ymm3, %ymm3
	addq	$32, %r8
	cmpq	%r8, %rdx
	jne	.Lb73
# LLVM-MCA-END min_f32/O3-hsw-fast/.LBB0_3
# LLVM-MCA-BEGIN min_f32/O3-hsw-fast/.LBB0_5
.Lb74:
	vminss	(%rdi,%rax,4), %xmm0, %xmm0
	incq	%rax
	cmpq	%rax, %rsi
	jne	.Lb74
# LLVM-MCA-END min_f32/O3-hsw-fast/.LBB0_5
# LLVM-MCA-BEGIN min_f32/O3-hsw-fast-nounroll/.LBB0_3
.Lb75:
	vminps	4(%rdi,%r8,4), %ymm0, %ymm0
	addq	$8, %r8
	cmpq	%r8, %rdx
	jne	.Lb75
# LLVM-MCA-END min_f32/O3-hsw-fast-nounroll/.LBB0_3
# LLVM-MCA-BEGIN modpow_u64/O1/.LBB0_2
.Lb76:
	movq	%r8, %rax
	xorl	%edx, %edx
	divq	%rcx
	testb	$1, %sil
	movq	%rdx, %r8
	movq	%rdx, %rax
	cmoveq	%r9, %rax
	imulq	%rdi, %rax
	xorl	%edx, %edx
	divq	%rcx
	imulq	%r8, %r8
	shrq	%r10
	movq	%rdx, %rdi
	cmpq	$1, %rsi
	movq	%r10, %rsi
	ja	.Lb76
# LLVM-MCA-END modpow_u64/O1/.LBB0_2
# LLVM-MCA-BEGIN morton_encode/O1/.LBB0_3
.Lb77:
	xorl	%r14d, %r14d
	btl	%ebp, %r10d
	setb	%r14b
	leal	-1(%r8), %ecx
	shll	%cl, %r14d
	xorl	%r15d, %r15d
	btl	%ebp, %r11d
	setb	%r15b
	movl	%r8d, %ecx
	shll	%cl, %r15d
	orl	%r14d, %r15d
	orl	%r15d, %ebx
	incl	%ebp
	addl	$2, %r8d
	cmpl	$16, %ebp
	jne	.Lb77
# LLVM-MCA-END morton_encode/O1/.LBB0_3
# LLVM-MCA-BEGIN morton_encode/O2/.LBB0_3
.Lb78:
	xorl	%r15d, %r15d
	btl	%ebx, %r10d
	setb	%r15b
	leal	-3(%r8), %ecx
	shll	%cl, %r15d
	xorl	%r14d, %r14d
	btl	%ebx, %r11d
	setb	%r14b
	leal	-2(%r8), %ecx
	shll	%cl, %r14d
	orl	%r15d, %r14d
	orl	%ebp, %r14d
	leal	1(%rbx), %ecx
	movzbl	%cl, %r15d
	xorl	%r12d, %r12d
	btl	%r15d, %r10d
	setb	%r12b
	leal	-1(%r8), %ecx
	shll	%cl, %r12d
	xorl	%ebp, %ebp
	btl	%r15d, %r11d
	setb	%bpl
	movl	%r8d, %ecx
	shll	%cl, %ebp
	orl	%r12d, %ebp
	orl	%r14d, %ebp
	addl	$4, %r8d
	addl	$2, %ebx
	cmpl	$16, %ebx
	jne	.Lb78
# LLVM-MCA-END morton_encode/O2/.LBB0_3
# LLVM-MCA-BEGIN morton_encode/O3/.LBB0_4
.Lb79:
	movq	(%rdi,%r8,2), %xmm6
	punpcklwd	%xmm0, %xmm6
	movq	(%rsi,%r8,2), %xmm8
	movdqa	%xmm8, %xmm7
	punpcklwd	%xmm0, %xmm7
	movdqa	%xmm6, %xmm3
	pand	0(%rip), %xmm3
	movdqa	%xmm7, %xmm4
	paddd	%xmm7, %xmm4
	pand	64(%rip), %xmm4
	por	%xmm3, %xmm4
	movdqa	%xmm6, %xmm3
	paddd	%xmm6, %xmm3
	pand	128(%rip), %xmm3
	movdqa	%xmm7, %xmm5
	pslld	$2, %xmm5
	pand	192(%rip), %xmm5
	por	%xmm3, %xmm5
	por	%xmm4, %xmm5
	movdqa	%xmm6, %xmm3
	pslld	$2, %xmm3
	pand	256(%rip), %xmm3
	movdqa	%xmm7, %xmm4
	pslld	$3, %xmm4
	pand	320(%rip), %xmm4
	por	%xmm3, %xmm4
	por	%xmm5, %xmm4
	movdqa	%xmm6, %xmm3
	pslld	$3, %xmm3
	pand	384(%rip), %xmm3
	movdqa	%xmm7, %xmm5
	pslld	$4, %xmm5
	pand	448(%rip), %xmm5
	por	%xmm3, %xmm5
	por	%xmm4, %xmm5
	movdqa	%xmm6, %xmm3
	pslld	$4, %xmm3
	pand	512(%rip), %xmm3
	movdqa	%xmm7, %xmm4
	pslld	$5, %xmm4
	pand	576(%rip), %xmm4
	por	%xmm3, %xmm4
	por	%xmm5, %xmm4
	movdqa	%xmm6, %xmm3
	pslld	$5, %xmm3
	pand	640(%rip), %xmm3
	movdqa	%xmm7, %xmm5
	pslld	$6, %xmm5
	pand	704(%rip), %xmm5
	por	%xmm3, %xmm5
	por	%xmm4, %xmm5
	movdqa	%xmm6, %xmm3
	pslld	$6, %xmm3
	pand	768(%rip), %xmm3
	movdqa	%xmm7, %xmm4
	pslld	$7, %xmm4
	pand	832(%rip), %xmm4
	por	%xmm3, %xmm4
	por	%xmm5, %xmm4
	movdqa	%xmm6, %xmm3
	pslld	$7, %xmm3
	pand	896(%rip), %xmm3
	movdqa	%xmm7, %xmm5
	pslld	$8, %xmm5
	pand	960(%rip), %xmm5
	por	%xmm3, %xmm5
	por	%xmm4, %xmm5
	movdqa	%xmm6, %xmm3
	pslld	$8, %xmm3
	pand	1024(%rip), %xmm3
	movdqa	%xmm7, %xmm4
	pslld	$9, %xmm4
	pand	1088(%rip), %xmm4
	por	%xmm3, %xmm4
	por	%xmm5, %xmm4
	movdqa	%xmm6, %xmm3
	pslld	$9, %xmm3
	pand	1152(%rip), %xmm3
	movdqa	%xmm7, %xmm5
	pslld	$10, %xmm5
	pand	1216(%rip), %xmm5
	por	%xmm3, %xmm5
	por	%xmm4, %xmm5
	movdqa	%xmm6, %xmm3
	pslld	$10, %xmm3
	pand	1280(%rip), %xmm3
	movdqa	%xmm7, %xmm4
	pslld	$11, %xmm4
	pand	1344(%rip), %xmm4
	por	%xmm3, %xmm4
	por	%xmm5, %xmm4
	movdqa	%xmm6, %xmm3
	pslld	$11, %xmm3
	pand	1408(%rip), %xmm3
	movdqa	%xmm7, %xmm5
	pslld	$12, %xmm5
	pand	%xmm9, %xmm5
	por	%xmm3, %xmm5
	por	%xmm4, %xmm5
	movdqa	%xmm6, %xmm3
	pslld	$12, %xmm3
	pand	%xmm10, %xmm3
	movdqa	%xmm7, %xmm4
	pslld	$13, %xmm4
	pand	%xmm11, %xmm4
	por	%xmm3, %xmm4
	por	%xmm5, %xmm4
	movdqa	%xmm6, %xmm3
	pslld	$13, %xmm3
	pand	%xmm12, %xmm3
	movdqa	%xmm7, %xmm5
	pslld	$14, %xmm5
	pand	%xmm13, %xmm5
	por	%xmm3, %xmm5
	por	%xmm4, %xmm5
	movdqa	%xmm6, %xmm3
	pslld	$14, %xmm3
	pand	%xmm14, %xmm3
	pslld	$15, %xmm7
	pand	%xmm15, %xmm7
	por	%xmm3, %xmm7
	por	%xmm5, %xmm7
	punpcklwd	%xmm8, %xmm3
	pslld	$15, %xmm6
	pand	%xmm1, %xmm6
	pand	%xmm2, %xmm3
	por	%xmm6, %xmm3
	por	%xmm7, %xmm3
	movdqu	%xmm3, (%rdx,%r8,4)
	addq	$4, %r8
	cmpq	%r8, %rax
	jne	.Lb79
# LLVM-MCA-END morton_encode/O3/.LBB0_4
# LLVM-MCA-BEGIN morton_encode/O3/.LBB0_7
.Lb80:
	movzwl	(%rdi,%rax,2), %r9d
	movswl	(%rsi,%rax,2), %r11d
	movd	%r9d, %xmm6
	pinsrw	$2, %r11d, %xmm6
	movl	%r9d, %r8d
	andl	$1, %r8d
	pshufd	$85, %xmm6, %xmm7
	movd	%xmm7, %r14d
	leal	(%r14,%r14), %r10d
	andl	$2, %r10d
	movl	%r9d, %ebx
	andl	$2, %ebx
	leal	(,%r14,4), %r15d
	andl	$8, %r15d
	movl	%r9d, %r12d
	andl	$4, %r12d
	shll	$3, %r14d
	andl	$32, %r14d
	andl	$8, %r9d
	pshufd	$68, %xmm6, %xmm7
	movdqa	%xmm6, %xmm8
	pslld	$7, %xmm8
	movdqa	%xmm7, %xmm9
	pslld	$6, %xmm9
	movsd	%xmm8, %xmm9
	andpd	%xmm1, %xmm9
	movdqa	%xmm6, %xmm10
	pslld	$5, %xmm10
	movdqa	%xmm7, %xmm8
	pslld	$4, %xmm8
	movsd	%xmm10, %xmm8
	andpd	%xmm0, %xmm8
	orpd	%xmm9, %xmm8
	movdqa	%xmm6, %xmm9
	pslld	$13, %xmm9
	movdqa	%xmm7, %xmm10
	pslld	$12, %xmm10
	movsd	%xmm9, %xmm10
	andpd	%xmm5, %xmm10
	movdqa	%xmm6, %xmm9
	pslld	$9, %xmm9
	movdqa	%xmm7, %xmm11
	pslld	$8, %xmm11
	movsd	%xmm9, %xmm11
	andpd	%xmm4, %xmm11
	orpd	%xmm10, %xmm11
	movdqa	%xmm6, %xmm9
	pslld	$15, %xmm9
	movdqa	%xmm7, %xmm10
	pslld	$14, %xmm10
	movsd	%xmm9, %xmm10
	andpd	%xmm3, %xmm10
	pslld	$11, %xmm6
	pslld	$10, %xmm7
	movsd	%xmm6, %xmm7
	andpd	%xmm2, %xmm7
	orpd	%xmm10, %xmm7
	orpd	%xmm11, %xmm7
	andl	$-2147483648, %r11d
	pshufd	$238, %xmm7, %xmm6
	por	%xmm7, %xmm6
	pshufd	$85, %xmm6, %xmm7
	por	%xmm6, %xmm7
	movd	%xmm7, %ebp
	pshufd	$238, %xmm8, %xmm6
	por	%xmm8, %xmm6
	pshufd	$85, %xmm6, %xmm7
	por	%xmm6, %xmm7
	movd	%xmm7, %r13d
	orl	%r11d, %r13d
	orl	%ebp, %r13d
	leal	(%r14,%r9,8), %r9d
	leal	(%r15,%r12,4), %r11d
	leal	(%r10,%rbx,2), %r10d
	orl	%r11d, %r10d
	orl	%r9d, %r10d
	orl	%r8d, %r10d
	orl	%r13d, %r10d
	movl	%r10d, (%rdx,%rax,4)
	incq	%rax
	cmpq	%rax, %rcx
	jne	.Lb80
# LLVM-MCA-END morton_encode/O3/.LBB0_7
# LLVM-MCA-BEGIN morton_encode/O2-hsw/.LBB0_2
.Lb81:
	movzwl	(%rsi,%rax,2), %r8d
	movzwl	(%rdi,%rax,2), %r9d
	vmovd	%r9d, %xmm7
	vmovd	%r8d, %xmm8
	vpbroadcastd	%xmm8, %ymm8
	vpsrlvd	%ymm0, %ymm8, %ymm9
	vpand	%ymm1, %ymm9, %ymm9
	vpsllvd	%ymm2, %ymm9, %ymm9
	vpbroadcastd	%xmm7, %ymm7
	vpsrlvd	%ymm0, %ymm7, %ymm10
	vpand	%ymm1, %ymm10, %ymm10
	vpsllvd	%ymm3, %ymm10, %ymm10
	vpsrlvd	%ymm4, %ymm8, %ymm8
	vpand	%ymm1, %ymm8, %ymm8
	vpsllvd	%ymm5, %ymm8, %ymm8
	vpor	%ymm10, %ymm9, %ymm9
	vpsrlvd	%ymm4, %ymm7, %ymm7
	vpand	%ymm1, %ymm7, %ymm7
	vpsllvd	%ymm6, %ymm7, %ymm7
	vpor	%ymm7, %ymm8, %ymm7
	vpor	%ymm7, %ymm9, %ymm7
	vextracti128	$1, %ymm7, %xmm8
	vpor	%xmm7, %xmm8, %xmm7
	vpshufd	$238, %xmm7, %xmm8
	vpor	%xmm7, %xmm8, %xmm7
	vpshufd	$85, %xmm7, %xmm8
	vpor	%xmm7, %xmm8, %xmm7
	vmovd	%xmm7, (%rdx,%rax,4)
	incq	%rax
	cmpq	%rax, %rcx
	jne	.Lb81
# LLVM-MCA-END morton_encode/O2-hsw/.LBB0_2
# LLVM-MCA-BEGIN morton_encode/O3-hsw/.LBB0_4
.Lb82:
	vpmovzxwd	(%rdi,%r8,2), %ymm1
	vmovdqu	(%rsi,%r8,2), %xmm0
	vpmovzxwd	%xmm0, %ymm2
	vpand	544(%rsp), %ymm1, %ymm3
	vpaddd	%ymm2, %ymm2, %ymm4
	vpand	512(%rsp), %ymm4, %ymm4
	vpor	%ymm3, %ymm4, %ymm3
	vpaddd	%ymm1, %ymm1, %ymm4
	vpand	480(%rsp), %ymm4, %ymm4
	vpslld	$2, %ymm2, %ymm5
	vpand	448(%rsp), %ymm5, %ymm5
	vpor	%ymm4, %ymm5, %ymm4
	vpor	%ymm3, %ymm4, %ymm3
	vpslld	$2, %ymm1, %ymm4
	vpand	416(%rsp), %ymm4, %ymm4
	vpslld	$3, %ymm2, %ymm5
	vpand	384(%rsp), %ymm5, %ymm5
	vpor	%ymm4, %ymm5, %ymm4
	vpor	%ymm3, %ymm4, %ymm3
	vpslld	$3, %ymm1, %ymm4
	vpand	352(%rsp), %ymm4, %ymm4
	vpslld	$4, %ymm2, %ymm5
	vpand	320(%rsp), %ymm5, %ymm5
	vpor	%ymm4, %ymm5, %ymm4
	vpor	%ymm3, %ymm4, %ymm3
	vpslld	$4, %ymm1, %ymm4
	vpand	288(%rsp), %ymm4, %ymm4
	vpslld	$5, %ymm2, %ymm5
	vpand	256(%rsp), %ymm5, %ymm5
	vpor	%ymm4, %ymm5, %ymm4
	vpor	%ymm3, %ymm4, %ymm3
	vpslld	$5, %ymm1, %ymm4
	vpand	224(%rsp), %ymm4, %ymm4
	vpslld	$6, %ymm2, %ymm5
	vpand	192(%rsp), %ymm5, %ymm5
	vpor	%ymm4, %ymm5, %ymm4
	vpor	%ymm3, %ymm4, %ymm3
	vpslld	$6, %ymm1, %ymm4
	vpand	160(%rsp), %ymm4, %ymm4
	vpslld	$7, %ymm2, %ymm5
	vpand	128(%rsp), %ymm5, %ymm5
	vpor	%ymm4, %ymm5, %ymm4
	vpor	%ymm3, %ymm4, %ymm3
	vpslld	$7, %ymm1, %ymm4
	vpand	96(%rsp), %ymm4, %ymm4
	vpslld	$8, %ymm2, %ymm5
	vpand	64(%rsp), %ymm5, %ymm5
	vpor	%ymm4, %ymm5, %ymm4
	vpor	%ymm3, %ymm4, %ymm3
	vpslld	$8, %ymm1, %ymm4
	vpand	32(%rsp), %ymm4, %ymm4
	vpslld	$9, %ymm2, %ymm5
	vpand	(%rsp), %ymm5, %ymm5
	vpor	%ymm4, %ymm5, %ymm4
	vpor	%ymm3, %ymm4, %ymm3
	vpslld	$9, %ymm1, %ymm4
	vpand	-32(%rsp), %ymm4, %ymm4
	vpslld	$10, %ymm2, %ymm5
	vpand	-64(%rsp), %ymm5, %ymm5
	vpor	%ymm4, %ymm5, %ymm4
	vpor	%ymm3, %ymm4, %ymm3
	vpslld	$10, %ymm1, %ymm4
	vpand	-96(%rsp), %ymm4, %ymm4
	vpslld	$11, %ymm2, %ymm5
	vpand	-128(%rsp), %ymm5, %ymm5
	vpor	%ymm4, %ymm5, %ymm4
	vpor	%ymm3, %ymm4, %ymm3
	vpslld	$11, %ymm1, %ymm4
	vpand	%ymm6, %ymm4, %ymm4
	vpslld	$12, %ymm2, %ymm5
	vpand	%ymm7, %ymm5, %ymm5
	vpor	%ymm4, %ymm5, %ymm4
	vpor	%ymm3, %ymm4, %ymm3
	vpslld	$12, %ymm1, %ymm4
	vpand	%ymm4, %ymm8, %ymm4
	vpslld	$13, %ymm2, %ymm5
	vpand	%ymm5, %ymm9, %ymm5
	vpor	%ymm4, %ymm5, %ymm4
	vpor	%ymm3, %ymm4, %ymm3
	vpslld	$13, %ymm1, %ymm4
	vpand	%ymm4, %ymm10, %ymm4
	vpslld	$14, %ymm2, %ymm5
	vpand	%ymm5, %ymm11, %ymm5
	vpor	%ymm4, %ymm5, %ymm4
	vpor	%ymm3, %ymm4, %ymm3
	vpslld	$14, %ymm1, %ymm4
	vpand	%ymm4, %ymm12, %ymm4
	vpslld	$15, %ymm2, %ymm2
	vpand	%ymm2, %ymm13, %ymm2
	vpor	%ymm4, %ymm2, %ymm2
	vpor	%ymm3, %ymm2, %ymm2
	vpslld	$15, %ymm1, %ymm1
	vpand	%ymm1, %ymm14, %ymm1
	vpmovsxwd	%xmm0, %ymm0
	vpand	%ymm0, %ymm15, %ymm0
	vpor	%ymm1, %ymm0, %ymm0
	vpor	%ymm2, %ymm0, %ymm0
	vmovdqu	%ymm0, (%rdx,%r8,4)
	addq	$8, %r8
	cmpq	%r8, %rax
	jne	.Lb82
# LLVM-MCA-END morton_encode/O3-hsw/.LBB0_4
# LLVM-MCA-BEGIN morton_encode/O3-hsw/.LBB0_7
.Lb83:
	movswl	(%rsi,%rax,2), %r8d
	movzwl	(%rdi,%rax,2), %r9d
	vmovd	%r8d, %xmm9
	vpinsrw	$1, %r9d, %xmm9, %xmm8
	vpmovzxwd	%xmm8, %xmm10
	vpbroadcastq	%xmm10, %ymm8
	movzwl	%r8w, %r8d
	vpsllvd	%xmm0, %xmm8, %xmm11
	vpaddd	%xmm10, %xmm10, %xmm10
	vpsllvd	%ymm1, %ymm8, %ymm12
	leal	(,%r8,4), %r10d
	vpsllvd	%ymm2, %ymm8, %ymm13
	vpand	%ymm7, %ymm12, %ymm12
	vpsllvd	%xmm3, %xmm8, %xmm14
	vpand	%ymm6, %ymm13, %ymm13
	movl	%r9d, %r11d
	shll	$14, %r11d
	shll	$15, %r8d
	shll	$15, %r9d
	vpinsrd	$1, %r9d, %xmm9, %xmm9
	vpinsrd	$2, %r8d, %xmm9, %xmm9
	vpinsrd	$3, %r11d, %xmm9, %xmm9
	vinserti128	$1, %xmm14, %ymm9, %ymm9
	vpand	%ymm5, %ymm9, %ymm9
	vpor	%ymm12, %ymm9, %ymm9
	vmovd	%r10d, %xmm12
	vpbroadcastd	%xmm12, %ymm12
	vpblendd	$16, %ymm12, %ymm11, %ymm11
	vpbroadcastq	%xmm10, %ymm10
	vpblendd	$96, %ymm10, %ymm11, %ymm10
	vpblendd	$128, %ymm8, %ymm10, %ymm8
	vpand	%ymm4, %ymm8, %ymm8
	vpor	%ymm8, %ymm13, %ymm8
	vpor	%ymm8, %ymm9, %ymm8
	vextracti128	$1, %ymm8, %xmm9
	vpor	%xmm9, %xmm8, %xmm8
	vpshufd	$238, %xmm8, %xmm9
	vpor	%xmm9, %xmm8, %xmm8
	vpshufd	$85, %xmm8, %xmm9
	vpor	%xmm9, %xmm8, %xmm8
	vmovd	%xmm8, (%rdx,%rax,4)
	incq	%rax
	cmpq	%rax, %rcx
	jne	.Lb83
# LLVM-MCA-END morton_encode/O3-hsw/.LBB0_7
# LLVM-MCA-BEGIN morton_encode/O2-hsw-nounroll/.LBB0_3
.Lb84:
	vpsrlvd	%ymm6, %ymm4, %ymm7
	vpand	%ymm1, %ymm7, %ymm7
	vpaddd	%ymm6, %ymm6, %ymm8
	vpsllvd	%ymm8, %ymm7, %ymm7
	vpsrlvd	%ymm6, %ymm5, %ymm9
	vpand	%ymm1, %ymm9, %ymm9
	vpor	%ymm1, %ymm8, %ymm8
	vpsllvd	%ymm8, %ymm9, %ymm8
	vpor	%ymm7, %ymm8, %ymm7
	vpor	%ymm3, %ymm7, %ymm3
	vpaddd	%ymm2, %ymm6, %ymm6
	addl	$-8, %r8d
	jne	.Lb84
# LLVM-MCA-END morton_encode/O2-hsw-nounroll/.LBB0_3
# LLVM-MCA-BEGIN murmur3_32/O1/.LBB0_2
.Lb85:
	movl	(%rdi,%rcx,4), %edx
	imull	$-862048943, %edx, %r8d
	imull	$380141568, %edx, %edx
	shrl	$17, %r8d
	orl	%edx, %r8d
	imull	$461845907, %r8d, %edx
	xorl	%eax, %edx
	roll	$13, %edx
	leal	(%rdx,%rdx,4), %eax
	addl	$-430675100, %eax
	incq	%rcx
	cmpq	%rcx, %rsi
	jne	.Lb85
# LLVM-MCA-END murmur3_32/O1/.LBB0_2
# LLVM-MCA-BEGIN murmur3_32/O2/.LBB0_7
.Lb86:
	movl	(%rdi,%rcx,4), %r8d
	movl	4(%rdi,%rcx,4), %r9d
	imull	$-862048943, %r8d, %r10d
	imull	$380141568, %r8d, %r8d
	shrl	$17, %r10d
	orl	%r8d, %r10d
	imull	$461845907, %r10d, %r8d
	xorl	%eax, %r8d
	roll	$13, %r8d
	leal	(%r8,%r8,4), %eax
	addl	$-430675100, %eax
	imull	$-862048943, %r9d, %r8d
	imull	$380141568, %r9d, %r9d
	shrl	$17, %r8d
	orl	%r9d, %r8d
	imull	$461845907, %r8d, %r8d
	xorl	%eax, %r8d
	roll	$13, %r8d
	leal	(%r8,%r8,4), %eax
	addl	$-430675100, %eax
	addq	$2, %rcx
	cmpq	%rcx, %rdx
	jne	.Lb86
# LLVM-MCA-END murmur3_32/O2/.LBB0_7
# LLVM-MCA-BEGIN murmur3_32/O2-hsw/.LBB0_8
.Lb87:
	movl	(%rdi,%rdx,4), %r8d
	movl	4(%rdi,%rdx,4), %r9d
	imull	$-862048943, %r8d, %r10d
	imull	$380141568, %r8d, %r8d
	shrl	$17, %r10d
	orl	%r8d, %r10d
	imull	$461845907, %r10d, %r8d
	xorl	%eax, %r8d
	rorxl	$19, %r8d, %eax
	leal	(%rax,%rax,4), %eax
	addl	$-430675100, %eax
	imull	$-862048943, %r9d, %r8d
	imull	$380141568, %r9d, %r9d
	shrl	$17, %r8d
	orl	%r9d, %r8d
	imull	$461845907, %r8d, %r8d
	xorl	%eax, %r8d
	rorxl	$19, %r8d, %eax
	leal	(%rax,%rax,4), %eax
	addl	$-430675100, %eax
	movl	8(%rdi,%rdx,4), %r8d
	imull	$-862048943, %r8d, %r9d
	imull	$380141568, %r8d, %r8d
	shrl	$17, %r9d
	orl	%r8d, %r9d
	imull	$461845907, %r9d, %r8d
	xorl	%eax, %r8d
	rorxl	$19, %r8d, %eax
	leal	(%rax,%rax,4), %eax
	addl	$-430675100, %eax
	movl	12(%rdi,%rdx,4), %r8d
	imull	$-862048943, %r8d, %r9d
	imull	$380141568, %r8d, %r8d
	shrl	$17, %r9d
	orl	%r8d, %r9d
	imull	$461845907, %r9d, %r8d
	xorl	%eax, %r8d
	rorxl	$19, %r8d, %eax
	leal	(%rax,%rax,4), %eax
	addl	$-430675100, %eax
	addq	$4, %rdx
	cmpq	%rdx, %rsi
	jne	.Lb87
# LLVM-MCA-END murmur3_32/O2-hsw/.LBB0_8
# LLVM-MCA-BEGIN murmur3_32/O2-hsw/.LBB0_5
.Lb88:
	movl	(%rdx,%rsi,4), %edi
	imull	$-862048943, %edi, %r8d
	imull	$380141568, %edi, %edi
	shrl	$17, %r8d
	orl	%edi, %r8d
	imull	$461845907, %r8d, %edi
	xorl	%eax, %edi
	rorxl	$19, %edi, %eax
	leal	(%rax,%rax,4), %eax
	addl	$-430675100, %eax
	incq	%rsi
	cmpq	%rsi, %rcx
	jne	.Lb88
# LLVM-MCA-END murmur3_32/O2-hsw/.LBB0_5
# LLVM-MCA-BEGIN murmur3_32/O2-hsw-nounroll/.LBB0_2
.Lb89:
	movl	(%rdi,%rcx,4), %edx
	imull	$-862048943, %edx, %r8d
	imull	$380141568, %edx, %edx
	shrl	$17, %r8d
	orl	%edx, %r8d
	imull	$461845907, %r8d, %edx
	xorl	%eax, %edx
	rorxl	$19, %edx, %eax
	leal	(%rax,%rax,4), %eax
	addl	$-430675100, %eax
	incq	%rcx
	cmpq	%rcx, %rsi
	jne	.Lb89
# LLVM-MCA-END murmur3_32/O2-hsw-nounroll/.LBB0_2
# LLVM-MCA-BEGIN newton_sqrt_f64/O1/.LBB0_5
.Lb90:
	movapd	%xmm2, %xmm4
	divsd	%xmm3, %xmm4
	addsd	%xmm3, %xmm4
	mulsd	%xmm1, %xmm4
	movapd	%xmm4, %xmm3
	decl	%r8d
	jne	.Lb90
# LLVM-MCA-END newton_sqrt_f64/O1/.LBB0_5
# LLVM-MCA-BEGIN newton_sqrt_f64/O2/.LBB0_10
.Lb91:
	movapd	%xmm2, %xmm4
	divsd	%xmm3, %xmm4
	addsd	%xmm3, %xmm4
	mulsd	%xmm1, %xmm4
	movapd	%xmm2, %xmm3
	divsd	%xmm4, %xmm3
	addsd	%xmm4, %xmm3
	mulsd	%xmm1, %xmm3
	movapd	%xmm2, %xmm4
	divsd	%xmm3, %xmm4
	addsd	%xmm3, %xmm4
	mulsd	%xmm1, %xmm4
	movapd	%xmm2, %xmm3
	divsd	%xmm4, %xmm3
	addsd	%xmm4, %xmm3
	mulsd	%xmm1, %xmm3
	addl	$-4, %r10d
	jne	.Lb91
# LLVM-MCA-END newton_sqrt_f64/O2/.LBB0_10
# LLVM-MCA-BEGIN newton_sqrt_f64/O2/.LBB0_7
.Lb92:
	movapd	%xmm2, %xmm4
	divsd	%xmm3, %xmm4
	addsd	%xmm3, %xmm4
	mulsd	%xmm1, %xmm4
	movapd	%xmm4, %xmm3
	decl	%r10d
	jne	.Lb92
# LLVM-MCA-END newton_sqrt_f64/O2/.LBB0_7
# LLVM-MCA-BEGIN newton_sqrt_f64/O3/.LBB0_15
.Lb93:
	movupd	(%rdi,%rcx,8), %xmm1
	movupd	16(%rdi,%rcx,8), %xmm2
	maxpd	%xmm0, %xmm1
	maxpd	%xmm0, %xmm2
	movupd	%xmm1, (%rsi,%rcx,8)
	movupd	%xmm2, 16(%rsi,%rcx,8)
	addq	$4, %rcx
	cmpq	%rcx, %rax
	jne	.Lb93
# LLVM-MCA-END newton_sqrt_f64/O3/.LBB0_15
# LLVM-MCA-BEGIN newton_sqrt_f64/O3/.LBB0_13
.Lb94:
	movsd	(%rdi,%rax,8), %xmm1
	maxsd	%xmm0, %xmm1
	movsd	%xmm1, (%rsi,%rax,8)
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb94
# LLVM-MCA-END newton_sqrt_f64/O3/.LBB0_13
# LLVM-MCA-BEGIN newton_sqrt_f64/O3-nounroll/.LBB0_4
.Lb95:
	movapd	%xmm3, %xmm4
	divsd	%xmm2, %xmm4
	addsd	%xmm4, %xmm2
	mulsd	%xmm1, %xmm2
	decl	%r8d
	jne	.Lb95
# LLVM-MCA-END newton_sqrt_f64/O3-nounroll/.LBB0_4
# LLVM-MCA-BEGIN newton_sqrt_f64/O3-nounroll/.LBB0_11
.Lb96:
	movupd	(%rdi,%rcx,8), %xmm1
	maxpd	%xmm0, %xmm1
	movupd	%xmm1, (%rsi,%rcx,8)
	addq	$2, %rcx
	cmpq	%rcx, %rax
	jne	.Lb96
# LLVM-MCA-END newton_sqrt_f64/O3-nounroll/.LBB0_11
# LLVM-MCA-BEGIN newton_sqrt_f64/O2-hsw/.LBB0_9
.Lb97:
	vdivsd	%xmm3, %xmm2, %xmm4
	vaddsd	%xmm4, %xmm3, %xmm3
	vmulsd	%xmm1, %xmm3, %xmm3
	vdivsd	%xmm3, %xmm2, %xmm4
	vaddsd	%xmm4, %xmm3, %xmm3
	vmulsd	%xmm1, %xmm3, %xmm3
	vdivsd	%xmm3, %xmm2, %xmm4
	vaddsd	%xmm4, %xmm3, %xmm3
	vmulsd	%xmm1, %xmm3, %xmm3
	vdivsd	%xmm3, %xmm2, %xmm4
	vaddsd	%xmm4, %xmm3, %xmm3
	vmulsd	%xmm1, %xmm3, %xmm3
	vdivsd	%xmm3, %xmm2, %xmm4
	vaddsd	%xmm4, %xmm3, %xmm3
	vmulsd	%xmm1, %xmm3, %xmm3
	vdivsd	%xmm3, %xmm2, %xmm4
	vaddsd	%xmm4, %xmm3, %xmm3
	vmulsd	%xmm1, %xmm3, %xmm3
	vdivsd	%xmm3, %xmm2, %xmm4
	vaddsd	%xmm4, %xmm3, %xmm3
	vmulsd	%xmm1, %xmm3, %xmm3
	vdivsd	%xmm3, %xmm2, %xmm4
	vaddsd	%xmm4, %xmm3, %xmm3
	vmulsd	%xmm1, %xmm3, %xmm3
	addl	$-8, %r10d
	jne	.Lb97
# LLVM-MCA-END newton_sqrt_f64/O2-hsw/.LBB0_9
# LLVM-MCA-BEGIN newton_sqrt_f64/O2-hsw/.LBB0_6
.Lb98:
	vdivsd	%xmm3, %xmm2, %xmm4
	vaddsd	%xmm4, %xmm3, %xmm3
	vmulsd	%xmm1, %xmm3, %xmm3
	decl	%r10d
	jne	.Lb98
# LLVM-MCA-END newton_sqrt_f64/O2-hsw/.LBB0_6
# LLVM-MCA-BEGIN newton_sqrt_f64/O3-hsw/.LBB0_15
.Lb99:
	vmovupd	(%rdi,%rcx,8), %ymm1
	vmovupd	32(%rdi,%rcx,8), %ymm2
	vmovupd	64(%rdi,%rcx,8), %ymm3
	vmovupd	96(%rdi,%rcx,8), %ymm4
	vmaxpd	%ymm0, %ymm1, %ymm1
	vmaxpd	%ymm0, %ymm2, %ymm2
	vmaxpd	%ymm0, %ymm3, %ymm3
	vmaxpd	%ymm0, %ymm4, %ymm4
	vmovupd	%ymm1, (%rsi,%rcx,8)
	vmovupd	%ymm2, 32(%rsi,%rcx,8)
	vmovupd	%ymm3, 64(%rsi,%rcx,8)
	vmovupd	%ymm4, 96(%rsi,%rcx,8)
	addq	$16, %rcx
	cmpq	%rcx, %rax
	jne	.Lb99
# LLVM-MCA-END newton_sqrt_f64/O3-hsw/.LBB0_15
# LLVM-MCA-BEGIN newton_sqrt_f64/O3-hsw/.LBB0_13
.Lb100:
	vmovsd	(%rdi,%rax,8), %xmm1
	vmaxsd	%xmm0, %xmm1, %xmm1
	vmovsd	%xmm1, (%rsi,%rax,8)
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb100
# LLVM-MCA-END newton_sqrt_f64/O3-hsw/.LBB0_13
# LLVM-MCA-BEGIN newton_sqrt_f64/O2-hsw-nounroll/.LBB0_5
.Lb101:
	vdivsd	%xmm2, %xmm3, %xmm4
	vaddsd	%xmm4, %xmm2, %xmm2
	vmulsd	%xmm1, %xmm2, %xmm2
	decl	%r8d
	jne	.Lb101
# LLVM-MCA-END newton_sqrt_f64/O2-hsw-nounroll/.LBB0_5
# LLVM-MCA-BEGIN newton_sqrt_f64/O3-hsw-fast/.LBB0_5
.Lb102:
	vdivsd	%xmm3, %xmm2, %xmm4
	vaddsd	%xmm3, %xmm4, %xmm3
	vmulsd	%xmm1, %xmm3, %xmm3
	vdivsd	%xmm3, %xmm2, %xmm4
	vaddsd	%xmm3, %xmm4, %xmm3
	vmulsd	%xmm1, %xmm3, %xmm3
	vdivsd	%xmm3, %xmm2, %xmm4
	vaddsd	%xmm3, %xmm4, %xmm3
	vmulsd	%xmm1, %xmm3, %xmm3
	vdivsd	%xmm3, %xmm2, %xmm4
	vaddsd	%xmm3, %xmm4, %xmm3
	vmulsd	%xmm1, %xmm3, %xmm3
	vdivsd	%xmm3, %xmm2, %xmm4
	vaddsd	%xmm3, %xmm4, %xmm3
	vmulsd	%xmm1, %xmm3, %xmm3
	vdivsd	%xmm3, %xmm2, %xmm4
	vaddsd	%xmm3, %xmm4, %xmm3
	vmulsd	%xmm1, %xmm3, %xmm3
	vdivsd	%xmm3, %xmm2, %xmm4
	vaddsd	%xmm3, %xmm4, %xmm3
	vmulsd	%xmm1, %xmm3, %xmm3
	vdivsd	%xmm3, %xmm2, %xmm4
	vaddsd	%xmm3, %xmm4, %xmm3
	vmulsd	%xmm1, %xmm3, %xmm3
	addl	$-8, %r10d
	jne	.Lb102
# LLVM-MCA-END newton_sqrt_f64/O3-hsw-fast/.LBB0_5
# LLVM-MCA-BEGIN newton_sqrt_f64/O3-hsw-fast/.LBB0_8
.Lb103:
	vdivsd	%xmm3, %xmm2, %xmm4
	vaddsd	%xmm3, %xmm4, %xmm3
	vmulsd	%xmm1, %xmm3, %xmm3
	decl	%r10d
	jne	.Lb103
# LLVM-MCA-END newton_sqrt_f64/O3-hsw-fast/.LBB0_8
# LLVM-MCA-BEGIN newton_sqrt_f64/O3-hsw-fast/.LBB0_15
.Lb104:
	vmaxpd	(%rdi,%rcx,8), %ymm0, %ymm1
	vmaxpd	32(%rdi,%rcx,8), %ymm0, %ymm2
	vmaxpd	64(%rdi,%rcx,8), %ymm0, %ymm3
	vmaxpd	96(%rdi,%rcx,8), %ymm0, %ymm4
	vmovupd	%ymm1, (%rsi,%rcx,8)
	vmovupd	%ymm2, 32(%rsi,%rcx,8)
	vmovupd	%ymm3, 64(%rsi,%rcx,8)
	vmovupd	%ymm4, 96(%rsi,%rcx,8)
	addq	$16, %rcx
	cmpq	%rcx, %rax
	jne	.Lb104
# LLVM-MCA-END newton_sqrt_f64/O3-hsw-fast/.LBB0_15
# LLVM-MCA-BEGIN newton_sqrt_f64/O3-hsw-fast/.LBB0_13
.Lb105:
	vmaxsd	(%rdi,%rax,8), %xmm0, %xmm1
	vmovsd	%xmm1, (%rsi,%rax,8)
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb105
# LLVM-MCA-END newton_sqrt_f64/O3-hsw-fast/.LBB0_13
# LLVM-MCA-BEGIN newton_sqrt_f64/O3-hsw-fast-nounroll/.LBB0_4
.Lb106:
	vdivsd	%xmm3, %xmm2, %xmm4
	vaddsd	%xmm3, %xmm4, %xmm3
	vmulsd	%xmm1, %xmm3, %xmm3
	decl	%r8d
	jne	.Lb106
# LLVM-MCA-END newton_sqrt_f64/O3-hsw-fast-nounroll/.LBB0_4
# LLVM-MCA-BEGIN newton_sqrt_f64/O3-hsw-fast-nounroll/.LBB0_11
.Lb107:
	vmaxpd	(%rdi,%rcx,8), %ymm0, %ymm1
	vmovupd	%ymm1, (%rsi,%rcx,8)
	addq	$4, %rcx
	cmpq	%rcx, %rax
	jne	.Lb107
# LLVM-MCA-END newton_sqrt_f64/O3-hsw-fast-nounroll/.LBB0_11
# LLVM-MCA-BEGIN poly3_map_f32/O1/.LBB0_2
.Lb108:
	movss	(%rdi,%rax,4), %xmm4
	movaps	%xmm4, %xmm5
	mulss	%xmm3, %xmm5
	addss	%xmm2, %xmm5
	mulss	%xmm4, %xmm5
	addss	%xmm1, %xmm5
	mulss	%xmm4, %xmm5
	addss	%xmm0, %xmm5
	movss	%xmm5, (%rsi,%rax,4)
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb108
# LLVM-MCA-END poly3_map_f32/O1/.LBB0_2
# LLVM-MCA-BEGIN poly3_map_f32/O2/.LBB0_4
.Lb109:
	movups	(%rdi,%rcx,4), %xmm8
	movups	16(%rdi,%rcx,4), %xmm9
	movaps	%xmm8, %xmm10
	mulps	%xmm4, %xmm10
	addps	%xmm5, %xmm10
	movaps	%xmm9, %xmm11
	mulps	%xmm4, %xmm11
	addps	%xmm5, %xmm11
	mulps	%xmm8, %xmm10
	addps	%xmm6, %xmm10
	mulps	%xmm9, %xmm11
	addps	%xmm6, %xmm11
	mulps	%xmm8, %xmm10
	addps	%xmm7, %xmm10
	mulps	%xmm9, %xmm11
	addps	%xmm7, %xmm11
	movups	%xmm10, (%rsi,%rcx,4)
	movups	%xmm11, 16(%rsi,%rcx,4)
	addq	$8, %rcx
	cmpq	%rcx, %rax
	jne	.Lb109
# LLVM-MCA-END poly3_map_f32/O2/.LBB0_4
# LLVM-MCA-BEGIN poly3_map_f32/O2-nounroll/.LBB0_4
.Lb110:
	movups	(%rdi,%rcx,4), %xmm8
	movaps	%xmm8, %xmm9
	mulps	%xmm4, %xmm9
	addps	%xmm5, %xmm9
	mulps	%xmm8, %xmm9
	addps	%xmm6, %xmm9
	mulps	%xmm8, %xmm9
	addps	%xmm7, %xmm9
	movups	%xmm9, (%rsi,%rcx,4)
	addq	$4, %rcx
	cmpq	%rcx, %rax
	jne	.Lb110
# LLVM-MCA-END poly3_map_f32/O2-nounroll/.LBB0_4
# LLVM-MCA-BEGIN poly3_map_f32/O2-hsw/.LBB0_4
.Lb111:
	vmovups	(%rdi,%rcx,4), %ymm8
	vmovups	32(%rdi,%rcx,4), %ymm9
	vmovups	64(%rdi,%rcx,4), %ymm10
	vmovups	96(%rdi,%rcx,4), %ymm11
	vmovaps	%ymm4, %ymm12
	vfmadd213ps	%ymm5, %ymm8, %ymm12
	vmovaps	%ymm4, %ymm13
	vfmadd213ps	%ymm5, %ymm9, %ymm13
	vmovaps	%ymm4, %ymm14
	vfmadd213ps	%ymm5, %ymm10, %ymm14
	vmovaps	%ymm4, %ymm15
	vfmadd213ps	%ymm5, %ymm11, %ymm15
	vfmadd213ps	%ymm6, %ymm8, %ymm12
	vfmadd213ps	%ymm6, %ymm9, %ymm13
	vfmadd213ps	%ymm6, %ymm10, %ymm14
	vfmadd213ps	%ymm6, %ymm11, %ymm15
	vfmadd213ps	%ymm7, %ymm8, %ymm12
	vfmadd213ps	%ymm7, %ymm9, %ymm13
	vfmadd213ps	%ymm7, %ymm10, %ymm14
	vfmadd213ps	%ymm7, %ymm11, %ymm15
	vmovups	%ymm12, (%rsi,%rcx,4)
	vmovups	%ymm13, 32(%rsi,%rcx,4)
	vmovups	%ymm14, 64(%rsi,%rcx,4)
	vmovups	%ymm15, 96(%rsi,%rcx,4)
	addq	$32, %rcx
	cmpq	%rcx, %rax
	jne	.Lb111
# LLVM-MCA-END poly3_map_f32/O2-hsw/.LBB0_4
# LLVM-MCA-BEGIN poly3_map_f32/O2-hsw/.LBB0_6
.Lb112:
	vmovss	(%rdi,%rax,4), %xmm4
	vmovaps	%xmm3, %xmm5
	vfmadd213ss	%xmm2, %xmm4, %xmm5
	vfmadd213ss	%xmm1, %xmm4, %xmm5
	vfmadd213ss	%xmm0, %xmm4, %xmm5
	vmovss	%xmm5, (%rsi,%rax,4)
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb112
# LLVM-MCA-END poly3_map_f32/O2-hsw/.LBB0_6
# LLVM-MCA-BEGIN poly3_map_f32/O2-hsw-nounroll/.LBB0_4
.Lb113:
	vmovups	(%rdi,%rcx,4), %ymm8
	vmovaps	%ymm4, %ymm9
	vfmadd213ps	%ymm5, %ymm8, %ymm9
	vfmadd213ps	%ymm6, %ymm8, %ymm9
	vfmadd213ps	%ymm7, %ymm8, %ymm9
	vmovups	%ymm9, (%rsi,%rcx,4)
	addq	$8, %rcx
	cmpq	%rcx, %rax
	jne	.Lb113
# LLVM-MCA-END poly3_map_f32/O2-hsw-nounroll/.LBB0_4
# LLVM-MCA-BEGIN poly3_map_f32/Os-hsw/.LBB0_2
.Lb114:
	vmovq	%rcx, %xmm9
	vpbroadcastq	%xmm9, %ymm9
	vpor	%ymm4, %ymm9, %ymm10
	vpor	%ymm5, %ymm9, %ymm9
	vpxor	%ymm6, %ymm9, %ymm9
	vpcmpgtq	%ymm7, %ymm9, %ymm9
	vpxor	%ymm6, %ymm10, %ymm10
	vpcmpgtq	%ymm7, %ymm10, %ymm10
	vpackssdw	%ymm9, %ymm10, %ymm9
	vpxor	%ymm8, %ymm9, %ymm9
	vextracti128	$1, %ymm9, %xmm10
	vpackssdw	%xmm10, %xmm9, %xmm9
	vpshufd	$216, %xmm9, %xmm9
	vpmovzxwd	%xmm9, %ymm9
	vpslld	$31, %ymm9, %ymm9
	vmaskmovps	(%rdi,%rcx,4), %ymm9, %ymm10
	vmovaps	%ymm3, %ymm11
	vfmadd213ps	%ymm2, %ymm10, %ymm11
	vfmadd213ps	%ymm1, %ymm10, %ymm11
	vfmadd213ps	%ymm0, %ymm10, %ymm11
	vmaskmovps	%ymm11, %ymm9, (%rsi,%rcx,4)
	addq	$8, %rcx
	cmpq	%rcx, %rax
	jne	.Lb114
# LLVM-MCA-END poly3_map_f32/Os-hsw/.LBB0_2
# LLVM-MCA-BEGIN popcnt_sum_u64/O1/.LBB0_4
.Lb115:
	movq	(%rdi,%rcx,8), %r11
	movq	%r11, %rbx
	shrq	%rbx
	andq	%rdx, %rbx
	subq	%rbx, %r11
	movq	%r11, %rbx
	andq	%r8, %rbx
	shrq	$2, %r11
	andq	%r8, %r11
	addq	%rbx, %r11
	movq	%r11, %rbx
	shrq	$4, %rbx
	addq	%r11, %rbx
	andq	%r9, %rbx
	imulq	%r10, %rbx
	shrq	$56, %rbx
	addq	%rbx, %rax
	incq	%rcx
	cmpq	%rcx, %rsi
	jne	.Lb115
# LLVM-MCA-END popcnt_sum_u64/O1/.LBB0_4
# LLVM-MCA-BEGIN popcnt_sum_u64/O2/.LBB0_8
.Lb116:
	movdqu	(%rdi,%rax,8), %xmm7
	movdqu	16(%rdi,%rax,8), %xmm6
	movdqa	%xmm7, %xmm8
	psrlw	$1, %xmm8
	pand	%xmm2, %xmm8
	psubb	%xmm8, %xmm7
	movdqa	%xmm7, %xmm8
	pand	%xmm3, %xmm8
	psrlw	$2, %xmm7
	pand	%xmm3, %xmm7
	paddb	%xmm8, %xmm7
	movdqa	%xmm7, %xmm8
	psrlw	$4, %xmm8
	paddb	%xmm7, %xmm8
	pand	%xmm5, %xmm8
	psadbw	%xmm0, %xmm8
	paddq	%xmm8, %xmm4
	movdqa	%xmm6, %xmm7
	psrlw	$1, %xmm7
	pand	%xmm2, %xmm7
	psubb	%xmm7, %xmm6
	movdqa	%xmm6, %xmm7
	pand	%xmm3, %xmm7
	psrlw	$2, %xmm6
	pand	%xmm3, %xmm6
	paddb	%xmm7, %xmm6
	movdqa	%xmm6, %xmm7
	psrlw	$4, %xmm7
	paddb	%xmm6, %xmm7
	pand	%xmm5, %xmm7
	psadbw	%xmm0, %xmm7
	paddq	%xmm7, %xmm1
	addq	$4, %rax
	cmpq	%rax, %rcx
	jne	.Lb116
# LLVM-MCA-END popcnt_sum_u64/O2/.LBB0_8
# LLVM-MCA-BEGIN popcnt_sum_u64/O2-nounroll/.LBB0_6
.Lb117:
	movdqu	(%rdi,%rax,8), %xmm5
	movdqa	%xmm5, %xmm6
	psrlw	$1, %xmm6
	pand	%xmm1, %xmm6
	psubb	%xmm6, %xmm5
	movdqa	%xmm5, %xmm6
	pand	%xmm3, %xmm6
	psrlw	$2, %xmm5
	pand	%xmm3, %xmm5
	paddb	%xmm6, %xmm5
	movdqa	%xmm5, %xmm6
	psrlw	$4, %xmm6
	paddb	%xmm5, %xmm6
	pand	%xmm4, %xmm6
	psadbw	%xmm0, %xmm6
	paddq	%xmm6, %xmm2
	addq	$2, %rax
	cmpq	%rax, %rcx
	jne	.Lb117
# LLVM-MCA-END popcnt_sum_u64/O2-nounroll/.LBB0_6
# LLVM-MCA-BEGIN popcnt_sum_u64/O2-hsw/.LBB0_6
.Lb118:
	vmovdqu	(%rdi,%rax,8), %ymm7
	vmovdqu	32(%rdi,%rax,8), %ymm8
	vmovdqu	64(%rdi,%rax,8), %ymm9
	vmovdqu	96(%rdi,%rax,8), %ymm10
	vpand	%ymm1, %ymm7, %ymm11
	vpshufb	%ymm11, %ymm2, %ymm11
	vpsrlw	$4, %ymm7, %ymm7
	vpand	%ymm1, %ymm7, %ymm7
	vpshufb	%ymm7, %ymm2, %ymm7
	vpaddb	%ymm7, %ymm11, %ymm7
	vpsadbw	%ymm0, %ymm7, %ymm7
	vpaddq	%ymm3, %ymm7, %ymm3
	vpand	%ymm1, %ymm8, %ymm7
	vpshufb	%ymm7, %ymm2, %ymm7
	vpsrlw	$4, %ymm8, %ymm8
	vpand	%ymm1, %ymm8, %ymm8
	vpshufb	%ymm8, %ymm2, %ymm8
	vpaddb	%ymm7, %ymm8, %ymm7
	vpsadbw	%ymm0, %ymm7, %ymm7
	vpaddq	%ymm4, %ymm7, %ymm4
	vpand	%ymm1, %ymm9, %ymm7
	vpshufb	%ymm7, %ymm2, %ymm7
	vpsrlw	$4, %ymm9, %ymm8
	vpand	%ymm1, %ymm8, %ymm8
	vpshufb	%ymm8, %ymm2, %ymm8
	vpaddb	%ymm7, %ymm8, %ymm7
	vpsadbw	%ymm0, %ymm7, %ymm7
	vpaddq	%ymm5, %ymm7, %ymm5
	vpand	%ymm1, %ymm10, %ymm7
	vpshufb	%ymm7, %ymm2, %ymm7
	vpsrlw	$4, %ymm10, %ymm8
	vpand	%ymm1, %ymm8, %ymm8
	vpshufb	%ymm8, %ymm2, %ymm8
	vpaddb	%ymm7, %ymm8, %ymm7
	vpsadbw	%ymm0, %ymm7, %ymm7
	vpaddq	%ymm6, %ymm7, %ymm6
	addq	$16, %rax
	cmpq	%rax, %rcx
	jne	.Lb118
# LLVM-MCA-END popcnt_sum_u64/O2-hsw/.LBB0_6
# LLVM-MCA-BEGIN popcnt_sum_u64/O2-hsw/.LBB0_8
.Lb119:
	xorl	%edx, %edx
	popcntq	(%rdi,%rcx,8), %rdx
	addq	%rdx, %rax
	incq	%rcx
	cmpq	%rcx, %rsi
	jne	.Lb119
# LLVM-MCA-END popcnt_sum_u64/O2-hsw/.LBB0_8
# LLVM-MCA-BEGIN popcnt_sum_u64/O2-hsw-nounroll/.LBB0_6
.Lb120:
	vmovdqu	(%rdi,%rax,8), %ymm4
	vpand	%ymm2, %ymm4, %ymm5
	vpshufb	%ymm5, %ymm3, %ymm5
	vpsrlw	$4, %ymm4, %ymm4
	vpand	%ymm2, %ymm4, %ymm4
	vpshufb	%ymm4, %ymm3, %ymm4
	vpaddb	%ymm5, %ymm4, %ymm4
	vpsadbw	%ymm0, %ymm4, %ymm4
	vpaddq	%ymm1, %ymm4, %ymm1
	addq	$4, %rax
	cmpq	%rax, %rcx
	jne	.Lb120
# LLVM-MCA-END popcnt_sum_u64/O2-hsw-nounroll/.LBB0_6
# LLVM-MCA-BEGIN popcnt_sum_u64/Os-hsw/.LBB0_4
.Lb121:
	vmovq	%rcx, %xmm7
	vpbroadcastq	%xmm7, %ymm7
	vpor	%ymm1, %ymm7, %ymm7
	vpxor	%ymm2, %ymm7, %ymm7
	vpcmpgtq	%ymm4, %ymm7, %ymm7
	vpxor	%ymm5, %ymm7, %ymm9
	vpmaskmovq	(%rdi,%rcx,8), %ymm9, %ymm10
	vmovdqa	%ymm8, %ymm9
	vpand	%ymm3, %ymm10, %ymm8
	vpshufb	%ymm8, %ymm6, %ymm8
	vpsrlw	$4, %ymm10, %ymm10
	vpand	%ymm3, %ymm10, %ymm10
	vpshufb	%ymm10, %ymm6, %ymm10
	vpaddb	%ymm8, %ymm10, %ymm8
	vpsadbw	%ymm0, %ymm8, %ymm8
	vpaddq	%ymm9, %ymm8, %ymm8
	addq	$4, %rcx
	cmpq	%rcx, %rax
	jne	.Lb121
# LLVM-MCA-END popcnt_sum_u64/Os-hsw/.LBB0_4
# LLVM-MCA-BEGIN prefix_max_i32/O1/.LBB0_2
.Lb122:
	movl	(%rdi,%rcx,4), %r8d
	cmpl	%eax, %r8d
	cmovgl	%r8d, %eax
	movl	%eax, (%rsi,%rcx,4)
	incq	%rcx
	cmpq	%rcx, %rdx
	jne	.Lb122
# LLVM-MCA-END prefix_max_i32/O1/.LBB0_2
# LLVM-MCA-BEGIN prefix_max_i32/O2/.LBB0_5
.Lb123:
	movl	(%rsi,%rdi,4), %r8d
	cmpl	%ecx, %r8d
	cmovgl	%r8d, %ecx
	movl	%ecx, (%rdx,%rdi,4)
	incq	%rdi
	cmpq	%rdi, %rax
	jne	.Lb123
# LLVM-MCA-END prefix_max_i32/O2/.LBB0_5
# LLVM-MCA-BEGIN prefix_max_i32/O2-hsw/.LBB0_5
.Lb124:
	movl	(%rcx,%rsi,4), %edi
	cmpl	%r8d, %edi
	cmovgl	%edi, %r8d
	movl	%r8d, (%rdx,%rsi,4)
	incq	%rsi
	cmpq	%rsi, %rax
	jne	.Lb124
# LLVM-MCA-END prefix_max_i32/O2-hsw/.LBB0_5
# LLVM-MCA-BEGIN sad_u8/O1/.LBB0_2
.Lb125:
	movzbl	(%rdi,%rcx), %r8d
	movzbl	(%rsi,%rcx), %r9d
	subl	%r9d, %r8d
	movl	%r8d, %r9d
	negl	%r9d
	cmovsl	%r8d, %r9d
	movzbl	%r9b, %r8d
	addl	%r8d, %eax
	incq	%rcx
	cmpq	%rcx, %rdx
	jne	.Lb125
# LLVM-MCA-END sad_u8/O1/.LBB0_2
# LLVM-MCA-BEGIN sad_u8/O2/.LBB0_5
.Lb126:
	movd	(%rdi,%rax), %xmm2
	movd	(%rsi,%rax), %xmm3
	psadbw	%xmm2, %xmm3
	paddd	%xmm3, %xmm0
	movd	4(%rdi,%rax), %xmm2
	movd	4(%rsi,%rax), %xmm3
	psadbw	%xmm2, %xmm3
	paddd	%xmm3, %xmm1
	addq	$8, %rax
	cmpq	%rax, %rcx
	jne	.Lb126
# LLVM-MCA-END sad_u8/O2/.LBB0_5
# LLVM-MCA-BEGIN sad_u8/O2-nounroll/.LBB0_5
.Lb127:
	movd	(%rdi,%rax), %xmm1
	movd	(%rsi,%rax), %xmm2
	psadbw	%xmm1, %xmm2
	paddd	%xmm2, %xmm0
	addq	$4, %rax
	cmpq	%rax, %rcx
	jne	.Lb127
# LLVM-MCA-END sad_u8/O2-nounroll/.LBB0_5
# LLVM-MCA-BEGIN sad_u8/O2-hsw/.LBB0_5
.Lb128:
	vmovq	(%rdi,%rax), %xmm4
	vmovq	(%rsi,%rax), %xmm5
	vpsadbw	%xmm5, %xmm4, %xmm4
	vpaddd	%ymm0, %ymm4, %ymm0
	vmovq	8(%rdi,%rax), %xmm4
	vmovq	8(%rsi,%rax), %xmm5
	vpsadbw	%xmm5, %xmm4, %xmm4
	vpaddd	%ymm1, %ymm4, %ymm1
	vmovq	16(%rdi,%rax), %xmm4
	vmovq	16(%rsi,%rax), %xmm5
	vpsadbw	%xmm5, %xmm4, %xmm4
	vpaddd	%ymm2, %ymm4, %ymm2
	vmovq	24(%rdi,%rax), %xmm4
	vmovq	24(%rsi,%rax), %xmm5
	vpsadbw	%xmm5, %xmm4, %xmm4
	vpaddd	%ymm3, %ymm4, %ymm3
	addq	$32, %rax
	cmpq	%rax, %rcx
	jne	.Lb128
# LLVM-MCA-END sad_u8/O2-hsw/.LBB0_5
# LLVM-MCA-BEGIN sad_u8/O2-hsw-nounroll/.LBB0_5
.Lb129:
	vmovq	(%rdi,%rax), %xmm1
	vmovq	(%rsi,%rax), %xmm2
	vpsadbw	%xmm2, %xmm1, %xmm1
	vpaddd	%ymm0, %ymm1, %ymm0
	addq	$8, %rax
	cmpq	%rax, %rcx
	jne	.Lb129
# LLVM-MCA-END sad_u8/O2-hsw-nounroll/.LBB0_5
# LLVM-MCA-BEGIN stencil5_2d_f64/O1/.LBB0_5
.Lb130:
	movsd	-8(%rdi,%r11,8), %xmm1
	addsd	-8(%r9,%r11,8), %xmm1
	addsd	-16(%r8,%r11,8), %xmm1
	addsd	(%r8,%r11,8), %xmm1
	mulsd	%xmm0, %xmm1
	movsd	%xmm1, -8(%rsi,%r11,8)
	incq	%r11
	cmpq	%r11, %rcx
	jne	.Lb130
# LLVM-MCA-END stencil5_2d_f64/O1/.LBB0_5
# LLVM-MCA-BEGIN stencil5_2d_f64/O2/.LBB0_9
.Lb131:
	movupd	8(%r13,%r9,8), %xmm2
	movupd	24(%r13,%r9,8), %xmm3
	movupd	-16(%rbx,%r9,8), %xmm4
	addpd	%xmm2, %xmm4
	movupd	(%rbx,%r9,8), %xmm2
	addpd	%xmm3, %xmm2
	movupd	-32(%r15,%r9,8), %xmm3
	addpd	%xmm4, %xmm3
	movupd	-16(%r15,%r9,8), %xmm4
	movupd	(%r15,%r9,8), %xmm5
	addpd	%xmm4, %xmm2
	addpd	%xmm5, %xmm2
	addpd	%xmm4, %xmm3
	mulpd	%xmm1, %xmm3
	mulpd	%xmm1, %xmm2
	movupd	%xmm3, -16(%r14,%r9,8)
	movupd	%xmm2, (%r14,%r9,8)
	addq	$4, %r9
	cmpq	%r9, %r8
	jne	.Lb131
# LLVM-MCA-END stencil5_2d_f64/O2/.LBB0_9
# LLVM-MCA-BEGIN stencil5_2d_f64/O2/.LBB0_7
.Lb132:
	movsd	(%rax,%r10,8), %xmm2
	addsd	(%r12,%r10,8), %xmm2
	addq	%rbp, %r10
	addsd	-8(%rdi,%r10,8), %xmm2
	addsd	8(%rdi,%r10,8), %xmm2
	mulsd	%xmm0, %xmm2
	movsd	%xmm2, (%rsi,%r10,8)
	movq	%r9, %r10
	incq	%r9
	cmpq	%r9, %rcx
	jne	.Lb132
# LLVM-MCA-END stencil5_2d_f64/O2/.LBB0_7
# LLVM-MCA-BEGIN stencil5_2d_f64/O3/.LBB0_4
.Lb133:
	movupd	8(%r12,%r9,8), %xmm2
	movupd	24(%r12,%r9,8), %xmm3
	movupd	-16(%rbx,%r9,8), %xmm4
	addpd	%xmm2, %xmm4
	movupd	(%rbx,%r9,8), %xmm2
	addpd	%xmm3, %xmm2
	movupd	-32(%r15,%r9,8), %xmm3
	addpd	%xmm4, %xmm3
	movupd	-16(%r15,%r9,8), %xmm4
	movupd	(%r15,%r9,8), %xmm5
	addpd	%xmm4, %xmm2
	addpd	%xmm5, %xmm2
	addpd	%xmm4, %xmm3
	mulpd	%xmm1, %xmm3
	mulpd	%xmm1, %xmm2
	movupd	%xmm3, -16(%r14,%r9,8)
	movupd	%xmm2, (%r14,%r9,8)
	addq	$4, %r9
	cmpq	%r9, %r8
	jne	.Lb133
# LLVM-MCA-END stencil5_2d_f64/O3/.LBB0_4
# LLVM-MCA-BEGIN stencil5_2d_f64/O3/.LBB0_7
.Lb134:
	movsd	(%rax,%r10,8), %xmm2
	addsd	(%rdx,%r10,8), %xmm2
	addq	%r13, %r10
	addsd	-8(%rdi,%r10,8), %xmm2
	addsd	8(%rdi,%r10,8), %xmm2
	mulsd	%xmm0, %xmm2
	movsd	%xmm2, (%rsi,%r10,8)
	movq	%r9, %r10
	incq	%r9
	cmpq	%r9, %rcx
	jne	.Lb134
# LLVM-MCA-END stencil5_2d_f64/O3/.LBB0_7
# LLVM-MCA-BEGIN stencil5_2d_f64/O2-nounroll/.LBB0_9
.Lb135:
	movupd	8(%r13,%rax,8), %xmm2
	movupd	(%rbx,%rax,8), %xmm3
	addpd	%xmm2, %xmm3
	movupd	-16(%r15,%rax,8), %xmm2
	addpd	%xmm3, %xmm2
	movupd	(%r15,%rax,8), %xmm3
	addpd	%xmm2, %xmm3
	mulpd	%xmm1, %xmm3
	movupd	%xmm3, (%r14,%rax,8)
	addq	$2, %rax
	cmpq	%rax, %r8
	jne	.Lb135
# LLVM-MCA-END stencil5_2d_f64/O2-nounroll/.LBB0_9
# LLVM-MCA-BEGIN stencil5_2d_f64/O3-nounroll/.LBB0_4
.Lb136:
	movupd	8(%r12,%rax,8), %xmm2
	movupd	(%rbx,%rax,8), %xmm3
	addpd	%xmm2, %xmm3
	movupd	-16(%r15,%rax,8), %xmm2
	addpd	%xmm3, %xmm2
	movupd	(%r15,%rax,8), %xmm3
	addpd	%xmm2, %xmm3
	mulpd	%xmm1, %xmm3
	movupd	%xmm3, (%r14,%rax,8)
	addq	$2, %rax
	cmpq	%rax, %r8
	jne	.Lb136
# LLVM-MCA-END stencil5_2d_f64/O3-nounroll/.LBB0_4
# LLVM-MCA-BEGIN stencil5_2d_f64/O2-hsw/.LBB0_9
.Lb137:
	vmovupd	8(%r13,%r9,8), %ymm2
	vmovupd	40(%r13,%r9,8), %ymm3
	vmovupd	72(%r13,%r9,8), %ymm4
	vmovupd	104(%r13,%r9,8), %ymm5
	vaddpd	-96(%rbx,%r9,8), %ymm2, %ymm2
	vaddpd	-64(%rbx,%r9,8), %ymm3, %ymm3
	vaddpd	-32(%rbx,%r9,8), %ymm4, %ymm4
	vaddpd	(%rbx,%r9,8), %ymm5, %ymm5
	vaddpd	-112(%r15,%r9,8), %ymm2, %ymm2
	vaddpd	-80(%r15,%r9,8), %ymm3, %ymm3
	vaddpd	-48(%r15,%r9,8), %ymm4, %ymm4
	vaddpd	-16(%r15,%r9,8), %ymm5, %ymm5
	vaddpd	-96(%r15,%r9,8), %ymm2, %ymm2
	vaddpd	-64(%r15,%r9,8), %ymm3, %ymm3
	vaddpd	-32(%r15,%r9,8), %ymm4, %ymm4
	vaddpd	(%r15,%r9,8), %ymm5, %ymm5
	vmulpd	%ymm1, %ymm2, %ymm2
	vmulpd	%ymm1, %ymm3, %ymm3
	vmulpd	%ymm1, %ymm4, %ymm4
	vmulpd	%ymm1, %ymm5, %ymm5
	vmovupd	%ymm2, -96(%r14,%r9,8)
	vmovupd	%ymm3, -64(%r14,%r9,8)
	vmovupd	%ymm4, -32(%r14,%r9,8)
	vmovupd	%ymm5, (%r14,%r9,8)
	addq	$16, %r9
	cmpq	%r9, %r8
	jne	.Lb137
# LLVM-MCA-END stencil5_2d_f64/O2-hsw/.LBB0_9
# LLVM-MCA-BEGIN stencil5_2d_f64/O2-hsw/.LBB0_7
.Lb138:
	vmovsd	(%rax,%r10,8), %xmm2
	vaddsd	(%r12,%r10,8), %xmm2, %xmm2
	addq	%rbp, %r10
	vaddsd	-8(%rdi,%r10,8), %xmm2, %xmm2
	vaddsd	8(%rdi,%r10,8), %xmm2, %xmm2
	vmulsd	%xmm0, %xmm2, %xmm2
	vmovsd	%xmm2, (%rsi,%r10,8)
	movq	%r9, %r10
	incq	%r9
	cmpq	%r9, %rcx
	jne	.Lb138
# LLVM-MCA-END stencil5_2d_f64/O2-hsw/.LBB0_7
# LLVM-MCA-BEGIN stencil5_2d_f64/O3-hsw/.LBB0_4
.Lb139:
	vmovupd	8(%r12,%r9,8), %ymm2
	vmovupd	40(%r12,%r9,8), %ymm3
	vmovupd	72(%r12,%r9,8), %ymm4
	vmovupd	104(%r12,%r9,8), %ymm5
	vaddpd	-96(%rbx,%r9,8), %ymm2, %ymm2
	vaddpd	-64(%rbx,%r9,8), %ymm3, %ymm3
	vaddpd	-32(%rbx,%r9,8), %ymm4, %ymm4
	vaddpd	(%rbx,%r9,8), %ymm5, %ymm5
	vaddpd	-112(%r15,%r9,8), %ymm2, %ymm2
	vaddpd	-80(%r15,%r9,8), %ymm3, %ymm3
	vaddpd	-48(%r15,%r9,8), %ymm4, %ymm4
	vaddpd	-16(%r15,%r9,8), %ymm5, %ymm5
	vaddpd	-96(%r15,%r9,8), %ymm2, %ymm2
	vaddpd	-64(%r15,%r9,8), %ymm3, %ymm3
	vaddpd	-32(%r15,%r9,8), %ymm4, %ymm4
	vaddpd	(%r15,%r9,8), %ymm5, %ymm5
	vmulpd	%ymm1, %ymm2, %ymm2
	vmulpd	%ymm1, %ymm3, %ymm3
	vmulpd	%ymm1, %ymm4, %ymm4
	vmulpd	%ymm1, %ymm5, %ymm5
	vmovupd	%ymm2, -96(%r14,%r9,8)
	vmovupd	%ymm3, -64(%r14,%r9,8)
	vmovupd	%ymm4, -32(%r14,%r9,8)
	vmovupd	%ymm5, (%r14,%r9,8)
	addq	$16, %r9
	cmpq	%r9, %r8
	jne	.Lb139
# LLVM-MCA-END stencil5_2d_f64/O3-hsw/.LBB0_4
# LLVM-MCA-BEGIN stencil5_2d_f64/O3-hsw/.LBB0_7
.Lb140:
	vmovsd	(%rax,%r10,8), %xmm2
	vaddsd	(%rdx,%r10,8), %xmm2, %xmm2
	addq	%r13, %r10
	vaddsd	-8(%rdi,%r10,8), %xmm2, %xmm2
	vaddsd	8(%rdi,%r10,8), %xmm2, %xmm2
	vmulsd	%xmm0, %xmm2, %xmm2
	vmovsd	%xmm2, (%rsi,%r10,8)
	movq	%r9, %r10
	incq	%r9
	cmpq	%r9, %rcx
	jne	.Lb140
# LLVM-MCA-END stencil5_2d_f64/O3-hsw/.LBB0_7
# LLVM-MCA-BEGIN stencil5_2d_f64/O2-hsw-nounroll/.LBB0_9
.Lb141:
	vmovupd	8(%r13,%rax,8), %ymm2
	vaddpd	(%rbx,%rax,8), %ymm2, %ymm2
	vaddpd	-16(%r15,%rax,8), %ymm2, %ymm2
	vaddpd	(%r15,%rax,8), %ymm2, %ymm2
	vmulpd	%ymm1, %ymm2, %ymm2
	vmovupd	%ymm2, (%r14,%rax,8)
	addq	$4, %rax
	cmpq	%rax, %r8
	jne	.Lb141
# LLVM-MCA-END stencil5_2d_f64/O2-hsw-nounroll/.LBB0_9
# LLVM-MCA-BEGIN stencil5_2d_f64/O3-hsw-fast/.LBB0_4
.Lb142:
	vmovupd	-96(%rbx,%r9,8), %ymm2
	vmovupd	-64(%rbx,%r9,8), %ymm3
	vmovupd	-32(%rbx,%r9,8), %ymm4
	vmovupd	(%rbx,%r9,8), %ymm5
	vaddpd	8(%r12,%r9,8), %ymm2, %ymm2
	vaddpd	40(%r12,%r9,8), %ymm3, %ymm3
	vaddpd	72(%r12,%r9,8), %ymm4, %ymm4
	vaddpd	104(%r12,%r9,8), %ymm5, %ymm5
	vaddpd	-112(%r15,%r9,8), %ymm2, %ymm2
	vaddpd	-80(%r15,%r9,8), %ymm3, %ymm3
	vaddpd	-48(%r15,%r9,8), %ymm4, %ymm4
	vaddpd	-16(%r15,%r9,8), %ymm5, %ymm5
	vaddpd	-96(%r15,%r9,8), %ymm2, %ymm2
	vaddpd	-64(%r15,%r9,8), %ymm3, %ymm3
	vaddpd	-32(%r15,%r9,8), %ymm4, %ymm4
	vaddpd	(%r15,%r9,8), %ymm5, %ymm5
	vmulpd	%ymm1, %ymm2, %ymm2
	vmulpd	%ymm1, %ymm3, %ymm3
	vmulpd	%ymm1, %ymm4, %ymm4
	vmulpd	%ymm1, %ymm5, %ymm5
	vmovupd	%ymm2, -96(%r14,%r9,8)
	vmovupd	%ymm3, -64(%r14,%r9,8)
	vmovupd	%ymm4, -32(%r14,%r9,8)
	vmovupd	%ymm5, (%r14,%r9,8)
	addq	$16, %r9
	cmpq	%r9, %r8
	jne	.Lb142
# LLVM-MCA-END stencil5_2d_f64/O3-hsw-fast/.LBB0_4
# LLVM-MCA-BEGIN stencil5_2d_f64/O3-hsw-fast/.LBB0_7
.Lb143:
	vmovsd	(%rdx,%r10,8), %xmm2
	vaddsd	(%rax,%r10,8), %xmm2, %xmm2
	addq	%r13, %r10
	vaddsd	-8(%rdi,%r10,8), %xmm2, %xmm2
	vaddsd	8(%rdi,%r10,8), %xmm2, %xmm2
	vmulsd	%xmm0, %xmm2, %xmm2
	vmovsd	%xmm2, (%rsi,%r10,8)
	movq	%r9, %r10
	incq	%r9
	cmpq	%r9, %rcx
	jne	.Lb143
# LLVM-MCA-END stencil5_2d_f64/O3-hsw-fast/.LBB0_7
# LLVM-MCA-BEGIN stencil5_2d_f64/O3-hsw-fast-nounroll/.LBB0_4
.Lb144:
	vmovupd	(%rbx,%rax,8), %ymm2
	vaddpd	8(%r12,%rax,8), %ymm2, %ymm2
	vaddpd	-16(%r15,%rax,8), %ymm2, %ymm2
	vaddpd	(%r15,%rax,8), %ymm2, %ymm2
	vmulpd	%ymm1, %ymm2, %ymm2
	vmovupd	%ymm2, (%r14,%rax,8)
	addq	$4, %rax
	cmpq	%rax, %r8
	jne	.Lb144
# LLVM-MCA-END stencil5_2d_f64/O3-hsw-fast-nounroll/.LBB0_4
# LLVM-MCA-BEGIN stencil5_2d_f64/Os-hsw/.LBB0_5
.Lb145:
	vmovq	%rbx, %xmm5
	vpbroadcastq	%xmm5, %ymm5
	vpor	%ymm0, %ymm5, %ymm5
	vpxor	%ymm1, %ymm5, %ymm5
	vpcmpgtq	%ymm2, %ymm5, %ymm5
	vpxor	%ymm3, %ymm5, %ymm5
	vmaskmovpd	8(%rdi,%rbx,8), %ymm5, %ymm6
	vmaskmovpd	(%r9,%rbx,8), %ymm5, %ymm7
	vmaskmovpd	-16(%r10,%rbx,8), %ymm5, %ymm8
	vmaskmovpd	(%r10,%rbx,8), %ymm5, %ymm9
	vaddpd	%ymm7, %ymm6, %ymm6
	vaddpd	%ymm6, %ymm8, %ymm6
	vaddpd	%ymm6, %ymm9, %ymm6
	vmulpd	%ymm4, %ymm6, %ymm6
	vmaskmovpd	%ymm6, %ymm5, (%rsi,%rbx,8)
	addq	$4, %rbx
	cmpq	%rbx, %rax
	jne	.Lb145
# LLVM-MCA-END stencil5_2d_f64/Os-hsw/.LBB0_5
# LLVM-MCA-BEGIN strcmp_u8/O1/.LBB0_1
.Lb146:
	movzbl	(%rdi,%rcx), %eax
	xorl	%r8d, %r8d
	testl	%eax, %eax
	sete	%r8b
	movzbl	(%rsi,%rcx), %edx
	incq	%rcx
	movl	%edx, %r9d
	xorl	%eax, %r9d
	orl	%r9d, %r8d
	je	.Lb146
# LLVM-MCA-END strcmp_u8/O1/.LBB0_1
# LLVM-MCA-BEGIN sum_u8/O1/.LBB0_4
.Lb147:
	movzbl	(%rdi,%rcx), %edx
	addl	%edx, %eax
	incq	%rcx
	cmpq	%rcx, %rsi
	jne	.Lb147
# LLVM-MCA-END sum_u8/O1/.LBB0_4
# LLVM-MCA-BEGIN sum_u8/O2/.LBB0_5
.Lb148:
	movd	(%rdi,%rax), %xmm3
	movd	4(%rdi,%rax), %xmm4
	punpcklbw	%xmm1, %xmm3
	punpcklwd	%xmm1, %xmm3
	paddd	%xmm3, %xmm2
	punpcklbw	%xmm1, %xmm4
	punpcklwd	%xmm1, %xmm4
	paddd	%xmm4, %xmm0
	addq	$8, %rax
	cmpq	%rax, %rcx
	jne	.Lb148
# LLVM-MCA-END sum_u8/O2/.LBB0_5
# LLVM-MCA-BEGIN sum_u8/O2-nounroll/.LBB0_5
.Lb149:
	movd	(%rdi,%rax), %xmm2
	punpcklbw	%xmm0, %xmm2
	punpcklwd	%xmm0, %xmm2
	paddd	%xmm2, %xmm1
	addq	$4, %rax
	cmpq	%rax, %rcx
	jne	.Lb149
# LLVM-MCA-END sum_u8/O2-nounroll/.LBB0_5
# LLVM-MCA-BEGIN sum_u8/O2-hsw/.LBB0_5
.Lb150:
	vpmovzxbd	(%rdi,%rax), %ymm4
	vpaddd	%ymm4, %ymm0, %ymm0
	vpmovzxbd	8(%rdi,%rax), %ymm4
	vpaddd	%ymm4, %ymm1, %ymm1
	vpmovzxbd	16(%rdi,%rax), %ymm4
	vpmovzxbd	24(%rdi,%rax), %ymm5
	vpaddd	%ymm4, %ymm2, %ymm2
	vpaddd	%ymm5, %ymm3, %ymm3
	addq	$32, %rax
	cmpq	%rax, %rcx
	jne	.Lb150
# LLVM-MCA-END sum_u8/O2-hsw/.LBB0_5
# LLVM-MCA-BEGIN sum_u8/O2-hsw-nounroll/.LBB0_5
.Lb151:
	vpmovzxbd	(%rdi,%rax), %ymm1
	vpaddd	%ymm1, %ymm0, %ymm0
	addq	$8, %rax
	cmpq	%rax, %rcx
	jne	.Lb151
# LLVM-MCA-END sum_u8/O2-hsw-nounroll/.LBB0_5
# LLVM-MCA-BEGIN triad_f64/O1/.LBB0_2
.Lb152:
	movsd	(%rdx,%rax,8), %xmm1
	mulsd	%xmm0, %xmm1
	addsd	(%rsi,%rax,8), %xmm1
	movsd	%xmm1, (%rdi,%rax,8)
	incq	%rax
	cmpq	%rax, %rcx
	jne	.Lb152
# LLVM-MCA-END triad_f64/O1/.LBB0_2
# LLVM-MCA-BEGIN triad_f64/O2/.LBB0_4
.Lb153:
	movupd	(%rsi,%r8,8), %xmm2
	movupd	16(%rsi,%r8,8), %xmm3
	movupd	(%rdx,%r8,8), %xmm4
	movupd	16(%rdx,%r8,8), %xmm5
	mulpd	%xmm1, %xmm4
	addpd	%xmm2, %xmm4
	mulpd	%xmm1, %xmm5
	addpd	%xmm3, %xmm5
	movupd	%xmm4, (%rdi,%r8,8)
	movupd	%xmm5, 16(%rdi,%r8,8)
	addq	$4, %r8
	cmpq	%r8, %rax
	jne	.Lb153
# LLVM-MCA-END triad_f64/O2/.LBB0_4
# LLVM-MCA-BEGIN triad_f64/O2-nounroll/.LBB0_4
.Lb154:
	movupd	(%rsi,%r8,8), %xmm2
	movupd	(%rdx,%r8,8), %xmm3
	mulpd	%xmm1, %xmm3
	addpd	%xmm2, %xmm3
	movupd	%xmm3, (%rdi,%r8,8)
	addq	$2, %r8
	cmpq	%r8, %rax
	jne	.Lb154
# LLVM-MCA-END triad_f64/O2-nounroll/.LBB0_4
# LLVM-MCA-BEGIN triad_f64/O2-hsw/.LBB0_4
.Lb155:
	vmovupd	(%rdx,%r8,8), %ymm2
	vmovupd	32(%rdx,%r8,8), %ymm3
	vmovupd	64(%rdx,%r8,8), %ymm4
	vmovupd	96(%rdx,%r8,8), %ymm5
	vfmadd213pd	(%rsi,%r8,8), %ymm1, %ymm2
	vfmadd213pd	32(%rsi,%r8,8), %ymm1, %ymm3
	vfmadd213pd	64(%rsi,%r8,8), %ymm1, %ymm4
	vfmadd213pd	96(%rsi,%r8,8), %ymm1, %ymm5
	vmovupd	%ymm2, (%rdi,%r8,8)
	vmovupd	%ymm3, 32(%rdi,%r8,8)
	vmovupd	%ymm4, 64(%rdi,%r8,8)
	vmovupd	%ymm5, 96(%rdi,%r8,8)
	addq	$16, %r8
	cmpq	%r8, %rax
	jne	.Lb155
# LLVM-MCA-END triad_f64/O2-hsw/.LBB0_4
# LLVM-MCA-BEGIN triad_f64/O2-hsw/.LBB0_6
.Lb156:
	vmovsd	(%rdx,%rax,8), %xmm1
	vfmadd213sd	(%rsi,%rax,8), %xmm0, %xmm1
	vmovsd	%xmm1, (%rdi,%rax,8)
	incq	%rax
	cmpq	%rax, %rcx
	jne	.Lb156
# LLVM-MCA-END triad_f64/O2-hsw/.LBB0_6
# LLVM-MCA-BEGIN triad_f64/O2-hsw-nounroll/.LBB0_4
.Lb157:
	vmovupd	(%rdx,%r8,8), %ymm2
	vfmadd213pd	(%rsi,%r8,8), %ymm1, %ymm2
	vmovupd	%ymm2, (%rdi,%r8,8)
	addq	$4, %r8
	cmpq	%r8, %rax
	jne	.Lb157
# LLVM-MCA-END triad_f64/O2-hsw-nounroll/.LBB0_4
# LLVM-MCA-BEGIN triad_f64/Os-hsw/.LBB0_2
.Lb158:
	vmovq	%rcx, %xmm5
	vpbroadcastq	%xmm5, %ymm5
	vpor	%ymm1, %ymm5, %ymm5
	vpxor	%ymm2, %ymm5, %ymm5
	vpcmpgtq	%ymm3, %ymm5, %ymm5
	vpxor	%ymm4, %ymm5, %ymm5
	vmaskmovpd	(%rsi,%rcx,8), %ymm5, %ymm6
	vmaskmovpd	(%rdx,%rcx,8), %ymm5, %ymm7
	vfmadd213pd	%ymm6, %ymm0, %ymm7
	vmaskmovpd	%ymm7, %ymm5, (%rdi,%rcx,8)
	addq	$4, %rcx
	cmpq	%rcx, %rax
	jne	.Lb158
# LLVM-MCA-END triad_f64/Os-hsw/.LBB0_2
