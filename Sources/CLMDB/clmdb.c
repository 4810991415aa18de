#include "clmdb.h"
// LMDB is linked as a system library (liblmdb-dev); this file only gives the target a source.
