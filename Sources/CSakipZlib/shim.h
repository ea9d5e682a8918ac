#ifndef SAKIP_CZLIB_SHIM_H
#define SAKIP_CZLIB_SHIM_H

/* zlib as a system library, on Linux (zlib1g-dev) and macOS (the SDK) alike: sakip inflates
   workbook parts itself (ZipArchive) and needs nothing else of any zip package. */
#include <zlib.h>

#endif
