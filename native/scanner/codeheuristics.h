/* codeHeuristics.ts's word sets, each `set.has(word)` on [w, w + len) exactly as given (lower-case it first where the TypeScript does). */
#ifndef NETLENS_SCANNER_CODEHEURISTICS_H
#define NETLENS_SCANNER_CODEHEURISTICS_H
#include "base.h"
bool is_code_receiver(const u8 *w, int len);          /* CODE_RECEIVERS */
bool is_reversed_domain_root(const u8 *w, int len);   /* REVERSED_DOMAIN_ROOTS */
bool is_not_a_host_word(const u8 *w, int len);        /* NOT_A_HOST_WORDS */
bool is_host_member_name(const u8 *w, int len);       /* HOST_MEMBER_NAMES */
bool is_string_prefix(const u8 *w, int len);          /* STRING_PREFIXES */
bool is_not_a_host_before_port(const u8 *w, int len); /* NOT_A_HOST_BEFORE_PORT */
bool is_module_line_word(const u8 *w, int len);       /* MODULE_LINE_WORDS */
#endif
