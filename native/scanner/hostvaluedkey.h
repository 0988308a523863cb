/* hostValuedKey.ts: whether a word is the value of a key that names a host. */
#ifndef NETLENS_SCANNER_HOSTVALUEDKEY_H
#define NETLENS_SCANNER_HOSTVALUEDKEY_H
#include "base.h"
bool is_value_of_host_key(const u8 *s, int n, int valueStart);
bool is_host_key(const u8 *s, int n, int start, int end);
#endif
