// SPDX-License-Identifier: MIT
/* bench/ipc: the doorbell set-up both sides share (pingpong.h). */
#include <stdio.h>

#include "pingpong.h"

volatile uint64_t pingpong_woken_at;

static void on_doorbell(unsigned int irq, unsigned int source)
{
	(void)irq;
	(void)source;
	pingpong_woken_at = timer_physical_count();
}

struct pingpong *pingpong_open(struct doorbell *db)
{
	if (doorbell_find(db, sizeof(struct pingpong)))
		return NULL;
	if (irq_init()) {
		printf("bench: no GIC in the device tree\n");
		return NULL;
	}
	irq_set_handler(db->irq, on_doorbell);
	irq_enable(db->irq, 0);
	irq_unmask();
	return db->base;
}
