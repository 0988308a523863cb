// The C harness (test/native-harness/) must tell the truth about an addon, or the musl results mean nothing: here
// the same glibc build of the addon (build/Release, made by `npm install`) answers the same calls once in this
// Node and once through the harness built for this machine, and the answers must be identical.
// scripts/test-targets.js runs it inside the DNS fixture namespace with NETLENS_HARNESS = [harness, addon].
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const HARNESS: string[] = process.env.NETLENS_HARNESS ? (JSON.parse(process.env.NETLENS_HARNESS) as string[]) : [];

type Call = [string, ...(string | number | null)[]];

/** The calls, in the harness's argument form and as JS arguments. */
const CALLS: Call[] = [
  ['backend'],
  ['constants'],
  ['getaddrinfo', 'localhost', '80', 0, 0, 0, 2],
  ['getaddrinfo', '127.0.0.1', 'http', 2, 1, 0, 4],
  ['getaddrinfo', null, '8080', 10, 1, 0, 1],
  ['getaddrinfo', 'localhost', 'nosuchservice', 0, 0, 0, 0],
  ['getaddrinfo', 'localhost', null, 0, 0, 0, 4],
  ['getaddrinfo', 42, null, 0, 0, 0, 0],
  ['getaddrinfo', 'local\0host', null, 0, 0, 0, 0],
  ['getnameinfo', '127.0.0.1', 22, 0, 0, 0],
  ['getnameinfo', '::1', 443, 0, 0, 3],
  ['getnameinfo', '127.0.0.1', 70000, 0, 0, 0],
  ['gethostbyname2', 'localhost', 2],
  ['gethostbyaddr', '127.0.0.1'],
  ['gethostbyaddr', 'localhost'],
  ['nssHostsLookup', 'files', 'localhost', 0],
  ['gethostname'],
  ['ifIndexToName', 1],
  ['ifNameToIndex', 'lo'],
  ['gaiStrerror', -2],
  ['hstrerror', 1],
];

function encode(arg: string | number | null): string {
  if (arg === null) return 'null';
  if (typeof arg === 'number') return `n:${arg}`;
  return arg.includes('\0') ? `x:${Buffer.from(arg, 'utf8').toString('hex')}` : `s:${arg}`;
}

/** An Error as the harness prints one: class, message, then its own enumerable properties. */
function errorForm(e: unknown): Record<string, unknown> {
  const err = e as Error & Record<string, unknown>;
  const out: Record<string, unknown> = { $error: err.constructor.name, message: err.message };
  for (const key of Object.keys(err)) out[key] = err[key];
  return out;
}

/** A value as the harness prints it: frozen objects carry $frozen, promises their settlement. */
function valueForm(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(valueForm);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = valueForm(x);
    if (Object.isFrozen(v)) out.$frozen = true;
    return out;
  }
  return v;
}

async function inNode(addon: Record<string, unknown>, [name, ...args]: Call): Promise<{ call: string; threw: boolean; value: unknown }> {
  const target = addon[name];
  if (typeof target !== 'function') return { call: name, threw: false, value: valueForm(target) };
  let returned: unknown;
  try {
    returned = (target as (...a: unknown[]) => unknown)(...args);
  } catch (e) {
    return { call: name, threw: true, value: errorForm(e) };
  }
  if (!(returned instanceof Promise)) return { call: name, threw: false, value: valueForm(returned) };
  try {
    return { call: name, threw: false, value: { $promise: 'resolved', value: valueForm(await returned) } };
  } catch (e) {
    return { call: name, threw: false, value: { $promise: 'rejected', value: errorForm(e) } };
  }
}

(HARNESS.length ? describe : describe.skip)(
  HARNESS.length ? `the C harness answers as Node does (${HARNESS.join(' ')})` : 'C harness self-check — SKIPPED: NETLENS_HARNESS is not set (npm run test:targets)',
  () => {
    it('every call: the same value, the same rejection, the same thrown error', async () => {
      const args = CALLS.flatMap(([name, ...rest], i) => [...(i > 0 ? ['--'] : []), name, ...rest.map(encode)]);
      const r = spawnSync(HARNESS[0], [...HARNESS.slice(1), ...args], { encoding: 'utf8', shell: false });
      assert.equal(r.status, 0, r.stderr);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      assert.equal(lines[0].loaded, true, JSON.stringify(lines[0]));
      const mod: { exports: Record<string, unknown> } = { exports: {} };
      process.dlopen(mod, HARNESS[1]);
      assert.deepEqual(lines[0].exports, Object.keys(mod.exports));
      for (const [i, call] of CALLS.entries()) {
        assert.deepEqual(lines[i + 1], await inNode(mod.exports, call), JSON.stringify(call));
      }
    });
  }
);
