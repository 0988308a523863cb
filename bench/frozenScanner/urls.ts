// FROZEN: src/core/scanner/urls.ts as of commit 7cb81ee902f6f2166b7ecaaa080c2c5e43f138fb (2026-12-06; before issue 13's scanner changes).
// A baseline for `npm run bench` (issue 13: the core scan must reach ≥ 3× "today's scanner" on the sparse corpus,
// measured in the same run). Unchanged but for this header (its imports are all within this folder). Do not edit.
/**
 * `scheme://authority/path` URLs of any scheme, found from their `://` (a single indexOf per URL, so lines without
 * one cost almost nothing). The URL's extent follows what people mean rather than RFC 3986's character set: it
 * ends at whitespace, quotes and angle brackets, drops sentence punctuation after it, and keeps parentheses only
 * when balanced (`[docs](https://example.com/a_(b))`).
 */
import { CH, endsUrl, isAsciiLetter, isDigitChar, isSchemeChar } from './charClass';
import { hostSyntaxEnd } from './hostSyntax';
import { ipv4End, ipv6End, zoneEnd } from './ipLiterals';

export interface UrlSpan {
  start: number;
  end: number;
  /** Lowercased scheme as written (`https`, `mongodb+srv`, `jdbc:postgresql`). */
  scheme: string;
  /** The scheme that decides the default port (`postgresql` for JDBC). */
  portScheme: string;
  host: string;
  hostKind: 'hostname' | 'ipv4' | 'ipv6';
  explicitPort: string | null;
}

/** Trailing characters that end a sentence or a list rather than a URL. */
function isTrailingPunctuation(c: number): boolean {
  return c === CH.DOT || c === CH.COMMA || c === CH.SEMI || c === CH.COLON || c === CH.BANG || c === CH.QUESTION || c === CH.STAR || c === CH.SQUOTE;
}

/** Appends every URL with a valid host in `line` to `out`, in order. */
export function findUrls(line: string, out: UrlSpan[]): void {
  const n = line.length;
  let from = 0;
  let lastEnd = 0;
  for (;;) {
    const sep = line.indexOf('://', from);
    if (sep < 0) return;
    from = sep + 3;
    let start = sep;
    while (start > lastEnd && isSchemeChar(line.charCodeAt(start - 1))) start--;
    while (start < sep && !isAsciiLetter(line.charCodeAt(start))) start++; // a scheme starts with a letter
    if (start === sep) continue;
    let portScheme = line.slice(start, sep).toLowerCase();
    let scheme = portScheme;
    // JDBC URLs put a sub-protocol in front: jdbc:postgresql://host/db, jdbc:mysql://...
    if (start >= 5 && line.charCodeAt(start - 1) === CH.COLON && line.slice(start - 5, start - 1).toLowerCase() === 'jdbc') {
      start -= 5;
      scheme = `jdbc:${scheme}`;
    }
    if (start > 0 && isSchemeChar(line.charCodeAt(start - 1))) continue;

    const authStart = sep + 3;
    let authEnd = authStart;
    while (authEnd < n) {
      const c = line.charCodeAt(authEnd);
      if (c === CH.SLASH || c === CH.QUESTION || c === CH.HASH || c === CH.SEMI || endsUrl(c) || (c === CH.COMMA && startsUrl(line, authEnd + 1)) || c === CH.RPAREN || (c === CH.RBRACKET && !hasOpenBracket(line, authStart, authEnd))) break;
      authEnd++;
    }
    // userinfo ends at the last '@' of the authority (passwords may contain ':' but not a bare '@')
    let hostStart = authStart;
    for (let k = authStart; k < authEnd; k++) if (line.charCodeAt(k) === CH.AT) hostStart = k + 1;
    const parsed = parseAuthorityHost(line, hostStart, authEnd);
    if (!parsed) continue;
    portScheme = portScheme.replace(/^jdbc:/, '');

    let end = authEnd;
    let parens = 0;
    let brackets = 0;
    while (end < n) {
      const c = line.charCodeAt(end);
      if (endsUrl(c) || (c === CH.COMMA && startsUrl(line, end + 1))) break;
      if (c === CH.LPAREN) parens++;
      else if (c === CH.RPAREN && --parens < 0) break;
      else if (c === CH.LBRACKET) brackets++;
      else if (c === CH.RBRACKET && --brackets < 0) break;
      end++;
    }
    while (end > parsed.hostEnd && isTrailingPunctuation(line.charCodeAt(end - 1))) end--;
    out.push({ start, end, scheme, portScheme, host: parsed.host, hostKind: parsed.kind, explicitPort: parsed.port });
    from = lastEnd = end;
  }
}

/** `scheme://` at i: `https://a.example.com,https://b.example.com` is two URLs. */
function startsUrl(line: string, i: number): boolean {
  let k = i;
  while (k < line.length && k - i < 32 && isSchemeChar(line.charCodeAt(k))) k++;
  return k > i && isAsciiLetter(line.charCodeAt(i)) && line.startsWith('://', k);
}

function hasOpenBracket(line: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (line.charCodeAt(k) === CH.LBRACKET) return true;
  return false;
}

/**
 * The host (and port) of an authority's host part, or null when it is not a host one could resolve: empty
 * (`file:///etc/hosts`), a template (`${HOST}`, `{host}`), or otherwise not a name or an IP literal. In a
 * multi-host authority (`mongodb://a:27017,b:27017/`) the first host is the URL's host.
 */
function parseAuthorityHost(line: string, start: number, end: number): { host: string; kind: UrlSpan['hostKind']; port: string | null; hostEnd: number } | null {
  let hostEnd: number;
  let host: string;
  let kind: UrlSpan['hostKind'];
  if (line.charCodeAt(start) === CH.LBRACKET) {
    const v6 = ipv6End(line, start + 1, end);
    if (v6 < 0) return null;
    const z = zoneEnd(line, v6, end);
    if (line.charCodeAt(z) !== CH.RBRACKET) return null;
    host = line.slice(start + 1, z);
    if (host.startsWith('%25', v6 - start - 1)) host = host.slice(0, v6 - start - 1) + '%' + host.slice(v6 - start + 2);
    kind = 'ipv6';
    hostEnd = z + 1;
  } else {
    const v4 = ipv4End(line, start, end);
    if (v4 > 0 && !isHostContinuation(line.charCodeAt(v4))) {
      hostEnd = v4;
      kind = 'ipv4';
    } else {
      hostEnd = hostSyntaxEnd(line, start, end, true);
      if (hostEnd < 0) return null;
      kind = 'hostname';
    }
    host = line.slice(start, hostEnd);
    if (kind === 'hostname') host = host.replace(/\.$/, '');
  }
  let port: string | null = null;
  let after = hostEnd;
  if (after < end && line.charCodeAt(after) === CH.COLON) {
    let p = after + 1;
    while (p < end && isDigitChar(line.charCodeAt(p))) p++;
    if (p > after + 1) port = line.slice(after + 1, p);
    after = p;
  }
  // What follows must end the authority or start the next host of a multi-host list; anything else
  // (`http://host$x`, `http://host:abc`) means the host is not what we parsed.
  if (after < end && line.charCodeAt(after) !== CH.COMMA) return null;
  return { host, kind, port, hostEnd };
}

function isHostContinuation(c: number): boolean {
  return c === CH.DOT || c === CH.MINUS || c === CH.UNDERSCORE || (c >= 48 && c <= 57) || isAsciiLetter(c);
}
