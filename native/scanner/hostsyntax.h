/* Host-name syntax in place: src/core/scanner/hostSyntax.ts. */
#ifndef NETLENS_SCANNER_HOSTSYNTAX_H
#define NETLENS_SCANNER_HOSTSYNTAX_H
#include "base.h"
#define MAX_NAME_CHARS 254
int host_syntax_end(const u8 *s, int n, int start, int limit, bool wholeRange);
bool bad_label(const u8 *s, int n, int start, int end);
#endif
