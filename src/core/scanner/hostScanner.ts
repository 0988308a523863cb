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
import { CH, CLASS_HEX, CLASS_LABEL, CLASS_LOWER, CLASS_NON_ASCII, CLASS_UPPER, classBits, isDigitChar, isLabelChar, isQuote, isSpaceChar, isUserChar } from './charClass';
import { CODE_RECEIVERS, HOST_MEMBER_NAMES, NOT_A_HOST_BEFORE_PORT, NOT_A_HOST_WORDS, REVERSED_DOMAIN_ROOTS, STRING_PREFIXES } from './codeHeuristics';
import { isValueOfHostKey } from './hostValuedKey';
import { badLabel, hostSyntaxEnd, MAX_NAME_CHARS } from './hostSyntax';
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
import { TextLines } from './textLines';
import { findUrls, type UrlSpan } from './urls';

/** ssh-family commands, on whose lines `user@host` may name a host by a single label (`ssh deploy@bastion`). */
export const SSH_LINE = /(?:^|[\s`"'(=])(?:ssh|scp|sftp|rsync|mosh|git|ProxyJump)\b/i;

/** The lowest port accepted after a single label in text without other host context: `cache:6379` yes, `postgres:16` (an image tag) no. */
const MIN_BARE_SINGLE_LABEL_PORT = 80;

/** A `shape` bit beside the CLASS_* bits: an underscore inside a label (`db_host.name`), not at its start. */
const INNER_UNDERSCORE = 0x100;
/**
 * A `shape` bit: the word is no valid host name — a label longer than 63 characters or starting or ending with `-`,
 * or longer than MAX_NAME_CHARS — decided label by label as the word is read (what hostSyntaxEnd would say of it,
 * without reading it again).
 */
const BAD_SYNTAX = 0x200;

interface Port {
  text: string;
  end: number;
}

export class HostScanner {
  private readonly privates: PrivateSuffixes;
  private readonly urlSpans: UrlSpan[] = [];
  /** Whether the line being scanned is an ssh-like command line: decided once per line, only if needed. */
  private sshLine: boolean | null = null;
  /** Where the line first says `version` (not a `Version/` product token), -1 if nowhere: decided once per line, only if needed. */
  private versionAt: number | null = null;
  /** Whether the line mentions Go's tools at all (isGoPackagePath's searches before a word): decided once per line, only if needed. */
  private goLine: boolean | null = null;
  /** Whether the line is a dnsmasq `server=/domain/…` option, or a mail's `Received:` header: once per line, if needed. */
  private dnsmasqLine: boolean | null = null;
  private receivedLine: boolean | null = null;

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
    for (const lines = new TextLines(text); lines.next(); ) this.scanLineInto(lines.line, lines.lineNo, out);
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
    if (urls.length !== 0) urls.length = 0; // setting an array's length is a runtime call, even to its own length
    findUrls(s, urls);
    const ctx = analyzeLine(s);
    this.sshLine = null;
    this.goLine = null;
    this.dnsmasqLine = null;
    this.receivedLine = null;
    this.versionAt = null;
    let u = 0;
    let nextUrl = urls.length > 0 ? urls[0].start : n;
    let i = 0;
    while (i < n) {
      if (i >= nextUrl) {
        const span = urls[u++];
        if (span.hosts && span.hosts.length > 1) {
          // A multi-host URL is as many hosts as it lists: each is reported (and resolved) on its own.
          for (const h of span.hosts) {
            out.push({ kind: h.kind, text: s.slice(h.start, h.end), line: lineNo, character: h.start, length: h.end - h.start, host: h.host, explicitPort: h.port, context: 'url' });
          }
          i = span.end;
          nextUrl = u < urls.length ? urls[u].start : n;
          continue;
        }
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
      if (!isLabelChar(c) || (c === CH.MINUS && i > 0 && s.charCodeAt(i - 1) === CH.COLON)) {
        // A `-` after `:` is the shell's default operator (`${REDIS_HOST:-cache.internal}`), never a label's start.
        i++;
        continue;
      }
      // A word: labels and the dots between them, with what its characters are (one table lookup each). Each
      // character is read once (a charCodeAt costs some 30 instructions in V8's optimized code: it dispatches on
      // the string's representation every time): `cc` is the one at j, and after the loop the one after the word.
      let j = i;
      let dots = 0;
      let all = CLASS_HEX;
      let shape = 0;
      let labelStart = i;
      let firstDot = -1;
      let cc = c;
      for (;;) {
        const bits = classBits(cc);
        if ((bits & CLASS_LABEL) !== 0) {
          all &= bits;
          shape |= bits;
          if (cc === CH.UNDERSCORE && j !== labelStart) shape |= INNER_UNDERSCORE;
          cc = ++j < n ? s.charCodeAt(j) : -1;
          if (j < nextUrl) continue;
        } else if (cc === CH.DOT && j + 1 < nextUrl) {
          const after = s.charCodeAt(j + 1);
          if (isLabelChar(after)) {
            if (badLabel(s, labelStart, j)) shape |= BAD_SYNTAX;
            if (dots === 0) firstDot = j;
            dots++;
            labelStart = ++j;
            cc = after;
            continue;
          }
        }
        break;
      }
      if (badLabel(s, labelStart, j) || j - i > MAX_NAME_CHARS) shape |= BAD_SYNTAX;
      if (dots === 0 && (all & CLASS_HEX) !== 0 && cc === CH.COLON) {
        const end = this.bareIpv6(s, i, nextUrl, lineNo, ctx, out);
        if (end > i) {
          i = end;
          continue;
        }
      }
      i = this.word(s, i, j, cc, dots, firstDot, labelStart - 1, shape, lineNo, ctx, out);
    }
  }

  /**
   * Classifies the word [i, j) and emits it if it is a host; returns where scanning continues. The character after
   * it (`next`, -1 at the line's end), its first and last dots (when `dots` > 0) and `shape` come from reading it:
   * the CLASS_* bits of its characters (any of them), INNER_UNDERSCORE and BAD_SYNTAX.
   */
  private word(s: string, i: number, j: number, next: number, dots: number, firstDot: number, lastDot: number, shape: number, lineNo: number, ctx: LineContext, out: HostMatch[]): number {
    const prev = i > 0 ? s.charCodeAt(i - 1) : -1;
    if (next === CH.AT && prev === CH.SLASH && dots > 0 && (shape & BAD_SYNTAX) === 0 && isServicePrincipal(s, i, j)) {
      // `HTTP/wiki.corp@CORP`, `postgres/db1.example.com@EXAMPLE.COM`: a Kerberos service principal names its host.
      this.emit(out, 'hostname', s, i, j, lineNo, null, 'keyword');
      return j;
    }
    // `forward-addr: 192.0.2.53@853#dns.example.net` (Unbound): an address and its port, then the name its TLS
    // certificate must carry.
    if (next === CH.AT && dots === 3 && ipv4End(s, i, j) === j && isDigitChar(s.charCodeAt(j + 1))) {
      this.emit(out, 'ipv4', s, i, j, lineNo, null, inStrongContext(ctx, i, j) ? ctx.strongKind : 'bare');
      return j;
    }
    if (prev === CH.HASH && dots > 0 && (shape & BAD_SYNTAX) === 0 && isAuthNameAfterPort(s, i)) {
      this.emit(out, 'hostname', s, i, j, lineNo, null, 'keyword');
      return j;
    }
    if (next === CH.AT || next === CH.LPAREN) return j; // the user part of user@host; a call `x.y(`
    if (isHeloName(s, i, prev, next)) {
      // The name a mail client greeted with, in any case: Postfix's `helo=<WIN-4F2H9.localdomain>`, Exim's
      // `H=mx.example (helo) [ip]` and `H=(helo)`, and its `rejected EHLO or HELO name:`.
      const plausible = dots > 0 ? (shape & BAD_SYNTAX) === 0 : j - i <= 63 && hasLetter(s, i, j) && !NOT_A_HOST_WORDS.has(s.slice(i, j).toLowerCase());
      if (plausible) this.emit(out, 'hostname', s, i, j, lineNo, null, 'keyword');
      return j;
    }
    if (next === CH.SLASH && isTypeUrl(s, i)) return j;
    // `${{ job.status }}`, `{{ .Values.host }}`: inside a template's braces a dotted word is an expression.
    if ((prev === CH.SPACE || prev === CH.LBRACE) && dots > 0 && afterDoubleBrace(s, i)) return j;
    if (prev === CH.PERCENT && dots > 0 && isEncodedUrlHost(s, i)) {
      // `?to=https%3A%2F%2Fpartner.example.net%2Foffer`: a percent-encoded URL in a query still names its host.
      if (hostSyntaxEnd(s, i + 2, j, false) === j && !allDigits(s, lastDot + 1, j)) this.emit(out, 'hostname', s, i + 2, j, lineNo, null, 'url');
      return j;
    }
    if (prev === CH.SLASH && next === CH.SLASH && this.isDnsmasqDomainsLine(s)) {
      // dnsmasq's `server=/corp.example.com/10.30.0.2`, `local=/lab.internal/`: the domains between the slashes.
      if ((shape & BAD_SYNTAX) === 0 && hasLetter(s, i, j)) this.emit(out, 'hostname', s, i, j, lineNo, null, 'keyValue');
      return j;
    }
    if (dots === 0) return this.singleLabel(s, i, j, prev, next, lineNo, ctx, out);
    // `--src-range 198.51.100.10-198.51.100.19`, nftables' `192.0.2.250-192.0.2.254`: a range of two addresses.
    if (dots === 6 && isDigitChar(s.charCodeAt(i)) && this.ipv4Range(s, i, j, lineNo, ctx, out)) return j;
    // `[registries.corp]`, `# [tool.poetry]`: a TOML table's dotted key, on a line of its own.
    if (prev === CH.LBRACKET && next === CH.RBRACKET && (shape & (CLASS_LOWER | CLASS_UPPER)) !== 0 && TOML_TABLE_LINE.test(s)) return j;
    const bracketed = next === CH.LBRACKET ? bracketedIpAfter(s, j) : null;
    if (bracketed) {
      // `mx2.mail.example.net[198.51.100.25]`: Postfix, Exim and sendmail log a peer as name[address]; both are hosts.
      if ((shape & BAD_SYNTAX) === 0 && !allDigits(s, lastDot + 1, j)) this.emit(out, 'hostname', s, i, j, lineNo, null, 'bare');
      this.emit(out, bracketed.kind, s, j + 1, bracketed.end, lineNo, null, 'bare');
      return bracketed.end + 1;
    }
    const atHost = isAtHost(s, i, prev);
    const port = next === CH.COLON ? portAt(s, j + 1) : null;
    const strong = inStrongContext(ctx, i, j);
    const strongContext: MatchContext = i === ctx.argStart ? 'keyword' : ctx.strongKind;
    const mixedCase = (shape & CLASS_UPPER) !== 0 && (shape & CLASS_LOWER) !== 0;

    if (dots === 3 && ipv4End(s, i, j) === j) {
      if (isVersionOperator(s, i) || (isProductToken(s, i) && !this.isDnsmasqDomainsLine(s)) || isVersionValue(s, i)) return j;
      // `route 10.8.0.0 255.255.0.0`, `dhcp-range=…,255.255.255.0`: a netmask after an address, or after `netmask`.
      if (isNetmaskAfterAddress(s, i, j)) return j;
      // A bare four-part number on a line about versions (`schema_version … DEFAULT '1.4.0.0'`, `X-Mailer: Mail 4.2.0.1`)
      // is a version; an address there still counts in host contexts (host:port, user@, directives).
      if (!port && !atHost && !strong && next !== CH.SLASH && this.isVersionLine(s, i)) return j;
      const networkEnd = next === CH.SLASH ? ipv4PrefixEnd(s, j + 1) : -1;
      if (networkEnd > 0) {
        this.emitNetwork(out, s, i, j, networkEnd, lineNo, strong ? strongContext : 'bare');
        return networkEnd;
      }
      // `10.0.0.0/33`: a network written with a prefix longer than an address (invalid), not a host.
      if (next === CH.SLASH && isNumberWord(s, j + 1)) return j;
      const context: MatchContext = atHost ? (this.isSshLine(s) ? 'userHost' : 'email') : port ? 'hostPort' : strong ? strongContext : 'bare';
      this.emit(out, 'ipv4', s, i, j, lineNo, port, context);
      return port ? port.end : j;
    }
    if ((shape & BAD_SYNTAX) !== 0) return j;
    if (isDigitChar(s.charCodeAt(lastDot + 1)) && allDigits(s, lastDot + 1, j)) return j; // versions, 1.2.3

    // The name and its last label as strings once: each set lookup of the same string reuses its hash.
    const host = s.slice(i, j).toLowerCase();
    // (Lower-casing keeps the offsets but for a few letters that become two: `İ` is `i̇`.)
    const sameLength = host.length === j - i;
    const lastLabel = host.slice(sameLength ? lastDot + 1 - i : host.lastIndexOf('.') + 1);
    if (!sameLength) firstDot = i + host.indexOf('.');
    const cls = classifyHost(host, lastLabel, this.privates);
    // `networking.k8s.io`, `cluster.x-k8s.io`: Kubernetes API groups (`"apiGroup":"…"` in audit logs), not hosts.
    if (lastLabel === 'io' && K8S_API_GROUP.test(host)) return j;
    let context: MatchContext | null = null;
    if (next === CH.SLASH && (isApiGroup(s, j) || isGoPackagePath(s, i, (this.goLine ??= GO_HINT.test(s))))) return j;
    if (atHost && (isMessageIdLine(s) || isMessageIdToken(s, i))) return j;
    if (prev === CH.LT && isMessageIdLine(s)) return j; // `List-Id: Users <users.lists.example.org>`: an id
    if (prev === CH.AT && isOracleThin(s, i)) {
      // `jdbc:oracle:thin:@erp-db.example.com:1521:ORCL` (and `@//host:port/service`, a URL the URL pass finds).
      this.emit(out, 'hostname', s, i, j, lineNo, port, port ? 'hostPort' : 'keyword');
      return port ? port.end : j;
    }
    if (prev === CH.BACKSLASH && isUncHost(s, i)) {
      // `\\files.corp.example.com\public`: a Windows UNC path names its server first.
      this.emit(out, 'hostname', s, i, j, lineNo, null, 'keyword');
      return j;
    }
    if (atHost) {
      if (cls !== SUFFIX_NONE) context = this.isSshLine(s) ? 'userHost' : 'email';
      else if (this.isSshLine(s)) context = 'userHost';
    } else if (strong) {
      // `host = ngx.var.host`, `host: opts.host`: a property read where a host goes is not a name.
      if (prev !== CH.DOT && prev !== CH.STAR && !isPropertyRead(lastLabel, prev)) context = strongContext;
    } else if (port && cls !== SUFFIX_NONE && cls !== SUFFIX_FILE_EXTENSION && !followsColonDigit(s, port.end)) {
      if (!looksLikeCode(s, host, lastLabel, i, j, firstDot, prev, next, dots, shape, ctx, true)) context = 'hostPort';
    } else if (prev === CH.DOT) {
      // `.example.com` is a domain suffix (cookie domains, search lists) where a key says so; else a wildcard
      // tail (`*.example.com`), a CSS class or a file name (`.env.local`).
      if (!mixedCase && cls !== SUFFIX_NONE && isValueOfHostKey(s, i - 1)) context = 'keyValue';
    } else if (!looksLikeCode(s, host, lastLabel, i, j, firstDot, prev, next, dots, shape, ctx, false)) {
      if (isLabelKeyPrefix(s, i, j)) return j;
      // `ASP.NET`, `EXAMPLE.COM` (a Kerberos realm): a public name in capitals with nothing around it is a product or
      // a realm, not a host; under a private suffix (`DB.INTERNAL`) it is still a host.
      if (cls !== SUFFIX_PRIVATE && hasCapitalsOnly(s, i, j, shape)) return j;
      if (PRODUCT_LAST_LABELS.has(lastLabel) && DOTTED_PRODUCT_NAMES.has(host)) return j;
      if (cls === SUFFIX_PRIVATE || cls === SUFFIX_COMMON) context = 'bare';
      else if (cls === SUFFIX_OTHER_TLD && (next === CH.SLASH || host.startsWith('www.'))) context = 'bare';
      if (context === null && isValueOfHostKey(s, i)) context = 'keyValue';
    } else if ((cls === SUFFIX_PRIVATE || cls === SUFFIX_COMMON || cls === SUFFIX_OTHER_TLD) && !mixedCase && next !== CH.EQ && !HOST_MEMBER_NAMES.has(lastLabel) && isValueOfHostKey(s, i)) {
      // (A host key's value that reads like code is still a name, but not a property read: `host = ngx.var.host`.)
      context = 'keyValue';
    }
    if (context === null) return j;
    if (context === 'bare' && port && !followsColonDigit(s, port.end)) context = 'hostPort';
    const usePort = port && !followsColonDigit(s, port.end) ? port : null;
    this.emit(out, 'hostname', s, i, j, lineNo, usePort, context);
    return usePort ? usePort.end : j;
  }

  private singleLabel(s: string, i: number, j: number, prev: number, next: number, lineNo: number, ctx: LineContext, out: HostMatch[]): number {
    if (prev === CH.DOT || prev === CH.DOLLAR || prev === CH.PERCENT || prev === CH.AMP || next === CH.EQ || next === CH.DOT) return j;
    if (prev === CH.BACKSLASH) {
      // `\\fileserver\share` names a server; any other word after a backslash is a path part, an instance or an escape.
      if (!isUncHost(s, i) || j - i > 63 || !hasLetter(s, i, j)) return j;
      this.emit(out, 'hostname', s, i, j, lineNo, null, 'keyword');
      return j;
    }
    const atHost = isAtHost(s, i, prev);
    const port = next === CH.COLON ? portAt(s, j + 1) : null;
    // `Received: from relay7 (unknown [10.12.4.31])`: the name the sending host gave, in a mail's trace header.
    const strong = inStrongContext(ctx, i, j) || (prev === CH.SPACE && (this.receivedLine ??= RECEIVED_LINE.test(s)) && isReceivedFrom(s, i));
    // Most words of a line are identifiers with no host context at all: leave them before allocating anything.
    if (!atHost && !strong && !port && j - i !== 9 && !isValueOfHostKey(s, i)) return j;
    // `TLS_AES_128_GCM_SHA256`, `legacy_mysql`: an underscore inside a word makes it an identifier (host names
    // cannot have one; DNS's `_service` labels start with it). `config["key"]` indexes; `f"{x}"` is a template.
    if (hasInnerUnderscore(s, i, j) || (next === CH.LBRACKET && !bracketedIpAfter(s, j))) return j;
    if ((next === CH.DQUOTE || next === CH.SQUOTE) && j - i <= 2 && STRING_PREFIXES.has(s.slice(i, j).toLowerCase())) return j;
    const strongContext: MatchContext = i === ctx.argStart ? 'keyword' : ctx.strongKind;
    // One letter is a variable, a type code or an option's value (Getopt's `'server=s'`), not a host's name.
    if (j - i > 63 || j - i < 2 || !hasLetter(s, i, j) || s.charCodeAt(i) === CH.MINUS || s.charCodeAt(j - 1) === CH.MINUS) return j;
    const word = s.slice(i, j);
    const lower = word.toLowerCase();
    let context: MatchContext | null = null;
    const validPort = port && !followsColonDigit(s, port.end) ? port : null;
    if (atHost) {
      if (this.isSshLine(s) && !NOT_A_HOST_WORDS.has(lower)) context = 'userHost';
      else if (word === 'localhost') context = 'email'; // `root@localhost`: local mail
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
    const strong = inStrongContext(ctx, i, z);
    this.emit(out, 'ipv6', s, i + 1, z, lineNo, port, port ? 'hostPort' : strong ? ctx.strongKind : 'bare');
    return port ? port.end : z + 1;
  }

  /** A bare IPv6 literal (`2001:db8::1`, `fe80::1%eth0`, `::1`) at i, emitted; returns its end, or i + 1 / i. */
  private bareIpv6(s: string, i: number, limit: number, lineNo: number, ctx: LineContext, out: HostMatch[]): number {
    const fail = s.charCodeAt(i) === CH.COLON ? i + 1 : i;
    const prev = i > 0 ? s.charCodeAt(i - 1) : -1;
    // Redis's `bind 127.0.0.1 -::1`: a leading `-` marks an address as optional; it is not a label's hyphen.
    const optional = prev === CH.MINUS && (i < 2 || isSpaceChar(s.charCodeAt(i - 2)));
    if (!optional && prev >= 0 && (isLabelChar(prev) || prev === CH.COLON || prev === CH.DOT || prev === CH.LBRACKET) && !isAfterSpfIp6(s, i, prev)) return skipColons(s, i, fail);
    const end = ipv6End(s, i, limit);
    // `::` alone is the unspecified address: an address only as a network (`::/0`) or as a host key's value (`address: ::`).
    const unspecified = end - i === 2;
    if (end < 0 || (!unspecified && (end - i < 3 || !hasDigit(s, i, end)))) return skipColons(s, i, fail);
    const z = zoneEnd(s, end, limit);
    const after = z < s.length ? s.charCodeAt(z) : -1;
    if (after >= 0 && (isLabelChar(after) || (after === CH.COLON && !endsClause(s, z + 1)) || (after === CH.DOT && isDigitChar(s.charCodeAt(z + 1))))) return skipColons(s, i, fail);
    const strong = inStrongContext(ctx, i, z);
    const context: MatchContext = strong ? (i === ctx.argStart ? 'keyword' : ctx.strongKind) : 'bare';
    const networkEnd = z === end && s.charCodeAt(end) === CH.SLASH ? prefixLengthEnd(s, end + 1, 128) : -1;
    if (networkEnd > 0) {
      this.emitNetwork(out, s, i, end, networkEnd, lineNo, context);
      return networkEnd;
    }
    if (unspecified && (z !== end || after === CH.SLASH || !isValueOfHostKey(s, i))) return skipColons(s, i, fail);
    this.emit(out, 'ipv6', s, i, z, lineNo, null, context);
    return z;
  }

  /** `a.b.c.d-e.f.g.h` as the word [i, j): both addresses emitted, or nothing (false). */
  private ipv4Range(s: string, i: number, j: number, lineNo: number, ctx: LineContext, out: HostMatch[]): boolean {
    const dash = ipv4End(s, i, j);
    if (dash < 0 || s.charCodeAt(dash) !== CH.MINUS || ipv4End(s, dash + 1, j) !== j) return false;
    const context: MatchContext = inStrongContext(ctx, i, j) ? ctx.strongKind : 'bare';
    this.emit(out, 'ipv4', s, i, dash, lineNo, null, context);
    this.emit(out, 'ipv4', s, dash + 1, j, lineNo, null, context);
    return true;
  }

  /** `10.40.0.0/16`, `192.0.2.0/255.255.255.0`, `2001:db8::/32`: the address ends at slash, the network at end. */
  private emitNetwork(out: HostMatch[], s: string, start: number, slash: number, end: number, lineNo: number, context: MatchContext): void {
    const text = s.slice(start, end);
    out.push({ kind: 'network', text, line: lineNo, character: start, length: end - start, host: text, explicitPort: null, context, address: s.slice(start, slash), prefix: s.slice(slash + 1, end) });
  }

  private isSshLine(s: string): boolean {
    return (this.sshLine ??= SSH_LINE.test(s));
  }

  private isDnsmasqDomainsLine(s: string): boolean {
    return (this.dnsmasqLine ??= DNSMASQ_DOMAINS_LINE.test(s));
  }

  /**
   * A number at i on a line that talks about versions before it (`schema_version … '1.4.0.0'`, `X-Mailer: Mail
   * 4.2.0.1`): a version. `Version/17.2` (a User-Agent's product token) does not count: an access log's client
   * address comes before it. The line is searched once, not once per number (a line of many addresses).
   */
  private isVersionLine(s: string, i: number): boolean {
    this.versionAt ??= VERSION_HEADER.test(s) ? 0 : s.search(VERSION_MENTION);
    return this.versionAt >= 0 && this.versionAt + 'version'.length <= i;
  }

  private emit(out: HostMatch[], kind: HostOnlyMatch['kind'], s: string, start: number, end: number, lineNo: number, port: Port | null, context: MatchContext): void {
    const text = s.slice(start, end);
    out.push({ kind, text, line: lineNo, character: start, length: end - start, host: text, explicitPort: port ? port.text : null, context });
  }
}

/** SPF's `ip6:` right before i (`ip6:2001:db8::/32` names an address or a network). */
export function isAfterSpfIp6(s: string, i: number, prev: number): boolean {
  return prev === CH.COLON && i >= 4 && s.charCodeAt(i - 2) === 0x36 /* 6 */ && (s.charCodeAt(i - 3) | 0x20) === 0x70 /* p */ && (s.charCodeAt(i - 4) | 0x20) === 0x69 /* i */ && (i === 4 || !isLabelChar(s.charCodeAt(i - 5)));
}

/** A `:` at k - 1 that ends a clause: a space or the line's end after it (`address 2001:db8::42: Name or …`). */
export function endsClause(s: string, k: number): boolean {
  return k === s.length || isSpaceChar(s.charCodeAt(k));
}

/** After a failed IPv6 attempt at a run of colons, continue past the colons (so `:::` is not retried char by char). */
export function skipColons(s: string, i: number, fail: number): number {
  if (fail === i) return i;
  let k = i;
  while (k < s.length && s.charCodeAt(k) === CH.COLON) k++;
  return k;
}

/** `:PORT` at i (after the colon): 1-5 digits, 1..65535, not followed by more word characters or `.digit`. */
export function portAt(s: string, i: number): Port | null {
  let k = i;
  while (k < s.length && k - i < 6 && isDigitChar(s.charCodeAt(k))) k++;
  const len = k - i;
  if (len === 0 || len > 5) return null;
  const after = k < s.length ? s.charCodeAt(k) : -1;
  if (after >= 0 && (isLabelChar(after) || (after === CH.DOT && isDigitChar(s.charCodeAt(k + 1))))) return null;
  const value = Number(s.slice(i, k));
  return value >= 1 && value <= 65535 ? { text: s.slice(i, k), end: k } : null;
}

/** `user@host` at i: an `@` right before, a user's character before that. */
export function isAtHost(s: string, i: number, prev: number): boolean {
  return prev === CH.AT && i >= 2 && isUserChar(s.charCodeAt(i - 2));
}

/** Whether [i, end) is inside the line's directive values or starts its command's argument (analyzeLine). */
function inStrongContext(ctx: LineContext, i: number, end: number): boolean {
  return (ctx.strongStart <= i && end <= ctx.strongEnd) || i === ctx.argStart;
}

/** `ASP.NET`, `EXAMPLE.COM`: capitals and no small letters, as toLowerCase and toUpperCase see them. */
export function hasCapitalsOnly(s: string, i: number, j: number, shape: number): boolean {
  if ((shape & CLASS_NON_ASCII) === 0) return (shape & CLASS_UPPER) !== 0 && (shape & CLASS_LOWER) === 0;
  const word = s.slice(i, j);
  return word !== word.toLowerCase() && word === word.toUpperCase();
}

/** `main.go:42:7`, `app.ts:10:5`: a source position, not host:port. */
export function followsColonDigit(s: string, i: number): boolean {
  return s.charCodeAt(i) === CH.COLON && isDigitChar(s.charCodeAt(i + 1));
}

/**
 * `==1.2.3.4`, `>=1.2.3.4`, `~1.2.3.4`, `^1.2.3.4`, `version 1.2.3.4`: a version with four parts, not an address.
 */
export function isVersionOperator(s: string, i: number): boolean {
  const p = i > 0 ? s.charCodeAt(i - 1) : -1;
  if (p === CH.TILDE || p === CH.CARET) return true;
  if (p === CH.SPACE && VERSION_WORD.test(s.slice(Math.max(0, i - 9), i))) return true;
  if (p !== CH.EQ) return false;
  const pp = i > 1 ? s.charCodeAt(i - 2) : -1;
  return pp === CH.EQ || pp === CH.GT || pp === CH.LT || pp === CH.TILDE || pp === CH.BANG;
}

export const VERSION_WORD = /(?:^|[^A-Za-z])(?:version|release|ver|v)\s$/i;

/**
 * `Chrome/122.0.0.0`, `Edg/122.0.2365.92`: a User-Agent product token's version (`name/version`), not an address.
 * A product's name has no dot: `kafka-2.internal/10.40.1.12` is Java's InetAddress (`name/address`), an address.
 */
export function isProductToken(s: string, i: number): boolean {
  if (!(i >= 2 && s.charCodeAt(i - 1) === CH.SLASH && isLabelChar(s.charCodeAt(i - 2)) && s.charCodeAt(i - 2) !== CH.SLASH)) return false;
  let k = i - 2;
  while (k >= 0 && isLabelChar(s.charCodeAt(k))) k--;
  return !(k > 0 && s.charCodeAt(k) === CH.DOT && isLabelChar(s.charCodeAt(k - 1)));
}

/** `FileVersion("2.0.0.0")`, `AssemblyVersion = "1.0.0.0"`, `version: '10.0.0.1'`: the value of something named a version. */
export function isVersionValue(s: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && i - k <= 4) {
    const c = s.charCodeAt(k);
    if (c === CH.DQUOTE || c === CH.SQUOTE || c === CH.LPAREN || c === CH.EQ || c === CH.COLON || c === CH.SPACE) k--;
    else break;
  }
  if (k === i - 1) return false;
  const end = k + 1;
  while (k >= 0 && isLabelChar(s.charCodeAt(k))) k--;
  return /version$/i.test(s.slice(k + 1, end));
}

/** Libraries and products whose names end in a TLD (`socket.io`, `ASP.NET`): named in docs and code, never a host there. */
export const DOTTED_PRODUCT_NAMES: ReadonlySet<string> = new Set(['socket.io', 'asp.net', 'ado.net', 'vb.net', 'dot.net', 'vue.js', 'node.js', 'chart.js', 'three.js', 'next.js', 'nuxt.js', 'd3.js', 'ember.js', 'backbone.js', 'express.js', 'moment.js', 'day.js', 'alpine.js', 'anime.js', 'p5.js', 'video.js', 'immutable.js', 'socket.io-client', 'engine.io']);

/** The last labels of DOTTED_PRODUCT_NAMES: most names end in none of them, and are not looked up whole. */
export const PRODUCT_LAST_LABELS = new Set([...DOTTED_PRODUCT_NAMES].map((name) => name.slice(name.lastIndexOf('.') + 1)));

/** A mail's `Received:` trace header line. */
export const RECEIVED_LINE = /^Received:/i;

/** `Received: from ` right before i, on a Received line (a mail header). */
export function isReceivedFrom(s: string, i: number): boolean {
  return i >= 15 && /^Received:\s+from\s+$/i.test(s.slice(0, i));
}

/** `@853#` right before i: Unbound's `address@port#tls-auth-name`. */
export function isAuthNameAfterPort(s: string, i: number): boolean {
  let k = i - 2;
  while (k >= 0 && i - k <= 7 && isDigitChar(s.charCodeAt(k))) k--;
  return k < i - 2 && k >= 0 && s.charCodeAt(k) === CH.AT;
}

/**
 * A netmask at [i, j) (255 then contiguous ones: `255.255.252.0`) after an address on the same line (`route 10.8.0.0
 * 255.255.0.0`, pg_hba's `192.168.1.1 255.255.255.255`, dnsmasq's `dhcp-range=a,b,255.255.255.0`) or after a word
 * saying mask: it describes a network, it is not a host.
 */
export function isNetmaskAfterAddress(s: string, i: number, j: number): boolean {
  if (!s.startsWith('255.', i)) return false;
  let bits = 0;
  let part = 0;
  for (let k = i; k <= j; k++) {
    const c = k < j ? s.charCodeAt(k) : CH.DOT;
    if (c !== CH.DOT) part = part * 10 + c - 48;
    else {
      bits = bits * 256 + part;
      part = 0;
    }
  }
  const inverted = ~bits >>> 0; // contiguous ones then zeros: the inverse plus one is a power of two
  if ((inverted & (inverted + 1)) !== 0) return false;
  return /\d\.\d+\.\d+\.\d+[^\d.]+$/.test(s.slice(Math.max(0, i - 48), i)) || /mask\W*$/i.test(s.slice(Math.max(0, i - 24), i));
}

/** dnsmasq's options that take `/domain/…/[server]`: `server=/consul/127.0.0.1#8600`, `address=/ads.example.net/0.0.0.0`. */
export const DNSMASQ_DOMAINS_LINE = /^\s*(?:server|address|local|ipset|nftset|rebind-domain-ok)\s*=\s*\//;

/** `networking.k8s.io`, `cluster.x-k8s.io`: Kubernetes API groups. */
export const K8S_API_GROUP = /(?:^|\.)(?:x-)?k8s\.io$/;

/** A TOML table header (`[a.b]`, `[[a.b]]`) alone on its line, perhaps commented out. */
export const TOML_TABLE_LINE = /^\s*(?:#\s*)?\[\[?[^\s[\]]+\]\]?\s*$/;

/** `version` as a word people write before a version number; `Version/17.2` is a User-Agent product token. */
export const VERSION_MENTION = /version(?!\/)/i;
/** Header lines whose four-part numbers are versions wherever they stand. */
export const VERSION_HEADER = /^\s*(?:x-mailer|user-agent|server)\s*:/i;

/** `message-id=<…@host>` inside a log line (Postfix's cleanup logs the Message-ID): the `@host` is part of an id. */
export function isMessageIdToken(s: string, i: number): boolean {
  if (isEximMessageId(s, i)) return true;
  // Only the 256 characters before: a line of many addresses must not be searched back to its start for each.
  let lt = i - 1;
  while (lt >= 0 && i - lt <= 256 && s.charCodeAt(lt) !== CH.LT) lt--;
  if (lt < 0 || i - lt > 256) return false;
  // `message-id=<…>` (Postfix), `Message-ID: <…>`, and `(message-id <…>)` as applications log it.
  return /(?:message-id|in-reply-to|references|content-id)\s*[=:]?\s*$/i.test(s.slice(Math.max(0, lt - 24), lt));
}

/** `networking.k8s.io/v1`, `apps/v1beta1` after `apiVersion:`: a Kubernetes API group, not a host. */
export function isApiGroup(s: string, j: number): boolean {
  return /^\/v\d+(?:(?:alpha|beta)\d+)?\b/.test(s.slice(j, j + 16)) && /\bapiVersion["']?\s*:/.test(s);
}

/**
 * A Go module or package path at i (a name followed by `/`), whose first element names where the code is kept, not
 * a host the program connects to: an import line (`"github.com/jackc/pgx/v5"`, `pgx "github.com/…"`), a go.mod
 * directive (`module example.com/ledger`, `require … v0.14.2`, a require block's `github.com/x/y v1.2.3 //
 * indirect`, `replace a => b v1.0.0`), a Go setting's list (`GOPRIVATE=example.com/payments/*`), a linker flag
 * (`-X example.com/app/version.Version=1.2`), `go get|install|run …`, or `package example.com/…` in prose.
 */
export function isGoPackagePath(s: string, i: number, goLine: boolean): boolean {
  if (i > 0 && s.charCodeAt(i - 1) === CH.DQUOTE && GO_IMPORT_LINE.test(s)) return true;
  return GO_MOD_LINE.test(s) || (goLine && GO_PATH_BEFORE.test(s.slice(Math.max(0, i - 80), i)));
}

/** What a line must contain for GO_PATH_BEFORE to match anywhere in it (one search per line, not one per word). */
export const GO_HINT = /GO[A-Z]|-X|\bgo\s|\bpackage\s/;

export const GO_IMPORT_LINE = /^\s*(?:import\s+)?(?:[A-Za-z_]\w*\s+|\.\s+)?"[^"\s]+"\s*(?:\/\/.*)?$/;
export const GO_MOD_LINE = /^\s*(?:(?:module|require|replace|exclude|retract|tool)\s+[^\s"]+|[^\s"]+\s+v\d+\.\d+\.\d+\S*\s*(?:\/\/.*)?$|[^\s"]+(?:\s+v\S+)?\s+=>\s)/;
export const GO_PATH_BEFORE = /(?:\bGO(?:PRIVATE|NOPROXY|NOSUMDB|INSECURE)\s*[=:]\s*["']?(?:[^\s"',]+,)*|(?:^|\s)-X[\s=]["']?|\bgo\s+(?:get|install|run|list|doc|mod\s+\w+)(?:\s+-\S+)*\s+|\bpackage\s+)$/;

/** `Message-ID: <20240105.1234@mail.example.com>`: the part after `@` makes an id unique; it names no host to reach. */
export function isMessageIdLine(s: string): boolean {
  return /^\s*(?:message-id|in-reply-to|references|content-id|resent-message-id|list-id)\s*:/i.test(s);
}

/** `…thin:@host` — Oracle's thin driver puts the host after `@`, with no user in front. */
export function isOracleThin(s: string, i: number): boolean {
  return i >= 6 && s.slice(i - 6, i - 1).toLowerCase() === 'thin:';
}

/**
 * `\\server\share` with the server at i: two backslashes (four where the file escapes them, as .properties and
 * JSON do), not preceded by a word.
 */
export function isUncHost(s: string, i: number): boolean {
  let k = i;
  while (k > 0 && s.charCodeAt(k - 1) === CH.BACKSLASH) k--;
  const run = i - k;
  // `(localdb)\\MSSQLLocalDB` is an instance after a server, not a server.
  const before = k > 0 ? s.charCodeAt(k - 1) : -1;
  return (run === 2 || run === 4) && !(before >= 0 && (isLabelChar(before) || before === CH.RPAREN || before === CH.RBRACKET));
}

/**
 * After an IPv4 address's `/` at i: a prefix length 0-32 or a dotted netmask, not followed by more of a path
 * (`10.0.0.0/8`, `192.0.2.0/255.255.255.0`, but not `1.2.3.4/foo` or `10.0.0.0/8/x`). Its end, or -1.
 */
export function ipv4PrefixEnd(s: string, i: number): number {
  const mask = ipv4End(s, i, s.length);
  const end = mask > 0 ? mask : prefixLengthEnd(s, i, 32);
  return end;
}

/** Digits at i that end the word (numberEndsAt). */
export function isNumberWord(s: string, i: number): boolean {
  let k = i;
  while (k < s.length && isDigitChar(s.charCodeAt(k))) k++;
  return k > i && numberEndsAt(s, k);
}

/** A prefix length 0..max at i, ending the word (not followed by a label character, `/` or `.digit`). Its end, or -1. */
export function prefixLengthEnd(s: string, i: number, max: number): number {
  let k = i;
  while (k < s.length && k - i < 3 && isDigitChar(s.charCodeAt(k))) k++;
  if (k === i || Number(s.slice(i, k)) > max || (k - i > 1 && s.charCodeAt(i) === 48)) return -1;
  return numberEndsAt(s, k) ? k : -1;
}

/** Whether a number ends its word at k: no label character, `/` or `.digit` follows (`/8` yes; `/8x`, `/8/x`, `/8.1` no). */
export function numberEndsAt(s: string, k: number): boolean {
  const after = k < s.length ? s.charCodeAt(k) : -1;
  return !(after >= 0 && (isLabelChar(after) || after === CH.SLASH || (after === CH.DOT && isDigitChar(s.charCodeAt(k + 1)))));
}

/** `[198.51.100.25]` or `[2001:db8::1]` right at i — the address half of a mail log's `name[address]` — or null. */
export function bracketedIpAfter(s: string, i: number): { kind: 'ipv4' | 'ipv6'; end: number } | null {
  if (s.charCodeAt(i) !== CH.LBRACKET) return null;
  const v4 = ipv4End(s, i + 1, s.length);
  if (v4 > i + 1 && s.charCodeAt(v4) === CH.RBRACKET) return { kind: 'ipv4', end: v4 };
  const v6 = ipv6End(s, i + 1, s.length);
  const z = v6 > i + 1 ? zoneEnd(s, v6, s.length) : -1; // `[fe80::1%ens3]`
  return z > i + 1 && s.charCodeAt(z) === CH.RBRACKET ? { kind: 'ipv6', end: z } : null;
}

/**
 * `cert-manager.io/cluster-issuer:` and `kubernetes.io/os:`: a Kubernetes label or annotation key, whose DNS
 * prefix is a namespace for the key, not a host anyone connects to. Recognised by the `/name:` that follows.
 */
export function isLabelKeyPrefix(s: string, i: number, j: number): boolean {
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

export function hasLetter(s: string, i: number, j: number): boolean {
  for (let k = i; k < j; k++) {
    const c = s.charCodeAt(k);
    if (!isDigitChar(c) && c !== CH.MINUS && c !== CH.UNDERSCORE) return true;
  }
  return false;
}

export function allDigits(s: string, i: number, j: number): boolean {
  for (let k = i; k < j; k++) if (!isDigitChar(s.charCodeAt(k))) return false;
  return true;
}

/**
 * Whether a dotted word with nothing but its own shape for evidence reads as code: a member chain, a path
 * segment, a module path, a decorator, an assignment target, a camelCase or snake_case identifier.
 * With `weakerOnly` (the word has a `:port`), only the signs that survive a port are checked.
 */
function looksLikeCode(
  s: string,
  host: string,
  lastLabel: string,
  i: number,
  j: number,
  firstDot: number,
  prev: number,
  next: number,
  dots: number,
  shape: number,
  ctx: LineContext,
  weakerOnly: boolean
): boolean {
  if (prev === CH.DOT || prev === CH.DOLLAR || prev === CH.BACKSLASH || prev === CH.HASH || prev === CH.PERCENT || prev === CH.AT || prev === CH.AMP) return true;
  // A path segment (`/etc/nginx/sites-available/example.com`), but `//cdn.example.com/x.js` is a host.
  if (prev === CH.SLASH && !(i > 1 && s.charCodeAt(i - 2) === CH.SLASH)) return true;
  if ((shape & CLASS_UPPER) !== 0 && (shape & CLASS_LOWER) !== 0) return true;
  const first = host.slice(0, firstDot - i);
  if (CODE_RECEIVERS.has(first)) return true;
  if (weakerOnly) return false;
  if (next === CH.EQ || next === CH.LBRACKET || next === CH.LBRACE || next === CH.DOLLAR) return true;
  if ((shape & INNER_UNDERSCORE) !== 0) return true;
  if (ctx.moduleLine && !isQuote(prev)) return true;
  if (isPropertyRead(lastLabel, prev)) return true;
  if (dots >= 2 && REVERSED_DOMAIN_ROOTS.has(first) && j > i) return true;
  return false;
}

/** `url.hostname`, `opts.host`: a dotted word ending in a field that holds a host, not quoted as a name. */
export function isPropertyRead(lastLabel: string, prev: number): boolean {
  return !isQuote(prev) && HOST_MEMBER_NAMES.has(lastLabel);
}

/** Exim's `id=CAF3x9pQ@app3.internal` field with the host part at i: the Message-ID of the message, not a host. */
export function isEximMessageId(s: string, i: number): boolean {
  let k = i - 2; // before the '@'
  while (k >= 0 && i - k <= 256 && isUserChar(s.charCodeAt(k))) k--;
  return k >= 2 && s.charCodeAt(k) === CH.EQ && s.charCodeAt(k - 1) === 0x64 /* d */ && s.charCodeAt(k - 2) === 0x69 /* i */ && (k === 2 || isSpaceChar(s.charCodeAt(k - 3)));
}

/**
 * The name a mail client greeted with, at [i, j): Exim logs it in parentheses after `H=` (`H=mx.example.net (helo)
 * [ip]`, `H=(helo) [ip]`) and quotes the command in rejections (`rejected EHLO or HELO ylmf-pc:`).
 */
export function isHeloName(s: string, i: number, prev: number, next: number): boolean {
  if (prev === CH.LT && next === CH.GT) return i >= 6 && s.slice(i - 6, i - 1).toLowerCase() === 'helo=';
  if (prev === CH.LPAREN && next === CH.RPAREN) return /(?:^|\s)H=(?:[^\s()]+ )?\($/.test(s.slice(Math.max(0, i - 80), i));
  // Most words follow a space: a character compare first, no slice for them.
  return prev === CH.SPACE && i >= 5 && s.charCodeAt(i - 2) === 0x4f /* O */ && (s.startsWith('HELO ', i - 5) || s.startsWith('EHLO ', i - 5));
}

/** `"@type": type.googleapis.com/envoy.…` at i: a protobuf Any's type URL names a message type, not a host. */
export function isTypeUrl(s: string, i: number): boolean {
  return /@type["']?\s*[:=]\s*["']?$/.test(s.slice(Math.max(0, i - 16), i));
}

/** `HTTP/` before [i, j) and `@REALM` after it: a Kerberos service principal (`HTTP/wiki.corp@CORP`). */
export function isServicePrincipal(s: string, i: number, j: number): boolean {
  return /(?:^|[\s"'=:,])[A-Za-z][A-Za-z0-9_-]{0,31}\/$/.test(s.slice(Math.max(0, i - 34), i)) && /^@[A-Z0-9][A-Z0-9-]*(?:\.[A-Z0-9-]+)*(?![A-Za-z0-9.@-])/.test(s.slice(j, j + 256));
}

/** `2F` at i after `scheme%3A%2F%` (case-insensitive): the host of a percent-encoded URL starts at i + 2. */
export function isEncodedUrlHost(s: string, i: number): boolean {
  return i >= 9 && /[A-Za-z]%3A%2F%$/i.test(s.slice(i - 8, i)) && (s.charCodeAt(i) === 0x32 && (s.charCodeAt(i + 1) | 0x20) === 0x66);
}

/** Looks inside [i + 1, j) only: an indexOf would search on to the line's end for every candidate without one. */
export function hasInnerUnderscore(s: string, i: number, j: number): boolean {
  for (let k = i + 1; k < j; k++) if (s.charCodeAt(k) === CH.UNDERSCORE) return true;
  return false;
}

/** `{{` then optional spaces right before i (a Jinja, Helm or GitHub Actions expression starts there). */
export function afterDoubleBrace(s: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && i - k <= 3 && s.charCodeAt(k) === CH.SPACE) k--;
  return k >= 1 && s.charCodeAt(k) === CH.LBRACE && s.charCodeAt(k - 1) === CH.LBRACE;
}
