1# RUN: llvm-mca %s | FileCheck %s
	add	eax, 8/2
