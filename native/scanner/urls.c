/*
 * urls.ts: `scheme://authority/path` URLs of any scheme, found from their `://`. The URL's extent follows what people
 * mean rather than RFC 3986's character set: it ends at whitespace, quotes and angle brackets, drops sentence
 * punctuation after it, and keeps parentheses only when balanced (`[docs](https://example.com/a_(b))`).
 */
#include "urls.h"
#include "charclass.h"
#include "hostsyntax.h"
#include "ipliterals.h"
#include "urlsTables.h"

/* The URL table of the last find_urls: room for this many spans and hosts per line (past it, -1). */
#define MAX_URLS 8192
#define MAX_HOSTS 16384
static UrlSpan spans[MAX_URLS];
static AuthorityHost hosts[MAX_HOSTS];
static int hostCount;

_Static_assert(sizeof(UrlSpan) == 14 * 4, "UrlSpan is read by the tests as 14 ints");
_Static_assert(sizeof(AuthorityHost) == 8 * 4, "AuthorityHost is read by the tests as 8 ints");

const UrlSpan *url_spans(void) { return spans; }
const AuthorityHost *url_hosts(void) { return hosts; }

/*
 * `s.slice(start, end).toLowerCase()` into w (room for 255 bytes): its length, or -1 when longer (no word of a set
 * is, so `set.has(…)` of it is false).
 */
static int lower_word(u8 *w, const u8 *s, int start, int end) {
  int len = end - start;
  if (len > 255) return -1;
  for (int k = 0; k < len; k++) w[k] = (u8)lower(s[start + k]);
  return len;
}

/*
 * `sed 's#http://old.example/debian#${MIRROR}#g'`: a URL right after `s` and a delimiter ends at the next
 * delimiter. Returns that end when [hostEnd, end) holds one, else -1.
 */
static int sed_delimiter_end(const u8 *s, int n, int start, int hostEnd, int end) {
  if (start < 2 || at(s, n, start - 2) != 's') return -1;
  int d = at(s, n, start - 1);
  if (d != '#' && d != '|' && d != '!' && d != ',' && d != '@') return -1;
  if (start >= 3 && is_scheme(at(s, n, start - 3))) return -1;
  int i = index_of(s, n, d, hostEnd);
  return i >= 0 && i <= end ? i : -1;
}

/* Trailing characters that end a sentence or a list rather than a URL. */
static bool is_trailing_punctuation(int c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '*' || c == '\'';
}

/*
 * The ASCII characters the two loops of findUrls step over with nothing else to check (plainRun's tables, built once
 * from the same predicates). A character a loop treats specially must be left out of its set. A byte from 128 up (a
 * shadow byte) is in neither: 256 entries, so the run's loop needs no test for those.
 */
static u8 authorityPlain[256];
static u8 urlPlain[256];
static bool plainBuilt;

static bool one_of(int c, const char *set) {
  for (int k = 0; set[k] != 0; k++)
    if (c == (u8)set[k]) return true;
  return false;
}

static void build_plain(void) {
  if (plainBuilt) return;
  for (int c = 0; c < 128; c++) {
    /* AUTHORITY_PLAIN: (c) => !endsUrl(c) && !'$<{/?#;%,)]'.includes(String.fromCharCode(c)) */
    authorityPlain[c] = !ends_url(c) && !one_of(c, "$<{/?#;%,)]");
    /* URL_PLAIN: (c) => !endsUrl(c) && !',$#%()[]'.includes(String.fromCharCode(c)) */
    urlPlain[c] = !ends_url(c) && !one_of(c, ",$#%()[]");
  }
  plainBuilt = true;
}

/* The end of the run of `plain` characters at i: the sticky regex `[plain]*` (flag y) from i; i itself past the end. */
static int plain_run_end(const u8 *plain, const u8 *s, int n, int i) {
  if (i >= n) return i; /* a sticky search from past the end fails and resets lastIndex to 0 */
  while (i < n && plain[s[i]]) i++;
  return i;
}

/*
 * Where a URL's literal part ends and a template fills in the rest: `${id}`, `$(cmd)`, `$1`, `$CI_PROJECT_ID`,
 * Ruby's `#{…}`, `{{ … }}`, and a SQL LIKE's trailing `%`; a `%41` escape is URL.
 */
static bool starts_template(const u8 *s, int n, int i) {
  int c = at(s, n, i);
  int c1 = at(s, n, i + 1);
  if (c == '$') return c1 == '{' || c1 == '(' || is_ascii_letter(c1) || is_digit(c1) || c1 == '_';
  if (c == '#') return c1 == '{';
  if (c == '%') return !(is_hex(c1) && is_hex(at(s, n, i + 2)));
  return false;
}

/* The end of `$(NAME)`, `${NAME}`, `{{ name }}`, ERB's `<%= … %>` or `<name>` at i (no whitespace inside but in `{{ }}`), or -1. */
static int skip_placeholder(const u8 *s, int n, int i) {
  int c1 = at(s, n, i + 1);
  if (at(s, n, i) == '$' && (c1 == '(' || c1 == '{')) {
    int close = c1 == '(' ? ')' : '}';
    for (int k = i + 2; k < n && k - i < 128; k++) {
      int c = s[k];
      if (c == close) return k > i + 2 ? k + 1 : -1;
      if (c <= 0x20) return -1;
    }
    return -1;
  }
  if (at(s, n, i) == '{' && c1 == '{') {
    int close = index_of_str(s, n, "}}", i + 2);
    return close > i + 2 && close - i < 128 ? close + 2 : -1;
  }
  if (at(s, n, i) == '<' && c1 == '%') {
    int close = index_of_str(s, n, "%>", i + 2);
    return close > i + 2 && close - i < 128 ? close + 2 : -1;
  }
  if (at(s, n, i) == '<') {
    /* Documentation's `<password>`, `<db-user>`: a word in angle brackets. */
    int k = i + 1;
    while (k < n && k - i <= 64 && is_label(s[k])) k++; /* letters, digits, `-`, `_` */
    return k > i + 1 && at(s, n, k) == '>' ? k + 1 : -1;
  }
  return -1;
}

/* `scheme://` at i: `https://a.example.com,https://b.example.com` is two URLs. */
static bool starts_url(const u8 *s, int n, int i) {
  int k = i;
  while (k < n && k - i < 32 && is_scheme(at(s, n, k))) k++;
  return k > i && is_ascii_letter(at(s, n, i)) && starts_with(s, n, k, "://");
}

static bool has_open_bracket(const u8 *s, int n, int from, int to) {
  for (int k = from; k < to; k++)
    if (at(s, n, k) == '[') return true;
  return false;
}

static bool is_host_continuation(int c) {
  return c == '.' || c == '-' || c == '_' || (c >= 48 && c <= 57) || is_ascii_letter(c);
}

/* parseAuthorityHost's result. */
typedef struct {
  HostText host;
  int kind;
  int portStart; /* -1, -1: null */
  int portEnd;
  int hostEnd;
  int next;
} ParsedHost;

/*
 * The host (and port) of an authority's host part, or false when it is not a host one could resolve: empty
 * (`file:///etc/hosts`), a template (`${HOST}`, `{host}`), or otherwise not a name or an IP literal. In a
 * multi-host authority (`mongodb://a:27017,b:27017/`) the first host is the URL's host.
 */
static bool parse_authority_host(const u8 *s, int n, int start, int end, ParsedHost *out) {
  int hostEnd;
  int kind;
  HostText host;
  if (at(s, n, start) == '[') {
    int v6 = ipv6_end(s, n, start + 1, end);
    if (v6 < 0) return false;
    int z = zone_end(s, n, v6, end);
    if (at(s, n, z) != ']') return false;
    host = (HostText){start + 1, z, -1};
    /* host.startsWith('%25', v6 - start - 1): the zone's `%25` is `%` (the host drops the `25`) */
    if (v6 + 3 <= z && at(s, n, v6) == '%' && at(s, n, v6 + 1) == '2' && at(s, n, v6 + 2) == '5') host.cut = v6 + 1;
    kind = KIND_IPV6;
    hostEnd = z + 1;
  } else {
    int v4 = ipv4_end(s, n, start, end);
    if (v4 > 0 && !is_host_continuation(at(s, n, v4))) {
      hostEnd = v4;
      kind = KIND_IPV4;
    } else {
      hostEnd = host_syntax_end(s, n, start, end, true);
      if (hostEnd < 0) return false;
      kind = KIND_HOSTNAME;
    }
    host = (HostText){start, hostEnd, -1};
    if (kind == KIND_HOSTNAME && hostEnd > start && at(s, n, hostEnd - 1) == '.') host.end--;
  }
  int portStart = -1, portEnd = -1;
  int after = hostEnd;
  if (after < end && at(s, n, after) == ':') {
    int p = after + 1;
    while (p < end && is_digit(at(s, n, p))) p++;
    if (p > after + 1) {
      portStart = after + 1;
      portEnd = p;
    }
    after = p;
  }
  /*
   * What follows must end the authority or start the next host of a multi-host list; anything else
   * (`http://host$x`, `http://host:abc`) means the host is not what we parsed.
   */
  if (after < end && at(s, n, after) != ',') return false;
  *out = (ParsedHost){host, kind, portStart, portEnd, hostEnd, after};
  return true;
}

/*
 * The hosts of a multi-host authority [start, end), each parsed as a URL's host; a segment that is not one ends the
 * list. Appends them to the host table; false when it is full.
 */
static bool authority_hosts(const u8 *s, int n, int start, int end) {
  int i = start;
  while (i < end) {
    int segmentEnd = index_of(s, n, ',', i);
    if (segmentEnd < 0 || segmentEnd > end) segmentEnd = end;
    ParsedHost parsed;
    if (!parse_authority_host(s, n, i, segmentEnd, &parsed)) break;
    bool bracketed = parsed.kind == KIND_IPV6 && at(s, n, i) == '[';
    if (hostCount >= MAX_HOSTS) return false;
    hosts[hostCount++] = (AuthorityHost){bracketed ? i + 1 : i, bracketed ? parsed.hostEnd - 1 : parsed.hostEnd, parsed.host, parsed.kind, parsed.portStart, parsed.portEnd};
    i = segmentEnd + 1;
  }
  return true;
}

/* /^[A-Z][A-Z0-9_]*$/.test(s.slice(start, end)) */
static bool is_capital_word(const u8 *s, int start, int end) {
  if (end <= start || !(s[start] >= 'A' && s[start] <= 'Z')) return false;
  for (int k = start + 1; k < end; k++) {
    int c = s[k];
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

/*
 * `s.indexOf('://', from)` (from >= 0): the search every line pays for, so it looks at eight characters at once for a
 * `:` (base.h's bytes_equal), and checks each candidate (a `:`, then `//`) in order. The last (overlapping) eight
 * characters of the line are read with those before k masked off; a line of fewer than eight characters is read
 * one by one.
 */
static int index_of_scheme_separator(const u8 *s, int n, int from) {
  int k = from;
  if (n < 8) {
    for (; k + 3 <= n; k++)
      if (s[k] == ':' && s[k + 1] == '/' && s[k + 2] == '/') return k;
    return -1;
  }
  while (k + 3 <= n) {
    int base = k + 8 <= n ? k : n - 8;
    uint64_t m = bytes_equal(load8(s + base), ':') & (~0ull << ((k - base) * 8));
    for (; m != 0; m &= m - 1) {
      int p = base + first_byte(m);
      if (s[p] == ':' && p + 3 <= n && s[p + 1] == '/' && s[p + 2] == '/') return p;
    }
    k = base + 8;
  }
  return -1;
}

/* Every URL with a valid host in the line, in order, into the URL table: how many, or -1 past its room. */
int find_urls(const u8 *s, int n) {
  build_plain();
  int count = 0;
  hostCount = 0;
  int from = 0;
  int lastEnd = 0;
  for (;;) {
    int sep = index_of_scheme_separator(s, n, from);
    if (sep < 0) return count;
    from = sep + 3;
    int start = sep;
    while (start > lastEnd && is_scheme(at(s, n, start - 1))) start--;
    int skipped = start;
    while (start < sep && !is_ascii_letter(at(s, n, start))) start++; /* a scheme starts with a letter */
    if (start == sep) continue;
    /* `+https://crawler.example.org/bot` (a User-Agent's contact URL): a `+` before the scheme is not part of it. */
    int portSchemeStart = start;
    int schemeStart = start;
    /* JDBC URLs put a sub-protocol in front: jdbc:postgresql://host/db, jdbc:mysql://... */
    if (start >= 5 && at(s, n, start - 1) == ':' && eq_lower(s, start - 5, 4, "jdbc")) {
      start -= 5;
      schemeStart = start; /* `jdbc:${scheme}`: the line's `jdbc:` lower-cased */
    }
    /* `${API_URL:-http://api:3000}`: a shell default's `-` before the scheme is not part of it either. */
    if (start > 0 && is_scheme(at(s, n, start - 1)) && !(start > skipped && (at(s, n, start - 1) == '+' || at(s, n, start - 1) == '-'))) continue;
    /* The scheme lower-cased once for both sets (NON_HOST_SCHEMES here, WEB_SCHEMES below). */
    u8 scheme[255];
    int schemeLen = lower_word(scheme, s, schemeStart, sep);
    if (schemeLen >= 0 && word_set_has(&NON_HOST_SCHEMES, scheme, schemeLen)) continue;
    /* `jdbc:sqlserver://host\\instance:1433;databaseName=…` is not URL syntax: its host is found as a host. */
    if (eq_lower(s, schemeStart, sep - schemeStart, "jdbc:sqlserver")) continue;

    int authStart = sep + 3;
    /* Web URLs name one host: in `GOPROXY=https://proxy.example,direct` the comma ends the URL, it lists no second host. */
    bool singleHost = schemeLen >= 0 && word_set_has(&WEB_SCHEMES, scheme, schemeLen);
    int authEnd = authStart;
    while ((authEnd = plain_run_end(authorityPlain, s, n, authEnd)) < n) {
      int c = s[authEnd];
      /*
       * A variable in the userinfo (`postgres://app:$(PG_PASS)@db…`, `${USER}:${PASS}@db…`, `svc:<password>@db…`) is
       * skipped whole: the host after the '@' is what counts. One in the host position leaves no host to parse, so no URL.
       */
      int placeholderEnd = c == '$' || c == '{' || c == '<' ? skip_placeholder(s, n, authEnd) : -1;
      if (placeholderEnd > 0) {
        authEnd = placeholderEnd;
        continue;
      }
      if (c == '/' || c == '?' || c == '#' || c == ';' || ends_url(c) || starts_template(s, n, authEnd) || (c == ',' && (singleHost || starts_url(s, n, authEnd + 1))) || c == ')' || (c == ']' && !has_open_bracket(s, n, authStart, authEnd))) break;
      authEnd++;
    }
    /* A sentence's full stop after a URL without a path (`see https://status.example.org.`) is not the host's. */
    if (authEnd > authStart + 1 && at(s, n, authEnd - 1) == '.' && (authEnd == n || ends_url(at(s, n, authEnd)))) authEnd--;
    /*
     * userinfo ends at the last '@' of the authority (passwords may contain ':' but not a bare '@'); the search stops
     * at the authority's start, as the TypeScript's does.
     */
    int atSign = authEnd - 1;
    while (atSign >= authStart && s[atSign] != '@') atSign--;
    int hostStart = atSign >= authStart ? atSign + 1 : authStart;
    ParsedHost parsed;
    if (!parse_authority_host(s, n, hostStart, authEnd, &parsed)) continue;
    /* `https://HOST/`, `http://SERVER:8080`: a capitalised single word in the host's place is a placeholder. */
    if (parsed.kind == KIND_HOSTNAME && index_of(s, parsed.host.end, '.', parsed.host.start) < 0 && is_capital_word(s, parsed.host.start, parsed.host.end) && parsed.host.end - parsed.host.start > 1) continue;
    /* portScheme.startsWith('jdbc:') (it holds scheme characters only, so never: kept as the TypeScript has it) */
    if (sep - portSchemeStart >= 5 && eq_lower(s, portSchemeStart, 5, "jdbc:")) portSchemeStart += 5;

    int end = authEnd;
    int parens = 0;
    int brackets = 0;
    while ((end = plain_run_end(urlPlain, s, n, end)) < n) {
      int c = s[end];
      if (ends_url(c) || (c == ',' && ((singleHost && end == authEnd) || starts_url(s, n, end + 1))) || starts_template(s, n, end)) break;
      if (c == '(') parens++;
      else if (c == ')' && --parens < 0) break;
      else if (c == '[') brackets++;
      else if (c == ']' && --brackets < 0) break;
      end++;
    }
    int sedEnd = sed_delimiter_end(s, n, start, parsed.hostEnd, end);
    if (sedEnd >= 0) end = sedEnd;
    while (end > parsed.hostEnd && is_trailing_punctuation(at(s, n, end - 1))) end--;
    if (count >= MAX_URLS) return -1;
    int hostsFirst = hostCount, hostsCount = -1;
    if (parsed.next < authEnd) {
      if (!authority_hosts(s, n, hostStart, authEnd)) return -1;
      hostsCount = hostCount - hostsFirst;
    }
    spans[count++] = (UrlSpan){start, end, schemeStart, sep, portSchemeStart, sep, parsed.host, parsed.kind, parsed.portStart, parsed.portEnd, hostsFirst, hostsCount};
    from = lastEnd = end;
  }
}

/* For the tests: find_urls on the line; the table is then read from t_urlSpans() (14 ints a span) and t_urlHosts() (8 ints a host). */
EXPORT(t_findUrls) int t_findUrls(const u8 *s, int n) { return find_urls(s, n); }
EXPORT(t_urlSpans) int t_urlSpans(void) { return (int)(uintptr_t)spans; }
EXPORT(t_urlHosts) int t_urlHosts(void) { return (int)(uintptr_t)hosts; }
/* plainRunEnd(k ? URL_PLAIN : AUTHORITY_PLAIN, line, i) */
EXPORT(t_plainRunEnd) int t_plainRunEnd(const u8 *s, int n, int k, int i) {
  build_plain();
  return plain_run_end(k ? urlPlain : authorityPlain, s, n, i);
}
EXPORT(t_startsTemplate) int t_startsTemplate(const u8 *s, int n, int i) { return starts_template(s, n, i); }
EXPORT(t_skipPlaceholder) int t_skipPlaceholder(const u8 *s, int n, int i) { return skip_placeholder(s, n, i); }
EXPORT(t_startsUrl) int t_startsUrl(const u8 *s, int n, int i) { return starts_url(s, n, i); }
EXPORT(t_sedDelimiterEnd) int t_sedDelimiterEnd(const u8 *s, int n, int start, int hostEnd, int end) { return sed_delimiter_end(s, n, start, hostEnd, end); }
/* /^[A-Z][A-Z0-9_]*$/ on the line's [start, end) */
EXPORT(t_isCapitalWord) int t_isCapitalWord(const u8 *s, int n, int start, int end) { return is_capital_word(s, start, end); }
/*
 * parseAuthorityHost(line, start, end): 0 for null, else 1 with the result as 8 ints at t_urlParsed() (host start,
 * end, cut, kind, port start, port end, hostEnd, next).
 */
static int parsedOut[8];
EXPORT(t_urlParsed) int t_urlParsed(void) { return (int)(uintptr_t)parsedOut; }
EXPORT(t_parseAuthorityHost) int t_parseAuthorityHost(const u8 *s, int n, int start, int end) {
  ParsedHost p;
  if (!parse_authority_host(s, n, start, end, &p)) return 0;
  int v[8] = {p.host.start, p.host.end, p.host.cut, p.kind, p.portStart, p.portEnd, p.hostEnd, p.next};
  for (int k = 0; k < 8; k++) parsedOut[k] = v[k];
  return 1;
}
