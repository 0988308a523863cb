/**
 * fast-check arbitraries for the property tests: inputs on the edges of the address and URL grammars (octal/hex/short
 * inet_aton forms, `::` placement, embedded IPv4, zone ids, leading zeros, overflowing numbers, white space, Unicode
 * digits, empty strings) rather than uniformly random text, which almost never gets past the first character of a
 * parser. Every arbitrary is deterministic under the seed the test passes to fc.sample / fc.assert.
 */
import fc from 'fast-check';

/**
 * Text that sits on a grammar edge somewhere: separators, zero forms, numbers just past a limit, the white space
 * glibc stops at, look-alike digits and dots from other scripts, invisible and bidi characters, a lone surrogate.
 */
export const EDGE_FRAGMENTS: readonly string[] = [
  '', '.', '..', ':', '::', ':::', '0', '00', '000', '0x', '0X', '0x0', 'x', 'g', 'G', 'ffff', 'FFFF', '10000', '255', '256',
  '65535', '65536', '16777215', '16777216', '4294967295', '4294967296', '18446744073709551616', '99999999999999999999',
  '1.2.3.4', '%', '%eth0', '%25', '/', '//', '[', ']', '@', '#', '?', '-1', '+1', ' ', '\t', '\n', '\v', '\f', '\r',
  '\u00a0', '\u0663', '\uff11', '\uff0e', '\u3002', '\u00e9', '\u0130', '\u200b', '\u200d', '\u202e', '\ufeff', '\ud800',
  '\udc00', "'", '"', '\\', '\u0085', '\u2028', '\u{1d7d9}',
];

/**
 * A string with up to three edits at random places: insert an edge fragment, delete a character, replace one with
 * a fragment, or repeat a short piece. The result is "nearly" the base input, which is where parsers disagree.
 */
export function mutated(base: fc.Arbitrary<string>, fragments: readonly string[] = EDGE_FRAGMENTS): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...fragments));
  return fc.tuple(base, fc.array(edit, { minLength: 1, maxLength: 3 })).map(([s, edits]) =>
    edits.reduce((text, [at, op, fragment]) => {
      const i = at % (text.length + 1);
      if (op === 0) return text.slice(0, i) + fragment + text.slice(i);
      if (op === 1) return text.slice(0, i) + text.slice(i + 1);
      if (op === 2) return text.slice(0, i) + fragment + text.slice(i + 1);
      return text.slice(0, i) + text.slice(i, i + 3) + text.slice(i);
    }, s)
  );
}

/** One inet_aton part: decimal, octal (leading 0, maybe with an 8), hex (maybe empty or with a g), or a limit. */
const atonPart: fc.Arbitrary<string> = fc.oneof(
  fc.nat(300).map(String),
  fc.bigInt({ min: 0n, max: 1n << 70n }).map(String),
  fc.tuple(fc.nat(0o777), fc.boolean()).map(([n, eight]) => `0${n.toString(8)}${eight ? '8' : ''}`),
  fc.tuple(fc.constantFrom('0x', '0X'), fc.nat(0x1ffffffff), fc.constantFrom('', '', 'g')).map(([p, n, tail]) => p + n.toString(16) + tail),
  fc.constantFrom('', '0', '00', '0x', '08', '255', '256', '65535', '65536', '16777215', '16777216', '4294967295', '4294967296', '\u0663', '\uff11', '+1', '-1', ' 1')
);

/** inet_aton input: glibc's legacy forms (1 to 5 parts), fast-check's extended IPv4, and mutations of both. */
export const atonText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(atonPart, { minLength: 1, maxLength: 5 }).chain((parts) => fc.constantFrom('', '', '', ' ', ' junk', '\t1', '\n', '.', 'x', '\u00a0').map((tail) => parts.join('.') + tail)) },
  { weight: 2, arbitrary: fc.ipV4Extended() },
  { weight: 2, arbitrary: mutated(fc.ipV4Extended()) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }
);

/** A dotted quad that is often nearly strict: leading zeros, 256, empty or extra parts, mutations. */
export const ipv4Text: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.ipV4() },
  { weight: 3, arbitrary: mutated(fc.ipV4()) },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.nat(255).map(String), fc.constantFrom('00', '01', '010', '256', '1000', '', 'a', '0x1', ' 1')), { minLength: 3, maxLength: 5 }).map((p) => p.join('.')) }
);

/** 0-0xffff, biased to 0 (so that zero runs, and therefore `::` placement, vary) and to 0xffff (IPv4-mapped). */
const group: fc.Arbitrary<number> = fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constant(0xffff) }, { weight: 4, arbitrary: fc.integer({ min: 0, max: 0xffff }) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xff }) });

/** Sixteen bytes with long zero runs and the IPv4-compatible / IPv4-mapped prefixes glibc prints specially. */
export const ipv6Bytes: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.array(group, { minLength: 8, maxLength: 8 }), fc.constantFrom('plain', 'plain', 'compat', 'mapped', 'ffff-then-zero'))
  .map(([words, shape]) => {
    if (shape === 'compat') words.splice(0, 6, 0, 0, 0, 0, 0, 0);
    if (shape === 'mapped') words.splice(0, 6, 0, 0, 0, 0, 0, 0xffff);
    if (shape === 'ffff-then-zero') words.splice(0, 8, 0, 0, 0, 0, 0, 0xffff, 0, words[7]);
    return Uint8Array.from(words.flatMap((w) => [w >> 8, w & 0xff]));
  });

/** IPv6 text written many ways: `::` anywhere (or nowhere), upper case, leading zeros, a dotted-quad tail. */
const ipv6Written: fc.Arbitrary<string> = fc
  .tuple(ipv6Bytes, fc.nat(8), fc.nat(8), fc.boolean(), fc.boolean(), fc.boolean())
  .map(([bytes, start, len, upper, pad, dotted]) => {
    const words = Array.from({ length: 8 }, (_, k) => (bytes[2 * k] << 8) | bytes[2 * k + 1]);
    let groups = words.map((w) => (pad ? w.toString(16).padStart(4, '0') : w.toString(16)));
    if (upper) groups = groups.map((g) => g.toUpperCase());
    if (dotted) groups.splice(6, 2, Array.from(bytes.subarray(12)).join('.'));
    const s = Math.min(start, groups.length);
    const l = Math.min(len, groups.length - s);
    return l === 0 && start % 2 === 0 ? groups.join(':') : `${groups.slice(0, s).join(':')}::${groups.slice(s + l).join(':')}`;
  });

/** A zone id: interface names and numbers, plus the characters that must be escaped when Python reprs it. */
export const zoneId: fc.Arbitrary<string> = fc.oneof(fc.constantFrom('eth0', '1', '0', 'lo', 'en0', '', '%', 'a%b', "'", '"', "'\"", '\\', ' ', '\u200b', '\u00e9', '\u0085', '\ud800'), fc.string({ maxLength: 6 }));

/** inet_pton(AF_INET6) / ip_address input. */
export const ipv6Text: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: ipv6Written },
  { weight: 2, arbitrary: fc.ipV6() },
  { weight: 3, arbitrary: mutated(fc.oneof(ipv6Written, fc.ipV6())) },
  { weight: 1, arbitrary: fc.tuple(fc.ipV6(), zoneId).map(([a, z]) => `${a}%${z}`) },
  { weight: 1, arbitrary: fc.constantFrom('', ':', '::', ':::', '::0', '0::', '::1.2.3', '::1.2.3.4.5', '::01.2.3.4', '1::2::3', '::12345', '1:2:3:4:5:6:7:8::', '::2:3:4:5:6:7:8', '1:2:3:4:5:6:7::') }
);

/** Packed bytes as hex, mostly the right lengths for inet_ntoa / inet_ntop, sometimes not. */
export const packedHex: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: ipv6Bytes },
    { weight: 3, arbitrary: fc.uint8Array({ minLength: 4, maxLength: 4 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 17 }) }
  )
  .map((bytes) => Buffer.from(bytes).toString('hex'));

/** Any text ipaddress.ip_address might be given: both families, zones, IPv4-mapped, near misses. */
export const ipAddressText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: ipv4Text },
  { weight: 4, arbitrary: ipv6Text },
  { weight: 1, arbitrary: fc.ipV4().map((a) => `::ffff:${a}`) },
  { weight: 1, arbitrary: fc.tuple(ipv6Written, zoneId).map(([a, z]) => `${a}%${z}`) },
  { weight: 1, arbitrary: mutated(fc.constantFrom('[::1]', '1.2.3.4/24', '::1/128', ' ::1', '::1 ', '127.1', '0x7f.0.0.1')) }
);

/** A URL's port text: digits (leading zeros, > 65535), nothing, or what int() would take but urlparse does not. */
const portText: fc.Arbitrary<string> = fc.oneof(
  fc.nat(70000).map(String),
  fc.constantFrom('', '0', '00080', '65535', '65536', '99999999999999999999', ' 80', '+80', '-0', '1_0', '\u0663', '\uff18\uff10', 'abc', '80 ', '8\t0', '8\n0', ':80', '80:')
);

/** A URL's host: names (also non-ASCII and NFKC-unsafe), bracketed IPv6 / IPv4 / IPvFuture, or nothing. */
const urlHost: fc.Arbitrary<string> = fc.oneof(
  fc.domain(),
  fc.constantFrom('', 'localhost', 'Ex.COM', 'db', '\u00e9x.de', 'stra\u00dfe.de', 'a\uff03b', 'a\uff1ab', 'a\uff0fb', 'a\u2100b', "it's", 'a"b', 'a\\b', '\u200bhost'),
  fc.ipV6().map((a) => `[${a}]`),
  fc.tuple(fc.ipV6(), zoneId).map(([a, z]) => `[${a}%${z}]`),
  fc.ipV4().map((a) => `[${a}]`),
  fc.constantFrom('[v1.x]', '[vz.x]', '[v1.]', '[V1.x]', '[v1.\u2028]', '[::1', '::1]', '[zz]', '[]')
);

/** URLs as people write them (scheme, userinfo, host, port, path) and mutations of them. */
export const urlText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        fc.constantFrom('http', 'HTTPS', 'postgres', 'postgresql', 'redis', 'mqtt', 'imaps', 'ssh', 'foo', 'jdbc:mysql', 'a+b.c-d', '1http', '', 'mailto'),
        fc.constantFrom('://', '://', ':', '', '//', ':///'),
        fc.constantFrom('', '', 'user@', 'u:p@', 'a@b@', '\uff03@'),
        urlHost,
        fc.option(portText, { nil: undefined }),
        fc.constantFrom('', '/', '/x?y#z', '?q', '#f', '/a:b@c')
      )
      .map(([scheme, sep, user, host, port, rest]) => `${scheme}${sep}${user}${host}${port === undefined ? '' : `:${port}`}${rest}`),
  },
  { weight: 2, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  { weight: 3, arbitrary: mutated(fc.oneof(fc.webUrl(), fc.constantFrom('http://[::1]:80/', 'http://u@h:8080/', 'postgres://db/app', ' \thttp://a\nb:8\t0/ '))) }
);

/**
 * Pieces of scanner input: what hosts, URLs and code look like, and the Unicode that attacks offsets and rendering
 * (lone surrogates, bidi controls, zero-width joiners, combining marks, full-width dots, over-long labels).
 */
const scanPiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('example.com', 'db.internal', 'api.corp.example', 'localhost', 'console.log', 'README.md', 'postgres:16', 'cache:6379', 'user@host.example', 'ssh deploy@bastion', 'DB_HOST=', '"host": "', 'server_name ', '[2001:db8::1]:443', 'fe80::1%eth0', '10.0.0.1', '::ffff:1.2.3.4', 'xn--bcher-kva.example', 'jdbc:postgresql://', 'https://', '://', '//', 'http://[::1', '?q=1#f') },
  { weight: 4, arbitrary: fc.constantFrom(' ', ' ', '.', ':', '@', '/', '=', '"', "'", '`', '(', ')', '[', ']', ',', ';', '#', '%', '-', '_', '\t') },
  { weight: 3, arbitrary: fc.oneof(fc.domain(), fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.ipV4(), fc.ipV6(), fc.emailAddress()) },
  { weight: 3, arbitrary: fc.constantFrom('\ud800', '\udfff', '\ud83d', '\ude00', '\ud83d\ude00', '\u202e', '\u202c', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u0301', '\u0308\u0308', '\uff0e', '\u3002', '\uff61', '\uff1a', '\u2024', '\u0430', '\u0435', '\u03bf', 'xn--80ak6aa92e.com', '\u0440\u0430\u0443\u0440\u0430\u006c.com', '\u00a0', '\u2028', '\u0000', '\u007f', '\u0085') },
  { weight: 1, arbitrary: fc.integer({ min: 60, max: 300 }).map((n) => `${'a'.repeat(n)}.example`) },
  { weight: 1, arbitrary: fc.integer({ min: 30, max: 140 }).map((n) => `${Array.from({ length: n }, (_, k) => `l${k}`).join('.')}.com`) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }
);

/** One line of scanner input (no line break). */
export const scanLineText: fc.Arbitrary<string> = fc
  .array(fc.tuple(scanPiece, fc.constantFrom('', '', ' ')), { maxLength: 24 })
  .map((pieces) => pieces.map(([p, gap]) => p + gap).join('').replace(/[\r\n]/g, ' '));

/**
 * A few lines joined with every line-break style, as scanText receives a document, and its lines as an editor
 * splits them (an empty line between '\r' and '\n' makes one '\r\n' break, so the lines come from the text).
 */
export const scanDocument: fc.Arbitrary<{ lines: string[]; text: string }> = fc
  .array(fc.tuple(scanLineText, fc.constantFrom('\n', '\r\n', '\r')), { minLength: 1, maxLength: 6 })
  .map((rows) => rows.map(([l, eol], k) => (k === rows.length - 1 ? l : l + eol)).join(''))
  .map((text) => ({ lines: text.split(/\r\n|\r|\n/), text }));
