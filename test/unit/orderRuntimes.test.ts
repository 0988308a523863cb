// `netlens order` end to end, in network namespaces made here: its JSON contract, the runtime orders it predicts
// against the runtimes themselves (Node's net.connect attempts on this Node and on the Node 24 NetLens' demo
// installs, Python's socket.create_connection, Java's InetAddress.getAllByName), and the helper that must not keep
// a stale gai.conf (glibc reads it once per process).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatIPv6Glibc } from '../../src/core/inetPton';
import { parseIpAddress } from '../../src/core/ipAddress';
import type { OrderReport } from '../../src/core/orderReport';
import { FakeEtc } from '../support/etcNamespace';
import { loSetup, netnsUnavailable, runInNetns } from '../support/netns';
import { CLI_JS, HELPER_JS, REPO_ROOT } from '../support/paths';
import { hasPython } from '../support/python';
import type { RuntimeObservation } from '../fixtures/order/runtimeProbe';

const FIXTURES = path.join(REPO_ROOT, 'out', 'test', 'fixtures', 'order');

const HOSTS = `127.0.0.1 localhost
198.51.100.20 dual.test
2001:db8::20 dual.test
2001:db8::21 mixed.test
2001:db8::22 mixed.test
198.51.100.21 mixed.test
198.51.100.22 mixed.test
198.51.100.23 mixed.test
198.51.100.24 v4only.test
198.51.100.25 v4only.test
`;

/** Every address of the names is lo's own: connects are refused at once, so runtimes walk their whole list fast. */
const LOCAL = loSetup(
  ...['198.51.100.1/24', '198.51.100.20/32', '198.51.100.21/32', '198.51.100.22/32', '198.51.100.23/32', '198.51.100.24/32', '198.51.100.25/32'].map((a) => ['addr', 'add', a, 'dev', 'lo']),
  ...['2001:db8::1/64', '2001:db8::20/128', '2001:db8::21/128', '2001:db8::22/128'].map((a) => ['-6', 'addr', 'add', a, 'dev', 'lo', 'nodad'])
);

function tmpFile(name: string, content: string, dir: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

function canonical(address: string): string {
  const p = parseIpAddress(address);
  return p && p.version === 6 ? formatIPv6Glibc(p.bytes) : address;
}

function findJava(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'java');
    if (fs.existsSync(candidate)) return fs.realpathSync(candidate);
  }
  return null;
}

describe('netlens order in network namespaces: the JSON contract, the real runtimes, a changed gai.conf', function () {
  this.timeout(300_000);
  let dir: string;

  before(function () {
    const why = netnsUnavailable();
    if (why || !hasPython()) {
      console.log(`      skipped: ${why ?? 'python3 is not available'}`);
      this.skip();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-order-rt-'));
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The namespace with the test's hosts, nsswitch and gai.conf bound over the machine's own files (Java needs the rest of /etc). */
  function files(gaiConf: string): Record<string, string> {
    return {
      '/etc/hosts': tmpFile('hosts', HOSTS, dir),
      '/etc/nsswitch.conf': tmpFile('nsswitch.conf', 'hosts: files\n', dir),
      '/etc/host.conf': tmpFile('host.conf', 'multi on\n', dir),
      '/etc/gai.conf': tmpFile('gai.conf', gaiConf, dir),
    };
  }

  it('the JSON contract: addresses with source, scope, label, precedence and rule; gaiConf tables; five runtimes', function () {
    if (!fs.existsSync('/etc/gai.conf')) this.skip();
    const run = runInNetns({ ip: LOCAL, etc: null, files: files('precedence ::ffff:0:0/96 100\nbogus line\n') }, [process.execPath, CLI_JS, 'order', 'mixed.test', '443', '--json']);
    assert.equal(run.status, 0, run.stderr);
    const r = JSON.parse(run.stdout) as OrderReport;
    const py = runInNetns({ ip: LOCAL, etc: null, files: files('precedence ::ffff:0:0/96 100\nbogus line\n') }, ['python3', '-c', "import socket,json; print(json.dumps([a[4][0] for a in socket.getaddrinfo('mixed.test', 443, 0, socket.SOCK_STREAM)]))"]);
    assert.deepEqual(
      r.addresses.map((a) => a.address),
      JSON.parse(py.stdout)
    );
    for (const a of r.addresses) for (const key of ['address', 'family', 'source', 'scope', 'label', 'precedence', 'rule']) assert.ok(key in a, key);
    assert.deepEqual(
      r.addresses.map((a) => [a.family, a.source === a.address, a.precedence]),
      [
        ['AF_INET', true, 100],
        ['AF_INET', true, 100],
        ['AF_INET', true, 100],
        ['AF_INET6', true, 40],
        ['AF_INET6', true, 40],
      ]
    );
    assert.equal(r.addresses.at(-1)?.rule, null);
    assert.ok(r.addresses.slice(0, -1).every((a) => typeof a.rule === 'string' && a.ruleNumber !== null));
    assert.equal(r.reproduced, true);
    for (const key of ['path', 'label', 'precedence', 'scopev4', 'reload']) assert.ok(key in r.gaiConf, key);
    assert.equal(r.gaiConf.path, '/etc/gai.conf');
    assert.deepEqual(
      r.gaiConf.lines.map((l) => l.status),
      ['used', 'ignored']
    );
    assert.deepEqual(Object.keys(r.runtimes), ['node', 'python', 'curl', 'go', 'java']);
    for (const choice of Object.values(r.runtimes)) for (const key of ['version', 'strategy', 'order', 'rule']) assert.ok(key in choice, key);
    // Human output: a table and the runtimes, no stack trace.
    const human = runInNetns({ ip: LOCAL, etc: null, files: files('') }, [process.execPath, CLI_JS, 'order', 'dual.test']);
    assert.equal(human.status, 0, human.stderr);
    assert.match(human.stdout, /^#\s+address\s+source\s+scope\s+label\s+prec/m);
    assert.match(human.stdout, /Rule 6, prefer higher precedence/);
    assert.match(human.stdout, /^ {2}java/m);
  });

  it('errors as the other commands give them: an unknown name is a gaierror (exit 1), a bad option a usage error (exit 2)', function () {
    const nx = runInNetns({ ip: LOCAL, etc: new FakeEtc({ hosts: { kind: 'file', content: HOSTS } }) }, [process.execPath, CLI_JS, 'order', 'nowhere.test', '--json']);
    assert.equal(nx.status, 1);
    assert.equal((JSON.parse(nx.stdout) as { error: { type: string } }).error.type, 'gaierror');
    const bad = spawnSync(process.execPath, [CLI_JS, 'order', 'dual.test', '--node-version', 'latest'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--node-version/);
  });

  it("the runtimes do what netlens order predicts: Node's net.connect attempts (this Node and Node 24), Python, Java", function () {
    if (!fs.existsSync('/etc/gai.conf')) this.skip();
    const nodes = [process.execPath];
    const node24 = path.join(process.env.NETLENS_CACHE ?? path.join(os.homedir(), '.cache', 'netlens'), 'node-v24.21.0', 'bin', 'node');
    if (fs.existsSync(node24)) nodes.push(node24);
    const java = findJava();
    const spec = tmpFile(
      'runtime-spec.json',
      JSON.stringify({ names: ['dual.test', 'mixed.test', 'v4only.test'], cli: CLI_JS, nodes, java, javaSource: path.join(REPO_ROOT, 'test', 'fixtures', 'order', 'AllByName.java') }),
      dir
    );
    for (const gaiConf of ['', 'precedence ::ffff:0:0/96 100\n']) {
      const run = runInNetns({ ip: LOCAL, etc: null, files: files(gaiConf) }, [process.execPath, path.join(FIXTURES, 'runtimeProbe.js'), spec]);
      assert.equal(run.status, 0, run.stderr);
      const observations = JSON.parse(run.stdout) as RuntimeObservation[];
      for (const o of observations) {
        for (const n of o.node) assert.deepEqual(n.attempted, n.predicted, `${o.name}, Node ${n.version}, gai.conf ${JSON.stringify(gaiConf)}`);
        assert.deepEqual(o.python.attempted, o.python.predicted, `${o.name}, Python`);
        for (const j of o.java) {
          if (java === null) continue;
          assert.ok(Array.isArray(j.observed), `${o.name}, Java: ${JSON.stringify(j.observed)}`);
          assert.deepEqual(j.observed.map(canonical), j.predicted, `${o.name}, Java preferIPv6Addresses=${j.prefer}`);
        }
      }
      const mixed = observations.find((o) => o.name === 'mixed.test');
      assert.equal((mixed?.node[0].attempted as string[]).length, 5, 'Node tried every address (families alternating)');
    }
    console.log(`      Node ${nodes.length === 2 ? '20 and 24' : process.version}, Python${java ? `, Java (${path.basename(path.dirname(path.dirname(java)))})` : ' (no Java here)'}`);
  });

  it('glibc keeps the first gai.conf per process (unless reload yes); the helper retires when it changes and answers anew', function () {
    const etc = new FakeEtc({ hosts: { kind: 'file', content: HOSTS }, 'host.conf': { kind: 'file', content: 'multi on\n' }, 'gai.conf': { kind: 'file', content: '' } });
    try {
      const run = runInNetns({ ip: LOCAL, etc }, [process.execPath, path.join(FIXTURES, 'reloadProbe.js'), HELPER_JS]);
      assert.equal(run.status, 0, run.stderr);
      const r = JSON.parse(run.stdout) as {
        glibcSameProcess: string[][];
        glibcWithReload: string[][];
        helper: { before: string[]; after: string[]; again: string[]; pids: number[] };
        python1: string[];
        python2: string[];
        logs: string[];
        failures: string[];
      };
      const v6first = ['2001:db8::20', '198.51.100.20'];
      const v4first = ['198.51.100.20', '2001:db8::20'];
      assert.deepEqual(r.glibcSameProcess, [v6first, v6first], 'one process: the new gai.conf is not read');
      assert.deepEqual(r.glibcWithReload, [v6first, v4first], 'reload yes: glibc re-reads a file whose mtime changed');
      assert.deepEqual([r.python1, r.python2], [v6first, v4first]);
      assert.deepEqual([r.helper.before, r.helper.after, r.helper.again], [r.python1, r.python2, r.python2]);
      assert.notEqual(r.helper.pids[0], r.helper.pids[1], 'a fresh helper answered after the change');
      assert.equal(r.helper.pids[1], r.helper.pids[2], 'and stays');
      assert.deepEqual(r.failures, [], 'a planned restart is no failure for the user');
      assert.ok(r.logs.some((l) => /exited with code 75/.test(l)) && r.logs.some((l) => /gai\.conf changed/.test(l)), r.logs.join('\n'));
    } finally {
      etc.dispose();
    }
  });
});
