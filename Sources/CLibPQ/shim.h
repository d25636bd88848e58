#ifndef BULWARK_CLIBPQ_SHIM_H
#define BULWARK_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
