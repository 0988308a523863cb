// The addon's code paths for the platforms this machine cannot run, built and run here on glibc:
//   -DNETLENS_HAVE_GETHOSTBY_R=0  gethostbyname / gethostbyaddr under one process-wide lock, the answer copied
//                                 before the lock is released (native/netdb_nonreentrant.c: what macOS gets,
//                                 and Windows without the lock);
//   -DNETLENS_HAVE_NSS=0          no NSS modules: nssHostsLookup rejects with ENOSYS (musl, macOS, Windows).
// glibc's own gethostbyname is the same lookup as its gethostbyname_r, so the variant must answer exactly as the
// regular build (build/Release, or NETLENS_TEST_ADDON) and as python3's socket module; under load its answers must not mix.
//
// The tests that resolve names run only inside the DNS fixture namespace (NETLENS_DNS_FIXTURE=1, see
// scripts/with-test-netns.js), whose /etc/hosts and name server are ours: a host's /etc/hosts may lack a name
// (ip6-localhost, ::1), and then glibc would ask the host's name server.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NativeHostent, NativeResolver, NativeResolverError } from '../../src/helper/nativeResolver';
import { FIXTURE } from '../fixtures/dns/zone';
import { REPO_ROOT, TEST_ADDON, TEST_ADDON_CFLAGS } from '../support/paths';
import { hasPython, python } from '../support/python';

const REGULAR = TEST_ADDON;
const NODE_INCLUDE = path.resolve(path.dirname(process.execPath), '..', 'include', 'node');
const IN_FIXTURE = process.env.NETLENS_DNS_FIXTURE === '1';

/** Skips a test that resolves names unless it runs inside the DNS fixture namespace. */
function needFixture(ctx: Mocha.Context): void {
  if (!IN_FIXTURE) {
    console.log('      (skipped: resolves names; run it in `node scripts/with-test-netns.js -- ...`)');
    ctx.skip();
  }
}

function load(file: string): NativeResolver {
  const mod: { exports: unknown } = { exports: {} };
  process.dlopen(mod, file);
  return mod.exports as NativeResolver;
}

/** The addon built from native/*.c with `defines`, by the system C compiler; null (with the reason) if it cannot be. */
function buildVariant(dir: string, defines: string[]): { file: string } | { skip: string } {
  if (process.platform !== 'linux') return { skip: 'not Linux' };
  if (!fs.existsSync(path.join(NODE_INCLUDE, 'node_api.h'))) return { skip: `no Node-API headers in ${NODE_INCLUDE}` };
  const sources = fs.readdirSync(path.join(REPO_ROOT, 'native')).filter((f) => f.endsWith('.c')).map((f) => path.join(REPO_ROOT, 'native', f));
  const file = path.join(dir, 'netlens_resolver.node');
  const flags = ['-shared', '-fPIC', '-O2', '-std=gnu11', '-Wall', '-Wextra', '-Werror', '-DNAPI_VERSION=8', '-fvisibility=hidden'];
  const run = spawnSync('cc', [...flags, ...TEST_ADDON_CFLAGS, ...defines, `-I${NODE_INCLUDE}`, ...sources, '-o', file], { encoding: 'utf8' });
  if (run.error) return { skip: `no C compiler (${run.error.message})` };
  assert.equal(run.status, 0, `cc failed:\n${run.stderr}`);
  assert.equal(run.stderr, '', 'the build prints no warning');
  return { file };
}

type Outcome = { ok: NativeHostent } | { kind: string; code: number; message: string };

async function outcome(promise: Promise<NativeHostent>): Promise<Outcome> {
  try {
    return { ok: await promise };
  } catch (err) {
    const e = err as NativeResolverError;
    return { kind: e.kind, code: e.code, message: e.message };
  }
}

describe('native addon: the macOS / Windows and non-glibc code paths, built and run on glibc', function () {
  this.timeout(60_000);
  let dir = '';
  let variant: NativeResolver;
  let regular: NativeResolver | null = null;

  before(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-native-variant-'));
    const built = buildVariant(dir, ['-DNETLENS_HAVE_GETHOSTBY_R=0', '-DNETLENS_HAVE_NSS=0']);
    if ('skip' in built) {
      console.log(`    (skipped: ${built.skip})`);
      return this.skip();
    }
    variant = load(built.file);
    if (fs.existsSync(REGULAR)) regular = load(REGULAR);
  });

  after(function () {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports gethostbyname / gethostbyaddr and a mutex, no _r call and no dl* (the variant really is the other path)', function () {
    const text = spawnSync('objdump', ['-T', path.join(dir, 'netlens_resolver.node')], { encoding: 'utf8' });
    if (text.status !== 0) return this.skip();
    const undefinedSymbols = text.stdout.split('\n').filter((l) => l.includes('*UND*')).map((l) => l.trim().split(/\s+/).pop() ?? '');
    for (const needed of ['gethostbyname', 'gethostbyaddr', 'pthread_mutex_lock', 'pthread_mutex_unlock']) assert.ok(undefinedSymbols.includes(needed), needed);
    assert.deepEqual(undefinedSymbols.filter((s) => /_r$/.test(s) || /^(dl|uv_dl)/.test(s)), []);
  });

  it("answers exactly as python's gethostbyname_ex / gethostbyaddr (hosts file, numeric, CNAME chain, several addresses, PTR)", async function () {
    needFixture(this);
    if (!hasPython()) return this.skip();
    const C = variant.constants;
    // Names python's gethostbyname_ex can ask (it first resolves the name for AF_INET with getaddrinfo).
    const names = ['localhost', '127.0.0.1', FIXTURE.cnameChain.alias, FIXTURE.multiA.name, 'hostsonly.netlens.test'];
    const addresses = ['127.0.0.1', '::1', FIXTURE.ptr.forward.v4, FIXTURE.ptr.forward.v6];
    const py = python<{ byName: [string, string[], string[]][]; byAddr: [string, string[], string[]][] }>(
      `print(json.dumps({'byName': [socket.gethostbyname_ex(n) for n in ${JSON.stringify(names)}], 'byAddr': [socket.gethostbyaddr(a) for a in ${JSON.stringify(addresses)}]}))`
    );
    for (const [i, name] of names.entries()) {
      const h = await variant.gethostbyname2(name, C.AF_INET);
      assert.deepEqual([h.name, h.aliases, h.addresses], py.byName[i], name);
      assert.equal(h.family, C.AF_INET);
    }
    for (const [i, address] of addresses.entries()) {
      const h = await variant.gethostbyaddr(address);
      assert.deepEqual([h.name, h.aliases, h.addresses], py.byAddr[i], address);
    }
  });

  it('gives every caller its own copy under load: 600 concurrent calls on the threadpool answer as one call does', async function () {
    needFixture(this);
    const C = variant.constants;
    const calls: [string, () => Promise<NativeHostent>][] = [
      ['localhost', () => variant.gethostbyname2('localhost', C.AF_INET)],
      ['127.0.0.1', () => variant.gethostbyname2('127.0.0.1', C.AF_INET)],
      ['localhost/6', () => variant.gethostbyname2('localhost', C.AF_INET6)],
      ['addr 127.0.0.1', () => variant.gethostbyaddr('127.0.0.1')],
      ['addr ::1', () => variant.gethostbyaddr('::1')],
      ['multi', () => variant.gethostbyname2(FIXTURE.multiA.name, C.AF_INET)],
      ['chain', () => variant.gethostbyname2(FIXTURE.cnameChain.alias, C.AF_INET)],
    ];
    const expected = new Map<string, string>();
    for (const [label, call] of calls) expected.set(label, JSON.stringify(await outcome(call())));
    const jobs = Array.from({ length: 600 }, (_, i) => calls[i % calls.length]);
    const answers = await Promise.all(jobs.map(async ([label, call]) => [label, JSON.stringify(await outcome(call()))] as const));
    const wrong = answers.filter(([label, answer]) => answer !== expected.get(label));
    assert.deepEqual(wrong.slice(0, 3), [], `${wrong.length} of ${answers.length} answers differ from the single call's`);
  });

  it('answers as the regular (gethostbyname2_r / gethostbyaddr_r) build, whatever the regular build answers', async function () {
    needFixture(this);
    if (!regular) return this.skip();
    const C = variant.constants;
    const names = ['localhost', '127.0.0.1', 'ip6-localhost', 'ip6-loopback', 'hostsonly.netlens.test', FIXTURE.cnameChain.alias, FIXTURE.multiA.name, FIXTURE.nxdomain, FIXTURE.servfail, FIXTURE.v6only.name];
    const addresses = ['127.0.0.1', '::1', FIXTURE.ptr.forward.v4, FIXTURE.ptr.forward.v6, FIXTURE.ptr.missing.v4, FIXTURE.ptr.servfail.v4];
    const reg = regular;
    for (const name of names) {
      for (const family of [C.AF_INET, C.AF_INET6]) {
        assert.deepEqual(await outcome(variant.gethostbyname2(name, family)), await outcome(reg.gethostbyname2(name, family)), `${name} family ${family}`);
      }
    }
    for (const address of addresses) {
      assert.deepEqual(await outcome(variant.gethostbyaddr(address)), await outcome(reg.gethostbyaddr(address)), address);
    }
    // The failures compared above are real failures, not two empty answers.
    const nx = await outcome(variant.gethostbyname2(FIXTURE.nxdomain, C.AF_INET));
    assert.ok('kind' in nx && nx.kind === 'h' && nx.code === C.HOST_NOT_FOUND, JSON.stringify(nx));
  });

  it('nssHostsLookup rejects with ENOSYS (kind os), the answer the helper reads as "no NSS modules here"', async function () {
    const failed = await variant.nssHostsLookup('files', 'localhost', variant.constants.AF_UNSPEC).then(
      () => null,
      (err: NativeResolverError) => err
    );
    assert.ok(failed, 'rejects');
    assert.equal(failed.kind, 'os');
    assert.equal(failed.code, os.constants.errno.ENOSYS);
  });
});
