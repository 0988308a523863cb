/*
 * hostValuedKey.ts: whether the word at a position is the value of a key that names a host: `DB_HOST=db`,
 * `"host": "cache"`, `host: redis`, `dbHost := "pg"`, `--server=kdc`, `'host' => 'mysql'`. Looks back from the value
 * over an opening quote or bracket, the separator and the key's closing quote; it never looks further.
 * `k >= 0 ? s.charCodeAt(k) : -1` is at(s, n, k): past the line's end the TypeScript's NaN and the C's -1 both fail
 * every comparison made here.
 */
#include "hostvaluedkey.h"
#include "charclass.h"
#include "hostValuedKeyTables.h"

static bool is_key_char(int c) {
  return c < 128 && (is_label(c) || c == '.');
}

static bool is_shell_default_of_host_key(const u8 *s, int n, int colon);
static bool is_data_source_key(const u8 *s, int n, int start, int end);

bool is_value_of_host_key(const u8 *s, int n, int valueStart) {
  /* Each character before the value is read once: most words are no value, and leave after a few compares. */
  int k = valueStart - 1;
  int first = k >= 0 ? at(s, n, k) : -1;
  if (first == '-' && k >= 2 && at(s, n, k - 1) == ':') return is_shell_default_of_host_key(s, n, k - 1);
  bool opened = is_quote(first) || first == '[';
  bool backtick = first == '`';
  /*
   * `key:value` with nothing between is placeholder text (`"backend host:port"`), not YAML or JSON — except Spring's
   * default: `${REDIS_HOST:orders-redis}`.
   */
  if (first == ':') return is_shell_default_of_host_key(s, n, k);
  int sep = first;
  if (opened) sep = --k >= 0 ? at(s, n, k) : -1;
  while (is_space(sep)) sep = --k >= 0 ? at(s, n, k) : -1;
  if (k < 0) return false;
  if (sep == '=') {
    k--;
    int before = k >= 0 ? at(s, n, k) : -1;
    if (before == ':') k--; /* Go's := */
    else if (before == '=' || before == '!' || before == '<' || before == '>') return false; /* comparisons */
  } else if (sep == ':') {
    /* `from an app host: \`psql …\``: after a colon in prose, a backtick opens inline code, not a value. */
    if (backtick) return false;
    k--;
    if (k >= 0 && at(s, n, k) == ':') return false;
  } else if (sep == '>' && k > 0 && at(s, n, k - 1) == '=') {
    k -= 2; /* PHP/Ruby 'host' => 'db' */
  } else if ((sep == '?' || sep == '|') && k > 0 && at(s, n, k - 1) == sep && opened) {
    /* A default after `??` or `||`: `process.env.REDIS_HOST ?? 'redis'`, `os.environ["DB_HOST"] || "db"`. */
    k -= 2;
    while (k >= 0 && is_space(at(s, n, k))) k--;
    if (k >= 0 && (at(s, n, k) == ']' || at(s, n, k) == ')')) k--;
    if (k >= 0 && is_quote(at(s, n, k))) k--;
  } else if (sep == ',' && opened) {
    /*
     * The default of an environment lookup: `getenv("CACHE_HOST", "cache")`, `ENV.fetch('DB_HOST', 'db')` — a quoted
     * key as a call's first argument, the quoted default next.
     */
    k--;
    while (k >= 0 && is_space(at(s, n, k))) k--;
    if (k < 0 || !is_quote(at(s, n, k))) return false;
    int keyEnd = k;
    k--;
    while (k >= 0 && keyEnd - k <= 65 && is_key_char(at(s, n, k))) k--;
    if (k < 1 || !is_quote(at(s, n, k)) || at(s, n, k - 1) != '(') return false;
    return keyEnd - (k + 1) >= 2 && is_host_key(s, n, k + 1, keyEnd);
  } else return false;
  while (k >= 0 && is_space(at(s, n, k))) k--;
  if (k >= 0 && is_quote(at(s, n, k))) k--;
  int keyEnd = k + 1;
  while (k >= 0 && keyEnd - k <= 65 && is_key_char(at(s, n, k))) k--;
  int keyStart = k + 1;
  if (keyEnd - keyStart < 2 || keyEnd - keyStart > 64) return false;
  return is_host_key(s, n, keyStart, keyEnd) || is_data_source_key(s, n, keyStart, keyEnd);
}

/* `${REDIS_HOST:-db}` (shell), `${REDIS_HOST:db}` (Spring): a default of a parameter whose name names a host; `colon` is its `:`. */
static bool is_shell_default_of_host_key(const u8 *s, int n, int colon) {
  int k = colon - 1;
  while (k >= 0 && is_key_char(at(s, n, k))) k--;
  if (k < 1 || at(s, n, k) != '{' || at(s, n, k - 1) != '$') return false;
  return colon - (k + 1) >= 2 && is_host_key(s, n, k + 1, colon);
}

/* Whether s[.., end), ASCII letters lower-cased, ends with `suffix` (lower-case, len bytes). */
static bool ends_with_lowered(const u8 *s, int n, int end, const char *suffix, int len) {
  int start = end - len;
  for (int k = 0; k < len; k++)
    if (lower(at(s, n, start + k)) != (u8)suffix[k]) return false;
  return true;
}

/*
 * `host`, `DB_HOST`, `redis.host`, `dbHost`, `upstream-servers`... but not `ghost` or `hostel`. The key is compared
 * only with the suffixes that end with its last letter (SUFFIXES_BY_LAST, generated).
 */
bool is_host_key(const u8 *s, int n, int start, int end) {
  int last = lower(at(s, n, end - 1));
  if (last < 0 || last >= 128 || HOST_KEY_BY_LAST_COUNT[last] == 0) return false; /* SUFFIXES_BY_LAST.get(…) === undefined */
  int from = HOST_KEY_BY_LAST_FIRST[last], to = from + HOST_KEY_BY_LAST_COUNT[last];
  for (int i = from; i < to; i++) {
    int len = HOST_KEY_SUFFIX_LENGTHS[i];
    int b = end - start - len;
    if (b < 0 || !ends_with_lowered(s, n, end, HOST_KEY_SUFFIXES[i], len)) continue;
    if (b == 0) return true;
    int sep = at(s, n, start + b - 1);
    if (sep == '_' || sep == '-' || sep == '.') return true;
    if (is_upper(at(s, n, start + b)) && !is_upper(at(s, n, start + b - 1))) return true; /* camelCase */
  }
  return false;
}

/* ADO.NET's `Data Source=SQLRPT01\\REPORTING;`: the key has a space in it, and its value is the server. */
static bool is_data_source_key(const u8 *s, int n, int start, int end) {
  return end - start == 6 && start >= 5 && end <= n && eq_lower(s, start - 5, 11, "data source");
}

/* For the tests. */
EXPORT(t_isValueOfHostKey) int t_isValueOfHostKey(const u8 *s, int n, int valueStart) { return is_value_of_host_key(s, n, valueStart); }
EXPORT(t_isHostKey) int t_isHostKey(const u8 *s, int n, int start, int end) { return is_host_key(s, n, start, end); }
