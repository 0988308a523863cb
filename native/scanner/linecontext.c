/*
 * What a whole line says about the hosts in it: src/core/scanner/lineContext.ts. Decided once per line from its
 * first words: a directive whose values are hosts (ssh_config `Host`, nginx `server_name`, resolv.conf
 * `nameserver`...), a command whose first argument is a host (`ssh`, `ping`, `dig`...), a hosts-file line, a module
 * line (`import com.example.app.Main;`) or an image reference (`FROM registry:5000/app:1.2`, `image: postgres:16`).
 */
#include "linecontext.h"
#include "charclass.h"
#include "codeheuristics.h"
#include "hostsyntax.h"
#include "ipliterals.h"
#include "lineContextTables.h"

/* KEYWORDS's modes (gen/lineContextTables.ts's order): how a directive's values are hosts. */
enum { MODE_NONE = -1, MODE_ALL = 0, MODE_FIRST, MODE_COMMAND, MODE_NGINX_FIRST, MODE_NGINX_ALL };

/* Regex classes: charclass.h's re_space (`\s`), re_word (`\w`); `\d` is [0-9]; -1 (outside) is none. */
/* The end of a run of `\s` (or of `\S`, non-empty only inside the line) from k. */
static int re_spaces_end(const u8 *s, int n, int k) {
  while (k < n && re_space(s[k])) k++;
  return k;
}
static int re_non_spaces_end(const u8 *s, int n, int k) {
  while (k < n && !re_space(s[k])) k++;
  return k;
}
/* `s.startsWith(word, k)` in any ASCII letter case (the regex's `i`); word is lower-case. */
static bool starts_with_any_case(const u8 *s, int n, int k, const char *word) {
  for (int m = 0; word[m] != 0; m++)
    if (k + m >= n || lower(s[k + m]) != (u8)word[m]) return false;
  return true;
}
static bool is_word_boundary(const u8 *s, int n, int k) {
  return re_word(at(s, n, k - 1)) != re_word(at(s, n, k));
}

static void set_none(LineContext *out) {
  out->strongStart = -1;
  out->strongEnd = -1;
  out->strongKind = 0;
  out->argStart = -1;
  out->moduleLine = false;
  out->imageLine = false;
}

static int skip_spaces(const u8 *s, int n, int i) {
  while (i < n && is_space(s[i])) i++;
  return i;
}

static int word_end(const u8 *s, int n, int i) {
  while (i < n && !is_space(s[i])) i++;
  return i;
}

/* End of the directive/command word at i: letters, digits, '_' and '-' (so `server_name`, `ping6`, `$`). */
static int keyword_end(const u8 *s, int n, int i) {
  int j = i;
  while (j < n && (is_label(s[j]) && s[j] < 128)) j++;
  return j == i && j < n && !is_space(s[j]) ? j + 1 : j;
}

/*
 * A pg_hba.conf record: `host[ssl|nossl|gssenc|nogssenc] DATABASE USER ADDRESS [MASK] METHOD [OPTIONS]`.
 * PG_HBA_LINE = /^\s*host(?:ssl|nossl|gssenc|nogssenc)?\s+\S+\s+\S+\s+\S+\s+(?:\S+\s+)?(?:trust|reject|scram-sha-256|md5|password|gss|sspi|ident|peer|ldap|radius|cert|pam|bsd)\b/i
 * Each `\S+` is a whole word (a shorter one leaves a `\S` where `\s` must follow), none of the suffixes starts
 * another, and the optional MASK word is tried first.
 */
static bool pg_hba_method_at(const u8 *s, int n, int k) {
  static const char *const METHODS[] = {"trust", "reject", "scram-sha-256", "md5", "password", "gss", "sspi", "ident", "peer", "ldap", "radius", "cert", "pam", "bsd"};
  for (unsigned m = 0; m < sizeof METHODS / sizeof METHODS[0]; m++)
    if (starts_with_any_case(s, n, k, METHODS[m]) && is_word_boundary(s, n, k + strlen_c(METHODS[m]))) return true;
  return false;
}
static bool pg_hba_line(const u8 *s, int n) {
  static const char *const SUFFIXES[] = {"ssl", "nossl", "gssenc", "nogssenc"};
  int k = re_spaces_end(s, n, 0);
  if (!starts_with_any_case(s, n, k, "host")) return false;
  k += 4;
  for (unsigned m = 0; m < sizeof SUFFIXES / sizeof SUFFIXES[0]; m++) {
    if (starts_with_any_case(s, n, k, SUFFIXES[m])) {
      k += strlen_c(SUFFIXES[m]);
      break;
    }
  }
  for (int w = 0; w < 3; w++) { /* \s+\S+ three times */
    int e = re_spaces_end(s, n, k);
    if (e == k) return false;
    k = re_non_spaces_end(s, n, e);
    if (k == e) return false;
  }
  int e = re_spaces_end(s, n, k); /* \s+ */
  if (e == k) return false;
  k = e;
  int w = re_non_spaces_end(s, n, k); /* (?:\S+\s+)? first */
  if (w > k) {
    int v = re_spaces_end(s, n, w);
    if (v > w && pg_hba_method_at(s, n, v)) return true;
  }
  return pg_hba_method_at(s, n, k);
}

/*
 * A syslog line's host field (`Jan  5 08:00:01 app02 cron[812]: …`, RFC 3164; or RFC 5424/ISO timestamps,
 * `2024-01-05T08:00:01+00:00 app02 sshd[812]: …`): the word after the timestamp, when a `program[pid]:` or
 * `program:` follows it. The length of the match (timestamp and space), or -1.
 * SYSLOG_HOST = /^(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)) (?=[^\s:]+ [\w./-]+(?:\[\d+\])?: )/
 * No backtracking changes the answer: each run ends where the next part cannot start.
 */
static bool matches_shape(const u8 *s, int n, int k, const char *shape) {
  /* shape: 'd' a digit, 'a' a lower-case letter, '_' a space or a digit ([ \d]), anything else itself */
  for (int m = 0; shape[m] != 0; m++) {
    int c = at(s, n, k + m);
    bool ok = shape[m] == 'd' ? is_digit(c) : shape[m] == 'a' ? (c >= 'a' && c <= 'z') : shape[m] == '_' ? (c == ' ' || is_digit(c)) : c == (u8)shape[m];
    if (!ok) return false;
  }
  return true;
}
static int syslog_host(const u8 *s, int n) {
  int k;
  int c0 = at(s, n, 0);
  if (c0 >= 'A' && c0 <= 'Z') {
    /* [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d ('_' is [ \d]) */
    if (!matches_shape(s, n, 1, "aa _d dd:dd:dd")) return -1;
    k = 15;
  } else {
    /* \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d) */
    if (!matches_shape(s, n, 0, "dddd-dd-ddTdd:dd:dd")) return -1;
    k = 19;
    if (at(s, n, k) == '.' && is_digit(at(s, n, k + 1))) {
      k += 2;
      while (is_digit(at(s, n, k))) k++;
    }
    int c = at(s, n, k);
    if (c == 'Z') {
      k++;
    } else if (c == '+' || c == '-') {
      if (!matches_shape(s, n, k + 1, "dd")) return -1;
      k += 3;
      if (at(s, n, k) == ':') k++;
      if (!matches_shape(s, n, k, "dd")) return -1;
      k += 2;
    } else {
      return -1;
    }
  }
  if (at(s, n, k) != ' ') return -1;
  k++;
  /* (?=[^\s:]+ [\w./-]+(?:\[\d+\])?: ) */
  int j = k;
  while (j < n && !re_space(s[j]) && s[j] != ':') j++;
  if (j == k || at(s, n, j) != ' ') return -1;
  j++;
  int m = j;
  while (m < n && (re_word(s[m]) || s[m] == '.' || s[m] == '/' || s[m] == '-')) m++;
  if (m == j) return -1;
  if (at(s, n, m) == '[') {
    int p = m + 1;
    while (is_digit(at(s, n, p))) p++;
    if (p > m + 1 && at(s, n, p) == ']') m = p + 1;
  }
  return at(s, n, m) == ':' && at(s, n, m + 1) == ' ' ? k : -1;
}

/*
 * An Ansible inventory host line: `node3 ansible_host=10.0.0.3 ansible_user=deploy`.
 * INVENTORY_HOST = /^[^\s=#;[]+\s+ansible_(?:ssh_)?(?:host|port|user|connection)=/
 */
static bool inventory_key_at(const u8 *s, int n, int k) {
  static const char *const KEYS[] = {"host", "port", "user", "connection"};
  for (unsigned m = 0; m < sizeof KEYS / sizeof KEYS[0]; m++)
    if (starts_with(s, n, k, KEYS[m]) && at(s, n, k + strlen_c(KEYS[m])) == '=') return true;
  return false;
}
/*
 * The characters that end INVENTORY_HOST's first word `[^\s=#;[]+`: ASCII `\s` and `=#;` (all below 64: a bit mask),
 * `[`, and the non-ASCII `\s` (shadow bytes).
 */
#define INVENTORY_STOP_BELOW_64 ((1ull << '\t') | (1ull << '\n') | (1ull << '\v') | (1ull << '\f') | (1ull << '\r') | (1ull << ' ') | (1ull << '=') | (1ull << '#') | (1ull << ';'))
static inline bool inventory_stop(int c) {
  return c < 64 ? (INVENTORY_STOP_BELOW_64 >> c) & 1 : c == '[' || (c >= 128 && re_space(c));
}
/* INVENTORY_HOST after its first word `[^\s=#;[]+`, which ends at k (k > 0). */
static bool inventory_host_after_word(const u8 *s, int n, int k) {
  int e = re_spaces_end(s, n, k);
  if (e == k || !starts_with(s, n, e, "ansible_")) return false;
  k = e + 8;
  if (starts_with(s, n, k, "ssh_") && inventory_key_at(s, n, k + 4)) return true;
  return inventory_key_at(s, n, k);
}
static bool inventory_host(const u8 *s, int n) {
  int k = 0;
  while (k < n && !inventory_stop(s[k])) k++;
  return k > 0 && inventory_host_after_word(s, n, k);
}

/* What a syslog line starts with, checked before SYSLOG_HOST: `Jan ` or `2024-`. SYSLOG_START = /^(?:[A-Z][^]{2} |[0-9][^]{3}-)/ */
static bool syslog_start(const u8 *s, int n) {
  int c0 = at(s, n, 0);
  return (c0 >= 'A' && c0 <= 'Z' && at(s, n, 3) == ' ') || (is_digit(c0) && at(s, n, 4) == '-');
}

/*
 * What hostsFileLine needs first: a word of address characters (and a `%zone`) after spaces, then a space.
 * HOSTS_FILE_START = /^[ \t]*[0-9A-Fa-f:][0-9A-Fa-f:.]*(?:%[^ \t]*)?[ \t]/
 */
static bool hosts_file_start_at(const u8 *s, int n, int k) { /* k: the end of the leading [ \t]* */
  int c = at(s, n, k);
  if (!(is_hex(c) || c == ':')) return false;
  k++;
  for (c = at(s, n, k); is_hex(c) || c == ':' || c == '.'; c = at(s, n, ++k)) {
  }
  if (c == '%') {
    k++;
    while (k < n && !is_space(s[k])) k++;
  }
  return is_space(at(s, n, k));
}
static bool hosts_file_start(const u8 *s, int n) {
  return hosts_file_start_at(s, n, skip_spaces(s, n, 0));
}

/*
 * One of FIRST_WORDS in any case, as keywordEnd reads a first word: a run of ASCII label characters (so the word must
 * end there), or a single other character.
 * FIRST_WORD = /^[ \t]*(?:(?:[hH][oO][sS][tT]|…)(?![A-Za-z0-9_-])|\$|\#|\>|\%)/ (FIRST_WORDS, the generator checks
 * that every longer word is made of [A-Za-z0-9_-], so the run of those at the start is the word or no word).
 */
static bool first_word(const u8 *s, int n) {
  int k = skip_spaces(s, n, 0);
  int j = k;
  while (j < n && is_label(s[j])) j++;
  if (j > k && j - k <= FIRST_WORDS_MAX_LEN) {
    u8 w[FIRST_WORDS_MAX_LEN];
    for (int m = k; m < j; m++) w[m - k] = (u8)lower(s[m]);
    if (word_set_has(&FIRST_WORDS_ANY_CASE, w, j - k)) return true;
  }
  int c = at(s, n, k);
  if (c < 0) return false;
  for (const char *p = FIRST_WORD_CHARS; *p != 0; p++)
    if (lower(c) == (u8)*p) return true;
  return false;
}

/*
 * Whether a line can have a context: the first checks of every way lineContext finds one.
 * MAY_HAVE_CONTEXT = /^(?:HOSTS_FILE_START|SYSLOG_START|INVENTORY_HOST|FIRST_WORD)/ (their sources without `^`)
 * Every line pays for it and most have no context, so the four alternatives share one look at the line's start
 * (the regex is their `||`, in any order), and each is tried only where its first character allows it:
 * - all four need a character other than [ \t] at k, the end of the leading [ \t]* (SYSLOG_START and INVENTORY_HOST
 *   start at 0 with a character that is not one: k is then 0);
 * - HOSTS_FILE_START needs [0-9A-Fa-f:] at k;
 * - SYSLOG_START looks at s[0], s[3] and s[4] only;
 * - FIRST_WORD's multi-character words (all [a-z0-9_-], the generator checks) are the whole run of label characters
 *   at k: FIRST_WORD_LENGTHS[c] has the lengths of the words starting with c in either case, and only a run of such a
 *   length is looked up (as first_word does); its single characters are FIRST_WORD_CHAR[c];
 * - INVENTORY_HOST's first word [^\s=#;[]+ starts at 0 and takes in the run of label characters (none is \s, =, #, ;
 *   or [), so it goes on from that run's end. It needs a space after that word, then `ansible_`.
 */
static bool may_have_context(const u8 *s, int n) {
  int k = skip_spaces(s, n, 0);
  if (k >= n) return false;
  int c = s[k];
  if ((is_hex(c) || c == ':') && hosts_file_start_at(s, n, k)) return true;
  if (k == 0 && syslog_start(s, n)) return true;
  int j = k;
  if (c < 128 && FIRST_WORD_LENGTHS[c] != 0) {
    while (j < n && is_label(s[j])) j++;
    int len = j - k;
    if (len <= FIRST_WORDS_MAX_LEN && ((FIRST_WORD_LENGTHS[c] >> len) & 1)) {
      u8 w[FIRST_WORDS_MAX_LEN];
      for (int m = k; m < j; m++) w[m - k] = (u8)lower(s[m]);
      if (word_set_has(&FIRST_WORDS_ANY_CASE, w, len)) return true;
    }
  }
  if (c < 128 && FIRST_WORD_CHAR[c]) return true;
  if (k != 0) return false;
  while (j < n && !inventory_stop(s[j])) j++;
  return j > 0 && j + 1 < n && re_space(s[j]) && inventory_host_after_word(s, n, j);
}

/* HAProxy's `nameserver ID ADDRESS:PORT`: /^\s*nameserver\s+\S+\s+\S/i */
static bool nameserver_two_values(const u8 *s, int n) {
  int k = re_spaces_end(s, n, 0);
  if (!starts_with_any_case(s, n, k, "nameserver")) return false;
  k += 10;
  int e = re_spaces_end(s, n, k);
  if (e == k) return false;
  k = re_non_spaces_end(s, n, e);
  if (k == e) return false;
  e = re_spaces_end(s, n, k);
  return e > k && e < n;
}
/* resolv.conf's `nameserver ADDRESS`: /^\s*nameserver\s+[\d.:[]/i */
static bool nameserver_address(const u8 *s, int n) {
  int k = re_spaces_end(s, n, 0);
  if (!starts_with_any_case(s, n, k, "nameserver")) return false;
  k += 10;
  int e = re_spaces_end(s, n, k);
  if (e == k) return false;
  int c = at(s, n, e);
  return is_digit(c) || c == '.' || c == ':' || c == '[';
}

/*
 * Whether the value [start, end) is code: /[(){}=]/.test(s.slice(start, end).replace(/\b[a-z_]+=\S*\/g, '')).
 * The replace steps over the slice left to right: where `\b[a-z_]+=\S*` matches (a boundary inside the slice, whose
 * ends count as non-word characters; the whole run of [a-z_], then `=`, then the run of `\S`) it removes the match
 * and goes on after it; every character it keeps is tested.
 */
static bool value_has_code(const u8 *s, int n, int start, int end) {
  if (start < 0) start = 0; /* slice's bounds */
  if (end > n) end = n;
  int p = start;
  while (p < end) {
    int prev = p > start ? s[p - 1] : -1;
    int c = s[p];
    if (((c >= 'a' && c <= 'z') || c == '_') && !re_word(prev)) {
      int r = p;
      while (r < end && ((s[r] >= 'a' && s[r] <= 'z') || s[r] == '_')) r++;
      if (r < end && s[r] == '=') {
        r++;
        while (r < end && !re_space(s[r])) r++;
        p = r;
        continue;
      }
    }
    if (c == '(' || c == ')' || c == '{' || c == '}' || c == '=') return true;
    p++;
  }
  return false;
}

/* /^\S+\.$/.test(s.slice(start, end)): two or more characters, none a space, the last a dot. */
static bool dotted_word(const u8 *s, int n, int start, int end) {
  if (start < 0) start = 0;
  if (end > n) end = n;
  if (end - start < 2 || s[end - 1] != '.') return false;
  for (int k = start; k < end; k++)
    if (re_space(s[k])) return false;
  return true;
}

static int trim_end_index(const u8 *s, int n, int end) {
  while (end > 0 && is_space(at(s, n, end - 1))) end--;
  return end;
}

/*
 * Where an option word [i, wEnd) really ends: `--header="Authorization: Bearer $TOKEN"` goes on to its closing
 * quote (the words inside are the option's value, not the command's argument).
 */
static int quoted_value_end(const u8 *s, int n, int i, int wEnd) {
  int eq = i;
  while (eq < wEnd - 1 && s[eq] != '=') eq++;
  if (eq >= wEnd - 1) return wEnd;
  int q = s[eq + 1];
  if (q != '"' && q != '\'') return wEnd;
  int close = index_of(s, n, q == '"' ? '"' : '\'', eq + 2);
  return close < wEnd ? wEnd : close + 1;
}

/* COMMAND_OPTIONS_WITH_VALUE[command], or 0. */
static const WordSet *command_options(const u8 *command, int len) {
  for (int k = 0; k < COMMAND_OPTIONS_COUNT; k++)
    if (eq_exact(command, 0, len, COMMAND_OPTIONS_WITH_VALUE[k].command)) return COMMAND_OPTIONS_WITH_VALUE[k].options;
  return 0;
}

/* The first argument of a command that is not an option, an option's value, or getent's database name. */
static int first_command_argument(const u8 *s, int n, int i, int end, const u8 *command, int commandLen) {
  while (i < end) {
    int wEnd = word_end(s, n, i);
    int c = s[i];
    if (c == '-' || c == '+') {
      int opt = i;
      i = skip_spaces(s, n, quoted_value_end(s, n, i, wEnd));
      const WordSet *own = command_options(command, commandLen);
      if (word_set_has(&OPTIONS_WITH_VALUE, s + opt, wEnd - opt) || (own != 0 && word_set_has(own, s + opt, wEnd - opt))) i = skip_spaces(s, n, word_end(s, n, i));
      continue;
    }
    if (c == '@') return i + 1; /* dig @server */
    /* scp/rsync sources are local paths (`build/site.tar.gz`); the host comes with `user@host:` later. */
    int slash = index_of(s, n, '/', i);
    if (slash >= 0 && slash < wEnd && last_index_of(s, n, '@', slash) < i && last_index_of(s, n, ':', slash) < i) {
      i = skip_spaces(s, n, wEnd);
      continue;
    }
    /* scp/rsync/sftp name a remote side as `host:path` or `user@host:…`; a word without `:` is a local file. */
    if ((eq_exact(command, 0, commandLen, "scp") || eq_exact(command, 0, commandLen, "rsync")) && index_of(s, wEnd, ':', i) < 0) {
      i = skip_spaces(s, n, wEnd);
      continue;
    }
    if (eq_exact(command, 0, commandLen, "getent") && word_set_has(&GETENT_DATABASES, s + i, wEnd - i)) {
      i = skip_spaces(s, n, wEnd);
      continue;
    }
    return i;
  }
  return -1;
}

/*
 * `IP name [aliases...] [# comment]`: the names of a hosts-file line. Every word after the address must be a host
 * name, which tells hosts files from log lines that also start with an address (`203.0.113.9 - - [10/Oct/...`).
 * True (and out set) for a hosts-file line.
 */
static bool hosts_file_line(const u8 *s, int n, int i, LineContext *out) {
  int c = at(s, n, i);
  if (!(c >= 48 && c <= 57) && !(c >= 97 && c <= 102) && !(c >= 65 && c <= 70) && c != ':') return false;
  int ipEnd = ipv4_end(s, n, i, n);
  if (ipEnd < 0) {
    ipEnd = ipv6_end(s, n, i, n);
    if (ipEnd < 0) return false;
    ipEnd = zone_end(s, n, ipEnd, n);
  }
  if (ipEnd >= n || !is_space(s[ipEnd])) return false;
  int comment = index_of(s, n, '#', ipEnd);
  int end = comment < 0 ? n : comment;
  int names = 0;
  for (int k = skip_spaces(s, n, ipEnd); k < end; k = skip_spaces(s, n, k)) {
    int e = word_end(s, n, k);
    int wEnd = e < end ? e : end;
    if (host_syntax_end(s, n, k, wEnd, true) != wEnd) return false;
    names++;
    k = wEnd;
  }
  if (names == 0) return false;
  out->strongStart = ipEnd;
  out->strongEnd = end;
  out->strongKind = 1;
  return true;
}

/*
 * KEYWORDS.get(w) as a mode (each key has one, so the sets can be asked in any order). A set is asked only when one
 * of its keys starts with w's first character and has w's length (KEYWORD_LENGTHS, generated from KEYWORDS).
 */
static int keyword_mode(const u8 *w, int len) {
  if (len <= 0 || len > KEYWORDS_MAX_LEN || w[0] >= 128) return MODE_NONE;
  static const WordSet *const SETS[] = {&KEYWORDS_ALL, &KEYWORDS_FIRST, &KEYWORDS_COMMAND, &KEYWORDS_NGINX_FIRST, &KEYWORDS_NGINX_ALL};
  _Static_assert(sizeof SETS / sizeof SETS[0] == sizeof KEYWORD_LENGTHS / sizeof KEYWORD_LENGTHS[0], "one length table a mode");
  for (int mode = MODE_ALL; mode <= MODE_NGINX_ALL; mode++)
    if (((KEYWORD_LENGTHS[mode][w[0]] >> len) & 1) && word_set_has(SETS[mode], w, len)) return mode;
  return MODE_NONE;
}

void analyze_line(const u8 *s, int n, LineContext *out) {
  if (may_have_context(s, n)) line_context(s, n, out);
  else set_none(out);
}

/* analyzeLine without its quick test, every check in order. */
void line_context(const u8 *s, int n, LineContext *out) {
  set_none(out);
  int i = skip_spaces(s, n, 0);
  if (i >= n) return;
  if (hosts_file_line(s, n, i, out)) return;
  if (syslog_start(s, n)) {
    int syslog = syslog_host(s, n);
    if (syslog >= 0) {
      out->argStart = syslog;
      return;
    }
  }
  if (i == 0 && inventory_host(s, n) && index_of_str(s, n, " ansible_", 0) >= 0) {
    out->argStart = 0;
    return;
  }

  int end = keyword_end(s, n, i);
  /* No directive, command or prompt is longer than 12 characters: most code lines stop here. */
  if (end - i > 12) return;
  /* Skip prompts and wrappers (`$ sudo ssh host`), at most a few. */
  for (int k = 0; k < 3 && word_set_has(&COMMAND_PREFIXES, s + i, end - i) && end < n && is_space(s[end]); k++) {
    i = skip_spaces(s, n, end);
    end = keyword_end(s, n, i);
  }
  int len = end - i;
  int after = at(s, n, end);
  if (eq_exact(s, i, len, FROM_WORD) && is_space(after)) {
    out->imageLine = true;
    return;
  }
  if (eq_lower(s, i, len, IMAGE_KEY) && after == ':') {
    out->imageLine = true;
    return;
  }
  bool isLower = true; /* word === lower */
  for (int k = i; k < end; k++)
    if (s[k] >= 'A' && s[k] <= 'Z') isLower = false;
  if (isLower && is_module_line_word(s + i, len) && is_space(after)) {
    out->moduleLine = true;
    return;
  }

  /* KEYWORDS.get(lower): no key is longer than KEYWORDS_MAX_LEN. */
  u8 lw[KEYWORDS_MAX_LEN];
  int mode = MODE_NONE;
  if (len <= KEYWORDS_MAX_LEN) {
    for (int k = 0; k < len; k++) lw[k] = (u8)lower(s[i + k]);
    mode = keyword_mode(lw, len);
  }
  if (mode == MODE_NONE || !(is_space(after) || (after == '=' && mode != MODE_COMMAND))) return;
  /* PostgreSQL's pg_hba.conf `host DATABASE USER ADDRESS METHOD` is not ssh_config's `Host`: its address is found
   * on its own; the database, user and method are not hosts. */
  if (eq_exact(lw, 0, len, "host") && pg_hba_line(s, n)) return;
  /* HAProxy's `nameserver ID ADDRESS:PORT` (resolvers section) names its server with an id first; resolv.conf's
   * `nameserver ADDRESS` has one value. */
  if (eq_exact(lw, 0, len, "nameserver") && nameserver_two_values(s, n) && !nameserver_address(s, n)) return;
  int valueStart = skip_spaces(s, n, end + 1);
  if (valueStart >= n) return;
  int comment = index_of(s, n, '#', valueStart);
  int valueEnd = comment < 0 ? n : comment;
  int trimmedEnd = trim_end_index(s, n, valueEnd);
  /* A directive's value starts with a name, an address or a pattern; `host = ...`, `host := f(x)` and
   * `server.listen(...)` are code that happens to start with the keyword. */
  int first = s[valueStart];
  if (mode != MODE_COMMAND && !(is_label(first) || first == '[' || first == '*' || first == ':' || first == '"')) return;
  if ((mode == MODE_ALL || mode == MODE_NGINX_ALL) && value_has_code(s, n, valueStart, trimmedEnd)) return;
  if (mode == MODE_NGINX_ALL) {
    if (at(s, n, trimmedEnd - 1) == ';') {
      out->strongStart = valueStart;
      out->strongEnd = valueEnd;
    }
    return;
  }
  if (mode == MODE_ALL) {
    /* Prose that happens to start with "Host" ("Host names are case-insensitive.") is not a directive. */
    if (at(s, n, trimmedEnd - 1) == '.' && !dotted_word(s, n, valueStart, trimmedEnd)) return;
    out->strongStart = valueStart;
    out->strongEnd = valueEnd;
    return;
  }
  if (mode == MODE_FIRST) {
    out->argStart = valueStart;
    return;
  }
  if (mode == MODE_NGINX_FIRST) {
    if (at(s, n, trimmedEnd - 1) == ';') out->argStart = valueStart;
    return;
  }
  out->argStart = first_command_argument(s, n, valueStart, valueEnd, lw, len);
}

/* For the tests. */

/* analyzeLine (full != 0: lineContext) as 6 ints: strongStart, strongEnd, strongKind, argStart, moduleLine, imageLine. */
EXPORT(t_lineContext) int *t_lineContext(const u8 *s, int n, int full) {
  static int r[6];
  LineContext c;
  if (full) line_context(s, n, &c);
  else analyze_line(s, n, &c);
  r[0] = c.strongStart;
  r[1] = c.strongEnd;
  r[2] = c.strongKind;
  r[3] = c.argStart;
  r[4] = c.moduleLine;
  r[5] = c.imageLine;
  return r;
}

/* Each regex's matcher on the whole line, by number: SYSLOG_HOST gives its match's length or -1, the others 0 or 1. */
EXPORT(t_lineContextRegex) int t_lineContextRegex(const u8 *s, int n, int k) {
  switch (k) {
  case 0: return pg_hba_line(s, n);
  case 1: return syslog_host(s, n);
  case 2: return inventory_host(s, n);
  case 3: return syslog_start(s, n);
  case 4: return hosts_file_start(s, n);
  case 5: return first_word(s, n);
  case 6: return may_have_context(s, n);
  case 7: return nameserver_two_values(s, n);
  case 8: return nameserver_address(s, n);
  default: return -2;
  }
}

/* The two regexes on a value s.slice(start, end): 0 value_has_code, 1 dotted_word. */
EXPORT(t_lineContextValue) int t_lineContextValue(const u8 *s, int n, int k, int start, int end) {
  return k == 0 ? value_has_code(s, n, start, end) : dotted_word(s, n, start, end);
}

/*
 * The generated sets on the whole line: 0 COMMAND_PREFIXES, 1 OPTIONS_WITH_VALUE, 2 GETENT_DATABASES, 3 KEYWORDS's
 * mode (-1 none), 4 + k COMMAND_OPTIONS_WITH_VALUE's k-th command's set (-1 past the last).
 */
EXPORT(t_lineContextSet) int t_lineContextSet(const u8 *s, int n, int k) {
  if (k == 0) return word_set_has(&COMMAND_PREFIXES, s, n);
  if (k == 1) return word_set_has(&OPTIONS_WITH_VALUE, s, n);
  if (k == 2) return word_set_has(&GETENT_DATABASES, s, n);
  if (k == 3) return keyword_mode(s, n);
  if (k - 4 < COMMAND_OPTIONS_COUNT) return word_set_has(COMMAND_OPTIONS_WITH_VALUE[k - 4].options, s, n);
  return -1;
}

/* The name of COMMAND_OPTIONS_WITH_VALUE's k-th command, copied to the start of the line buffer s; its length or -1. */
EXPORT(t_commandOptionsName) int t_commandOptionsName(u8 *s, int n, int k) {
  if (k < 0 || k >= COMMAND_OPTIONS_COUNT) return -1;
  const char *name = COMMAND_OPTIONS_WITH_VALUE[k].command;
  int len = strlen_c(name);
  if (len > n) return -1;
  for (int m = 0; m < len; m++) s[m] = (u8)name[m];
  return len;
}
