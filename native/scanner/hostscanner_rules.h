/*
 * hostScanner.ts's module-level helpers (everything below the HostScanner class but looksLikeCode and
 * inStrongContext), each the TypeScript function of the same name in snake_case on the line s[0, n), with n added
 * after s; regexes tested on the whole line are functions of the line (`SSH_LINE.test(s)` is ssh_line(s, n)).
 */
#ifndef NETLENS_SCANNER_HOSTSCANNER_RULES_H
#define NETLENS_SCANNER_HOSTSCANNER_RULES_H
#include "scanner.h"

/* A `Port`: its text is line[start, end) and scanning continues at end. */
typedef struct {
  int start;
  int end;
} Port;

bool ssh_line(const u8 *s, int n);                           /* SSH_LINE.test(s) */
bool is_after_spf_ip6(const u8 *s, int n, int i, int prev);
bool ends_clause(const u8 *s, int n, int k);
int skip_colons(const u8 *s, int n, int i, int fail);
bool port_at(const u8 *s, int n, int i, Port *out);         /* portAt: false for null, else *out */
bool is_at_host(const u8 *s, int n, int i, int prev);
bool has_capitals_only(const u8 *s, int n, int i, int j, int shape);
bool follows_colon_digit(const u8 *s, int n, int i);
bool is_version_operator(const u8 *s, int n, int i);
bool is_product_token(const u8 *s, int n, int i);
bool is_version_value(const u8 *s, int n, int i);
bool is_dotted_product_name(const u8 *host, int len);       /* DOTTED_PRODUCT_NAMES.has(host) */
bool is_product_last_label(const u8 *label, int len);        /* PRODUCT_LAST_LABELS.has(label) */
bool received_line(const u8 *s, int n);                      /* RECEIVED_LINE.test(s) */
bool is_received_from(const u8 *s, int n, int i);
bool is_auth_name_after_port(const u8 *s, int n, int i);
bool is_netmask_after_address(const u8 *s, int n, int i, int j);
bool dnsmasq_domains_line(const u8 *s, int n);               /* DNSMASQ_DOMAINS_LINE.test(s) */
bool k8s_api_group(const u8 *host, int len);                 /* K8S_API_GROUP.test(host) */
bool toml_table_line(const u8 *s, int n);                    /* TOML_TABLE_LINE.test(s) */
int version_mention_search(const u8 *s, int n);              /* s.search(VERSION_MENTION) */
bool version_header(const u8 *s, int n);                     /* VERSION_HEADER.test(s) */
bool is_message_id_token(const u8 *s, int n, int i);
bool is_api_group(const u8 *s, int n, int j);
bool is_go_package_path(const u8 *s, int n, int i, bool goLine);
bool go_hint(const u8 *s, int n);                            /* GO_HINT.test(s) */
bool is_message_id_line(const u8 *s, int n);
bool is_oracle_thin(const u8 *s, int n, int i);
bool is_unc_host(const u8 *s, int n, int i);
int ipv4_prefix_end(const u8 *s, int n, int i);
bool is_number_word(const u8 *s, int n, int i);
int prefix_length_end(const u8 *s, int n, int i, int max);
bool number_ends_at(const u8 *s, int n, int k);
int bracketed_ip_after(const u8 *s, int n, int i, int *end); /* KIND_IPV4 or KIND_IPV6 with *end, or -1 for null */
bool is_label_key_prefix(const u8 *s, int n, int i, int j);
bool has_letter(const u8 *s, int n, int i, int j);
bool all_digits(const u8 *s, int n, int i, int j);
bool is_property_read(const u8 *lastLabel, int len, int prev);
bool is_exim_message_id(const u8 *s, int n, int i);
bool helo_before(const u8 *s, int n, int i, int prev);
/*
 * The name a mail client greeted with, at [i, j): `helo=<name>`, Exim's `H=(name)` and `HELO name`. Asked for every
 * word, and inline: the characters around the word rule out nearly all (most words follow a space, and only the
 * `O` of `HELO ` or `EHLO ` may come two characters before); helo_before reads the greeting.
 */
static inline bool is_helo_name(const u8 *s, int n, int i, int prev, int next) {
  if (prev == '<' && next == '>') return helo_before(s, n, i, prev);
  if (prev == '(' && next == ')') return helo_before(s, n, i, prev);
  return prev == ' ' && i >= 5 && at(s, n, i - 2) == 'O' && helo_before(s, n, i, prev);
}
bool is_type_url(const u8 *s, int n, int i);
bool is_service_principal(const u8 *s, int n, int i, int j);
bool is_encoded_url_host(const u8 *s, int n, int i);
bool has_inner_underscore(const u8 *s, int n, int i, int j);
bool after_double_brace(const u8 *s, int n, int i);

#endif
