// Issue 18 item 4, hostile DNS at the C boundary: the fixture's stress answers (FIXTURE.stress: 300 A + 100 AAAA
// records over TCP, a 17-hop CNAME chain, CNAME targets with a space, a NUL or non-ASCII bytes in a label) go
// through the real CLI, helper and addon, and what `netlens … --json` prints must equal what python3's socket
// module returns in the same namespace: every row intact and in order, or the same error. Run under
// `npm run test:sanitize` too, so a memory error on these shapes is a sanitizer report.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import { promisify } from 'node:util';
import { FIXTURE } from '../fixtures/dns/zone';
import { CLI_JS } from '../support/paths';
import { hasPython, python } from '../support/python';

const run = promisify(execFile);

type Json = unknown;

/** `node dist/cli.js FN ARGS --json`: the value printed (exit 0) or the error object (exit 1). */
async function cli(args: string[]): Promise<Json> {
  try {
    const { stdout } = await run(process.execPath, [CLI_JS, args[0], '--json', ...args.slice(1)], { encoding: 'utf8', timeout: 30_000, maxBuffer: 16 * 1024 * 1024 });
    return JSON.parse(stdout) as Json;
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    if (e.code === 1 && e.stdout) return JSON.parse(e.stdout) as Json;
    throw err;
  }
}

/** The same call in python3, shaped as the CLI prints it (enum members by name, tuples as arrays, errors as {error}). */
function py(call: 'getaddrinfo' | 'gethostbyname_ex', name: string): Json {
  const expr =
    call === 'getaddrinfo'
      ? `[[f.name, t.name, p, c, list(sa)] for f, t, p, c, sa in socket.getaddrinfo(${JSON.stringify(name)}, None, 0, socket.SOCK_STREAM, 0, socket.AI_CANONNAME)]`
      : `list(socket.gethostbyname_ex(${JSON.stringify(name)}))`;
  return python<Json>(
    [
      'try:',
      `    print(json.dumps(${expr}))`,
      'except OSError as e:',
      "    print(json.dumps({'error': {'type': type(e).__name__, 'errno': e.errno, 'message': '[Errno %d] %s' % (e.errno, e.strerror)}}))",
    ].join('\n')
  );
}

const NAMES = [FIXTURE.stress.hundreds.name, FIXTURE.stress.chain.head, 'chain-1.netlens.test', ...FIXTURE.stress.escaped.map((e) => e.name)];

const ready = process.env.NETLENS_DNS_FIXTURE !== '1' ? 'NETLENS_DNS_FIXTURE is not set' : !hasPython() ? 'python3 is not available' : !fs.existsSync(CLI_JS) ? `${CLI_JS} is not built` : null;

(ready ? describe.skip : describe)(`hostile DNS at the C boundary: stress answers through the CLI and addon equal python3${ready ? ` — SKIPPED: ${ready}` : ''}`, function () {
  this.timeout(120_000);

  for (const call of ['getaddrinfo', 'gethostbyname_ex'] as const) {
    it(`${call}: 300 A + 100 AAAA records, a 17-hop CNAME chain and targets with a space, a NUL or non-ASCII bytes`, async () => {
      const args = (name: string): string[] => (call === 'getaddrinfo' ? ['getaddrinfo', name, '-', '--type', 'SOCK_STREAM', '--flags', 'AI_CANONNAME'] : ['gethostbyname_ex', name]);
      for (const name of NAMES) assert.deepEqual(await cli(args(name)), py(call, name), `${call}(${name})`);
    });
  }

  it('the 400-record answer arrives whole, in the resolver order python sees (no row lost at the boundary)', async () => {
    const rows = (await cli(['getaddrinfo', FIXTURE.stress.hundreds.name, '-', '--type', 'SOCK_STREAM'])) as [string, string, number, string, [string]][];
    assert.equal(rows.length, 400);
    const addresses = new Set(rows.map((r) => r[4][0]));
    for (const a of [...FIXTURE.stress.hundreds.v4, ...FIXTURE.stress.hundreds.v6]) assert.ok(addresses.has(a), a);
  });
});
