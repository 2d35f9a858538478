// SPDX-License-Identifier: MIT
/*
 * A Book E guest's storage traps (the scheme is in asm/storage.h):
 * guest TLB first, then the partition's region, then the instruction
 * for an emulated device. Sources: Power ISA 2.06 Book III-E, "Data
 * Storage Interrupt", "Data TLB Error Interrupt" and their instruction
 * counterparts; the e500 manuals for the MAS registers on a TLB error.
 */
#include <asm/storage.h>

#define PAGE_OFFSET_MASK	0xfffu	/* a byte's offset in its 4 KiB page */

static bool is_fetch(enum booke_storage_kind kind)
{
	return kind == STORAGE_ITLB_MISS || kind == STORAGE_ISI;
}

/*
 * The ESR bits a data storage or data TLB error interrupt gives the
 * guest: what kind of access it was. Book E leaves ESR clear for the
 * instruction side on e500 (no byte-ordering exception there).
 */
static uint32_t guest_data_esr(const struct booke_storage_trap *trap)
{
	return trap->esr & (ESR_ST | ESR_SPV);
}

static enum booke_storage_outcome reflect(struct booke_vcpu *v, enum booke_exc exc,
					  const struct booke_storage_trap *trap,
					  struct booke_storage *out)
{
	bool fetch = is_fetch(trap->kind);

	booke_reflect(v, exc, fetch ? 0 : guest_data_esr(trap), fetch ? 0 : trap->dear);
	out->exc = exc;
	out->outcome = STORAGE_REFLECTED;
	return STORAGE_REFLECTED;
}

static enum booke_storage_outcome fault(struct vm_exit *e, struct booke_storage *out,
					enum fault_kind kind, const struct booke_vcpu *v,
					const struct booke_storage_trap *trap, uint64_t addr,
					const char *detail)
{
	e->kind = EXIT_FAULT;
	e->pc = v->pc;
	e->syndrome = trap->esr;
	e->fault.kind = kind;
	e->fault.addr = addr;
	e->fault.detail = detail;
	out->outcome = STORAGE_EXIT;
	return STORAGE_EXIT;
}

/*
 * A cache-locking DSI (ESR[DLK], [ILK]): the hardware refuses dcbtls and
 * friends at PR=1 unless MSR[UCLE]. A guest user without its own UCLE
 * gets the interrupt it expects; anything else (the guest's supervisor,
 * which would have been allowed) has nothing here to emulate it with.
 */
static enum booke_storage_outcome cache_lock(struct booke_vcpu *v,
					     const struct booke_storage_trap *trap,
					     struct booke_storage *out, struct vm_exit *e)
{
	if ((v->msr & MSR_PR) && !(v->msr & MSR_UCLE)) {
		booke_reflect(v, BOOKE_EXC_DSI, trap->esr & (ESR_DLK | ESR_ILK), trap->dear);
		out->exc = BOOKE_EXC_DSI;
		out->outcome = STORAGE_REFLECTED;
		return STORAGE_REFLECTED;
	}
	return fault(e, out, FAULT_TRAPPED_INSTRUCTION, v, trap, trap->dear,
		     "cache locking instruction");
}

/*
 * Why the instruction at SRR0 cannot be the access that trapped, or
 * NULL. It can differ when another vCPU rewrote it after the trap, or
 * for an access that straddles a page (DEAR is then not its EA):
 * emulating it would touch an address the guest did not name.
 */
static const char *mismatch(const struct booke_insn *in, const struct booke_vcpu *v,
			    const struct booke_storage_trap *trap)
{
	if (booke_insn_ea(in, v->gpr) != trap->dear)
		return "instruction's address is not DEAR";
	if ((in->op == BOOKE_STORE) != !!(trap->esr & ESR_ST))
		return "instruction's direction is not ESR[ST]";
	return NULL;
}

/* Is @m->insn instruction @word through a @little_endian page, decoded before? */
static bool decoded(const struct booke_mmio *m, uint32_t word, bool little_endian)
{
	return m->decoded && m->word == word && m->little_endian == little_endian;
}

/*
 * @m->insn for instruction @word through a @little_endian page, which
 * reverses every access; kept for the next access if it is a load or
 * store.
 */
static bool decode_access(struct booke_mmio *m, uint32_t word, bool little_endian)
{
	enum booke_op op = booke_decode(word, &m->insn);

	m->decoded = op == BOOKE_LOAD || op == BOOKE_STORE;
	if (!m->decoded)
		return false;
	if (little_endian)
		m->insn.byte_reverse = !m->insn.byte_reverse;
	m->word = word;
	m->little_endian = little_endian;
	return true;
}

/* What an instruction other than a load or store at an emulated window comes to */
static enum booke_storage_outcome not_an_access(struct booke_vcpu *v, const struct booke_storage_trap *trap, gpaddr_t gpa,
	      struct booke_storage *out, struct vm_exit *e)
{
	switch (out->mmio.insn.op) {
	case BOOKE_DCBF:
	case BOOKE_DCBST:
	case BOOKE_DCBI:
	case BOOKE_ICBI:
		/* The window is never mapped, so never cached: nothing to do */
		v->pc += 4;
		out->outcome = STORAGE_SKIPPED;
		return STORAGE_SKIPPED;
	case BOOKE_DCBZ:
		return fault(e, out, FAULT_UNDECODABLE_ACCESS, v, trap, gpa,
			     "dcbz on an emulated device");
	case BOOKE_REFUSED:
		return fault(e, out, FAULT_UNDECODABLE_ACCESS, v, trap, gpa,
			     booke_refusal_name(out->mmio.insn.refusal));
	default:
		return fault(e, out, FAULT_UNDECODABLE_ACCESS, v, trap, gpa,
			     "not a load or store");
	}
}

/* Load or store out->mmio.insn, decoded, to a device model's window at @gpa */
static enum booke_storage_outcome access(struct booke_vcpu *v,
					 const struct booke_storage_trap *trap, gpaddr_t gpa,
					 struct booke_storage *out, struct vm_exit *e)
{
	const struct booke_insn *in = &out->mmio.insn;
	const char *why = mismatch(in, v, trap);

	if (why)
		return fault(e, out, FAULT_UNDECODABLE_ACCESS, v, trap, gpa, why);
	out->mmio.ea = trap->dear;
	e->kind = EXIT_MMIO;
	e->pc = v->pc;
	e->syndrome = trap->esr;
	e->mmio.addr = gpa;
	e->mmio.size = in->size;
	e->mmio.write = in->op == BOOKE_STORE;
	e->mmio.value = e->mmio.write ? booke_store_value(in, v->gpr[in->rt]) : 0;
	out->outcome = STORAGE_EXIT;
	return STORAGE_EXIT;
}

/* Out of line: an access decoded before then needs no stack frame */
static __attribute__((noinline)) enum booke_storage_outcome
decode_and_access(struct booke_vcpu *v, bool little_endian, const struct booke_storage_trap *trap,
		  gpaddr_t gpa, struct booke_storage *out, struct vm_exit *e)
{
	if (!decode_access(&out->mmio, trap->insn, little_endian))
		return not_an_access(v, trap, gpa, out, e);
	return access(v, trap, gpa, out, e);
}

/* A data access to a device model's window at @gpa, through a @little_endian guest page */
static enum booke_storage_outcome emulated(struct booke_vcpu *v, bool little_endian,
					   const struct booke_storage_trap *trap, gpaddr_t gpa,
					   struct booke_storage *out, struct vm_exit *e)
{
	if (decoded(&out->mmio, trap->insn, little_endian))
		return access(v, trap, gpa, out, e);
	return decode_and_access(v, little_endian, trap, gpa, out, e);
}

/* Shadow entry @f could not be made: say why to the core */
static enum booke_storage_outcome region_fault(struct booke_vcpu *v, int made,
					       const struct booke_storage_trap *trap,
					       gpaddr_t gpa, struct booke_storage *out,
					       struct vm_exit *e)
{
	bool fetch = is_fetch(trap->kind);
	enum fault_kind kind = fetch ? FAULT_INSTRUCTION_FETCH : FAULT_UNMAPPED_ACCESS;

	if (made == SHADOW_NO_REGION)
		return fault(e, out, kind, v, trap, gpa, "nothing of the partition's there");
	if (made == SHADOW_EMULATED)
		return fault(e, out, kind, v, trap, gpa, "instruction fetch from an emulated device");
	if (fetch)
		return fault(e, out, kind, v, trap, gpa, "execute not allowed there");
	return fault(e, out, kind, v, trap, gpa,
		     (trap->esr & ESR_ST) ? "write to a read-only region" : "read not allowed there");
}

/*
 * @w for the 4 KiB page of @f's access, which guest entry @ge maps to
 * guest-physical @gpa in emulated window: the part of the page the
 * window covers, and what the guest's entry allows there.
 */
static void find_window(struct partition *p, const struct gtlb_entry *ge,
			const struct shadow_fault *f, gpaddr_t gpa, struct booke_window *w)
{
	const struct guest_region *r = guest_region_find(p, gpa);
	gpaddr_t page = gpa & ~(gpaddr_t)PAGE_OFFSET_MASK;
	gpaddr_t first = r->gpa > page ? r->gpa : page;
	gpaddr_t end = r->gpa + r->size < page + PAGE_OFFSET_MASK + 1 ?
		       r->gpa + r->size : page + PAGE_OFFSET_MASK + 1;

	w->gpa = page;
	w->first = (uint16_t)(first - page);
	w->last = (uint16_t)(end - 1 - page);
	w->perms = shadow_guest_perms(ge, f->guest_pr) & (MAS3_UR | MAS3_UW);
	w->little_endian = ge->mas2 & MAS2_E;
}

enum booke_storage_outcome booke_storage(struct partition *p, struct booke_vcpu *v,
					 struct guest_tlb *tlb,
					 const struct booke_storage_trap *trap,
					 struct booke_storage *out, struct vm_exit *exit)
{
	bool fetch = is_fetch(trap->kind);
	struct shadow_fault f = {
		.ea = fetch ? v->pc : trap->dear,
		.access = fetch ? SHADOW_EXEC : (trap->esr & ESR_ST) ? SHADOW_WRITE : SHADOW_READ,
		.guest_as = !!(v->msr & (fetch ? MSR_IS : MSR_DS)),
		.guest_pr = !!(v->msr & MSR_PR),
		.guest_pid0 = tlb->pid[0],
	};
	const struct gtlb_entry *ge;
	int made;

	if (trap->kind == STORAGE_DSI && (trap->esr & (ESR_DLK | ESR_ILK)))
		return cache_lock(v, trap, out, exit);

	ge = gtlb_lookup(tlb, f.ea, f.guest_as);
	if (!ge) {
		gtlb_miss_fill(tlb, f.ea, f.guest_as);
		return reflect(v, fetch ? BOOKE_EXC_ITLB : BOOKE_EXC_DTLB, trap, out);
	}
	/* Shadow entries live in TLB0: no larger page than it takes */
	made = shadow_tlb_make(p, tlb->var, ge, &f, tlb->var->tlb[0].max_tsize, &out->map);
	switch (made) {
	case SHADOW_MAPPED:
		out->outcome = STORAGE_MAP;
		return STORAGE_MAP;
	case SHADOW_GUEST_DENIED:
		return reflect(v, fetch ? BOOKE_EXC_ISI : BOOKE_EXC_DSI, trap, out);
	case SHADOW_EMULATED:
		if (!fetch) {
			find_window(p, ge, &f, out->map.gpa, &out->window);
			return emulated(v, out->window.little_endian, trap, out->map.gpa, out, exit);
		}
		break;
	}
	return region_fault(v, made, trap, out->map.gpa, out, exit);
}

enum booke_storage_outcome booke_storage_window(struct booke_vcpu *v,
						const struct booke_window *w,
						const struct booke_storage_trap *trap,
						struct booke_storage *out, struct vm_exit *exit)
{
	uint32_t need = (trap->esr & ESR_ST) ? MAS3_UW : MAS3_UR;

	if (!(w->perms & need))
		return reflect(v, BOOKE_EXC_DSI, trap, out);
	return emulated(v, w->little_endian, trap, w->gpa + (trap->dear & PAGE_OFFSET_MASK),
			out, exit);
}

void booke_mmio_complete(struct booke_vcpu *v, const struct booke_mmio *m,
			 const struct vm_exit *exit)
{
	/* The decoder refuses a load with update whose rA is its rT */
	if (!exit->mmio.write)
		v->gpr[m->insn.rt] = booke_load_value(&m->insn, (uint32_t)exit->mmio.value);
	if (m->insn.update)
		v->gpr[m->insn.ra] = m->ea;
	v->pc += 4;
}
