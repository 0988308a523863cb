/**
 * The pure half of Python's `socket.getfqdn(name='')` (Lib/socket.py): which name is looked up, and which name of
 * the reverse lookup's answer is returned. The lookups themselves are in client/pythonSocket.ts.
 */

/** The characters Python's str.strip() removes (str.isspace()), which differ from JavaScript's trim(). */
const PY_WHITESPACE = new Set([
  ...'\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000',
]);

export function pyStrip(text: string): string {
  const chars = [...text];
  let start = 0;
  let end = chars.length;
  while (start < end && PY_WHITESPACE.has(chars[start])) start++;
  while (end > start && PY_WHITESPACE.has(chars[end - 1])) end--;
  return chars.slice(start, end).join('');
}

/** Step 1: the stripped name, or null when getfqdn means this host (empty, `0.0.0.0` or `::`: use gethostname()). */
export function fqdnLookupName(name: string): string | null {
  const stripped = pyStrip(name);
  return stripped === '' || stripped === '0.0.0.0' || stripped === '::' ? null : stripped;
}

/** Step 2: the first of the primary name and its aliases that contains a dot, else the primary name. */
export function fqdnFromHostent(hostname: string, aliases: readonly string[]): string {
  return [hostname, ...aliases].find((n) => n.includes('.')) ?? hostname;
}
