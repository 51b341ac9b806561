0	addl	%eax, %ebx
	movq	8(%rsp), %rcx
# ---
	imulq	%rcx, %rdx
	vaddps	%ymm0, %ymm1, %ymm2
