// "Where it resolved" (issue 15): the environment detector (src/core/resolverEnvironment.ts) on fixture trees of
// machines this one is not (SSH, WSL 1 and 2, Docker, Podman, dev containers, code-server, systemd-resolved, nscd,
// musl, no resolv.conf), read through the helper's real file probes; its view model; and the helper's
// `environment` method on this machine, checked against facts the test reads itself (getconf, ldd, the files).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ResolverClient } from '../../src/client/resolverClient';
import { resolverEnvironment } from '../../src/client/resolverEnvironment';
import { contextText, environmentRows, environmentSummary, type EnvironmentRow } from '../../src/core/environmentView';
import { lineText } from '../../src/core/lookupView';
import { detectResolverEnvironment, dockerExtServers, nscdCachesHosts, type EnvironmentProbes, type ResolverEnvironment } from '../../src/core/resolverEnvironment';
import { fileProbes } from '../../src/helper/environmentProbes';
import { HELPER_JS, REPO_ROOT } from '../support/paths';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'environment');

interface Machine {
  remoteName?: string | null;
  env?: Record<string, string>;
  glibc?: string | null;
  hostname?: string;
}

/** The detector on a fixture tree, with the probes the helper uses (rooted there) and the given process facts. */
function detect(tree: string, m: Machine = {}): ResolverEnvironment {
  const probes: EnvironmentProbes = {
    remoteName: m.remoteName ?? null,
    env: m.env ?? {},
    hostname: m.hostname ?? tree,
    glibcVersion: m.glibc === undefined ? '2.36' : m.glibc,
    ...fileProbes(path.join(FIXTURES, tree)),
  };
  return detectResolverEnvironment(probes);
}

function sources(env: ResolverEnvironment): string[] {
  return env.signals.map((s) => `${s.context}<${s.source}`);
}

/** A row of the view model by kind, and its children's labels. */
function rowOf(rows: EnvironmentRow[], kind: EnvironmentRow['kind']): EnvironmentRow {
  const found = rows.find((r) => r.kind === kind);
  assert.ok(found, `a ${kind} row in ${JSON.stringify(rows)}`);
  return found;
}

describe('resolver environment: contexts from fixture trees', () => {
  it('a plain machine is local: no signal, its resolv.conf, no stub, no nscd, the os-release name', () => {
    const env = detect('local-debian');
    assert.equal(env.context, 'local');
    assert.deepEqual(env.signals, []);
    assert.equal(env.os, 'Debian GNU/Linux 12 (bookworm)');
    assert.deepEqual(env.libc, { name: 'glibc', version: '2.36' });
    assert.deepEqual(env.resolvConf, { path: '/etc/resolv.conf', target: null, nameservers: ['192.168.1.1', 'fd00::1'], search: ['lan'], options: [], overriddenBy: [] });
    assert.equal(env.stub, null);
    assert.equal(env.nscd, null);
    assert.equal(contextText(env), 'local machine');
  });

  it('SSH: remoteName ssh-remote decides; from the CLI, SSH_CONNECTION does', () => {
    const ssh = { SSH_CONNECTION: '198.51.100.7 53122 203.0.113.4 22' };
    const editor = detect('ubuntu-resolved', { remoteName: 'ssh-remote', env: ssh });
    assert.equal(editor.context, 'ssh-remote');
    assert.deepEqual(sources(editor), ['ssh-remote<vscode.env.remoteName', 'ssh-remote<SSH_CONNECTION']);
    const cli = detect('ubuntu-resolved', { env: { SSH_CLIENT: '198.51.100.7 53122 22' } });
    assert.equal(cli.context, 'ssh-remote');
    assert.deepEqual(cli.signals, [{ context: 'ssh-remote', source: 'SSH_CLIENT', value: '198.51.100.7 53122 22' }]);
    assert.equal(detect('ubuntu-resolved', { env: { SSH_CONNECTION: '' } }).context, 'local', 'an empty variable is no signal');
    assert.equal(rowOf(environmentRows(editor), 'context').description, 'context');
    assert.equal(rowOf(environmentRows(detect('wsl2', { remoteName: 'ssh-remote' })), 'context').description, 'context · on WSL 2', 'an SSH server on WSL');
  });

  it('WSL 2: remoteName wsl, or (CLI) WSL_DISTRO_NAME and the kernel release; Windows resolves behind WSL’s relay', () => {
    const editor = detect('wsl2', { remoteName: 'wsl' });
    assert.equal(editor.context, 'wsl');
    assert.equal(contextText(editor), 'WSL 2');
    assert.deepEqual(editor.stub, { kind: 'wsl', address: '10.255.255.254', upstream: [], upstreamSource: null });
    const cli = detect('wsl2', { env: { WSL_DISTRO_NAME: 'Ubuntu-22.04', WSL_INTEROP: '/run/WSL/8_interop' } });
    assert.equal(cli.context, 'wsl');
    assert.deepEqual(sources(cli), ['wsl<WSL_DISTRO_NAME', 'wsl<WSL_INTEROP', 'wsl</proc/sys/kernel/osrelease']);
    assert.equal(detect('wsl2').context, 'wsl', 'the kernel release alone is enough');
  });

  it('WSL 1: /proc/version names the Windows build (capital M); its generated resolv.conf lists Windows’ servers, no relay', () => {
    const env = detect('wsl1');
    assert.equal(env.context, 'wsl');
    assert.deepEqual(env.signals, [{ context: 'wsl', source: '/proc/version', value: 'Linux version 4.4.0-19041-Microsoft (Microsoft@Microsoft.com) (gcc version 5.4.0 (GCC) ) #3996-Microsoft Thu Jan 18 16:36:00 PST 2024' }]);
    assert.equal(contextText(env), 'WSL 1');
    assert.equal(env.stub, null);
    assert.deepEqual(env.resolvConf?.nameservers, ['192.168.1.1', '192.168.1.2']);
  });

  it('Docker (Desktop, on WSL 2’s kernel): the container wins over the kernel’s WSL name; the embedded DNS and its ExtServers', () => {
    const env = detect('docker');
    assert.equal(env.context, 'container');
    assert.deepEqual(sources(env), ['container</.dockerenv', 'container</proc/1/cgroup', 'wsl</proc/sys/kernel/osrelease']);
    assert.equal(contextText(env), 'container (Docker)');
    assert.deepEqual(env.resolvConf?.options, ['ndots:0']);
    assert.deepEqual(env.stub, { kind: 'docker', address: '127.0.0.11', upstream: ['192.168.65.7', '8.8.8.8'], upstreamSource: '/etc/resolv.conf' });
  });

  it('Podman: /run/.containerenv names the engine, `container` is set; cgroup v2 says nothing', () => {
    const env = detect('podman', { env: { container: 'podman' } });
    assert.equal(env.context, 'container');
    assert.deepEqual(env.signals, [
      { context: 'container', source: '/run/.containerenv', value: 'podman-4.9.3' },
      { context: 'container', source: 'container', value: 'podman' },
    ]);
    assert.equal(contextText(env), 'container (podman-4.9.3)');
    assert.equal(env.os, 'Fedora Linux 40 (Container Image)', "single-quoted PRETTY_NAME");
    assert.equal(env.stub, null, 'netavark’s DNS is on the network, not loopback: no stub here');
  });

  it('dev container and attached container come from remoteName, the engine from the files', () => {
    const dev = detect('docker', { remoteName: 'dev-container' });
    assert.equal(dev.context, 'dev-container');
    assert.equal(contextText(dev), 'dev container (Docker)');
    assert.equal(dev.signals[0].source, 'vscode.env.remoteName');
    assert.equal(detect('docker', { remoteName: 'attached-container' }).context, 'container');
    assert.equal(detect('local-debian', { remoteName: 'k8s-container', env: { KUBERNETES_SERVICE_HOST: '10.96.0.1' } }).context, 'container');
    assert.equal(contextText(detect('local-debian', { env: { KUBERNETES_SERVICE_HOST: '10.96.0.1' } })), 'container (Kubernetes)');
  });

  it('code-server: its environment decides over the container it runs in; the browser authority is a signal too', () => {
    const env = detect('docker', { remoteName: '127.0.0.1:8080', env: { CODE_SERVER_PARENT_PID: '41', CODE_SERVER_SESSION_SOCKET: '/root/.local/share/code-server/code-server-ipc.sock' } });
    assert.equal(env.context, 'code-server');
    assert.deepEqual(sources(env).slice(0, 3), ['code-server<CODE_SERVER_PARENT_PID', 'code-server<CODE_SERVER_SESSION_SOCKET', 'web-server<vscode.env.remoteName']);
    assert.equal(env.signals.at(-1)?.context, 'wsl');
    assert.equal(rowOf(environmentRows(env), 'context').description, 'context · in a container (Docker)', 'what the machine is, beside how the editor reached it');
    assert.equal(detect('local-debian', { remoteName: 'vscode.example.com' }).context, 'web-server', 'another browser-served VS Code');
  });

  it('Codespaces, tunnels and remote names NetLens does not know', () => {
    assert.equal(detect('docker', { env: { CODESPACES: 'true' } }).context, 'codespaces');
    assert.equal(detect('docker', { env: { CODESPACES: 'false' } }).context, 'container');
    assert.equal(detect('local-debian', { remoteName: 'tunnel' }).context, 'tunnel');
    const other = detect('local-debian', { remoteName: 'amlext' });
    assert.equal(other.context, 'amlext');
    assert.equal(contextText(other), 'remote amlext');
  });
});

describe('resolver environment: the resolver in front of DNS, nscd, libc', () => {
  it('systemd-resolved: resolv.conf a relative link to the stub file, upstream from /run/systemd/resolve/resolv.conf (all of them)', () => {
    const env = detect('ubuntu-resolved');
    assert.equal(env.resolvConf?.target, '../run/systemd/resolve/stub-resolv.conf');
    assert.deepEqual(env.resolvConf?.nameservers, ['127.0.0.53']);
    assert.deepEqual(env.resolvConf?.options, ['edns0', 'trust-ad']);
    assert.deepEqual(env.resolvConf?.search, ['corp.example']);
    assert.deepEqual(env.stub, {
      kind: 'systemd-resolved',
      address: '127.0.0.53',
      upstream: ['10.20.0.2', '10.20.0.3', '2001:db8:20::53', '192.0.2.53'],
      upstreamSource: '/run/systemd/resolve/resolv.conf',
    });
    const stub = rowOf(environmentRows(env), 'stub');
    assert.equal(stub.label, 'systemd-resolved');
    assert.equal(stub.description, '127.0.0.53 · resolver in front of DNS');
    assert.deepEqual(stub.children.map((r) => r.label), ['10.20.0.2', '10.20.0.3', '2001:db8:20::53', '192.0.2.53']);
  });

  it('systemd-resolved known by its nameserver alone; its upstream unknown when the file is not there', () => {
    const probes: EnvironmentProbes = {
      remoteName: null, env: {}, hostname: 'h', glibcVersion: '2.39',
      readFile: (p) => (p === '/etc/resolv.conf' ? 'nameserver 127.0.0.54\n' : null),
      exists: () => false, readLink: () => null, listDir: () => null,
    };
    const env = detectResolverEnvironment(probes);
    assert.deepEqual(env.stub, { kind: 'systemd-resolved', address: '127.0.0.54', upstream: [], upstreamSource: null });
    assert.deepEqual(rowOf(environmentRows(env), 'stub').children.map((r) => r.label), ['upstream servers not visible from here']);
  });

  it('LOCALDOMAIN and RES_OPTIONS override the file for this process, and the view says where the values came from', () => {
    const env = detect('local-debian', { env: { LOCALDOMAIN: 'a.example b.example', RES_OPTIONS: 'ndots:3 rotate' } });
    assert.deepEqual(env.resolvConf?.search, ['a.example', 'b.example']);
    assert.deepEqual(env.resolvConf?.options, ['ndots:3', 'rotate']);
    assert.deepEqual(env.resolvConf?.overriddenBy, ['LOCALDOMAIN', 'RES_OPTIONS']);
    const conf = rowOf(environmentRows(env), 'resolv-conf');
    assert.deepEqual(conf.children.map((r) => [r.label, r.description]), [
      ['192.168.1.1', 'nameserver'],
      ['fd00::1', 'nameserver'],
      ['a.example b.example', 'search (from LOCALDOMAIN)'],
      ['ndots:3 rotate', 'options (from RES_OPTIONS)'],
    ]);
  });

  it('nscd caching hosts (Debian’s nscd.conf, nscd in /proc)', () => {
    const env = detect('nscd-hosts');
    assert.deepEqual(env.nscd, { socket: '/var/run/nscd/socket', cachesHosts: true, running: true });
    assert.equal(rowOf(environmentRows(env), 'nscd').description, 'caches hosts');
  });

  it('nscd not caching hosts: the last exact `enable-cache hosts` line wins; a /run-only socket with no nscd left is stale', () => {
    const env = detect('nscd-stale');
    assert.deepEqual(env.nscd, { socket: '/run/nscd/socket', cachesHosts: false, running: false });
    assert.equal(rowOf(environmentRows(env), 'nscd').description, 'not running (stale socket)');
    assert.equal(nscdCachesHosts(''), false, "nscd's default: hosts cache off");
    assert.equal(nscdCachesHosts('enable-cache hosts yes\n'), true);
    const { nscd } = env;
    assert.ok(nscd);
    assert.equal(rowOf(environmentRows({ ...env, nscd: { ...nscd, running: true } }), 'nscd').description, 'does not cache hosts');
    assert.equal(rowOf(environmentRows(detect('local-debian')), 'nscd').description, 'not in use (no socket)');
  });

  it('musl (Alpine): no glibc from Node, the loader in /lib, the version from apk’s database; musl never asks nscd for hosts', () => {
    const env = detect('alpine-musl', { glibc: null });
    assert.deepEqual(env.libc, { name: 'musl', version: '1.2.5' });
    assert.equal(env.os, 'Alpine Linux v3.20');
    const rows = environmentRows(env);
    assert.equal(rowOf(rows, 'libc').label, 'musl 1.2.5');
    assert.equal(rowOf(rows, 'nscd').description, 'not asked for hosts by musl');
    assert.deepEqual(detect('local-debian', { glibc: null }).libc, { name: null, version: null }, 'neither glibc nor a musl loader');
  });

  it('missing resolv.conf: no resolv.conf, no stub; the view says glibc then asks 127.0.0.1', () => {
    const env = detect('no-resolv-conf');
    assert.equal(env.resolvConf, null);
    assert.equal(env.stub, null);
    assert.equal(env.os, 'Arch Linux', 'os-release from /usr/lib when /etc has none');
    const conf = rowOf(environmentRows(env), 'resolv-conf');
    assert.deepEqual([conf.label, conf.description], ['/etc/resolv.conf', 'absent or unreadable: glibc asks 127.0.0.1']);
  });

  it('reads Docker’s ExtServers comment: host(…) servers, plain ones, and the "invalid IP" Docker writes for a bad one', () => {
    assert.deepEqual(dockerExtServers('# ExtServers: [host(192.168.65.7) 8.8.8.8]\n'), ['192.168.65.7', '8.8.8.8']);
    assert.deepEqual(dockerExtServers('# ExtServers: [invalid IP host(10.0.0.1)]\n'), ['10.0.0.1']);
    assert.equal(dockerExtServers('nameserver 127.0.0.11\noptions ndots:0\n'), null, 'Docker before 25 wrote no upstream');
  });

  it('file text is data: a hostile resolv.conf and os-release reach the rows verbatim, never as markup', () => {
    const probes: EnvironmentProbes = {
      remoteName: null, env: {}, hostname: '$(alert) [x](command:y)', glibcVersion: '2.36',
      // glibc drops a nameserver that is not an address (and then asks 127.0.0.1): the search list carries the markup.
      readFile: (p) => ({ '/etc/resolv.conf': 'nameserver <img>src=x\nsearch $(zap)~spin [a](https://e.example)\n', '/etc/os-release': 'PRETTY_NAME="<b>OS</b>"\n' })[p] ?? null,
      exists: () => false, readLink: () => null, listDir: () => null,
    };
    const rows = environmentRows(detectResolverEnvironment(probes));
    assert.equal(rowOf(rows, 'machine').label, '$(alert) [x](command:y)');
    assert.equal(rowOf(rows, 'machine').description, 'machine · <b>OS</b>');
    assert.deepEqual(rowOf(rows, 'resolv-conf').children.map((r) => r.label), ['127.0.0.1', '$(zap)~spin [a](https://e.example)']);
  });

  it('one summary sentence names the machine, the context and the libc, with the machine as data', () => {
    const line = environmentSummary(detect('docker', { hostname: '3f2a1b9c0d' }));
    assert.equal(lineText(line), 'resolved on 3f2a1b9c0d (container (Docker), glibc 2.36)');
    assert.ok(line.some((part) => 'data' in part && part.data === '3f2a1b9c0d'));
  });
});

describe('resolver environment: the helper’s `environment` method on this machine', function () {
  this.timeout(20000);
  let client: ResolverClient;
  // What could make this machine look remote to the helper: cleared so that the expectation below is this machine's.
  const quiet = Object.fromEntries(['SSH_CONNECTION', 'SSH_CLIENT', 'CODE_SERVER_PARENT_PID', 'CODE_SERVER_SESSION_SOCKET', 'CODESPACES', 'KUBERNETES_SERVICE_HOST', 'LOCALDOMAIN', 'RES_OPTIONS'].map((n) => [n, '']));

  before(() => {
    client = new ResolverClient({ helperPath: HELPER_JS, timeoutMs: () => 10000, log: () => undefined, onHelperFailure: () => undefined, env: quiet });
  });
  after(() => client.dispose());

  it('names this machine as getconf, ldd, uname and the files say', async () => {
    const answer = await resolverEnvironment(client, null);
    assert.ok(answer.ok, JSON.stringify(answer));
    const env = answer.value;
    assert.equal(env.machine, os.hostname());

    const getconf = spawnSync('getconf', ['GNU_LIBC_VERSION'], { encoding: 'utf8' });
    assert.equal(getconf.status, 0, getconf.stderr);
    const [libcName, libcVersion] = getconf.stdout.trim().split(' ');
    assert.deepEqual(env.libc, { name: libcName, version: libcVersion });
    const ldd = spawnSync('ldd', ['--version'], { encoding: 'utf8' });
    assert.ok(ldd.stdout.split('\n')[0].trim().endsWith(` ${libcVersion}`), ldd.stdout.split('\n')[0]);

    // The context from the facts themselves (this test runs on local machines and in containers).
    const inContainer = fs.existsSync('/.dockerenv') || fs.existsSync('/run/.containerenv') || !!process.env.container;
    const onWsl = /microsoft/i.test(fs.readFileSync('/proc/sys/kernel/osrelease', 'utf8'));
    assert.equal(env.context, inContainer ? 'container' : onWsl ? 'wsl' : 'local', JSON.stringify(env.signals));

    // resolv.conf as a grep would read it (no shared parser).
    const text = fs.readFileSync('/etc/resolv.conf', 'utf8');
    const nameservers = [...text.matchAll(/^\s*nameserver\s+(\S+)/gm)].map((m) => m[1]).slice(0, 3);
    assert.deepEqual(env.resolvConf?.nameservers, nameservers);
    assert.equal(env.resolvConf?.target ?? null, fs.lstatSync('/etc/resolv.conf').isSymbolicLink() ? fs.readlinkSync('/etc/resolv.conf') : null);
    const stubExpected = nameservers.some((ns) => ns === '127.0.0.53' || ns === '127.0.0.54');
    assert.equal(env.stub?.kind === 'systemd-resolved', stubExpected, JSON.stringify(env.stub));
    const nscdSocket = ['/var/run/nscd/socket', '/run/nscd/socket'].find((p) => fs.existsSync(p)) ?? null;
    assert.equal(env.nscd?.socket ?? null, nscdSocket);
  });

  it('refuses a remoteName that is not a string or null', async () => {
    const answer = await client.request('environment', { remoteName: 42 as unknown as string });
    assert.ok(!answer.ok);
    assert.equal(answer.error.kind, 'TypeError');
  });
});
