#!/usr/bin/env node
// Runs a command inside an isolated network namespace whose system resolver talks only to our DNS fixture.
//
//   node scripts/with-test-netns.js [--keep-log] -- CMD [ARGS...]
//
// Inside, the namespace has only `lo` (127.0.0.1, ::1, plus 198.51.100.1 and 2001:db8:ffff::1 so that
// AI_ADDRCONFIG and single-family lookups work), /etc/resolv.conf names 127.0.0.1 with `timeout:1 attempts:1`
// and no search list, /etc/hosts holds localhost, this machine's hostname (127.0.1.1) and the fixture's
// hosts-only names, and /etc/nsswitch.conf is `hosts: files dns`. The fixture server
// (out/test/fixtures/dns/dnsServer.js, built by `node esbuild.js`) listens on 127.0.0.1:53 and [::1]:53.
// CMD gets, on top of the current environment:
//   NETLENS_DNS_FIXTURE=1              the fixture is there (tests that need it skip when this is unset)
//   NETLENS_DNS_FIXTURE_LOG=<file>     one line per query the server saw (see dnsServer.ts)
//   NETLENS_TEST_NETNS=<name>          `netlens-test-<pid>` (root) or `userns-<pid>` (no root; not an ip netns)
//   NETLENS_DNS_SLOW_DELAY_MS=<ms>     delay of <label>.slow.netlens.test (set it before to change it)
// The exit code is CMD's (128+N if it died of signal N). Everything is removed afterwards, also on errors and
// on SIGINT/SIGTERM/SIGHUP.
//
// As root this uses `ip netns` (files in /etc/netns/<name>, which `ip netns exec` bind-mounts over /etc).
// Without root it re-runs itself under `unshare --user --map-root-user --net --mount` and bind-mounts the
// three files itself; CMD then runs under a nested user namespace as the original uid, not as fake root.
// If neither works it says so and runs CMD without the fixture (NETLENS_DNS_FIXTURE unset).
//
// Set NETLENS_DNS_FIXTURE_DEBUG=1 to see set-up and tear-down times on stderr.
// No shell anywhere: every child is spawned with an argument array.
'use strict';

const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SERVER_JS = path.join(ROOT, 'out', 'test', 'fixtures', 'dns', 'dnsServer.js');
const PREFIX = 'NetLens DNS fixture';
const NS_PREFIX = 'netlens-test-';
const LO_V4 = '198.51.100.1/32';
const LO_V6 = '2001:db8:ffff::1/128';
const READY_TIMEOUT_MS = 10000;
const STOP_GRACE_MS = 5000;
const debug = process.env.NETLENS_DNS_FIXTURE_DEBUG === '1';

function usage() {
  process.stderr.write('usage: node scripts/with-test-netns.js [--keep-log] -- CMD [ARGS...]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const sep = argv.indexOf('--');
  if (sep < 0 || sep === argv.length - 1) usage();
  const opts = { keepLog: false, inner: false, asUser: undefined, cmd: argv.slice(sep + 1) };
  for (const a of argv.slice(0, sep)) {
    if (a === '--keep-log') opts.keepLog = true;
    else if (a === '--inner-userns') opts.inner = true;
    else if (a.startsWith('--as-user=')) {
      const m = /^--as-user=(\d+):(\d+)$/.exec(a);
      if (!m) usage();
      opts.asUser = { uid: Number(m[1]), gid: Number(m[2]) };
    } else usage();
  }
  return opts;
}

function say(msg) {
  process.stderr.write(`${PREFIX}: ${msg}\n`);
}

function trace(msg) {
  if (debug) say(msg);
}

function ms(start) {
  return `${Number(process.hrtime.bigint() - start) / 1e6 | 0} ms`;
}

/** Finds a system tool also when PATH lacks the sbin directories (ordinary users). */
function tool(name) {
  const dirs = [...(process.env.PATH || '').split(path.delimiter), '/usr/sbin', '/sbin', '/usr/bin', '/bin'];
  for (const d of dirs) {
    if (!d) continue;
    const p = path.join(d, name);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      // keep looking
    }
  }
  return name;
}

/** Runs a tool synchronously; throws with its stderr on failure. */
function run(file, args) {
  const r = spawnSync(tool(file), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) throw new Error(`${file} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ')}: ${(r.stderr || r.stdout || `exit ${r.status}`).trim()}`);
  return r.stdout;
}

function signalExitCode(signal) {
  return 128 + (os.constants.signals[signal] || 0);
}

// ---------------------------------------------------------------------------------------------------------------
// The three files

const RESOLV_MARKER = '# NetLens test namespace: only the DNS fixture';

/** True when this process already sees the fixture's resolv.conf (a nested call). */
function insideFixture() {
  try {
    return fs.readFileSync('/etc/resolv.conf', 'utf8').startsWith(RESOLV_MARKER);
  } catch {
    return false;
  }
}

function fixtureFiles() {
  // The zone lives in TypeScript; the built server bundle exports what the hosts file needs.
  const { fixtureHostsLines } = require(SERVER_JS);
  const host = os.hostname();
  const hostNames = /^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(host) ? [...new Set([host, host.split('.')[0]])] : [];
  return {
    'resolv.conf': [RESOLV_MARKER, 'nameserver 127.0.0.1', 'options timeout:1 attempts:1', ''].join('\n'),
    hosts: [
      '# NetLens test namespace',
      '127.0.0.1\tlocalhost',
      '::1\tlocalhost ip6-localhost ip6-loopback',
      ...(hostNames.length > 0 ? [`127.0.1.1\t${hostNames.join(' ')}`] : []),
      ...fixtureHostsLines(),
      '',
    ].join('\n'),
    // Pinned so that libnss-mdns (pulled in by Chromium) or anything else in the host's file cannot interfere.
    'nsswitch.conf': [
      '# NetLens test namespace',
      'passwd:     files',
      'group:      files',
      'shadow:     files',
      'gshadow:    files',
      'hosts:      files dns',
      'networks:   files',
      'protocols:  files',
      'services:   files',
      'ethers:     files',
      'rpc:        files',
      'netgroup:   files',
      '',
    ].join('\n'),
  };
}

function writeFiles(dir) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  for (const [name, text] of Object.entries(fixtureFiles())) fs.writeFileSync(path.join(dir, name), text, { mode: 0o644 });
}

// ---------------------------------------------------------------------------------------------------------------
// Children

function serverArgs(logFile) {
  const args = [SERVER_JS, '--host', '127.0.0.1', '--port', '53', '--log', logFile, '--exit-on-stdin-close'];
  if (process.env.NETLENS_DNS_SLOW_DELAY_MS) args.push('--slow-delay-ms', process.env.NETLENS_DNS_SLOW_DELAY_MS);
  if (ipv6Works) args.push('--extra-host', '::1');
  return args;
}
let ipv6Works = true;

/**
 * Starts the server (own process group, so a terminal ^C goes to CMD and not to it) and resolves once it
 * printed READY. Its stdin stays a pipe to us: if we die, even by SIGKILL, it sees EOF and exits.
 */
function startServer(file, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'inherit'], detached: true });
    let out = '';
    let settled = false;
    const fail = (err) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      reject(err);
    };
    const deadline = setTimeout(() => fail(new Error(`DNS server not ready after ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    child.on('error', fail);
    child.on('exit', (code, signal) => fail(new Error(`DNS server exited before READY (${signal || `exit ${code}`})`)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const nl = out.indexOf('\n');
      if (nl < 0 || settled) return;
      const line = out.slice(0, nl);
      if (!/^READY \S+ 53$/.test(line)) return fail(new Error(`unexpected line from DNS server: ${JSON.stringify(line)}`));
      settled = true;
      clearTimeout(deadline);
      resolve(child);
    });
  });
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM, then SIGKILL after a grace period; resolves when the child is gone. */
function stopChild(child, signal = 'SIGTERM') {
  if (!child || exited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (!exited(child)) child.kill('SIGKILL');
    }, STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

function killPids(pids) {
  for (const pid of pids) {
    if (pid === process.pid) continue;
    try {
      process.kill(pid, 'SIGKILL');
      trace(`killed leftover process ${pid}`);
    } catch {
      // already gone
    }
  }
}

/**
 * Runs CMD with stdio inherited and resolves with its exit code. SIGINT/SIGTERM/SIGHUP to us are passed on to
 * CMD; another one more than a second later kills it. (A terminal ^C reaches CMD, us and, without root, our
 * outer half too, all at once: those copies must not count as "again".) The caller cleans up afterwards.
 */
function runCommand(file, args, env, hooks) {
  return new Promise((resolve) => {
    const child = spawn(file, args, { stdio: 'inherit', env });
    let firstSignalAt;
    hooks.onSignal = (signal) => {
      if (exited(child)) return;
      if (firstSignalAt === undefined) {
        firstSignalAt = Date.now();
        child.kill(signal);
      } else if (Date.now() - firstSignalAt > 1000) {
        child.kill('SIGKILL');
      }
    };
    child.on('error', (err) => {
      say(`cannot run ${file}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(signal ? signalExitCode(signal) : code === null ? 1 : code));
  });
}

/** Signal handling shared by all modes: the current phase decides what a signal does. */
function installSignals(hooks) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      hooks.lastSignal = signal;
      if (hooks.onSignal) hooks.onSignal(signal);
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Root: a named namespace with `ip netns`

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Namespaces left by a wrapper that was SIGKILLed (its pid is gone). */
function removeStaleNamespaces() {
  const names = new Set();
  for (const dir of ['/var/run/netns', '/etc/netns']) {
    try {
      for (const n of fs.readdirSync(dir)) if (n.startsWith(NS_PREFIX)) names.add(n);
    } catch {
      // no such directory
    }
  }
  for (const name of names) {
    const pid = Number(name.slice(NS_PREFIX.length));
    if (!Number.isInteger(pid) || pid <= 0 || pidAlive(pid)) continue;
    say(`removing stale namespace ${name} (its wrapper, pid ${pid}, is gone)`);
    try {
      if (fs.existsSync(path.join('/var/run/netns', name))) {
        killPids(nsPids(name));
        run('ip', ['netns', 'del', name]);
      }
    } catch (err) {
      say(`could not delete ${name}: ${err.message}`);
    }
    fs.rmSync(path.join('/etc/netns', name), { recursive: true, force: true });
  }
}

function nsPids(ns) {
  try {
    return run('ip', ['netns', 'pids', ns]).split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function runWithIpNetns(opts, hooks) {
  const t0 = process.hrtime.bigint();
  removeStaleNamespaces();
  const ns = `${NS_PREFIX}${process.pid}`;
  const etcDir = path.join('/etc/netns', ns);
  const state = { ns: false, etc: false, tmp: undefined, server: undefined };

  const cleanup = async () => {
    const t = process.hrtime.bigint();
    hooks.onSignal = undefined;
    if (!state.ns && !state.etc && !state.tmp) return;
    await stopChild(state.server);
    if (state.ns) {
      killPids(nsPids(ns)); // whatever CMD left running in there (browsers, editors)
      try {
        run('ip', ['netns', 'del', ns]);
      } catch (err) {
        say(`ip netns del ${ns} failed: ${err.message}`);
      }
      state.ns = false;
    }
    if (state.etc) fs.rmSync(etcDir, { recursive: true, force: true });
    state.etc = false;
    removeTmp(state, opts);
    trace(`teardown ${ms(t)}`);
  };
  // Last resort if something throws past us: synchronous, best effort.
  const onExit = () => {
    if (state.server && !exited(state.server)) state.server.kill('SIGKILL');
    if (state.ns) spawnSync(tool('ip'), ['netns', 'del', ns], { stdio: 'ignore' });
    if (state.etc) fs.rmSync(etcDir, { recursive: true, force: true });
  };
  process.on('exit', onExit);

  try {
    try {
      run('ip', ['netns', 'add', ns]);
      state.ns = true;
    } catch (err) {
      return { fallback: err.message };
    }
    hooks.onSignal = () => undefined; // set-up is short; the signal is acted on right after it
    state.etc = true;
    writeFiles(etcDir);
    state.tmp = makeTmp();
    const logFile = path.join(state.tmp, 'queries.log');
    run('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
    run('ip', ['-n', ns, 'addr', 'add', LO_V4, 'dev', 'lo']);
    try {
      run('ip', ['-n', ns, '-6', 'addr', 'add', LO_V6, 'dev', 'lo', 'nodad']);
    } catch (err) {
      ipv6Works = false;
      say(`no IPv6 in the namespace (${err.message}); IPv6 lookups will not work`);
    }
    state.server = await startServer(tool('ip'), ['netns', 'exec', ns, process.execPath, ...serverArgs(logFile)]);
    trace(`setup ${ms(t0)} (namespace ${ns}, server pid ${state.server.pid})`);
    if (hooks.lastSignal) return { code: signalExitCode(hooks.lastSignal) };

    const env = fixtureEnv(ns, logFile);
    const code = await runCommand(tool('ip'), ['netns', 'exec', ns, ...opts.cmd], env, hooks);
    return { code };
  } finally {
    await cleanup();
    process.off('exit', onExit);
  }
}

function fixtureEnv(ns, logFile) {
  return {
    ...process.env,
    NETLENS_TEST_NETNS: ns,
    NETLENS_DNS_FIXTURE_LOG: logFile,
    NETLENS_DNS_FIXTURE: '1',
    NETLENS_DNS_SLOW_DELAY_MS: process.env.NETLENS_DNS_SLOW_DELAY_MS || '3000',
  };
}

const TMP_PREFIX = 'netlens-dns-';

/** A temp dir named after our pid, so that the next run can remove it if we are SIGKILLed. */
function makeTmp() {
  for (const name of fs.readdirSync(os.tmpdir())) {
    const m = /^netlens-dns-(\d+)-/.exec(name);
    if (!m || pidAlive(Number(m[1]))) continue;
    const dir = path.join(os.tmpdir(), name);
    if (fs.existsSync(path.join(dir, 'KEEP'))) continue; // --keep-log
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // someone else's
    }
  }
  return fs.mkdtempSync(path.join(os.tmpdir(), `${TMP_PREFIX}${process.pid}-`));
}

function removeTmp(state, opts) {
  if (!state.tmp) return;
  if (opts.keepLog) {
    fs.writeFileSync(path.join(state.tmp, 'KEEP'), '');
    say(`query log kept in ${path.join(state.tmp, 'queries.log')}`);
  } else fs.rmSync(state.tmp, { recursive: true, force: true });
  state.tmp = undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// No root: a user namespace

const UNSHARE_OUTER = ['--user', '--map-root-user', '--net', '--mount'];

function userNamespacesWork() {
  const r = spawnSync(tool('unshare'), [...UNSHARE_OUTER, '--', tool('ip'), 'link', 'set', 'lo', 'up'], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (r.error) return r.error.message;
  if (r.status !== 0) return (r.stderr || `unshare exited ${r.status}`).trim();
  return undefined;
}

/** Outer half: re-run this script as root of a new user+network+mount namespace (unshare execs, same pid). */
async function runWithUserns(opts, hooks) {
  const why = userNamespacesWork();
  if (why) return { fallback: why };
  const uid = process.getuid ? process.getuid() : 0;
  const gid = process.getgid ? process.getgid() : 0;
  const args = [...UNSHARE_OUTER, '--', process.execPath, __filename, '--inner-userns', `--as-user=${uid}:${gid}`];
  if (opts.keepLog) args.push('--keep-log');
  args.push('--', ...opts.cmd);
  const code = await runCommand(tool('unshare'), args, process.env, hooks);
  return { code };
}

function myNetns() {
  return fs.readlinkSync('/proc/self/ns/net');
}

/** Processes in our network namespace other than us (only our own descendants can be in it). */
function pidsInMyNetns() {
  const mine = myNetns();
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readlinkSync(`/proc/${entry}/ns/net`) === mine) pids.push(Number(entry));
    } catch {
      // gone, or not ours
    }
  }
  return pids;
}

/** Inner half: we are (fake) root in fresh namespaces; bind the files over /etc, set up lo, serve, run CMD. */
async function runInsideUserns(opts, hooks) {
  const t0 = process.hrtime.bigint();
  const state = { tmp: makeTmp(), server: undefined };
  const cleanup = async () => {
    const t = process.hrtime.bigint();
    hooks.onSignal = undefined;
    await stopChild(state.server);
    killPids(pidsInMyNetns());
    removeTmp(state, opts);
    trace(`teardown ${ms(t)}`);
  };
  const onExit = () => {
    if (state.server && !exited(state.server)) state.server.kill('SIGKILL');
  };
  process.on('exit', onExit);
  try {
    hooks.onSignal = () => undefined;
    const etc = path.join(state.tmp, 'etc');
    writeFiles(etc);
    fs.chmodSync(state.tmp, 0o755);
    for (const name of ['resolv.conf', 'hosts', 'nsswitch.conf']) {
      // /etc/resolv.conf may be a symlink (systemd-resolved): bind over what it points at.
      const target = fs.realpathSync(path.join('/etc', name));
      run('mount', ['--bind', path.join(etc, name), target]);
    }
    run('ip', ['link', 'set', 'lo', 'up']);
    run('ip', ['addr', 'add', LO_V4, 'dev', 'lo']);
    try {
      run('ip', ['-6', 'addr', 'add', LO_V6, 'dev', 'lo', 'nodad']);
    } catch (err) {
      ipv6Works = false;
      say(`no IPv6 in the namespace (${err.message}); IPv6 lookups will not work`);
    }
    const logFile = path.join(state.tmp, 'queries.log');
    state.server = await startServer(process.execPath, serverArgs(logFile));
    trace(`setup ${ms(t0)} inside the user namespace (server pid ${state.server.pid})`);
    if (hooks.lastSignal) return { code: signalExitCode(hooks.lastSignal) };

    const env = fixtureEnv(`userns-${process.pid}`, logFile);
    const asUser = opts.asUser;
    // Give CMD back its real uid (a nested user namespace), so e.g. Chromium does not see itself as root.
    const code =
      asUser && asUser.uid !== 0
        ? await runCommand(tool('unshare'), ['--user', `--map-user=${asUser.uid}`, `--map-group=${asUser.gid}`, '--', ...opts.cmd], env, hooks)
        : await runCommand(opts.cmd[0], opts.cmd.slice(1), env, hooks);
    return { code };
  } finally {
    await cleanup();
    process.off('exit', onExit);
  }
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const hooks = { onSignal: undefined, lastSignal: undefined };
  installSignals(hooks);

  if (opts.inner) return (await runInsideUserns(opts, hooks)).code;

  if (process.env.NETLENS_DNS_FIXTURE === '1' && process.env.NETLENS_TEST_NETNS && insideFixture()) {
    trace('already inside a fixture namespace; running the command as is');
    return runCommand(opts.cmd[0], opts.cmd.slice(1), process.env, hooks);
  }
  if (!fs.existsSync(SERVER_JS)) {
    say(`${path.relative(process.cwd(), SERVER_JS)} is missing; run \`node esbuild.js\` first`);
    return 2;
  }

  const reasons = [];
  if (process.getuid && process.getuid() === 0) {
    const r = await runWithIpNetns(opts, hooks);
    if (r.fallback === undefined) return r.code;
    reasons.push(`ip netns: ${r.fallback}`);
    trace(`ip netns failed (${r.fallback}); trying a user namespace`);
  }
  const r = await runWithUserns(opts, hooks);
  if (r.fallback === undefined) return r.code;
  reasons.push(`unshare: ${r.fallback}`);

  say(`cannot create a network namespace (${reasons.join('; ')}); name-resolution tests will be skipped`);
  const env = { ...process.env };
  delete env.NETLENS_DNS_FIXTURE;
  delete env.NETLENS_DNS_FIXTURE_LOG;
  delete env.NETLENS_TEST_NETNS;
  return runCommand(opts.cmd[0], opts.cmd.slice(1), env, hooks);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    say(`set-up failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
