0# LLVM-MCA-BEGIN loop
	decl	%ecx
	jne	.L1
# LLVM-MCA-END
	rep movsb
