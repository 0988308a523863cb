// The win32-x64 build of the resolver addon, loaded by Node for Windows renamed Code.exe, under Wine
// (scripts/test-targets.js runs it inside the DNS fixture namespace). Loading at all proves the addon finds its
// napi_* functions in the host process image (GetModuleHandle(NULL)), not in a file called node.exe.
//
// What Wine is and is not: Wine 8's Winsock hands getaddrinfo, gethostbyname, gethostbyaddr and getnameinfo to
// the Linux C library, so names come from the namespace's /etc/hosts (not from the prefix's
// C:\windows\system32\drivers\etc\hosts, which a case below shows), and error texts are Wine's FormatMessage
// texts ('Host not found.'; Windows says 'No such host is known.'). The codes, the constants, the row layout, the
// argument checking and the N-API plumbing are the addon's own and are what this run checks. No python here:
// expectations are the Windows SDK's values (ws2def.h, ws2tcpip.h, winsock2.h) and the fixture's hosts lines.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import type { NativeAddrinfoRow, NativeResolver, NativeResolverError } from '../../src/helper/nativeResolver';
import { FIXTURE } from '../fixtures/dns/zone';

const ADDON_PATH = process.env.NETLENS_TEST_ADDON ?? '';
/** A name scripts/test-targets.js put only in the Wine prefix's Windows hosts file. */
const PREFIX_HOSTS_NAME = process.env.NETLENS_WINE_HOSTS_NAME ?? '';

/** The Windows SDK's values (and CPython's socket module on Windows, which takes them from the same headers). */
const WINDOWS_CONSTANTS: Record<string, number> = {
  AF_UNSPEC: 0,
  AF_INET: 2,
  AF_INET6: 23,
  SOCK_STREAM: 1,
  SOCK_DGRAM: 2,
  SOCK_RAW: 3,
  IPPROTO_TCP: 6,
  IPPROTO_UDP: 17,
  IPPROTO_IPV6: 41,
  AI_PASSIVE: 0x1,
  AI_CANONNAME: 0x2,
  AI_NUMERICHOST: 0x4,
  AI_NUMERICSERV: 0x8,
  AI_ALL: 0x100,
  AI_ADDRCONFIG: 0x400,
  AI_V4MAPPED: 0x800,
  NI_NOFQDN: 0x1,
  NI_NUMERICHOST: 0x2,
  NI_NAMEREQD: 0x4,
  NI_NUMERICSERV: 0x8,
  NI_DGRAM: 0x10,
  NI_MAXHOST: 1025,
  NI_MAXSERV: 32,
  EAI_AGAIN: 11002, // WSATRY_AGAIN
  EAI_BADFLAGS: 10022, // WSAEINVAL
  EAI_FAIL: 11003, // WSANO_RECOVERY
  EAI_FAMILY: 10047, // WSAEAFNOSUPPORT
  EAI_MEMORY: 8, // WSA_NOT_ENOUGH_MEMORY
  EAI_NONAME: 11001, // WSAHOST_NOT_FOUND
  EAI_NODATA: 11001, // ws2tcpip.h: EAI_NODATA is EAI_NONAME
  EAI_SERVICE: 10109, // WSATYPE_NOT_FOUND
  EAI_SOCKTYPE: 10044, // WSAESOCKTNOSUPPORT
  HOST_NOT_FOUND: 11001,
  TRY_AGAIN: 11002,
  NO_RECOVERY: 11003,
  NO_DATA: 11004,
};

async function rejection(promise: Promise<unknown>): Promise<NativeResolverError> {
  try {
    const value = await promise;
    assert.fail(`expected a rejection, got ${JSON.stringify(value)}`);
  } catch (err) {
    if (err instanceof assert.AssertionError) throw err;
    assert.ok(err instanceof Error);
    return err as NativeResolverError;
  }
}

const addresses = (rows: NativeAddrinfoRow[]): string[] => [...new Set(rows.map((r) => r.address))].sort();

const suiteTitle =
  process.platform === 'win32' && ADDON_PATH
    ? `win32-x64 addon in ${process.execPath} (Wine)`
    : 'win32-x64 addon — SKIPPED: runs only in Windows Node with NETLENS_TEST_ADDON set (npm run test:targets)';

(process.platform === 'win32' && ADDON_PATH ? describe : describe.skip)(suiteTitle, () => {
  let addon: NativeResolver;
  let C: Readonly<Record<string, number>>;

  before(() => {
    const mod: { exports: unknown } = { exports: {} };
    process.dlopen(mod, ADDON_PATH);
    addon = mod.exports as NativeResolver;
    C = addon.constants;
  });

  it('loads in a host named Code.exe (napi_* from the process image) and exports the contract', () => {
    assert.match(process.execPath, /\\Code\.exe$/i);
    assert.equal(process.arch, 'x64');
    assert.equal(addon.backend, 'native');
    for (const fn of ['getaddrinfo', 'getnameinfo', 'gethostbyname2', 'gethostbyaddr', 'nssHostsLookup', 'gethostname', 'ifNameToIndex', 'ifIndexToName', 'gaiStrerror', 'hstrerror']) {
      assert.equal(typeof (addon as unknown as Record<string, unknown>)[fn], 'function', fn);
    }
    assert.ok(Object.isFrozen(C));
  });

  it("constants are the Windows SDK's values; the glibc-only ones are absent", () => {
    for (const [name, value] of Object.entries(WINDOWS_CONSTANTS)) assert.equal(C[name], value, name);
    for (const glibcOnly of ['EAI_SYSTEM', 'EAI_OVERFLOW', 'EAI_ADDRFAMILY', 'AI_IDN', 'NI_IDN', 'NETDB_INTERNAL']) {
      assert.equal(C[glibcOnly], undefined, glibcOnly);
    }
  });

  it("getaddrinfo('localhost', '80', AF_UNSPEC, 0, 0, AI_CANONNAME): ::1 and 127.0.0.1, Windows rows (socktype 0), canonname on the first row", async () => {
    const rows = await addon.getaddrinfo('localhost', '80', C.AF_UNSPEC, 0, 0, C.AI_CANONNAME);
    assert.deepEqual(addresses(rows), ['127.0.0.1', '::1']);
    assert.equal(rows[0].canonname, 'localhost');
    for (const row of rows.slice(1)) assert.equal(row.canonname, '');
    for (const row of rows) {
      assert.equal(row.port, 80);
      assert.equal(row.socktype, 0, 'Winsock leaves socktype 0 when the hints have none');
      assert.equal(row.family, row.address.includes(':') ? 23 : 2);
    }
  });

  it('numeric hosts: AI_NUMERICHOST with a service name, the IPv6 passive wildcard, V4MAPPED', async () => {
    const numeric = await addon.getaddrinfo('127.0.0.1', 'http', C.AF_INET, C.SOCK_STREAM, 0, C.AI_NUMERICHOST);
    assert.deepEqual(numeric.map((r) => [r.family, r.socktype, r.address, r.port, r.canonname]), [[2, 1, '127.0.0.1', 80, '']]);
    const passive = await addon.getaddrinfo(null, '8080', C.AF_INET6, C.SOCK_STREAM, 0, C.AI_PASSIVE);
    assert.deepEqual(passive.map((r) => [r.family, r.address, r.port, r.scopeId]), [[23, '::', 8080, 0]]);
    const v6 = await addon.getaddrinfo('::1', '443', C.AF_INET6, C.SOCK_STREAM, 0, C.AI_NUMERICHOST);
    assert.deepEqual(v6.map((r) => [r.family, r.address, r.port]), [[23, '::1', 443]]);
  });

  it("hosts-file names come from the namespace's /etc/hosts (Wine asks Linux), aliases included; the prefix's Windows hosts file is not read", async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip(); // the names are only in the fixture namespace's hosts file
    const plain = await addon.getaddrinfo(FIXTURE.hostsOnly.name, null, C.AF_INET, 0, 0, C.AI_CANONNAME);
    assert.deepEqual(addresses(plain), [FIXTURE.hostsOnly.v4]);
    assert.equal(plain[0].canonname, FIXTURE.hostsOnly.name);
    const aliased = FIXTURE.hostile.strings.commandLink;
    const h = await addon.gethostbyname2(aliased.hostsName, C.AF_INET);
    assert.deepEqual(h, { name: aliased.hostsCanonical, aliases: [aliased.hostsName, aliased.hostsAlias], addresses: [aliased.hostsV4], family: 2 });
    assert.ok(PREFIX_HOSTS_NAME, 'NETLENS_WINE_HOSTS_NAME names the line test-targets.js put in the prefix hosts file');
    const e = await rejection(addon.getaddrinfo(PREFIX_HOSTS_NAME, null, C.AF_INET, 0, 0, 0));
    assert.deepEqual([e.kind, e.code], ['gai', 11001], `${PREFIX_HOSTS_NAME} (only in C:\\windows\\system32\\drivers\\etc\\hosts) was found: Wine now reads it`);
  });

  it('getaddrinfo errors reject with kind gai, the WSA code and the system text for it', async () => {
    const cases: [string, () => Promise<unknown>, number][] = [
      ['AI_NUMERICHOST with a name', () => addon.getaddrinfo('localhost', null, C.AF_UNSPEC, 0, 0, C.AI_NUMERICHOST), 11001],
      ['unknown service', () => addon.getaddrinfo('localhost', 'nosuchservice', C.AF_UNSPEC, 0, 0, 0), 10109],
      ['unknown family', () => addon.getaddrinfo('127.0.0.1', '80', 12345, 0, 0, C.AI_NUMERICHOST), 10047],
    ];
    for (const [what, call, code] of cases) {
      const e = await rejection(call());
      assert.equal(e.kind, 'gai', what);
      assert.equal(e.code, code, `${what}: ${e.code} ${e.message}`);
      assert.equal(e.message, addon.gaiStrerror(code), what);
      assert.ok(e.message.length > 0, what);
    }
    // Wine's message table has a text for WSAHOST_NOT_FOUND ('Host not found.'; Windows: 'No such host is known.')
    // but none for WSATYPE_NOT_FOUND, where the addon says 'Unknown error 10109'.
    assert.doesNotMatch(addon.gaiStrerror(11001), /^Unknown error/);
  });

  it('gethostbyaddr / getnameinfo of loopback; gethostbyname2 of AF_INET6 rejects with ENOSYS (no such call on Windows)', async () => {
    assert.deepEqual(await addon.gethostbyaddr('127.0.0.1'), { name: 'localhost', aliases: [], addresses: ['127.0.0.1'], family: 2 });
    assert.deepEqual(await addon.getnameinfo('127.0.0.1', 22, 0, 0, C.NI_NUMERICHOST | C.NI_NUMERICSERV), { host: '127.0.0.1', service: '22' });
    assert.deepEqual(await addon.getnameinfo('127.0.0.1', 22, 0, 0, 0), { host: 'localhost', service: 'ssh' });
    // Wine's gethostbyname is glibc's: with Debian's `multi on` it lists 127.0.0.1 twice (the ::1 line mapped).
    const local = await addon.gethostbyname2('localhost', C.AF_INET);
    assert.deepEqual([...new Set(local.addresses)], ['127.0.0.1']);
    const e = await rejection(addon.gethostbyname2('localhost', C.AF_INET6));
    assert.equal(e.kind, 'os');
    assert.equal(e.code, 40, 'ENOSYS of the Windows C runtime');
    const missing = await rejection(addon.gethostbyname2('nosuch.netlens.test', C.AF_INET));
    assert.deepEqual([missing.kind, missing.code, missing.message], ['h', 11001, addon.hstrerror(11001)]);
  });

  it("gethostname is the computer's name; interface names round-trip; NSS is glibc-only (ENOSYS)", async () => {
    assert.equal(addon.gethostname().toLowerCase(), os.hostname().toLowerCase());
    const name = addon.ifIndexToName(1);
    assert.ok(name.length > 0, 'interface 1 has a name');
    assert.equal(addon.ifNameToIndex(name), 1);
    assert.equal(addon.ifNameToIndex('netlens-none0'), 0);
    assert.equal(addon.ifIndexToName(0), '');
    const e = await rejection(addon.nssHostsLookup('files', 'localhost', 0));
    assert.deepEqual([e.kind, e.code], ['os', 40]);
  });

  it('wrong argument types throw TypeError / RangeError synchronously', () => {
    const loose = addon as unknown as Record<string, (...args: unknown[]) => unknown>;
    assert.throws(() => loose.getaddrinfo(42, null, 0, 0, 0, 0), TypeError);
    assert.throws(() => loose.getaddrinfo('local\0host', null, 0, 0, 0, 0), TypeError);
    assert.throws(() => loose.getnameinfo('localhost', 22, 0, 0, 0), TypeError);
    assert.throws(() => loose.getnameinfo('127.0.0.1', 70000, 0, 0, 0), RangeError);
    assert.throws(() => loose.gethostbyaddr('fe80::1%lo'), TypeError);
  });
});
