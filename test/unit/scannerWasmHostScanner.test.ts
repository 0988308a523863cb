// The ahead-of-time scanner's HostScanner (native/scanner/hostscanner.c) against hostScanner.ts: every match of
// every ASCII corpus line (with the built-in private suffixes and with configured ones), of the dense text and of
// random host-rich lines, decoded from the C's records by aotRecords.ts, must be the TypeScript scanner's matches,
// property for property and in the same property order. A difference is a bug in a port (native/scanner).
import * as assert from 'assert';
import fc from 'fast-check';
import { createScanner } from '../../src/core/scanner';
import { decodeRecords, RECORD_INTS } from '../../src/core/scanner/aotRecords';
import type { HostMatch } from '../../src/core/scanner/types';
import { asciiLine } from '../support/asciiLines';
import { generateDense } from '../support/denseCorpus';
import { corpusAsciiLines, isAscii, scannerWasmOrSkip, setWasmPrivateSuffixes, type ScannerWasm } from '../support/scannerWasm';

/** `new PrivateSuffixes(list)` in the module, which must take them. */
function setPrivateSuffixes(wasm: ScannerWasm, list: readonly string[]): void {
  assert.ok(setWasmPrivateSuffixes(wasm, list), `PrivateSuffixes_set(${JSON.stringify(list)})`);
}

/** The C's matches of a line, decoded; null when the C returns -1 (the line is left to the TypeScript). */
function cScan(wasm: ScannerWasm, line: string, lineNo: number): HostMatch[] | null {
  const count = wasm.onLine('HostScanner_scanLine', line);
  if (count < 0) return null;
  const out: HostMatch[] = [];
  decodeRecords(line, lineNo, wasm.ints(wasm.exports.HostScanner_records(), count * RECORD_INTS), 0, count, out);
  return out;
}

/** Scans lines with both; fails on the first line where they differ (JSON text: values and property order). */
function compareLines(wasm: ScannerWasm, lines: Iterable<string>, privateSuffixes: readonly string[] = []): number {
  const scanner = createScanner({ privateSuffixes });
  setPrivateSuffixes(wasm, privateSuffixes);
  let matches = 0;
  let lineNo = 0;
  try {
    for (const line of lines) {
      const ts = scanner.scanLine(line, lineNo);
      const c = cScan(wasm, line, lineNo);
      if (c === null) assert.fail(`C returned -1 on ${JSON.stringify(line)}`);
      if (JSON.stringify(c) !== JSON.stringify(ts)) {
        assert.deepStrictEqual(c, ts, `line ${JSON.stringify(line)} (private suffixes ${JSON.stringify(privateSuffixes)})`);
        assert.fail(`property order differs on ${JSON.stringify(line)}:\nC  ${JSON.stringify(c)}\nTS ${JSON.stringify(ts)}`);
      }
      matches += ts.length;
      lineNo++;
    }
  } finally {
    setPrivateSuffixes(wasm, []);
  }
  return matches;
}

/** Line starts that give a line its context (lineContext.ts): directives, commands, hosts files, module lines, headers. */
const STARTS = [
  '', '', '', '', '  ', 'Host ', '  HostName ', 'ProxyJump ', 'server_name ', 'ServerAlias ', 'nameserver ', 'ping ', 'ssh ', '$ sudo ssh ',
  'dig ', 'curl ', 'git clone ', 'rsync -av ', '127.0.0.1 ', '192.0.2.10\t', '::1 ', 'FROM ', 'image: ', 'import ', 'package ', 'use ',
  'Received: from ', 'X-Mailer: ', 'User-Agent: ', 'Message-ID: ', 'List-Id: ', 'server=/', 'address=/', 'local=/', 'module ', 'require ',
  'GOPRIVATE=', 'go get ', 'apiVersion: ', '# [', '[', 'DB_HOST=', 'host: ', '"host": "', 'Jan  5 08:00:01 web1 sshd[42]: ',
];

/** Fragments that reach hostScanner.ts's rules (and suffixes the configured private ones cover). */
const HOST_FRAGMENTS = [
  'corp.example', 'db.corp.example', '.svc.cluster', 'api.svc.cluster', 'lab', 'x.lab', 'db1.lab', 'CORP.EXAMPLE', 'app.info', 'x.py', 'main.rs',
  'README.md', 'www.example.app', 'example.app/', 'socket.io', 'node.js', 'ASP.NET', 'EXAMPLE.COM', 'networking.k8s.io', 'cluster.x-k8s.io', 'k8s.io',
  'localhost', 'LOCALHOST', 'Localhost', 'bastion', 'deploy@', 'root@', 'cache:6379', 'postgres:16', 'redis:80', ':79', ':443', ':1:2',
  'HELO ', 'EHLO ', 'helo=<', '>', 'H=(', 'H=mx.example.net (', ')', 'rejected EHLO or HELO ', 'thin:@', 'jdbc:oracle:thin:@', '\\\\', '\\\\\\\\', '\\',
  'message-id=<', 'In-Reply-To: <', 'id=', ' id=ABC123@', '"@type": "', 'type.googleapis.com/', 'HTTP/', '@CORP', '@EXAMPLE.COM', 'postgres/',
  '%3A%2F%2F', 'https%3A%2F%2F', '%2F', '{{ ', '${{ ', '{{', '.Values.host', 'version ', 'Version/17.2', 'ver ', 'v', '==', '>=', '~', '^',
  'FileVersion("', 'version: \'', '255.255.255.0', '255.255.0.0', '255.255.252.0', '255.0.255.0', 'netmask ', 'mask ', 'route 10.8.0.0 ',
  '198.51.100.10-198.51.100.19', '192.0.2.250-192.0.2.254', '1.2.3.4-', '10.0.0.0/8', '10.0.0.0/33', '/255.255.255.0', '/32', '/0', '/08', '/8x',
  '2001:db8::/32', '::/0', '::', '[::]', '[::1]:', 'ip6:', 'IP6:', 'v=spf1 ip6:2001:db8::/48', '-::1', 'bind 127.0.0.1 -::1', '2001:db8::42: ',
  '@853#', 'forward-addr: 192.0.2.53@853#dns.example.net', 'mx2.mail.example.net[198.51.100.25]', 'host[2001:db8::1]', '[fe80::1%ens3]', 'x[1]',
  'cert-manager.io/cluster-issuer: ', 'kubernetes.io/os: ', '/v1', '/v1beta1', 'github.com/jackc/pgx/v5', '"github.com/x/y"', ' v1.2.3', ' => ',
  '-X ', 'package ', 'go install ', 'ngx.var.host', 'opts.host', 'url.hostname', '.host', 'this.app', 'self.db', 'com.example.app', 'org.apache.',
  'db_host.name', 'TLS_AES_128_GCM_SHA256', 'legacy_mysql', 'f"', 'b\'', 'r"', 'config["', '(localdb)\\\\', '*.', '*', '=', '$', '&', '#', '%',
  'main.go:42:7', 'app.ts:10:5', 'ssh', 'scp ', 'git@github.com:', 'ProxyJump ', '`', '"', '\'', '(', 'mongodb://m1:27017,m2:27017,m3/db',
  'jdbc:postgresql://h1,h2/db', 'http://[fe80::1%25eth0]:80/', 'https://status.example.org.', 'redis://app:pw@cache.internal:6379/0',
  's#http://old.example/debian#', 'a'.repeat(63), 'b'.repeat(64), `${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.com`,
];

describe('scanner.wasm HostScanner: every match of a line (C records decoded by aotRecords.ts, against hostScanner.ts)', function () {
  this.timeout(300_000);

  it('agrees on every ASCII corpus line', function () {
    const wasm = scannerWasmOrSkip(this);
    const lines = corpusAsciiLines();
    assert.ok(lines.length > 15_000, `only ${lines.length} corpus lines`);
    const matches = compareLines(wasm, lines);
    assert.ok(matches > 5_000, `only ${matches} matches`);
  });

  it('agrees on every ASCII corpus line with configured private suffixes', function () {
    const wasm = scannerWasmOrSkip(this);
    const lines = corpusAsciiLines();
    compareLines(wasm, lines, ['corp.example', 'svc.cluster', 'lab']);
    compareLines(wasm, lines, [' *.Prod.Example. ', '.lab', 'io', 'com', 'a.b.c.d.e']);
  });

  it('agrees on the dense text', function () {
    const wasm = scannerWasmOrSkip(this);
    const lines = generateDense(3_000_000, 13).text.split('\n').filter(isAscii);
    assert.ok(lines.length > 20_000, `only ${lines.length} dense lines`);
    const matches = compareLines(wasm, lines);
    assert.ok(matches > lines.length, `only ${matches} matches on ${lines.length} lines`);
  });

  it('agrees on random host-rich lines', function () {
    const wasm = scannerWasmOrSkip(this);
    const line = fc.tuple(fc.constantFrom(...STARTS), asciiLine(HOST_FRAGMENTS, 20)).map(([start, rest]) => start + rest);
    const lines = fc.sample(line, { numRuns: 100_000, seed: 42 });
    compareLines(wasm, lines);
    compareLines(wasm, lines.slice(0, 30_000), ['corp.example', 'svc.cluster', 'lab']);
  });

  it('agrees on random lines from fast-check (shrinking on failure)', function () {
    const wasm = scannerWasmOrSkip(this);
    const line = fc.tuple(fc.constantFrom(...STARTS), asciiLine(HOST_FRAGMENTS, 12)).map(([start, rest]) => start + rest);
    const scanner = createScanner();
    fc.assert(
      fc.property(line, fc.nat(1000), (s, lineNo) => {
        assert.deepStrictEqual(cScan(wasm, s, lineNo), scanner.scanLine(s, lineNo));
      }),
      { numRuns: 20_000 }
    );
  });

  it('agrees on a capital at every place of a name (the C lower-cases words eight characters at a time)', function () {
    const wasm = scannerWasmOrSkip(this);
    const lines: string[] = [];
    for (let c = 65; c <= 90; c++) {
      const C = String.fromCharCode(c);
      for (let k = 1; k <= 17; k++) {
        for (const tld of ['ZA', 'COM', 'ZONE', 'INTERNAL', 'LOCAL']) {
          lines.push(`${C.repeat(k)}.${tld}:8080`, `${'X'.repeat(k)}.${C}${tld}:8080`, `host: ${'a'.repeat(k)}.${C}${tld} ${C}${'q'.repeat(k)}.${tld.toLowerCase()}`);
        }
        lines.push(`${C.repeat(k)} ${C.repeat(k)}:8080 ${'l'.repeat(k)}${C}:8080`);
      }
    }
    const matches = compareLines(wasm, lines);
    assert.ok(matches > 2000, `only ${matches} matches on ${lines.length} lines`);
  });

  it('returns -1 on a line with more matches than its room, and scans the next line afresh', function () {
    const wasm = scannerWasmOrSkip(this);
    const scanner = createScanner();
    const many = 'db.example.com '.repeat(5000);
    assert.strictEqual(scanner.scanLine(many).length, 5000);
    assert.strictEqual(cScan(wasm, many, 0), null);
    // The room is 4096 records: one match more does not fit.
    assert.strictEqual(cScan(wasm, 'db.example.com '.repeat(4097), 0), null);
    const fits = 'db.example.com '.repeat(4096);
    assert.deepStrictEqual(cScan(wasm, fits, 3), scanner.scanLine(fits, 3));
    assert.deepStrictEqual(cScan(wasm, 'ssh deploy@bastion', 1), scanner.scanLine('ssh deploy@bastion', 1));
    assert.deepStrictEqual(cScan(wasm, '', 2), []);
  });
});
