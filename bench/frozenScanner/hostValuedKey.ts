// FROZEN: src/core/scanner/hostValuedKey.ts as of commit 7cb81ee902f6f2166b7ecaaa080c2c5e43f138fb (2026-12-06; before issue 13's scanner changes).
// A baseline for `npm run bench` (issue 13: the core scan must reach ≥ 3× "today's scanner" on the sparse corpus,
// measured in the same run). Unchanged but for this header (its imports are all within this folder). Do not edit.
/**
 * Whether the word at a position is the value of a key that names a host: `DB_HOST=db`, `"host": "cache"`,
 * `host: redis`, `dbHost := "pg"`, `--server=kdc`, `'host' => 'mysql'`. Looks back from the value over an opening
 * quote or bracket, the separator and the key's closing quote; it never looks further, so its cost is a few
 * characters per candidate.
 */
import { CH, isLabelChar, isSpaceChar, isUpperChar } from './charClass';
import { HOST_KEY_SUFFIXES } from './codeHeuristics';

function isQuote(c: number): boolean {
  return c === CH.DQUOTE || c === CH.SQUOTE || c === CH.BACKTICK;
}

function isKeyChar(c: number): boolean {
  return c < 128 && (isLabelChar(c) || c === CH.DOT);
}

export function isValueOfHostKey(s: string, valueStart: number): boolean {
  let k = valueStart - 1;
  const opened = k >= 0 && (isQuote(s.charCodeAt(k)) || s.charCodeAt(k) === CH.LBRACKET);
  if (opened) k--;
  // `key:value` with nothing between is placeholder text (`"backend host:port"`), not YAML or JSON.
  if (!opened && k >= 0 && s.charCodeAt(k) === CH.COLON) return false;
  while (k >= 0 && isSpaceChar(s.charCodeAt(k))) k--;
  if (k < 0) return false;
  const sep = s.charCodeAt(k);
  if (sep === CH.EQ) {
    k--;
    const before = k >= 0 ? s.charCodeAt(k) : -1;
    if (before === CH.COLON) k--; // Go's :=
    else if (before === CH.EQ || before === CH.BANG || before === CH.LT || before === CH.GT) return false; // comparisons
  } else if (sep === CH.COLON) {
    k--;
    if (k >= 0 && s.charCodeAt(k) === CH.COLON) return false;
  } else if (sep === CH.GT && k > 0 && s.charCodeAt(k - 1) === CH.EQ) {
    k -= 2; // PHP/Ruby 'host' => 'db'
  } else return false;
  while (k >= 0 && isSpaceChar(s.charCodeAt(k))) k--;
  if (k >= 0 && isQuote(s.charCodeAt(k))) k--;
  const keyEnd = k + 1;
  while (k >= 0 && keyEnd - k <= 65 && isKeyChar(s.charCodeAt(k))) k--;
  const keyStart = k + 1;
  if (keyEnd - keyStart < 2 || keyEnd - keyStart > 64) return false;
  return isHostKey(s, keyStart, keyEnd);
}

/** `host`, `DB_HOST`, `redis.host`, `dbHost`, `upstream-servers`... but not `ghost` or `hostel`. */
export function isHostKey(s: string, start: number, end: number): boolean {
  const key = s.slice(start, end).toLowerCase();
  for (const suffix of HOST_KEY_SUFFIXES) {
    if (!key.endsWith(suffix)) continue;
    const b = key.length - suffix.length;
    if (b === 0) return true;
    const sep = key.charCodeAt(b - 1);
    if (sep === CH.UNDERSCORE || sep === CH.MINUS || sep === CH.DOT) return true;
    if (isUpperChar(s.charCodeAt(start + b)) && !isUpperChar(s.charCodeAt(start + b - 1))) return true; // camelCase
  }
  return false;
}
