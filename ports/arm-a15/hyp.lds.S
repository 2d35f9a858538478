/* Hypervisor image layout: linked and loaded at CONFIG_HV_LOAD_ADDR,
 * running with an identity HYP mapping. */
OUTPUT_ARCH(arm)
ENTRY(_start)

SECTIONS
{
	. = CONFIG_HV_LOAD_ADDR;
	__hv_start = .;
	.text : {
		KEEP(*(.text.boot))
		*(.text .text.*)
	}
	.rodata : ALIGN(8) { *(.rodata .rodata.*) }
	.ARM.exidx : { *(.ARM.exidx*) }
	.data : ALIGN(8) { *(.data .data.*) }
	.bss (NOLOAD) : ALIGN(16) {
		__bss_start = .;
		*(.bss .bss.*) *(COMMON)
		. = ALIGN(16);
		__bss_end = .;
	}
	. = ALIGN(4096);
	__hv_end = .;
	/DISCARD/ : { *(.comment) *(.note*) }
}
