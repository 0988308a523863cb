/*
 * hostScanner.ts's module-level helpers (below the HostScanner class, but looksLikeCode and inStrongContext) and its
 * line regexes, on the ASCII line s[0, n). Each regex is a small matcher with the regex above it, matching the string
 * it is given exactly as the regex does (`^` and `$` are that string's ends: where the TypeScript tests a slice, the
 * C passes the slice); the tests run each matcher against the regex itself (the t_ exports at the end).
 */
#include "hostscanner_rules.h"
#include "charclass.h"
#include "codeheuristics.h"
#include "hostScannerTables.h"
#include "ipliterals.h"

static inline int max0(int k) { return k > 0 ? k : 0; }
/* A string literal and its length, for a table of words: `{word, len}`. */
#define LITERAL(w) {w, (int)sizeof(w) - 1}

/* The first k >= p that is not `\s` (or n). */
static int skip_space(const u8 *s, int n, int p) {
  while (p < n && re_space(s[p])) p++;
  return p;
}
/* The least k <= p with s[k, p) all `\s`. */
static int skip_space_back(const u8 *s, int p) {
  while (p > 0 && re_space(s[p - 1])) p--;
  return p;
}
/* `s.slice(start, end)` (start >= 0) handed to a matcher: clamped to the line as slice clamps it. */
static bool on_slice(bool (*re)(const u8 *, int), const u8 *s, int n, int start, int end) {
  if (start > n) start = n;
  if (end > n) end = n;
  if (end < start) end = start;
  return re(s + start, end - start);
}
/* Whether one of `words` (lower case) starts at p, case-insensitively: its length, or -1. */
static int word_at_lower(const u8 *s, int n, int p, const char *const *words, int count) {
  for (int w = 0; w < count; w++) {
    int len = strlen_c(words[w]);
    if (p + len <= n && eq_lower(s, p, len, words[w])) return len;
  }
  return -1;
}
/* `//` at p and no line terminator after it: `(?:\/\/.*)$` matching at p. */
static bool line_comment_to_end(const u8 *s, int n, int p) {
  if (!(at(s, n, p) == '/' && at(s, n, p + 1) == '/')) return false;
  for (int k = p + 2; k < n; k++)
    if (!re_dot(s[k])) return false;
  return true;
}

/* SSH_LINE = /(?:^|[\s`"'(=])(?:ssh|scp|sftp|rsync|mosh|git|ProxyJump)\b/i */
/* SSH_LINE's characters by byte: SSH_BEFORE for [\s`"'(=], SSH_FIRST for a first letter of its words in either case. */
#define SSH_BEFORE 1
#define SSH_FIRST 2
static u8 sshClass[256];
static bool sshClassBuilt;

static void build_ssh_class(void) {
  for (int c = 0; c < 256; c++) {
    int first = lower(c);
    sshClass[c] = (re_space(c) || c == '`' || c == '"' || c == '\'' || c == '(' || c == '=' ? SSH_BEFORE : 0) |
                  (first == 's' || first == 'r' || first == 'm' || first == 'g' || first == 'p' ? SSH_FIRST : 0);
  }
  sshClassBuilt = true;
}

/* SSH_LINE matching at p (0 <= p < n). */
static bool ssh_word_at(const u8 *s, int n, int p) {
  static const struct {
    const char *word;
    int len;
  } WORDS[] = {LITERAL("ssh"), LITERAL("scp"), LITERAL("sftp"), LITERAL("rsync"), LITERAL("mosh"), LITERAL("git"), LITERAL("proxyjump")};
  if ((sshClass[s[p]] & SSH_FIRST) == 0 || (p > 0 && (sshClass[s[p - 1]] & SSH_BEFORE) == 0)) return false;
  for (int w = 0; w < 7; w++) {
    int len = WORDS[w].len;
    if (p + len <= n && eq_lower(s, p, len, WORDS[w].word) && !re_word(at(s, n, p + len))) return true;
  }
  return false;
}

bool ssh_line(const u8 *s, int n) {
  if (!sshClassBuilt) build_ssh_class();
  /*
   * A match starts at p only with one of the words' first letters (SSH_FIRST: the others cannot match) after `^` or
   * a character of [\s`"'(=] (SSH_BEFORE). The answer is whether any p matches, so the candidates may be tried in
   * any order: eight characters at a time, those whose byte | 0x20 is s, r, m, g or p (exactly the letters in either
   * case; a shadow byte stays above 0x80; bytes_equal may add false candidates, which the tests below refuse), then
   * the last characters one by one.
   */
  int p = 0;
  for (; p + 8 <= n; p += 8) {
    uint64_t v = load8(s + p) | 0x2020202020202020ull;
    uint64_t m = bytes_equal(v, 's') | bytes_equal(v, 'r') | bytes_equal(v, 'm') | bytes_equal(v, 'g') | bytes_equal(v, 'p');
    for (; m != 0; m &= m - 1) {
      int q = p + first_byte(m);
      if (ssh_word_at(s, n, q)) return true;
    }
  }
  for (; p < n; p++)
    if (ssh_word_at(s, n, p)) return true;
  return false;
}

/* SPF's `ip6:` right before i (`ip6:2001:db8::/32` names an address or a network). */
bool is_after_spf_ip6(const u8 *s, int n, int i, int prev) {
  return prev == ':' && i >= 4 && at(s, n, i - 2) == '6' && (at(s, n, i - 3) | 0x20) == 'p' && (at(s, n, i - 4) | 0x20) == 'i' && (i == 4 || !is_label(at(s, n, i - 5)));
}

/* A `:` at k - 1 that ends a clause: a space or the line's end after it. */
bool ends_clause(const u8 *s, int n, int k) {
  return k == n || is_space(at(s, n, k));
}

/* After a failed IPv6 attempt at a run of colons, continue past the colons. */
int skip_colons(const u8 *s, int n, int i, int fail) {
  if (fail == i) return i;
  int k = i;
  while (k < n && at(s, n, k) == ':') k++;
  return k;
}

/* `:PORT` at i (after the colon): 1-5 digits, 1..65535, not followed by more word characters or `.digit`. */
bool port_at(const u8 *s, int n, int i, Port *out) {
  int k = i;
  while (k < n && k - i < 6 && is_digit(at(s, n, k))) k++;
  int len = k - i;
  if (len == 0 || len > 5) return false;
  int after = k < n ? at(s, n, k) : -1;
  if (after >= 0 && (is_label(after) || (after == '.' && is_digit(at(s, n, k + 1))))) return false;
  int value = 0;
  for (int m = i; m < k; m++) value = value * 10 + (s[m] - '0');
  if (!(value >= 1 && value <= 65535)) return false;
  out->start = i;
  out->end = k;
  return true;
}

/* `user@host` at i: an `@` right before, a user's character before that. */
bool is_at_host(const u8 *s, int n, int i, int prev) {
  return prev == '@' && i >= 2 && is_user(at(s, n, i - 2));
}

/* `ASP.NET`, `EXAMPLE.COM`: capitals and no small letters, as toLowerCase and toUpperCase see them. */
bool has_capitals_only(const u8 *s, int n, int i, int j, int shape) {
  if ((shape & CLASS_NON_ASCII) == 0) return (shape & CLASS_UPPER) != 0 && (shape & CLASS_LOWER) == 0;
  /* word !== word.toLowerCase() && word === word.toUpperCase(), character by character (their shadows say) */
  bool capital = false;
  for (int k = i; k < j && k < n; k++) {
    int bits = class_bits(s[k]);
    if ((bits & CLASS_UPPER_CHANGES) != 0) return false;
    if ((bits & CLASS_LOWER_CHANGES) != 0) capital = true;
  }
  return capital;
}

/* `main.go:42:7`: a source position, not host:port. */
bool follows_colon_digit(const u8 *s, int n, int i) {
  return at(s, n, i) == ':' && is_digit(at(s, n, i + 1));
}

/* VERSION_WORD = /(?:^|[^A-Za-z])(?:version|release|ver|v)\s$/i */
static bool version_word(const u8 *s, int n) {
  static const char *const WORDS[] = {"version", "release", "ver", "v"};
  if (n < 1 || !re_space(s[n - 1])) return false;
  for (int w = 0; w < 4; w++) {
    int len = strlen_c(WORDS[w]);
    int p = n - 1 - len;
    if (p >= 0 && eq_lower(s, p, len, WORDS[w]) && (p == 0 || !is_ascii_letter(s[p - 1]))) return true;
  }
  return false;
}

/* `==1.2.3.4`, `>=1.2.3.4`, `~1.2.3.4`, `^1.2.3.4`, `version 1.2.3.4`: a version with four parts, not an address. */
bool is_version_operator(const u8 *s, int n, int i) {
  int p = i > 0 ? at(s, n, i - 1) : -1;
  if (p == '~' || p == '^') return true;
  if (p == ' ' && on_slice(version_word, s, n, max0(i - 9), i)) return true;
  if (p != '=') return false;
  int pp = i > 1 ? at(s, n, i - 2) : -1;
  return pp == '=' || pp == '>' || pp == '<' || pp == '~' || pp == '!';
}

/* `Chrome/122.0.0.0`: a User-Agent product token's version; a product's name has no dot (`kafka-2.internal/10.40.1.12` is an address). */
bool is_product_token(const u8 *s, int n, int i) {
  if (!(i >= 2 && at(s, n, i - 1) == '/' && is_label(at(s, n, i - 2)) && at(s, n, i - 2) != '/')) return false;
  int k = i - 2;
  while (k >= 0 && is_label(at(s, n, k))) k--;
  return !(k > 0 && at(s, n, k) == '.' && is_label(at(s, n, k - 1)));
}

/* /version$/i */
static bool ends_with_version(const u8 *s, int n) {
  return n >= 7 && eq_lower(s, n - 7, 7, "version");
}

/* `FileVersion("2.0.0.0")`, `version: '10.0.0.1'`: the value of something named a version. */
bool is_version_value(const u8 *s, int n, int i) {
  int k = i - 1;
  while (k >= 0 && i - k <= 4) {
    int c = at(s, n, k);
    if (c == '"' || c == '\'' || c == '(' || c == '=' || c == ':' || c == ' ') k--;
    else break;
  }
  if (k == i - 1) return false;
  int end = k + 1;
  while (k >= 0 && is_label(at(s, n, k))) k--;
  return on_slice(ends_with_version, s, n, k + 1, end);
}

/* DOTTED_PRODUCT_NAMES.has(host): products whose names end in a TLD (`socket.io`, `ASP.NET` lower-cased). */
bool is_dotted_product_name(const u8 *host, int len) { return word_set_has(&DOTTED_PRODUCT_NAMES, host, len); }
/* PRODUCT_LAST_LABELS.has(label) */
bool is_product_last_label(const u8 *label, int len) { return word_set_has(&PRODUCT_LAST_LABELS, label, len); }

/* RECEIVED_LINE = /^Received:/i */
bool received_line(const u8 *s, int n) {
  return n >= 9 && eq_lower(s, 0, 9, "received:");
}

/* /^Received:\s+from\s+$/i */
static bool received_from_re(const u8 *s, int n) {
  if (!received_line(s, n) || !re_space(at(s, n, 9))) return false;
  int p = skip_space(s, n, 9);
  if (!(p + 4 <= n && eq_lower(s, p, 4, "from")) || !re_space(at(s, n, p + 4))) return false;
  return skip_space(s, n, p + 4) == n;
}

/* `Received: from ` right before i, on a Received line (a mail header). */
bool is_received_from(const u8 *s, int n, int i) {
  return i >= 15 && on_slice(received_from_re, s, n, 0, i);
}

/* `@853#` right before i: Unbound's `address@port#tls-auth-name`. */
bool is_auth_name_after_port(const u8 *s, int n, int i) {
  int k = i - 2;
  while (k >= 0 && i - k <= 7 && is_digit(at(s, n, k))) k--;
  return k < i - 2 && k >= 0 && at(s, n, k) == '@';
}

/*
 * JavaScript's ToUint32 of a double (`x >>> 0`): NaN and infinities are 0, else the integer part modulo 2^32, exactly.
 * From the double's bits (no libm here): x = ±mant · 2^e; the low 32 bits of mant · 2^e are those of the shifted
 * 64-bit integer (modular), and a negative x is 2^32 minus them. (A floor(x / 2^32) formula lost the exact remainder
 * for large x: a word of letters read as digits, `255.db.internal…`, sums to 10^40 and more.)
 */
static uint32_t to_uint32(double x) {
  if (x != x || x == __builtin_inf() || x == -__builtin_inf()) return 0;
  union {
    double d;
    uint64_t u;
  } v = {x};
  int exponent = (int)((v.u >> 52) & 0x7ff);
  uint32_t r = 0;
  if (exponent != 0) { /* 0 and subnormals are below 1: their integer part is 0 */
    uint64_t mant = (v.u & ((1ull << 52) - 1)) | (1ull << 52);
    int e = exponent - 1075;
    if (e >= 64) r = 0;
    else if (e >= 0) r = (uint32_t)(mant << e);
    else if (e > -53) r = (uint32_t)(mant >> -e);
  }
  return (v.u >> 63) != 0 ? 0u - r : r;
}

/* /\d\.\d+\.\d+\.\d+[^\d.]+$/: the trailing run of [^\d.] must be whole, each \d+ a whole run (a dot precedes it). */
static bool address_before_re(const u8 *s, int n) {
  int k = n;
  while (k > 0 && !is_digit(s[k - 1]) && s[k - 1] != '.') k--;
  if (k == n) return false;
  for (int part = 0; part < 3; part++) {
    int e = k;
    while (k > 0 && is_digit(s[k - 1])) k--;
    if (k == e || k == 0 || s[k - 1] != '.') return false;
    k--;
  }
  return k > 0 && is_digit(s[k - 1]);
}

/* /mask\W*$/i: `mask` before the whole trailing run of non-word characters. */
static bool mask_before_re(const u8 *s, int n) {
  int k = n;
  while (k > 0 && !re_word(s[k - 1])) k--;
  return k >= 4 && eq_lower(s, k - 4, 4, "mask");
}

/*
 * A netmask at [i, j) (255 then contiguous ones) after an address on the same line or after a word saying mask: it
 * describes a network, it is not a host. The arithmetic is the TypeScript's, in doubles, for any [i, j).
 */
bool is_netmask_after_address(const u8 *s, int n, int i, int j) {
  if (!starts_with(s, n, i, "255.")) return false;
  double bits = 0;
  double part = 0;
  for (int k = i; k <= j; k++) {
    int c = k < j ? at(s, n, k) : '.';
    /* `part * 10 + c - 48`, in that order: past 2^53 (letters read as digits) the rounding differs from `+ (c - 48)`.
       charCodeAt's NaN outside the line. */
    if (c != '.') part = part * 10 + (c < 0 ? __builtin_nan("") : (double)c) - 48;
    else {
      bits = bits * 256 + part;
      part = 0;
    }
  }
  uint32_t inverted = ~to_uint32(bits); /* contiguous ones then zeros: the inverse plus one is a power of two */
  if ((inverted & (inverted + 1u)) != 0) return false;
  return on_slice(address_before_re, s, n, max0(i - 48), i) || on_slice(mask_before_re, s, n, max0(i - 24), i);
}

/* DNSMASQ_DOMAINS_LINE = /^\s*(?:server|address|local|ipset|nftset|rebind-domain-ok)\s*=\s*\// */
bool dnsmasq_domains_line(const u8 *s, int n) {
  static const char *const WORDS[] = {"server", "address", "local", "ipset", "nftset", "rebind-domain-ok"};
  int p = skip_space(s, n, 0);
  for (int w = 0; w < 6; w++) {
    if (!starts_with(s, n, p, WORDS[w])) continue;
    int q = skip_space(s, n, p + strlen_c(WORDS[w]));
    if (at(s, n, q) != '=') continue;
    q = skip_space(s, n, q + 1);
    if (at(s, n, q) == '/') return true;
  }
  return false;
}

/* K8S_API_GROUP = /(?:^|\.)(?:x-)?k8s\.io$/ */
bool k8s_api_group(const u8 *host, int len) {
  if (len < 6 || !eq_exact(host, len - 6, 6, "k8s.io")) return false;
  int p = len - 6;
  if (p == 0 || host[p - 1] == '.') return true;
  if (p >= 2 && host[p - 2] == 'x' && host[p - 1] == '-') {
    p -= 2;
    return p == 0 || host[p - 1] == '.';
  }
  return false;
}

/* TOML_TABLE_LINE = /^\s*(?:#\s*)?\[\[?[^\s[\]]+\]\]?\s*$/ (each optional part is taken when present: leaving it out cannot match) */
bool toml_table_line(const u8 *s, int n) {
  int p = skip_space(s, n, 0);
  if (at(s, n, p) == '#') p = skip_space(s, n, p + 1);
  if (at(s, n, p) != '[') return false;
  p++;
  if (at(s, n, p) == '[') p++;
  int q = p;
  while (q < n && !re_space(s[q]) && s[q] != '[' && s[q] != ']') q++;
  if (q == p || at(s, n, q) != ']') return false;
  q++;
  if (at(s, n, q) == ']') q++;
  return skip_space(s, n, q) == n;
}

/* s.search(VERSION_MENTION), VERSION_MENTION = /version(?!\/)/i: `Version/17.2` is a User-Agent product token. */
int version_mention_search(const u8 *s, int n) {
  /*
   * The match starts with `v` or `V`: eight characters at a time, the bytes that are one of them (b | 0x20 is 'v'
   * for 'V' and 'v' only; a shadow byte stays above 0x80) are the candidates, checked in order (bytes_equal's lowest
   * bit is a true match, the others are checked by eq_lower anyway). Then the last positions one by one.
   */
  int p = 0;
  for (; p + 8 <= n; p += 8) {
    for (uint64_t m = bytes_equal(load8(s + p) | 0x2020202020202020ull, 'v'); m != 0; m &= m - 1) {
      int q = p + first_byte(m);
      if (q + 7 <= n && eq_lower(s, q, 7, "version") && at(s, n, q + 7) != '/') return q;
    }
  }
  for (; p + 7 <= n; p++)
    if (lower(s[p]) == 'v' && eq_lower(s, p, 7, "version") && at(s, n, p + 7) != '/') return p;
  return -1;
}

/* VERSION_HEADER = /^\s*(?:x-mailer|user-agent|server)\s*:/i */
bool version_header(const u8 *s, int n) {
  static const char *const WORDS[] = {"x-mailer", "user-agent", "server"};
  int p = skip_space(s, n, 0);
  int len = word_at_lower(s, n, p, WORDS, 3);
  return len >= 0 && at(s, n, skip_space(s, n, p + len)) == ':';
}

/* /(?:message-id|in-reply-to|references|content-id)\s*[=:]?\s*$/i: from the end, spaces, perhaps `=` or `:` and spaces, then the word. */
static bool message_id_before_re(const u8 *s, int n) {
  static const char *const WORDS[] = {"message-id", "in-reply-to", "references", "content-id"};
  int k = skip_space_back(s, n);
  if (k > 0 && (s[k - 1] == '=' || s[k - 1] == ':')) k = skip_space_back(s, k - 1);
  for (int w = 0; w < 4; w++) {
    int len = strlen_c(WORDS[w]);
    if (k >= len && eq_lower(s, k - len, len, WORDS[w])) return true;
  }
  return false;
}

/* `message-id=<…@host>` inside a log line: the `@host` is part of an id. */
bool is_message_id_token(const u8 *s, int n, int i) {
  if (is_exim_message_id(s, n, i)) return true;
  /* Only the 256 characters before: a line of many addresses must not be searched back to its start for each. */
  int lt = i - 1;
  while (lt >= 0 && i - lt <= 256 && at(s, n, lt) != '<') lt--;
  if (lt < 0 || i - lt > 256) return false;
  /* `message-id=<…>` (Postfix), `Message-ID: <…>`, and `(message-id <…>)` as applications log it. */
  return on_slice(message_id_before_re, s, n, max0(lt - 24), lt);
}

/* /^\/v\d+(?:(?:alpha|beta)\d+)?\b/: \d+ can only end at a boundary when whole, with or without the suffix. */
static bool api_version_path_re(const u8 *s, int n) {
  static const char *const SUFFIXES[] = {"alpha", "beta"};
  if (!(n >= 3 && s[0] == '/' && s[1] == 'v' && is_digit(s[2]))) return false;
  int p = 3;
  while (p < n && is_digit(s[p])) p++;
  for (int w = 0; w < 2; w++) {
    int len = strlen_c(SUFFIXES[w]);
    if (!(p + len < n && eq_exact(s, p, len, SUFFIXES[w]) && is_digit(s[p + len]))) continue;
    int q = p + len;
    while (q < n && is_digit(s[q])) q++;
    if (!re_word(at(s, n, q))) return true;
  }
  return !re_word(at(s, n, p));
}

/* /\bapiVersion["']?\s*:/ */
static bool api_version_key_re(const u8 *s, int n) {
  for (int p = 0; p + 10 <= n; p++) {
    if (!eq_exact(s, p, 10, "apiVersion") || (p > 0 && re_word(s[p - 1]))) continue;
    int q = p + 10;
    if (at(s, n, q) == '"' || at(s, n, q) == '\'') q++;
    if (at(s, n, skip_space(s, n, q)) == ':') return true;
  }
  return false;
}

/* `networking.k8s.io/v1`, `apps/v1beta1` after `apiVersion:`: a Kubernetes API group, not a host. */
bool is_api_group(const u8 *s, int n, int j) {
  return on_slice(api_version_path_re, s, n, j, j + 16) && api_version_key_re(s, n);
}

/* GO_IMPORT_LINE's `"[^"\s]+"\s*(?:\/\/.*)?$` at p. */
static bool go_import_path_rest(const u8 *s, int n, int p) {
  if (at(s, n, p) != '"') return false;
  int q = p + 1;
  while (q < n && s[q] != '"' && !re_space(s[q])) q++;
  if (q == p + 1 || at(s, n, q) != '"') return false;
  q = skip_space(s, n, q + 1);
  return q == n || line_comment_to_end(s, n, q);
}
/* GO_IMPORT_LINE's `(?:[A-Za-z_]\w*\s+|\.\s+)` at p: where it ends (each part whole: the next one needs another kind of character), or -1. */
static int go_import_name_end(const u8 *s, int n, int p) {
  int c = at(s, n, p);
  int q;
  if (is_ascii_letter(c) || c == '_') {
    q = p + 1;
    while (q < n && re_word(s[q])) q++;
  } else if (c == '.') q = p + 1;
  else return -1;
  if (!re_space(at(s, n, q))) return -1;
  return skip_space(s, n, q);
}
/* GO_IMPORT_LINE = /^\s*(?:import\s+)?(?:[A-Za-z_]\w*\s+|\.\s+)?"[^"\s]+"\s*(?:\/\/.*)?$/: each optional group taken or not. */
static bool go_import_line(const u8 *s, int n) {
  int starts[2];
  int count = 0;
  int p = skip_space(s, n, 0);
  starts[count++] = p;
  if (starts_with(s, n, p, "import") && re_space(at(s, n, p + 6))) starts[count++] = skip_space(s, n, p + 6);
  for (int k = 0; k < count; k++) {
    if (go_import_path_rest(s, n, starts[k])) return true;
    int q = go_import_name_end(s, n, starts[k]);
    if (q >= 0 && go_import_path_rest(s, n, q)) return true;
  }
  return false;
}

/* GO_MOD_LINE's `v\d+\.\d+\.\d+\S*\s*(?:\/\/.*)?$` at q: the comment may start wherever \S* can stop, or after the spaces. */
static bool go_mod_version_rest(const u8 *s, int n, int q) {
  if (at(s, n, q) != 'v') return false;
  int p = q + 1;
  for (int part = 0; part < 2; part++) {
    int d = p;
    while (p < n && is_digit(s[p])) p++;
    if (p == d || at(s, n, p) != '.') return false;
    p++;
  }
  if (!is_digit(at(s, n, p))) return false;
  p++; /* the third \d+ takes one digit at least, \S* the rest */
  int endS = p;
  while (endS < n && !re_space(s[endS])) endS++;
  int endW = skip_space(s, n, endS);
  if (endW == n) return true;
  int lastBreak = -1; /* `.*` takes no line terminator */
  for (int k = n - 1; k >= 0; k--)
    if (!re_dot(s[k])) {
      lastBreak = k;
      break;
    }
  for (int m = p; m <= endS; m++)
    if (at(s, n, m) == '/' && at(s, n, m + 1) == '/' && lastBreak < m + 2) return true;
  return at(s, n, endW) == '/' && at(s, n, endW + 1) == '/' && lastBreak < endW + 2;
}
/* `=>\s` at q. */
static bool go_arrow_at(const u8 *s, int n, int q) {
  return at(s, n, q) == '=' && at(s, n, q + 1) == '>' && re_space(at(s, n, q + 2));
}
/*
 * GO_MOD_LINE = /^\s*(?:(?:module|require|replace|exclude|retract|tool)\s+[^\s"]+|[^\s"]+\s+v\d+\.\d+\.\d+\S*\s*(?:\/\/.*)?$|[^\s"]+(?:\s+v\S+)?\s+=>\s)/
 * The leading word ([^\s"]+) must be whole (a space follows it), and each \s+ whole (a non-space follows).
 */
static bool go_mod_line(const u8 *s, int n) {
  static const char *const DIRECTIVES[] = {"module", "require", "replace", "exclude", "retract", "tool"};
  int p = skip_space(s, n, 0);
  for (int w = 0; w < 6; w++) {
    int len = strlen_c(DIRECTIVES[w]);
    if (!(starts_with(s, n, p, DIRECTIVES[w]) && re_space(at(s, n, p + len)))) continue;
    int c = at(s, n, skip_space(s, n, p + len));
    if (c >= 0 && c != '"' && !re_space(c)) return true;
  }
  int w = p;
  while (w < n && s[w] != '"' && !re_space(s[w])) w++;
  if (w == p || !re_space(at(s, n, w))) return false;
  int q = skip_space(s, n, w);
  if (go_mod_version_rest(s, n, q)) return true;
  if (go_arrow_at(s, n, q)) return true;
  if (at(s, n, q) == 'v' && q + 1 < n && !re_space(s[q + 1])) {
    int r = q + 1;
    while (r < n && !re_space(s[r])) r++;
    if (re_space(at(s, n, r)) && go_arrow_at(s, n, skip_space(s, n, r))) return true;
  }
  return false;
}

/* GO_PATH_BEFORE's `GO(?:PRIVATE|NOPROXY|NOSUMDB|INSECURE)\s*[=:]\s*["']?(?:[^\s"',]+,)*$` at p. */
static bool go_setting_list(const u8 *s, int n, int p) {
  static const char *const SETTINGS[] = {"GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOINSECURE"};
  for (int w = 0; w < 4; w++) {
    if (!starts_with(s, n, p, SETTINGS[w])) continue;
    int q = skip_space(s, n, p + strlen_c(SETTINGS[w]));
    if (at(s, n, q) != '=' && at(s, n, q) != ':') continue;
    q = skip_space(s, n, q + 1);
    if (at(s, n, q) == '"' || at(s, n, q) == '\'') q++;
    /* (?:[^\s"',]+,)*$: items ending in commas to the end */
    bool ok = true;
    while (q < n) {
      int r = q;
      while (r < n && !re_space(s[r]) && s[r] != '"' && s[r] != '\'' && s[r] != ',') r++;
      if (r == q || at(s, n, r) != ',') {
        ok = false;
        break;
      }
      q = r + 1;
    }
    if (ok) return true;
  }
  return false;
}
/* GO_PATH_BEFORE's `go\s+(?:get|install|run|list|doc|mod\s+\w+)(?:\s+-\S+)*\s+$` at p. */
static bool go_command(const u8 *s, int n, int p) {
  static const char *const COMMANDS[] = {"get", "install", "run", "list", "doc"};
  if (!(at(s, n, p) == 'g' && at(s, n, p + 1) == 'o' && re_space(at(s, n, p + 2)))) return false;
  int q = skip_space(s, n, p + 2);
  int r = -1;
  for (int w = 0; w < 5 && r < 0; w++)
    if (starts_with(s, n, q, COMMANDS[w])) r = q + strlen_c(COMMANDS[w]);
  if (r < 0 && starts_with(s, n, q, "mod") && re_space(at(s, n, q + 3))) {
    int t = skip_space(s, n, q + 3);
    if (re_word(at(s, n, t))) {
      r = t;
      while (r < n && re_word(s[r])) r++;
    }
  }
  if (r < 0) return false;
  for (;;) { /* (?:\s+-\S+)*\s+$ */
    if (!re_space(at(s, n, r))) return false;
    r = skip_space(s, n, r);
    if (r == n) return true;
    if (!(s[r] == '-' && r + 1 < n && !re_space(s[r + 1]))) return false;
    r += 2;
    while (r < n && !re_space(s[r])) r++;
  }
}
/* GO_PATH_BEFORE = /(?:\bGO(?:PRIVATE|NOPROXY|NOSUMDB|INSECURE)\s*[=:]\s*["']?(?:[^\s"',]+,)*|(?:^|\s)-X[\s=]["']?|\bgo\s+(?:get|install|run|list|doc|mod\s+\w+)(?:\s+-\S+)*\s+|\bpackage\s+)$/ */
static bool go_path_before(const u8 *s, int n) {
  /* (?:^|\s)-X[\s=]["']?$ */
  int e = n;
  if (e > 0 && (s[e - 1] == '"' || s[e - 1] == '\'')) e--;
  if (e >= 3 && (re_space(s[e - 1]) || s[e - 1] == '=') && s[e - 3] == '-' && s[e - 2] == 'X' && (e == 3 || re_space(s[e - 4]))) return true;
  /* \bpackage\s+$ */
  int k = skip_space_back(s, n);
  if (k < n && k >= 7 && eq_exact(s, k - 7, 7, "package") && (k == 7 || !re_word(s[k - 8]))) return true;
  for (int p = 0; p < n; p++) {
    if (p > 0 && re_word(s[p - 1])) continue; /* \b before G or g */
    if (s[p] == 'G' && go_setting_list(s, n, p)) return true;
    if (s[p] == 'g' && go_command(s, n, p)) return true;
  }
  return false;
}

/* A Go module or package path at i (a name followed by `/`): an import line, a go.mod directive, a Go setting's list, `-X`, `go get …`, `package …`. */
bool is_go_package_path(const u8 *s, int n, int i, bool goLine) {
  if (i > 0 && at(s, n, i - 1) == '"' && go_import_line(s, n)) return true;
  return go_mod_line(s, n) || (goLine && on_slice(go_path_before, s, n, max0(i - 80), i));
}

/* GO_HINT = /GO[A-Z]|-X|\bgo\s|\bpackage\s/: what a line must contain for GO_PATH_BEFORE to match anywhere in it. */
bool go_hint(const u8 *s, int n) {
  for (int p = 0; p < n; p++) {
    int c = s[p];
    if (c == 'G' && at(s, n, p + 1) == 'O' && is_upper(at(s, n, p + 2))) return true;
    if (c == '-' && at(s, n, p + 1) == 'X') return true;
    if (c != 'g' && c != 'p') continue; /* the word boundary (`\b`) is looked at only before these two */
    bool boundary = p == 0 || !re_word(s[p - 1]);
    if (c == 'g' && boundary && at(s, n, p + 1) == 'o' && re_space(at(s, n, p + 2))) return true;
    if (c == 'p' && boundary && starts_with(s, n, p, "package") && re_space(at(s, n, p + 7))) return true;
  }
  return false;
}

/* `Message-ID: <20240105.1234@mail.example.com>`: /^\s*(?:message-id|in-reply-to|references|content-id|resent-message-id|list-id)\s*:/i */
bool is_message_id_line(const u8 *s, int n) {
  static const char *const WORDS[] = {"message-id", "in-reply-to", "references", "content-id", "resent-message-id", "list-id"};
  int p = skip_space(s, n, 0);
  int len = word_at_lower(s, n, p, WORDS, 6);
  return len >= 0 && at(s, n, skip_space(s, n, p + len)) == ':';
}

/* `…thin:@host`: Oracle's thin driver puts the host after `@`, with no user in front. */
bool is_oracle_thin(const u8 *s, int n, int i) {
  return i >= 6 && i - 1 <= n && eq_lower(s, i - 6, 5, "thin:");
}

/* `\\server\share` with the server at i: two backslashes (or four, escaped), not preceded by a word. */
bool is_unc_host(const u8 *s, int n, int i) {
  int k = i;
  while (k > 0 && at(s, n, k - 1) == '\\') k--;
  int run = i - k;
  /* `(localdb)\\MSSQLLocalDB` is an instance after a server, not a server. */
  int before = k > 0 ? at(s, n, k - 1) : -1;
  return (run == 2 || run == 4) && !(before >= 0 && (is_label(before) || before == ')' || before == ']'));
}

/* After an IPv4 address's `/` at i: a prefix length 0-32 or a dotted netmask, ending the word. Its end, or -1. */
int ipv4_prefix_end(const u8 *s, int n, int i) {
  int mask = ipv4_end(s, n, i, n);
  int end = mask > 0 ? mask : prefix_length_end(s, n, i, 32);
  return end;
}

/* Digits at i that end the word (numberEndsAt). */
bool is_number_word(const u8 *s, int n, int i) {
  int k = i;
  while (k < n && is_digit(at(s, n, k))) k++;
  return k > i && number_ends_at(s, n, k);
}

/* A prefix length 0..max at i, ending the word. Its end, or -1. */
int prefix_length_end(const u8 *s, int n, int i, int max) {
  int k = i;
  while (k < n && k - i < 3 && is_digit(at(s, n, k))) k++;
  if (k == i) return -1;
  int value = 0;
  for (int m = i; m < k; m++) value = value * 10 + (s[m] - '0');
  if (value > max || (k - i > 1 && at(s, n, i) == '0')) return -1;
  return number_ends_at(s, n, k) ? k : -1;
}

/* Whether a number ends its word at k: no label character, `/` or `.digit` follows. */
bool number_ends_at(const u8 *s, int n, int k) {
  int after = k < n ? at(s, n, k) : -1;
  return !(after >= 0 && (is_label(after) || after == '/' || (after == '.' && is_digit(at(s, n, k + 1)))));
}

/* `[198.51.100.25]` or `[2001:db8::1]` right at i (a mail log's `name[address]`): KIND_IPV4 or KIND_IPV6 with *end, or -1. */
int bracketed_ip_after(const u8 *s, int n, int i, int *end) {
  if (at(s, n, i) != '[') return -1;
  int v4 = ipv4_end(s, n, i + 1, n);
  if (v4 > i + 1 && at(s, n, v4) == ']') {
    *end = v4;
    return KIND_IPV4;
  }
  int v6 = ipv6_end(s, n, i + 1, n);
  int z = v6 > i + 1 ? zone_end(s, n, v6, n) : -1; /* `[fe80::1%ens3]` */
  if (z > i + 1 && at(s, n, z) == ']') {
    *end = z;
    return KIND_IPV6;
  }
  return -1;
}

/* `cert-manager.io/cluster-issuer:`: a Kubernetes label or annotation key's DNS prefix, recognised by the `/name:` after it. */
bool is_label_key_prefix(const u8 *s, int n, int i, int j) {
  if (at(s, n, j) != '/') return false;
  int k = j + 1;
  while (k < n && (is_label(at(s, n, k)) || at(s, n, k) == '.')) k++;
  if (k == j + 1 || at(s, n, k) != ':') return false;
  int after = k + 1 < n ? at(s, n, k + 1) : ' ';
  if (after != ' ' && after != '\t') return false;
  for (int b = i - 1; b >= 0; b--) {
    int c = at(s, n, b);
    if (c == '"' || c == '\'') continue;
    return c == ' ' || c == '\t' || c == '-';
  }
  return true;
}

bool has_letter(const u8 *s, int n, int i, int j) {
  for (int k = i; k < j; k++) {
    int c = at(s, n, k);
    if (!is_digit(c) && c != '-' && c != '_') return true;
  }
  return false;
}

bool all_digits(const u8 *s, int n, int i, int j) {
  for (int k = i; k < j; k++)
    if (!is_digit(at(s, n, k))) return false;
  return true;
}

/* `url.hostname`, `opts.host`: a dotted word ending in a field that holds a host, not quoted as a name. */
bool is_property_read(const u8 *lastLabel, int len, int prev) {
  return !is_quote(prev) && is_host_member_name(lastLabel, len);
}

/* Exim's `id=CAF3x9pQ@app3.internal` field with the host part at i: a Message-ID, not a host. */
bool is_exim_message_id(const u8 *s, int n, int i) {
  int k = i - 2; /* before the '@' */
  while (k >= 0 && i - k <= 256 && is_user(at(s, n, k))) k--;
  return k >= 2 && at(s, n, k) == '=' && at(s, n, k - 1) == 'd' && at(s, n, k - 2) == 'i' && (k == 2 || is_space(at(s, n, k - 3)));
}

/*
 * /(?:^|\s)H=(?:[^\s()]+ )?\($/: `H=(` at the end, or `H=name (` where the name's run of [^\s()] starts with the
 * `H=` itself (any later start would follow a character of the run, not the start or a space).
 */
static bool helo_paren_re(const u8 *s, int n) {
  if (n < 3 || s[n - 1] != '(') return false;
  if (s[n - 3] == 'H' && s[n - 2] == '=' && (n == 3 || re_space(s[n - 4]))) return true;
  if (s[n - 2] != ' ') return false;
  int a = n - 2;
  while (a > 0 && !re_space(s[a - 1]) && s[a - 1] != '(' && s[a - 1] != ')') a--;
  return a + 2 < n - 2 && s[a] == 'H' && s[a + 1] == '=' && (a == 0 || re_space(s[a - 1]));
}

/* isHeloName after its first tests (hostscanner_rules.h's is_helo_name): the greeting before the word. */
bool helo_before(const u8 *s, int n, int i, int prev) {
  if (prev == '<') return i >= 6 && i - 1 <= n && eq_lower(s, i - 6, 5, "helo=");
  if (prev == '(') return on_slice(helo_paren_re, s, n, max0(i - 80), i);
  return starts_with(s, n, i - 5, "HELO ") || starts_with(s, n, i - 5, "EHLO ");
}

/* /@type["']?\s*[:=]\s*["']?$/: from the end, each optional quote taken when present (leaving it out cannot match). */
static bool type_url_before_re(const u8 *s, int n) {
  int k = n;
  if (k > 0 && (s[k - 1] == '"' || s[k - 1] == '\'')) k--;
  k = skip_space_back(s, k);
  if (!(k > 0 && (s[k - 1] == ':' || s[k - 1] == '='))) return false;
  k = skip_space_back(s, k - 1);
  if (k > 0 && (s[k - 1] == '"' || s[k - 1] == '\'')) k--;
  return k >= 5 && eq_exact(s, k - 5, 5, "@type");
}

/* `"@type": type.googleapis.com/envoy.…` at i: a protobuf Any's type URL names a message type, not a host. */
bool is_type_url(const u8 *s, int n, int i) {
  return on_slice(type_url_before_re, s, n, max0(i - 16), i);
}

/*
 * /(?:^|[\s"'=:,])[A-Za-z][A-Za-z0-9_-]{0,31}\/$/: the name is the whole run of [A-Za-z0-9_-] before the `/` (a
 * later start would follow a character of the run).
 */
static bool service_before_re(const u8 *s, int n) {
  if (n < 2 || s[n - 1] != '/') return false;
  int a = n - 1;
  while (a > 0 && is_label(s[a - 1]) && s[a - 1] < 128) a--; /* [A-Za-z0-9_-]: the ASCII label characters */
  int len = n - 1 - a;
  if (len < 1 || len > 32 || !is_ascii_letter(s[a])) return false;
  if (a == 0) return true;
  int c = s[a - 1];
  return re_space(c) || c == '"' || c == '\'' || c == '=' || c == ':' || c == ',';
}

static inline bool is_realm_char(int c) { return is_upper(c) || is_digit(c) || c == '-'; }
/* /^@[A-Z0-9][A-Z0-9-]*(?:\.[A-Z0-9-]+)*(?![A-Za-z0-9.@-])/: greedy, as a shorter match leaves a character the lookahead refuses. */
static bool realm_after_re(const u8 *s, int n) {
  if (!(n >= 2 && s[0] == '@' && (is_upper(s[1]) || is_digit(s[1])))) return false;
  int p = 2;
  while (p < n && is_realm_char(s[p])) p++;
  while (p + 1 < n && s[p] == '.' && is_realm_char(s[p + 1])) {
    p += 2;
    while (p < n && is_realm_char(s[p])) p++;
  }
  int c = at(s, n, p);
  return !(is_ascii_letter(c) || is_digit(c) || c == '.' || c == '@' || c == '-');
}

/* `HTTP/` before [i, j) and `@REALM` after it: a Kerberos service principal (`HTTP/wiki.corp@CORP`). */
bool is_service_principal(const u8 *s, int n, int i, int j) {
  return on_slice(service_before_re, s, n, max0(i - 34), i) && on_slice(realm_after_re, s, n, j, j + 256);
}

/* /[A-Za-z]%3A%2F%$/i */
static bool encoded_scheme_before_re(const u8 *s, int n) {
  return n >= 8 && is_ascii_letter(s[n - 8]) && eq_lower(s, n - 7, 7, "%3a%2f%");
}

/* `2F` at i after `scheme%3A%2F%` (case-insensitive): the host of a percent-encoded URL starts at i + 2. */
bool is_encoded_url_host(const u8 *s, int n, int i) {
  return i >= 9 && on_slice(encoded_scheme_before_re, s, n, i - 8, i) && (at(s, n, i) == '2' && (at(s, n, i + 1) | 0x20) == 'f');
}

/* Looks inside [i + 1, j) only. */
bool has_inner_underscore(const u8 *s, int n, int i, int j) {
  for (int k = i + 1; k < j; k++)
    if (at(s, n, k) == '_') return true;
  return false;
}

/* `{{` then optional spaces right before i (a Jinja, Helm or GitHub Actions expression starts there). */
bool after_double_brace(const u8 *s, int n, int i) {
  int k = i - 1;
  while (k >= 0 && i - k <= 3 && at(s, n, k) == ' ') k--;
  return k >= 1 && at(s, n, k) == '{' && at(s, n, k - 1) == '{';
}

/* For the tests: each regex's matcher on the string s[0, n) (VERSION_MENTION: the search's index). */
EXPORT(t_SSH_LINE) int t_SSH_LINE(const u8 *s, int n) { return ssh_line(s, n); }
EXPORT(t_VERSION_WORD) int t_VERSION_WORD(const u8 *s, int n) { return version_word(s, n); }
EXPORT(t_RECEIVED_LINE) int t_RECEIVED_LINE(const u8 *s, int n) { return received_line(s, n); }
EXPORT(t_DNSMASQ_DOMAINS_LINE) int t_DNSMASQ_DOMAINS_LINE(const u8 *s, int n) { return dnsmasq_domains_line(s, n); }
EXPORT(t_K8S_API_GROUP) int t_K8S_API_GROUP(const u8 *s, int n) { return k8s_api_group(s, n); }
EXPORT(t_TOML_TABLE_LINE) int t_TOML_TABLE_LINE(const u8 *s, int n) { return toml_table_line(s, n); }
EXPORT(t_VERSION_MENTION) int t_VERSION_MENTION(const u8 *s, int n) { return version_mention_search(s, n); }
EXPORT(t_VERSION_HEADER) int t_VERSION_HEADER(const u8 *s, int n) { return version_header(s, n); }
EXPORT(t_GO_HINT) int t_GO_HINT(const u8 *s, int n) { return go_hint(s, n); }
EXPORT(t_GO_IMPORT_LINE) int t_GO_IMPORT_LINE(const u8 *s, int n) { return go_import_line(s, n); }
EXPORT(t_GO_MOD_LINE) int t_GO_MOD_LINE(const u8 *s, int n) { return go_mod_line(s, n); }
EXPORT(t_GO_PATH_BEFORE) int t_GO_PATH_BEFORE(const u8 *s, int n) { return go_path_before(s, n); }
/* The inline regexes, numbered as INLINE_REGEXES in the test. */
EXPORT(t_inlineRegex) int t_inlineRegex(const u8 *s, int n, int k) {
  static bool (*const res[])(const u8 *, int) = {
    ends_with_version,    /* 0 isVersionValue /version$/i */
    received_from_re,     /* 1 isReceivedFrom */
    address_before_re,    /* 2 isNetmaskAfterAddress, the address */
    mask_before_re,       /* 3 isNetmaskAfterAddress, mask */
    message_id_before_re, /* 4 isMessageIdToken */
    api_version_path_re,  /* 5 isApiGroup, the path */
    api_version_key_re,   /* 6 isApiGroup, apiVersion: */
    is_message_id_line,   /* 7 isMessageIdLine */
    helo_paren_re,        /* 8 isHeloName */
    type_url_before_re,   /* 9 isTypeUrl */
    service_before_re,    /* 10 isServicePrincipal, the service */
    realm_after_re,       /* 11 isServicePrincipal, the realm */
    encoded_scheme_before_re, /* 12 isEncodedUrlHost */
  };
  if (k < 0 || k >= (int)(sizeof res / sizeof res[0])) return -1;
  return res[k](s, n);
}

/* For the tests: the helpers, each as its TypeScript (booleans as 0/1). */
EXPORT(t_isAfterSpfIp6) int t_isAfterSpfIp6(const u8 *s, int n, int i, int prev) { return is_after_spf_ip6(s, n, i, prev); }
EXPORT(t_endsClause) int t_endsClause(const u8 *s, int n, int k) { return ends_clause(s, n, k); }
EXPORT(t_skipColons) int t_skipColons(const u8 *s, int n, int i, int fail) { return skip_colons(s, n, i, fail); }
/* portAt: -1 for null, else end; start and end are checked by t_portAtStart as well. */
EXPORT(t_portAt) int t_portAt(const u8 *s, int n, int i) {
  Port p;
  return port_at(s, n, i, &p) ? p.end : -1;
}
EXPORT(t_portAtStart) int t_portAtStart(const u8 *s, int n, int i) {
  Port p;
  return port_at(s, n, i, &p) ? p.start : -1;
}
EXPORT(t_isAtHost) int t_isAtHost(const u8 *s, int n, int i, int prev) { return is_at_host(s, n, i, prev); }
EXPORT(t_hasCapitalsOnly) int t_hasCapitalsOnly(const u8 *s, int n, int i, int j, int shape) { return has_capitals_only(s, n, i, j, shape); }
EXPORT(t_followsColonDigit) int t_followsColonDigit(const u8 *s, int n, int i) { return follows_colon_digit(s, n, i); }
EXPORT(t_isVersionOperator) int t_isVersionOperator(const u8 *s, int n, int i) { return is_version_operator(s, n, i); }
EXPORT(t_isProductToken) int t_isProductToken(const u8 *s, int n, int i) { return is_product_token(s, n, i); }
EXPORT(t_isVersionValue) int t_isVersionValue(const u8 *s, int n, int i) { return is_version_value(s, n, i); }
EXPORT(t_dottedProductName) int t_dottedProductName(const u8 *s, int n) { return is_dotted_product_name(s, n); }
EXPORT(t_productLastLabel) int t_productLastLabel(const u8 *s, int n) { return is_product_last_label(s, n); }
EXPORT(t_isReceivedFrom) int t_isReceivedFrom(const u8 *s, int n, int i) { return is_received_from(s, n, i); }
EXPORT(t_isAuthNameAfterPort) int t_isAuthNameAfterPort(const u8 *s, int n, int i) { return is_auth_name_after_port(s, n, i); }
EXPORT(t_isNetmaskAfterAddress) int t_isNetmaskAfterAddress(const u8 *s, int n, int i, int j) { return is_netmask_after_address(s, n, i, j); }
EXPORT(t_isMessageIdToken) int t_isMessageIdToken(const u8 *s, int n, int i) { return is_message_id_token(s, n, i); }
EXPORT(t_isApiGroup) int t_isApiGroup(const u8 *s, int n, int j) { return is_api_group(s, n, j); }
EXPORT(t_isGoPackagePath) int t_isGoPackagePath(const u8 *s, int n, int i, int goLine) { return is_go_package_path(s, n, i, goLine != 0); }
EXPORT(t_isMessageIdLine) int t_isMessageIdLine(const u8 *s, int n) { return is_message_id_line(s, n); }
EXPORT(t_isOracleThin) int t_isOracleThin(const u8 *s, int n, int i) { return is_oracle_thin(s, n, i); }
EXPORT(t_isUncHost) int t_isUncHost(const u8 *s, int n, int i) { return is_unc_host(s, n, i); }
EXPORT(t_ipv4PrefixEnd) int t_ipv4PrefixEnd(const u8 *s, int n, int i) { return ipv4_prefix_end(s, n, i); }
EXPORT(t_isNumberWord) int t_isNumberWord(const u8 *s, int n, int i) { return is_number_word(s, n, i); }
EXPORT(t_prefixLengthEnd) int t_prefixLengthEnd(const u8 *s, int n, int i, int max) { return prefix_length_end(s, n, i, max); }
EXPORT(t_numberEndsAt) int t_numberEndsAt(const u8 *s, int n, int k) { return number_ends_at(s, n, k); }
/* bracketedIpAfter: -1 for null, else end * 2 + (kind is ipv6). */
EXPORT(t_bracketedIpAfter) int t_bracketedIpAfter(const u8 *s, int n, int i) {
  int end = -1;
  int kind = bracketed_ip_after(s, n, i, &end);
  return kind < 0 ? -1 : end * 2 + (kind == KIND_IPV6);
}
EXPORT(t_isLabelKeyPrefix) int t_isLabelKeyPrefix(const u8 *s, int n, int i, int j) { return is_label_key_prefix(s, n, i, j); }
EXPORT(t_hasLetter) int t_hasLetter(const u8 *s, int n, int i, int j) { return has_letter(s, n, i, j); }
EXPORT(t_allDigits) int t_allDigits(const u8 *s, int n, int i, int j) { return all_digits(s, n, i, j); }
EXPORT(t_isPropertyRead) int t_isPropertyRead(const u8 *s, int n, int prev) { return is_property_read(s, n, prev); }
EXPORT(t_isEximMessageId) int t_isEximMessageId(const u8 *s, int n, int i) { return is_exim_message_id(s, n, i); }
EXPORT(t_isHeloName) int t_isHeloName(const u8 *s, int n, int i, int prev, int next) { return is_helo_name(s, n, i, prev, next); }
EXPORT(t_isTypeUrl) int t_isTypeUrl(const u8 *s, int n, int i) { return is_type_url(s, n, i); }
EXPORT(t_isServicePrincipal) int t_isServicePrincipal(const u8 *s, int n, int i, int j) { return is_service_principal(s, n, i, j); }
EXPORT(t_isEncodedUrlHost) int t_isEncodedUrlHost(const u8 *s, int n, int i) { return is_encoded_url_host(s, n, i); }
EXPORT(t_hasInnerUnderscore) int t_hasInnerUnderscore(const u8 *s, int n, int i, int j) { return has_inner_underscore(s, n, i, j); }
EXPORT(t_afterDoubleBrace) int t_afterDoubleBrace(const u8 *s, int n, int i) { return after_double_brace(s, n, i); }
