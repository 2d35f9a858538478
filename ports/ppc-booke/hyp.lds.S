/* Hypervisor image layout: linked and loaded at CONFIG_HV_LOAD_ADDR,
 * running with an identity mapping of low RAM (hyp_mmu.c). The vectors
 * are 64 KiB aligned for IVPR. */
OUTPUT_FORMAT("elf32-powerpc")
ENTRY(_start)

SECTIONS
{
	. = CONFIG_HV_LOAD_ADDR;
	__hv_start = .;
	.text : {
		KEEP(*(.text.boot))
		*(.text .text.*)
	}
	.vectors : ALIGN(0x10000) { KEEP(*(.vectors)) }
	.rodata : ALIGN(8) { *(.rodata .rodata.*) }
	.data : ALIGN(8) { *(.data .data.*) *(.sdata .sdata.*) *(.got2) }
	.bss (NOLOAD) : ALIGN(16) {
		__bss_start = .;
		*(.sbss .sbss.*) *(.bss .bss.*) *(COMMON)
		. = ALIGN(16);
		__bss_end = .;
	}
	. = ALIGN(4096);
	__hv_end = .;
	/DISCARD/ : { *(.comment) *(.note*) *(.eh_frame) }
}
