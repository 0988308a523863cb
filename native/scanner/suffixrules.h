/* suffixRules.ts: what a name's last labels say about it. Names are lower-case ASCII bytes. */
#ifndef NETLENS_SCANNER_SUFFIXRULES_H
#define NETLENS_SCANNER_SUFFIXRULES_H
#include "scanner.h"

/* classifyLastLabel(label): label is lower-case, [label, label + len). */
int classify_last_label(const u8 *label, int len);

/*
 * classifyHost(host, lastLabel, privates) with the private suffixes set by PrivateSuffixes_set (the built-in ones
 * until then): host is the lower-cased name [host, host + hostLen), lastLabel its last label (a pointer into it).
 */
int classify_host(const u8 *host, int hostLen, const u8 *lastLabel, int lastLen);

/*
 * `new PrivateSuffixes(list)`: the suffixes the scanner uses from now on, as the setting gives them — `count` strings
 * written one after another at `list`, each preceded by its byte length as a 32-bit little-endian integer. Returns 0,
 * or -1 when they exceed the module's fixed room (1,024 distinct suffixes, built-ins included, of 64 KiB in all) or an
 * entry has a byte >= 128 (toLowerCase maps some non-ASCII letters to ASCII ones); the caller then scans with the
 * TypeScript. After -1 the suffixes are those before the call.
 */
int PrivateSuffixes_set(const u8 *list, int count);

#endif
