// The direct DNS view (`netlens dns`): the pure pieces everywhere, the c-ares queries inside the DNS fixture.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { whyNotResolve } from '../../src/client/pythonSocket';
import { buildDnsReport, type DirectDnsResult, type DnsReport } from '../../src/core/directDns';
import type { PlatformId } from '../../src/core/platform';
import { fqdnFromHostent, fqdnLookupName, pyStrip } from '../../src/core/getfqdn';
import { hostsFileMatches, parseHostsFile } from '../../src/core/hostsFile';
import { nsswitchHostsSources } from '../../src/core/nsswitch';
import { parseResolvConf, searchCandidates } from '../../src/core/resolverConfig';
import { FIXTURE } from '../fixtures/dns/zone';
import { localSourceFor, neverAskDns } from '../../src/core/neverAskDns';
import { dnsQueryOnlyHelper } from '../support/dnsQueryHelper';
import { queriesForName, requiredFixtureLogLines } from '../support/fixtureLog';
import { CLI_JS } from '../support/paths';

const run = promisify(execFile);
const F = FIXTURE;

describe('direct DNS view: pure pieces', () => {
  it('parses hosts files like nss_files (comments, aliases, case-insensitive names, both families)', () => {
    const entries = parseHostsFile('# c\n127.0.0.1\tlocalhost\n::1 localhost ip6-localhost # x\n198.51.100.20 Db.Internal db\nbogus line\n10.0.0.1\n');
    assert.equal(entries.length, 3);
    assert.deepEqual(hostsFileMatches(entries, 'db.internal').map((e) => [e.address, e.lineNumber]), [['198.51.100.20', 4]]);
    assert.deepEqual(hostsFileMatches(entries, 'LOCALHOST').map((e) => e.family), ['AF_INET', 'AF_INET6']);
  });

  it('parses resolv.conf and nsswitch.conf and expands search lists like res_search', () => {
    const conf = parseResolvConf('nameserver 127.0.0.1\nsearch a.test b.test\noptions ndots:2 timeout:1\n', {});
    assert.deepEqual([conf.nameservers, conf.search, conf.ndots, conf.timeoutS], [['127.0.0.1'], ['a.test', 'b.test'], 2, 1]);
    assert.deepEqual(searchCandidates('db', conf), ['db.a.test', 'db.b.test', 'db']);
    assert.deepEqual(searchCandidates('x.y.z', conf), ['x.y.z', 'x.y.z.a.test', 'x.y.z.b.test']);
    assert.deepEqual(searchCandidates('db.', conf), ['db']);
    assert.deepEqual(parseResolvConf('search a.test\n', { LOCALDOMAIN: 'c.test' }).search, ['c.test']);
    assert.deepEqual(nsswitchHostsSources('passwd: files\nhosts: files mdns4_minimal [NOTFOUND=return] dns\n', '2.36'), ['files', 'mdns4_minimal', 'dns']);
  });

  it("getfqdn's decisions follow Lib/socket.py", () => {
    assert.equal(fqdnLookupName(' \u3000 '), null);
    assert.equal(fqdnLookupName(' :: '), null);
    assert.equal(fqdnLookupName('\ufeffx'), '\ufeffx', 'U+FEFF is not whitespace for Python');
    assert.equal(pyStrip('\x1cx\x1f'), 'x', 'but \\x1c-\\x1f are');
    assert.equal(fqdnFromHostent('vm', ['vm.lan', 'x.y']), 'vm.lan');
    assert.equal(fqdnFromHostent('vm', ['a', 'b']), 'vm');
  });

  it('knows the names never sent to DNS (RFC 6761) and which nsswitch source answers them before dns', () => {
    assert.deepEqual(['localhost', 'LOCALHOST.', 'a.b.localhost', 'invalid', 'x.INVALID.'].map((n) => neverAskDns(n)?.domain), ['localhost', 'localhost', 'localhost', 'invalid', 'invalid']);
    assert.deepEqual(['localhost.example', 'mylocalhost', 'invalid.test', 'example.org', ''].map((n) => neverAskDns(n)), [null, null, null, null, null]);
    const lh = neverAskDns('app.localhost');
    const inv = neverAskDns('x.invalid');
    assert.ok(lh && inv);
    assert.equal(localSourceFor(lh, 'app.localhost', ['files', 'dns'], true), 'files');
    assert.equal(localSourceFor(lh, 'app.localhost', ['files', 'dns'], false), null, 'glibc would ask DNS');
    assert.equal(localSourceFor(lh, 'app.localhost.', ['files', 'dns'], true), null, 'nss_files does not match a final dot');
    assert.equal(localSourceFor(lh, 'app.localhost', ['files', 'myhostname', 'dns'], false), 'myhostname');
    assert.equal(localSourceFor(inv, 'x.invalid', ['files', 'myhostname', 'dns'], false), null, 'myhostname answers only localhost names');
    assert.equal(localSourceFor(lh, 'app.localhost', ['dns', 'files'], true), null, 'dns first');
    assert.equal(localSourceFor(lh, 'app.localhost', null, true), 'no dns', 'glibc rejected nsswitch.conf: it asks no source');
    assert.equal(localSourceFor(inv, 'x.invalid', ['files'], false), 'no dns');
    // Windows answers the name `localhost` itself (its hosts file lists none since Windows 7), nothing under it.
    const win = ['files', 'localhost', 'dns'];
    const bare = neverAskDns('LocalHost');
    assert.ok(bare);
    assert.equal(localSourceFor(bare, 'LocalHost', win, false), 'localhost');
    assert.equal(localSourceFor(lh, 'app.localhost', win, false), null, 'only the name localhost itself');
    assert.equal(localSourceFor(bare, 'localhost.', win, false), null, 'an absolute name is not the built-in one');
    assert.equal(localSourceFor(inv, 'x.invalid', win, false), null);
  });

  it('on Windows and macOS, where there is no nsswitch.conf, a hover on localhost is looked up as Python would', async () => {
    // The helper's dns.query for a never-ask name reads files and sends nothing; the client decides with its answer.
    const hostsWithout = '# localhost name resolution is handled within DNS itself.\n#\t127.0.0.1       localhost\n';
    const ask = (platform: PlatformId, hosts: string) => {
      const read: string[] = [];
      const reader = (p: string): string | null => (read.push(p), p.endsWith('hosts') ? hosts : p.endsWith('nsswitch.conf') ? 'hosts: dns\n' : null);
      return { client: dnsQueryOnlyHelper(reader, platform), read };
    };
    const windows = ask({ os: 'win32', arch: 'x64', libc: null }, hostsWithout);
    assert.equal(await whyNotResolve(windows.client, 'localhost'), null, 'Windows answers localhost without DNS: look it up');
    assert.match((await whyNotResolve(windows.client, 'app.localhost')) ?? '', /localhost name \(RFC 6761/, 'but not app.localhost');
    assert.ok(!windows.read.some((p) => p.endsWith('nsswitch.conf')), 'nsswitch.conf is glibc\'s, not read on Windows');
    const mac = ask({ os: 'darwin', arch: 'arm64', libc: null }, '127.0.0.1 localhost\n::1 localhost\n');
    assert.equal(await whyNotResolve(mac.client, 'localhost'), null, "macOS's /etc/hosts lists localhost");
    assert.match((await whyNotResolve(ask({ os: 'darwin', arch: 'arm64', libc: null }, hostsWithout).client, 'localhost')) ?? '', /RFC 6761/, 'unlisted on macOS: mDNSResponder would ask DNS');
    // glibc follows nsswitch.conf: `hosts: dns` asks DNS before the hosts file.
    const linux = ask({ os: 'linux', arch: 'x64', libc: 'glibc' }, '127.0.0.1 localhost\n');
    assert.match((await whyNotResolve(linux.client, 'localhost')) ?? '', /RFC 6761/);
    assert.ok(linux.read.some((p) => p.endsWith('nsswitch.conf')));
  });

  it('explains differences: hosts file, search list, split DNS, rejected PTR data', () => {
    const direct: DirectDnsResult = {
      name: 'db',
      kind: 'name',
      servers: ['10.0.0.53'],
      serverSource: 'option',
      a: { ok: true, records: [{ address: '192.0.2.1', ttl: 30 }] },
      aaaa: { ok: false, code: 'ENODATA', message: 'NODATA' },
      cnameChain: ['db'],
      cnameError: null,
      ptr: null,
      notAsked: null,
      hostsFile: { path: '/etc/hosts', readable: true, matches: [] },
      resolvConf: { nameservers: ['127.0.0.1'], search: ['corp.test'], ndots: 1, timeoutS: 5, attempts: 2, options: [] },
      nsswitchHosts: ['files', 'mdns4_minimal', 'dns'],
      elapsedMs: 1,
    };
    const report = buildDnsReport('db', null, direct, { call: 'x', ok: true, canonname: 'db.corp.test', addresses: ['192.0.2.9'], names: [] }, 2);
    assert.deepEqual(report.differences.map((d) => d.kind), ['search-domain', 'other-nss-source', 'split-dns', 'canonical-name']);
    assert.deepEqual(report.search?.candidates, ['db.corp.test', 'db']);
  });
});

(process.env.NETLENS_DNS_FIXTURE === '1' ? describe : describe.skip)('netlens dns (c-ares in the helper, inside the DNS fixture)', function () {
  this.timeout(30_000);

  async function dns(args: string[], env: Record<string, string> = {}): Promise<DnsReport> {
    const { stdout } = await run(process.execPath, [CLI_JS, 'dns', '--json', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
    return JSON.parse(stdout) as DnsReport;
  }

  it('walks the CNAME chain hop by hop, with A/AAAA and TTLs, and agrees with the system', async () => {
    const r = await dns([F.cnameChain.alias]);
    assert.deepEqual(r.cnameChain, [F.cnameChain.alias, F.cnameChain.alias2, F.cnameChain.canonical]);
    assert.deepEqual(r.a, { ok: true, records: [{ address: F.cnameChain.v4, ttl: 60 }] });
    assert.deepEqual(r.aaaa, { ok: true, records: [{ address: F.cnameChain.v6, ttl: 60 }] });
    assert.deepEqual(r.servers, ['127.0.0.1']);
    assert.equal(r.system.ok && r.system.canonname, F.cnameChain.canonical);
    assert.deepEqual(r.differences, []);
  });

  it('explains a hosts-file override without asking DNS for more than the name itself', async () => {
    const r = await dns([F.hostsOnly.name]);
    assert.equal(r.a?.ok === false && r.a.code, 'ENOTFOUND');
    assert.deepEqual(r.hostsFile.matches.map((m) => m.address), [F.hostsOnly.v4]);
    assert.deepEqual(r.differences.map((d) => d.kind), ['hosts-file']);
  });

  it('keeps hostile PTR data verbatim (as data) and explains why the system refuses it', async () => {
    const r = await dns([F.ptr.hostile.v4, '--server', '127.0.0.1']);
    assert.equal(r.kind, 'address');
    assert.equal(r.serverSource, 'option');
    assert.ok(r.ptr?.ok && r.ptr.records[0].startsWith('<img src=x onerror='), JSON.stringify(r.ptr));
    assert.deepEqual(r.differences.map((d) => d.kind), ['ptr']);
    const { stdout } = await run(process.execPath, [CLI_JS, 'dns', F.ptr.hostile.v4], { encoding: 'utf8' });
    assert.match(stdout, /PTR {5}'<img src=x onerror=/, 'escaped as a Python string literal in the terminal');
  });

  it('reports SERVFAIL and NXDOMAIN per record type, and the search list (LOCALDOMAIN)', async () => {
    const r = await dns([F.servfail]);
    assert.equal(r.a?.ok === false && r.a.code, 'ESERVFAIL');
    assert.equal(!r.system.ok && r.system.error.errno, -3);
    const short = await dns(['canonical'], { LOCALDOMAIN: F.origin });
    assert.deepEqual(short.search?.candidates, [`canonical.${F.origin}`, 'canonical']);
    assert.ok(short.differences.some((d) => d.kind === 'search-domain'));
    assert.ok(short.system.ok && short.system.addresses.includes(F.cnameChain.v4), 'the system resolver found it through the search list');
  });

  it('never sends localhost and invalid names to DNS (RFC 6761), says why, and asks the system only where a local source answers', async () => {
    const since = requiredFixtureLogLines().length;
    // The fixture's hosts file lists localhost; nothing lists the others, so glibc would send them to DNS.
    const names = ['localhost', 'LocalHost.', 'app.localhost', 'db.app.LOCALHOST', 'invalid', 'never.invalid', 'x.y.invalid.'];
    for (const name of names) {
      const r = await dns([name]);
      assert.equal(r.notAsked?.domain, /localhost\.?$/i.test(name) ? 'localhost' : 'invalid', name);
      assert.equal(r.a, null, name);
      assert.equal(r.aaaa, null, name);
      assert.equal(r.differences[0]?.kind, 'not-asked', name);
      assert.match(r.differences[0].message, /RFC 6761 §6\.[34]/);
      // glibc's files module does not match `localhost.` against the `localhost` line: that one would go to DNS.
      const listed = /^localhost$/i.test(name);
      if (listed) assert.ok(r.system.ok && r.system.addresses.includes('127.0.0.1'), `${name}: the hosts file answers: ${JSON.stringify(r.system)}`);
      else assert.ok(!r.system.ok && r.system.error.type === 'NotAsked', `${name}: ${JSON.stringify(r.system)}`);
    }
    // A name next to them that is not special is asked (so the log can show a query at all).
    await dns([FIXTURE.v4only.name]);
    for (const name of names) assert.deepEqual(queriesForName(name, since), [], `${name} reached the DNS server`);
    assert.ok(requiredFixtureLogLines().slice(since).some((l) => l.includes(FIXTURE.v4only.name)), 'the server logs queries');
    const { stdout } = await run(process.execPath, [CLI_JS, 'dns', 'app.localhost'], { encoding: 'utf8' });
    assert.match(stdout, /^dns {5}app\.localhost not asked \(RFC 6761 §6\.3\)$/m);
  });
});
