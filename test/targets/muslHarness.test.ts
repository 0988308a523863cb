// The musl builds of the resolver addon (alpine-x64, alpine-arm64), driven through the C harness
// (test/native-harness/: a fake Node-API host, since npm has no musl Node), checked against python3's answers on
// this glibc machine with every difference musl makes named and explained, and against musl's own error texts.
//
// scripts/test-targets.js runs this file inside the DNS fixture namespace (scripts/with-test-netns.js: pinned
// /etc/hosts, no network) with NETLENS_HARNESS = the command as a JSON array, e.g.
//   ["/…/netlens-harness", "/…/alpine-x64/netlens_resolver.node"]                      (musl-gcc, dlopen)
//   ["qemu-aarch64-static", "-L", "/…/musl-arm64 root", "/…/netlens-harness", "/…/alpine-arm64/…node"]
//   ["qemu-aarch64-static", "/…/netlens-harness-linked", "alpine-arm64 (linked)"]      (fallback: static, sources linked)
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { NativeAddrinfoRow, NativeHostent } from '../../src/helper/nativeResolver';
import { FIXTURE } from '../fixtures/dns/zone';
import { needPython, python, type PyGai } from '../support/pythonNativeOracle';

const HARNESS: string[] = process.env.NETLENS_HARNESS ? (JSON.parse(process.env.NETLENS_HARNESS) as string[]) : [];

/**
 * musl's gai_strerror table (src/network/gai_strerror.c), the oracle of the error texts. The text comes from the
 * musl the addon runs on: Debian's musl 1.2.3 (the dynamic harnesses) says 'Unknown error' for EAI_NODATA,
 * musl 1.2.4 (zig's, in the static fallback harness; Alpine 3.18+) 'Name has no usable address'.
 */
const MUSL_NODATA_TEXTS = ['Unknown error', 'Name has no usable address'];
const MUSL_GAI_TEXT: Record<number, string> = {
  [-1]: 'Invalid flags',
  [-2]: 'Name does not resolve',
  [-3]: 'Try again',
  [-4]: 'Non-recoverable error',
  [-5]: 'Unknown error',
  [-6]: 'Unrecognized address family or invalid length',
  [-7]: 'Unrecognized socket type',
  [-8]: 'Unrecognized service',
  [-9]: 'Unknown error',
  [-10]: 'Out of memory',
  [-11]: 'System error',
  [-12]: 'Overflow',
};
/** musl's hstrerror table (src/network/hstrerror.c). */
const MUSL_H_TEXT: Record<number, string> = { 1: 'Host not found', 2: 'Try again', 3: 'Non-recoverable error', 4: 'Address not available' };

/** One call's line: value is JSON as test/native-harness/napi_host.c prints it (promises as {$promise, value}, errors as {$error, …}). */
interface CallResult {
  call: string;
  threw: boolean;
  value: unknown;
}
interface ErrorValue {
  $error: string;
  message: string;
  kind?: string;
  code?: number | string;
}

/** One harness argument: null, a number, a string (hex-encoded when it holds a NUL). */
type Arg = null | number | string;
function encode(arg: Arg): string {
  if (arg === null) return 'null';
  if (typeof arg === 'number') return `n:${arg}`;
  return arg.includes('\0') ? `x:${Buffer.from(arg, 'utf8').toString('hex')}` : `s:${arg}`;
}

/** Runs the harness once for all `calls` ([name, ...args]); returns the exports list and one result per call. */
function harness(calls: [string, ...Arg[]][]): { exports: string[]; results: CallResult[] } {
  const args = calls.flatMap(([name, ...rest], i) => [...(i > 0 ? ['--'] : []), name, ...rest.map(encode)]);
  const r = spawnSync(HARNESS[0], [...HARNESS.slice(1), ...args], { encoding: 'utf8', shell: false, timeout: 60_000 });
  if (r.error) throw r.error;
  const lines = r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  const head = lines[0] as { loaded?: boolean; exports?: string[]; error?: unknown } | undefined;
  assert.ok(head?.loaded, `the addon did not load: ${JSON.stringify(head?.error ?? r.stderr)}`);
  assert.equal(r.status, 0, r.stderr);
  return { exports: head.exports ?? [], results: lines.slice(1) as unknown as CallResult[] };
}

/** The settled value of a call that returned a promise, failing unless it settled as `state`. */
function settled<T>(result: CallResult, state: 'resolved' | 'rejected'): T {
  assert.equal(result.threw, false, `${result.call} threw ${JSON.stringify(result.value)}`);
  const p = result.value as { $promise?: string; value?: unknown };
  assert.equal(p.$promise, state, `${result.call}: ${JSON.stringify(result.value)}`);
  return p.value as T;
}

function one<T>(state: 'resolved' | 'rejected', name: string, ...args: Arg[]): T {
  return settled<T>(harness([[name, ...args]]).results[0], state);
}

const suiteTitle = HARNESS.length
  ? `musl build through the C harness (${HARNESS.slice(1).join(' ')})`
  : 'musl build through the C harness — SKIPPED: NETLENS_HARNESS is not set (run `npm run test:targets`)';

(HARNESS.length ? describe : describe.skip)(suiteTitle, () => {
  let C: Record<string, number>;

  before(function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') throw new Error('run inside scripts/with-test-netns.js: the cases read its pinned /etc/hosts');
    const { exports, results } = harness([['backend'], ['constants']]);
    for (const fn of ['getaddrinfo', 'getnameinfo', 'gethostbyname2', 'gethostbyaddr', 'gethostname', 'gaiStrerror', 'hstrerror']) {
      assert.ok(exports.includes(fn), `exports ${fn}`);
    }
    assert.equal(results[0].value, 'native');
    C = results[1].value as Record<string, number>;
  });

  it('constants: frozen, and equal to python\'s for every name both have (same Linux ABI values)', function () {
    needPython(this);
    assert.equal((C as Record<string, unknown>).$frozen, true, 'constants is frozen');
    const names = Object.keys(C).filter((n) => n !== '$frozen');
    // glibc's IDN flags do not exist in musl's netdb.h, so the addon must not invent them; musl's own differences:
    // NI_NUMERICSCOPE exists, and NI_MAXHOST is 255 (glibc 1025; python has no NI_MAXHOST to compare with).
    for (const glibcOnly of ['AI_IDN', 'AI_CANONIDN', 'NI_IDN']) assert.ok(!names.includes(glibcOnly), `${glibcOnly} is glibc's, not musl's`);
    assert.equal(C.NI_NUMERICSCOPE, 0x100);
    assert.equal(C.NI_MAXHOST, 255);
    const py = python<Record<string, number>>(`names = ${JSON.stringify(names)}\nout({n: int(getattr(socket, n)) for n in names if hasattr(socket, n)})`);
    assert.ok(Object.keys(py).length >= 40, Object.keys(py).join(' '));
    for (const name of Object.keys(py)) if (name !== 'NI_MAXHOST') assert.equal(C[name], py[name], name);
  });

  it("getaddrinfo('localhost', '80', AF_UNSPEC, 0, 0, AI_CANONNAME): python's addresses; musl gives no SOCK_RAW rows and the canonical name on every row", function () {
    needPython(this);
    const rows = one<NativeAddrinfoRow[]>('resolved', 'getaddrinfo', 'localhost', '80', C.AF_UNSPEC, 0, 0, C.AI_CANONNAME);
    const py = python<NativeAddrinfoRow[]>("out(rows(socket.getaddrinfo('localhost', '80', socket.AF_UNSPEC, 0, 0, socket.AI_CANONNAME)))");
    // musl's service lookup answers TCP and UDP only when socktype is 0 (glibc adds a SOCK_RAW row per address),
    // and musl copies the canonical name into every row (glibc: first row only; both are allowed by RFC 3493).
    const expected = py.filter((r) => r.socktype !== C.SOCK_RAW).map((r) => ({ ...r, canonname: 'localhost' }));
    assert.deepEqual(sortRows(rows), sortRows(expected));
    // Order: both sort by RFC 6724 (musl with its built-in table, glibc with gai.conf's defaults): same order here.
    assert.deepEqual(rows.map((r) => r.address), expected.map((r) => r.address));
  });

  it('numeric hosts: AI_NUMERICHOST with a service name, the IPv6 passive wildcard, V4MAPPED and %scope, as in python; musl names the host as canonname even without AI_CANONNAME', function () {
    needPython(this);
    const lo = harness([['ifIndexToName', 1]]).results[0].value as string;
    const { results } = harness([
      ['getaddrinfo', '127.0.0.1', 'http', C.AF_INET, C.SOCK_STREAM, 0, C.AI_NUMERICHOST],
      ['getaddrinfo', null, '8080', C.AF_INET6, C.SOCK_STREAM, 0, C.AI_PASSIVE],
      ['getaddrinfo', '127.0.0.1', '80', C.AF_INET6, C.SOCK_STREAM, 0, C.AI_NUMERICHOST | C.AI_V4MAPPED],
      ['getaddrinfo', `fe80::1%${lo}`, '443', C.AF_INET6, C.SOCK_STREAM, 0, C.AI_NUMERICHOST],
    ]);
    const py = python<NativeAddrinfoRow[][]>(
      `lo = ${JSON.stringify(lo)}\n` +
        "out([rows(socket.getaddrinfo('127.0.0.1', 'http', socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST)),\n" +
        "     rows(socket.getaddrinfo(None, '8080', socket.AF_INET6, socket.SOCK_STREAM, 0, socket.AI_PASSIVE)),\n" +
        "     rows(socket.getaddrinfo('127.0.0.1', '80', socket.AF_INET6, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST | socket.AI_V4MAPPED)),\n" +
        "     rows(socket.getaddrinfo('fe80::1%' + lo, '443', socket.AF_INET6, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST))])"
    );
    // musl's getaddrinfo sets ai_canonname on every row whenever it has a name (the host as given, numeric or
    // not), whatever the flags; glibc only with AI_CANONNAME. The passive wildcard has no host, so no name.
    const hosts = ['127.0.0.1', '', '127.0.0.1', `fe80::1%${lo}`];
    results.forEach((r, i) =>
      assert.deepEqual(settled<NativeAddrinfoRow[]>(r, 'resolved'), py[i].map((row) => ({ ...row, canonname: hosts[i] })), `case ${i}`)
    );
  });

  it("hosts-file names: python's addresses; musl's canonical name is the line's first name only when that is a valid hostname", function () {
    needPython(this);
    const aliased = FIXTURE.hostile.strings.commandLink;
    const { results } = harness([
      ['getaddrinfo', FIXTURE.hostsOnly.name, '443', C.AF_INET, C.SOCK_STREAM, 0, C.AI_CANONNAME],
      ['getaddrinfo', aliased.hostsName, null, C.AF_INET, C.SOCK_STREAM, 0, C.AI_CANONNAME],
      ['gethostbyname2', aliased.hostsName, C.AF_INET],
    ]);
    const py = python<{ plain: NativeAddrinfoRow[]; aliased: NativeAddrinfoRow[]; ex: [string, string[], string[]] }>(
      `a = ${JSON.stringify(aliased.hostsName)}\n` +
        `out({'plain': rows(socket.getaddrinfo(${JSON.stringify(FIXTURE.hostsOnly.name)}, '443', socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_CANONNAME)),\n` +
        "     'aliased': rows(socket.getaddrinfo(a, None, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_CANONNAME)),\n" +
        "     'ex': socket.gethostbyname_ex(a)})"
    );
    assert.deepEqual(settled(results[0], 'resolved'), py.plain);
    // glibc reports the line's first name (here hostile text) as canonical; musl keeps the name asked for when the
    // first name is not a valid hostname (name_from_hosts checks is_valid_hostname).
    assert.equal(py.aliased[0].canonname, aliased.hostsCanonical);
    assert.deepEqual(settled(results[1], 'resolved'), py.aliased.map((r) => ({ ...r, canonname: aliased.hostsName })));
    // musl's gethostbyname2_r is built on getaddrinfo: no hosts-file aliases, only [canonical, asked name if different].
    const h = settled<NativeHostent>(results[2], 'resolved');
    assert.deepEqual(h, { name: aliased.hostsName, aliases: [aliased.hostsName], addresses: py.ex[2], family: C.AF_INET });
    assert.deepEqual(py.ex[1].slice().sort(), [aliased.hostsName, aliased.hostsAlias].sort(), 'glibc: the line\'s other names');
  });

  it("getaddrinfo errors: python's codes (same values) with musl's own texts", function () {
    needPython(this);
    // `musl`: the code musl gives where it differs from glibc's, and why.
    const cases: { args: Arg[]; py: string; musl?: number }[] = [
      { args: ['localhost', 'nosuchservice', C.AF_UNSPEC, 0, 0, 0], py: "socket.getaddrinfo('localhost', 'nosuchservice', socket.AF_UNSPEC, 0, 0, 0)" },
      { args: ['localhost', '80', C.AF_UNSPEC, 0, 0, C.AI_NUMERICHOST], py: "socket.getaddrinfo('localhost', '80', socket.AF_UNSPEC, 0, 0, socket.AI_NUMERICHOST)" },
      { args: ['127.0.0.1', '80', 12345, 0, 0, C.AI_NUMERICHOST], py: "socket.getaddrinfo('127.0.0.1', '80', 12345, 0, 0, socket.AI_NUMERICHOST)" },
      // An unknown socktype with a service: musl's service lookup rejects it first (EAI_SERVICE); glibc EAI_SOCKTYPE.
      { args: ['127.0.0.1', '80', C.AF_INET, 12345, 0, C.AI_NUMERICHOST], py: "socket.getaddrinfo('127.0.0.1', '80', socket.AF_INET, 12345, 0, socket.AI_NUMERICHOST)", musl: C.EAI_SERVICE },
    ];
    const { results } = harness(cases.map((c) => ['getaddrinfo', ...c.args]));
    const py = python<PyGai<unknown>[]>(`out([${cases.map((c) => `gai(lambda: ${c.py})`).join(', ')}])`);
    const got = results.map((r) => settled<ErrorValue>(r, 'rejected'));
    const summary = got.map((e, i) => `${cases[i].py}: musl ${e.code} '${e.message}', python ${JSON.stringify(py[i])}`);
    for (const [i, e] of got.entries()) {
      const p = py[i];
      assert.ok('code' in p, summary[i]);
      assert.equal(e.kind, 'gai', summary[i]);
      assert.equal(e.message, MUSL_GAI_TEXT[e.code as number], summary[i]);
      assert.equal(e.code, cases[i].musl ?? p.code, summary[i]);
    }
  });

  it("AI_CANONNAME without a host: glibc refuses (EAI_BADFLAGS), musl answers the loopback addresses", function () {
    needPython(this);
    const py = python<PyGai<unknown>>("out(gai(lambda: socket.getaddrinfo(None, '80', socket.AF_UNSPEC, 0, 0, socket.AI_CANONNAME)))");
    assert.ok('code' in py && py.code === C.EAI_BADFLAGS, JSON.stringify(py));
    // POSIX says EAI_BADFLAGS here; musl does not check the combination and treats it as a NULL host without
    // AI_PASSIVE: the loopback address of each family, ::1 first, no canonical name (there is no name).
    const rows = one<NativeAddrinfoRow[]>('resolved', 'getaddrinfo', null, '80', C.AF_UNSPEC, 0, 0, C.AI_CANONNAME);
    assert.deepEqual([...new Set(rows.map((r) => r.address))], ['::1', '127.0.0.1']);
    for (const r of rows) assert.equal(r.canonname, '');
  });

  it("getnameinfo: numeric, names from /etc/hosts and /etc/services, NI_DGRAM and bad flags, as in python", function () {
    needPython(this);
    const { results } = harness([
      ['getnameinfo', '127.0.0.1', 22, 0, 0, C.NI_NUMERICHOST | C.NI_NUMERICSERV],
      ['getnameinfo', '127.0.0.1', 22, 0, 0, 0],
      ['getnameinfo', '::1', 443, 0, 0, C.NI_NUMERICHOST | C.NI_NUMERICSERV],
      ['getnameinfo', '127.0.0.1', 53, 0, 0, C.NI_NUMERICHOST | C.NI_DGRAM],
    ]);
    const py = python<[string, string][]>(
      "out([socket.getnameinfo(('127.0.0.1', 22), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV), socket.getnameinfo(('127.0.0.1', 22), 0),\n" +
        "     socket.getnameinfo(('::1', 443, 0, 0), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV), socket.getnameinfo(('127.0.0.1', 53), socket.NI_NUMERICHOST | socket.NI_DGRAM)])"
    );
    results.forEach((r, i) => assert.deepEqual(settled(r, 'resolved'), { host: py[i][0], service: py[i][1] }, `case ${i}`));
  });

  it("gethostbyaddr / gethostbyname2 of loopback: python's name and addresses; musl's aliases are [canonical name]", function () {
    needPython(this);
    const { results } = harness([
      ['gethostbyaddr', '127.0.0.1'],
      ['gethostbyname2', 'localhost', C.AF_INET],
      ['gethostbyname2', '127.0.0.1', C.AF_INET],
    ]);
    const py = python<[string, string[], string[]][]>("out([socket.gethostbyaddr('127.0.0.1'), socket.gethostbyname_ex('localhost'), socket.gethostbyname_ex('127.0.0.1')])");
    // musl's gethostbyname2_r/gethostbyaddr_r sit on its getaddrinfo/getnameinfo: h_aliases is the canonical name
    // itself (plus the asked name when it differs), one address per matching line of the asked family. glibc's files
    // backend, with Debian's `multi on` (/etc/host.conf), merges every line naming localhost: the '::1 localhost
    // ip6-localhost ip6-loopback' line adds its names as aliases and a second 127.0.0.1 (it maps ::1 to 127.0.0.1).
    const want = (p: [string, string[], string[]]): NativeHostent => ({ name: p[0], aliases: [p[0]], addresses: [...new Set(p[2])], family: C.AF_INET });
    results.forEach((r, i) => assert.deepEqual(settled(r, 'resolved'), want(py[i]), `case ${i}: python ${JSON.stringify(py[i])}`));
  });

  it("gethostname(), ifNameToIndex / ifIndexToName as python's; gaiStrerror and hstrerror are musl's tables", function () {
    needPython(this);
    const py = python<{ host: string; ifs: [number, string][] }>("out({'host': socket.gethostname(), 'ifs': socket.if_nameindex()})");
    const eai = Object.keys(MUSL_GAI_TEXT).map(Number);
    const h = Object.keys(MUSL_H_TEXT).map(Number);
    const { results } = harness([
      ['gethostname'],
      ...py.ifs.flatMap(([index, name]): [string, ...Arg[]][] => [['ifNameToIndex', name], ['ifIndexToName', index]]),
      ...eai.map((c): [string, ...Arg[]] => ['gaiStrerror', c]),
      ...h.map((c): [string, ...Arg[]] => ['hstrerror', c]),
    ]);
    const values = results.map((r) => r.value);
    assert.equal(values.shift(), py.host);
    for (const [index, name] of py.ifs) {
      assert.equal(values.shift(), index, name);
      assert.equal(values.shift(), name, String(index));
    }
    const texts = values.splice(0, eai.length) as string[];
    const nodata = texts[eai.indexOf(-5)];
    assert.ok(MUSL_NODATA_TEXTS.includes(nodata), `EAI_NODATA: '${nodata}'`);
    assert.deepEqual(texts, eai.map((c) => (c === -5 ? nodata : MUSL_GAI_TEXT[c])));
    assert.deepEqual(values, h.map((c) => MUSL_H_TEXT[c]));
  });

  it('wrong argument types throw TypeError / RangeError synchronously, as with Node', () => {
    const { results } = harness([
      ['getaddrinfo', 42, null, 0, 0, 0, 0],
      ['getaddrinfo', 'local\0host', null, 0, 0, 0, 0],
      ['getnameinfo', 'localhost', 22, 0, 0, 0],
      ['getnameinfo', '127.0.0.1', 70000, 0, 0, 0],
      ['gethostbyaddr', 'fe80::1%lo'],
    ]);
    const got = results.map((r) => [r.threw, (r.value as ErrorValue).$error]);
    assert.deepEqual(got, [[true, 'TypeError'], [true, 'TypeError'], [true, 'TypeError'], [true, 'RangeError'], [true, 'TypeError']]);
  });

  it('nssHostsLookup (glibc NSS only) rejects with ENOSYS', () => {
    const e = one<ErrorValue>('rejected', 'nssHostsLookup', 'files', 'localhost', 0);
    assert.equal(e.kind, 'os');
    assert.equal(e.code, 38); // ENOSYS on Linux
  });
});

function sortRows(rows: NativeAddrinfoRow[]): NativeAddrinfoRow[] {
  const key = (r: NativeAddrinfoRow): string => `${r.family}/${r.address}/${r.socktype}/${r.protocol}`;
  return rows.slice().sort((a, b) => key(a).localeCompare(key(b)));
}
