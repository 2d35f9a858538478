/* qemu-mpc8544ds: the high cell of the CCSR's physical address, 0xe000_0000 */
#define CCSR_HI		0x0
