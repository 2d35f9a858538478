// SPDX-License-Identifier: MIT
/* The board's partition consoles are ns16550As (CONFIG_VUART_NS16550). */
#include <bulkhead/vuart.h>

const struct io_ops *const console_vuart_ops = &vns16550_ops;
