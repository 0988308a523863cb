/*
 * hostScanner.ts's HostScanner class: the scanner itself, one ASCII line at a time, its matches written as records
 * (hostscanner.h). The module-level helpers are hostscanner_rules.c; looksLikeCode and inStrongContext are here.
 *
 * Finds URLs, host names and IP literals in one line: one left-to-right pass after a URL pass. Precision on source
 * code is the design goal: a dotted word counts as a host without further evidence only when its suffix is private
 * or a TLD host names commonly use (suffixrules.c) and it does not read like code; contexts that name hosts
 * outright (URLs, `user@host`, `host:port`, host keys and directives, hosts files) accept more.
 */
#include "hostscanner.h"
#include "charclass.h"
#include "codeheuristics.h"
#include "hostscanner_rules.h"
#include "hostsyntax.h"
#include "hostvaluedkey.h"
#include "ipliterals.h"
#include "linecontext.h"
#include "suffixrules.h"
#include "urls.h"

/* The lowest port accepted after a single label in text without other host context: `cache:6379` yes, `postgres:16` (an image tag) no. */
#define MIN_BARE_SINGLE_LABEL_PORT 80

/*
 * Whether an underscore is inside a label of the word [i, j) (`db_host.name`), not at a label's start (DNS's
 * `_service` labels start with one; a label starts at i and after each of the word's dots). Looked for only where a
 * test reads it: the word loop kept it for every word, most of which leave before.
 */
static bool inner_underscore(const u8 *s, int i, int j) {
  for (int k = i + 1; k < j; k++)
    if (s[k] == '_' && s[k - 1] != '.') return true;
  return false;
}
/*
 * A `shape` bit: the word is no valid host name — a label longer than 63 characters or starting or ending with `-`,
 * or longer than MAX_NAME_CHARS — decided label by label as the word is read.
 */
#define BAD_SYNTAX 0x200

/* The records of one line: a fixed room (a line needing more is scanned by the TypeScript: -1). */
#define MAX_RECORDS 4096
static int32_t records[MAX_RECORDS * RECORD_INTS];
static int recordCount;
static bool overflow;

/*
 * The per-line memos of the TypeScript's fields (-1: not decided yet): whether the line is an ssh-like command line,
 * mentions Go's tools, is a dnsmasq `server=/domain/…` option or a mail's `Received:` header; where it first says
 * `version` (versionKnown false: not searched yet).
 */
static int sshLine;
static int goLine;
static int dnsmasqLine;
static int receivedLine;
static bool versionKnown;
static int versionAt;

/* The line's context (analyzeLine). */
static LineContext ctx;

/* The HostMatch's context for a LineContext's strongKind ('keyword' or 'hostsFile'). */
static int strong_kind(void) { return ctx.strongKind == 1 ? CTX_HOSTS_FILE : CTX_KEYWORD; }

static int32_t *push_record(void) {
  if (recordCount >= MAX_RECORDS) {
    overflow = true;
    return 0;
  }
  int32_t *r = records + recordCount++ * RECORD_INTS;
  for (int k = 0; k < RECORD_INTS; k++) r[k] = -1;
  return r;
}

/* emit: a hostname, ipv4 or ipv6 whose host is its text; port 0 for null. */
static void emit(int kind, int start, int end, const Port *port, int context) {
  int32_t *r = push_record();
  if (!r) return;
  r[0] = kind;
  r[1] = context;
  r[2] = start;
  r[3] = end;
  r[4] = start;
  r[5] = end;
  if (port) {
    r[7] = port->start;
    r[8] = port->end;
  }
}

/* `10.40.0.0/16`, `192.0.2.0/255.255.255.0`, `2001:db8::/32`: the address ends at slash, the network at end. */
static void emit_network(int start, int slash, int end, int context) {
  int32_t *r = push_record();
  if (!r) return;
  r[0] = KIND_NETWORK;
  r[1] = context;
  r[2] = start;
  r[3] = end;
  r[4] = start;
  r[5] = end;
  r[13] = slash;
}

static bool is_ssh_line(const u8 *s, int n) {
  if (sshLine < 0) sshLine = ssh_line(s, n);
  return sshLine != 0;
}

static bool is_dnsmasq_domains_line(const u8 *s, int n) {
  if (dnsmasqLine < 0) dnsmasqLine = dnsmasq_domains_line(s, n);
  return dnsmasqLine != 0;
}

/*
 * A number at i on a line that talks about versions before it (`schema_version … '1.4.0.0'`, `X-Mailer: Mail
 * 4.2.0.1`): a version. `Version/17.2` (a User-Agent's product token) does not count. Searched once per line.
 */
static bool is_version_line(const u8 *s, int n, int i) {
  if (!versionKnown) {
    versionAt = version_header(s, n) ? 0 : version_mention_search(s, n);
    versionKnown = true;
  }
  return versionAt >= 0 && versionAt + 7 /* 'version'.length */ <= i;
}

/* Whether [i, end) is inside the line's directive values or starts its command's argument (analyzeLine). */
static bool in_strong_context(int i, int end) {
  return (ctx.strongStart <= i && end <= ctx.strongEnd) || i == ctx.argStart;
}

/*
 * Whether a dotted word with nothing but its own shape for evidence reads as code: a member chain, a path
 * segment, a module path, a decorator, an assignment target, a camelCase or snake_case identifier.
 * With `weakerOnly` (the word has a `:port`), only the signs that survive a port are checked.
 * host is the word lower-cased, lastLabel its last label (in host).
 */
static bool looks_like_code(const u8 *s, int n, const u8 *host, const u8 *lastLabel, int lastLen, int i, int j, int firstDot, int prev, int next, int dots, int shape, bool weakerOnly) {
  if (prev == '.' || prev == '$' || prev == '\\' || prev == '#' || prev == '%' || prev == '@' || prev == '&') return true;
  // A path segment (`/etc/nginx/sites-available/example.com`), but `//cdn.example.com/x.js` is a host.
  if (prev == '/' && !(i > 1 && at(s, n, i - 2) == '/')) return true;
  if ((shape & CLASS_UPPER) != 0 && (shape & CLASS_LOWER) != 0) return true;
  int firstLen = firstDot - i; /* first = host.slice(0, firstDot - i) */
  if (is_code_receiver(host, firstLen)) return true;
  if (weakerOnly) return false;
  if (next == '=' || next == '[' || next == '{' || next == '$') return true;
  if (inner_underscore(s, i, j)) return true;
  if (ctx.moduleLine && !is_quote(prev)) return true;
  if (is_property_read(lastLabel, lastLen, prev)) return true;
  if (dots >= 2 && is_reversed_domain_root(host, firstLen) && j > i) return true;
  return false;
}

/* `[v6]` and `[v6]:port` outside URLs; `a[::2]` and `x[1:]` are indexing, not addresses. */
static int bracketed_ipv6(const u8 *s, int n, int i, int limit) {
  int prev = i > 0 ? at(s, n, i - 1) : -1;
  if (prev >= 0 && (is_label(prev) || prev == ')' || prev == ']')) return i + 1;
  int end = ipv6_end(s, n, i + 1, limit);
  if (end < 0) return i + 1;
  int z = zone_end(s, n, end, limit);
  if (z >= limit || at(s, n, z) != ']') return i + 1;
  if (!has_digit(s, n, i + 1, end) && end - i - 1 != 2) return i + 1; // `[::]` is the unspecified address
  Port port;
  bool hasPort = at(s, n, z + 1) == ':' && port_at(s, n, z + 2, &port);
  bool strong = in_strong_context(i, z);
  emit(KIND_IPV6, i + 1, z, hasPort ? &port : 0, hasPort ? CTX_HOST_PORT : strong ? strong_kind() : CTX_BARE);
  return hasPort ? port.end : z + 1;
}

/* A bare IPv6 literal (`2001:db8::1`, `fe80::1%eth0`, `::1`) at i, emitted; returns its end, or i + 1 / i. */
static int bare_ipv6(const u8 *s, int n, int i, int limit) {
  int fail = at(s, n, i) == ':' ? i + 1 : i;
  int prev = i > 0 ? at(s, n, i - 1) : -1;
  // Redis's `bind 127.0.0.1 -::1`: a leading `-` marks an address as optional; it is not a label's hyphen.
  bool optional = prev == '-' && (i < 2 || is_space(at(s, n, i - 2)));
  if (!optional && prev >= 0 && (is_label(prev) || prev == ':' || prev == '.' || prev == '[') && !is_after_spf_ip6(s, n, i, prev)) return skip_colons(s, n, i, fail);
  int end = ipv6_end(s, n, i, limit);
  // `::` alone is the unspecified address: an address only as a network (`::/0`) or as a host key's value (`address: ::`).
  bool unspecified = end - i == 2;
  if (end < 0 || (!unspecified && (end - i < 3 || !has_digit(s, n, i, end)))) return skip_colons(s, n, i, fail);
  int z = zone_end(s, n, end, limit);
  int after = z < n ? at(s, n, z) : -1;
  if (after >= 0 && (is_label(after) || (after == ':' && !ends_clause(s, n, z + 1)) || (after == '.' && is_digit(at(s, n, z + 1))))) return skip_colons(s, n, i, fail);
  bool strong = in_strong_context(i, z);
  int context = strong ? (i == ctx.argStart ? CTX_KEYWORD : strong_kind()) : CTX_BARE;
  int networkEnd = z == end && at(s, n, end) == '/' ? prefix_length_end(s, n, end + 1, 128) : -1;
  if (networkEnd > 0) {
    emit_network(i, end, networkEnd, context);
    return networkEnd;
  }
  if (unspecified && (z != end || after == '/' || !is_value_of_host_key(s, n, i))) return skip_colons(s, n, i, fail);
  emit(KIND_IPV6, i, z, 0, context);
  return z;
}

/* `a.b.c.d-e.f.g.h` as the word [i, j): both addresses emitted, or nothing (false). */
static bool ipv4_range(const u8 *s, int n, int i, int j) {
  int dash = ipv4_end(s, n, i, j);
  if (dash < 0 || at(s, n, dash) != '-' || ipv4_end(s, n, dash + 1, j) != j) return false;
  int context = in_strong_context(i, j) ? strong_kind() : CTX_BARE;
  emit(KIND_IPV4, i, dash, 0, context);
  emit(KIND_IPV4, dash + 1, j, 0, context);
  return true;
}

/*
 * lower() on eight bytes at once: a byte b below 0x80 is a capital when (b + 0x3f) reaches 0x80 ('A' + 0x3f) and
 * (b + 0x25) does not ('Z' + 1 + 0x25); neither sum carries into the next byte (b & 0x7f is at most 0x7f). A byte
 * from 0x80 up (a shadow byte) is left as it is, as lower() leaves it.
 */
static inline uint64_t lower8(uint64_t v) {
  uint64_t low = v & 0x7f7f7f7f7f7f7f7full;
  uint64_t capital = (low + 0x3f3f3f3f3f3f3f3full) & ~(low + 0x2525252525252525ull) & ~v & 0x8080808080808080ull;
  return v | capital >> 2;
}

/* [i, j) lower-cased into buf (which holds at least j - i bytes): eight bytes at a time, then one by one. */
static void lower_into(u8 *buf, const u8 *s, int i, int j) {
  int k = i;
  for (; k + 8 <= j; k += 8) {
    store8(buf + (k - i), lower8(load8(s + k)));
  }
  for (; k < j; k++) buf[k - i] = (u8)lower(s[k]);
}

/* Number(port text): 1 to 5 digits. */
static int port_value(const u8 *s, const Port *p) {
  int v = 0;
  for (int k = p->start; k < p->end; k++) v = v * 10 + (s[k] - '0');
  return v;
}

/*
 * A word without dots, [i, j) (all label characters: `shape` has their CLASS_* bits and BAD_SYNTAX, and says
 * whether it has a letter, a capital or a small letter): word()'s tests that need no dots, in their order, then the
 * TypeScript's singleLabel. Most words of a line are such words and no host; for them the order is changed where
 * that cannot change the result (see each test).
 */
static int single_label(const u8 *s, int n, int i, int j, int prev, int next, int shape) {
  // The user part of user@host; a call `f(`. singleLabel's first test, for the characters before the word, is moved
  // up to here: no greeting's name follows `.`, `$`, `%` or `&` (is_helo_name wants `<`, `(` or a space before),
  // and the type URL's and dnsmasq's tests between return j or want a `/` before.
  if (next == '@' || next == '(' || prev == '.' || prev == '$' || prev == '%' || prev == '&') return j;
  if (is_helo_name(s, n, i, prev, next)) {
    // The name a mail client greeted with (see word()).
    if (j - i <= 63 && (shape & CLASS_LETTER_OF_LABEL) != 0) {
      u8 buf[63];
      lower_into(buf, s, i, j);
      if (!is_not_a_host_word(buf, j - i)) emit(KIND_HOSTNAME, i, j, 0, CTX_KEYWORD);
    }
    return j;
  }
  // The rest of singleLabel's first test: the two tests between want a `/` after the word.
  if (next == '=' || next == '.') return j;
  if (next == '/' && is_type_url(s, n, i)) return j;
  if (prev == '/' && next == '/' && is_dnsmasq_domains_line(s, n)) {
    // dnsmasq's `server=/corp.example.com/10.30.0.2`, `local=/lab.internal/`: the domains between the slashes.
    if ((shape & BAD_SYNTAX) == 0 && (shape & CLASS_LETTER_OF_LABEL) != 0) emit(KIND_HOSTNAME, i, j, 0, CTX_KEY_VALUE);
    return j;
  }
  if (prev == '\\') {
    // `\\fileserver\share` names a server; any other word after a backslash is a path part, an instance or an escape.
    if (!is_unc_host(s, n, i) || j - i > 63 || (shape & CLASS_LETTER_OF_LABEL) == 0) return j;
    emit(KIND_HOSTNAME, i, j, 0, CTX_KEYWORD);
    return j;
  }
  // The length and letter test below (one letter is no host's name), moved up from after the host-key test: every
  // test between returns j and emits nothing, and none has a side effect (received_line's memo changes no answer),
  // so a number (`[05/Jan/2025:08:00:41`, `200 4196`) or a lone `-` leaves here without the host-key look-back.
  if (j - i > 63 || j - i < 2 || (shape & CLASS_LETTER_OF_LABEL) == 0 || s[i] == '-' || s[j - 1] == '-') return j;
  bool atHost = is_at_host(s, n, i, prev);
  Port port;
  bool hasPort = next == ':' && port_at(s, n, j + 1, &port);
  // `Received: from relay7 (unknown [10.12.4.31])`: the name the sending host gave, in a mail's trace header.
  bool strong = in_strong_context(i, j);
  if (!strong && prev == ' ') {
    if (receivedLine < 0) receivedLine = received_line(s, n);
    strong = receivedLine && is_received_from(s, n, i);
  }
  // Most words of a line are identifiers with no host context at all: leave them first.
  // (A space right before the word after a label character leaves no separator for a host key: no call for that.)
  if (!atHost && !strong && !hasPort && j - i != 9 && ((prev == ' ' && i >= 2 && is_label(s[i - 2])) || !is_value_of_host_key(s, n, i))) return j;
  // `TLS_AES_128_GCM_SHA256`, `legacy_mysql`: an underscore inside a word makes it an identifier (host names
  // cannot have one; DNS's `_service` labels start with it). `config["key"]` indexes; `f"{x}"` is a template.
  int bracketEnd;
  if (inner_underscore(s, i, j) || (next == '[' && bracketed_ip_after(s, n, j, &bracketEnd) < 0)) return j;
  if ((next == '"' || next == '\'') && j - i <= 2) {
    u8 buf[2];
    lower_into(buf, s, i, j);
    if (is_string_prefix(buf, j - i)) return j;
  }
  int strongContext = i == ctx.argStart ? CTX_KEYWORD : strong_kind();
  // One letter is a variable, a type code or an option's value (Getopt's `'server=s'`), not a host's name: tested
  // above, before the host-key test.
  u8 lowerWord[63];
  int len = j - i;
  lower_into(lowerWord, s, i, j);
  bool wordIsLower = (shape & CLASS_LOWER_CHANGES) == 0; /* word === lower */
  bool noLower = (shape & CLASS_UPPER_CHANGES) == 0; /* word === word.toUpperCase() */
  int context = -1;
  bool validPort = hasPort && !follows_colon_digit(s, n, port.end);
  if (atHost) {
    if (is_ssh_line(s, n) && !is_not_a_host_word(lowerWord, len)) context = CTX_USER_HOST;
    else if (eq_exact(s, i, len, "localhost")) context = CTX_EMAIL; // `root@localhost`: local mail
  } else if (eq_exact(lowerWord, 0, len, "localhost")) {
    // Only as written by people: `LOCALHOST` and `Localhost` are constants and type members (`Ipv6Addr::LOCALHOST`).
    if (wordIsLower && prev != ':') context = validPort ? CTX_HOST_PORT : strong ? strongContext : CTX_BARE;
  } else if (strong) {
    if (!is_not_a_host_word(lowerWord, len) && prev != '*' && next != '*' && prev != '=') context = strongContext;
  } else if (
    validPort &&
    !ctx.imageLine &&
    (wordIsLower || noLower) &&
    port_value(s, &port) >= MIN_BARE_SINGLE_LABEL_PORT &&
    prev != '[' &&
    prev != '{' &&
    prev != '(' &&
    prev != '-' &&
    !is_not_a_host_before_port(lowerWord, len) &&
    !is_not_a_host_word(lowerWord, len)
  ) {
    context = CTX_HOST_PORT;
  } else if (!wordIsLower && !noLower) {
    // PascalCase and camelCase words are identifiers and types (`ip: IpAddr`, `host: redisHost`), not hosts.
  } else if (!is_not_a_host_word(lowerWord, len) && is_value_of_host_key(s, n, i)) {
    context = CTX_KEY_VALUE;
  }
  if (context < 0) return j;
  emit(KIND_HOSTNAME, i, j, validPort ? &port : 0, context);
  return validPort ? port.end : j;
}

/*
 * Classifies the word [i, j) and emits it if it is a host; returns where scanning continues. The character after
 * it (`next`, -1 at the line's end), its first and last dots (when `dots` > 0) and `shape` come from reading it:
 * the CLASS_* bits of its characters (any of them) and BAD_SYNTAX. A word without dots goes to
 * single_label at once: the tests here before the TypeScript's call of singleLabel that need no dots are there.
 */
static int word(const u8 *s, int n, int i, int j, int next, int dots, int firstDot, int lastDot, int shape) {
  int prev = i > 0 ? s[i - 1] : -1; /* i <= n */
  if (dots == 0) return single_label(s, n, i, j, prev, next, shape);
  if (next == '@' && prev == '/' && (shape & BAD_SYNTAX) == 0 && is_service_principal(s, n, i, j)) {
    // `HTTP/wiki.corp@CORP`, `postgres/db1.example.com@EXAMPLE.COM`: a Kerberos service principal names its host.
    emit(KIND_HOSTNAME, i, j, 0, CTX_KEYWORD);
    return j;
  }
  // `forward-addr: 192.0.2.53@853#dns.example.net` (Unbound): an address and its port, then the name its TLS
  // certificate must carry.
  if (next == '@' && dots == 3 && ipv4_end(s, n, i, j) == j && is_digit(at(s, n, j + 1))) {
    emit(KIND_IPV4, i, j, 0, in_strong_context(i, j) ? strong_kind() : CTX_BARE);
    return j;
  }
  if (prev == '#' && (shape & BAD_SYNTAX) == 0 && is_auth_name_after_port(s, n, i)) {
    emit(KIND_HOSTNAME, i, j, 0, CTX_KEYWORD);
    return j;
  }
  if (next == '@' || next == '(') return j; // the user part of user@host; a call `x.y(`
  if (is_helo_name(s, n, i, prev, next)) {
    // The name a mail client greeted with, in any case: Postfix's `helo=<WIN-4F2H9.localdomain>`, Exim's
    // `H=mx.example (helo) [ip]` and `H=(helo)`, and its `rejected EHLO or HELO name:`.
    if ((shape & BAD_SYNTAX) == 0) emit(KIND_HOSTNAME, i, j, 0, CTX_KEYWORD);
    return j;
  }
  if (next == '/' && is_type_url(s, n, i)) return j;
  // `${{ job.status }}`, `{{ .Values.host }}`: inside a template's braces a dotted word is an expression.
  if ((prev == ' ' || prev == '{') && after_double_brace(s, n, i)) return j;
  if (prev == '%' && is_encoded_url_host(s, n, i)) {
    // `?to=https%3A%2F%2Fpartner.example.net%2Foffer`: a percent-encoded URL in a query still names its host.
    if (host_syntax_end(s, n, i + 2, j, false) == j && !all_digits(s, n, lastDot + 1, j)) emit(KIND_HOSTNAME, i + 2, j, 0, CTX_URL);
    return j;
  }
  if (prev == '/' && next == '/' && is_dnsmasq_domains_line(s, n)) {
    // dnsmasq's `server=/corp.example.com/10.30.0.2`, `local=/lab.internal/`: the domains between the slashes.
    if ((shape & BAD_SYNTAX) == 0 && has_letter(s, n, i, j)) emit(KIND_HOSTNAME, i, j, 0, CTX_KEY_VALUE);
    return j;
  }
  // `--src-range 198.51.100.10-198.51.100.19`, nftables' `192.0.2.250-192.0.2.254`: a range of two addresses.
  if (dots == 6 && is_digit(at(s, n, i)) && ipv4_range(s, n, i, j)) return j;
  // `[registries.corp]`, `# [tool.poetry]`: a TOML table's dotted key, on a line of its own.
  if (prev == '[' && next == ']' && (shape & (CLASS_LOWER | CLASS_UPPER)) != 0 && toml_table_line(s, n)) return j;
  int bracketedEnd = -1;
  int bracketedKind = next == '[' ? bracketed_ip_after(s, n, j, &bracketedEnd) : -1;
  if (bracketedKind >= 0) {
    // `mx2.mail.example.net[198.51.100.25]`: Postfix, Exim and sendmail log a peer as name[address]; both are hosts.
    if ((shape & BAD_SYNTAX) == 0 && !all_digits(s, n, lastDot + 1, j)) emit(KIND_HOSTNAME, i, j, 0, CTX_BARE);
    emit(bracketedKind, j + 1, bracketedEnd, 0, CTX_BARE);
    return bracketedEnd + 1;
  }
  bool atHost = is_at_host(s, n, i, prev);
  Port port;
  bool hasPort = next == ':' && port_at(s, n, j + 1, &port);
  bool strong = in_strong_context(i, j);
  int strongContext = i == ctx.argStart ? CTX_KEYWORD : strong_kind();
  bool mixedCase = (shape & CLASS_UPPER) != 0 && (shape & CLASS_LOWER) != 0;

  if (dots == 3 && ipv4_end(s, n, i, j) == j) {
    if (is_version_operator(s, n, i) || (is_product_token(s, n, i) && !is_dnsmasq_domains_line(s, n)) || is_version_value(s, n, i)) return j;
    // `route 10.8.0.0 255.255.0.0`, `dhcp-range=…,255.255.255.0`: a netmask after an address, or after `netmask`.
    if (is_netmask_after_address(s, n, i, j)) return j;
    // A bare four-part number on a line about versions (`schema_version … DEFAULT '1.4.0.0'`, `X-Mailer: Mail 4.2.0.1`)
    // is a version; an address there still counts in host contexts (host:port, user@, directives).
    if (!hasPort && !atHost && !strong && next != '/' && is_version_line(s, n, i)) return j;
    int networkEnd = next == '/' ? ipv4_prefix_end(s, n, j + 1) : -1;
    if (networkEnd > 0) {
      emit_network(i, j, networkEnd, strong ? strongContext : CTX_BARE);
      return networkEnd;
    }
    // `10.0.0.0/33`: a network written with a prefix longer than an address (invalid), not a host.
    if (next == '/' && is_number_word(s, n, j + 1)) return j;
    int context = atHost ? (is_ssh_line(s, n) ? CTX_USER_HOST : CTX_EMAIL) : hasPort ? CTX_HOST_PORT : strong ? strongContext : CTX_BARE;
    emit(KIND_IPV4, i, j, hasPort ? &port : 0, context);
    return hasPort ? port.end : j;
  }
  if ((shape & BAD_SYNTAX) != 0) return j;
  if (is_digit(at(s, n, lastDot + 1)) && all_digits(s, n, lastDot + 1, j)) return j; // versions, 1.2.3

  // The name lower-cased and its last label (ASCII: the same offsets). Without BAD_SYNTAX it is at most MAX_NAME_CHARS.
  u8 host[MAX_NAME_CHARS];
  int hostLen = j - i;
  lower_into(host, s, i, j);
  const u8 *lastLabel = host + (lastDot + 1 - i);
  int lastLen = j - (lastDot + 1);
  // classify_host's answer (SUFFIX_*), asked for only where a branch reads it (most dotted words of code leave before
  // it is needed): -1 until then. It depends on the name alone, so when it is asked cannot change it.
  int cls = -1;
#define CLS (cls >= 0 ? cls : (cls = classify_host(host, hostLen, lastLabel, lastLen)))
  // `networking.k8s.io`, `cluster.x-k8s.io`: Kubernetes API groups (`"apiGroup":"…"` in audit logs), not hosts.
  if (eq_exact(lastLabel, 0, lastLen, "io") && k8s_api_group(host, hostLen)) return j;
  int context = -1;
  if (next == '/') {
    if (is_api_group(s, n, j)) return j;
    if (goLine < 0) goLine = go_hint(s, n);
    if (is_go_package_path(s, n, i, goLine != 0)) return j;
  }
  if (atHost && (is_message_id_line(s, n) || is_message_id_token(s, n, i))) return j;
  if (prev == '<' && is_message_id_line(s, n)) return j; // `List-Id: Users <users.lists.example.org>`: an id
  if (prev == '@' && is_oracle_thin(s, n, i)) {
    // `jdbc:oracle:thin:@erp-db.example.com:1521:ORCL` (and `@//host:port/service`, a URL the URL pass finds).
    emit(KIND_HOSTNAME, i, j, hasPort ? &port : 0, hasPort ? CTX_HOST_PORT : CTX_KEYWORD);
    return hasPort ? port.end : j;
  }
  if (prev == '\\' && is_unc_host(s, n, i)) {
    // `\\files.corp.example.com\public`: a Windows UNC path names its server first.
    emit(KIND_HOSTNAME, i, j, 0, CTX_KEYWORD);
    return j;
  }
  if (atHost) {
    if (CLS != SUFFIX_NONE) context = is_ssh_line(s, n) ? CTX_USER_HOST : CTX_EMAIL;
    else if (is_ssh_line(s, n)) context = CTX_USER_HOST;
  } else if (strong) {
    // `host = ngx.var.host`, `host: opts.host`: a property read where a host goes is not a name.
    if (prev != '.' && prev != '*' && !is_property_read(lastLabel, lastLen, prev)) context = strongContext;
  } else if (hasPort && CLS != SUFFIX_NONE && cls != SUFFIX_FILE_EXTENSION && !follows_colon_digit(s, n, port.end)) {
    if (!looks_like_code(s, n, host, lastLabel, lastLen, i, j, firstDot, prev, next, dots, shape, true)) context = CTX_HOST_PORT;
  } else if (prev == '.') {
    // `.example.com` is a domain suffix (cookie domains, search lists) where a key says so; else a wildcard
    // tail (`*.example.com`), a CSS class or a file name (`.env.local`).
    if (!mixedCase && CLS != SUFFIX_NONE && is_value_of_host_key(s, n, i - 1)) context = CTX_KEY_VALUE;
  } else if (!looks_like_code(s, n, host, lastLabel, lastLen, i, j, firstDot, prev, next, dots, shape, false)) {
    if (is_label_key_prefix(s, n, i, j)) return j;
    // `ASP.NET`, `EXAMPLE.COM` (a Kerberos realm): a public name in capitals with nothing around it is a product or
    // a realm, not a host; under a private suffix (`DB.INTERNAL`) it is still a host.
    if (CLS != SUFFIX_PRIVATE && has_capitals_only(s, n, i, j, shape)) return j;
    if (is_product_last_label(lastLabel, lastLen) && is_dotted_product_name(host, hostLen)) return j;
    if (cls == SUFFIX_PRIVATE || cls == SUFFIX_COMMON) context = CTX_BARE;
    else if (cls == SUFFIX_OTHER_TLD && (next == '/' || starts_with(host, hostLen, 0, "www."))) context = CTX_BARE;
    if (context < 0 && is_value_of_host_key(s, n, i)) context = CTX_KEY_VALUE;
  } else if (!mixedCase && next != '=' && is_value_of_host_key(s, n, i) && (CLS == SUFFIX_PRIVATE || cls == SUFFIX_COMMON || cls == SUFFIX_OTHER_TLD) && !is_host_member_name(lastLabel, lastLen)) {
    // (A host key's value that reads like code is still a name, but not a property read: `host = ngx.var.host`.)
    // The TypeScript tests the suffix first; each test here has no side effect, and the cheap ones go first.
    context = CTX_KEY_VALUE;
  }
#undef CLS
  if (context < 0) return j;
  if (context == CTX_BARE && hasPort && !follows_colon_digit(s, n, port.end)) context = CTX_HOST_PORT;
  bool usePort = hasPort && !follows_colon_digit(s, n, port.end);
  emit(KIND_HOSTNAME, i, j, usePort ? &port : 0, context);
  return usePort ? port.end : j;
}

/*
 * bad_label (hostsyntax.c) of a label the word loop has read: start < end <= n, so it is not empty and both its ends
 * are inside the line; the same tests without the bounds checks.
 */
static inline bool bad_read_label(const u8 *s, int start, int end) {
  return end - start > 63 || s[start] == '-' || s[end - 1] == '-';
}

/* Whether every character of s[i, j) is a hex digit (CLASS_HEX). */
static bool all_hex(const u8 *s, int i, int j) {
  for (int k = i; k < j; k++)
    if ((class_bits(s[k]) & CLASS_HEX) == 0) return false;
  return true;
}

/* scanLineInto: every match of the line as records; -1 when the URL table or the records overflow, or shadow_unsure. */
static int scan_line_into(const u8 *s, int n) {
  recordCount = 0;
  overflow = false;
  shadow_unsure = false;
  if (n == 0) return 0;
  int urlCount = find_urls(s, n);
  if (urlCount < 0) return -1;
  const UrlSpan *urls = url_spans();
  const AuthorityHost *hosts = url_hosts();
  analyze_line(s, n, &ctx);
  sshLine = -1;
  goLine = -1;
  dnsmasqLine = -1;
  receivedLine = -1;
  versionKnown = false;
  int u = 0;
  int nextUrl = urlCount > 0 ? urls[0].start : n;
  int i = 0;
  while (i < n) {
    if (i >= nextUrl) {
      const UrlSpan *span = &urls[u++];
      if (span->hostsCount > 1) {
        // A multi-host URL is as many hosts as it lists: each is reported (and resolved) on its own.
        for (int k = 0; k < span->hostsCount; k++) {
          const AuthorityHost *h = &hosts[span->hostsFirst + k];
          int32_t *r = push_record();
          if (!r) break;
          r[0] = h->kind;
          r[1] = CTX_URL;
          r[2] = h->start;
          r[3] = h->end;
          r[4] = h->host.start;
          r[5] = h->host.end;
          r[6] = h->host.cut;
          r[7] = h->portStart;
          r[8] = h->portEnd;
        }
        i = span->end;
        nextUrl = u < urlCount ? urls[u].start : n;
        continue;
      }
      int32_t *r = push_record();
      if (r) {
        r[0] = KIND_URL;
        r[1] = CTX_URL;
        r[2] = span->start;
        r[3] = span->end;
        r[4] = span->host.start;
        r[5] = span->host.end;
        r[6] = span->host.cut;
        r[7] = span->portStart;
        r[8] = span->portEnd;
        r[9] = span->schemeStart;
        r[10] = span->schemeEnd;
        r[11] = span->portSchemeStart;
        r[12] = span->portSchemeEnd;
      }
      i = span->end;
      nextUrl = u < urlCount ? urls[u].start : n;
      continue;
    }
    // Here i < nextUrl <= n: the character is inside the line (as every one the word loop reads before nextUrl).
    int c = s[i];
    int bits = class_bits(c);
    if ((bits & CLASS_LABEL) == 0) {
      if (c == '[') i = bracketed_ipv6(s, n, i, nextUrl);
      else if (c == ':') i = at(s, n, i + 1) == ':' ? bare_ipv6(s, n, i, nextUrl) : i + 1;
      else i++;
      continue;
    }
    if (c == '-' && i > 0 && s[i - 1] == ':') {
      // A `-` after `:` is the shell's default operator (`${REDIS_HOST:-cache.internal}`), never a label's start.
      i++;
      continue;
    }
    // A word: labels and the dots between them, with what its characters are (one table lookup each); after the
    // loop `cc` is the character after the word (-1 at the line's end).
    int j = i;
    int dots = 0;
    int shape = 0;
    int labelStart = i;
    int firstDot = -1;
    int cc;
    for (;;) {
      // The label's first character (bits, a label character at j < nextUrl), then the rest of it.
      shape |= bits;
      j++;
      while (j < nextUrl && ((bits = class_bits(s[j])) & CLASS_LABEL) != 0) {
        shape |= bits;
        j++;
      }
      cc = j < n ? s[j] : -1;
      if (cc == '.' && j + 1 < nextUrl && ((bits = class_bits(s[j + 1])) & CLASS_LABEL) != 0) {
        if (bad_read_label(s, labelStart, j)) shape |= BAD_SYNTAX;
        if (dots == 0) firstDot = j;
        dots++;
        labelStart = ++j;
        continue;
      }
      break;
    }
    if (bad_read_label(s, labelStart, j) || j - i > MAX_NAME_CHARS) shape |= BAD_SYNTAX;
    // A word of hex digits before `:` may start an IPv6 literal (`fe80::1`). Whether all are hex is asked only then
    // (a word's characters are all label characters, hex or not by their CLASS_HEX bit), not kept for every word.
    if (dots == 0 && cc == ':' && all_hex(s, i, j)) {
      int end = bare_ipv6(s, n, i, nextUrl);
      if (end > i) {
        i = end;
        continue;
      }
    }
    i = word(s, n, i, j, cc, dots, firstDot, labelStart - 1, shape);
  }
  return overflow || shadow_unsure ? -1 : recordCount;
}

EXPORT(HostScanner_scanLine) int HostScanner_scanLine(const u8 *s, int n) { return scan_line_into(s, n); }

EXPORT(HostScanner_records) const int32_t *HostScanner_records(void) { return records; }
