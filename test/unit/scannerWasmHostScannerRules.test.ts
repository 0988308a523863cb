// hostScanner.ts's module-level helpers and line regexes in C (native/scanner/hostscanner_rules.c) against the
// TypeScript: each regex's matcher against the regex itself, each helper at every position (and every (i, j) pair of
// short lines) of every ASCII corpus line and of random lines made of the fragments the helpers look for.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { classBits } from '../../src/core/scanner/charClass';
import { HOST_MEMBER_NAMES } from '../../src/core/scanner/codeHeuristics';
import * as H from '../../src/core/scanner/hostScanner';
import { asciiLine } from '../support/asciiLines';
import { REPO_ROOT } from '../support/paths';
import { corpusAsciiLines, scannerWasmOrSkip, type ScannerWasm } from '../support/scannerWasm';

/** The line regexes hostScanner.ts exports, by the C export that matches each. */
const LINE_REGEXES: readonly (readonly [string, RegExp])[] = [
  ['t_SSH_LINE', H.SSH_LINE],
  ['t_VERSION_WORD', H.VERSION_WORD],
  ['t_RECEIVED_LINE', H.RECEIVED_LINE],
  ['t_DNSMASQ_DOMAINS_LINE', H.DNSMASQ_DOMAINS_LINE],
  ['t_K8S_API_GROUP', H.K8S_API_GROUP],
  ['t_TOML_TABLE_LINE', H.TOML_TABLE_LINE],
  ['t_VERSION_HEADER', H.VERSION_HEADER],
  ['t_GO_HINT', H.GO_HINT],
  ['t_GO_IMPORT_LINE', H.GO_IMPORT_LINE],
  ['t_GO_MOD_LINE', H.GO_MOD_LINE],
  ['t_GO_PATH_BEFORE', H.GO_PATH_BEFORE],
];

/**
 * The regexes written inside hostScanner.ts's functions, numbered as t_inlineRegex numbers them; the first test
 * checks each is spelled so in hostScanner.ts, so that this copy cannot drift from it.
 */
const INLINE_REGEXES: readonly RegExp[] = [
  /version$/i,
  /^Received:\s+from\s+$/i,
  /\d\.\d+\.\d+\.\d+[^\d.]+$/,
  /mask\W*$/i,
  /(?:message-id|in-reply-to|references|content-id)\s*[=:]?\s*$/i,
  /^\/v\d+(?:(?:alpha|beta)\d+)?\b/,
  /\bapiVersion["']?\s*:/,
  /^\s*(?:message-id|in-reply-to|references|content-id|resent-message-id|list-id)\s*:/i,
  /(?:^|\s)H=(?:[^\s()]+ )?\($/,
  /@type["']?\s*[:=]\s*["']?$/,
  /(?:^|[\s"'=:,])[A-Za-z][A-Za-z0-9_-]{0,31}\/$/,
  /^@[A-Z0-9][A-Z0-9-]*(?:\.[A-Z0-9-]+)*(?![A-Za-z0-9.@-])/,
  /[A-Za-z]%3A%2F%$/i,
];

/** Regexes the TypeScript tests on a slice ending at a position: [regex, C test, length of the slice] (0: from the line's start). */
const BEFORE: readonly (readonly [RegExp, (w: ScannerWasm, p: number, len: number) => number, number])[] = [
  [H.VERSION_WORD, (w, p, len) => w.exports.t_VERSION_WORD(p, len), 9],
  [H.GO_PATH_BEFORE, (w, p, len) => w.exports.t_GO_PATH_BEFORE(p, len), 80],
  ...[0, 1, 2, 3, 4, 8, 9, 10, 12].map((k) => [INLINE_REGEXES[k], (w: ScannerWasm, p: number, len: number) => w.exports.t_inlineRegex(p, len, k), [20, 0, 48, 24, 24, 0, 80, 16, 34, 0, 0, 0, 8][k]] as const),
];
/** Regexes tested on a slice starting at a position: [index in INLINE_REGEXES, length of the slice]. */
const AFTER: readonly (readonly [number, number])[] = [
  [5, 16],
  [11, 256],
];

/** The fragments the helpers look for, for random lines. */
const RULE_FRAGMENTS = [
  'Received: from ', 'Received:', 'received:  FROM\t', 'from ', 'HELO ', 'EHLO ', 'helo=<', 'HELO=<', '>', 'H=(', 'H=mx.example.net (', ' (', ')', 'H=',
  '@type": ', '"@type":"', "@type='", '@type', '": ', 'HTTP/', 'host/', 'HTTP/wiki.corp@CORP', '@REALM', '@EXAMPLE.COM', '@CORP.', '@A-B.C', '@a',
  '%3A%2F%2F', 'https%3a%2f%2f', '%3A%2F%', '%2F', '2F', '2f', 'thin:@', 'jdbc:oracle:thin:@', 'THIN:@', '\\\\server', '\\\\\\\\', '\\', '(localdb)\\\\',
  'message-id=<', 'Message-ID: <', 'In-Reply-To:', 'references ', 'content-id = ', 'Resent-Message-ID:', 'List-Id: ', '<', 'id=', 'id=X@', ' id=CAF3x9pQ@',
  'apiVersion:', 'apiVersion: ', '"apiVersion": ', "apiVersion' :", 'apps/v1', '/v1beta1', '/v2alpha3', '/v1', '/v10', 'beta', 'alpha2',
  'networking.k8s.io', 'cluster.x-k8s.io', 'k8s.io', 'x-', 'module ', 'require ', 'replace ', 'exclude ', 'retract ', 'tool ', ' => ', '=>', 'go 1.21',
  'github.com/jackc/pgx/v5', 'v1.2.3', ' v0.14.2', '-rc.1', ' // indirect', '//', 'import ', 'import (', 'pgx ', '"github.com/x/y"', '"', '. ', '_ ',
  'GOPRIVATE=', 'GONOSUMDB=', 'GOINSECURE: ', 'GONOPROXY =', 'GOFLAGS', ',', 'a,', '-X ', '-X=', '"-X ', 'go get ', 'go install -v ', 'go mod download ',
  'go run ', 'go list ', 'go doc ', 'import _ "embed"', 'import pgx "github.com/jackc/pgx/v5"', 'import . "fmt" // x', 'package ', 'packages ', '255.255.255.0', '255.255.0.0', '255.255.252.0', '255.0.0.0', '255.255.255.255', '255.',
  '255.255.255.1', 'mask ', 'netmask=', 'Mask: ', '==1.2.3.4', '>=', '!=', '<=', '~', '^', '=', 'version ', 'Version: ', 'release ', 'ver ', 'v ', 'V ',
  'Chrome/1.2.3.4', 'Edg/', 'kafka-2.internal/', 'FileVersion("', 'AssemblyVersion = "', "version: '", 'version/', '[1.2.3.4]', '[::1]',
  '[fe80::1%ens3]', '[', ']', '[[', ']]', '/24', '/8', '/32', '/33', '/255.255.0.0', '/08', '/', '{{ ', '{{', '{', '[tool.poetry]', '[[bin]]', '# [a.b]',
  'ip6:', 'IP6:', ':', ':443', ':65535', ':99999', '@853#', '@', '#', 'server=/', 'address=/', 'rebind-domain-ok=/', 'local = /', 'nftset=', 'x-mailer:',
  'User-Agent: ', 'ssh ', 'scp', 'git@', 'ProxyJump ', 'sftp', 'mosh', '`', '(', 'rsync', 'socket.io', 'ASP.NET', 'node.js', 'io-client', 'engine.io',
  'cert-manager.io/cluster-issuer: ', 'kubernetes.io/os:', '/name:', '- ', 'url.hostname', 'opts.host', 'db_host', '\n', '\r', ' ', '  ', '\t', '0', '9',
];

/**
 * Small alphabets, one per family of regexes: the literal pieces of the regex and the characters around them, so that
 * short random strings over them reach every corner (`H= (`, `v1.2.3//x y`, `GOPRIVATE='a,`…) often.
 */
const ALPHABETS: readonly (readonly string[])[] = [
  ['H', '=', ' ', '(', ')', 'x', '\t', 'H=', '\n'],
  ['@type', '@', 'type', '"', "'", ' ', ':', '=', '\t', 'x'],
  ['A', 'a', '1', '_', '-', '/', ' ', '"', '=', ':', ',', '@', 'Z', '.', 'HTTP/', '\r'],
  ['message-id', 'Content-ID', 'in-reply-to', 'References', ' ', '=', ':', '\t', '<', 'x'],
  ['module', 'require', 'tool', ' ', '"', 'v1', '.2', '.3', 'v', '1', '.', '//', '/', '=>', '=', '>', '\n', '\r', 'x', 'a/b'],
  ['import', 'import ', 'import _ ', 'import . ', 'import pgx ', ' ', '"', '"a/b"', 'a/b', '.', '_', 'x', '1', '//', '/', '\r', '\t'],
  ['GOPRIVATE', 'GONOPROXY', 'GOINSECURE', '=', ':', ' ', '"', "'", 'a', ',', '-X', '-', 'go', 'get', 'mod', 'tidy', 'package', 'x', '_', '\t'],
  ['1', '2', '.', ' ', 'mask', 'MASK', '-', ':', '_', 'x', '255.'],
  ['/v', '1', '2', 'alpha', 'beta', '/', 'v', 'x', '_', '-', 'apiVersion', '"', "'", ' ', ':'],
  ['[', ']', '#', ' ', 'a', '.', '\t', '"'],
  ['server', 'address', 'local', 'ipset', 'rebind-domain-ok', ' ', '=', '/', '\t', 'x'],
  ['version', 'Version', 'release', 'ver', 'v', 'V', ' ', '\t', 'x', '1', '/', '-', '"', "'", '(', ':', '='],
  ['Received:', 'received:', ' ', '\t', 'from', 'FROM', 'x', ':'],
  ['a', '%3A', '%2F', '%3a', '%2f', '%', '1', '2F', '2', 'F'],
  ['ssh', 'scp', 'ProxyJump', 'proxyjump', 'git', 'rsync', ' ', '`', '(', '=', 'x', '_', '-'],
  ['k8s.io', 'x-', '.', 'a', 'k8s', '.io', '-'],
  ['GO', 'G', 'O', 'A', '-X', '-', 'X', 'go', 'package', ' ', '\t', '_', 'x'],
  ['x-mailer', 'user-agent', 'server', 'List-Id', 'resent-message-id', ' ', ':', '\t', 'x'],
];

function fail(name: string, s: string, args: readonly unknown[], ts: unknown, c: unknown): never {
  assert.fail(`${name}(${JSON.stringify(s)}, ${args.map((a) => JSON.stringify(a)).join(', ')}): TypeScript ${JSON.stringify(ts)}, C ${JSON.stringify(c)}`);
}
function same(name: string, s: string, args: readonly unknown[], ts: number | boolean, c: number): void {
  if (Number(ts) !== c) fail(name, s, args, ts, c);
}

/** Every regex matcher on the string s (whole), and on its slices at every position as the helpers slice it. */
function compareRegexes(w: ScannerWasm, s: string): void {
  const p = w.put(s);
  const n = s.length;
  const e = w.exports;
  for (const [fn, re] of LINE_REGEXES) same(fn, s, [], re.test(s), e[fn](p, n));
  same('VERSION_MENTION search', s, [], s.search(H.VERSION_MENTION), e.t_VERSION_MENTION(p, n));
  INLINE_REGEXES.forEach((re, k) => same(`inline ${re}`, s, [], re.test(s), e.t_inlineRegex(p, n, k)));
  for (let i = 0; i <= n; i++) {
    for (const [re, c, len] of BEFORE) {
      const a = len === 0 ? 0 : Math.max(0, i - len);
      same(`${re} before`, s.slice(a, i), [], re.test(s.slice(a, i)), c(w, p + a, i - a));
    }
    for (const [k, len] of AFTER) {
      const b = Math.min(n, i + len);
      same(`${INLINE_REGEXES[k]} after`, s.slice(i, b), [], INLINE_REGEXES[k].test(s.slice(i, b)), e.t_inlineRegex(p + i, b - i, k));
    }
  }
  // K8S_API_GROUP on every run of name characters and each suffix of it; the product sets on those suffixes lower-cased.
  const runs = [...s.matchAll(/[A-Za-z0-9._-]+/g)].map((m) => [m.index, m.index + m[0].length]);
  for (const [a, b] of runs) {
    for (let k = a; k < b; k++) same('K8S_API_GROUP', s.slice(k, b), [], H.K8S_API_GROUP.test(s.slice(k, b)), e.t_K8S_API_GROUP(p + k, b - k));
  }
  const lower = s.toLowerCase();
  const q = w.put(lower);
  for (const [a, b] of runs) {
    for (let k = a; k < b; k++) {
      const word = lower.slice(k, b);
      same('DOTTED_PRODUCT_NAMES', word, [], H.DOTTED_PRODUCT_NAMES.has(word), e.t_dottedProductName(q + k, b - k));
      same('PRODUCT_LAST_LABELS', word, [], H.PRODUCT_LAST_LABELS.has(word), e.t_productLastLabel(q + k, b - k));
    }
  }
}

/** Every helper that takes one position, at every position of s (and one past its end, where the class may ask). */
function comparePositions(w: ScannerWasm, s: string): void {
  const p = w.put(s);
  const n = s.length;
  const e = w.exports;
  const goLine = H.GO_HINT.test(s);
  for (let i = 0; i <= n + 1; i++) {
    const prev = i > 0 ? s.charCodeAt(i - 1) : -1; // as the class computes it: NaN past the end, -1 in C
    const cPrev = Number.isNaN(prev) ? -1 : prev;
    same('isAfterSpfIp6', s, [i, prev], H.isAfterSpfIp6(s, i, prev), e.t_isAfterSpfIp6(p, n, i, cPrev));
    same('endsClause', s, [i], H.endsClause(s, i), e.t_endsClause(p, n, i));
    for (const f of [i, i + 1, -1]) same('skipColons', s, [i, f], H.skipColons(s, i, f), e.t_skipColons(p, n, i, f));
    const port = H.portAt(s, i);
    if ((port ? port.end : -1) !== e.t_portAt(p, n, i) || (port ? i : -1) !== e.t_portAtStart(p, n, i) || (port && port.text !== s.slice(i, port.end))) fail('portAt', s, [i], port, e.t_portAt(p, n, i));
    same('isAtHost', s, [i, prev], H.isAtHost(s, i, prev), e.t_isAtHost(p, n, i, cPrev));
    same('isAtHost @', s, [i], H.isAtHost(s, i, 0x40), e.t_isAtHost(p, n, i, 0x40));
    same('followsColonDigit', s, [i], H.followsColonDigit(s, i), e.t_followsColonDigit(p, n, i));
    same('isVersionOperator', s, [i], H.isVersionOperator(s, i), e.t_isVersionOperator(p, n, i));
    same('isProductToken', s, [i], H.isProductToken(s, i), e.t_isProductToken(p, n, i));
    same('isVersionValue', s, [i], H.isVersionValue(s, i), e.t_isVersionValue(p, n, i));
    same('isReceivedFrom', s, [i], H.isReceivedFrom(s, i), e.t_isReceivedFrom(p, n, i));
    same('isAuthNameAfterPort', s, [i], H.isAuthNameAfterPort(s, i), e.t_isAuthNameAfterPort(p, n, i));
    same('isMessageIdToken', s, [i], H.isMessageIdToken(s, i), e.t_isMessageIdToken(p, n, i));
    same('isApiGroup', s, [i], H.isApiGroup(s, i), e.t_isApiGroup(p, n, i));
    same('isGoPackagePath', s, [i, goLine], H.isGoPackagePath(s, i, goLine), e.t_isGoPackagePath(p, n, i, Number(goLine)));
    same('isGoPackagePath goLine', s, [i, true], H.isGoPackagePath(s, i, true), e.t_isGoPackagePath(p, n, i, 1));
    same('isOracleThin', s, [i], H.isOracleThin(s, i), e.t_isOracleThin(p, n, i));
    same('isUncHost', s, [i], H.isUncHost(s, i), e.t_isUncHost(p, n, i));
    same('ipv4PrefixEnd', s, [i], H.ipv4PrefixEnd(s, i), e.t_ipv4PrefixEnd(p, n, i));
    same('isNumberWord', s, [i], H.isNumberWord(s, i), e.t_isNumberWord(p, n, i));
    for (const max of [32, 128, 9, 0]) same('prefixLengthEnd', s, [i, max], H.prefixLengthEnd(s, i, max), e.t_prefixLengthEnd(p, n, i, max));
    same('numberEndsAt', s, [i], H.numberEndsAt(s, i), e.t_numberEndsAt(p, n, i));
    const b = H.bracketedIpAfter(s, i);
    same('bracketedIpAfter', s, [i], b ? b.end * 2 + Number(b.kind === 'ipv6') : -1, e.t_bracketedIpAfter(p, n, i));
    same('isEximMessageId', s, [i], H.isEximMessageId(s, i), e.t_isEximMessageId(p, n, i));
    for (const [pr, nx] of [[prev, 0x3e], [0x3c, 0x3e], [0x28, 0x29], [0x20, -1], [prev, 0x29]]) {
      same('isHeloName', s, [i, pr, nx], H.isHeloName(s, i, pr, nx), e.t_isHeloName(p, n, i, Number.isNaN(pr) ? -1 : pr, nx));
    }
    same('isTypeUrl', s, [i], H.isTypeUrl(s, i), e.t_isTypeUrl(p, n, i));
    same('isEncodedUrlHost', s, [i], H.isEncodedUrlHost(s, i), e.t_isEncodedUrlHost(p, n, i));
    same('afterDoubleBrace', s, [i], H.afterDoubleBrace(s, i), e.t_afterDoubleBrace(p, n, i));
  }
  same('isMessageIdLine', s, [], H.isMessageIdLine(s), e.t_isMessageIdLine(p, n));
}

/** The helpers that take [i, j), on the pair (i, j) of s. */
function comparePair(w: ScannerWasm, p: number, s: string, i: number, j: number): void {
  const n = s.length;
  const e = w.exports;
  same('isNetmaskAfterAddress', s, [i, j], H.isNetmaskAfterAddress(s, i, j), e.t_isNetmaskAfterAddress(p, n, i, j));
  same('isServicePrincipal', s, [i, j], H.isServicePrincipal(s, i, j), e.t_isServicePrincipal(p, n, i, j));
  same('isLabelKeyPrefix', s, [i, j], H.isLabelKeyPrefix(s, i, j), e.t_isLabelKeyPrefix(p, n, i, j));
  same('hasLetter', s, [i, j], H.hasLetter(s, i, j), e.t_hasLetter(p, n, i, j));
  same('allDigits', s, [i, j], H.allDigits(s, i, j), e.t_allDigits(p, n, i, j));
  same('hasInnerUnderscore', s, [i, j], H.hasInnerUnderscore(s, i, j), e.t_hasInnerUnderscore(p, n, i, j));
  let shape = 0;
  for (let k = i; k < j; k++) shape |= classBits(s.charCodeAt(k));
  for (const sh of [shape, shape | 128, 128]) same('hasCapitalsOnly', s, [i, j, sh], H.hasCapitalsOnly(s, i, j, sh), e.t_hasCapitalsOnly(p, n, i, j, sh));
}

/** Every pair of a short line; on a longer one, pairs up to `span` apart, to the line's end, and every run of name characters. */
function comparePairs(w: ScannerWasm, s: string, short = 48, span = 12): void {
  const p = w.put(s);
  const n = s.length;
  for (let i = 0; i <= n; i++) {
    const last = n <= short ? n : Math.min(n, i + span);
    for (let j = i; j <= last; j++) comparePair(w, p, s, i, j);
    if (last < n) comparePair(w, p, s, i, n);
  }
  if (n > short) for (const m of s.matchAll(/[A-Za-z0-9._-]+/g)) comparePair(w, p, s, m.index, m.index + m[0].length);
}

/** isPropertyRead on every label of s, after the character before it, a quote and the line's start. */
function comparePropertyReads(w: ScannerWasm, s: string): void {
  for (const m of s.matchAll(/[A-Za-z0-9_-]+/g)) {
    const prev = m.index > 0 ? s.charCodeAt(m.index - 1) : -1;
    for (const label of [m[0], m[0].toLowerCase()]) {
      for (const pr of [prev, 0x22, 0x60, -1]) same('isPropertyRead', label, [pr], H.isPropertyRead(label, pr), w.onLine('t_isPropertyRead', label, pr));
    }
  }
}

describe('scanner.wasm hostScanner rules: the module-level helpers and line regexes (C against TypeScript)', function () {
  this.timeout(300_000);

  it('copies each inline regex as hostScanner.ts spells it', function () {
    const source = fs.readFileSync(path.join(REPO_ROOT, 'src', 'core', 'scanner', 'hostScanner.ts'), 'utf8');
    for (const re of INLINE_REGEXES) assert.ok(source.includes(String(re)), `${re} is not in hostScanner.ts`);
  });

  it('has exactly DOTTED_PRODUCT_NAMES and PRODUCT_LAST_LABELS (generated from them)', function () {
    const w = scannerWasmOrSkip(this);
    const probes = new Set<string>(['', '.', 'js', 'io', 'net', 'io-client', 'com']);
    for (const word of [...H.DOTTED_PRODUCT_NAMES, ...H.PRODUCT_LAST_LABELS]) {
      for (const q of [word, word.slice(1), word.slice(0, -1), `${word}s`, word.toUpperCase(), word.slice(word.indexOf('.') + 1)]) probes.add(q);
    }
    for (const q of probes) {
      same('DOTTED_PRODUCT_NAMES', q, [], H.DOTTED_PRODUCT_NAMES.has(q), w.onLine('t_dottedProductName', q));
      same('PRODUCT_LAST_LABELS', q, [], H.PRODUCT_LAST_LABELS.has(q), w.onLine('t_productLastLabel', q));
    }
  });

  it('matches each regex as the regex does, on every ASCII corpus line and its slices', function () {
    const w = scannerWasmOrSkip(this);
    const lines = corpusAsciiLines();
    assert.ok(lines.length > 15_000, `only ${lines.length} corpus lines`);
    for (const s of lines) compareRegexes(w, s);
  });

  it('matches each regex as the regex does, on random lines of its fragments', function () {
    const w = scannerWasmOrSkip(this);
    fc.assert(fc.property(asciiLine(RULE_FRAGMENTS, 16), (s) => compareRegexes(w, s)), { numRuns: 20_000 });
    // Lines of the regexes' own pieces, densely: Go directives and settings, mail headers, slices of the right shape.
    const dense = fc.array(fc.oneof({ weight: 1, arbitrary: fc.constantFrom(' ', '\t', 'a', 'Z', '1', '.', '"', "'", ',', '/', '-', '=', ':', '(', '@', '\n', '\v') }, { weight: 2, arbitrary: fc.constantFrom(...RULE_FRAGMENTS) }), { maxLength: 10 });
    fc.assert(fc.property(dense, (parts) => compareRegexes(w, parts.join(''))), { numRuns: 20_000 });
  });

  it('matches each regex as the regex does, on short strings over its own alphabet', function () {
    const w = scannerWasmOrSkip(this);
    for (const alphabet of ALPHABETS) {
      fc.assert(fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 10 }), (parts) => compareRegexes(w, parts.join(''))), { numRuns: 4_000 });
    }
  });

  it('agrees at every position of every ASCII corpus line', function () {
    const w = scannerWasmOrSkip(this);
    for (const s of corpusAsciiLines()) {
      comparePositions(w, s);
      comparePropertyReads(w, s);
    }
  });

  it('agrees at every (i, j) pair of short corpus lines and near pairs of longer ones', function () {
    const w = scannerWasmOrSkip(this);
    for (const s of corpusAsciiLines()) comparePairs(w, s);
  });

  it('agrees at every position and pair of random lines of the rules\' fragments', function () {
    const w = scannerWasmOrSkip(this);
    fc.assert(
      fc.property(asciiLine(RULE_FRAGMENTS, 12), (s) => {
        comparePositions(w, s);
        comparePairs(w, s, 64, 16);
        comparePropertyReads(w, s);
      }),
      { numRuns: 20_000 }
    );
    const members = [...HOST_MEMBER_NAMES].flatMap((m) => [m, `.${m}`, `"${m}`, m.toUpperCase()]);
    fc.assert(fc.property(asciiLine(members, 8), (s) => comparePropertyReads(w, s)), { numRuns: 5_000 });
  });

  it('reads a word of letters after `255.` as isNetmaskAfterAddress does (sums past 2^53, JavaScript\'s ToUint32)', function () {
    // Found by the random lines (about one run in three): the C's ToUint32 lost the exact remainder of large sums.
    const w = scannerWasmOrSkip(this);
    const lines = ['255.255.0.0 255.db.internaljdbc:oracle:thin:@', `255.${'z'.repeat(40)} 10.0.0.1 mask `, `255.255.${'9'.repeat(30)}.0`, '255. !"#$%&()*+,-/0123456789:;<=>?@AZ[]^_`az{|}~'];
    for (const s of lines) comparePairs(w, s, 64, 64);
  });
});

