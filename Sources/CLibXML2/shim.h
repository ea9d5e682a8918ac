#ifndef SAKIP_CLIBXML2_SHIM_H
#define SAKIP_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, whose headers clash with the ICU copy inside Foundation.
   sakip never uses libxml2's ICU converters; ICU-only struct members sit behind pointers we never
   follow, so the structs we read (the parser context) keep their layout. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

/// `xmlFree` is a mutable global function pointer, which Swift 6 rejects as
/// shared mutable state; calling it through this inline function keeps the
/// access on the C side.
static inline void sakip_xmlFree(void *pointer) {
    xmlFree(pointer);
}

#endif
