# Innermost single-block loops of C kernels, one llvm-mca code region each: KERNEL/FLAGSET/LABEL.
# Written by tools/kernel-loops.sh (data/kernels/README.md); do not edit. Machine code: train-loops.csv.
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
#   bitrev_u32 7, count_digits 6, crc32_table 5, dot_f32 9, dot_i32 6, ema_f32 6, fib_u64 3, fixmul_q16 4,
#   fnv1a_32 4, gcd_euclid 1, histogram_u8 4, horner_f64 6, insertion_sort 3, list_length 1, matvec_f32 10,
#   max_i32 6, memset_u32 6, popcount_kernighan 7, prefix_sum_i64 4, product_f64 8, saxpy_f32 7, scale_i16 3,
#   stencil3_f32 12, strlen_u8 1, sum_i32 6
# kernels: 25, flag sets: 13, compilations: 325
# backward conditional branches: 560; loops with a jump, call or return inside (skipped): 112
# single-block loops: 448; dropped: 0; duplicates of an earlier loop: 313; excluded: 0
# written: 135 loops (0 with %rip-relative operands rewritten)
# LLVM-MCA-BEGIN bitrev_u32/O1/.LBB0_3
.Lb1:
	movl	%ecx, %r10d
	andl	$1, %r10d
	leal	(%r10,%r9,2), %r9d
	shrl	%ecx
	decl	%r8d
	jne	.Lb1
# LLVM-MCA-END bitrev_u32/O1/.LBB0_3
# LLVM-MCA-BEGIN bitrev_u32/O2/.LBB0_3
.Lb2:
	movl	%ecx, %r10d
	andl	$1, %r10d
	shll	$2, %r10d
	leal	(%r10,%r9,8), %r9d
	movl	%ecx, %r10d
	andl	$2, %r10d
	orl	%r9d, %r10d
	movl	%ecx, %r9d
	shrl	$2, %r9d
	andl	$1, %r9d
	orl	%r10d, %r9d
	movl	%ecx, %r10d
	shrl	$3, %r10d
	andl	$1, %r10d
	leal	(%r10,%r9,2), %r9d
	shrl	$4, %ecx
	addl	$-4, %r8d
	jne	.Lb2
# LLVM-MCA-END bitrev_u32/O2/.LBB0_3
# LLVM-MCA-BEGIN bitrev_u32/O3/.LBB0_4
.Lb3:
	movdqu	(%rdi,%rcx,4), %xmm4
	movdqa	%xmm4, %xmm5
	punpckhbw	%xmm0, %xmm5
	pshuflw	$27, %xmm5, %xmm5
	pshufhw	$27, %xmm5, %xmm5
	punpcklbw	%xmm0, %xmm4
	pshuflw	$27, %xmm4, %xmm4
	pshufhw	$27, %xmm4, %xmm4
	packuswb	%xmm5, %xmm4
	movdqa	%xmm4, %xmm5
	psrlw	$4, %xmm5
	pand	%xmm1, %xmm5
	pand	%xmm1, %xmm4
	psllw	$4, %xmm4
	por	%xmm5, %xmm4
	movdqa	%xmm4, %xmm5
	psrlw	$2, %xmm5
	pand	%xmm2, %xmm5
	pand	%xmm2, %xmm4
	psllw	$2, %xmm4
	por	%xmm5, %xmm4
	movdqa	%xmm4, %xmm5
	psrlw	$1, %xmm5
	pand	%xmm3, %xmm5
	pand	%xmm3, %xmm4
	paddb	%xmm4, %xmm4
	por	%xmm5, %xmm4
	movdqu	%xmm4, (%rsi,%rcx,4)
	addq	$4, %rcx
	cmpq	%rcx, %rax
	jne	.Lb3
# LLVM-MCA-END bitrev_u32/O3/.LBB0_4
# LLVM-MCA-BEGIN bitrev_u32/O3/.LBB0_6
.Lb4:
	movl	(%rdi,%rax,4), %ecx
	bswapl	%ecx
	movl	%ecx, %r8d
	andl	$252645135, %r8d
	shll	$4, %r8d
	shrl	$4, %ecx
	andl	$252645135, %ecx
	orl	%r8d, %ecx
	movl	%ecx, %r8d
	andl	$858993459, %r8d
	shrl	$2, %ecx
	andl	$858993459, %ecx
	leal	(%rcx,%r8,4), %ecx
	movl	%ecx, %r8d
	andl	$1431655765, %r8d
	shrl	%ecx
	andl	$1431655765, %ecx
	leal	(%rcx,%r8,2), %ecx
	movl	%ecx, (%rsi,%rax,4)
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb4
# LLVM-MCA-END bitrev_u32/O3/.LBB0_6
# LLVM-MCA-BEGIN bitrev_u32/O2-hsw/.LBB0_3
.Lb5:
	movl	%ecx, %r10d
	andl	$1, %r10d
	shll	$2, %r10d
	leal	(%r10,%r9,8), %r9d
	movl	%ecx, %r10d
	andl	$2, %r10d
	orl	%r9d, %r10d
	movl	%ecx, %r9d
	shrl	$4, %r9d
	movl	%ecx, %r11d
	andl	$4, %r11d
	leal	(%r11,%r10,4), %r10d
	movl	%ecx, %r11d
	shrl	$2, %r11d
	andl	$2, %r11d
	orl	%r10d, %r11d
	movl	%r9d, %r10d
	andl	$1, %r10d
	orl	%r11d, %r10d
	movl	%ecx, %r11d
	shrl	$6, %r11d
	andl	$2, %r9d
	leal	(%r9,%r10,4), %r9d
	andl	$1, %r11d
	orl	%r9d, %r11d
	movl	%ecx, %r9d
	shrl	$7, %r9d
	andl	$1, %r9d
	leal	(%r9,%r11,2), %r9d
	shrl	$8, %ecx
	addl	$-8, %r8d
	jne	.Lb5
# LLVM-MCA-END bitrev_u32/O2-hsw/.LBB0_3
# LLVM-MCA-BEGIN bitrev_u32/O3-hsw/.LBB0_4
.Lb6:
	vmovdqu	(%rdi,%rcx,4), %ymm4
	vmovdqu	32(%rdi,%rcx,4), %ymm5
	vmovdqu	64(%rdi,%rcx,4), %ymm6
	vmovdqu	96(%rdi,%rcx,4), %ymm7
	vpshufb	%ymm0, %ymm4, %ymm4
	vpand	%ymm1, %ymm4, %ymm8
	vpshufb	%ymm8, %ymm2, %ymm8
	vpsrlw	$4, %ymm4, %ymm4
	vpand	%ymm1, %ymm4, %ymm4
	vpshufb	%ymm4, %ymm3, %ymm4
	vpor	%ymm4, %ymm8, %ymm4
	vpshufb	%ymm0, %ymm5, %ymm5
	vpand	%ymm1, %ymm5, %ymm8
	vpshufb	%ymm8, %ymm2, %ymm8
	vpsrlw	$4, %ymm5, %ymm5
	vpand	%ymm1, %ymm5, %ymm5
	vpshufb	%ymm5, %ymm3, %ymm5
	vpor	%ymm5, %ymm8, %ymm5
	vpshufb	%ymm0, %ymm6, %ymm6
	vpand	%ymm1, %ymm6, %ymm8
	vpshufb	%ymm8, %ymm2, %ymm8
	vpsrlw	$4, %ymm6, %ymm6
	vpand	%ymm1, %ymm6, %ymm6
	vpshufb	%ymm6, %ymm3, %ymm6
	vpor	%ymm6, %ymm8, %ymm6
	vpshufb	%ymm0, %ymm7, %ymm7
	vpand	%ymm1, %ymm7, %ymm8
	vpshufb	%ymm8, %ymm2, %ymm8
	vpsrlw	$4, %ymm7, %ymm7
	vpand	%ymm1, %ymm7, %ymm7
	vpshufb	%ymm7, %ymm3, %ymm7
	vpor	%ymm7, %ymm8, %ymm7
	vmovdqu	%ymm4, (%rsi,%rcx,4)
	vmovdqu	%ymm5, 32(%rsi,%rcx,4)
	vmovdqu	%ymm6, 64(%rsi,%rcx,4)
	vmovdqu	%ymm7, 96(%rsi,%rcx,4)
	addq	$32, %rcx
	cmpq	%rcx, %rax
	jne	.Lb6
# LLVM-MCA-END bitrev_u32/O3-hsw/.LBB0_4
# LLVM-MCA-BEGIN bitrev_u32/O3-hsw/.LBB0_6
.Lb7:
	movbel	(%rdi,%rax,4), %ecx
	movl	%ecx, %r8d
	andl	$252645135, %r8d
	shll	$4, %r8d
	shrl	$4, %ecx
	andl	$252645135, %ecx
	orl	%r8d, %ecx
	movl	%ecx, %r8d
	andl	$858993459, %r8d
	shrl	$2, %ecx
	andl	$858993459, %ecx
	leal	(%rcx,%r8,4), %ecx
	movl	%ecx, %r8d
	andl	$1431655765, %r8d
	shrl	%ecx
	andl	$1431655765, %ecx
	leal	(%rcx,%r8,2), %ecx
	movl	%ecx, (%rsi,%rax,4)
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb7
# LLVM-MCA-END bitrev_u32/O3-hsw/.LBB0_6
# LLVM-MCA-BEGIN count_digits/O1/.LBB0_3
.Lb8:
	movq	%r8, %rax
	mulq	%r10
	shrq	$3, %rdx
	incl	%r11d
	cmpq	$99, %r8
	movq	%rdx, %r8
	ja	.Lb8
# LLVM-MCA-END count_digits/O1/.LBB0_3
# LLVM-MCA-BEGIN count_digits/O2/.LBB0_3
.Lb9:
	movq	%r8, %rax
	mulq	%r10
	shrq	$3, %rdx
	incb	%r11b
	cmpq	$99, %r8
	movq	%rdx, %r8
	ja	.Lb9
# LLVM-MCA-END count_digits/O2/.LBB0_3
# LLVM-MCA-BEGIN count_digits/O2-hsw/.LBB0_11
.Lb10:
	mulxq	%r9, %rbx, %rbx
	shrq	$3, %rbx
	incb	%r11b
	cmpq	$99, %rdx
	movq	%rbx, %rdx
	ja	.Lb10
# LLVM-MCA-END count_digits/O2-hsw/.LBB0_11
# LLVM-MCA-BEGIN count_digits/O2-hsw/.LBB0_14
.Lb11:
	mulxq	%r9, %r11, %r11
	shrq	$3, %r11
	incb	%r10b
	cmpq	$99, %rdx
	movq	%r11, %rdx
	ja	.Lb11
# LLVM-MCA-END count_digits/O2-hsw/.LBB0_14
# LLVM-MCA-BEGIN count_digits/O2-hsw/.LBB0_6
.Lb12:
	mulxq	%rdi, %r8, %r8
	shrq	$3, %r8
	incb	%al
	cmpq	$99, %rdx
	movq	%r8, %rdx
	ja	.Lb12
# LLVM-MCA-END count_digits/O2-hsw/.LBB0_6
# LLVM-MCA-BEGIN count_digits/O2-hsw-nounroll/.LBB0_3
.Lb13:
	mulxq	%r8, %r10, %r10
	shrq	$3, %r10
	incb	%r9b
	cmpq	$99, %rdx
	movq	%r10, %rdx
	ja	.Lb13
# LLVM-MCA-END count_digits/O2-hsw-nounroll/.LBB0_3
# LLVM-MCA-BEGIN crc32_table/O1/.LBB0_5
.Lb14:
	movzbl	(%rsi,%rcx), %r8d
	xorb	%al, %r8b
	movzbl	%r8b, %r8d
	shrl	$8, %eax
	xorl	(%rdi,%r8,4), %eax
	incq	%rcx
	cmpq	%rcx, %rdx
	jne	.Lb14
# LLVM-MCA-END crc32_table/O1/.LBB0_5
# LLVM-MCA-BEGIN crc32_table/O2/.LBB0_9
.Lb15:
	movzbl	(%rsi,%rcx), %r9d
	xorb	%al, %r9b
	movzbl	%r9b, %r9d
	shrl	$8, %eax
	xorl	(%rdi,%r9,4), %eax
	movzbl	1(%rsi,%rcx), %r9d
	xorb	%al, %r9b
	movzbl	%r9b, %r9d
	shrl	$8, %eax
	xorl	(%rdi,%r9,4), %eax
	addq	$2, %rcx
	cmpq	%rcx, %r8
	jne	.Lb15
# LLVM-MCA-END crc32_table/O2/.LBB0_9
# LLVM-MCA-BEGIN crc32_table/Os/.LBB0_5
.Lb16:
	movb	(%rsi,%rcx), %r8b
	xorb	%al, %r8b
	movzbl	%r8b, %r8d
	shrl	$8, %eax
	xorl	(%rdi,%r8,4), %eax
	incq	%rcx
	cmpq	%rcx, %rdx
	jne	.Lb16
# LLVM-MCA-END crc32_table/Os/.LBB0_5
# LLVM-MCA-BEGIN crc32_table/O2-hsw/.LBB0_10
.Lb17:
	movzbl	(%rsi,%r8), %r9d
	xorb	%al, %r9b
	movzbl	%r9b, %r9d
	shrl	$8, %eax
	xorl	(%rdi,%r9,4), %eax
	movzbl	1(%rsi,%r8), %r9d
	xorb	%al, %r9b
	movzbl	%r9b, %r9d
	shrl	$8, %eax
	xorl	(%rdi,%r9,4), %eax
	movzbl	2(%rsi,%r8), %r9d
	xorb	%al, %r9b
	movzbl	%r9b, %r9d
	shrl	$8, %eax
	xorl	(%rdi,%r9,4), %eax
	movzbl	3(%rsi,%r8), %r9d
	xorb	%al, %r9b
	movzbl	%r9b, %r9d
	shrl	$8, %eax
	xorl	(%rdi,%r9,4), %eax
	addq	$4, %r8
	cmpq	%r8, %rdx
	jne	.Lb17
# LLVM-MCA-END crc32_table/O2-hsw/.LBB0_10
# LLVM-MCA-BEGIN crc32_table/O2-hsw/.LBB0_6
.Lb18:
	movzbl	(%rsi,%rdx), %r8d
	xorb	%al, %r8b
	movzbl	%r8b, %r8d
	shrl	$8, %eax
	xorl	(%rdi,%r8,4), %eax
	incq	%rdx
	cmpq	%rdx, %rcx
	jne	.Lb18
# LLVM-MCA-END crc32_table/O2-hsw/.LBB0_6
# LLVM-MCA-BEGIN dot_f32/O1/.LBB0_2
.Lb19:
	movss	(%rdi,%rax,4), %xmm1
	mulss	(%rsi,%rax,4), %xmm1
	addss	%xmm1, %xmm0
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb19
# LLVM-MCA-END dot_f32/O1/.LBB0_2
# LLVM-MCA-BEGIN dot_f32/O2/.LBB0_9
.Lb20:
	movss	(%rdi,%rcx,4), %xmm1
	movss	4(%rdi,%rcx,4), %xmm2
	mulss	(%rsi,%rcx,4), %xmm1
	mulss	4(%rsi,%rcx,4), %xmm2
	addss	%xmm0, %xmm1
	movss	8(%rdi,%rcx,4), %xmm3
	mulss	8(%rsi,%rcx,4), %xmm3
	addss	%xmm1, %xmm2
	movss	12(%rdi,%rcx,4), %xmm0
	mulss	12(%rsi,%rcx,4), %xmm0
	addss	%xmm2, %xmm3
	addss	%xmm3, %xmm0
	addq	$4, %rcx
	cmpq	%rcx, %rdx
	jne	.Lb20
# LLVM-MCA-END dot_f32/O2/.LBB0_9
# LLVM-MCA-BEGIN dot_f32/O2/.LBB0_6
.Lb21:
	movss	(%rcx,%rsi,4), %xmm1
	mulss	(%rdx,%rsi,4), %xmm1
	addss	%xmm1, %xmm0
	incq	%rsi
	cmpq	%rsi, %rax
	jne	.Lb21
# LLVM-MCA-END dot_f32/O2/.LBB0_6
# LLVM-MCA-BEGIN dot_f32/O2-hsw/.LBB0_9
.Lb22:
	vmovss	(%rdi,%rcx,4), %xmm1
	vmovss	4(%rdi,%rcx,4), %xmm2
	vfmadd132ss	(%rsi,%rcx,4), %xmm0, %xmm1
	vfmadd231ss	4(%rsi,%rcx,4), %xmm2, %xmm1
	vmovss	8(%rdi,%rcx,4), %xmm0
	vfmadd132ss	8(%rsi,%rcx,4), %xmm1, %xmm0
	vmovss	12(%rdi,%rcx,4), %xmm1
	vfmadd132ss	12(%rsi,%rcx,4), %xmm0, %xmm1
	vmovss	16(%rdi,%rcx,4), %xmm0
	vfmadd132ss	16(%rsi,%rcx,4), %xmm1, %xmm0
	vmovss	20(%rdi,%rcx,4), %xmm1
	vfmadd132ss	20(%rsi,%rcx,4), %xmm0, %xmm1
	vmovss	24(%rdi,%rcx,4), %xmm2
	vfmadd132ss	24(%rsi,%rcx,4), %xmm1, %xmm2
	vmovss	28(%rdi,%rcx,4), %xmm0
	vfmadd132ss	28(%rsi,%rcx,4), %xmm2, %xmm0
	addq	$8, %rcx
	cmpq	%rcx, %rdx
	jne	.Lb22
# LLVM-MCA-END dot_f32/O2-hsw/.LBB0_9
# LLVM-MCA-BEGIN dot_f32/O2-hsw/.LBB0_6
.Lb23:
	vmovss	(%rcx,%rsi,4), %xmm1
	vfmadd231ss	(%rdx,%rsi,4), %xmm1, %xmm0
	incq	%rsi
	cmpq	%rsi, %rax
	jne	.Lb23
# LLVM-MCA-END dot_f32/O2-hsw/.LBB0_6
# LLVM-MCA-BEGIN dot_f32/O2-hsw-nounroll/.LBB0_2
.Lb24:
	vmovss	(%rdi,%rax,4), %xmm1
	vfmadd231ss	(%rsi,%rax,4), %xmm1, %xmm0
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb24
# LLVM-MCA-END dot_f32/O2-hsw-nounroll/.LBB0_2
# LLVM-MCA-BEGIN dot_f32/O3-hsw-fast/.LBB0_5
.Lb25:
	vmovups	(%rsi,%rcx,4), %ymm4
	vmovups	32(%rsi,%rcx,4), %ymm5
	vmovups	64(%rsi,%rcx,4), %ymm6
	vmovups	96(%rsi,%rcx,4), %ymm7
	vfmadd231ps	(%rdi,%rcx,4), %ymm4, %ymm0
	vfmadd231ps	32(%rdi,%rcx,4), %ymm5, %ymm1
	vfmadd231ps	64(%rdi,%rcx,4), %ymm6, %ymm2
	vfmadd231ps	96(%rdi,%rcx,4), %ymm7, %ymm3
	addq	$32, %rcx
	cmpq	%rcx, %rax
	jne	.Lb25
# LLVM-MCA-END dot_f32/O3-hsw-fast/.LBB0_5
# LLVM-MCA-BEGIN dot_f32/O3-hsw-fast/.LBB0_7
.Lb26:
	vmovss	(%rsi,%rax,4), %xmm1
	vfmadd231ss	(%rdi,%rax,4), %xmm1, %xmm0
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb26
# LLVM-MCA-END dot_f32/O3-hsw-fast/.LBB0_7
# LLVM-MCA-BEGIN dot_f32/O3-hsw-fast-nounroll/.LBB0_5
.Lb27:
	vmovups	(%rsi,%rcx,4), %ymm1
	vfmadd231ps	(%rdi,%rcx,4), %ymm1, %ymm0
	addq	$8, %rcx
	cmpq	%rcx, %rax
	jne	.Lb27
# LLVM-MCA-END dot_f32/O3-hsw-fast-nounroll/.LBB0_5
# LLVM-MCA-BEGIN dot_i32/O1/.LBB0_4
.Lb28:
	movl	(%rsi,%rcx,4), %r8d
	imull	(%rdi,%rcx,4), %r8d
	addl	%r8d, %eax
	incq	%rcx
	cmpq	%rcx, %rdx
	jne	.Lb28
# LLVM-MCA-END dot_i32/O1/.LBB0_4
# LLVM-MCA-BEGIN dot_i32/O2/.LBB0_5
.Lb29:
	movdqu	(%rdi,%rax,4), %xmm2
	movdqu	16(%rdi,%rax,4), %xmm3
	movdqu	(%rsi,%rax,4), %xmm4
	movdqu	16(%rsi,%rax,4), %xmm5
	pshufd	$245, %xmm4, %xmm6
	pmuludq	%xmm2, %xmm4
	pshufd	$232, %xmm4, %xmm4
	pshufd	$245, %xmm2, %xmm2
	pmuludq	%xmm6, %xmm2
	pshufd	$232, %xmm2, %xmm2
	punpckldq	%xmm2, %xmm4
	paddd	%xmm4, %xmm0
	pshufd	$245, %xmm5, %xmm2
	pmuludq	%xmm3, %xmm5
	pshufd	$232, %xmm5, %xmm4
	pshufd	$245, %xmm3, %xmm3
	pmuludq	%xmm2, %xmm3
	pshufd	$232, %xmm3, %xmm2
	punpckldq	%xmm2, %xmm4
	paddd	%xmm4, %xmm1
	addq	$8, %rax
	cmpq	%rax, %rcx
	jne	.Lb29
# LLVM-MCA-END dot_i32/O2/.LBB0_5
# LLVM-MCA-BEGIN dot_i32/O2-nounroll/.LBB0_5
.Lb30:
	movdqu	(%rdi,%rax,4), %xmm1
	movdqu	(%rsi,%rax,4), %xmm2
	pshufd	$245, %xmm2, %xmm3
	pmuludq	%xmm1, %xmm2
	pshufd	$232, %xmm2, %xmm2
	pshufd	$245, %xmm1, %xmm1
	pmuludq	%xmm1, %xmm3
	pshufd	$232, %xmm3, %xmm1
	punpckldq	%xmm1, %xmm2
	paddd	%xmm2, %xmm0
	addq	$4, %rax
	cmpq	%rax, %rcx
	jne	.Lb30
# LLVM-MCA-END dot_i32/O2-nounroll/.LBB0_5
# LLVM-MCA-BEGIN dot_i32/O2-hsw/.LBB0_5
.Lb31:
	vmovdqu	(%rsi,%rax,4), %ymm4
	vmovdqu	32(%rsi,%rax,4), %ymm5
	vmovdqu	64(%rsi,%rax,4), %ymm6
	vpmulld	(%rdi,%rax,4), %ymm4, %ymm4
	vmovdqu	96(%rsi,%rax,4), %ymm7
	vpmulld	32(%rdi,%rax,4), %ymm5, %ymm5
	vpaddd	%ymm0, %ymm4, %ymm0
	vpmulld	64(%rdi,%rax,4), %ymm6, %ymm4
	vpaddd	%ymm1, %ymm5, %ymm1
	vpmulld	96(%rdi,%rax,4), %ymm7, %ymm5
	vpaddd	%ymm2, %ymm4, %ymm2
	vpaddd	%ymm3, %ymm5, %ymm3
	addq	$32, %rax
	cmpq	%rax, %rcx
	jne	.Lb31
# LLVM-MCA-END dot_i32/O2-hsw/.LBB0_5
# LLVM-MCA-BEGIN dot_i32/O2-hsw-nounroll/.LBB0_5
.Lb32:
	vmovdqu	(%rsi,%rax,4), %ymm1
	vpmulld	(%rdi,%rax,4), %ymm1, %ymm1
	vpaddd	%ymm0, %ymm1, %ymm0
	addq	$8, %rax
	cmpq	%rax, %rcx
	jne	.Lb32
# LLVM-MCA-END dot_i32/O2-hsw-nounroll/.LBB0_5
# LLVM-MCA-BEGIN dot_i32/Os-hsw/.LBB0_4
.Lb33:
	vmovq	%rcx, %xmm6
	vpbroadcastq	%xmm6, %ymm6
	vpor	%ymm1, %ymm6, %ymm7
	vpor	%ymm2, %ymm6, %ymm6
	vpxor	%ymm3, %ymm6, %ymm6
	vpcmpgtq	%ymm4, %ymm6, %ymm6
	vpxor	%ymm3, %ymm7, %ymm7
	vpcmpgtq	%ymm4, %ymm7, %ymm7
	vpackssdw	%ymm6, %ymm7, %ymm6
	vpxor	%ymm5, %ymm6, %ymm7
	vextracti128	$1, %ymm7, %xmm8
	vpackssdw	%xmm8, %xmm7, %xmm7
	vpshufd	$216, %xmm7, %xmm7
	vpmovzxwd	%xmm7, %ymm7
	vpslld	$31, %ymm7, %ymm7
	vpmaskmovd	(%rdi,%rcx,4), %ymm7, %ymm8
	vpmaskmovd	(%rsi,%rcx,4), %ymm7, %ymm7
	vpmulld	%ymm8, %ymm7, %ymm8
	vmovdqa	%ymm0, %ymm7
	vpaddd	%ymm0, %ymm8, %ymm0
	addq	$8, %rcx
	cmpq	%rcx, %rax
	jne	.Lb33
# LLVM-MCA-END dot_i32/Os-hsw/.LBB0_4
# LLVM-MCA-BEGIN ema_f32/O1/.LBB0_2
.Lb34:
	movss	(%rdi,%rax,4), %xmm2
	subss	%xmm1, %xmm2
	mulss	%xmm0, %xmm2
	addss	%xmm2, %xmm1
	movss	%xmm1, (%rsi,%rax,4)
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb34
# LLVM-MCA-END ema_f32/O1/.LBB0_2
# LLVM-MCA-BEGIN ema_f32/O2/.LBB0_7
.Lb35:
	movss	(%rdi,%rax,4), %xmm2
	subss	%xmm1, %xmm2
	mulss	%xmm0, %xmm2
	addss	%xmm1, %xmm2
	movss	%xmm2, (%rsi,%rax,4)
	movss	4(%rdi,%rax,4), %xmm1
	subss	%xmm2, %xmm1
	mulss	%xmm0, %xmm1
	addss	%xmm2, %xmm1
	movss	%xmm1, 4(%rsi,%rax,4)
	addq	$2, %rax
	cmpq	%rax, %rcx
	jne	.Lb35
# LLVM-MCA-END ema_f32/O2/.LBB0_7
# LLVM-MCA-BEGIN ema_f32/O2-hsw/.LBB0_8
.Lb36:
	vmovss	(%rdi,%rcx,4), %xmm2
	vsubss	%xmm1, %xmm2, %xmm2
	vfmadd213ss	%xmm1, %xmm0, %xmm2
	vmovss	%xmm2, (%rsi,%rcx,4)
	vmovss	4(%rdi,%rcx,4), %xmm1
	vsubss	%xmm2, %xmm1, %xmm1
	vfmadd213ss	%xmm2, %xmm0, %xmm1
	vmovss	%xmm1, 4(%rsi,%rcx,4)
	vmovss	8(%rdi,%rcx,4), %xmm2
	vsubss	%xmm1, %xmm2, %xmm2
	vfmadd213ss	%xmm1, %xmm0, %xmm2
	vmovss	%xmm2, 8(%rsi,%rcx,4)
	vmovss	12(%rdi,%rcx,4), %xmm1
	vsubss	%xmm2, %xmm1, %xmm1
	vfmadd213ss	%xmm2, %xmm0, %xmm1
	vmovss	%xmm1, 12(%rsi,%rcx,4)
	vmovss	16(%rdi,%rcx,4), %xmm2
	vsubss	%xmm1, %xmm2, %xmm2
	vfmadd213ss	%xmm1, %xmm0, %xmm2
	vmovss	%xmm2, 16(%rsi,%rcx,4)
	vmovss	20(%rdi,%rcx,4), %xmm1
	vsubss	%xmm2, %xmm1, %xmm1
	vfmadd213ss	%xmm2, %xmm0, %xmm1
	vmovss	%xmm1, 20(%rsi,%rcx,4)
	vmovss	24(%rdi,%rcx,4), %xmm2
	vsubss	%xmm1, %xmm2, %xmm2
	vfmadd213ss	%xmm1, %xmm0, %xmm2
	vmovss	%xmm2, 24(%rsi,%rcx,4)
	vmovss	28(%rdi,%rcx,4), %xmm1
	vsubss	%xmm2, %xmm1, %xmm1
	vfmadd213ss	%xmm2, %xmm0, %xmm1
	vmovss	%xmm1, 28(%rsi,%rcx,4)
	addq	$8, %rcx
	cmpq	%rcx, %rdx
	jne	.Lb36
# LLVM-MCA-END ema_f32/O2-hsw/.LBB0_8
# LLVM-MCA-BEGIN ema_f32/O2-hsw/.LBB0_5
.Lb37:
	vmovss	(%rcx,%rsi,4), %xmm2
	vsubss	%xmm1, %xmm2, %xmm2
	vfmadd231ss	%xmm2, %xmm0, %xmm1
	vmovss	%xmm1, (%rdx,%rsi,4)
	incq	%rsi
	cmpq	%rsi, %rax
	jne	.Lb37
# LLVM-MCA-END ema_f32/O2-hsw/.LBB0_5
# LLVM-MCA-BEGIN ema_f32/O2-hsw-nounroll/.LBB0_2
.Lb38:
	vmovss	(%rdi,%rax,4), %xmm2
	vsubss	%xmm1, %xmm2, %xmm2
	vfmadd231ss	%xmm2, %xmm0, %xmm1
	vmovss	%xmm1, (%rsi,%rax,4)
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb38
# LLVM-MCA-END ema_f32/O2-hsw-nounroll/.LBB0_2
# LLVM-MCA-BEGIN ema_f32/O3-hsw-fast/.LBB0_8
.Lb39:
	vmovss	(%rdi,%rcx,4), %xmm2
	vsubss	%xmm1, %xmm2, %xmm2
	vfmadd213ss	%xmm1, %xmm0, %xmm2
	vmovss	%xmm2, (%rsi,%rcx,4)
	vmovss	4(%rdi,%rcx,4), %xmm1
	vsubss	%xmm2, %xmm1, %xmm1
	vfmadd213ss	%xmm2, %xmm0, %xmm1
	vmovss	%xmm1, 4(%rsi,%rcx,4)
	vmovss	8(%rdi,%rcx,4), %xmm2
	vsubss	%xmm1, %xmm2, %xmm2
	vfmadd213ss	%xmm1, %xmm0, %xmm2
	vmovss	%xmm2, 8(%rsi,%rcx,4)
	vmovss	12(%rdi,%rcx,4), %xmm1
	vsubss	%xmm2, %xmm1, %xmm1
	vfmadd213ss	%xmm2, %xmm0, %xmm1
	vmovss	%xmm1, 12(%rsi,%rcx,4)
	addq	$4, %rcx
	cmpq	%rcx, %rdx
	jne	.Lb39
# LLVM-MCA-END ema_f32/O3-hsw-fast/.LBB0_8
# LLVM-MCA-BEGIN fib_u64/O1/.LBB0_4
.Lb40:
	movq	%rdx, %rsi
	addq	%rcx, %rsi
	movq	%rcx, %rax
	movq	%rcx, %rdx
	movq	%rsi, %rcx
	decq	%rdi
	jne	.Lb40
# LLVM-MCA-END fib_u64/O1/.LBB0_4
# LLVM-MCA-BEGIN fib_u64/O2/.LBB0_8
.Lb41:
	addq	%rdx, %rsi
	addq	%rsi, %rdx
	addq	%rdx, %rsi
	addq	%rsi, %rdx
	addq	%rdx, %rsi
	addq	%rsi, %rdx
	addq	%rdx, %rsi
	addq	%rsi, %rdx
	addq	$-8, %rdi
	jne	.Lb41
# LLVM-MCA-END fib_u64/O2/.LBB0_8
# LLVM-MCA-BEGIN fib_u64/O2/.LBB0_5
.Lb42:
	movq	%rdx, %rax
	movq	%rsi, %rdx
	addq	%rax, %rdx
	movq	%rax, %rsi
	decq	%rcx
	jne	.Lb42
# LLVM-MCA-END fib_u64/O2/.LBB0_5
# LLVM-MCA-BEGIN fixmul_q16/O1/.LBB0_2
.Lb43:
	movslq	%eax, %rdi
	movslq	(%rsi,%rcx,4), %rax
	imulq	%rdi, %rax
	shrq	$16, %rax
	incq	%rcx
	cmpq	%rcx, %rdx
	jne	.Lb43
# LLVM-MCA-END fixmul_q16/O1/.LBB0_2
# LLVM-MCA-BEGIN fixmul_q16/O2/.LBB0_8
.Lb44:
	cltq
	movslq	(%rsi,%rdi,4), %r8
	imulq	%rax, %r8
	shrq	$16, %r8
	movslq	%r8d, %rax
	movslq	4(%rsi,%rdi,4), %r8
	imulq	%rax, %r8
	shrq	$16, %r8
	movslq	%r8d, %rax
	movslq	8(%rsi,%rdi,4), %r8
	imulq	%rax, %r8
	shrq	$16, %r8
	movslq	%r8d, %r8
	movslq	12(%rsi,%rdi,4), %rax
	imulq	%r8, %rax
	shrq	$16, %rax
	addq	$4, %rdi
	cmpq	%rdi, %rdx
	jne	.Lb44
# LLVM-MCA-END fixmul_q16/O2/.LBB0_8
# LLVM-MCA-BEGIN fixmul_q16/O2/.LBB0_5
.Lb45:
	movslq	%eax, %rdi
	movslq	(%rdx,%rsi,4), %rax
	imulq	%rdi, %rax
	shrq	$16, %rax
	incq	%rsi
	cmpq	%rsi, %rcx
	jne	.Lb45
# LLVM-MCA-END fixmul_q16/O2/.LBB0_5
# LLVM-MCA-BEGIN fixmul_q16/O2-hsw/.LBB0_8
.Lb46:
	cltq
	movslq	(%rsi,%rdi,4), %r8
	imulq	%rax, %r8
	shrq	$16, %r8
	movslq	%r8d, %rax
	movslq	4(%rsi,%rdi,4), %r8
	imulq	%rax, %r8
	shrq	$16, %r8
	movslq	%r8d, %rax
	movslq	8(%rsi,%rdi,4), %r8
	imulq	%rax, %r8
	shrq	$16, %r8
	movslq	%r8d, %rax
	movslq	12(%rsi,%rdi,4), %r8
	imulq	%rax, %r8
	shrq	$16, %r8
	movslq	%r8d, %rax
	movslq	16(%rsi,%rdi,4), %r8
	imulq	%rax, %r8
	shrq	$16, %r8
	movslq	%r8d, %rax
	movslq	20(%rsi,%rdi,4), %r8
	imulq	%rax, %r8
	shrq	$16, %r8
	movslq	%r8d, %rax
	movslq	24(%rsi,%rdi,4), %r8
	imulq	%rax, %r8
	shrq	$16, %r8
	movslq	%r8d, %r8
	movslq	28(%rsi,%rdi,4), %rax
	imulq	%r8, %rax
	shrq	$16, %rax
	addq	$8, %rdi
	cmpq	%rdi, %rdx
	jne	.Lb46
# LLVM-MCA-END fixmul_q16/O2-hsw/.LBB0_8
# LLVM-MCA-BEGIN fnv1a_32/O1/.LBB0_2
.Lb47:
	movzbl	(%rdi,%rcx), %edx
	xorl	%eax, %edx
	imull	$16777619, %edx, %eax
	incq	%rcx
	cmpq	%rcx, %rsi
	jne	.Lb47
# LLVM-MCA-END fnv1a_32/O1/.LBB0_2
# LLVM-MCA-BEGIN fnv1a_32/O2/.LBB0_9
.Lb48:
	movzbl	(%rdi,%rdx), %r8d
	xorl	%eax, %r8d
	imull	$16777619, %r8d, %eax
	movzbl	1(%rdi,%rdx), %r8d
	xorl	%eax, %r8d
	imull	$16777619, %r8d, %eax
	movzbl	2(%rdi,%rdx), %r8d
	xorl	%eax, %r8d
	imull	$16777619, %r8d, %eax
	movzbl	3(%rdi,%rdx), %r8d
	xorl	%eax, %r8d
	imull	$16777619, %r8d, %eax
	addq	$4, %rdx
	cmpq	%rdx, %rsi
	jne	.Lb48
# LLVM-MCA-END fnv1a_32/O2/.LBB0_9
# LLVM-MCA-BEGIN fnv1a_32/O2/.LBB0_6
.Lb49:
	movzbl	(%rdi,%rdx), %esi
	xorl	%eax, %esi
	imull	$16777619, %esi, %eax
	incq	%rdx
	cmpq	%rdx, %rcx
	jne	.Lb49
# LLVM-MCA-END fnv1a_32/O2/.LBB0_6
# LLVM-MCA-BEGIN fnv1a_32/O2-hsw/.LBB0_9
.Lb50:
	movzbl	(%rdi,%rdx), %r8d
	xorl	%eax, %r8d
	imull	$16777619, %r8d, %eax
	movzbl	1(%rdi,%rdx), %r8d
	xorl	%eax, %r8d
	imull	$16777619, %r8d, %eax
	movzbl	2(%rdi,%rdx), %r8d
	xorl	%eax, %r8d
	imull	$16777619, %r8d, %eax
	movzbl	3(%rdi,%rdx), %r8d
	xorl	%eax, %r8d
	imull	$16777619, %r8d, %eax
	movzbl	4(%rdi,%rdx), %r8d
	xorl	%eax, %r8d
	imull	$16777619, %r8d, %eax
	movzbl	5(%rdi,%rdx), %r8d
	xorl	%eax, %r8d
	imull	$16777619, %r8d, %eax
	movzbl	6(%rdi,%rdx), %r8d
	xorl	%eax, %r8d
	imull	$16777619, %r8d, %eax
	movzbl	7(%rdi,%rdx), %r8d
	xorl	%eax, %r8d
	imull	$16777619, %r8d, %eax
	addq	$8, %rdx
	cmpq	%rdx, %rsi
	jne	.Lb50
# LLVM-MCA-END fnv1a_32/O2-hsw/.LBB0_9
# LLVM-MCA-BEGIN gcd_euclid/O1/.LBB0_2
.Lb51:
	movq	%rdx, %rcx
	xorl	%edx, %edx
	divq	%rcx
	movq	%rcx, %rax
	testq	%rdx, %rdx
	jne	.Lb51
# LLVM-MCA-END gcd_euclid/O1/.LBB0_2
# LLVM-MCA-BEGIN histogram_u8/O1/.LBB0_2
.Lb52:
	movzbl	(%rdi,%rax), %ecx
	incl	(%rdx,%rcx,4)
	incq	%rax
	cmpq	%rax, %rsi
	jne	.Lb52
# LLVM-MCA-END histogram_u8/O1/.LBB0_2
# LLVM-MCA-BEGIN histogram_u8/O2/.LBB0_8
.Lb53:
	movzbl	(%rdi,%rcx), %r8d
	incl	(%rdx,%r8,4)
	movzbl	1(%rdi,%rcx), %r8d
	incl	(%rdx,%r8,4)
	movzbl	2(%rdi,%rcx), %r8d
	incl	(%rdx,%r8,4)
	movzbl	3(%rdi,%rcx), %r8d
	incl	(%rdx,%r8,4)
	addq	$4, %rcx
	cmpq	%rcx, %rsi
	jne	.Lb53
# LLVM-MCA-END histogram_u8/O2/.LBB0_8
# LLVM-MCA-BEGIN histogram_u8/O2/.LBB0_5
.Lb54:
	movzbl	(%rdi,%rcx), %esi
	incl	(%rdx,%rsi,4)
	incq	%rcx
	cmpq	%rcx, %rax
	jne	.Lb54
# LLVM-MCA-END histogram_u8/O2/.LBB0_5
# LLVM-MCA-BEGIN histogram_u8/O2-hsw/.LBB0_8
.Lb55:
	movzbl	(%rdi,%rcx), %r8d
	incl	(%rdx,%r8,4)
	movzbl	1(%rdi,%rcx), %r8d
	incl	(%rdx,%r8,4)
	movzbl	2(%rdi,%rcx), %r8d
	incl	(%rdx,%r8,4)
	movzbl	3(%rdi,%rcx), %r8d
	incl	(%rdx,%r8,4)
	movzbl	4(%rdi,%rcx), %r8d
	incl	(%rdx,%r8,4)
	movzbl	5(%rdi,%rcx), %r8d
	incl	(%rdx,%r8,4)
	movzbl	6(%rdi,%rcx), %r8d
	incl	(%rdx,%r8,4)
	movzbl	7(%rdi,%rcx), %r8d
	incl	(%rdx,%r8,4)
	addq	$8, %rcx
	cmpq	%rcx, %rsi
	jne	.Lb55
# LLVM-MCA-END histogram_u8/O2-hsw/.LBB0_8
# LLVM-MCA-BEGIN horner_f64/O1/.LBB0_2
.Lb56:
	mulsd	%xmm0, %xmm1
	addsd	(%rdi,%rax,8), %xmm1
	incq	%rax
	cmpq	%rax, %rsi
	jne	.Lb56
# LLVM-MCA-END horner_f64/O1/.LBB0_2
# LLVM-MCA-BEGIN horner_f64/O2/.LBB0_9
.Lb57:
	mulsd	%xmm0, %xmm1
	addsd	(%rdi,%rcx,8), %xmm1
	mulsd	%xmm0, %xmm1
	addsd	8(%rdi,%rcx,8), %xmm1
	mulsd	%xmm0, %xmm1
	addsd	16(%rdi,%rcx,8), %xmm1
	mulsd	%xmm0, %xmm1
	addsd	24(%rdi,%rcx,8), %xmm1
	addq	$4, %rcx
	cmpq	%rcx, %rsi
	jne	.Lb57
# LLVM-MCA-END horner_f64/O2/.LBB0_9
# LLVM-MCA-BEGIN horner_f64/O2/.LBB0_6
.Lb58:
	mulsd	%xmm0, %xmm1
	addsd	(%rcx,%rdx,8), %xmm1
	incq	%rdx
	cmpq	%rdx, %rax
	jne	.Lb58
# LLVM-MCA-END horner_f64/O2/.LBB0_6
# LLVM-MCA-BEGIN horner_f64/O2-hsw/.LBB0_9
.Lb59:
	vfmadd213sd	(%rdi,%rcx,8), %xmm0, %xmm1
	vfmadd213sd	8(%rdi,%rcx,8), %xmm0, %xmm1
	vfmadd213sd	16(%rdi,%rcx,8), %xmm0, %xmm1
	vfmadd213sd	24(%rdi,%rcx,8), %xmm0, %xmm1
	vfmadd213sd	32(%rdi,%rcx,8), %xmm0, %xmm1
	vfmadd213sd	40(%rdi,%rcx,8), %xmm0, %xmm1
	vfmadd213sd	48(%rdi,%rcx,8), %xmm0, %xmm1
	vfmadd213sd	56(%rdi,%rcx,8), %xmm0, %xmm1
	addq	$8, %rcx
	cmpq	%rcx, %rsi
	jne	.Lb59
# LLVM-MCA-END horner_f64/O2-hsw/.LBB0_9
# LLVM-MCA-BEGIN horner_f64/O2-hsw/.LBB0_6
.Lb60:
	vfmadd213sd	(%rcx,%rdx,8), %xmm0, %xmm1
	incq	%rdx
	cmpq	%rdx, %rax
	jne	.Lb60
# LLVM-MCA-END horner_f64/O2-hsw/.LBB0_6
# LLVM-MCA-BEGIN horner_f64/O2-hsw-nounroll/.LBB0_2
.Lb61:
	vfmadd213sd	(%rdi,%rax,8), %xmm0, %xmm1
	incq	%rax
	cmpq	%rax, %rsi
	jne	.Lb61
# LLVM-MCA-END horner_f64/O2-hsw-nounroll/.LBB0_2
# LLVM-MCA-BEGIN insertion_sort/O1/.LBB0_5
.Lb62:
	movl	%r9d, (%r8)
	movl	-8(%r8), %r9d
	addq	$-4, %r8
	cmpl	%edx, %r9d
	jg	.Lb62
# LLVM-MCA-END insertion_sort/O1/.LBB0_5
# LLVM-MCA-BEGIN insertion_sort/O2/.LBB0_7
.Lb63:
	movl	%edx, (%rcx)
	movl	-8(%rcx), %edx
	addq	$-4, %rcx
	cmpl	%eax, %edx
	jg	.Lb63
# LLVM-MCA-END insertion_sort/O2/.LBB0_7
# LLVM-MCA-BEGIN insertion_sort/O2/.LBB0_13
.Lb64:
	movl	%ebx, (%r11)
	movl	-8(%r11), %ebx
	addq	$-4, %r11
	cmpl	%r10d, %ebx
	jg	.Lb64
# LLVM-MCA-END insertion_sort/O2/.LBB0_13
# LLVM-MCA-BEGIN list_length/O1/.LBB0_1
.Lb65:
	incq	%rax
	movq	(%rdi), %rdi
	testq	%rdi, %rdi
	jne	.Lb65
# LLVM-MCA-END list_length/O1/.LBB0_1
# LLVM-MCA-BEGIN matvec_f32/O1/.LBB0_6
.Lb66:
	movss	(%rdi,%r10,4), %xmm1
	mulss	(%rsi,%r10,4), %xmm1
	addss	%xmm1, %xmm0
	incq	%r10
	cmpq	%r10, %r8
	jne	.Lb66
# LLVM-MCA-END matvec_f32/O1/.LBB0_6
# LLVM-MCA-BEGIN matvec_f32/O2/.LBB0_10
.Lb67:
	movss	-12(%r10,%r14,4), %xmm1
	movss	-8(%r10,%r14,4), %xmm2
	mulss	(%rsi,%r14,4), %xmm1
	mulss	4(%rsi,%r14,4), %xmm2
	addss	%xmm0, %xmm1
	movss	-4(%r10,%r14,4), %xmm3
	mulss	8(%rsi,%r14,4), %xmm3
	addss	%xmm1, %xmm2
	movss	(%r10,%r14,4), %xmm0
	mulss	12(%rsi,%r14,4), %xmm0
	addss	%xmm2, %xmm3
	addss	%xmm3, %xmm0
	addq	$4, %r14
	cmpq	%r14, %r9
	jne	.Lb67
# LLVM-MCA-END matvec_f32/O2/.LBB0_10
# LLVM-MCA-BEGIN matvec_f32/O2/.LBB0_6
.Lb68:
	movss	(%r14,%r12,4), %xmm1
	mulss	(%r15,%r12,4), %xmm1
	addss	%xmm1, %xmm0
	incq	%r12
	cmpq	%r12, %rax
	jne	.Lb68
# LLVM-MCA-END matvec_f32/O2/.LBB0_6
# LLVM-MCA-BEGIN matvec_f32/O2-hsw/.LBB0_10
.Lb69:
	vmovss	-28(%r10,%r14,4), %xmm1
	vmovss	-24(%r10,%r14,4), %xmm2
	vfmadd132ss	(%rsi,%r14,4), %xmm0, %xmm1
	vfmadd231ss	4(%rsi,%r14,4), %xmm2, %xmm1
	vmovss	-20(%r10,%r14,4), %xmm0
	vfmadd132ss	8(%rsi,%r14,4), %xmm1, %xmm0
	vmovss	-16(%r10,%r14,4), %xmm1
	vfmadd132ss	12(%rsi,%r14,4), %xmm0, %xmm1
	vmovss	-12(%r10,%r14,4), %xmm0
	vfmadd132ss	16(%rsi,%r14,4), %xmm1, %xmm0
	vmovss	-8(%r10,%r14,4), %xmm1
	vfmadd132ss	20(%rsi,%r14,4), %xmm0, %xmm1
	vmovss	-4(%r10,%r14,4), %xmm2
	vfmadd132ss	24(%rsi,%r14,4), %xmm1, %xmm2
	vmovss	(%r10,%r14,4), %xmm0
	vfmadd132ss	28(%rsi,%r14,4), %xmm2, %xmm0
	addq	$8, %r14
	cmpq	%r14, %r9
	jne	.Lb69
# LLVM-MCA-END matvec_f32/O2-hsw/.LBB0_10
# LLVM-MCA-BEGIN matvec_f32/O2-hsw/.LBB0_6
.Lb70:
	vmovss	(%r14,%r12,4), %xmm1
	vfmadd231ss	(%r15,%r12,4), %xmm1, %xmm0
	incq	%r12
	cmpq	%r12, %rax
	jne	.Lb70
# LLVM-MCA-END matvec_f32/O2-hsw/.LBB0_6
# LLVM-MCA-BEGIN matvec_f32/O2-hsw-nounroll/.LBB0_6
.Lb71:
	vmovss	(%rdi,%r10,4), %xmm1
	vfmadd231ss	(%rsi,%r10,4), %xmm1, %xmm0
	incq	%r10
	cmpq	%r10, %r8
	jne	.Lb71
# LLVM-MCA-END matvec_f32/O2-hsw-nounroll/.LBB0_6
# LLVM-MCA-BEGIN matvec_f32/O3-hsw-fast/.LBB0_6
.Lb72:
	vmovups	(%rsi,%rbx,4), %ymm4
	vmovups	32(%rsi,%rbx,4), %ymm5
	vmovups	64(%rsi,%rbx,4), %ymm6
	vmovups	96(%rsi,%rbx,4), %ymm7
	vfmadd231ps	-96(%r9,%rbx,4), %ymm4, %ymm0
	vfmadd231ps	-64(%r9,%rbx,4), %ymm5, %ymm1
	vfmadd231ps	-32(%r9,%rbx,4), %ymm6, %ymm2
	vfmadd231ps	(%r9,%rbx,4), %ymm7, %ymm3
	addq	$32, %rbx
	cmpq	%rbx, %rax
	jne	.Lb72
# LLVM-MCA-END matvec_f32/O3-hsw-fast/.LBB0_6
# LLVM-MCA-BEGIN matvec_f32/O3-hsw-fast/.LBB0_8
.Lb73:
	vmovss	(%rsi,%rbx,4), %xmm1
	vfmadd231ss	(%rdi,%rbx,4), %xmm1, %xmm0
	incq	%rbx
	cmpq	%rbx, %r8
	jne	.Lb73
# LLVM-MCA-END matvec_f32/O3-hsw-fast/.LBB0_8
# LLVM-MCA-BEGIN matvec_f32/O3-hsw-fast-nounroll/.LBB0_6
.Lb74:
	vmovups	(%rsi,%r11,4), %ymm1
	vfmadd231ps	(%rdi,%r11,4), %ymm1, %ymm0
	addq	$8, %r11
	cmpq	%r11, %rax
	jne	.Lb74
# LLVM-MCA-END matvec_f32/O3-hsw-fast-nounroll/.LBB0_6
# LLVM-MCA-BEGIN matvec_f32/O3-hsw-fast-nounroll/.LBB0_8
.Lb75:
	vmovss	(%rsi,%r11,4), %xmm1
	vfmadd231ss	(%rdi,%r11,4), %xmm1, %xmm0
	incq	%r11
	cmpq	%r11, %r8
	jne	.Lb75
# LLVM-MCA-END matvec_f32/O3-hsw-fast-nounroll/.LBB0_8
# LLVM-MCA-BEGIN max_i32/O1/.LBB0_2
.Lb76:
	movl	(%rdi,%rcx,4), %edx
	cmpl	%eax, %edx
	cmovgl	%edx, %eax
	incq	%rcx
	cmpq	%rcx, %rsi
	jne	.Lb76
# LLVM-MCA-END max_i32/O1/.LBB0_2
# LLVM-MCA-BEGIN max_i32/O2/.LBB0_6
.Lb77:
	movdqu	(%rdi,%rax,4), %xmm2
	movdqu	16(%rdi,%rax,4), %xmm3
	movdqa	%xmm2, %xmm4
	pcmpgtd	%xmm0, %xmm4
	pand	%xmm4, %xmm2
	pandn	%xmm0, %xmm4
	movdqa	%xmm4, %xmm0
	por	%xmm2, %xmm0
	movdqa	%xmm3, %xmm2
	pcmpgtd	%xmm1, %xmm2
	pand	%xmm2, %xmm3
	pandn	%xmm1, %xmm2
	movdqa	%xmm2, %xmm1
	por	%xmm3, %xmm1
	addq	$8, %rax
	cmpq	%rax, %rcx
	jne	.Lb77
# LLVM-MCA-END max_i32/O2/.LBB0_6
# LLVM-MCA-BEGIN max_i32/O2-nounroll/.LBB0_6
.Lb78:
	movdqu	(%rdi,%rax,4), %xmm1
	movdqa	%xmm1, %xmm2
	pcmpgtd	%xmm0, %xmm2
	pand	%xmm2, %xmm1
	pandn	%xmm0, %xmm2
	movdqa	%xmm2, %xmm0
	por	%xmm1, %xmm0
	addq	$4, %rax
	cmpq	%rax, %rcx
	jne	.Lb78
# LLVM-MCA-END max_i32/O2-nounroll/.LBB0_6
# LLVM-MCA-BEGIN max_i32/O2-hsw/.LBB0_6
.Lb79:
	vpmaxsd	(%rdi,%rax,4), %ymm0, %ymm0
	vpmaxsd	32(%rdi,%rax,4), %ymm1, %ymm1
	vpmaxsd	64(%rdi,%rax,4), %ymm2, %ymm2
	vpmaxsd	96(%rdi,%rax,4), %ymm3, %ymm3
	addq	$32, %rax
	cmpq	%rax, %rcx
	jne	.Lb79
# LLVM-MCA-END max_i32/O2-hsw/.LBB0_6
# LLVM-MCA-BEGIN max_i32/O2-hsw-nounroll/.LBB0_6
.Lb80:
	vpmaxsd	(%rdi,%rax,4), %ymm0, %ymm0
	addq	$8, %rax
	cmpq	%rax, %rcx
	jne	.Lb80
# LLVM-MCA-END max_i32/O2-hsw-nounroll/.LBB0_6
# LLVM-MCA-BEGIN max_i32/Os-hsw/.LBB0_4
.Lb81:
	vmovq	%rcx, %xmm6
	vpbroadcastq	%xmm6, %ymm6
	vpor	%ymm1, %ymm6, %ymm7
	vpor	%ymm2, %ymm6, %ymm6
	vpxor	%ymm3, %ymm6, %ymm6
	vpcmpgtq	%ymm4, %ymm6, %ymm6
	vpxor	%ymm3, %ymm7, %ymm7
	vpcmpgtq	%ymm4, %ymm7, %ymm7
	vpackssdw	%ymm6, %ymm7, %ymm6
	vpxor	%ymm5, %ymm6, %ymm7
	vextracti128	$1, %ymm7, %xmm8
	vpackssdw	%xmm8, %xmm7, %xmm7
	vpshufd	$216, %xmm7, %xmm7
	vpmovzxwd	%xmm7, %ymm7
	vpslld	$31, %ymm7, %ymm7
	vpmaskmovd	(%rdi,%rcx,4), %ymm7, %ymm8
	vmovdqa	%ymm0, %ymm7
	vpmaxsd	%ymm0, %ymm8, %ymm0
	addq	$8, %rcx
	cmpq	%rcx, %rax
	jne	.Lb81
# LLVM-MCA-END max_i32/Os-hsw/.LBB0_4
# LLVM-MCA-BEGIN memset_u32/O1/.LBB0_2
.Lb82:
	movl	%esi, (%rdi,%rax,4)
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb82
# LLVM-MCA-END memset_u32/O1/.LBB0_2
# LLVM-MCA-BEGIN memset_u32/O2/.LBB0_4
.Lb83:
	movdqu	%xmm0, (%rdi,%rcx,4)
	movdqu	%xmm0, 16(%rdi,%rcx,4)
	addq	$8, %rcx
	cmpq	%rcx, %rax
	jne	.Lb83
# LLVM-MCA-END memset_u32/O2/.LBB0_4
# LLVM-MCA-BEGIN memset_u32/O2-nounroll/.LBB0_4
.Lb84:
	movdqu	%xmm0, (%rdi,%rcx,4)
	addq	$4, %rcx
	cmpq	%rcx, %rax
	jne	.Lb84
# LLVM-MCA-END memset_u32/O2-nounroll/.LBB0_4
# LLVM-MCA-BEGIN memset_u32/O2-hsw/.LBB0_4
.Lb85:
	vmovdqu	%ymm0, (%rdi,%rcx,4)
	vmovdqu	%ymm0, 32(%rdi,%rcx,4)
	vmovdqu	%ymm0, 64(%rdi,%rcx,4)
	vmovdqu	%ymm0, 96(%rdi,%rcx,4)
	addq	$32, %rcx
	cmpq	%rcx, %rax
	jne	.Lb85
# LLVM-MCA-END memset_u32/O2-hsw/.LBB0_4
# LLVM-MCA-BEGIN memset_u32/O2-hsw-nounroll/.LBB0_4
.Lb86:
	vmovdqu	%ymm0, (%rdi,%rcx,4)
	addq	$8, %rcx
	cmpq	%rcx, %rax
	jne	.Lb86
# LLVM-MCA-END memset_u32/O2-hsw-nounroll/.LBB0_4
# LLVM-MCA-BEGIN memset_u32/Os-hsw/.LBB0_2
.Lb87:
	vmovq	%rcx, %xmm6
	vpbroadcastq	%xmm6, %ymm6
	vpor	%ymm1, %ymm6, %ymm7
	vpor	%ymm2, %ymm6, %ymm6
	vpxor	%ymm3, %ymm6, %ymm6
	vpcmpgtq	%ymm4, %ymm6, %ymm6
	vpxor	%ymm3, %ymm7, %ymm7
	vpcmpgtq	%ymm4, %ymm7, %ymm7
	vpackssdw	%ymm6, %ymm7, %ymm6
	vpxor	%ymm5, %ymm6, %ymm6
	vextracti128	$1, %ymm6, %xmm7
	vpackssdw	%xmm7, %xmm6, %xmm6
	vpshufd	$216, %xmm6, %xmm6
	vpmovzxwd	%xmm6, %ymm6
	vpslld	$31, %ymm6, %ymm6
	vpmaskmovd	%ymm0, %ymm6, (%rdi,%rcx,4)
	addq	$8, %rcx
	cmpq	%rcx, %rax
	jne	.Lb87
# LLVM-MCA-END memset_u32/Os-hsw/.LBB0_2
# LLVM-MCA-BEGIN popcount_kernighan/O1/.LBB0_4
.Lb88:
	leaq	-1(%rcx), %r9
	incl	%r8d
	andq	%r9, %rcx
	jne	.Lb88
# LLVM-MCA-END popcount_kernighan/O1/.LBB0_4
# LLVM-MCA-BEGIN popcount_kernighan/O2/.LBB0_5
.Lb89:
	leaq	-1(%rdx), %rdi
	incb	%cl
	andq	%rdi, %rdx
	jne	.Lb89
# LLVM-MCA-END popcount_kernighan/O2/.LBB0_5
# LLVM-MCA-BEGIN popcount_kernighan/O2/.LBB0_10
.Lb90:
	leaq	-1(%r9), %r10
	incb	%r8b
	andq	%r10, %r9
	jne	.Lb90
# LLVM-MCA-END popcount_kernighan/O2/.LBB0_10
# LLVM-MCA-BEGIN popcount_kernighan/Os/.LBB0_3
.Lb91:
	leaq	-1(%r8), %r9
	incb	%cl
	andq	%r9, %r8
	jne	.Lb91
# LLVM-MCA-END popcount_kernighan/Os/.LBB0_3
# LLVM-MCA-BEGIN popcount_kernighan/O2-hsw/.LBB0_4
.Lb92:
	vmovdqu	(%rdi,%rcx,8), %ymm3
	vmovdqu	32(%rdi,%rcx,8), %ymm4
	vmovdqu	64(%rdi,%rcx,8), %ymm5
	vmovdqu	96(%rdi,%rcx,8), %ymm6
	vpand	%ymm0, %ymm3, %ymm7
	vpshufb	%ymm7, %ymm1, %ymm7
	vpsrlw	$4, %ymm3, %ymm3
	vpand	%ymm0, %ymm3, %ymm3
	vpshufb	%ymm3, %ymm1, %ymm3
	vpaddb	%ymm7, %ymm3, %ymm3
	vpsadbw	%ymm2, %ymm3, %ymm3
	vpand	%ymm0, %ymm4, %ymm7
	vpshufb	%ymm7, %ymm1, %ymm7
	vpsrlw	$4, %ymm4, %ymm4
	vpand	%ymm0, %ymm4, %ymm4
	vpshufb	%ymm4, %ymm1, %ymm4
	vpaddb	%ymm7, %ymm4, %ymm4
	vpsadbw	%ymm2, %ymm4, %ymm4
	vpand	%ymm0, %ymm5, %ymm7
	vpshufb	%ymm7, %ymm1, %ymm7
	vpsrlw	$4, %ymm5, %ymm5
	vpand	%ymm0, %ymm5, %ymm5
	vpshufb	%ymm5, %ymm1, %ymm5
	vpaddb	%ymm7, %ymm5, %ymm5
	vpsadbw	%ymm2, %ymm5, %ymm5
	vpand	%ymm0, %ymm6, %ymm7
	vpshufb	%ymm7, %ymm1, %ymm7
	vpsrlw	$4, %ymm6, %ymm6
	vpand	%ymm0, %ymm6, %ymm6
	vpshufb	%ymm6, %ymm1, %ymm6
	vpaddb	%ymm7, %ymm6, %ymm6
	vpsadbw	%ymm2, %ymm6, %ymm6
	vextracti128	$1, %ymm3, %xmm7
	vpackusdw	%xmm7, %xmm3, %xmm3
	vpackusdw	%xmm3, %xmm3, %xmm3
	vextracti128	$1, %ymm4, %xmm7
	vpackusdw	%xmm7, %xmm4, %xmm4
	vpackusdw	%xmm4, %xmm4, %xmm4
	vpackuswb	%xmm4, %xmm3, %xmm3
	vextracti128	$1, %ymm5, %xmm4
	vpackusdw	%xmm4, %xmm5, %xmm4
	vpackusdw	%xmm4, %xmm4, %xmm4
	vextracti128	$1, %ymm6, %xmm5
	vpackusdw	%xmm5, %xmm6, %xmm5
	vpackusdw	%xmm5, %xmm5, %xmm5
	vpackuswb	%xmm5, %xmm4, %xmm4
	vshufps	$136, %xmm4, %xmm3, %xmm3
	vmovups	%xmm3, (%rsi,%rcx)
	addq	$16, %rcx
	cmpq	%rcx, %rax
	jne	.Lb92
# LLVM-MCA-END popcount_kernighan/O2-hsw/.LBB0_4
# LLVM-MCA-BEGIN popcount_kernighan/O2-hsw/.LBB0_6
.Lb93:
	xorl	%ecx, %ecx
	popcntq	(%rdi,%rax,8), %rcx
	movb	%cl, (%rsi,%rax)
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb93
# LLVM-MCA-END popcount_kernighan/O2-hsw/.LBB0_6
# LLVM-MCA-BEGIN popcount_kernighan/O2-hsw-nounroll/.LBB0_4
.Lb94:
	vmovdqu	(%rdi,%rcx,8), %ymm3
	vpand	%ymm0, %ymm3, %ymm4
	vpshufb	%ymm4, %ymm1, %ymm4
	vpsrlw	$4, %ymm3, %ymm3
	vpand	%ymm0, %ymm3, %ymm3
	vpshufb	%ymm3, %ymm1, %ymm3
	vpaddb	%ymm4, %ymm3, %ymm3
	vpsadbw	%ymm2, %ymm3, %ymm3
	vextracti128	$1, %ymm3, %xmm4
	vpackusdw	%xmm4, %xmm3, %xmm3
	vpackusdw	%xmm3, %xmm3, %xmm3
	vpackuswb	%xmm3, %xmm3, %xmm3
	vmovd	%xmm3, (%rsi,%rcx)
	addq	$4, %rcx
	cmpq	%rcx, %rax
	jne	.Lb94
# LLVM-MCA-END popcount_kernighan/O2-hsw-nounroll/.LBB0_4
# LLVM-MCA-BEGIN prefix_sum_i64/O1/.LBB0_2
.Lb95:
	addq	(%rdi,%rax,8), %rcx
	movq	%rcx, (%rsi,%rax,8)
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb95
# LLVM-MCA-END prefix_sum_i64/O1/.LBB0_2
# LLVM-MCA-BEGIN prefix_sum_i64/O2/.LBB0_8
.Lb96:
	addq	(%rdi,%r8,8), %rcx
	movq	%rcx, (%rsi,%r8,8)
	addq	8(%rdi,%r8,8), %rcx
	movq	%rcx, 8(%rsi,%r8,8)
	addq	16(%rdi,%r8,8), %rcx
	movq	%rcx, 16(%rsi,%r8,8)
	addq	24(%rdi,%r8,8), %rcx
	movq	%rcx, 24(%rsi,%r8,8)
	addq	$4, %r8
	cmpq	%r8, %rdx
	jne	.Lb96
# LLVM-MCA-END prefix_sum_i64/O2/.LBB0_8
# LLVM-MCA-BEGIN prefix_sum_i64/O2/.LBB0_5
.Lb97:
	addq	(%rsi,%rdi,8), %rcx
	movq	%rcx, (%rdx,%rdi,8)
	incq	%rdi
	cmpq	%rdi, %rax
	jne	.Lb97
# LLVM-MCA-END prefix_sum_i64/O2/.LBB0_5
# LLVM-MCA-BEGIN prefix_sum_i64/O2-hsw/.LBB0_8
.Lb98:
	addq	(%rdi,%r8,8), %rcx
	movq	%rcx, (%rsi,%r8,8)
	addq	8(%rdi,%r8,8), %rcx
	movq	%rcx, 8(%rsi,%r8,8)
	addq	16(%rdi,%r8,8), %rcx
	movq	%rcx, 16(%rsi,%r8,8)
	addq	24(%rdi,%r8,8), %rcx
	movq	%rcx, 24(%rsi,%r8,8)
	addq	32(%rdi,%r8,8), %rcx
	movq	%rcx, 32(%rsi,%r8,8)
	addq	40(%rdi,%r8,8), %rcx
	movq	%rcx, 40(%rsi,%r8,8)
	addq	48(%rdi,%r8,8), %rcx
	movq	%rcx, 48(%rsi,%r8,8)
	addq	56(%rdi,%r8,8), %rcx
	movq	%rcx, 56(%rsi,%r8,8)
	addq	$8, %r8
	cmpq	%r8, %rdx
	jne	.Lb98
# LLVM-MCA-END prefix_sum_i64/O2-hsw/.LBB0_8
# LLVM-MCA-BEGIN product_f64/O1/.LBB0_2
.Lb99:
	mulsd	(%rdi,%rax,8), %xmm0
	incq	%rax
	cmpq	%rax, %rsi
	jne	.Lb99
# LLVM-MCA-END product_f64/O1/.LBB0_2
# LLVM-MCA-BEGIN product_f64/O2/.LBB0_9
.Lb100:
	mulsd	(%rdi,%rcx,8), %xmm0
	mulsd	8(%rdi,%rcx,8), %xmm0
	mulsd	16(%rdi,%rcx,8), %xmm0
	mulsd	24(%rdi,%rcx,8), %xmm0
	mulsd	32(%rdi,%rcx,8), %xmm0
	mulsd	40(%rdi,%rcx,8), %xmm0
	mulsd	48(%rdi,%rcx,8), %xmm0
	mulsd	56(%rdi,%rcx,8), %xmm0
	addq	$8, %rcx
	cmpq	%rcx, %rsi
	jne	.Lb100
# LLVM-MCA-END product_f64/O2/.LBB0_9
# LLVM-MCA-BEGIN product_f64/O2/.LBB0_6
.Lb101:
	mulsd	(%rcx,%rdx,8), %xmm0
	incq	%rdx
	cmpq	%rdx, %rax
	jne	.Lb101
# LLVM-MCA-END product_f64/O2/.LBB0_6
# LLVM-MCA-BEGIN product_f64/O2-hsw/.LBB0_9
.Lb102:
	vmulsd	(%rdi,%rcx,8), %xmm0, %xmm0
	vmulsd	8(%rdi,%rcx,8), %xmm0, %xmm0
	vmulsd	16(%rdi,%rcx,8), %xmm0, %xmm0
	vmulsd	24(%rdi,%rcx,8), %xmm0, %xmm0
	vmulsd	32(%rdi,%rcx,8), %xmm0, %xmm0
	vmulsd	40(%rdi,%rcx,8), %xmm0, %xmm0
	vmulsd	48(%rdi,%rcx,8), %xmm0, %xmm0
	vmulsd	56(%rdi,%rcx,8), %xmm0, %xmm0
	addq	$8, %rcx
	cmpq	%rcx, %rsi
	jne	.Lb102
# LLVM-MCA-END product_f64/O2-hsw/.LBB0_9
# LLVM-MCA-BEGIN product_f64/O2-hsw/.LBB0_6
.Lb103:
	vmulsd	(%rcx,%rdx,8), %xmm0, %xmm0
	incq	%rdx
	cmpq	%rdx, %rax
	jne	.Lb103
# LLVM-MCA-END product_f64/O2-hsw/.LBB0_6
# LLVM-MCA-BEGIN product_f64/O2-hsw-nounroll/.LBB0_2
.Lb104:
	vmulsd	(%rdi,%rax,8), %xmm0, %xmm0
	incq	%rax
	cmpq	%rax, %rsi
	jne	.Lb104
# LLVM-MCA-END product_f64/O2-hsw-nounroll/.LBB0_2
# LLVM-MCA-BEGIN product_f64/O3-hsw-fast/.LBB0_5
.Lb105:
	vmulpd	(%rdi,%rcx,8), %ymm0, %ymm0
	vmulpd	32(%rdi,%rcx,8), %ymm1, %ymm1
	vmulpd	64(%rdi,%rcx,8), %ymm2, %ymm2
	vmulpd	96(%rdi,%rcx,8), %ymm3, %ymm3
	addq	$16, %rcx
	cmpq	%rcx, %rax
	jne	.Lb105
# LLVM-MCA-END product_f64/O3-hsw-fast/.LBB0_5
# LLVM-MCA-BEGIN product_f64/O3-hsw-fast-nounroll/.LBB0_5
.Lb106:
	vmulpd	(%rdi,%rcx,8), %ymm0, %ymm0
	addq	$4, %rcx
	cmpq	%rcx, %rax
	jne	.Lb106
# LLVM-MCA-END product_f64/O3-hsw-fast-nounroll/.LBB0_5
# LLVM-MCA-BEGIN saxpy_f32/O1/.LBB0_2
.Lb107:
	movss	(%rdi,%rax,4), %xmm1
	mulss	%xmm0, %xmm1
	addss	(%rsi,%rax,4), %xmm1
	movss	%xmm1, (%rsi,%rax,4)
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb107
# LLVM-MCA-END saxpy_f32/O1/.LBB0_2
# LLVM-MCA-BEGIN saxpy_f32/O2/.LBB0_4
.Lb108:
	movups	(%rdi,%rcx,4), %xmm2
	movups	16(%rdi,%rcx,4), %xmm3
	movups	(%rsi,%rcx,4), %xmm4
	movups	16(%rsi,%rcx,4), %xmm5
	mulps	%xmm1, %xmm2
	addps	%xmm4, %xmm2
	mulps	%xmm1, %xmm3
	addps	%xmm5, %xmm3
	movups	%xmm2, (%rsi,%rcx,4)
	movups	%xmm3, 16(%rsi,%rcx,4)
	addq	$8, %rcx
	cmpq	%rcx, %rax
	jne	.Lb108
# LLVM-MCA-END saxpy_f32/O2/.LBB0_4
# LLVM-MCA-BEGIN saxpy_f32/O2-nounroll/.LBB0_4
.Lb109:
	movups	(%rdi,%rcx,4), %xmm2
	mulps	%xmm1, %xmm2
	movups	(%rsi,%rcx,4), %xmm3
	addps	%xmm2, %xmm3
	movups	%xmm3, (%rsi,%rcx,4)
	addq	$4, %rcx
	cmpq	%rcx, %rax
	jne	.Lb109
# LLVM-MCA-END saxpy_f32/O2-nounroll/.LBB0_4
# LLVM-MCA-BEGIN saxpy_f32/O2-hsw/.LBB0_4
.Lb110:
	vmovups	(%rdi,%rcx,4), %ymm2
	vmovups	32(%rdi,%rcx,4), %ymm3
	vmovups	64(%rdi,%rcx,4), %ymm4
	vmovups	96(%rdi,%rcx,4), %ymm5
	vfmadd213ps	(%rsi,%rcx,4), %ymm1, %ymm2
	vfmadd213ps	32(%rsi,%rcx,4), %ymm1, %ymm3
	vfmadd213ps	64(%rsi,%rcx,4), %ymm1, %ymm4
	vfmadd213ps	96(%rsi,%rcx,4), %ymm1, %ymm5
	vmovups	%ymm2, (%rsi,%rcx,4)
	vmovups	%ymm3, 32(%rsi,%rcx,4)
	vmovups	%ymm4, 64(%rsi,%rcx,4)
	vmovups	%ymm5, 96(%rsi,%rcx,4)
	addq	$32, %rcx
	cmpq	%rcx, %rax
	jne	.Lb110
# LLVM-MCA-END saxpy_f32/O2-hsw/.LBB0_4
# LLVM-MCA-BEGIN saxpy_f32/O2-hsw/.LBB0_6
.Lb111:
	vmovss	(%rdi,%rax,4), %xmm1
	vfmadd213ss	(%rsi,%rax,4), %xmm0, %xmm1
	vmovss	%xmm1, (%rsi,%rax,4)
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb111
# LLVM-MCA-END saxpy_f32/O2-hsw/.LBB0_6
# LLVM-MCA-BEGIN saxpy_f32/O2-hsw-nounroll/.LBB0_4
.Lb112:
	vmovups	(%rdi,%rcx,4), %ymm2
	vfmadd213ps	(%rsi,%rcx,4), %ymm1, %ymm2
	vmovups	%ymm2, (%rsi,%rcx,4)
	addq	$8, %rcx
	cmpq	%rcx, %rax
	jne	.Lb112
# LLVM-MCA-END saxpy_f32/O2-hsw-nounroll/.LBB0_4
# LLVM-MCA-BEGIN saxpy_f32/Os-hsw/.LBB0_2
.Lb113:
	vmovq	%rcx, %xmm6
	vpbroadcastq	%xmm6, %ymm6
	vpor	%ymm1, %ymm6, %ymm7
	vpor	%ymm2, %ymm6, %ymm6
	vpxor	%ymm3, %ymm6, %ymm6
	vpcmpgtq	%ymm4, %ymm6, %ymm6
	vpxor	%ymm3, %ymm7, %ymm7
	vpcmpgtq	%ymm4, %ymm7, %ymm7
	vpackssdw	%ymm6, %ymm7, %ymm6
	vpxor	%ymm5, %ymm6, %ymm6
	vextracti128	$1, %ymm6, %xmm7
	vpackssdw	%xmm7, %xmm6, %xmm6
	vpshufd	$216, %xmm6, %xmm6
	vpmovzxwd	%xmm6, %ymm6
	vpslld	$31, %ymm6, %ymm6
	vmaskmovps	(%rdi,%rcx,4), %ymm6, %ymm7
	vmaskmovps	(%rsi,%rcx,4), %ymm6, %ymm8
	vfmadd231ps	%ymm7, %ymm0, %ymm8
	vmaskmovps	%ymm8, %ymm6, (%rsi,%rcx,4)
	addq	$8, %rcx
	cmpq	%rcx, %rax
	jne	.Lb113
# LLVM-MCA-END saxpy_f32/Os-hsw/.LBB0_2
# LLVM-MCA-BEGIN scale_i16/O2/.LBB0_8
.Lb114:
	movdqu	(%rdi,%r8,2), %xmm2
	punpckhwd	%xmm2, %xmm3
	psrad	$16, %xmm3
	punpcklwd	%xmm2, %xmm2
	psrad	$16, %xmm2
	movdqa	%xmm0, %xmm4
	pmuludq	%xmm2, %xmm4
	pshufd	$232, %xmm4, %xmm4
	pshufd	$245, %xmm2, %xmm2
	pmuludq	%xmm1, %xmm2
	pshufd	$232, %xmm2, %xmm2
	punpckldq	%xmm2, %xmm4
	movdqa	%xmm0, %xmm2
	pmuludq	%xmm3, %xmm2
	pshufd	$232, %xmm2, %xmm2
	pshufd	$245, %xmm3, %xmm3
	pmuludq	%xmm1, %xmm3
	pshufd	$232, %xmm3, %xmm3
	punpckldq	%xmm3, %xmm2
	psrad	$8, %xmm2
	psrad	$8, %xmm4
	packssdw	%xmm2, %xmm4
	movdqu	%xmm4, (%rsi,%r8,2)
	addq	$8, %r8
	cmpq	%r8, %rcx
	jne	.Lb114
# LLVM-MCA-END scale_i16/O2/.LBB0_8
# LLVM-MCA-BEGIN scale_i16/O2-hsw/.LBB0_6
.Lb115:
	vpmovsxwd	(%rdi,%r8,2), %ymm1
	vpmulld	%ymm1, %ymm0, %ymm1
	vpsrad	$8, %ymm1, %ymm1
	vextracti128	$1, %ymm1, %xmm2
	vpackssdw	%xmm2, %xmm1, %xmm1
	vmovdqu	%xmm1, (%rsi,%r8,2)
	addq	$8, %r8
	cmpq	%r8, %rcx
	jne	.Lb115
# LLVM-MCA-END scale_i16/O2-hsw/.LBB0_6
# LLVM-MCA-BEGIN scale_i16/O2-hsw/.LBB0_10
.Lb116:
	vpmovsxwd	16(%rdi,%r8,2), %ymm2
	vpmovsxwd	(%rdi,%r8,2), %ymm3
	vpmulld	%ymm3, %ymm1, %ymm3
	vpmulld	%ymm2, %ymm1, %ymm2
	vpsrad	$8, %ymm2, %ymm2
	vpsrad	$8, %ymm3, %ymm3
	vpackssdw	%ymm2, %ymm3, %ymm2
	vpermq	$216, %ymm2, %ymm2
	vmovdqu	%ymm2, (%rsi,%r8,2)
	addq	$16, %r8
	cmpq	%r8, %rcx
	jne	.Lb116
# LLVM-MCA-END scale_i16/O2-hsw/.LBB0_10
# LLVM-MCA-BEGIN stencil3_f32/O1/.LBB0_2
.Lb117:
	movss	4(%rdi,%rax,4), %xmm3
	mulss	%xmm1, %xmm3
	movss	(%rdi,%rax,4), %xmm4
	mulss	%xmm0, %xmm4
	addss	%xmm3, %xmm4
	movss	8(%rdi,%rax,4), %xmm3
	mulss	%xmm2, %xmm3
	addss	%xmm4, %xmm3
	movss	%xmm3, 4(%rsi,%rax,4)
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb117
# LLVM-MCA-END stencil3_f32/O1/.LBB0_2
# LLVM-MCA-BEGIN stencil3_f32/O2/.LBB0_4
.Lb118:
	movups	(%rdi,%r10,4), %xmm7
	movups	8(%rdi,%r10,4), %xmm9
	movups	16(%rdi,%r10,4), %xmm8
	shufps	$3, %xmm9, %xmm3
	shufps	$152, %xmm9, %xmm3
	mulps	%xmm4, %xmm3
	mulps	%xmm5, %xmm7
	addps	%xmm3, %xmm7
	movups	24(%rdi,%r10,4), %xmm3
	movaps	%xmm6, %xmm10
	mulps	%xmm9, %xmm10
	shufps	$3, %xmm3, %xmm9
	shufps	$152, %xmm3, %xmm9
	mulps	%xmm4, %xmm9
	mulps	%xmm5, %xmm8
	addps	%xmm9, %xmm8
	addps	%xmm10, %xmm7
	movaps	%xmm6, %xmm9
	mulps	%xmm3, %xmm9
	addps	%xmm8, %xmm9
	movups	%xmm7, 4(%rsi,%r10,4)
	movups	%xmm9, 20(%rsi,%r10,4)
	addq	$8, %r10
	cmpq	%r10, %r9
	jne	.Lb118
# LLVM-MCA-END stencil3_f32/O2/.LBB0_4
# LLVM-MCA-BEGIN stencil3_f32/O2/.LBB0_7
.Lb119:
	mulss	%xmm1, %xmm3
	movss	-4(%rdi,%rax,4), %xmm4
	mulss	%xmm0, %xmm4
	addss	%xmm3, %xmm4
	movss	(%rdi,%rcx,4), %xmm3
	movaps	%xmm2, %xmm5
	mulss	%xmm3, %xmm5
	addss	%xmm4, %xmm5
	movss	%xmm5, (%rsi,%rax,4)
	movq	%rcx, %rax
	incq	%rcx
	cmpq	%rcx, %rdx
	jne	.Lb119
# LLVM-MCA-END stencil3_f32/O2/.LBB0_7
# LLVM-MCA-BEGIN stencil3_f32/Os/.LBB0_2
.Lb120:
	mulss	%xmm1, %xmm3
	movss	(%rdi,%rax,4), %xmm4
	mulss	%xmm0, %xmm4
	addss	%xmm3, %xmm4
	movss	8(%rdi,%rax,4), %xmm3
	movaps	%xmm2, %xmm5
	mulss	%xmm3, %xmm5
	addss	%xmm4, %xmm5
	movss	%xmm5, 4(%rsi,%rax,4)
	incq	%rax
	cmpq	%rax, %rdx
	jne	.Lb120
# LLVM-MCA-END stencil3_f32/Os/.LBB0_2
# LLVM-MCA-BEGIN stencil3_f32/O2-nounroll/.LBB0_4
.Lb121:
	movaps	%xmm3, %xmm7
	movups	(%rdi,%r10,4), %xmm8
	mulps	%xmm5, %xmm8
	movups	8(%rdi,%r10,4), %xmm3
	shufps	$3, %xmm3, %xmm7
	shufps	$152, %xmm3, %xmm7
	mulps	%xmm4, %xmm7
	addps	%xmm8, %xmm7
	movaps	%xmm6, %xmm8
	mulps	%xmm3, %xmm8
	addps	%xmm7, %xmm8
	movups	%xmm8, 4(%rsi,%r10,4)
	addq	$4, %r10
	cmpq	%r10, %r9
	jne	.Lb121
# LLVM-MCA-END stencil3_f32/O2-nounroll/.LBB0_4
# LLVM-MCA-BEGIN stencil3_f32/O2-hsw/.LBB0_4
.Lb122:
	vmovups	8(%rdi,%r10,4), %ymm7
	vmovups	40(%rdi,%r10,4), %ymm8
	vmovups	72(%rdi,%r10,4), %ymm9
	vperm2f128	$33, %ymm7, %ymm5, %ymm10
	vmovups	104(%rdi,%r10,4), %ymm5
	vshufps	$3, %ymm7, %ymm10, %ymm10
	vshufps	$152, %ymm7, %ymm10, %ymm10
	vperm2f128	$33, %ymm8, %ymm7, %ymm11
	vshufps	$3, %ymm8, %ymm11, %ymm11
	vshufps	$152, %ymm8, %ymm11, %ymm11
	vperm2f128	$33, %ymm9, %ymm8, %ymm12
	vshufps	$3, %ymm9, %ymm12, %ymm12
	vshufps	$152, %ymm9, %ymm12, %ymm12
	vperm2f128	$33, %ymm5, %ymm9, %ymm13
	vshufps	$3, %ymm5, %ymm13, %ymm13
	vshufps	$152, %ymm5, %ymm13, %ymm13
	vmulps	%ymm3, %ymm10, %ymm10
	vmulps	%ymm3, %ymm11, %ymm11
	vmulps	%ymm3, %ymm12, %ymm12
	vmulps	%ymm3, %ymm13, %ymm13
	vfmadd231ps	(%rdi,%r10,4), %ymm4, %ymm10
	vfmadd231ps	32(%rdi,%r10,4), %ymm4, %ymm11
	vfmadd231ps	64(%rdi,%r10,4), %ymm4, %ymm12
	vfmadd231ps	96(%rdi,%r10,4), %ymm4, %ymm13
	vfmadd231ps	%ymm7, %ymm6, %ymm10
	vfmadd231ps	%ymm8, %ymm6, %ymm11
	vfmadd231ps	%ymm9, %ymm6, %ymm12
	vfmadd231ps	%ymm5, %ymm6, %ymm13
	vmovups	%ymm10, 4(%rsi,%r10,4)
	vmovups	%ymm11, 36(%rsi,%r10,4)
	vmovups	%ymm12, 68(%rsi,%r10,4)
	vmovups	%ymm13, 100(%rsi,%r10,4)
	addq	$32, %r10
	cmpq	%r10, %r9
	jne	.Lb122
# LLVM-MCA-END stencil3_f32/O2-hsw/.LBB0_4
# LLVM-MCA-BEGIN stencil3_f32/O2-hsw/.LBB0_7
.Lb123:
	vmulss	%xmm1, %xmm3, %xmm4
	vfmadd231ss	-4(%rdi,%rax,4), %xmm0, %xmm4
	vmovss	(%rdi,%rcx,4), %xmm3
	vfmadd231ss	%xmm3, %xmm2, %xmm4
	vmovss	%xmm4, (%rsi,%rax,4)
	movq	%rcx, %rax
	incq	%rcx
	cmpq	%rcx, %rdx
	jne	.Lb123
# LLVM-MCA-END stencil3_f32/O2-hsw/.LBB0_7
# LLVM-MCA-BEGIN stencil3_f32/O2-hsw-nounroll/.LBB0_4
.Lb124:
	vmovaps	%ymm3, %ymm7
	vmovups	8(%rdi,%r10,4), %ymm3
	vperm2f128	$33, %ymm3, %ymm7, %ymm7
	vshufps	$3, %ymm3, %ymm7, %ymm7
	vshufps	$152, %ymm3, %ymm7, %ymm7
	vmulps	%ymm4, %ymm7, %ymm7
	vfmadd231ps	(%rdi,%r10,4), %ymm5, %ymm7
	vfmadd231ps	%ymm3, %ymm6, %ymm7
	vmovups	%ymm7, 4(%rsi,%r10,4)
	addq	$8, %r10
	cmpq	%r10, %r9
	jne	.Lb124
# LLVM-MCA-END stencil3_f32/O2-hsw-nounroll/.LBB0_4
# LLVM-MCA-BEGIN stencil3_f32/O3-hsw-fast/.LBB0_4
.Lb125:
	vmulps	(%rdi,%r10,4), %ymm3, %ymm7
	vmulps	32(%rdi,%r10,4), %ymm3, %ymm8
	vmulps	64(%rdi,%r10,4), %ymm3, %ymm9
	vmulps	96(%rdi,%r10,4), %ymm3, %ymm1
	vmovups	8(%rdi,%r10,4), %ymm11
	vmovups	40(%rdi,%r10,4), %ymm12
	vmovups	72(%rdi,%r10,4), %ymm13
	vperm2f128	$33, %ymm11, %ymm6, %ymm14
	vmovups	104(%rdi,%r10,4), %ymm6
	vshufps	$3, %ymm11, %ymm14, %ymm14
	vshufps	$152, %ymm11, %ymm14, %ymm14
	vperm2f128	$33, %ymm12, %ymm11, %ymm15
	vshufps	$3, %ymm12, %ymm15, %ymm15
	vshufps	$152, %ymm12, %ymm15, %ymm15
	vperm2f128	$33, %ymm13, %ymm12, %ymm10
	vshufps	$3, %ymm13, %ymm10, %ymm10
	vshufps	$152, %ymm13, %ymm10, %ymm10
	vperm2f128	$33, %ymm6, %ymm13, %ymm2
	vshufps	$3, %ymm6, %ymm2, %ymm2
	vshufps	$152, %ymm6, %ymm2, %ymm2
	vfmadd213ps	%ymm7, %ymm4, %ymm14
	vfmadd213ps	%ymm8, %ymm4, %ymm15
	vfmadd213ps	%ymm9, %ymm4, %ymm10
	vfmadd213ps	%ymm1, %ymm4, %ymm2
	vfmadd231ps	%ymm11, %ymm5, %ymm14
	vfmadd231ps	%ymm12, %ymm5, %ymm15
	vfmadd231ps	%ymm13, %ymm5, %ymm10
	vfmadd231ps	%ymm5, %ymm6, %ymm2
	vmovups	%ymm14, 4(%rsi,%r10,4)
	vmovups	%ymm15, 36(%rsi,%r10,4)
	vmovups	%ymm10, 68(%rsi,%r10,4)
	vmovups	%ymm2, 100(%rsi,%r10,4)
	addq	$32, %r10
	cmpq	%r10, %r9
	jne	.Lb125
# LLVM-MCA-END stencil3_f32/O3-hsw-fast/.LBB0_4
# LLVM-MCA-BEGIN stencil3_f32/O3-hsw-fast/.LBB0_7
.Lb126:
	vmulss	-4(%rdi,%rax,4), %xmm0, %xmm4
	vfmadd231ss	%xmm3, %xmm1, %xmm4
	vmovss	(%rdi,%rcx,4), %xmm3
	vfmadd231ss	%xmm2, %xmm3, %xmm4
	vmovss	%xmm4, (%rsi,%rax,4)
	movq	%rcx, %rax
	incq	%rcx
	cmpq	%rcx, %rdx
	jne	.Lb126
# LLVM-MCA-END stencil3_f32/O3-hsw-fast/.LBB0_7
# LLVM-MCA-BEGIN stencil3_f32/O3-hsw-fast-nounroll/.LBB0_4
.Lb127:
	vmovaps	%ymm3, %ymm7
	vmulps	(%rdi,%r10,4), %ymm4, %ymm8
	vmovups	8(%rdi,%r10,4), %ymm3
	vperm2f128	$33, %ymm3, %ymm7, %ymm7
	vshufps	$3, %ymm3, %ymm7, %ymm7
	vshufps	$152, %ymm3, %ymm7, %ymm7
	vfmadd213ps	%ymm8, %ymm5, %ymm7
	vfmadd231ps	%ymm6, %ymm3, %ymm7
	vmovups	%ymm7, 4(%rsi,%r10,4)
	addq	$8, %r10
	cmpq	%r10, %r9
	jne	.Lb127
# LLVM-MCA-END stencil3_f32/O3-hsw-fast-nounroll/.LBB0_4
# LLVM-MCA-BEGIN stencil3_f32/Os-hsw/.LBB0_2
.Lb128:
	vmovq	%rcx, %xmm9
	vpbroadcastq	%xmm9, %ymm9
	vpor	%ymm3, %ymm9, %ymm10
	vpor	%ymm4, %ymm9, %ymm9
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
	vmaskmovps	-8(%rdi,%rcx,4), %ymm9, %ymm10
	vmaskmovps	(%rdi,%rcx,4), %ymm9, %ymm11
	vperm2f128	$33, %ymm11, %ymm5, %ymm5
	vshufps	$3, %ymm11, %ymm5, %ymm5
	vshufps	$152, %ymm11, %ymm5, %ymm5
	vmulps	%ymm1, %ymm5, %ymm5
	vfmadd231ps	%ymm10, %ymm0, %ymm5
	vfmadd231ps	%ymm11, %ymm2, %ymm5
	vmaskmovps	%ymm5, %ymm9, (%rsi,%rcx,4)
	addq	$8, %rcx
	vmovaps	%ymm11, %ymm5
	cmpq	%rcx, %rax
	jne	.Lb128
# LLVM-MCA-END stencil3_f32/Os-hsw/.LBB0_2
# LLVM-MCA-BEGIN strlen_u8/O1/.LBB0_1
.Lb129:
	cmpb	$0, 1(%rdi,%rax)
	leaq	1(%rax), %rax
	jne	.Lb129
# LLVM-MCA-END strlen_u8/O1/.LBB0_1
# LLVM-MCA-BEGIN sum_i32/O1/.LBB0_4
.Lb130:
	movslq	(%rdi,%rcx,4), %rdx
	addq	%rdx, %rax
	incq	%rcx
	cmpq	%rcx, %rsi
	jne	.Lb130
# LLVM-MCA-END sum_i32/O1/.LBB0_4
# LLVM-MCA-BEGIN sum_i32/O2/.LBB0_5
.Lb131:
	movq	(%rdi,%rax,4), %xmm2
	movq	8(%rdi,%rax,4), %xmm3
	pxor	%xmm4, %xmm4
	pcmpgtd	%xmm2, %xmm4
	punpckldq	%xmm4, %xmm2
	paddq	%xmm2, %xmm0
	pxor	%xmm2, %xmm2
	pcmpgtd	%xmm3, %xmm2
	punpckldq	%xmm2, %xmm3
	paddq	%xmm3, %xmm1
	addq	$4, %rax
	cmpq	%rax, %rcx
	jne	.Lb131
# LLVM-MCA-END sum_i32/O2/.LBB0_5
# LLVM-MCA-BEGIN sum_i32/O2-nounroll/.LBB0_5
.Lb132:
	movq	(%rdi,%rax,4), %xmm1
	pxor	%xmm2, %xmm2
	pcmpgtd	%xmm1, %xmm2
	punpckldq	%xmm2, %xmm1
	paddq	%xmm1, %xmm0
	addq	$2, %rax
	cmpq	%rax, %rcx
	jne	.Lb132
# LLVM-MCA-END sum_i32/O2-nounroll/.LBB0_5
# LLVM-MCA-BEGIN sum_i32/O2-hsw/.LBB0_5
.Lb133:
	vpmovsxdq	(%rdi,%rax,4), %ymm4
	vpaddq	%ymm4, %ymm0, %ymm0
	vpmovsxdq	16(%rdi,%rax,4), %ymm4
	vpaddq	%ymm4, %ymm1, %ymm1
	vpmovsxdq	32(%rdi,%rax,4), %ymm4
	vpmovsxdq	48(%rdi,%rax,4), %ymm5
	vpaddq	%ymm4, %ymm2, %ymm2
	vpaddq	%ymm5, %ymm3, %ymm3
	addq	$16, %rax
	cmpq	%rax, %rcx
	jne	.Lb133
# LLVM-MCA-END sum_i32/O2-hsw/.LBB0_5
# LLVM-MCA-BEGIN sum_i32/O2-hsw-nounroll/.LBB0_5
.Lb134:
	vpmovsxdq	(%rdi,%rax,4), %ymm1
	vpaddq	%ymm1, %ymm0, %ymm0
	addq	$4, %rax
	cmpq	%rax, %rcx
	jne	.Lb134
# LLVM-MCA-END sum_i32/O2-hsw-nounroll/.LBB0_5
# LLVM-MCA-BEGIN sum_i32/Os-hsw/.LBB0_4
.Lb135:
	vmovdqa	%ymm5, %ymm4
	vmovq	%rcx, %xmm5
	vpbroadcastq	%xmm5, %ymm5
	vpor	%ymm0, %ymm5, %ymm5
	vpxor	%ymm1, %ymm5, %ymm5
	vpcmpgtq	%ymm2, %ymm5, %ymm6
	vpxor	%ymm3, %ymm6, %ymm5
	vextracti128	$1, %ymm5, %xmm7
	vpackssdw	%xmm7, %xmm5, %xmm5
	vpmaskmovd	(%rdi,%rcx,4), %xmm5, %xmm5
	vpmovsxdq	%xmm5, %ymm5
	vpaddq	%ymm5, %ymm4, %ymm5
	addq	$4, %rcx
	cmpq	%rcx, %rax
	jne	.Lb135
# LLVM-MCA-END sum_i32/Os-hsw/.LBB0_4
