/**
 * Whether the word at a position is the value of a key that names a host: `DB_HOST=db`, `"host": "cache"`,
 * `host: redis`, `dbHost := "pg"`, `--server=kdc`, `'host' => 'mysql'`. Looks back from the value over an opening
 * quote or bracket, the separator and the key's closing quote; it never looks further, so its cost is a few
 * characters per candidate.
 */
import { CH, isLabelChar, isQuote, isSpaceChar, isUpperChar, toLowerAscii } from './charClass';
import { HOST_KEY_SUFFIXES } from './codeHeuristics';

function isKeyChar(c: number): boolean {
  return c < 128 && (isLabelChar(c) || c === CH.DOT);
}

export function isValueOfHostKey(s: string, valueStart: number): boolean {
  // Each character before the value is read once: most words are no value, and leave after a few compares.
  let k = valueStart - 1;
  const first = k >= 0 ? s.charCodeAt(k) : -1;
  if (first === CH.MINUS && k >= 2 && s.charCodeAt(k - 1) === CH.COLON) return isShellDefaultOfHostKey(s, k - 1);
  const opened = isQuote(first) || first === CH.LBRACKET;
  const backtick = first === CH.BACKTICK;
  // `key:value` with nothing between is placeholder text (`"backend host:port"`), not YAML or JSON — except Spring's
  // default: `${REDIS_HOST:orders-redis}`.
  if (first === CH.COLON) return isShellDefaultOfHostKey(s, k);
  let sep = first;
  if (opened) sep = --k >= 0 ? s.charCodeAt(k) : -1;
  while (isSpaceChar(sep)) sep = --k >= 0 ? s.charCodeAt(k) : -1;
  if (k < 0) return false;
  if (sep === CH.EQ) {
    k--;
    const before = k >= 0 ? s.charCodeAt(k) : -1;
    if (before === CH.COLON) k--; // Go's :=
    else if (before === CH.EQ || before === CH.BANG || before === CH.LT || before === CH.GT) return false; // comparisons
  } else if (sep === CH.COLON) {
    // `from an app host: \`psql …\``: after a colon in prose, a backtick opens inline code, not a value.
    if (backtick) return false;
    k--;
    if (k >= 0 && s.charCodeAt(k) === CH.COLON) return false;
  } else if (sep === CH.GT && k > 0 && s.charCodeAt(k - 1) === CH.EQ) {
    k -= 2; // PHP/Ruby 'host' => 'db'
  } else if ((sep === CH.QUESTION || sep === CH.PIPE) && k > 0 && s.charCodeAt(k - 1) === sep && opened) {
    // A default after `??` or `||`: `process.env.REDIS_HOST ?? 'redis'`, `os.environ["DB_HOST"] || "db"`.
    k -= 2;
    while (k >= 0 && isSpaceChar(s.charCodeAt(k))) k--;
    if (k >= 0 && (s.charCodeAt(k) === CH.RBRACKET || s.charCodeAt(k) === CH.RPAREN)) k--;
    if (k >= 0 && isQuote(s.charCodeAt(k))) k--;
  } else if (sep === CH.COMMA && opened) {
    // The default of an environment lookup: `getenv("CACHE_HOST", "cache")`, `ENV.fetch('DB_HOST', 'db')`,
    // `os.environ.get("REDIS_HOST", "redis")` — a quoted key as a call's first argument, the quoted default next.
    k--;
    while (k >= 0 && isSpaceChar(s.charCodeAt(k))) k--;
    if (k < 0 || !isQuote(s.charCodeAt(k))) return false;
    const keyEnd = k;
    k--;
    while (k >= 0 && keyEnd - k <= 65 && isKeyChar(s.charCodeAt(k))) k--;
    if (k < 1 || !isQuote(s.charCodeAt(k)) || s.charCodeAt(k - 1) !== CH.LPAREN) return false;
    return keyEnd - (k + 1) >= 2 && isHostKey(s, k + 1, keyEnd);
  } else return false;
  while (k >= 0 && isSpaceChar(s.charCodeAt(k))) k--;
  if (k >= 0 && isQuote(s.charCodeAt(k))) k--;
  const keyEnd = k + 1;
  while (k >= 0 && keyEnd - k <= 65 && isKeyChar(s.charCodeAt(k))) k--;
  const keyStart = k + 1;
  if (keyEnd - keyStart < 2 || keyEnd - keyStart > 64) return false;
  return isHostKey(s, keyStart, keyEnd) || isDataSourceKey(s, keyStart, keyEnd);
}

/** `${REDIS_HOST:-db}` (shell), `${REDIS_HOST:db}` (Spring): a default of a parameter whose name names a host; `colon` is its `:`. */
function isShellDefaultOfHostKey(s: string, colon: number): boolean {
  let k = colon - 1;
  while (k >= 0 && isKeyChar(s.charCodeAt(k))) k--;
  if (k < 1 || s.charCodeAt(k) !== CH.LBRACE || s.charCodeAt(k - 1) !== CH.DOLLAR) return false;
  return colon - (k + 1) >= 2 && isHostKey(s, k + 1, colon);
}

/** HOST_KEY_SUFFIXES by their last letter, so that a key is compared only with the suffixes it could end with. */
const SUFFIXES_BY_LAST = new Map<number, string[]>();
for (const suffix of HOST_KEY_SUFFIXES) {
  const last = suffix.charCodeAt(suffix.length - 1);
  SUFFIXES_BY_LAST.set(last, [...(SUFFIXES_BY_LAST.get(last) ?? []), suffix]);
}

/**
 * `host`, `DB_HOST`, `redis.host`, `dbHost`, `upstream-servers`... but not `ghost` or `hostel`. The key is ASCII
 * (isKeyChar), so it is lower-cased character by character where it stands: most values' keys are no host keys.
 */
export function isHostKey(s: string, start: number, end: number): boolean {
  const suffixes = SUFFIXES_BY_LAST.get(toLowerAscii(s.charCodeAt(end - 1)));
  if (suffixes === undefined) return false;
  for (const suffix of suffixes) {
    const b = end - start - suffix.length;
    if (b < 0 || !endsWithLowered(s, end, suffix)) continue;
    if (b === 0) return true;
    const sep = s.charCodeAt(start + b - 1);
    if (sep === CH.UNDERSCORE || sep === CH.MINUS || sep === CH.DOT) return true;
    if (isUpperChar(s.charCodeAt(start + b)) && !isUpperChar(s.charCodeAt(start + b - 1))) return true; // camelCase
  }
  return false;
}

/** Whether s[.., end), ASCII letters lower-cased, ends with `suffix` (lower-case). */
function endsWithLowered(s: string, end: number, suffix: string): boolean {
  const start = end - suffix.length;
  for (let k = 0; k < suffix.length; k++) if (toLowerAscii(s.charCodeAt(start + k)) !== suffix.charCodeAt(k)) return false;
  return true;
}

/** ADO.NET's `Data Source=SQLRPT01\\REPORTING;`: the key has a space in it, and its value is the server. */
function isDataSourceKey(s: string, start: number, end: number): boolean {
  return end - start === 6 && start >= 5 && s.slice(start - 5, end).toLowerCase() === 'data source';
}
