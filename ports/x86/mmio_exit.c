// SPDX-License-Identifier: MIT
/*
 * A nested page fault on an emulated device's registers, finished as the
 * device access it is: the instruction at the guest's RIP is read
 * through the guest's own page tables (guest_walk.c) out of its RAM,
 * decoded (insn_decode.c) and handed to the partition's MMIO bus, first
 * straight (mmio_emulate(), no exit record), else as an EXIT_MMIO, which
 * reports what the bus refused. What cannot be read or decoded, a fetch
 * from the device, a fault in the guest's own page walk, and an
 * instruction whose direction is not the fault's are the guest's fault.
 * The address is always the fault's (EXITINFO2), never one decoded.
 */
#include <string.h>
#include <bulkhead/mmio.h>
#include <bulkhead/partition.h>
#include <bulkhead/port.h>
#include <asm/guest_walk.h>
#include <asm/insn_decode.h>
#include <asm/mmio_exit.h>
#include <asm/vcpu.h>
#include <asm/x86.h>

#define SEG_L		(1u << 9)	/* VMCB attrib: 64-bit code segment */
#define SEG_DB		(1u << 10)	/* ... 32-bit default operand size */
#define NPF_GUEST_WALK	(1ull << 33)	/* the fault hit the guest's own tables */
#define PAGE		0x1000u

static int read_ram(struct partition *p, uint64_t gpa, void *buf, size_t len)
{
	size_t got = len;
	paddr_t pa;
	void *at;

	if (guest_ram_translate(p, gpa, len, &pa))
		return -1;
	at = port_phys_map(pa, &got);
	if (!at || got != len)
		return -1;
	memcpy(buf, at, len);
	return 0;
}

static int read_entry(void *ctx, uint64_t gpa, unsigned int size, uint64_t *val)
{
	*val = 0;
	return read_ram(ctx, gpa, val, size);
}

enum x86_code_mode svm_code_mode(const struct vmcb_save *s)
{
	if ((s->efer & EFER_LMA) && (s->cs.attrib & SEG_L))
		return X86_CODE_64;
	return s->cs.attrib & SEG_DB ? X86_CODE_32 : X86_CODE_16;
}

size_t svm_fetch_insn(struct vcpu *v, enum x86_code_mode mode, uint8_t *buf)
{
	const struct vmcb_save *s = &v->arch->vmcb->save;
	struct guest_paging pg = { s->cr0, s->cr3, s->cr4, s->efer };
	uint64_t linear = mode == X86_CODE_64 ? s->rip : (uint32_t)(s->cs.base + s->rip);
	size_t got = 0;

	while (got < X86_INSN_MAX) {
		uint64_t at = linear + got, gpa;
		size_t n = PAGE - (at & (PAGE - 1));

		if (n > X86_INSN_MAX - got)
			n = X86_INSN_MAX - got;
		if (guest_walk(&pg, at, s->cpl == 3, read_entry, v->part, &gpa) ||
		    read_ram(v->part, gpa, buf + got, n))
			break;
		got += n;
	}
	return got;
}

uint64_t *svm_gpr(struct arch_vcpu *a, unsigned int reg)
{
	uint64_t *const regs[16] = {
		&a->vmcb->save.rax, &a->regs.rcx, &a->regs.rdx, &a->regs.rbx,
		&a->vmcb->save.rsp, &a->regs.rbp, &a->regs.rsi, &a->regs.rdi,
		&a->regs.r8, &a->regs.r9, &a->regs.r10, &a->regs.r11,
		&a->regs.r12, &a->regs.r13, &a->regs.r14, &a->regs.r15,
	};

	return regs[reg & 15];
}

static const char *decode(struct vcpu *v, uint64_t info1, struct x86_mmio_insn *insn)
{
	enum x86_code_mode mode = svm_code_mode(&v->arch->vmcb->save);
	uint8_t code[X86_INSN_MAX];
	size_t got;

	if (info1 & NPF_FETCH)
		return "from an emulated device";
	if (info1 & NPF_GUEST_WALK)
		return "the guest's page tables in an emulated device";
	got = svm_fetch_insn(v, mode, code);
	if (!got)
		return "the instruction at RIP is not in the partition's RAM";
	if (x86_decode_mmio(code, got, mode, insn))
		return "not a mov the hypervisor decodes";
	if (insn->write != !!(info1 & NPF_WRITE))
		return "the instruction at RIP does not match the fault";
	return NULL;
}

bool svm_mmio_exit(struct vcpu *v, struct vm_exit *exit)
{
	struct arch_vcpu *a = v->arch;
	const struct vmcb_control *c = &a->vmcb->control;
	struct x86_mmio_insn *insn = &a->mmio;
	const char *refused = decode(v, c->exit_info1, insn);

	if (refused) {
		exit->kind = EXIT_FAULT;
		exit->fault.kind = c->exit_info1 & NPF_FETCH ? FAULT_INSTRUCTION_FETCH :
							      FAULT_UNDECODABLE_ACCESS;
		exit->fault.addr = c->exit_info2;
		exit->fault.detail = refused;
		return true;
	}
	exit->mmio = (struct mmio_access){
		.addr = c->exit_info2,
		.size = insn->size,
		.write = insn->write,
		.value = insn->write ? x86_store_value(insn, *svm_gpr(a, insn->reg)) : 0,
	};
	a->next_rip = a->vmcb->save.rip + insn->len;
	if (!mmio_emulate(v, &v->part->mmio, &exit->mmio)) {
		svm_mmio_complete(a, &exit->mmio);
		a->vmcb->save.rip = a->next_rip;
		return false;
	}
	exit->kind = EXIT_MMIO;
	return true;
}

void svm_mmio_complete(struct arch_vcpu *a, const struct mmio_access *m)
{
	uint64_t *reg;

	if (m->write)
		return;
	reg = svm_gpr(a, a->mmio.reg);
	*reg = x86_load_result(&a->mmio, *reg, m->value);
}
