/* Hypervisor image layout: linked and loaded at CONFIG_HV_LOAD_ADDR, below
 * 4 GiB (the multiboot loader takes a 32-bit ELF), running on head.S's
 * identity mapping. The multiboot header must be in the first 8 KiB. */
OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(_start)

SECTIONS
{
	. = CONFIG_HV_LOAD_ADDR;
	__hv_start = .;
	.text : {
		KEEP(*(.text.boot))
		*(.text .text.*)
	}
	.rodata : ALIGN(16) { *(.rodata .rodata.*) }
	.data : ALIGN(16) { *(.data .data.*) }
	.bss (NOLOAD) : ALIGN(4096) {
		__bss_start = .;
		*(.bss.pagetables)
		*(.bss .bss.*) *(COMMON)
		. = ALIGN(16);
		__bss_end = .;
	}
	. = ALIGN(4096);
	__hv_end = .;
	/DISCARD/ : { *(.comment) *(.note*) *(.eh_frame) }
}
