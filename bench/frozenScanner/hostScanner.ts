// FROZEN: src/core/scanner/hostScanner.ts as of commit 7cb81ee902f6f2166b7ecaaa080c2c5e43f138fb (2026-12-06; before issue 13's scanner changes).
// A baseline for `npm run bench` (issue 13: the core scan must reach ≥ 3× "today's scanner" on the sparse corpus,
// measured in the same run). Unchanged but for this header (its imports are all within this folder). Do not edit.
/**
 * The scanner: finds URLs, host names and IP literals in one line of text, with offsets an editor can use
 * directly. One left-to-right pass over the line after a URL pass; per character it does a table lookup, and it
 * allocates only for words that already look like hosts (a dot, a `:port`, an `@`, or a host context).
 *
 * Precision on source code is the design goal: most dotted words in code are file names, member chains, versions
 * or packages, so a dotted word counts as a host without further evidence only when its suffix is private or a TLD
 * host names commonly use (see suffixRules.ts) and it does not read like code (codeHeuristics.ts). Contexts that
 * name hosts outright — URLs, `user@host`, `host:port`, host keys and directives, hosts files — accept more.
 */
import { CH, isDigitChar, isHexChar, isLabelChar, isLowerChar, isUpperChar, isUserChar } from './charClass';
import { CODE_RECEIVERS, NOT_A_HOST_BEFORE_PORT, NOT_A_HOST_WORDS, REVERSED_DOMAIN_ROOTS } from './codeHeuristics';
import { isValueOfHostKey } from './hostValuedKey';
import { hostSyntaxEnd } from './hostSyntax';
import { hasDigit, ipv4End, ipv6End, zoneEnd } from './ipLiterals';
import { analyzeLine, type LineContext } from './lineContext';
import {
  classifyHost,
  PrivateSuffixes,
  SUFFIX_COMMON,
  SUFFIX_FILE_EXTENSION,
  SUFFIX_NONE,
  SUFFIX_OTHER_TLD,
  SUFFIX_PRIVATE,
} from './suffixRules';
import type { HostMatch, HostOnlyMatch, MatchContext, ScanOptions } from './types';
import { findUrls, type UrlSpan } from './urls';

/** ssh-family commands, on whose lines `user@host` may name a host by a single label (`ssh deploy@bastion`). */
const SSH_LINE = /(?:^|[\s`"'(=])(?:ssh|scp|sftp|rsync|mosh|git|ProxyJump)\b/i;

/** The lowest port accepted after a single label in text without other host context: `cache:6379` yes, `postgres:16` (an image tag) no. */
const MIN_BARE_SINGLE_LABEL_PORT = 80;

interface Port {
  text: string;
  end: number;
}

export class HostScanner {
  private readonly privates: PrivateSuffixes;
  private readonly urlSpans: UrlSpan[] = [];
  /** Whether the line being scanned is an ssh-like command line: decided once per line, only if needed. */
  private sshLine: boolean | null = null;

  constructor(options: ScanOptions = {}) {
    this.privates = new PrivateSuffixes(options.privateSuffixes ?? []);
  }

  /** Every match in one line (no line breaks expected; a '\r' or '\n' simply ends no token specially). */
  scanLine(text: string, line = 0): HostMatch[] {
    const out: HostMatch[] = [];
    this.scanLineInto(text, line, out);
    return out;
  }

  /** Every match in a text, line by line (`\n`, `\r\n` or `\r` line ends), with 0-based line numbers. */
  scanText(text: string): HostMatch[] {
    const out: HostMatch[] = [];
    let line = 0;
    let start = 0;
    const n = text.length;
    for (let i = 0; i <= n; i++) {
      const c = i < n ? text.charCodeAt(i) : 10;
      if (c !== 10 && c !== 13) continue;
      this.scanLineInto(text.slice(start, i), line++, out);
      if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
    return out;
  }

  /**
   * The matches of lines [startLine, endLine) obtained through `lineAt` — an editor's visible ranges
   * (`document.lineAt(n).text`): the work is proportional to the lines asked for, not to the document.
   */
  scanLines(lineAt: (line: number) => string, startLine: number, endLine: number): HostMatch[] {
    const out: HostMatch[] = [];
    for (let line = startLine; line < endLine; line++) this.scanLineInto(lineAt(line), line, out);
    return out;
  }

  scanLineInto(s: string, lineNo: number, out: HostMatch[]): void {
    const n = s.length;
    if (n === 0) return;
    const urls = this.urlSpans;
    urls.length = 0;
    findUrls(s, urls);
    const ctx = analyzeLine(s);
    this.sshLine = null;
    let u = 0;
    let nextUrl = urls.length > 0 ? urls[0].start : n;
    let i = 0;
    while (i < n) {
      if (i >= nextUrl) {
        const span = urls[u++];
        out.push({
          kind: 'url',
          text: s.slice(span.start, span.end),
          line: lineNo,
          character: span.start,
          length: span.end - span.start,
          host: span.host,
          explicitPort: span.explicitPort,
          context: 'url',
          scheme: span.scheme,
          portScheme: span.portScheme,
        });
        i = span.end;
        nextUrl = u < urls.length ? urls[u].start : n;
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === CH.LBRACKET) {
        i = this.bracketedIpv6(s, i, nextUrl, lineNo, ctx, out);
        continue;
      }
      if (c === CH.COLON) {
        i = s.charCodeAt(i + 1) === CH.COLON ? this.bareIpv6(s, i, nextUrl, lineNo, ctx, out) : i + 1;
        continue;
      }
      if (!isLabelChar(c)) {
        i++;
        continue;
      }
      // A word: labels and the dots between them.
      let j = i;
      let dots = 0;
      let allHex = true;
      let upper = false;
      let lower = false;
      let innerUnderscore = false;
      let labelStart = i;
      while (j < nextUrl) {
        const cc = s.charCodeAt(j);
        if (isLabelChar(cc)) {
          if (!isHexChar(cc)) allHex = false;
          if (isUpperChar(cc)) upper = true;
          else if (isLowerChar(cc)) lower = true;
          else if (cc === CH.UNDERSCORE && j !== labelStart) innerUnderscore = true;
          j++;
        } else if (cc === CH.DOT && j + 1 < nextUrl && isLabelChar(s.charCodeAt(j + 1))) {
          dots++;
          allHex = false;
          j++;
          labelStart = j;
        } else break;
      }
      if (allHex && j < n && s.charCodeAt(j) === CH.COLON) {
        const end = this.bareIpv6(s, i, nextUrl, lineNo, ctx, out);
        if (end > i) {
          i = end;
          continue;
        }
      }
      i = this.word(s, i, j, dots, upper && lower, innerUnderscore, lineNo, ctx, out);
    }
  }

  /** Classifies the word [i, j) and emits it if it is a host; returns where scanning continues. */
  private word(s: string, i: number, j: number, dots: number, mixedCase: boolean, innerUnderscore: boolean, lineNo: number, ctx: LineContext, out: HostMatch[]): number {
    const n = s.length;
    const next = j < n ? s.charCodeAt(j) : -1;
    if (next === CH.AT || next === CH.LPAREN) return j; // the user part of user@host; a call `x.y(`
    const prev = i > 0 ? s.charCodeAt(i - 1) : -1;
    const atHost = prev === CH.AT && i >= 2 && isUserChar(s.charCodeAt(i - 2));
    const port = next === CH.COLON ? portAt(s, j + 1) : null;
    const strong = (ctx.strongStart <= i && j <= ctx.strongEnd) || i === ctx.argStart;
    const strongContext: MatchContext = i === ctx.argStart ? 'keyword' : ctx.strongKind;
    if (dots === 0) return this.singleLabel(s, i, j, prev, next, atHost, port, strong, strongContext, lineNo, ctx, out);

    if (dots === 3 && ipv4End(s, i, j) === j) {
      if (isVersionOperator(s, i)) return j;
      const context: MatchContext = atHost ? (this.isSshLine(s) ? 'userHost' : 'email') : port ? 'hostPort' : strong ? strongContext : 'bare';
      this.emit(out, 'ipv4', s, i, j, lineNo, port, context);
      return port ? port.end : j;
    }
    if (hostSyntaxEnd(s, i, j, false) !== j) return j;
    const lastDot = s.lastIndexOf('.', j - 1); // dots > 0, so this stays inside the word
    if (isDigitChar(s.charCodeAt(lastDot + 1)) && allDigits(s, lastDot + 1, j)) return j; // versions, 1.2.3

    const host = s.slice(i, j).toLowerCase();
    const cls = classifyHost(host, this.privates);
    let context: MatchContext | null = null;
    if (atHost) {
      if (cls !== SUFFIX_NONE) context = this.isSshLine(s) ? 'userHost' : 'email';
      else if (this.isSshLine(s)) context = 'userHost';
    } else if (strong) {
      if (prev !== CH.DOT && prev !== CH.STAR) context = strongContext;
    } else if (port && cls !== SUFFIX_NONE && cls !== SUFFIX_FILE_EXTENSION && !followsColonDigit(s, port.end)) {
      if (!looksLikeCode(s, host, i, j, prev, next, dots, mixedCase, innerUnderscore, ctx, true)) context = 'hostPort';
    } else if (prev === CH.DOT) {
      // `.example.com` is a domain suffix (cookie domains, search lists) where a key says so; else a wildcard
      // tail (`*.example.com`), a CSS class or a file name (`.env.local`).
      if (!mixedCase && cls !== SUFFIX_NONE && isValueOfHostKey(s, i - 1)) context = 'keyValue';
    } else if (!looksLikeCode(s, host, i, j, prev, next, dots, mixedCase, innerUnderscore, ctx, false)) {
      if (isLabelKeyPrefix(s, i, j)) return j;
      if (cls === SUFFIX_PRIVATE || cls === SUFFIX_COMMON) context = 'bare';
      else if (cls === SUFFIX_OTHER_TLD && (next === CH.SLASH || host.startsWith('www.'))) context = 'bare';
      if (context === null && isValueOfHostKey(s, i)) context = 'keyValue';
    } else if ((cls === SUFFIX_PRIVATE || cls === SUFFIX_COMMON || cls === SUFFIX_OTHER_TLD) && !mixedCase && next !== CH.EQ && isValueOfHostKey(s, i)) {
      context = 'keyValue';
    }
    if (context === null) return j;
    if (context === 'bare' && port && !followsColonDigit(s, port.end)) context = 'hostPort';
    const usePort = port && !followsColonDigit(s, port.end) ? port : null;
    this.emit(out, 'hostname', s, i, j, lineNo, usePort, context);
    return usePort ? usePort.end : j;
  }

  private singleLabel(
    s: string,
    i: number,
    j: number,
    prev: number,
    next: number,
    atHost: boolean,
    port: Port | null,
    strong: boolean,
    strongContext: MatchContext,
    lineNo: number,
    ctx: LineContext,
    out: HostMatch[]
  ): number {
    if (prev === CH.DOT || prev === CH.DOLLAR || prev === CH.PERCENT || prev === CH.AMP || next === CH.EQ || next === CH.DOT) return j;
    // Most words of a line are identifiers with no host context at all: leave them before allocating anything.
    if (!atHost && !strong && !port && j - i !== 9 && !isValueOfHostKey(s, i)) return j;
    if (j - i > 63 || !hasLetter(s, i, j) || s.charCodeAt(i) === CH.MINUS || s.charCodeAt(j - 1) === CH.MINUS) return j;
    const word = s.slice(i, j);
    const lower = word.toLowerCase();
    let context: MatchContext | null = null;
    const validPort = port && !followsColonDigit(s, port.end) ? port : null;
    if (atHost) {
      if (this.isSshLine(s) && !NOT_A_HOST_WORDS.has(lower)) context = 'userHost';
    } else if (lower === 'localhost') {
      // Only as written by people: `LOCALHOST` and `Localhost` are constants and type members (`Ipv6Addr::LOCALHOST`).
      if (word === lower && prev !== CH.COLON) context = validPort ? 'hostPort' : strong ? strongContext : 'bare';
    } else if (strong) {
      if (!NOT_A_HOST_WORDS.has(lower) && prev !== CH.STAR && next !== CH.STAR && prev !== CH.EQ) context = strongContext;
    } else if (
      validPort &&
      !ctx.imageLine &&
      (word === lower || word === word.toUpperCase()) &&
      Number(validPort.text) >= MIN_BARE_SINGLE_LABEL_PORT &&
      prev !== CH.LBRACKET &&
      prev !== CH.LBRACE &&
      prev !== CH.LPAREN &&
      prev !== CH.MINUS &&
      !NOT_A_HOST_BEFORE_PORT.has(lower) &&
      !NOT_A_HOST_WORDS.has(lower)
    ) {
      context = 'hostPort';
    } else if (word !== lower && word !== word.toUpperCase()) {
      // PascalCase and camelCase words are identifiers and types (`ip: IpAddr`, `host: redisHost`), not hosts.
    } else if (!NOT_A_HOST_WORDS.has(lower) && isValueOfHostKey(s, i)) {
      context = 'keyValue';
    }
    if (context === null) return j;
    this.emit(out, 'hostname', s, i, j, lineNo, validPort, context);
    return validPort ? validPort.end : j;
  }

  /** `[v6]` and `[v6]:port` outside URLs; `a[::2]` and `x[1:]` are indexing, not addresses. */
  private bracketedIpv6(s: string, i: number, limit: number, lineNo: number, ctx: LineContext, out: HostMatch[]): number {
    const prev = i > 0 ? s.charCodeAt(i - 1) : -1;
    if (prev >= 0 && (isLabelChar(prev) || prev === CH.RPAREN || prev === CH.RBRACKET)) return i + 1;
    const end = ipv6End(s, i + 1, limit);
    if (end < 0) return i + 1;
    const z = zoneEnd(s, end, limit);
    if (z >= limit || s.charCodeAt(z) !== CH.RBRACKET) return i + 1;
    if (!hasDigit(s, i + 1, end) && end - i - 1 !== 2) return i + 1; // `[::]` is the unspecified address
    const port = s.charCodeAt(z + 1) === CH.COLON ? portAt(s, z + 2) : null;
    const strong = (ctx.strongStart <= i && z <= ctx.strongEnd) || i === ctx.argStart;
    this.emit(out, 'ipv6', s, i + 1, z, lineNo, port, port ? 'hostPort' : strong ? ctx.strongKind : 'bare');
    return port ? port.end : z + 1;
  }

  /** A bare IPv6 literal (`2001:db8::1`, `fe80::1%eth0`, `::1`) at i, emitted; returns its end, or i + 1 / i. */
  private bareIpv6(s: string, i: number, limit: number, lineNo: number, ctx: LineContext, out: HostMatch[]): number {
    const fail = s.charCodeAt(i) === CH.COLON ? i + 1 : i;
    const prev = i > 0 ? s.charCodeAt(i - 1) : -1;
    if (prev >= 0 && (isLabelChar(prev) || prev === CH.COLON || prev === CH.DOT || prev === CH.LBRACKET)) return skipColons(s, i, fail);
    const end = ipv6End(s, i, limit);
    if (end < 0 || end - i < 3 || !hasDigit(s, i, end)) return skipColons(s, i, fail);
    const z = zoneEnd(s, end, limit);
    const after = z < s.length ? s.charCodeAt(z) : -1;
    if (after >= 0 && (isLabelChar(after) || after === CH.COLON || (after === CH.DOT && isDigitChar(s.charCodeAt(z + 1))))) return skipColons(s, i, fail);
    const strong = (ctx.strongStart <= i && z <= ctx.strongEnd) || i === ctx.argStart;
    this.emit(out, 'ipv6', s, i, z, lineNo, null, strong ? (i === ctx.argStart ? 'keyword' : ctx.strongKind) : 'bare');
    return z;
  }

  private isSshLine(s: string): boolean {
    return (this.sshLine ??= SSH_LINE.test(s));
  }

  private emit(out: HostMatch[], kind: HostOnlyMatch['kind'], s: string, start: number, end: number, lineNo: number, port: Port | null, context: MatchContext): void {
    const text = s.slice(start, end);
    out.push({ kind, text, line: lineNo, character: start, length: end - start, host: text, explicitPort: port ? port.text : null, context });
  }
}

/** After a failed IPv6 attempt at a run of colons, continue past the colons (so `:::` is not retried char by char). */
function skipColons(s: string, i: number, fail: number): number {
  if (fail === i) return i;
  let k = i;
  while (k < s.length && s.charCodeAt(k) === CH.COLON) k++;
  return k;
}

/** `:PORT` at i (after the colon): 1-5 digits, 1..65535, not followed by more word characters or `.digit`. */
function portAt(s: string, i: number): Port | null {
  let k = i;
  while (k < s.length && k - i < 6 && isDigitChar(s.charCodeAt(k))) k++;
  const len = k - i;
  if (len === 0 || len > 5) return null;
  const after = k < s.length ? s.charCodeAt(k) : -1;
  if (after >= 0 && (isLabelChar(after) || (after === CH.DOT && isDigitChar(s.charCodeAt(k + 1))))) return null;
  const value = Number(s.slice(i, k));
  return value >= 1 && value <= 65535 ? { text: s.slice(i, k), end: k } : null;
}

/** `main.go:42:7`, `app.ts:10:5`: a source position, not host:port. */
function followsColonDigit(s: string, i: number): boolean {
  return s.charCodeAt(i) === CH.COLON && isDigitChar(s.charCodeAt(i + 1));
}

/**
 * `==1.2.3.4`, `>=1.2.3.4`, `~1.2.3.4`, `^1.2.3.4`, `version 1.2.3.4`: a version with four parts, not an address.
 */
function isVersionOperator(s: string, i: number): boolean {
  const p = i > 0 ? s.charCodeAt(i - 1) : -1;
  if (p === CH.TILDE || p === CH.CARET) return true;
  if (p === CH.SPACE && VERSION_WORD.test(s.slice(Math.max(0, i - 9), i))) return true;
  if (p !== CH.EQ) return false;
  const pp = i > 1 ? s.charCodeAt(i - 2) : -1;
  return pp === CH.EQ || pp === CH.GT || pp === CH.LT || pp === CH.TILDE || pp === CH.BANG;
}

const VERSION_WORD = /(?:^|[^A-Za-z])(?:version|release|ver|v)\s$/i;

/**
 * `cert-manager.io/cluster-issuer:` and `kubernetes.io/os:`: a Kubernetes label or annotation key, whose DNS
 * prefix is a namespace for the key, not a host anyone connects to. Recognised by the `/name:` that follows.
 */
function isLabelKeyPrefix(s: string, i: number, j: number): boolean {
  if (s.charCodeAt(j) !== CH.SLASH) return false;
  let k = j + 1;
  while (k < s.length && (isLabelChar(s.charCodeAt(k)) || s.charCodeAt(k) === CH.DOT)) k++;
  if (k === j + 1 || s.charCodeAt(k) !== CH.COLON) return false;
  const after = k + 1 < s.length ? s.charCodeAt(k + 1) : CH.SPACE;
  if (after !== CH.SPACE && after !== CH.TAB) return false;
  for (let b = i - 1; b >= 0; b--) {
    const c = s.charCodeAt(b);
    if (c === CH.DQUOTE || c === CH.SQUOTE) continue;
    return c === CH.SPACE || c === CH.TAB || c === CH.MINUS;
  }
  return true;
}

function hasLetter(s: string, i: number, j: number): boolean {
  for (let k = i; k < j; k++) {
    const c = s.charCodeAt(k);
    if (!isDigitChar(c) && c !== CH.MINUS && c !== CH.UNDERSCORE) return true;
  }
  return false;
}

function allDigits(s: string, i: number, j: number): boolean {
  for (let k = i; k < j; k++) if (!isDigitChar(s.charCodeAt(k))) return false;
  return true;
}

/**
 * Whether a dotted word with nothing but its own shape for evidence reads as code: a member chain, a path
 * segment, a module path, a decorator, an assignment target, a camelCase or snake_case identifier.
 * With `weakerOnly` (the word has a `:port`), only the signs that survive a port are checked.
 */
function looksLikeCode(s: string, host: string, i: number, j: number, prev: number, next: number, dots: number, mixedCase: boolean, innerUnderscore: boolean, ctx: LineContext, weakerOnly: boolean): boolean {
  if (prev === CH.DOT || prev === CH.DOLLAR || prev === CH.BACKSLASH || prev === CH.HASH || prev === CH.PERCENT || prev === CH.AT || prev === CH.AMP) return true;
  // A path segment (`/etc/nginx/sites-available/example.com`), but `//cdn.example.com/x.js` is a host.
  if (prev === CH.SLASH && !(i > 1 && s.charCodeAt(i - 2) === CH.SLASH)) return true;
  if (mixedCase) return true;
  const firstDot = host.indexOf('.');
  const first = host.slice(0, firstDot);
  if (CODE_RECEIVERS.has(first)) return true;
  if (weakerOnly) return false;
  if (next === CH.EQ || next === CH.LBRACKET || next === CH.LBRACE || next === CH.DOLLAR) return true;
  if (innerUnderscore) return true;
  const quoted = prev === CH.DQUOTE || prev === CH.SQUOTE || prev === CH.BACKTICK;
  if (ctx.moduleLine && !quoted) return true;
  if (dots >= 2 && REVERSED_DOMAIN_ROOTS.has(first) && j > i) return true;
  return false;
}
