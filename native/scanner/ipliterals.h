/* IP literal recognisers in place: src/core/scanner/ipLiterals.ts. Offsets into the line s[0, n). */
#ifndef NETLENS_SCANNER_IPLITERALS_H
#define NETLENS_SCANNER_IPLITERALS_H
#include "base.h"
int ipv4_end(const u8 *s, int n, int start, int limit);
int ipv6_end(const u8 *s, int n, int start, int limit);
int zone_end(const u8 *s, int n, int i, int limit);
bool has_digit(const u8 *s, int n, int start, int end);
#endif
