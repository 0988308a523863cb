// Tests of the DNS fixture itself: the server on its own (any machine), and, inside the namespace made by
// scripts/with-test-netns.js, that the *system* resolver behaves as docs/dns-fixture.md says. Python's socket
// module (plain glibc calls) is the oracle for the system resolver.
//
//   node esbuild.js && node scripts/with-test-netns.js -- npx mocha out/test/unit/dnsFixture.test.js

import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as dgram from 'node:dgram';
import * as dns from 'node:dns';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as dnsPacket from 'dns-packet';
import { startDnsServer, type DnsServer } from '../fixtures/dns/dnsServer';
import { FIXTURE, createZone, reverseName, slowName } from '../fixtures/dns/zone';
import { LOG_LINE, queriesForName, requiredFixtureLogLines } from '../support/fixtureLog';


function rcodeOf(packet: dnsPacket.DecodedPacket): number {
  return (packet.flags ?? 0) & 0xf;
}

function dataOf(packet: dnsPacket.DecodedPacket): string[] {
  return (packet.answers ?? []).map((a) => ('data' in a && typeof a.data === 'string' ? a.data : a.type));
}

function query(name: string, type: dnsPacket.RecordType, id: number): Buffer {
  return dnsPacket.encode({ type: 'query', id, flags: dnsPacket.RECURSION_DESIRED, questions: [{ type, name, class: 'IN' }] });
}

/** One UDP query; resolves with the answer, or 'timeout'. */
function udpQuery(port: number, name: string, type: dnsPacket.RecordType, timeoutMs = 2000): Promise<dnsPacket.DecodedPacket | 'timeout'> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    const id = Math.floor(Math.random() * 65535);
    const timer = setTimeout(() => {
      socket.close();
      resolve('timeout');
    }, timeoutMs);
    socket.on('error', (err) => {
      clearTimeout(timer);
      socket.close();
      reject(err);
    });
    socket.on('message', (msg) => {
      clearTimeout(timer);
      socket.close();
      const packet = dnsPacket.decode(msg);
      assert.equal(packet.id, id, 'response id echoes the query id');
      resolve(packet);
    });
    socket.send(query(name, type, id), port, '127.0.0.1');
  });
}

/** Several queries written at once on one TCP connection (2-byte length framing); resolves with all answers. */
function tcpQueries(port: number, questions: ReadonlyArray<[string, dnsPacket.RecordType]>): Promise<dnsPacket.DecodedPacket[]> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const answers: dnsPacket.DecodedPacket[] = [];
    let buffer = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`TCP: ${answers.length} of ${questions.length} answers`));
    }, 3000);
    socket.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.on('connect', () => {
      const frames = questions.map(([name, type], i) => {
        const q = query(name, type, 1000 + i);
        const len = Buffer.alloc(2);
        len.writeUInt16BE(q.length, 0);
        return Buffer.concat([len, q]);
      });
      socket.write(Buffer.concat(frames));
    });
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length >= 2 && buffer.length >= 2 + buffer.readUInt16BE(0)) {
        const len = buffer.readUInt16BE(0);
        answers.push(dnsPacket.decode(buffer.subarray(2, 2 + len)));
        buffer = buffer.subarray(2 + len);
      }
      if (answers.length === questions.length) {
        clearTimeout(timer);
        socket.end();
        resolve(answers.sort((a, b) => (a.id ?? 0) - (b.id ?? 0)));
      }
    });
  });
}

function answered(p: dnsPacket.DecodedPacket | 'timeout'): dnsPacket.DecodedPacket {
  assert.notEqual(p, 'timeout', 'expected an answer');
  return p as dnsPacket.DecodedPacket;
}

describe('DNS fixture server (startDnsServer on 127.0.0.1, no namespace needed)', function () {
  this.timeout(10000);
  const SLOW_MS = 150;
  let server: DnsServer;
  let port: number;
  const lines: string[] = [];

  before(async () => {
    server = await startDnsServer({ host: '127.0.0.1', port: 0, zone: createZone({ slowDelayMs: SLOW_MS }), log: (l) => lines.push(l) });
    port = server.address.port;
  });
  after(async () => {
    await server?.close();
  });

  it('binds UDP and TCP on the same ephemeral port', () => {
    assert.equal(server.address.host, '127.0.0.1');
    assert.equal(server.address.family, 'IPv4');
    assert.ok(port > 0);
  });

  it('answers a CNAME chain like a real server: CNAME records, then the target records', async () => {
    const p = answered(await udpQuery(port, FIXTURE.cnameChain.alias, 'A'));
    assert.equal(rcodeOf(p), 0);
    assert.equal(p.flag_aa, true);
    assert.equal(p.flag_qr, true);
    assert.deepEqual(
      (p.answers ?? []).map((a) => [a.type, a.name]),
      [
        ['CNAME', FIXTURE.cnameChain.alias],
        ['CNAME', FIXTURE.cnameChain.alias2],
        ['A', FIXTURE.cnameChain.canonical],
      ],
    );
    assert.deepEqual(dataOf(p), [FIXTURE.cnameChain.alias2, FIXTURE.cnameChain.canonical, FIXTURE.cnameChain.v4]);
  });

  it('answers over TCP with 2-byte length framing, several queries on one connection', async () => {
    const [aaaa, txt, nx] = await tcpQueries(port, [
      [FIXTURE.cnameChain.alias, 'AAAA'],
      [FIXTURE.txt.name, 'TXT'],
      [FIXTURE.nxdomain, 'A'],
    ]);
    assert.deepEqual(dataOf(aaaa), [FIXTURE.cnameChain.alias2, FIXTURE.cnameChain.canonical, FIXTURE.cnameChain.v6]);
    const texts = (txt.answers ?? []).map((a) => (a.type === 'TXT' ? [a.data].flat().map(String).join('') : ''));
    assert.deepEqual(texts, [...FIXTURE.txt.values]);
    assert.equal(rcodeOf(nx), 3);
    assert.ok(lines.some((l) => / tcp TXT txt\.netlens\.test -> NOERROR$/.test(l)));
  });

  it('answers NXDOMAIN with the SOA in the authority section, for listed and unlisted names', async () => {
    for (const name of [FIXTURE.nxdomain, 'not-in-zone-at-all.netlens.test']) {
      const p = answered(await udpQuery(port, name, 'A'));
      assert.equal(rcodeOf(p), 3, name);
      assert.deepEqual(p.answers, []);
      assert.deepEqual((p.authorities ?? []).map((a) => [a.type, a.name]), [['SOA', FIXTURE.origin]]);
    }
  });

  it('answers SERVFAIL and REFUSED', async () => {
    assert.equal(rcodeOf(answered(await udpQuery(port, FIXTURE.servfail, 'A'))), 2);
    assert.equal(rcodeOf(answered(await udpQuery(port, FIXTURE.refused, 'AAAA'))), 5);
  });

  it('answers NODATA (NOERROR, no answers, SOA) for a family the name lacks', async () => {
    const p = answered(await udpQuery(port, FIXTURE.v4only.name, 'AAAA'));
    assert.equal(rcodeOf(p), 0);
    assert.deepEqual(p.answers, []);
    assert.deepEqual((p.authorities ?? []).map((a) => a.type), ['SOA']);
    assert.deepEqual(dataOf(answered(await udpQuery(port, FIXTURE.v6only.name, 'AAAA'))), [FIXTURE.v6only.v6]);
  });

  it('keeps the CNAME chain in an NXDOMAIN answer for a dangling CNAME', async () => {
    const p = answered(await udpQuery(port, FIXTURE.danglingCname.alias, 'A'));
    assert.equal(rcodeOf(p), 3);
    assert.deepEqual(dataOf(p), [FIXTURE.danglingCname.target]);
  });

  it('never answers a dropped name, and logs it as drop', async () => {
    assert.equal(await udpQuery(port, FIXTURE.dropped, 'A', 400), 'timeout');
    assert.ok(lines.some((l) => l.endsWith(` udp A ${FIXTURE.dropped} -> drop`)));
  });

  it('delays wildcard names under slow.netlens.test; <N>ms picks the delay', async () => {
    const name = slowName();
    let t = Date.now();
    assert.deepEqual(dataOf(answered(await udpQuery(port, name, 'A'))), [FIXTURE.slowWildcard.v4]);
    assert.ok(Date.now() - t >= SLOW_MS - 5, `answered after ${Date.now() - t} ms`);
    assert.ok(lines.some((l) => l.endsWith(` udp A ${name} -> delay ${SLOW_MS}`)));

    const custom = slowName(40);
    assert.match(custom, /\.40ms\.slow\.netlens\.test$/);
    t = Date.now();
    assert.deepEqual(dataOf(answered(await udpQuery(port, custom, 'AAAA'))), [FIXTURE.slowWildcard.v6]);
    assert.ok(Date.now() - t >= 35);
    assert.ok(lines.some((l) => l.endsWith(` udp AAAA ${custom} -> delay 40`)));
    assert.notEqual(slowName(), slowName(), 'each call gives a fresh name');
  });

  it('serves PTR records, including hostile raw label text, and NXDOMAIN/SERVFAIL reverse names', async () => {
    assert.equal(reverseName(FIXTURE.ptr.forward.v4), '10.100.51.198.in-addr.arpa');
    assert.deepEqual(dataOf(answered(await udpQuery(port, reverseName(FIXTURE.ptr.forward.v4), 'PTR'))), [FIXTURE.ptr.forward.name]);
    assert.deepEqual(dataOf(answered(await udpQuery(port, reverseName(FIXTURE.ptr.forward.v6), 'PTR'))), [FIXTURE.ptr.forward.name]);
    assert.deepEqual(dataOf(answered(await udpQuery(port, reverseName(FIXTURE.ptr.hostile.v4), 'PTR'))), [FIXTURE.ptr.hostile.name]);
    assert.equal(rcodeOf(answered(await udpQuery(port, reverseName(FIXTURE.ptr.missing.v4), 'PTR'))), 3);
    assert.equal(rcodeOf(answered(await udpQuery(port, reverseName(FIXTURE.ptr.servfail.v4), 'PTR'))), 2);
  });

  it('truncates a UDP answer that does not fit 512 bytes (TC), and gives all of it over TCP', async () => {
    const udp = answered(await udpQuery(port, FIXTURE.manyA.name, 'A'));
    assert.equal(udp.flag_tc, true);
    const [tcp] = await tcpQueries(port, [[FIXTURE.manyA.name, 'A']]);
    assert.equal(tcp.flag_tc, false);
    assert.deepEqual(dataOf(tcp), [...FIXTURE.manyA.v4]);
  });

  it('matches names case-insensitively and keeps the asked case in the answer', async () => {
    const p = answered(await udpQuery(port, 'V4Only.NetLens.TEST', 'A'));
    assert.deepEqual((p.answers ?? []).map((a) => [a.name, dataOf(p)[0]]), [['V4Only.NetLens.TEST', FIXTURE.v4only.v4]]);
  });

  it('works with Node’s c-ares resolver (one CNAME hop per resolveCname; hostile PTR comes back as text)', async () => {
    const resolver = new dns.promises.Resolver({ timeout: 1000, tries: 1 });
    resolver.setServers([`127.0.0.1:${port}`]);
    assert.deepEqual(await resolver.resolveCname(FIXTURE.cnameChain.alias), [FIXTURE.cnameChain.alias2]);
    assert.deepEqual(await resolver.resolve4(FIXTURE.multiA.name), [...FIXTURE.multiA.v4]);
    assert.deepEqual(await resolver.resolve4(FIXTURE.manyA.name), [...FIXTURE.manyA.v4]); // TC, then TCP
    assert.deepEqual(await resolver.resolveTxt(FIXTURE.txt.name), FIXTURE.txt.values.map((v) => [v]));
    const [hostile] = await resolver.reverse(FIXTURE.ptr.hostile.v4);
    // c-ares backslash-escapes ( and ) in names, but the markup is still there: whatever renders it must escape.
    assert.match(hostile, /^<img src=x onerror=alert\\?\(1\\?\)>\.netlens\.test$/);
    await assert.rejects(resolver.resolve4(FIXTURE.servfail), { code: 'ESERVFAIL' });
    await assert.rejects(resolver.resolve4(FIXTURE.nxdomain), { code: 'ENOTFOUND' });
    await assert.rejects(resolver.resolve6(FIXTURE.v4only.name), { code: 'ENODATA' });
  });

  it('logs one line per query in the documented format', () => {
    assert.ok(lines.length > 10);
    for (const l of lines) assert.match(l, LOG_LINE);
  });

  it('as a program: prints exactly one READY line, logs to a file, and exits 0 on SIGTERM', async function () {
    const serverJs = path.join(__dirname, '..', 'fixtures', 'dns', 'dnsServer.js');
    if (!fs.existsSync(serverJs)) this.skip();
    const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-dns-test-')), 'q.log');
    const child = spawn(process.execPath, [serverJs, '--host', '127.0.0.1', '--port', '0', '--log', logFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    const ready = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: string) => {
        out += d;
        if (out.includes('\n')) resolve(out);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code} before READY`)));
    });
    const m = /^READY 127\.0\.0\.1 (\d+)\n$/.exec(ready);
    assert.ok(m, `READY line: ${JSON.stringify(ready)}`);
    const p = answered(await udpQuery(Number(m[1]), FIXTURE.v4only.name, 'A'));
    assert.deepEqual(dataOf(p), [FIXTURE.v4only.v4]);
    assert.match(fs.readFileSync(logFile, 'utf8'), new RegExp(` udp A ${FIXTURE.v4only.name.replace(/\./g, '\\.')} -> NOERROR\\n$`));
    const exit = new Promise<[number | null, string | null]>((resolve) => child.on('exit', (code, signal) => resolve([code, signal])));
    child.kill('SIGTERM');
    assert.deepEqual(await exit, [0, null]);
    assert.equal(out, ready, 'nothing but the READY line on stdout');
    fs.rmSync(path.dirname(logFile), { recursive: true, force: true });
  });
});

// ---------------------------------------------------------------------------------------------------------------

interface PyError {
  type: string;
  errno: number;
  message: string;
}
interface PyResult<T> {
  value?: T;
  error?: PyError;
  ms: number;
}

const ORACLE = String.raw`
import json, socket, sys, time
op, arg = sys.argv[1], sys.argv[2]
fam = {'any': 0, '4': socket.AF_INET, '6': socket.AF_INET6}[sys.argv[3] if len(sys.argv) > 3 else 'any']
start = time.monotonic()
try:
    if op == 'gethostbyname_ex':
        value = list(socket.gethostbyname_ex(arg))
    elif op == 'gethostbyname':
        value = socket.gethostbyname(arg)
    elif op == 'gethostbyaddr':
        value = list(socket.gethostbyaddr(arg))
    elif op == 'getaddrinfo':
        rows = socket.getaddrinfo(arg, None, fam, socket.SOCK_STREAM, 0, socket.AI_CANONNAME)
        value = [[r[0].name, r[3], r[4][0]] for r in rows]
    elif op == 'hostname':
        value = [socket.gethostname(), socket.gethostbyname(socket.gethostname())]
    out = {'value': value}
except OSError as e:
    out = {'error': {'type': type(e).__name__, 'errno': e.args[0], 'message': e.args[1] if len(e.args) > 1 else str(e)}}
out['ms'] = (time.monotonic() - start) * 1000
print(json.dumps(out))
`;

/** The real interpreter behind `python3` (skips wrapper scripts such as pyenv shims: faster). */
let python = 'python3';

function py<T>(op: string, arg: string, family?: '4' | '6'): PyResult<T> {
  const r = spawnSync(python, ['-c', ORACLE, op, arg, ...(family ? [family] : [])], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as PyResult<T>;
}

function pyError(op: string, arg: string, family?: '4' | '6'): PyError & { ms: number } {
  const r = py<unknown>(op, arg, family);
  assert.ok(r.error, `${op}(${arg}) should fail, got ${JSON.stringify(r.value)}`);
  return { ...r.error, ms: r.ms };
}

describe('system resolver inside the fixture namespace (with-test-netns.js)', function () {
  this.timeout(15000);

  before(function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') {
      console.log('    (skipped: NETLENS_DNS_FIXTURE is not set; run under `node scripts/with-test-netns.js -- …`)');
      this.skip();
    }
    const probe = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
    if (probe.status !== 0 || !probe.stdout.trim()) {
      console.log('    (skipped: python3, the oracle for the system resolver, is not available)');
      this.skip();
    }
    python = probe.stdout.trim();
  });

  it('pins resolv.conf to the fixture: nameserver 127.0.0.1, timeout:1 attempts:1, no search list', () => {
    const conf = fs.readFileSync('/etc/resolv.conf', 'utf8');
    assert.deepEqual(conf.split('\n').filter((l) => l && !l.startsWith('#')), ['nameserver 127.0.0.1', 'options timeout:1 attempts:1']);
    assert.match(fs.readFileSync('/etc/nsswitch.conf', 'utf8'), /^hosts:\s+files dns$/m);
  });

  it('gethostbyname_ex(alias) gives (canonical, [alias, alias2], [v4]), and the query is in the log', () => {
    const c = FIXTURE.cnameChain;
    assert.deepEqual(py('gethostbyname_ex', c.alias).value, [c.canonical, [c.alias, c.alias2], [c.v4]]);
    assert.ok(queriesForName(c.alias).some((l) => l.includes(` udp A ${c.alias} -> NOERROR`)), 'A query for the alias logged');
  });

  it('getaddrinfo with AI_CANONNAME puts the canonical name in the first row only', () => {
    const c = FIXTURE.cnameChain;
    const rows = py<[string, string, string][]>('getaddrinfo', c.alias).value ?? [];
    assert.equal(rows[0]?.[1], c.canonical);
    assert.deepEqual(rows.slice(1).map((r) => r[1]), rows.slice(1).map(() => ''));
    assert.deepEqual(rows.map((r) => r[2]).sort(), [c.v4, c.v6].sort());
  });

  it('getent hosts alias prints the canonical name, then the aliases', () => {
    const c = FIXTURE.cnameChain;
    const r = spawnSync('getent', ['hosts', c.alias], { encoding: 'utf8' });
    assert.equal(r.status, 0);
    const [address, ...names] = r.stdout.trim().split(/\s+/);
    assert.ok(address === c.v6 || address === c.v4, address);
    assert.deepEqual(names, [c.canonical, c.alias, c.alias2]);
  });

  it('NXDOMAIN → gaierror -2 "Name or service not known"', () => {
    for (const name of [FIXTURE.nxdomain, FIXTURE.danglingCname.alias]) {
      const e = pyError('getaddrinfo', name);
      assert.deepEqual([e.type, e.errno, e.message], ['gaierror', -2, 'Name or service not known'], name);
    }
    const ex = pyError('gethostbyname_ex', FIXTURE.nxdomain);
    assert.deepEqual([ex.type, ex.errno], ['gaierror', -2]);
  });

  it('SERVFAIL and REFUSED → gaierror -3 "Temporary failure in name resolution"', () => {
    for (const name of [FIXTURE.servfail, FIXTURE.refused]) {
      const e = pyError('getaddrinfo', name);
      assert.deepEqual([e.type, e.errno, e.message], ['gaierror', -3, 'Temporary failure in name resolution'], name);
    }
  });

  it('v4only with AF_INET6 (NODATA) → gaierror -5 "No address associated with hostname"', () => {
    const e = pyError('getaddrinfo', FIXTURE.v4only.name, '6');
    assert.deepEqual([e.type, e.errno, e.message], ['gaierror', -5, 'No address associated with hostname']);
    assert.deepEqual(py<[string, string, string][]>('getaddrinfo', FIXTURE.v6only.name, '6').value?.map((r) => r[2]), [FIXTURE.v6only.v6]);
  });

  it('a hosts-only name resolves without any DNS query', () => {
    const h = FIXTURE.hostsOnly;
    const before = requiredFixtureLogLines().length;
    assert.deepEqual(py('gethostbyname_ex', h.name).value, [h.name, [], [h.v4]]);
    assert.deepEqual(py<[string, string, string][]>('getaddrinfo', h.name, '4').value?.map((r) => r[2]), [h.v4]);
    assert.deepEqual(queriesForName(h.name, before), []);
  });

  it('the machine hostname resolves from the namespace hosts file (127.0.1.1)', () => {
    const [, address] = py<[string, string]>('hostname', '').value ?? [];
    assert.equal(address, '127.0.1.1');
  });

  it('a dropped name fails after ~1 s (timeout:1 attempts:1) with -3', () => {
    const e = pyError('getaddrinfo', FIXTURE.dropped, '4');
    assert.deepEqual([e.type, e.errno], ['gaierror', -3]);
    assert.ok(e.ms >= 900 && e.ms < 2500, `gave up after ${Math.round(e.ms)} ms`);
    assert.ok(queriesForName(FIXTURE.dropped).some((l) => l.endsWith('-> drop')));
  });

  it('a slow wildcard name answers after its delay; the default delay outlasts timeout:1', () => {
    const quick = slowName(200);
    const r = py<[string, string, string][]>('getaddrinfo', quick, '4');
    assert.deepEqual(r.value?.map((row) => row[2]), [FIXTURE.slowWildcard.v4]);
    assert.ok(r.ms >= 190, `answered after ${Math.round(r.ms)} ms`);

    const slowMs = Number(process.env.NETLENS_DNS_SLOW_DELAY_MS ?? FIXTURE.slowWildcard.delayMs);
    const slow = slowName();
    const e = pyError('getaddrinfo', slow, '4');
    if (slowMs > 1500) {
      assert.deepEqual([e.type, e.errno], ['gaierror', -3]);
      assert.ok(e.ms < slowMs, `gave up after ${Math.round(e.ms)} ms`);
    }
    assert.ok(queriesForName(slow).some((l) => l.endsWith(`-> delay ${slowMs}`)));
  });

  it('gethostbyaddr: PTR → canonical; missing PTR → herror 1; SERVFAIL PTR → herror 2', () => {
    const f = FIXTURE.ptr;
    assert.deepEqual(py('gethostbyaddr', f.forward.v4).value, [f.forward.name, [], [f.forward.v4]]);
    assert.deepEqual(py('gethostbyaddr', f.forward.v6).value, [f.forward.name, [], [f.forward.v6]]);
    const missing = pyError('gethostbyaddr', f.missing.v4);
    assert.deepEqual([missing.type, missing.errno, missing.message], ['herror', 1, 'Unknown host']);
    const servfail = pyError('gethostbyaddr', f.servfail.v4);
    assert.deepEqual([servfail.type, servfail.errno, servfail.message], ['herror', 2, 'Host name lookup failure']);
    // glibc refuses the hostile name (not a valid host name) rather than returning it. Its errno is whatever
    // h_errno held before (0 or the previous failure's), so only the type is stable.
    assert.equal(pyError('gethostbyaddr', f.hostile.v4).type, 'herror');
  });

  it('getaddrinfo goes to TCP when the UDP answer is truncated', () => {
    assert.equal((py<[string, string[], string[]]>('gethostbyname_ex', FIXTURE.manyA.name).value ?? [])[2]?.length, FIXTURE.manyA.v4.length);
    assert.ok(queriesForName(FIXTURE.manyA.name).some((l) => l.includes(' tcp A ')));
  });

  it('Node dns.lookup agrees with glibc as seen by Python (same addresses, same order)', async () => {
    for (const name of [FIXTURE.cnameChain.alias, FIXTURE.multiA.name]) {
      const viaNode = (await dns.promises.lookup(name, { all: true })).map((a) => a.address);
      const viaPython = (py<[string, string, string][]>('getaddrinfo', name).value ?? []).map((r) => r[2]);
      assert.deepEqual(viaNode, viaPython, name);
    }
    await assert.rejects(dns.promises.lookup(FIXTURE.nxdomain), { code: 'ENOTFOUND' });
    await assert.rejects(dns.promises.lookup(FIXTURE.servfail), { code: 'EAI_AGAIN' });
    await assert.rejects(dns.promises.lookup(FIXTURE.v4only.name, { family: 6 }), { code: 'ENOTFOUND' });
  });
});
