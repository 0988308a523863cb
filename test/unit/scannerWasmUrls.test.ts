// The ahead-of-time scanner's urls.c against urls.ts: findUrls (every field of every span and host), its helpers at
// every position and its regular expressions against the regexes themselves, on every ASCII line of the corpora and
// on random lines rich in URL fragments. A difference is a bug in the port (native/scanner/urls.c).
import * as assert from 'assert';
import fc from 'fast-check';
import { AUTHORITY_PLAIN, findUrls, parseAuthorityHost, plainRunEnd, sedDelimiterEnd, skipPlaceholder, startsTemplate, startsUrl, URL_PLAIN, type AuthorityHost, type UrlSpan } from '../../src/core/scanner/urls';
import { asciiLine } from '../support/asciiLines';
import { corpusAsciiLines, scannerWasmOrSkip, type ScannerWasm } from '../support/scannerWasm';

const KINDS: Record<number, UrlSpan['hostKind']> = { 1: 'hostname', 2: 'ipv4', 3: 'ipv6' };
/** Room in urls.c's table (MAX_URLS, MAX_HOSTS). */
const MAX_URLS = 8192;
const MAX_HOSTS = 16384;

/** A HostText's string: the line's [start, end) without the two characters at cut (a `%25` zone's `25`). */
function hostText(s: string, start: number, end: number, cut: number): string {
  return cut < 0 ? s.slice(start, end) : s.slice(start, cut) + s.slice(cut + 2, end);
}

function kindOf(k: number): UrlSpan['hostKind'] {
  const kind = KINDS[k];
  if (!kind) assert.fail(`kind ${k}`);
  return kind;
}

/** findUrls in C, its table rebuilt as UrlSpan objects; null when the C returns -1 (more than its room). */
function cFindUrls(wasm: ScannerWasm, s: string): UrlSpan[] | null {
  const count = wasm.onLine('t_findUrls', s);
  if (count < 0) return null;
  const v = wasm.ints(wasm.exports.t_urlSpans(), 14 * count);
  const hostsPtr = wasm.exports.t_urlHosts();
  const out: UrlSpan[] = [];
  for (let k = 0; k < count; k++) {
    const r = v.subarray(14 * k, 14 * k + 14);
    const [start, end, schemeStart, schemeEnd, portSchemeStart, portSchemeEnd, hStart, hEnd, hCut, hostKind, portStart, portEnd, hostsFirst, hostsCount] = r;
    let hosts: AuthorityHost[] | null = null;
    if (hostsCount >= 0) {
      const h = wasm.ints(hostsPtr + 32 * hostsFirst, 8 * hostsCount);
      hosts = [];
      for (let j = 0; j < hostsCount; j++) {
        const [a, b, hs, he, hc, kind, ps, pe] = h.subarray(8 * j, 8 * j + 8);
        hosts.push({ start: a, end: b, host: hostText(s, hs, he, hc), kind: kindOf(kind), port: ps < 0 ? null : s.slice(ps, pe) });
      }
    }
    out.push({
      start,
      end,
      scheme: s.slice(schemeStart, schemeEnd).toLowerCase(),
      portScheme: s.slice(portSchemeStart, portSchemeEnd).toLowerCase(),
      host: hostText(s, hStart, hEnd, hCut),
      hostKind: kindOf(hostKind),
      explicitPort: portStart < 0 ? null : s.slice(portStart, portEnd),
      hosts,
    });
  }
  return out;
}

function compareFindUrls(wasm: ScannerWasm, s: string): number {
  const ts: UrlSpan[] = [];
  findUrls(s, ts);
  const c = cFindUrls(wasm, s);
  if (c === null) {
    const hosts = ts.reduce((sum, u) => sum + (u.hosts?.length ?? 0), 0);
    if (ts.length <= MAX_URLS && hosts <= MAX_HOSTS) assert.fail(`C gave -1 for ${ts.length} URLs, ${hosts} hosts: ${JSON.stringify(s.slice(0, 200))}`);
    return ts.length;
  }
  assert.deepStrictEqual(c, ts, `findUrls(${JSON.stringify(s)})`);
  return ts.length;
}

/** parseAuthorityHost in C, as the TypeScript's object (or null). */
function cParseAuthorityHost(wasm: ScannerWasm, ptr: number, s: string, start: number, end: number): ReturnType<typeof parseAuthorityHost> {
  if (wasm.exports.t_parseAuthorityHost(ptr, s.length, start, end) === 0) return null;
  const [hs, he, hc, kind, ps, pe, hostEnd, next] = wasm.ints(wasm.exports.t_urlParsed(), 8);
  return { host: hostText(s, hs, he, hc), kind: kindOf(kind), port: ps < 0 ? null : s.slice(ps, pe), hostEnd, next };
}

/** Every helper of urls.ts at position i of a line, TypeScript against C. */
function comparePositions(wasm: ScannerWasm, s: string, ptr: number, i: number): void {
  const n = s.length;
  const e = wasm.exports;
  const same = (name: string, ts: number | boolean, c: number): void => {
    if (Number(ts) !== c) assert.fail(`${name}(${JSON.stringify(s)}, ${i}): TypeScript ${Number(ts)}, C ${c}`);
  };
  same('plainRunEnd AUTHORITY_PLAIN', plainRunEnd(AUTHORITY_PLAIN, s, i), e.t_plainRunEnd(ptr, n, 0, i));
  same('plainRunEnd URL_PLAIN', plainRunEnd(URL_PLAIN, s, i), e.t_plainRunEnd(ptr, n, 1, i));
  same('startsTemplate', startsTemplate(s, i), e.t_startsTemplate(ptr, n, i));
  same('skipPlaceholder', skipPlaceholder(s, i), e.t_skipPlaceholder(ptr, n, i));
  same('startsUrl', startsUrl(s, i), e.t_startsUrl(ptr, n, i));
  // sedDelimiterEnd with the URL's end past, before and right at the next delimiter (as findUrls has it before `|`).
  const delimiter = i > 0 ? s.indexOf(s[i - 1], i) : -1;
  for (const hostEnd of [i, i + 4]) {
    for (const end of [n, i + 6, delimiter]) same(`sedDelimiterEnd ${hostEnd} ${end}`, sedDelimiterEnd(s, i, hostEnd, end), e.t_sedDelimiterEnd(ptr, n, i, hostEnd, end));
  }
  // parseAuthorityHost to the line's end and to the next character that ends an authority or a segment.
  let stop = i;
  while (stop < n && !'/,?#; '.includes(s[stop])) stop++;
  for (const end of new Set([n, stop])) {
    assert.deepStrictEqual(cParseAuthorityHost(wasm, ptr, s, i, end), parseAuthorityHost(s, i, end), `parseAuthorityHost(${JSON.stringify(s)}, ${i}, ${end})`);
  }
}

function compareLine(wasm: ScannerWasm, s: string): number {
  const count = compareFindUrls(wasm, s);
  const ptr = wasm.put(s);
  for (let i = 0; i <= s.length; i++) comparePositions(wasm, s, ptr, i);
  return count;
}

/** Fragments of URLs and of what the rules look at around them. */
const URL_FRAGMENTS = [
  'http://', 'HTTPS://', 'https://', 'ws://', 'wss://', 'ftp://', 'ftps://', 'git+ssh://', 'svn+ssh://', 'mongodb+srv://', 'x-y.z://', 'a.b://',
  '+https://', '-http://', ':-http://', '${API_URL:-http://', '1http://', '.http://', '://', ':/', 'jdbc:', 'JDBC:', 'jdbc:postgresql://',
  'jdbc:sqlserver://', 'JDBC:SQLServer://', 'jdbc:mysql://', 'ojdbc:', 'jdbc:jdbc:', 's3://', 'S3A://', 's3n://', 'gs://', 'lb://', 'balancer://',
  'file:///', 'mongodb://', 'redis://', 'amqp://', '$(PG_PASS)', '$()', '$(X Y)', '${USER}', '${}', '${', '$(', '$', '$1', '$CI_ID', '$_', '$-',
  '<password>', '<db-user>', '<>', '<x', '<%= x %>', '<%%>', '<%', '%>', '{{ x }}', '{{}}', '{{', '}}', '{', '}', '#{x}', '#{', '@', ':pw@', 'u:p@',
  '@@', '[', ']', '[]', '[::1]', '[fe80::1%25eth0]', '[fe80::1%25]', '[fe80::1%eth0]', '[fe80::1%25eth0.]', '%25', '%25en0', '%eth0',
  '[2001:db8::1]:443', '[::ffff:1.2.3.4]', ':27017', ':', ':abc', ',', ',,', 'm1:27017,m2:27017,m3', 'a:1,b:2,c', 'h1,h2', ',https://', '.', '..',
  '!', '?', '*', "'", ';', '(', ')', '_(b)', '((', '))', '#', '%41', '%4', '%', '%zz', '%aG', 's#', 's|', 's!', 's,', 's@', 'xs#', "sed 's#", 'ss#',
  'HOST', 'SERVER', 'A_1', 'X', 'AB', 'Ab', 'A.B', 'db.internal.', 'db-1', '-db', 'db-', '/path', '/', '?q=1', '#frag', ';param', '\\', '^', '|',
  'https://a.example.com,https://b.example.com', '10.0.0.1', '10.0.0.1.', '10.0.0.1x', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', ' ', '\t', '"', '`',
];

/** A URL built from its parts: scheme, userinfo, hosts with ports, path and what follows. */
const structuredUrl = fc
  .tuple(
    fc.constantFrom('', ' ', 'x', '(', '[', '"', 's#', 's|', '+', '-', ':-', 'jdbc:', 'JdBc:', '.', '1'),
    fc.constantFrom('http', 'https', 'HTTP', 'ws', 'ftp', 'postgres', 'mongodb+srv', 'git+ssh', 'jdbc', 's3', 'lb', 'postgresql', 'sqlserver', 'a-b.c', 'x'),
    fc.constantFrom('', 'user@', 'app:pw@', 'app:$(PG_PASS)@', '${USER}:${PASS}@', 'svc:<password>@', '{{ u }}:{{ p }}@', '<%= u %>@', 'a@b@', 'u:p%40x@', '@'),
    fc.array(
      fc.tuple(
        fc.constantFrom('db.internal', 'example.com', 'example.com.', 'm1', 'HOST', 'SERVER_1', 'X', '10.0.0.1', '10.0.0.1.x', '[::1]', '[fe80::1%25eth0]', '[fe80::1%eth0]', '[2001:db8::5]', '${HOST}', '{host}', '', '-bad', 'a_b', 'x'.repeat(64)),
        fc.constantFrom('', ':', ':80', ':27017', ':abc', ':8080x', '$x')
      ),
      { minLength: 1, maxLength: 4 }
    ),
    fc.constantFrom('', '/', '/path', '/a_(b)', '/a)', '/a]', '/[x]', '?q=1', '#f', '/$1', '/${id}', '/#{x}', '/%41', '/%', '/%4', '/x,y', ',https://b.example', '/a#b#c', '/a|b'),
    fc.constantFrom('', '.', ',', ';', ':', '!', '?', '*', "'", ').', '...', ' ', '"', '>', '#g', '|g', '\\')
  )
  .map(([before, scheme, user, hosts, path, after]) => `${before}${scheme}://${user}${hosts.map(([h, p]) => h + p).join(',')}${path}${after}`);

describe('scanner.wasm urls: findUrls and its helpers (C against TypeScript)', function () {
  this.timeout(300_000);

  it('steps over the characters of AUTHORITY_PLAIN and URL_PLAIN as the regexes do', function () {
    const wasm = scannerWasmOrSkip(this);
    for (const [k, re] of [AUTHORITY_PLAIN, URL_PLAIN].entries()) {
      // Each character alone and a run of it, then a character that stops the run.
      for (let c = 0; c < 128; c++) {
        const ch = String.fromCharCode(c);
        for (const s of [ch, `${ch}${ch}`, `${ch}${ch}"`, `x${ch}`]) {
          for (let i = 0; i <= s.length; i++) {
            re.lastIndex = i;
            const m = re.exec(s);
            const expected = i >= s.length ? i : m ? i + m[0].length : i;
            assert.strictEqual(wasm.onLine('t_plainRunEnd', s, k, i), expected, `regex ${k} on ${JSON.stringify(s)} at ${i}`);
          }
        }
      }
    }
  });

  it('tells a capitalised placeholder word as /^[A-Z][A-Z0-9_]*$/ does', function () {
    const wasm = scannerWasmOrSkip(this);
    const re = /^[A-Z][A-Z0-9_]*$/;
    const check = (s: string): void => {
      const ptr = wasm.put(s);
      for (let a = 0; a <= s.length; a++) for (let b = a; b <= s.length && b - a <= 12; b++) {
        if (wasm.exports.t_isCapitalWord(ptr, s.length, a, b) !== Number(re.test(s.slice(a, b)))) assert.fail(`${JSON.stringify(s.slice(a, b))}`);
      }
    };
    for (let c = 0; c < 128; c++) for (const s of [String.fromCharCode(c), `A${String.fromCharCode(c)}`, `AB${String.fromCharCode(c)}C`]) check(s);
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('A', 'Z', 'a', 'z', '0', '9', '_', '-', '.', '@', '[', '`', '/', ':') }), check), { numRuns: 5_000 });
  });

  it('agrees on every ASCII corpus line (findUrls, and every helper at every position)', function () {
    const wasm = scannerWasmOrSkip(this);
    const lines = corpusAsciiLines();
    assert.ok(lines.length > 15_000, `only ${lines.length} corpus lines`);
    let urls = 0;
    for (const s of lines) urls += compareLine(wasm, s);
    assert.ok(urls > 1_000, `only ${urls} URLs in the corpora`);
  });

  it('agrees on random lines of URL fragments', function () {
    const wasm = scannerWasmOrSkip(this);
    fc.assert(
      fc.property(asciiLine(URL_FRAGMENTS, 20), (s) => {
        compareLine(wasm, s);
      }),
      { numRuns: 30_000 }
    );
  });

  it('agrees on random URLs built from their parts, alone and in lists', function () {
    const wasm = scannerWasmOrSkip(this);
    let urls = 0;
    fc.assert(
      fc.property(fc.array(structuredUrl, { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', ',', '', ' and ', '\t'), (parts, join) => {
        urls += compareLine(wasm, parts.join(join));
      }),
      { numRuns: 30_000 }
    );
    assert.ok(urls > 10_000, `only ${urls} URLs found`);
  });

  it('agrees around every length bound (placeholders, scheme runs, labels, names)', function () {
    const wasm = scannerWasmOrSkip(this);
    const lines: string[] = [];
    for (let len = 0; len <= 140; len++) {
      const x = 'x'.repeat(len);
      const sp = ' '.repeat(len);
      for (const ph of [`$(${x})`, `\${${x}}`, `{{${sp}}}`, `{{${x}}}`, `<%${x}%>`, `<%${sp}%>`, `<${x}>`, `<${'-'.repeat(len)}>`]) {
        for (const url of [`postgres://u:${ph}@db.example/x`, `postgres://${ph}:p@db.example/x`, `http://${ph}`, `http://a.example/${ph}/b`]) lines.push(url, `s#${url}#`);
      }
      lines.push(`${'a'.repeat(len)}://h.example`, `https://a.example,${'b'.repeat(len)}://c.example`, `mongodb://h1,${'b'.repeat(len)}://c.example`);
      lines.push(`http://${'a'.repeat(len)}.example/`, `http://${'a.'.repeat(len)}b/`, `http://${'A'.repeat(len)}/`, `http://${'A'.repeat(len)}.B/`);
    }
    for (const s of lines) compareLine(wasm, s);
  });

  it('fills its table to the brim and returns -1 past it', function () {
    const wasm = scannerWasmOrSkip(this);
    assert.strictEqual(compareFindUrls(wasm, 'a://b '.repeat(MAX_URLS)), MAX_URLS);
    assert.strictEqual(wasm.onLine('t_findUrls', 'a://b '.repeat(MAX_URLS + 1)), -1);
    const hosts = (count: number): string => `m://${Array.from({ length: count }, () => 'h').join(',')}`;
    assert.strictEqual(compareFindUrls(wasm, hosts(MAX_HOSTS)), 1);
    assert.strictEqual(wasm.onLine('t_findUrls', hosts(MAX_HOSTS + 1)), -1);
    // The table starts afresh on each line.
    assert.strictEqual(compareFindUrls(wasm, 'x https://a.example/ y'), 1);
  });
});
