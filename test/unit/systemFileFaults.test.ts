// Issue 8, "Faults": /etc/services, /etc/protocols and /etc/hosts missing, unreadable, a directory, a FIFO, huge
// or full of garbage. The real CLI, the core loaders (through a probe script) and python3 run inside a private
// mount namespace with a temporary /etc (test/support/etcNamespace.ts), so each sees exactly the files a case
// sets up. NetLens must not crash or hang, must stay bounded, must say which source answered, and must answer as
// glibc does wherever glibc answers (where glibc has no database NetLens uses its bundled services table, a
// documented difference; where glibc blocks on a FIFO NetLens refuses the FIFO).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { escapedToBytes, strtoul, utf8DecodeErrorMessage, decodeUtf8Escaped, utf8EncodeErrorMessage } from '../../src/core/nssFilesParse';
import { loadServicesDatabase } from '../../src/core/servicesDb';
import { MAX_SYSTEM_FILE_BYTES, readSystemFileText } from '../../src/core/systemFiles';
import { etcNamespaceUnavailable, FakeEtc, runWithEtc, type EtcEntry, type EtcRun } from '../support/etcNamespace';
import { CLI_JS, REPO_ROOT } from '../support/paths';
import { hasPython } from '../support/python';
import { pythonBatch, Rng } from '../support/pythonBatch';
import type { Outcome, ProbeAnswer, ProbeBatch } from '../support/systemFileProbe';

const PROBE_JS = path.join(REPO_ROOT, 'out', 'test', 'support', 'systemFileProbe.js');
// /usr/bin/python3 rather than a shim under /root, which uid 65534 cannot enter.
const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const MiB = 1024 * 1024;

const counts = { namespaceRuns: 0, parityCases: 0, differences: 0, fuzzCases: 0 };
const measured: string[] = [];

/** Python's answers to the same batch the probe answers, in the same private /etc. */
const PY_SCRIPT = `
import socket, json, sys
data = json.load(sys.stdin)
def err(e):
    return [type(e).__name__, None, str(e)]
def call(f):
    try: return [True, f()]
    except Exception as e: return [False, err(e)]
def host(n):
    try: return socket.gethostbyname(n)
    except Exception: return None
print(json.dumps({
  'byname': [call(lambda n=n, p=p: socket.getservbyname(n, p) if p is not None else socket.getservbyname(n)) for n, p in data['byname']],
  'byport': [call(lambda n=n, p=p: socket.getservbyport(n, p) if p is not None else socket.getservbyport(n)) for n, p in data['byport']],
  'proto': [call(lambda n=n: socket.getprotobyname(n)) for n in data['proto']],
  'hosts': [host(n) for n in data['hosts']],
}))`;

type PyAnswer = { byname: Outcome[]; byport: Outcome[]; proto: Outcome[]; hosts: (string | null)[] };

function probe(etc: FakeEtc, batch: ProbeBatch, asNobody = false): ProbeAnswer {
  const run = runWithEtc(etc, [process.execPath, PROBE_JS], { input: JSON.stringify(batch), asNobody, timeoutMs: 60_000 });
  counts.namespaceRuns++;
  assert.ok(!run.timedOut, `the probe hung (${Math.round(run.ms)} ms)`);
  assert.strictEqual(run.status, 0, `probe: ${String(run.failure)} ${run.stderr}`);
  return JSON.parse(run.stdout) as ProbeAnswer;
}

function cli(etc: FakeEtc, args: string[], asNobody = false): EtcRun {
  const run = runWithEtc(etc, [process.execPath, CLI_JS, ...args], { asNobody, timeoutMs: 60_000 });
  counts.namespaceRuns++;
  assert.ok(!run.timedOut, `netlens ${args.join(' ')} hung`);
  assert.doesNotMatch(run.stderr, /internal error|\n\s+at /, 'never a stack trace');
  return run;
}

function python(etc: FakeEtc, batch: ProbeBatch, asNobody = false): PyAnswer {
  const run = runWithEtc(etc, [PYTHON, '-c', PY_SCRIPT], { input: JSON.stringify(batch), asNobody, timeoutMs: 60_000 });
  counts.namespaceRuns++;
  assert.strictEqual(run.status, 0, `python3: ${String(run.failure)} ${run.stderr}`);
  return JSON.parse(run.stdout) as PyAnswer;
}


function compareWithPython(batch: ProbeBatch, ours: ProbeAnswer, py: PyAnswer): void {
  const bad: string[] = [];
  const check = (what: string, mine: Outcome[], theirs: Outcome[], args: unknown[]): void =>
    mine.forEach((m, k) => {
      counts.parityCases++;
      if (JSON.stringify(m) !== JSON.stringify(theirs[k])) bad.push(`${what}(${JSON.stringify(args[k])}): python ${JSON.stringify(theirs[k])}, netlens ${JSON.stringify(m)}`);
    });
  check('getservbyname', ours.byname, py.byname, batch.byname);
  check('getservbyport', ours.byport, py.byport, batch.byport);
  check('getprotobyname', ours.proto, py.proto, batch.proto);
  ours.hosts.forEach((h, k) => {
    counts.parityCases++;
    if (h !== py.hosts[k]) bad.push(`hosts ${JSON.stringify(batch.hosts[k])}: python ${String(py.hosts[k])}, netlens ${String(h)}`);
  });
  counts.differences += bad.length;
  assert.deepStrictEqual(bad.slice(0, 12), [], `${bad.length} differences from python3`);
}

const EMPTY_BATCH: ProbeBatch = { byname: [['https', null]], byport: [[443, 'tcp']], proto: ['tcp'], hosts: ['canary.netlens.test'] };

describe('system files missing, unreadable, huge or garbage (issue 8 faults)', function () {
  this.timeout(300_000);

  before(function () {
    if (!fs.existsSync(PROBE_JS) || !fs.existsSync(CLI_JS)) throw new Error('build first: node esbuild.js');
  });

  after(function () {
    console.log(
      `      system file faults: ${counts.namespaceRuns} namespace runs, ${counts.parityCases} lookups compared with python3 (${counts.differences} differences), ${counts.fuzzCases} fuzz cases; ${measured.join('; ')}`
    );
  });

  describe('core reader, in process', function () {
    it('refuses a FIFO at once, a directory and a missing file with their errno, and reads a cut file as whole lines', function () {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-sysfile-'));
      try {
        const fifo = path.join(dir, 'fifo');
        fs.mkdirSync(path.join(dir, 'dir'));
        assert.strictEqual(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo (Node has none of its own)');
        const started = performance.now();
        assert.deepStrictEqual(readSystemFileText(fifo), { path: fifo, text: null, problem: 'FIFO', truncated: null });
        assert.ok(performance.now() - started < 5000, 'a FIFO must not block the reader');
        assert.strictEqual(readSystemFileText(path.join(dir, 'dir')).problem, 'EISDIR');
        assert.strictEqual(readSystemFileText(path.join(dir, 'none')).problem, 'ENOENT');
        const file = path.join(dir, 'services');
        fs.writeFileSync(file, 'http 80/tcp\nhttps 443/tcp\nalt 8080/tcp\n');
        // A cap that falls inside "alt 8080/tcp" keeps the first two lines only, never a made-up "alt 80".
        const cut = readSystemFileText(file, 30);
        assert.deepStrictEqual(cut, { path: file, text: 'http 80/tcp\nhttps 443/tcp\n', problem: null, truncated: { limitBytes: 30, fileBytes: 39 } });
        const db = loadServicesDatabase(() => cut, [file]);
        assert.strictEqual(db.source, `first 30 bytes of ${file} (the file has 39 bytes; NetLens reads only the whole lines in its first 30 bytes)`);
        assert.strictEqual(db.byName('alt'), null);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('a megabyte of digits in a port field is read in linear time (was quadratic: 12 s for 200k digits)', function () {
      const line = '9'.repeat(1024 * 1024);
      const started = performance.now();
      const { overflow, end } = strtoul(line, 0, 0);
      const ms = performance.now() - started;
      assert.ok(overflow);
      assert.strictEqual(end, line.length);
      const db = loadServicesDatabase(() => `x ${line}/tcp\ny 7/tcp\n${'1'.repeat(5000)}/tcp\n`, ['/etc/services']);
      assert.strictEqual(db.size, 1, 'overflowing ports are skipped, as glibc does');
      measured.push(`1 MiB digit run parsed in ${ms.toFixed(0)} ms`);
      assert.ok(ms < 5000, `${ms} ms`);
    });

    it('decodes bytes exactly as Python: surrogateescape, and strict decode/encode error messages (seeded fuzz)', function () {
      if (!hasPython()) this.skip();
      const rng = new Rng(0xb17e5);
      const pieces = [[0xff], [0xfe], [0x80], [0xc0, 0x80], [0xc3, 0xa9], [0xe2, 0x82], [0xe2, 0x82, 0xac], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x98], [0xf0, 0x9f, 0x98, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5], [0x41], [0x20], [0x00], [0xe0, 0x9f, 0x80], [0xf0, 0x8f]];
      const cases: number[][] = [];
      for (let k = 0; k < 3000; k++) {
        const bytes: number[] = [];
        const n = rng.int(0, 6);
        for (let j = 0; j < n; j++) bytes.push(...(rng.bool(0.3) ? [rng.int(0, 255)] : rng.pick(pieces)));
        cases.push(bytes);
      }
      const py = pythonBatch<{ escaped: string[]; strict: (string | null)[] }>(
        `
def strict(b):
    try: b.decode('utf-8'); return None
    except UnicodeDecodeError as e: return str(e)
print(json.dumps({'escaped': [bytes(b).decode('utf-8', 'surrogateescape') for b in data], 'strict': [strict(bytes(b)) for b in data]}))`,
        cases
      );
      const bad: string[] = [];
      cases.forEach((bytes, k) => {
        const text = decodeUtf8Escaped(Uint8Array.from(bytes));
        if (text !== py.escaped[k]) bad.push(`decode ${JSON.stringify(bytes)}`);
        if (!Buffer.from(escapedToBytes(text)).equals(Buffer.from(bytes))) bad.push(`round trip ${JSON.stringify(bytes)}`);
        if (utf8DecodeErrorMessage(Uint8Array.from(bytes)) !== py.strict[k]) bad.push(`strict ${JSON.stringify(bytes)}: ${String(py.strict[k])} vs ${String(utf8DecodeErrorMessage(Uint8Array.from(bytes)))}`);
      });
      const encodeCases = ['a\udcffb', '\ud800', '😀\udc80', 'ok', '\ud83d\ude00x\udfff', '\udc00\ud800x', 'a\udc00\udc01\udc02b\udc03', '\ud800\ud800\udc00', '😀\udfff\ud800😀'];
      const pyEncode = pythonBatch<(string | null)[]>(
        `
def enc(s):
    try: s.encode('utf-8'); return None
    except UnicodeEncodeError as e: return str(e)
print(json.dumps([enc(s) for s in data]))`,
        encodeCases
      );
      encodeCases.forEach((s, k) => {
        if (utf8EncodeErrorMessage(s) !== pyEncode[k]) bad.push(`encode ${JSON.stringify(s)}: ${String(pyEncode[k])} vs ${String(utf8EncodeErrorMessage(s))}`);
      });
      counts.fuzzCases += cases.length * 2 + encodeCases.length;
      assert.deepStrictEqual(bad.slice(0, 10), [], `${bad.length} differences`);
    });
  });

  describe('in a private /etc (mount namespace)', function () {
    before(function () {
      const why = etcNamespaceUnavailable();
      if (why !== null) {
        console.log(`      skipped: ${why}`);
        this.skip();
      }
    });

    const FAULTS: { label: string; entry: EtcEntry; code: string; nobody?: boolean }[] = [
      { label: 'missing', entry: { kind: 'absent' }, code: 'ENOENT, no such file' },
      { label: 'a dangling symlink', entry: { kind: 'symlink', target: '/nonexistent/file' }, code: 'ENOENT, no such file' },
      { label: 'a directory', entry: { kind: 'dir' }, code: 'EISDIR, a directory' },
      { label: 'a FIFO (no writer: glibc would block forever)', entry: { kind: 'fifo' }, code: 'a FIFO, not a regular file' },
      { label: 'unreadable (mode 000, as uid 65534)', entry: { kind: 'file', content: 'https 443/tcp\ntcp 6 TCP\n', mode: 0o000 }, code: 'EACCES, permission denied', nobody: true },
    ];

    for (const fault of FAULTS) {
      it(`services, protocols and hosts ${fault.label}: no hang, the source says "${fault.code}", Python's answers where glibc has any`, function () {
        const etc = new FakeEtc({ services: fault.entry, protocols: fault.entry, hosts: fault.entry });
        try {
          const ours = probe(etc, EMPTY_BATCH, fault.nobody);
          assert.match(ours.services.source, new RegExp(`^bundled IANA-derived table \\(no readable services file: /etc/services: ${fault.code};.*glibc and Python find no services here\\)$`));
          assert.deepStrictEqual(ours.byname, [[true, 443]], 'the bundled table answers https');
          assert.match(ours.protocols.source, new RegExp(`^no readable protocols file \\(/etc/protocols: ${fault.code}\\): every lookup fails, as in Python$`));
          assert.deepStrictEqual(ours.proto, [[false, ['OSError', null, 'protocol not found']]]);
          assert.deepStrictEqual(ours.hosts, [null]);

          const json = cli(etc, ['getservbyname', 'https', '--json'], fault.nobody);
          assert.strictEqual(json.status, 0, json.stderr);
          assert.strictEqual(json.stdout.trim(), '443', 'stdout stays exactly the value');
          assert.match(json.stderr, new RegExp(`^netlens: note: source: bundled IANA-derived table \\(no readable services file: /etc/services: ${fault.code};`, 'm'));
          const human = cli(etc, ['getservbyport', '443'], fault.nobody);
          assert.match(human.stdout, /^name +https$/m);
          assert.match(human.stdout, new RegExp(`^source +bundled IANA-derived table \\(no readable services file: /etc/services: ${fault.code}`, 'm'));
          const proto = cli(etc, ['getprotobyname', 'tcp'], fault.nobody);
          assert.strictEqual(proto.status, 1);
          assert.match(proto.stderr, /^OSError: protocol not found$/m);
          assert.match(proto.stderr, new RegExp(`^netlens: note: source: no readable protocols file \\(/etc/protocols: ${fault.code}`, 'm'));

          if (hasPython() && fault.entry.kind === 'fifo') {
            // The difference NetLens makes on purpose: glibc opens the FIFO and waits for a writer forever.
            const py = runWithEtc(etc, [PYTHON, '-c', 'import socket; socket.getservbyname("https")'], { timeoutMs: 3000 });
            counts.namespaceRuns++;
            assert.ok(py.timedOut, `python3 was expected to block on the FIFO: ${py.stderr}`);
          }
          if (hasPython() && fault.entry.kind !== 'fifo') {
            // glibc without a readable file: nothing found. NetLens' bundled services table is the deliberate
            // difference its source note names; protocols and hosts agree.
            const py = python(etc, EMPTY_BATCH, fault.nobody);
            assert.deepStrictEqual(py.byname, [[false, ['OSError', null, 'service/proto not found']]]);
            assert.deepStrictEqual(py.proto, ours.proto);
            assert.deepStrictEqual(py.hosts, ours.hosts);
          }
        } finally {
          etc.dispose();
        }
      });
    }

    it('empty files are files: glibc and NetLens both find nothing, and the source is the file', function () {
      const etc = new FakeEtc({ services: { kind: 'file', content: '' }, protocols: { kind: 'file', content: '' }, hosts: { kind: 'file', content: '' } });
      try {
        const ours = probe(etc, EMPTY_BATCH);
        assert.strictEqual(ours.services.source, '/etc/services');
        assert.strictEqual(ours.protocols.source, '/etc/protocols');
        if (hasPython()) compareWithPython(EMPTY_BATCH, ours, python(etc, EMPTY_BATCH));
      } finally {
        etc.dispose();
      }
    });

    it(`huge files (100 MiB of lines, a 50 MiB single line): the first ${MAX_SYSTEM_FILE_BYTES / MiB} MiB, said so, bounded time and memory`, function () {
      const etc = new FakeEtc({
        services: { kind: 'file', content: repeatedLines((i) => `svc${i} ${i % 65536}/tcp alias${i}\n`, 100 * MiB) },
        protocols: { kind: 'file', content: `big 250 ${'w '.repeat(25 * MiB)}\nafter 251\n` },
        hosts: { kind: 'file', content: repeatedLines((i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255} host${i}.test h${i}\n`, 100 * MiB) },
      });
      try {
        const batch: ProbeBatch = {
          byname: [['svc5', null], ['alias70000', 'tcp'], ['svc3000000', null]],
          byport: [[5, null], [80, 'tcp']],
          proto: ['big', 'after'],
          hosts: ['host3.test', 'h100000', 'host2000000.test'],
        };
        const ours = probe(etc, batch);
        measured.push(
          `100 MiB services + 50 MiB-line protocols + 100 MiB hosts: ${(ours.ms / 1000).toFixed(1)} s (services ${(ours.services.loadMs / 1000).toFixed(1)} s, ${ours.services.size} entries), peak RSS ${Math.round(ours.maxRssMb)} MB`
        );
        assert.match(ours.services.source, /^first 4 MiB of \/etc\/services \(the file has 100 MiB; NetLens reads only the whole lines in its first 4 MiB\)$/);
        assert.match(ours.protocols.source, /^first 4 MiB of \/etc\/protocols \(the file has 50(\.\d)? MiB; /);
        assert.match(String(ours.hostsSource), /^first 4 MiB of \/etc\/hosts \(the file has 100 MiB; /);
        assert.deepStrictEqual(ours.byname.slice(0, 2), [[true, 5], [true, 70000 % 65536]]);
        // Beyond the cap: glibc would still find these; NetLens says it read only the first 4 MiB.
        assert.deepStrictEqual(ours.byname[2], [false, ['OSError', null, 'service/proto not found']]);
        assert.deepStrictEqual(ours.proto, [
          [false, ['OSError', null, 'protocol not found']],
          [false, ['OSError', null, 'protocol not found']],
        ]);
        assert.deepStrictEqual(ours.hosts, ['10.0.0.3', '10.1.134.160', null]);
        assert.ok(ours.maxRssMb < 600, `peak RSS ${ours.maxRssMb} MB`);

        const started = performance.now();
        const human = cli(etc, ['getservbyname', 'svc5']);
        measured.push(`CLI getservbyname on the 100 MiB file: ${Math.round(performance.now() - started)} ms`);
        assert.strictEqual(human.status, 0, human.stderr);
        assert.match(human.stdout, /^source +line 6 of the first 4 MiB of \/etc\/services \(the file has 100 MiB;/m);
        if (hasPython()) {
          // The documented difference of the cap: glibc reads on and finds the entry.
          const py = python(etc, { byname: [['svc5', null], ['svc3000000', null]], byport: [], proto: [], hosts: ['host2000000.test'] });
          assert.deepStrictEqual(py.byname, [
            [true, 5],
            [true, 3000000 % 65536],
          ]);
          assert.deepStrictEqual(py.hosts, ['10.30.132.128']);
        }
      } finally {
        etc.dispose();
      }
    });

    // glibc re-reads the whole file on every call, so python3 is slow on megabyte lines: the long-line files get
    // a smaller batch (every name of the fixed lines plus a sample of the generated ones).
    for (const { longLine, sample } of [
      { longLine: 64 * 1024, sample: Infinity },
      { longLine: MiB, sample: 40 },
    ]) {
      it(`garbage files (binary, NULs, invalid UTF-8, CRLF, ${longLine / 1024} KiB lines, name-only lines, ports out of range): the same answers as python3`, function () {
        if (!hasPython()) this.skip();
        const rng = new Rng(0x6a7ba6e);
        const services = garbageServices(rng, longLine);
        const protocols = garbageProtocols(rng, longLine);
        const hosts = garbageHosts(rng, longLine);
        const etc = new FakeEtc({ services: { kind: 'file', content: services.bytes }, protocols: { kind: 'file', content: protocols.bytes }, hosts: { kind: 'file', content: hosts.bytes } });
        try {
          const protos = [null, 'tcp', 'udp', 'sctp', '', 'TCP', 'tcp\r'];
          const some = <T>(fixed: T[], generated: T[]): T[] => [...fixed, ...generated.slice(0, sample)];
          const batch: ProbeBatch = {
            byname: [...some(services.fixedNames, services.names).flatMap((n): [string, string | null][] => [[n, null], [n, rng.pick(protos)]]), ['\udcffx', null], ['a\0b', null]],
            byport: [...some(services.fixedPorts, services.ports).flatMap((p): [number, string | null][] => [[p, null], [p, rng.pick(protos)]]), [70000, null], [-1, 'tcp']],
            proto: [...some(protocols.fixedNames, protocols.names), 'tcp', 'TCP', 'nope', '\ud800'],
            hosts: some(hosts.fixedNames, hosts.names),
          };
          const ours = probe(etc, batch);
          assert.strictEqual(ours.services.source, '/etc/services');
          compareWithPython(batch, ours, python(etc, batch));
          // The CLI: a name that is not UTF-8 fails as Python fails, and the human form escapes what the file holds.
          const bad = cli(etc, ['getservbyport', String(services.undecodablePort)]);
          assert.strictEqual(bad.status, 1);
          assert.match(bad.stderr, /^UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 3: invalid start byte$/m);
          const shown = cli(etc, ['getservbyname', 'esc\u202eaped']);
          assert.strictEqual(shown.status, 0, shown.stderr);
          assert.match(shown.stdout, /^name +'esc\\u202eaped'$/m);
          assert.match(shown.stdout, /^aliases +'\\x1b\[31mred'$/m);
        } finally {
          etc.dispose();
        }
      });
    }

    it('hostile names from the hosts file reach the terminal escaped: getaddrinfo canonname and getfqdn', function () {
      // glibc does not check names in /etc/hosts: a canonical name can carry a terminal escape sequence or a bidi
      // override, and getaddrinfo(AI_CANONNAME) and getfqdn() hand it on as it is.
      const canonical = 'evil\u001b]0;owned\u0007.\u202etest';
      const etc = new FakeEtc({ hosts: { kind: 'file', content: `198.51.100.7 ${canonical} hostile.test\n` } });
      try {
        for (const args of [['getaddrinfo', 'hostile.test', '-', '--flags', 'AI_CANONNAME'], ['getfqdn', 'hostile.test']]) {
          const run = cli(etc, args);
          assert.equal(run.status, 0, `netlens ${args.join(' ')}: ${run.stderr}`);
          assert.ok(!['\u001b', '\u0007', '\u202e'].some((c) => run.stdout.includes(c)), `netlens ${args.join(' ')} printed raw control characters: ${JSON.stringify(run.stdout)}`);
          assert.ok(run.stdout.includes("'evil\\x1b]0;owned\\x07.\\u202etest'"), `the name, escaped: ${JSON.stringify(run.stdout)}`);
          // The JSON keeps the data exact (JSON escapes it).
          const json = cli(etc, [...args, '--json']);
          assert.ok(json.stdout.includes(JSON.stringify(canonical).slice(1, -1)), json.stdout);
        }
      } finally {
        etc.dispose();
      }
    });
  });
});

/** `bytes` of text made of numbered lines (whole lines only), built from a repeated block so it is fast. */
function repeatedLines(line: (i: number) => string, bytes: number): string {
  const parts: string[] = [];
  let total = 0;
  for (let i = 0; total < bytes; i++) {
    const l = line(i);
    parts.push(l);
    total += l.length;
  }
  return parts.join('');
}

interface Garbage {
  bytes: Buffer;
  /** Names and ports of the hand-written lines, then of the generated ones. */
  fixedNames: string[];
  names: string[];
  fixedPorts: number[];
  ports: number[];
  undecodablePort: number;
}

/** Bytes as glibc would hold them, from text (UTF-8) and raw byte arrays. */
function bytesOf(parts: (string | number[])[]): Buffer {
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
}

function randomBytes(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.int(0, 255));
}

function garbageServices(rng: Rng, longLine: number): Garbage {
  const names: string[] = [];
  const ports: number[] = [];
  const lines: (string | number[])[] = [[0xef, 0xbb, 0xbf], 'bom 1/tcp\n'];
  const fixed = [
    'plain 5000/tcp p1 p2\n',
    'crlf 5001/tcp crlfalias\r\n',
    'onlyname\n',
    'two names\n',
    'neg -5/tcp\n',
    'big 70000/tcp\n',
    'huge 4294967296/tcp\n',
    'hex 0x1389/udp\n',
    'oct 011612/tcp\n',
    'nul\0hidden 5002/tcp\n',
    'nulalias 5003/tcp vis\0ible\n',
    'vt\v5004/tcp\fff\n',
    `long 5005/tcp ${'x'.repeat(longLine)}\n`,
    `${'n'.repeat(longLine)} 5006/tcp\n`,
    `#${'c'.repeat(longLine)}\n`,
    'esc\u202eaped 5008/tcp \u001b[31mred\n',
    'dup 5009/tcp\n',
    'dup 5010/udp\n',
  ];
  lines.push(...fixed);
  lines.push('bad', [0xff, 0xfe], ' 5007/tcp al', [0xe9], '\n');
  lines.push('emoji', [0xf0, 0x9f, 0x98], ' 5011/tcp\n');
  for (let k = 0; k < 300; k++) {
    const r = rng.int(0, 5);
    if (r === 0) lines.push(randomBytes(rng, rng.int(1, 80)), '\n');
    else if (r === 1) lines.push(`g${k} ${rng.pick(['', '+', '-', '0x', '0'])}${rng.int(0, 99999)}${rng.pick(['/tcp', '/udp', '/', '', '//tcp', 'x/tcp'])} a${k}${rng.pick(['\r', '', '\t', ' #c'])}\n`);
    else if (r === 2) lines.push(`r${k}`, randomBytes(rng, rng.int(0, 4)), ` ${rng.int(0, 70000)}/tcp`, randomBytes(rng, 3), '\n');
    else if (r === 3) lines.push(`${rng.pick(['', ' ', '\t'])}s${k} ${rng.int(1, 65535)}/${rng.pick(['tcp', 'udp', 'sctp', 'TCP'])}\n`);
    else if (r === 4) lines.push(`z${k}\0 ${rng.int(0, 100)}/tcp\n`);
    else lines.push(`w${k} ${rng.int(0, 65535)}/tcp`, [0], ` hidden${k}\n`);
    names.push(`g${k}`, `a${k}`, `r${k}`, `s${k}`, `z${k}`, `w${k}`, `hidden${k}`);
  }
  const fixedNames = ['bom', '\ufeffbom', 'plain', 'p1', 'p2', 'crlf', 'crlfalias', 'onlyname', 'two', 'names', 'neg', 'big', 'huge', 'hex', 'oct', 'nul', 'hidden', 'nulalias', 'vis', 'ible', 'vt', 'ff', 'long', 'x', 'n'.repeat(longLine), 'esc\u202eaped', '\u001b[31mred', 'dup', 'bad', 'emoji'];
  const fixedPorts = [1, 5000, 5001, 4464, 0, 5002, 5003, 5004, 5005, 5006, 5007, 5008, 5009, 5010, 5011, 0x1389, 0o11612];
  for (let k = 0; k < 200; k++) ports.push(rng.int(0, 65535));
  return { bytes: bytesOf(lines), fixedNames, names, fixedPorts, ports, undecodablePort: 5007 };
}

function garbageProtocols(rng: Rng, longLine: number): { bytes: Buffer; fixedNames: string[]; names: string[] } {
  const fixedNames = ['ip', 'IP', 'crlf', 'CRLF', 'nul', 'neg', 'big', 'BIG', 'hex', 'long', 'y', 'onlyname', 'bad', 'al'];
  const names: string[] = [];
  const lines: (string | number[])[] = ['ip 0 IP\n', 'crlf 200 CRLF\r\n', 'nul\0x 201\n', 'neg -1\n', 'big 4294967295 BIG\n', 'hex 0x10\n', `long 202 ${'y '.repeat(longLine / 2)}\n`, 'onlyname\n', 'bad', [0xff], ' 203 al', [0xc3], '\n'];
  for (let k = 0; k < 150; k++) {
    const r = rng.int(0, 2);
    if (r === 0) lines.push(randomBytes(rng, rng.int(1, 60)), '\n');
    else if (r === 1) lines.push(`p${k} ${rng.pick(['', '-', '+', '0'])}${rng.int(0, 300)}${rng.pick(['', 'x', ' P' + k, '\r', '\t#'])}\n`);
    else lines.push(`q${k}`, randomBytes(rng, 2), ` ${rng.int(0, 255)}\n`);
    names.push(`p${k}`, `P${k}`, `q${k}`);
  }
  return { bytes: bytesOf(lines), fixedNames, names };
}

function garbageHosts(rng: Rng, longLine: number): { bytes: Buffer; fixedNames: string[]; names: string[] } {
  const fixedNames = ['plain.test', 'PLAIN.TEST', 'alias.test', 'crlf.test', 'nul.test', 'x.test', 'after.test', 'six.test', 'bad.test', 'long.test', 'zero.test'];
  const names: string[] = [];
  const lines: (string | number[])[] = [
    '192.0.2.1 plain.test alias.test\n',
    '192.0.2.2 crlf.test\r\n',
    '192.0.2.3 x.test\0nul.test\n',
    '2001:db8::1 six.test\n',
    '192.0.2.4 six.test\n',
    '300.1.1.1 bad.test\n',
    '192.0.2.01 zero.test\n',
    `192.0.2.5 ${'l'.repeat(longLine)} long.test\n`,
    [0xff, 0xfe, 0x00, 0x0a],
    '192.0.2.6 after.test\n',
  ];
  for (let k = 0; k < 150; k++) {
    const r = rng.int(0, 2);
    if (r === 0) lines.push(randomBytes(rng, rng.int(1, 60)), '\n');
    else if (r === 1) lines.push(`${rng.pick(['198.51.100.', '10.0.0.', '2001:db8::', '999.0.0.', ''])}${rng.int(0, 255)}${rng.pick([' ', '\t', '  '])}h${k}.test${rng.pick(['', ' a' + k + '.test', '#c', '\r'])}\n`);
    else lines.push(`203.0.113.${rng.int(0, 255)} g${k}.test`, randomBytes(rng, 3), '\n');
    names.push(`h${k}.test`, `a${k}.test`, `g${k}.test`);
  }
  return { bytes: bytesOf(lines), fixedNames, names };
}
