# Pointer chase through a linked list: each load's address is the previous load's result, so the loop runs
# at the load-to-use latency of the L1 cache (llvm-mca assumes every load hits it).
#   struct node { struct node *next; long value; };
#   size_t chase(const struct node *p) {
#     size_t n = 0;
#     while (p) { p = p->next; ++n; }
#     return n;
#   }
# The loop's body from clang-19 -O2 -fno-unroll-loops -S (x86-64); its branch is left out of the region,
# as BHive's blocks leave out theirs.
	xorl	%eax, %eax
.Lloop:
# LLVM-MCA-BEGIN pointer-chase
	movq	(%rdi), %rdi
	incq	%rax
	testq	%rdi, %rdi
# LLVM-MCA-END pointer-chase
	jne	.Lloop
	retq
