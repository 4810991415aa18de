#ifndef CLMDB_H
#define CLMDB_H
// LMDB exposed to Swift through this one header; HosoStore wraps every call once.
#include <lmdb.h>
#endif
