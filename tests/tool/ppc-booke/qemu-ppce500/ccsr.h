/* qemu-ppce500: the high cell of the CCSR's physical address, 36-bit 0xf_e000_0000 */
#define CCSR_HI		0xf
