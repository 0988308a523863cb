// The pure resolver functions through `node dist/cli.js ... --json` (exit codes 0/1/2, Python-shaped JSON, the
// error on stderr without a stack trace), urlPort against urlparse + getservbyname, and the constants table.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { LINUX_VALUES, NETLENS_ONLY_CONSTANTS } from '../../src/core/socketConstants';
import { CLI_JS } from '../support/paths';
import { hasPython } from '../support/python';
import { pythonBatch } from '../support/pythonBatch';
import { URL_SCRIPT, urlDifference, type PyUrl } from '../support/urlPortOracle';

const CLI = CLI_JS;

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NETLENS_DEBUG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const URLS = [
  'http://example.com/', 'https://example.com:8443/x', 'HTTP://User@Ex.COM:0080/x', 'http://h:/', 'imap://mail', 'postgres://db/app', 'postgresql://db/app',
  'redis://cache', 'mongodb://m', 'amqp://q', 'mqtt://b', 'ws://w', 'wss://w', 'ftp://f', 'ssh://git@host', 'git://repo', 'gopher://g', 'ldaps://l',
  'localhost:8080', '//host:5/x', 'foo://x', 'http://[::1]:80', 'http://[fe80::1%eth0]:8/', ' \thttp://a\nb:8\t0/ ', 'http://h:abc/', 'http://h:99999/',
  'http://h:-1/', 'http://h: 80/', 'http://[::1', 'http://::1]/', 'http://[zz]/', 'http://[1.2.3.4]/', 'http://[v1.x]/', 'http://[vz.x]/', 'mailto:a@b', '',
  'https://example.com:65535', 'https://example.com:000443', 'http://h:٣/', 'http://a@b@c:5/', 'http://\uff03@h/',
];

describe('pure functions: urlPort, constants and the CLI contract', function () {
  it(`urlPort: ${URLS.length} URLs as urlparse + getservbyname(scheme), scheme defaults where the database has none`, function () {
    if (!hasPython()) this.skip();
    const py = pythonBatch<PyUrl[]>(URL_SCRIPT, URLS);
    const diff = URLS.map((u, k) => ({ url: u, why: urlDifference(u, py[k]) })).filter((d) => d.why !== null);
    assert.deepStrictEqual(diff, []);
  });

  it("constants: every AF_/SOCK_/IPPROTO_/AI_/NI_/EAI_ name and Linux value python3's socket module has", function () {
    if (!hasPython() || process.platform !== 'linux') this.skip();
    const py = pythonBatch<Record<string, number>>(
      "print(json.dumps({k: int(getattr(socket, k)) for k in dir(socket) if k.split('_')[0] + '_' in ('AF_','SOCK_','IPPROTO_','AI_','NI_','EAI_') and isinstance(getattr(socket, k), int)}))",
      null
    );
    const mine = Object.fromEntries(Object.entries(LINUX_VALUES).filter(([k]) => !NETLENS_ONLY_CONSTANTS.includes(k)));
    assert.deepStrictEqual(mine, py);
  });

  describe('CLI (node dist/cli.js)', function () {
    this.timeout(60000);
    it('prints Python return values as JSON and exits 0', function () {
      const cases: [string[], unknown][] = [
        [['getservbyname', 'http', '--json'], 80],
        [['getservbyport', '143', '--json'], 'imap2'],
        [['getprotobyname', 'tcp', '--json'], 6],
        [['inet_aton', '0x7f.1', '--json'], '7f000001'],
        [['inet_ntoa', '7f000001', '--json'], '127.0.0.1'],
        [['inet_pton', 'AF_INET6', '::2:3', '--json'], '00000000000000000000000000020003'],
        [['inet_ntop', 'AF_INET6', '00000000000000000000000000020003', '--json'], '::0.2.0.3'],
        [['constants', 'NI_', '--json'], { NI_NUMERICHOST: 1, NI_NUMERICSERV: 2, NI_NOFQDN: 4, NI_NAMEREQD: 8, NI_DGRAM: 16, NI_MAXSERV: 32, NI_MAXHOST: 1025 }],
      ];
      for (const [args, expected] of cases) {
        const r = cli(...args);
        if (args[0].startsWith('get') && r.code !== 0 && /not found/.test(r.err)) continue; // a machine without these entries
        assert.deepStrictEqual([r.code, JSON.parse(r.out), r.err], [0, expected, ''], args.join(' '));
      }
    });

    it('documents its own shapes for addressinfo and urlport', function () {
      const a = cli('addressinfo', '100.64.0.1', '--json');
      assert.strictEqual(a.code, 0);
      const facts = JSON.parse(a.out) as Record<string, unknown>;
      assert.deepStrictEqual([facts.version, facts.is_shared, facts.is_private, facts.is_global], [4, true, false, false]);
      const u = cli('urlport', 'mqtt://broker', '--json');
      assert.deepStrictEqual([u.code, JSON.parse(u.out)], [0, { scheme: 'mqtt', host: 'broker', port: 1883, portSource: 'default', service: null, source: 'NetLens well-known scheme defaults' }]);
    });

    it("Python's exceptions: exit 1, {error} JSON on stdout, the message on stderr, no stack trace", function () {
      const cases: [string[], string, number | null, string][] = [
        [['getservbyport', '70000'], 'OverflowError', null, 'getservbyport: port must be 0-65535.'],
        [['getservbyname', 'no-such-service', 'tcp'], 'OSError', null, 'service/proto not found'],
        [['getprotobyname', 'nope'], 'OSError', null, 'protocol not found'],
        [['inet_aton', '1.2.3.4.'], 'OSError', null, 'illegal IP address string passed to inet_aton'],
        [['inet_pton', 'AF_UNSPEC', '1.2.3.4'], 'OSError', 97, '[Errno 97] Address family not supported by protocol'],
        [['inet_ntop', 'AF_INET', '010203'], 'ValueError', null, 'invalid length of packed IP address string'],
        [['addressinfo', 'zz'], 'ValueError', null, "'zz' does not appear to be an IPv4 or IPv6 address"],
        [['urlport', 'http://h:abc/'], 'ValueError', null, "Port could not be cast to integer value as 'abc'"],
      ];
      for (const [args, type, errno, message] of cases) {
        const r = cli(...args, '--json');
        assert.deepStrictEqual([r.code, JSON.parse(r.out)], [1, { error: { type, errno, message } }], args.join(' '));
        assert.strictEqual(r.err, `${type}: ${message}\n`);
        const human = cli(...args);
        assert.deepStrictEqual([human.code, human.out, human.err], [1, '', `${type}: ${message}\n`]);
      }
    });

    it('usage errors exit 2 with a usage line', function () {
      for (const args of [['getservbyname'], ['getservbyport', 'http'], ['inet_ntoa', 'xyz'], ['inet_pton', 'AF_BOGUS', '1.2.3.4'], ['constants', 'FOO'], ['urlport', 'a', 'b']]) {
        const r = cli(...args, '--json');
        assert.strictEqual(r.code, 2, args.join(' '));
        assert.strictEqual(r.out, '');
        assert.match(r.err, /^netlens \S+: .+\nusage: netlens /);
        assert.doesNotMatch(r.err, /\n\s+at /);
      }
    });

    it('human output is an aligned table', function () {
      const r = cli('getservbyport', '443', 'tcp');
      if (r.code !== 0) this.skip();
      assert.match(r.out, /^port {5}443\nname {5}https\nproto {4}tcp\n/);
    });
  });
});
