/**
 * Finds the host (name or IP literal) in a line of text around a character offset, for pre-filling the
 * "Resolve Hostname…" input from the cursor. It understands URLs (`https://user@host:8443/x`), bracketed IPv6
 * (`[::1]:8080`), `user@host`, `host:port` and trailing punctuation, and returns null for text that holds no
 * plausible host. It decides nothing about whether to resolve: the user confirms what is pre-filled.
 */

/** Characters that can be part of a URL, host, host:port or IPv6 literal token. */
const TOKEN_CHAR = /[A-Za-z0-9._~%:@[\]/+-]/;

export function tokenAt(line: string, offset: number): string {
  let start = Math.min(Math.max(offset, 0), line.length);
  let end = start;
  while (start > 0 && TOKEN_CHAR.test(line[start - 1])) start--;
  while (end < line.length && TOKEN_CHAR.test(line[end])) end++;
  return line.slice(start, end);
}

/** The host part of a token (URL, user@host, host:port, [v6]:port), or null. */
export function hostFromToken(token: string): string | null {
  // Sentence punctuation after a host ("see db.internal.") is not part of it.
  let t = token.trim().replace(/[.:]+$/, '');
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(t);
  if (scheme) t = t.slice(scheme[0].length).split(/[/?#]/, 1)[0];
  else t = t.split('/', 1)[0];
  const at = t.lastIndexOf('@');
  if (at >= 0) t = t.slice(at + 1);
  const bracketed = /^\[([0-9A-Fa-f:.]+(?:%[\w.-]+)?)\](?::\d+)?$/.exec(t);
  if (bracketed) return bracketed[1];
  // Two or more colons without brackets: a bare IPv6 literal (maybe with a %zone).
  if ((t.match(/:/g) ?? []).length >= 2) return /^[0-9A-Fa-f:.]+(%[\w.-]+)?$/.test(t) ? t : null;
  t = t.replace(/:\d*$/, '');
  return /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/.test(t) && !/\.\./.test(t) ? t : null;
}

export function hostAtPosition(line: string, offset: number): string | null {
  return hostFromToken(tokenAt(line, offset));
}
