// nsswitch.conf's hosts line as glibc parses it (core/nsswitch.ts) and getaddrinfo's walk over the sources
// (core/nssHostsLoop.ts), on inputs written by hand. What these say about glibc 2.36 is checked against the real
// getaddrinfo in test/unit/nssHosts.test.ts; the cases here pin the rules that the real modules rarely produce
// (glibc < 2.33's parser, MERGE, NETDB_INTERNAL in the per-family path) and the report for other platforms.
import * as assert from 'node:assert/strict';
import { getaddrinfoNssLoop, type NssLoopOutcome } from '../../src/core/nssHostsLoop';
import type { NssFamily, NssModuleAnswer, NssModuleCall } from '../../src/core/nssSources';
import { defaultHostsLine, nextAction, NSS_STATUS, nsswitchHostsSources, parseNsswitchConf, parseServiceList } from '../../src/core/nsswitch';
import { answerNssHosts, type NssHostsDeps } from '../../src/helper/nssHosts';
import type { ResolverBackend } from '../../src/helper/resolverBackend';
import { ResolverClient } from '../../src/client/resolverClient';
import type { NssHostsParams } from '../../src/core/nssSources';
import { HELPER_JS } from '../support/paths';

const NEW = '2.36';
const OLD = '2.28';

function sources(text: string, version = NEW): string[] | null {
  return nsswitchHostsSources(text, version);
}

describe('nsswitch.conf hosts line (as glibc parses it)', () => {
  it('reads sources and actions as written, with the action per status', () => {
    const conf = parseNsswitchConf('passwd: files\nhosts:  files mdns4_minimal [NOTFOUND=return] dns [!UNAVAIL=return  TRYAGAIN = continue ]\n', NEW);
    assert.equal(conf.lineNumber, 2);
    assert.equal(conf.origin, 'file');
    assert.deepEqual(conf.sources?.map((s) => [s.source, s.actions]), [['files', []], ['mdns4_minimal', ['NOTFOUND=return']], ['dns', ['!UNAVAIL=return', 'TRYAGAIN = continue']]]);
    const [files, mdns, dns] = conf.sources ?? [];
    assert.deepEqual([nextAction(files, NSS_STATUS.SUCCESS), nextAction(files, NSS_STATUS.NOTFOUND), nextAction(files, NSS_STATUS.UNAVAIL)], ['return', 'continue', 'continue']);
    assert.equal(nextAction(mdns, NSS_STATUS.NOTFOUND), 'return');
    // !UNAVAIL=return: every other status returns, UNAVAIL keeps its continue; then TRYAGAIN=continue.
    assert.deepEqual(['SUCCESS', 'NOTFOUND', 'UNAVAIL', 'TRYAGAIN'].map((k) => dns.onStatus[k as 'SUCCESS']), ['return', 'return', 'continue', 'continue']);
  });

  it('glibc ≥ 2.33: # is no comment, the last line wins, a last line without newline is never read', () => {
    assert.deepEqual(sources('hosts: files dns # local\n'), ['files', 'dns', '#', 'local']);
    assert.deepEqual(sources('hosts: dns\nhosts: files\n'), ['files']);
    assert.deepEqual(sources('hosts: files'), ['files', 'dns'], 'no newline: the default');
    assert.deepEqual(sources('hosts: files\nhosts: dns'), ['files']);
    assert.deepEqual(sources('hosts files dns\n'), ['files', 'dns'], 'no colon needed');
    assert.deepEqual(sources('  hosts ::: files\n'), ['files']);
    assert.deepEqual(sources('hosts: files\0 dns\n'), ['files'], 'a NUL ends the line');
    assert.deepEqual(sources('hosts: files[NOTFOUND=return]dns\n'), ['files', 'dns']);
    assert.deepEqual(sources('hosts: [NOTFOUND=return] files\n'), [], 'a [ where a source should be ends the list');
    assert.deepEqual(sources('hosts:\n'), []);
    assert.deepEqual(sources('Hosts: dns\n'), ['files', 'dns'], 'database names are case-sensitive');
  });

  it('glibc ≥ 2.33: one bad item in any known database rejects the whole file; unknown databases are skipped', () => {
    const bad = parseNsswitchConf('hosts: files dns\npasswd: files [NOTFOUND=bogus]\n', NEW);
    assert.equal(bad.sources, null);
    assert.deepEqual(bad.parseError, { lineNumber: 2, text: 'passwd: files [NOTFOUND=bogus]' });
    for (const item of ['[FOUND=return]', '[NOTFOUND=return', '[]', '[! NOTFOUND=return]', '[NOTFOUND return]', '[ſuccess=return]']) {
      assert.equal(sources(`hosts: files ${item} dns\n`), null, item);
    }
    assert.deepEqual(sources('sudoers: files [x=y]\nhosts: dns\n'), ['dns']);
    assert.deepEqual(sources('hosts: files [notfound=RETURN] [success=Merge]\n'), ['files'], 'status and action words in any case; a second [ ends the list');
  });

  it('glibc < 2.33: # comments, one character after the name, bad items drop the rest of their line only', () => {
    assert.deepEqual(sources('hosts: files dns # local\n', OLD), ['files', 'dns']);
    assert.deepEqual(sources('hosts : files\n', OLD), [':', 'files']);
    assert.deepEqual(sources('hosts: files [FOUND=return] dns\n', OLD), ['dns', 'files'], 'the first source fails: no list, so the default');
    assert.deepEqual(sources('hosts: files mdns [FOUND=return] dns\n', OLD), ['files']);
    assert.deepEqual(sources('hosts: files', OLD), ['files'], 'the last line is read without a newline');
    assert.deepEqual(sources('hosts:\n', OLD), ['dns', 'files'], 'an empty list means the default');
    assert.deepEqual(sources('passwd: files [x=y]\nhosts: files\n', OLD), ['files']);
  });

  it('the built-in hosts line: files dns from glibc 2.35, dns [!UNAVAIL=return] files before', () => {
    assert.equal(defaultHostsLine('2.35'), 'files dns');
    assert.equal(defaultHostsLine('2.34'), 'dns [!UNAVAIL=return] files');
    assert.equal(defaultHostsLine(null), 'files dns');
    const old = parseNsswitchConf(null, '2.31');
    assert.equal(old.origin, 'default');
    assert.deepEqual(old.sources?.map((s) => [s.source, s.onStatus.NOTFOUND]), [['dns', 'return'], ['files', 'continue']]);
    // ! sets glibc ≥ 2.33's internal RETURN status too; older glibc leaves it.
    assert.equal(parseServiceList('dns [!UNAVAIL=continue]', true).sources[0].onStatus.RETURN, 'continue');
    assert.equal(parseServiceList('dns [!UNAVAIL=continue]', false).sources[0].onStatus.RETURN, 'return');
  });
});

const F = 'AF_UNSPEC';
function call(family: NssFamily, status: number, herrno: number, addresses: string[] = [], errno = 0): NssModuleCall {
  return { family, status, errno, herrno, canonname: addresses.length ? 'c' : null, addresses };
}
function four(status: number, herrno: number, addresses: string[] = [], errno = 0): NssModuleAnswer {
  return { library: 'libc.so.6', loadError: null, function: 'gethostbyname4_r', memoryError: false, calls: [call(F, status, herrno, addresses, errno)] };
}
function three(...calls: NssModuleCall[]): NssModuleAnswer {
  return { library: 'libnss_x.so.2', loadError: null, function: 'gethostbyname3_r', memoryError: false, calls };
}
const MISSING: NssModuleAnswer = { library: null, loadError: 'libnss_x.so.2: cannot open shared object file', function: null, memoryError: false, calls: [] };
const { SUCCESS, NOTFOUND, UNAVAIL, TRYAGAIN } = NSS_STATUS;

function loop(line: string, answers: (NssModuleAnswer | null)[], family: NssFamily = F): NssLoopOutcome {
  return getaddrinfoNssLoop(parseServiceList(line, true).sources, answers, family).outcome;
}

describe("getaddrinfo's walk over the hosts sources (get_nss_addresses)", () => {
  it('returns the first SUCCESS, stops at [NOTFOUND=return], and needs every source it reaches', () => {
    assert.deepEqual(loop('files dns', [four(NOTFOUND, 1), four(SUCCESS, 0, ['192.0.2.1'])]), { kind: 'addresses', source: 'dns', index: 1, addresses: ['192.0.2.1'], canonname: 'c' });
    assert.deepEqual(loop('files [NOTFOUND=return] dns', [four(NOTFOUND, 1), null]), { kind: 'error', code: 'EAI_NONAME', errno: null, index: 0 });
    assert.deepEqual(loop('files dns', [four(NOTFOUND, 1), null]), { kind: 'unknown', index: 1 });
    assert.deepEqual(loop('files dns', [four(SUCCESS, 0, ['192.0.2.1']), null]).kind, 'addresses', 'dns is not needed');
  });

  it('reports h_errno the way getaddrinfo does: NODATA, AGAIN, and the last module EAI_SYSTEM', () => {
    assert.equal((loop('dns', [four(NOTFOUND, 4)]) as { code: string }).code, 'EAI_NODATA');
    assert.equal((loop('dns', [four(UNAVAIL, 2, [], 11)]) as { code: string }).code, 'EAI_AGAIN');
    assert.deepEqual(loop('files dns x', [four(NOTFOUND, 1), four(NOTFOUND, 1), MISSING]), { kind: 'error', code: 'EAI_SYSTEM', errno: 16, index: 2 });
    assert.equal((loop('x files', [MISSING, four(NOTFOUND, 1)]) as { code: string }).code, 'EAI_NONAME', 'a missing module earlier does not matter');
  });

  it('per family (gethostbyname3_r): NETDB_INTERNAL stops getaddrinfo at once; one family succeeding is enough', () => {
    const internal = three(call('AF_INET6', UNAVAIL, -1, [], 2), call('AF_INET', NOTFOUND, 1));
    assert.deepEqual(loop('x dns', [internal, null]), { kind: 'error', code: 'EAI_SYSTEM', errno: 2, index: 0 });
    const v4 = three(call('AF_INET6', NOTFOUND, 4), call('AF_INET', SUCCESS, 0, ['192.0.2.7']));
    assert.deepEqual(loop('x', [v4]), { kind: 'addresses', source: 'x', index: 0, addresses: ['192.0.2.7'], canonname: 'c' });
    const again = three(call('AF_INET6', TRYAGAIN, 2), call('AF_INET', TRYAGAIN, 2));
    assert.equal((loop('x', [again]) as { code: string }).code, 'EAI_AGAIN');
    assert.equal((loop('x', [three(call('AF_INET', NOTFOUND, 4))], 'AF_INET') as { code: string }).code, 'EAI_NODATA');
  });

  it('MERGE is not supported for hosts: the next source is not asked and the answer is dropped', () => {
    assert.deepEqual(loop('files [SUCCESS=merge] dns', [four(SUCCESS, 0, ['192.0.2.1']), null]), { kind: 'error', code: 'EAI_NONAME', errno: null, index: 0 });
    // The break sets NETDB_INTERNAL/EBUSY, which only an UNAVAIL or TRYAGAIN status turns into EAI_SYSTEM.
    assert.deepEqual(loop('files [NOTFOUND=merge] dns', [four(NOTFOUND, 1), null]), { kind: 'error', code: 'EAI_NONAME', errno: null, index: 0 });
    assert.deepEqual(loop('x [UNAVAIL=merge] dns', [four(UNAVAIL, 3), null]), { kind: 'error', code: 'EAI_SYSTEM', errno: 16, index: 0 });
  });

  it('a rejected nsswitch.conf asks nothing; an empty hosts line is undefined behaviour in glibc', () => {
    assert.deepEqual(getaddrinfoNssLoop(null, [], F).outcome, { kind: 'error', code: 'EAI_NONAME', errno: null, index: null });
    assert.deepEqual(getaddrinfoNssLoop([], [], F).outcome, { kind: 'undefined' });
  });
});

describe('nss.hosts report without glibc modules', () => {
  const backend = { name: 'dns.lookup', gethostname: () => 'box' } as unknown as ResolverBackend;
  const deps = (platform: 'glibc' | 'musl' | 'unsupported', text: string | null = 'hosts: files dns\n'): NssHostsDeps => ({
    backend,
    backendNote: 'NETLENS_FORCE_FALLBACK=1 is set',
    libc: { platform, version: platform === 'glibc' ? '2.36' : null, os: platform === 'unsupported' ? 'darwin-arm64' : 'linux-x64' },
    readText: (path) => ({ path, text: path === '/etc/nsswitch.conf' ? text : null, problem: null, truncated: null }),
    exists: () => false,
  });

  it('musl: says what musl does; elsewhere: not available', async () => {
    const musl = await answerNssHosts({ name: 'db.test', family: 'AF_UNSPEC' }, deps('musl'));
    assert.deepEqual([musl.platform, musl.nsswitch, musl.sources, musl.answeredBy], ['musl', null, [], null]);
    assert.match(musl.note ?? '', /musl does not read \/etc\/nsswitch\.conf.*\/etc\/hosts, then .*DNS/);
    const other = await answerNssHosts({ name: 'db.test', family: 'AF_UNSPEC' }, deps('unsupported'));
    assert.match(other.note ?? '', /not available on this platform \(darwin-arm64\)/);
  });

  it('glibc without the addon: the hosts line, and no source asked (never a guess)', async () => {
    const report = await answerNssHosts({ name: 'db.test', family: 'AF_INET' }, deps('glibc'));
    assert.deepEqual(report.nsswitch?.hosts.map((h) => h.source), ['files', 'dns']);
    assert.ok(report.sources.every((s) => !s.asked && s.status === null));
    assert.equal(report.answeredBy, null);
    assert.match(report.note ?? '', /native resolver addon is not loaded \(NETLENS_FORCE_FALLBACK=1 is set\)/);
    const missing = await answerNssHosts({ name: 'db.test', family: 'AF_INET' }, deps('glibc', null));
    assert.match(missing.note ?? '', /there is no \/etc\/nsswitch\.conf .*built-in hosts line "files dns"/);
    const older = await answerNssHosts({ name: 'db.test', family: 'AF_INET' }, { ...deps('glibc', 'hosts: files [SUCCESS=continue] dns\n'), libc: { platform: 'glibc', version: '2.31', os: 'linux-x64' } });
    assert.match(older.note ?? '', /glibc 2\.31 predates 2\.36/);
    const numeric = await answerNssHosts({ name: '127.1', family: 'AF_UNSPEC' }, deps('glibc'));
    assert.match(numeric.note ?? '', /127\.1 is a numeric address/);
    assert.equal(numeric.outcome, null);
  });
});

describe('nss.hosts: bad input is a clear error from the real helper, before any lookup', function () {
  this.timeout(20_000);
  it('rejects a NUL in the name, an unknown family and a malformed only list', async () => {
    const client = new ResolverClient({ helperPath: HELPER_JS, timeoutMs: () => 5000, log: () => undefined });
    try {
      const bad = [
        [{ name: 'a\0b', family: 'AF_UNSPEC' }, /NUL/],
        [{ name: 'x', family: 'AF_PACKET' }, /family must be/],
        [{ name: 'x', family: 'AF_UNSPEC', only: [1] }, /only must be a list/],
        [{ name: 7, family: 'AF_UNSPEC' }, /name must be a string/],
      ] as const;
      for (const [params, message] of bad) {
        const answer = await client.request('nss.hosts', params as unknown as NssHostsParams);
        assert.ok(!answer.ok && answer.error.kind === 'TypeError', JSON.stringify(answer));
        assert.match(answer.error.message, message);
      }
    } finally {
      await client.dispose();
    }
  });
});
