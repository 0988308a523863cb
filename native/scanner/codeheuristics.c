#include "codeheuristics.h"
#include "codeHeuristicsTables.h"

bool is_code_receiver(const u8 *w, int len) { return word_set_has(&CODE_RECEIVERS, w, len); }
bool is_reversed_domain_root(const u8 *w, int len) { return word_set_has(&REVERSED_DOMAIN_ROOTS, w, len); }
bool is_not_a_host_word(const u8 *w, int len) { return word_set_has(&NOT_A_HOST_WORDS, w, len); }
bool is_host_member_name(const u8 *w, int len) { return word_set_has(&HOST_MEMBER_NAMES, w, len); }
bool is_string_prefix(const u8 *w, int len) { return word_set_has(&STRING_PREFIXES, w, len); }
bool is_not_a_host_before_port(const u8 *w, int len) { return word_set_has(&NOT_A_HOST_BEFORE_PORT, w, len); }
bool is_module_line_word(const u8 *w, int len) { return word_set_has(&MODULE_LINE_WORDS, w, len); }

/* For the tests: set k (codeHeuristics.ts's order above, 0-6) on the line's [start, end). */
EXPORT(t_codeWordSet) int t_codeWordSet(const u8 *s, int n, int k, int start, int end) {
  static bool (*const sets[])(const u8 *, int) = {is_code_receiver, is_reversed_domain_root, is_not_a_host_word, is_host_member_name, is_string_prefix, is_not_a_host_before_port, is_module_line_word};
  if (k < 0 || k > 6 || start < 0 || end > n || start > end) return -1;
  return sets[k](s + start, end - start);
}
