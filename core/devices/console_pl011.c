// SPDX-License-Identifier: MIT
/* The board's partition consoles are PL011s (CONFIG_VUART_PL011). */
#include <bulkhead/vuart.h>

const struct io_ops *const console_vuart_ops = &vpl011_ops;
