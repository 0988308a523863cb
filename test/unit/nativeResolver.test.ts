// Tests of the N-API resolver addon (native/netlens_resolver.c) against its contract
// (src/helper/nativeResolver.ts), with python3's socket module (the same C library calls) as the oracle.
//
// Every lookup here is answered from /etc/hosts, /etc/services or numeric input: no test sends a DNS query.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NativeAddrinfoRow, NativeResolver, NativeResolverError } from '../../src/helper/nativeResolver';
import { FIXTURE } from '../fixtures/dns/zone';
import { needPython, python, type PyGai } from '../support/pythonNativeOracle';

// The compiled test lives in out/test/unit/, three levels below the repository root. NETLENS_TEST_ADDON names
// another build of the addon to test instead (scripts/test-targets.js runs this file in Node for arm64 under
// qemu with the linux-arm64 build; `npm run test:sanitize` with the AddressSanitizer/UBSan build); a named file that
// is missing fails the suite rather than skipping it.
const DEFAULT_ADDON = path.resolve(__dirname, '../../../build/Release/netlens_resolver.node');
const ADDON_PATH = process.env.NETLENS_TEST_ADDON ? path.resolve(process.env.NETLENS_TEST_ADDON) : DEFAULT_ADDON;
const ADDON_BUILT = fs.existsSync(ADDON_PATH) || ADDON_PATH !== DEFAULT_ADDON;
/** Inside scripts/with-test-netns.js, whose /etc/hosts holds the fixture's hosts-only names. */
const IN_DNS_FIXTURE = process.env.NETLENS_DNS_FIXTURE === '1';

function loadAddon(): NativeResolver {
  const mod: { exports: unknown } = { exports: {} };
  process.dlopen(mod, ADDON_PATH);
  return mod.exports as NativeResolver;
}


/** The rejection of `promise` (failing the test if it resolves), checked to be a NativeResolverError. */
async function rejection(promise: Promise<unknown>): Promise<NativeResolverError> {
  let resolved: unknown;
  try {
    resolved = await promise;
  } catch (err) {
    assert.ok(err instanceof Error, 'rejects with an Error');
    const e = err as NativeResolverError;
    assert.ok(e.kind === 'gai' || e.kind === 'h' || e.kind === 'os', `kind is ${String(e.kind)}`);
    assert.equal(typeof e.code, 'number');
    return e;
  }
  assert.fail(`expected a rejection, got ${JSON.stringify(resolved)}`);
}

/** The addon seen with loose types, to pass it arguments the contract forbids. */
type LooseResolver = Record<string, (...args: unknown[]) => unknown>;

const suiteTitle = ADDON_BUILT
  ? `native resolver addon (${path.relative(process.cwd(), ADDON_PATH) || ADDON_PATH}, ${process.arch})`
  : 'native resolver addon — SKIPPED: build/Release/netlens_resolver.node is not built (run `node scripts/build-native.js`)';

(ADDON_BUILT ? describe : describe.skip)(suiteTitle, () => {
  let addon: NativeResolver;
  let C: Readonly<Record<string, number>>;

  before(() => {
    addon = loadAddon();
    C = addon.constants;
  });

  it('exports the contract: backend, frozen constants and the functions', () => {
    assert.equal(addon.backend, 'native');
    for (const fn of [
      'getaddrinfo',
      'getnameinfo',
      'gethostbyname2',
      'gethostbyaddr',
      'gethostname',
      'ifNameToIndex',
      'ifIndexToName',
      'gaiStrerror',
      'hstrerror',
    ]) {
      assert.equal(typeof (addon as unknown as LooseResolver)[fn], 'function', fn);
    }
    const required = [
      ...['AF_UNSPEC', 'AF_INET', 'AF_INET6', 'AF_UNIX'],
      ...['SOCK_STREAM', 'SOCK_DGRAM', 'SOCK_RAW', 'SOCK_SEQPACKET'],
      ...['IPPROTO_IP', 'IPPROTO_TCP', 'IPPROTO_UDP', 'IPPROTO_IPV6', 'IPPROTO_ICMP', 'IPPROTO_ICMPV6', 'IPPROTO_RAW'],
      ...['AI_PASSIVE', 'AI_CANONNAME', 'AI_NUMERICHOST', 'AI_NUMERICSERV', 'AI_V4MAPPED', 'AI_ALL', 'AI_ADDRCONFIG'],
      ...['NI_NUMERICHOST', 'NI_NUMERICSERV', 'NI_NOFQDN', 'NI_NAMEREQD', 'NI_DGRAM', 'NI_MAXHOST', 'NI_MAXSERV'],
      ...['EAI_BADFLAGS', 'EAI_NONAME', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_FAMILY', 'EAI_SOCKTYPE', 'EAI_SERVICE', 'EAI_MEMORY'],
    ];
    if (process.platform === 'linux') required.push('IPPROTO_SCTP', 'EAI_SYSTEM', 'EAI_OVERFLOW');
    for (const name of required) assert.equal(typeof C[name], 'number', name);
    assert.ok(Object.isFrozen(C), 'constants is frozen');
    assert.equal(C.NI_MAXHOST, 1025);
    assert.equal(C.NI_MAXSERV, 32);
  });

  it("constants equal python's socket module values for every name both have", function () {
    needPython(this);
    const names = Object.keys(C);
    const py = python<Record<string, number>>(
      `names = ${JSON.stringify(names)}\n` +
        'out({n: int(getattr(socket, n)) for n in names if hasattr(socket, n)})'
    );
    const shared = Object.keys(py);
    assert.ok(shared.length >= 40, `only ${shared.length} names shared with python: ${shared.join(' ')}`);
    for (const name of shared) assert.equal(C[name], py[name], name);
  });

  it("getaddrinfo('localhost', '80', AF_UNSPEC, 0, 0, AI_CANONNAME): same rows, in the same order, as python", async function () {
    needPython(this);
    const rows = await addon.getaddrinfo('localhost', '80', C.AF_UNSPEC, 0, 0, C.AI_CANONNAME);
    const py = python<NativeAddrinfoRow[]>(
      "out(rows(socket.getaddrinfo('localhost', '80', socket.AF_UNSPEC, 0, 0, socket.AI_CANONNAME)))"
    );
    assert.ok(rows.length > 0);
    assert.deepEqual(rows, py);
    // glibc: the canonical name is on the first row only, the other rows have ''.
    assert.equal(rows[0].canonname, 'localhost');
    for (const row of rows.slice(1)) assert.equal(row.canonname, '');
    for (const row of rows) assert.equal(row.port, 80);
  });

  it('getaddrinfo(null, "8080", AF_INET6, SOCK_STREAM, 0, AI_PASSIVE) is the IPv6 wildcard, as in python', async function () {
    needPython(this);
    const rows = await addon.getaddrinfo(null, '8080', C.AF_INET6, C.SOCK_STREAM, 0, C.AI_PASSIVE);
    const py = python<NativeAddrinfoRow[]>(
      "out(rows(socket.getaddrinfo(None, '8080', socket.AF_INET6, socket.SOCK_STREAM, 0, socket.AI_PASSIVE)))"
    );
    assert.deepEqual(rows, py);
    assert.deepEqual(rows, [
      { family: C.AF_INET6, socktype: C.SOCK_STREAM, protocol: C.IPPROTO_TCP, canonname: '', address: '::', port: 8080, flowinfo: 0, scopeId: 0 },
    ]);
  });

  it("getaddrinfo('127.0.0.1', 'http', AF_INET, SOCK_STREAM, 0, AI_NUMERICHOST) maps the service name, as in python", async function () {
    needPython(this);
    const rows = await addon.getaddrinfo('127.0.0.1', 'http', C.AF_INET, C.SOCK_STREAM, 0, C.AI_NUMERICHOST);
    const py = python<NativeAddrinfoRow[]>(
      "out(rows(socket.getaddrinfo('127.0.0.1', 'http', socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST)))"
    );
    assert.deepEqual(rows, py);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].address, '127.0.0.1');
    assert.equal(rows[0].port, 80);
  });

  it('IPv6 rows carry scopeId (address without %scope) and V4MAPPED addresses, as in python', async function () {
    needPython(this);
    const lo = addon.ifIndexToName(1) || 'lo';
    const scoped = await addon.getaddrinfo(`fe80::1%${lo}`, '443', C.AF_INET6, C.SOCK_STREAM, 0, C.AI_NUMERICHOST);
    const mapped = await addon.getaddrinfo('127.0.0.1', '80', C.AF_INET6, C.SOCK_STREAM, 0, C.AI_NUMERICHOST | C.AI_V4MAPPED);
    const py = python<{ scoped: NativeAddrinfoRow[]; mapped: NativeAddrinfoRow[] }>(
      `lo = ${JSON.stringify(lo)}\n` +
        "out({'scoped': rows(socket.getaddrinfo('fe80::1%' + lo, '443', socket.AF_INET6, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST)),\n" +
        "     'mapped': rows(socket.getaddrinfo('127.0.0.1', '80', socket.AF_INET6, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST | socket.AI_V4MAPPED))})"
    );
    assert.deepEqual(scoped, py.scoped);
    assert.equal(scoped[0].address, 'fe80::1');
    assert.equal(scoped[0].scopeId, addon.ifNameToIndex(lo));
    assert.notEqual(scoped[0].scopeId, 0);
    assert.deepEqual(mapped, py.mapped);
    assert.equal(mapped[0].address, '::ffff:127.0.0.1');
  });

  it("getaddrinfo errors reject with kind 'gai', python's errno and python's gaierror text", async function () {
    needPython(this);
    const cases: { call: () => Promise<NativeAddrinfoRow[]>; py: string; expect: string[] }[] = [
      {
        call: () => addon.getaddrinfo('localhost', 'nosuchservice', C.AF_UNSPEC, 0, 0, 0),
        py: "socket.getaddrinfo('localhost', 'nosuchservice', socket.AF_UNSPEC, 0, 0, 0)",
        expect: ['EAI_SERVICE', 'EAI_NONAME'],
      },
      {
        call: () => addon.getaddrinfo('localhost', '80', C.AF_UNSPEC, 0, 0, C.AI_NUMERICHOST),
        py: "socket.getaddrinfo('localhost', '80', socket.AF_UNSPEC, 0, 0, socket.AI_NUMERICHOST)",
        expect: ['EAI_NONAME'],
      },
      {
        call: () => addon.getaddrinfo(null, '80', C.AF_UNSPEC, 0, 0, C.AI_CANONNAME),
        py: "socket.getaddrinfo(None, '80', socket.AF_UNSPEC, 0, 0, socket.AI_CANONNAME)",
        expect: ['EAI_BADFLAGS'],
      },
      {
        call: () => addon.getaddrinfo('127.0.0.1', '80', 12345, 0, 0, C.AI_NUMERICHOST),
        py: "socket.getaddrinfo('127.0.0.1', '80', 12345, 0, 0, socket.AI_NUMERICHOST)",
        expect: ['EAI_FAMILY'],
      },
      {
        call: () => addon.getaddrinfo('127.0.0.1', '80', C.AF_INET, 12345, 0, C.AI_NUMERICHOST),
        py: "socket.getaddrinfo('127.0.0.1', '80', socket.AF_INET, 12345, 0, socket.AI_NUMERICHOST)",
        expect: ['EAI_SOCKTYPE', 'EAI_SERVICE'],
      },
    ];
    for (const c of cases) {
      const err = await rejection(c.call());
      const py = python<PyGai<unknown>>(`out(gai(lambda: ${c.py}))`);
      assert.ok('code' in py, `python did not fail for ${c.py}`);
      assert.equal(err.kind, 'gai', c.py);
      assert.equal(err.code, py.code, c.py);
      assert.equal(err.message, py.message, c.py);
      assert.ok(
        c.expect.some((name) => C[name] === err.code),
        `${c.py}: code ${err.code} is none of ${c.expect.join(', ')}`
      );
      assert.equal(err.message, addon.gaiStrerror(err.code));
      assert.equal(err.errno, undefined, 'errno only comes with EAI_SYSTEM');
    }
  });

  it("AI_NUMERICHOST with a name rejects with EAI_NONAME 'Name or service not known'", async function () {
    if (process.platform !== 'linux') this.skip(); // the text is glibc's
    const err = await rejection(addon.getaddrinfo('localhost', null, C.AF_UNSPEC, 0, 0, C.AI_NUMERICHOST));
    assert.equal(err.kind, 'gai');
    assert.equal(err.code, C.EAI_NONAME);
    assert.equal(err.message, 'Name or service not known');
  });

  it('hosts-file names (the fixture namespace\'s /etc/hosts): getaddrinfo rows and gethostbyname_ex with aliases as in python', async function () {
    if (!IN_DNS_FIXTURE) this.skip(); // the names are only in the namespace's hosts file (run inside with-test-netns.js)
    needPython(this);
    const plain = FIXTURE.hostsOnly.name;
    // /etc/hosts: "<hostsV4> <hostile canonical> <hostsName> <hostile alias>"; glibc takes the line's first name as canonical.
    const aliased = FIXTURE.hostile.strings.commandLink;
    const rows = await addon.getaddrinfo(plain, '443', C.AF_INET, C.SOCK_STREAM, 0, C.AI_CANONNAME);
    const byName = await addon.gethostbyname2(aliased.hostsName, C.AF_INET);
    const byAddr = await addon.gethostbyaddr(aliased.hostsV4);
    const py = python<{ rows: NativeAddrinfoRow[]; byName: [string, string[], string[]]; byAddr: [string, string[], string[]] }>(
      `plain, aliased, v4 = ${JSON.stringify(plain)}, ${JSON.stringify(aliased.hostsName)}, ${JSON.stringify(aliased.hostsV4)}\n` +
        "out({'rows': rows(socket.getaddrinfo(plain, '443', socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_CANONNAME)),\n" +
        "     'byName': socket.gethostbyname_ex(aliased), 'byAddr': socket.gethostbyaddr(v4)})"
    );
    assert.deepEqual(rows, py.rows);
    assert.deepEqual(rows.map((r) => [r.address, r.canonname]), [[FIXTURE.hostsOnly.v4, plain]]);
    assert.deepEqual(byName, { name: py.byName[0], aliases: py.byName[1], addresses: py.byName[2], family: C.AF_INET });
    assert.deepEqual(byAddr, { name: py.byAddr[0], aliases: py.byAddr[1], addresses: py.byAddr[2], family: C.AF_INET });
    assert.equal(byName.name, aliased.hostsCanonical);
    assert.ok(byName.aliases.includes(aliased.hostsName) && byName.aliases.includes(aliased.hostsAlias), byName.aliases.join(' '));
  });

  it("getnameinfo('127.0.0.1', 22) with NI_NUMERICHOST|NI_NUMERICSERV and with flags 0 matches python", async function () {
    needPython(this);
    const numeric = await addon.getnameinfo('127.0.0.1', 22, 0, 0, C.NI_NUMERICHOST | C.NI_NUMERICSERV);
    const named = await addon.getnameinfo('127.0.0.1', 22, 0, 0, 0);
    const py = python<{ numeric: [string, string]; named: [string, string] }>(
      "out({'numeric': socket.getnameinfo(('127.0.0.1', 22), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV),\n" +
        "     'named': socket.getnameinfo(('127.0.0.1', 22), 0)})"
    );
    assert.deepEqual(numeric, { host: '127.0.0.1', service: '22' });
    assert.deepEqual(numeric, { host: py.numeric[0], service: py.numeric[1] });
    assert.deepEqual(named, { host: py.named[0], service: py.named[1] });
  });

  it('getnameinfo of IPv6 passes port and scopeId, honours NI_DGRAM, and rejects bad flags like python', async function () {
    needPython(this);
    const lo = addon.ifIndexToName(1) || 'lo';
    const loIndex = addon.ifNameToIndex(lo);
    const v6 = await addon.getnameinfo('::1', 443, 0, 0, C.NI_NUMERICHOST | C.NI_NUMERICSERV);
    const scoped = await addon.getnameinfo('fe80::1', 80, 0, loIndex, C.NI_NUMERICHOST);
    const dgram = await addon.getnameinfo('127.0.0.1', 53, 0, 0, C.NI_NUMERICHOST | C.NI_DGRAM);
    const bad = await rejection(addon.getnameinfo('127.0.0.1', 22, 0, 0, 0x40000000));
    const py = python<{ v6: [string, string]; scoped: [string, string]; dgram: [string, string]; bad: PyGai<unknown> }>(
      `lo = ${loIndex}\n` +
        "out({'v6': socket.getnameinfo(('::1', 443, 0, 0), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV),\n" +
        "     'scoped': socket.getnameinfo(('fe80::1', 80, 0, lo), socket.NI_NUMERICHOST),\n" +
        "     'dgram': socket.getnameinfo(('127.0.0.1', 53), socket.NI_NUMERICHOST | socket.NI_DGRAM),\n" +
        "     'bad': gai(lambda: socket.getnameinfo(('127.0.0.1', 22), 0x40000000))})"
    );
    assert.deepEqual(v6, { host: py.v6[0], service: py.v6[1] });
    assert.deepEqual(scoped, { host: py.scoped[0], service: py.scoped[1] });
    assert.equal(scoped.host, `fe80::1%${lo}`);
    assert.deepEqual(dgram, { host: py.dgram[0], service: py.dgram[1] });
    assert.ok('code' in py.bad, 'python rejected the bad flags too');
    assert.equal(bad.kind, 'gai');
    assert.equal(bad.code, py.bad.code);
    assert.equal(bad.message, py.bad.message);
  });

  it("gethostbyaddr('127.0.0.1') matches python's socket.gethostbyaddr", async function () {
    needPython(this);
    const h = await addon.gethostbyaddr('127.0.0.1');
    const py = python<[string, string[], string[]]>("out(socket.gethostbyaddr('127.0.0.1'))");
    assert.deepEqual(h, { name: py[0], aliases: py[1], addresses: py[2], family: C.AF_INET });
  });

  it("gethostbyname2('localhost', AF_INET) and of a numeric address match python's gethostbyname_ex", async function () {
    needPython(this);
    const h = await addon.gethostbyname2('localhost', C.AF_INET);
    const numeric = await addon.gethostbyname2('127.0.0.1', C.AF_INET);
    const py = python<{ h: [string, string[], string[]]; numeric: [string, string[], string[]] }>(
      "out({'h': socket.gethostbyname_ex('localhost'), 'numeric': socket.gethostbyname_ex('127.0.0.1')})"
    );
    assert.deepEqual(h, { name: py.h[0], aliases: py.h[1], addresses: py.h[2], family: C.AF_INET });
    assert.deepEqual(numeric, { name: py.numeric[0], aliases: py.numeric[1], addresses: py.numeric[2], family: C.AF_INET });
    assert.ok(h.addresses.includes('127.0.0.1'));
  });

  it("gethostname() matches python's socket.gethostname()", function () {
    needPython(this);
    const name = addon.gethostname();
    assert.ok(name.length > 0);
    assert.equal(name, python<string>('out(socket.gethostname())'));
  });

  it("ifNameToIndex / ifIndexToName agree with python's if_nameindex, and answer 0 / '' for unknown ones", function () {
    needPython(this);
    const py = python<[number, string][]>('out(socket.if_nameindex())');
    assert.ok(py.length > 0);
    for (const [index, name] of py) {
      assert.equal(addon.ifNameToIndex(name), index, name);
      assert.equal(addon.ifIndexToName(index), name, String(index));
    }
    assert.equal(addon.ifNameToIndex('netlens-none0'), 0);
    assert.equal(addon.ifIndexToName(0), '');
    assert.equal(addon.ifIndexToName(0x7ffffff0), '');
  });

  it("gaiStrerror and hstrerror are the C library's texts (ctypes as the oracle)", function () {
    assert.equal(addon.gaiStrerror(C.EAI_NONAME), process.platform === 'linux' ? 'Name or service not known' : addon.gaiStrerror(C.EAI_NONAME));
    if (process.platform === 'linux') assert.equal(addon.gaiStrerror(-2), 'Name or service not known');
    needPython(this);
    const codes = Object.keys(C).filter((k) => k.startsWith('EAI_')).map((k) => C[k]);
    const hcodes = [-1, 0, 1, 2, 3, 4, 5, 99];
    const py = python<{ gai: string[]; h: string[] }>(
      'import ctypes\n' +
        'libc = ctypes.CDLL(None)\n' +
        'libc.gai_strerror.restype = ctypes.c_char_p\n' +
        'libc.hstrerror.restype = ctypes.c_char_p\n' +
        `out({'gai': [libc.gai_strerror(c).decode() for c in ${JSON.stringify(codes)}],\n` +
        `     'h': [libc.hstrerror(c).decode() for c in ${JSON.stringify(hcodes)}]})`
    );
    assert.deepEqual(codes.map((c) => addon.gaiStrerror(c)), py.gai);
    assert.deepEqual(hcodes.map((c) => addon.hstrerror(c)), py.h);
  });

  it('throws a TypeError synchronously for wrong argument types (RangeError for an out-of-range port)', () => {
    const loose = addon as unknown as LooseResolver;
    const typeErrors: [string, unknown[]][] = [
      ['getaddrinfo', [42, null, 0, 0, 0, 0]],
      ['getaddrinfo', [undefined, null, 0, 0, 0, 0]],
      ['getaddrinfo', ['localhost', 80, 0, 0, 0, 0]],
      ['getaddrinfo', ['localhost', null, '0', 0, 0, 0]],
      ['getaddrinfo', ['localhost', null, 0, 1.5, 0, 0]],
      ['getaddrinfo', ['localhost', null, 0, 0, Number.NaN, 0]],
      ['getaddrinfo', ['localhost', null, 0, 0, 0]],
      ['getaddrinfo', ['local\0host', null, 0, 0, 0, 0]],
      ['getnameinfo', ['127.0.0.1', '22', 0, 0, 0]],
      ['getnameinfo', [null, 22, 0, 0, 0]],
      ['getnameinfo', ['127.0.0.1', 22, 0, 0, '0']],
      ['gethostbyname2', [null, 2]],
      ['gethostbyname2', ['localhost']],
      ['gethostbyaddr', [127]],
      ['ifNameToIndex', [1]],
      ['ifIndexToName', ['1']],
      ['gaiStrerror', ['x']],
      ['hstrerror', [null]],
    ];
    for (const [fn, args] of typeErrors) {
      assert.throws(() => loose[fn](...args), TypeError, `${fn}(${args.map((a) => JSON.stringify(a) ?? 'undefined').join(', ')})`);
    }
    for (const address of ['localhost', 'fe80::1%lo', '127.0.0.1 ', '']) {
      assert.throws(() => loose.getnameinfo(address, 22, 0, 0, 0), { name: 'TypeError', message: /not a numeric IPv4\/IPv6 address/ });
      assert.throws(() => loose.gethostbyaddr(address), { name: 'TypeError', message: /not a numeric IPv4\/IPv6 address/ });
    }
    assert.throws(() => loose.getnameinfo('127.0.0.1', 70000, 0, 0, 0), RangeError);
    assert.throws(() => loose.getnameinfo('127.0.0.1', -1, 0, 0, 0), RangeError);
    assert.throws(() => loose.getnameinfo('::1', 22, -1, 0, 0), RangeError);
    assert.throws(() => loose.ifIndexToName(2 ** 32), RangeError);
  });

  it('runs on the libuv threadpool: 200 lookups queued behind busy pool threads leave the JS thread free', async () => {
    // Occupy every threadpool thread with a ~150 ms (busyMs) pbkdf2 (also threadpool work), then queue the lookups
    // behind them: they cannot finish before a pool thread is free, and meanwhile timers must keep firing.
    const poolSize = Math.min(1024, Math.max(4, Number(process.env.UV_THREADPOOL_SIZE) || 4));
    const calibration = 20000;
    const t0 = process.hrtime.bigint();
    crypto.pbkdf2Sync('netlens', 'salt', calibration, 32, 'sha256');
    const msPerCalibration = Math.max(0.5, Number(process.hrtime.bigint() - t0) / 1e6);
    // Under an emulator (qemu-user) the JS thread's first timer ticks cost tens of ms of code translation, so
    // scripts/test-targets.js stretches the busy time there (NETLENS_TEST_BUSY_MS); 150 ms is ample natively.
    const busyMs = Number(process.env.NETLENS_TEST_BUSY_MS) || 150;
    const iterations = Math.ceil((calibration * busyMs) / msPerCalibration);

    const events: string[] = [];
    const busy = Array.from(
      { length: poolSize },
      () =>
        new Promise<void>((resolve, reject) =>
          crypto.pbkdf2('netlens', 'salt', iterations, 32, 'sha256', (err) => {
            events.push('pbkdf2');
            if (err) reject(err);
            else resolve();
          })
        )
    );
    let ticks = 0;
    let ticksAtFirstLookup = -1;
    let running = true;
    const tick = (): void => {
      ticks++;
      if (running) setTimeout(tick, 1);
    };
    setTimeout(tick, 1);

    try {
      let settled = 0;
      const calls = Array.from({ length: 200 }, () => {
        const p = addon.getaddrinfo('localhost', null, C.AF_UNSPEC, 0, 0, 0);
        assert.ok(p instanceof Promise, 'returns a Promise');
        return p.then((rows) => {
          if (settled++ === 0) ticksAtFirstLookup = ticks;
          events.push('lookup');
          return rows;
        });
      });
      // A synchronous implementation would have settled everything by the time the microtasks drain.
      for (let i = 0; i < 10; i++) await Promise.resolve();
      assert.equal(settled, 0, 'nothing settles before the event loop turns');

      const all = await Promise.all(calls);
      await Promise.all(busy);
      assert.equal(settled, 200);
      assert.equal(events[0], 'pbkdf2', `the lookups waited for a free pool thread: ${events.slice(0, 5).join(', ')}`);
      assert.ok(ticksAtFirstLookup >= 3, `timers kept firing while the lookups were queued (${ticksAtFirstLookup} ticks)`);
      assert.ok(all[0].length > 0);
      for (const rows of all) assert.deepEqual(rows, all[0]);
    } finally {
      running = false; // stop the timer chain even when an assertion failed
    }
  });
});
