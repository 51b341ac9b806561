1	add	ebx, eax
	mov	rcx, qword ptr [rsp + 8]
# ---
	lock xadd	dword ptr [rdi], eax
