/**
 * `scheme://authority/path` URLs of any scheme, found from their `://` (a single indexOf per URL, so lines without
 * one cost almost nothing). The URL's extent follows what people mean rather than RFC 3986's character set: it
 * ends at whitespace, quotes and angle brackets, drops sentence punctuation after it, and keeps parentheses only
 * when balanced (`[docs](https://example.com/a_(b))`).
 */
import { CH, endsUrl, isAsciiLetter, isDigitChar, isHexChar, isLabelChar, isSchemeChar } from './charClass';
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
  /**
   * Every host of a multi-host authority (`mongodb://m1:27017,m2:27017,m3/db`, `jdbc:postgresql://h1,h2/db`), in
   * order, with its offsets in the line; null for the usual single host. The scanner reports each as a host.
   */
  hosts: AuthorityHost[] | null;
}

export interface AuthorityHost {
  start: number;
  end: number;
  host: string;
  kind: UrlSpan['hostKind'];
  port: string | null;
}

/**
 * Schemes whose authority names a bucket or a registered service, not a host to resolve: object stores
 * (`s3://bucket/key`, `gs://bucket`), Spring Cloud's load-balanced service ids (`lb://orders-service`) and Apache's
 * balancer names (`balancer://shopcluster`).
 */
export const NON_HOST_SCHEMES = new Set(['s3', 's3a', 's3n', 'gs', 'lb', 'balancer']);

/** Schemes of browsers and their kin, whose authority is one host (no `h1,h2` lists as databases and brokers write). */
export const WEB_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'ftp', 'ftps']);

/**
 * `sed 's#http://old.example/debian#${MIRROR}#g'`: a URL right after `s` and a delimiter ends at the next
 * delimiter. Returns that end when [hostEnd, end) holds one, else -1.
 */
export function sedDelimiterEnd(line: string, start: number, hostEnd: number, end: number): number {
  if (start < 2 || line.charCodeAt(start - 2) !== 0x73 /* s */) return -1;
  const d = line.charCodeAt(start - 1);
  if (d !== CH.HASH && d !== CH.PIPE && d !== CH.BANG && d !== CH.COMMA && d !== CH.AT) return -1;
  if (start >= 3 && isSchemeChar(line.charCodeAt(start - 3))) return -1;
  const at = line.indexOf(String.fromCharCode(d), hostEnd);
  return at >= 0 && at <= end ? at : -1;
}

/** Trailing characters that end a sentence or a list rather than a URL. */
function isTrailingPunctuation(c: number): boolean {
  return c === CH.DOT || c === CH.COMMA || c === CH.SEMI || c === CH.COLON || c === CH.BANG || c === CH.QUESTION || c === CH.STAR || c === CH.SQUOTE;
}

/**
 * The ASCII characters the two loops of findUrls step over with nothing else to check, as sticky regexes: each loop
 * passes a run of them in one native search and looks at the character after it. A character a loop treats
 * specially (a break, a placeholder or template start, a bracket it counts) must be left out of its set.
 */
export const AUTHORITY_PLAIN = plainRun((c) => !endsUrl(c) && !'$<{/?#;%,)]'.includes(String.fromCharCode(c)));
export const URL_PLAIN = plainRun((c) => !endsUrl(c) && !',$#%()[]'.includes(String.fromCharCode(c)));

function plainRun(plain: (c: number) => boolean): RegExp {
  let body = '';
  for (let c = 0; c < 128; c++) if (plain(c)) body += `\\x${c.toString(16).padStart(2, '0')}`;
  return new RegExp(`[${body}]*`, 'y');
}

/** The end of the run of `plain` characters at i. */
export function plainRunEnd(plain: RegExp, line: string, i: number): number {
  if (i >= line.length) return i; // a sticky search from past the end fails and resets lastIndex to 0
  plain.lastIndex = i;
  plain.test(line);
  return plain.lastIndex;
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
    const skipped = start;
    while (start < sep && !isAsciiLetter(line.charCodeAt(start))) start++; // a scheme starts with a letter
    if (start === sep) continue;
    // `+https://crawler.example.org/bot` (a User-Agent's contact URL): a `+` before the scheme is not part of it.
    let portScheme = line.slice(start, sep).toLowerCase();
    let scheme = portScheme;
    // JDBC URLs put a sub-protocol in front: jdbc:postgresql://host/db, jdbc:mysql://...
    if (start >= 5 && line.charCodeAt(start - 1) === CH.COLON && line.slice(start - 5, start - 1).toLowerCase() === 'jdbc') {
      start -= 5;
      scheme = `jdbc:${scheme}`;
    }
    // `${API_URL:-http://api:3000}`: a shell default's `-` before the scheme is not part of it either.
    if (start > 0 && isSchemeChar(line.charCodeAt(start - 1)) && !(start > skipped && (line.charCodeAt(start - 1) === CH.PLUS || line.charCodeAt(start - 1) === CH.MINUS))) continue;
    if (NON_HOST_SCHEMES.has(scheme)) continue;
    // `jdbc:sqlserver://host\\instance:1433;databaseName=…` is not URL syntax: its host is found as a host.
    if (scheme === 'jdbc:sqlserver') continue;

    const authStart = sep + 3;
    // Web URLs name one host: in `GOPROXY=https://proxy.example,direct` the comma ends the URL, it lists no second host.
    const singleHost = WEB_SCHEMES.has(scheme);
    let authEnd = authStart;
    while ((authEnd = plainRunEnd(AUTHORITY_PLAIN, line, authEnd)) < n) {
      const c = line.charCodeAt(authEnd);
      // A variable in the userinfo (`postgres://app:$(PG_PASS)@db…`, `${USER}:${PASS}@db…`, `svc:<password>@db…`) is
      // skipped whole: the host after the '@' is what counts. One in the host position leaves no host to parse, so no URL.
      const placeholderEnd = c === CH.DOLLAR || c === CH.LBRACE || c === CH.LT ? skipPlaceholder(line, authEnd) : -1;
      if (placeholderEnd > 0) {
        authEnd = placeholderEnd;
        continue;
      }
      if (c === CH.SLASH || c === CH.QUESTION || c === CH.HASH || c === CH.SEMI || endsUrl(c) || startsTemplate(line, authEnd) || (c === CH.COMMA && (singleHost || startsUrl(line, authEnd + 1))) || c === CH.RPAREN || (c === CH.RBRACKET && !hasOpenBracket(line, authStart, authEnd))) break;
      authEnd++;
    }
    // A sentence's full stop after a URL without a path (`see https://status.example.org.`) is not the host's.
    if (authEnd > authStart + 1 && line.charCodeAt(authEnd - 1) === CH.DOT && (authEnd === n || endsUrl(line.charCodeAt(authEnd)))) authEnd--;
    // userinfo ends at the last '@' of the authority (passwords may contain ':' but not a bare '@'); the search stops
    // at the authority's start (a lastIndexOf from there back to the line's start made a line of thousands of URLs
    // quadratic: 20 s for one of 9,000)
    let at = authEnd - 1;
    while (at >= authStart && line.charCodeAt(at) !== CH.AT) at--;
    const hostStart = at >= authStart ? at + 1 : authStart;
    const parsed = parseAuthorityHost(line, hostStart, authEnd);
    if (!parsed) continue;
    // `https://HOST/`, `http://SERVER:8080`: a capitalised single word in the host's place is a placeholder.
    if (parsed.kind === 'hostname' && !parsed.host.includes('.') && /^[A-Z][A-Z0-9_]*$/.test(parsed.host) && parsed.host.length > 1) continue;
    if (portScheme.startsWith('jdbc:')) portScheme = portScheme.slice(5);

    let end = authEnd;
    let parens = 0;
    let brackets = 0;
    while ((end = plainRunEnd(URL_PLAIN, line, end)) < n) {
      const c = line.charCodeAt(end);
      if (endsUrl(c) || (c === CH.COMMA && ((singleHost && end === authEnd) || startsUrl(line, end + 1))) || startsTemplate(line, end)) break;
      if (c === CH.LPAREN) parens++;
      else if (c === CH.RPAREN && --parens < 0) break;
      else if (c === CH.LBRACKET) brackets++;
      else if (c === CH.RBRACKET && --brackets < 0) break;
      end++;
    }
    const sedEnd = sedDelimiterEnd(line, start, parsed.hostEnd, end);
    if (sedEnd >= 0) end = sedEnd;
    while (end > parsed.hostEnd && isTrailingPunctuation(line.charCodeAt(end - 1))) end--;
    out.push({ start, end, scheme, portScheme, host: parsed.host, hostKind: parsed.kind, explicitPort: parsed.port, hosts: parsed.next < authEnd ? authorityHosts(line, hostStart, authEnd) : null });
    from = lastEnd = end;
  }
}

/**
 * Where a URL's literal part ends and a template fills in the rest: `${id}`, `$(cmd)`, `$1`, `$CI_PROJECT_ID`,
 * Ruby's `#{…}`, `{{ … }}`, and a SQL LIKE's trailing `%` (`'https://admin.example.com/%'`); a `%41` escape is URL.
 */
export function startsTemplate(line: string, i: number): boolean {
  const c = line.charCodeAt(i);
  const c1 = line.charCodeAt(i + 1);
  if (c === CH.DOLLAR) return c1 === CH.LBRACE || c1 === CH.LPAREN || isAsciiLetter(c1) || isDigitChar(c1) || c1 === CH.UNDERSCORE;
  if (c === CH.HASH) return c1 === CH.LBRACE;
  if (c === CH.PERCENT) return !(isHexChar(c1) && isHexChar(line.charCodeAt(i + 2)));
  return false;
}

/** The end of `$(NAME)`, `${NAME}`, `{{ name }}`, ERB's `<%= … %>` or `<name>` at i (no whitespace inside but in `{{ }}`), or -1. */
export function skipPlaceholder(line: string, i: number): number {
  const c1 = line.charCodeAt(i + 1);
  if (line.charCodeAt(i) === CH.DOLLAR && (c1 === CH.LPAREN || c1 === CH.LBRACE)) {
    const close = c1 === CH.LPAREN ? CH.RPAREN : CH.RBRACE;
    for (let k = i + 2; k < line.length && k - i < 128; k++) {
      const c = line.charCodeAt(k);
      if (c === close) return k > i + 2 ? k + 1 : -1;
      if (c <= 0x20) return -1;
    }
    return -1;
  }
  if (line.charCodeAt(i) === CH.LBRACE && c1 === CH.LBRACE) {
    const close = line.indexOf('}}', i + 2);
    return close > i + 2 && close - i < 128 ? close + 2 : -1;
  }
  if (line.charCodeAt(i) === CH.LT && c1 === CH.PERCENT) {
    const close = line.indexOf('%>', i + 2);
    return close > i + 2 && close - i < 128 ? close + 2 : -1;
  }
  if (line.charCodeAt(i) === CH.LT) {
    // Documentation's `<password>`, `<db-user>`: a word in angle brackets.
    let k = i + 1;
    while (k < line.length && k - i <= 64 && isLabelChar(line.charCodeAt(k))) k++; // letters, digits, `-`, `_`
    return k > i + 1 && line.charCodeAt(k) === CH.GT ? k + 1 : -1;
  }
  return -1;
}

/** `scheme://` at i: `https://a.example.com,https://b.example.com` is two URLs. */
export function startsUrl(line: string, i: number): boolean {
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
export function parseAuthorityHost(line: string, start: number, end: number): { host: string; kind: UrlSpan['hostKind']; port: string | null; hostEnd: number; next: number } | null {
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
    if (kind === 'hostname' && host.endsWith('.')) host = host.slice(0, -1);
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
  return { host, kind, port, hostEnd, next: after };
}

/** The hosts of a multi-host authority [start, end), each parsed as a URL's host; a segment that is not one ends the list. */
function authorityHosts(line: string, start: number, end: number): AuthorityHost[] {
  const hosts: AuthorityHost[] = [];
  let at = start;
  while (at < end) {
    let segmentEnd = line.indexOf(',', at);
    if (segmentEnd < 0 || segmentEnd > end) segmentEnd = end;
    const parsed = parseAuthorityHost(line, at, segmentEnd);
    if (!parsed) break;
    const bracketed = parsed.kind === 'ipv6' && line.charCodeAt(at) === CH.LBRACKET;
    hosts.push({ start: bracketed ? at + 1 : at, end: bracketed ? parsed.hostEnd - 1 : parsed.hostEnd, host: parsed.host, kind: parsed.kind, port: parsed.port });
    at = segmentEnd + 1;
  }
  return hosts;
}

function isHostContinuation(c: number): boolean {
  return c === CH.DOT || c === CH.MINUS || c === CH.UNDERSCORE || (c >= 48 && c <= 57) || isAsciiLetter(c);
}
