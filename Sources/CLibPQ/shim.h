#ifndef CALLPULSE_CLIBPQ_SHIM_H
#define CALLPULSE_CLIBPQ_SHIM_H
#include <stdio.h>
/* Debian's libpq-dev puts the header in /usr/include/postgresql (pkg-config libpq --cflags). */
#include <libpq-fe.h>
#endif
