#ifndef BULWARK_CSQLITE_SHIM_H
#define BULWARK_CSQLITE_SHIM_H
#include <sqlite3.h>

/* SQLITE_TRANSIENT is a cast macro Swift cannot import; binding calls need it so SQLite copies the value. */
static inline sqlite3_destructor_type bulwark_sqlite_transient(void) { return SQLITE_TRANSIENT; }

#endif
