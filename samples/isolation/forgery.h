/* SPDX-License-Identifier: MIT */
#ifndef ISOLATION_FORGERY_H
#define ISOLATION_FORGERY_H

/* Print the quitter's forged console lines (forgery.c). */
void console_forgery(void);

#endif
