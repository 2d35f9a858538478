// SPDX-License-Identifier: MIT
/*
 * Port I/O and MSR exits. Every port exits (the partition's I/O
 * permission map) to the partition's port-I/O bus (core/pio.c): its
 * emulated devices (the console's 16550 at COM1), all ones for a port
 * with none. The MSRs a guest may not touch directly are
 * emulated when they are the guest's own in another form (EFER, whose
 * SVME the guest must neither see nor clear: VMRUN needs it; its local
 * APIC's, vlapic_hw.c), read where
 * harmless (the TSC) and refused with #GP(0) otherwise, as a CPU does
 * for an MSR it lacks.
 */
#include <bulkhead/partition.h>
#include <bulkhead/pio.h>
#include <asm/exits.h>
#include <asm/vcpu.h>
#include <asm/vlapic_hw.h>
#include <asm/x86.h>

#define LEN_MSR		2
#define MSR_TSC		0x10
#define VECTOR_GP	13
#define EFER_GUEST_BITS	((uint64_t)(EFER_SCE | EFER_LME | EFER_LMA | EFER_NXE | EFER_SVME))

int io_decode(uint64_t exit_info1, struct io_insn *io)
{
	switch ((exit_info1 & IOIO_SIZE_MASK) >> IOIO_SIZE_SHIFT) {
	case 1:
		io->size = 1;
		break;
	case 2:
		io->size = 2;
		break;
	case 4:
		io->size = 4;
		break;
	default:
		return -1;
	}
	io->port = (uint16_t)(exit_info1 >> IOIO_PORT_SHIFT);
	io->in = exit_info1 & IOIO_IN;
	io->string = exit_info1 & IOIO_STRING;
	return 0;
}

/* An IN's value into AL, AX or EAX, as the CPU does (EAX zero-extended into RAX) */
void svm_io_complete(struct arch_vcpu *a, unsigned int size, uint32_t value)
{
	uint64_t *rax = &a->vmcb->save.rax;

	switch (size) {
	case 1:
		*rax = (*rax & ~0xffull) | (value & 0xff);
		break;
	case 2:
		*rax = (*rax & ~0xffffull) | (value & 0xffff);
		break;
	default:
		*rax = value;
		break;
	}
}

/*
 * One IN or OUT: straight to the partition's port-I/O bus (pio_emulate(),
 * no exit record) and on past it; what the bus refuses becomes EXIT_PIO,
 * which reports it. EXITINFO2 is the next instruction's RIP.
 */
bool svm_io_exit(struct vcpu *v, struct vm_exit *exit)
{
	struct arch_vcpu *a = v->arch;
	const struct vmcb_control *c = &a->vmcb->control;
	struct io_insn io;

	if (io_decode(c->exit_info1, &io) || io.string) {
		exit->kind = EXIT_FAULT;
		exit->fault.kind = FAULT_TRAPPED_INSTRUCTION;
		exit->fault.addr = c->exit_info1 >> IOIO_PORT_SHIFT;
		exit->fault.detail = "string port I/O (INS, OUTS): not emulated";
		return true;
	}
	exit->pio = (struct pio_access){
		.port = io.port,
		.size = io.size,
		.write = !io.in,
		.value = io.in ? 0 : (uint32_t)a->vmcb->save.rax,
	};
	a->next_rip = c->exit_info2;
	if (!pio_emulate(v, &v->part->pio, &exit->pio)) {
		if (io.in)
			svm_io_complete(a, io.size, exit->pio.value);
		a->vmcb->save.rip = a->next_rip;
		return false;
	}
	exit->kind = EXIT_PIO;
	return true;
}

static bool msr_read(struct arch_vcpu *a, uint32_t msr, uint64_t *val)
{
	switch (msr) {
	case MSR_EFER:
		*val = a->vmcb->save.efer & ~(uint64_t)EFER_SVME;
		return true;
	case MSR_TSC:
		*val = rdtsc();
		return true;
	default:
		return false;
	}
}

static bool msr_write(struct arch_vcpu *a, uint32_t msr, uint64_t val)
{
	switch (msr) {
	case MSR_EFER:
		/*
		 * As the CPU: #GP for a bit it lacks (VMRUN would refuse
		 * the state) and for LME changed under paging. LMA is the
		 * CPU's to set; SVME stays for VMRUN.
		 */
		if ((val & ~EFER_GUEST_BITS) ||
		    (((val ^ a->vmcb->save.efer) & EFER_LME) && (a->vmcb->save.cr0 & CR0_PG)))
			return false;
		a->vmcb->save.efer = (val & ~(uint64_t)EFER_LMA) |
				     (a->vmcb->save.efer & EFER_LMA) | EFER_SVME;
		return true;
	default:
		return false;
	}
}

bool svm_msr_exit(struct vcpu *v, struct vm_exit *exit)
{
	struct arch_vcpu *a = v->arch;
	uint32_t msr = (uint32_t)a->regs.rcx;
	bool write = a->vmcb->control.exit_info1 & 1;
	uint64_t val = (a->vmcb->save.rax & 0xffffffffu) | a->regs.rdx << 32;
	bool done = write ? msr_write(a, msr, val) || vlapic_hw_msr_write(v, msr, val) :
		    msr_read(a, msr, &val) || vlapic_hw_msr_read(v, msr, &val);

	(void)exit;
	if (!done) {
		svm_inject_exception(v, VECTOR_GP, true, 0);
		return false;
	}
	if (!write) {
		a->vmcb->save.rax = (uint32_t)val;
		a->regs.rdx = val >> 32;
	}
	a->vmcb->save.rip += LEN_MSR;
	return false;
}
