// Issue 18 item 4, hostile DNS at the C boundary: the fixture's stress answers (FIXTURE.stress: 300 A + 100 AAAA
// records over TCP, a 17-hop CNAME chain, CNAME targets with a space, a NUL or non-ASCII bytes in a label) go
// through the real CLI, helper and addon, and what `netlens … --json` prints must equal what python3's socket
// module returns in the same namespace: every row intact and in order, or the same error. Run under
// `npm run test:sanitize` too, so a memory error on these shapes is a sanitizer report.
// Truncation at the same boundary: an answer too large for UDP comes back with TC and glibc asks again over TCP;
// the fixture's query log (transport and TC per line) shows that this happened, and the rows must be python3's and
// all of them. When the server closes TCP instead of answering, the addon must fail as python3 does, not hang.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import { promisify } from 'node:util';
import { FIXTURE } from '../fixtures/dns/zone';
import { LOG_LINE, queriesForName, requiredFixtureLogLines } from '../support/fixtureLog';
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

  /** The log lines for `name` since `since`, as [transport, type, outcome] (outcome with ` TC` when truncated). */
  function transportStory(name: string, since: number): string[][] {
    return queriesForName(name, since).map((l) => {
      const m = LOG_LINE.exec(l);
      return m ? [m[1], m[2], `${m[4]}${m[5] ?? ''}`] : [l];
    });
  }

  it('an answer too large for UDP (TC) is asked again over TCP, and getaddrinfo returns every record, as python3 does', async () => {
    const { name, v4 } = FIXTURE.stress.truncated;
    const since = requiredFixtureLogLines().length;
    const rows = (await cli(['getaddrinfo', name, '-', '--family', 'AF_INET', '--type', 'SOCK_STREAM'])) as [string, string, number, string, [string, number]][];
    const story = transportStory(name, since);
    // The server logs before it answers, so both lines are there once the CLI has its answer.
    const udp = story.findIndex(([proto, type, outcome]) => proto === 'udp' && type === 'A' && outcome === 'NOERROR TC');
    const tcp = story.findIndex(([proto, type, outcome]) => proto === 'tcp' && type === 'A' && outcome === 'NOERROR');
    assert.ok(udp >= 0 && tcp > udp, `UDP answered truncated, then the same query over TCP; logged: ${JSON.stringify(story)}`);
    assert.deepEqual(rows, pyInet(name));
    assert.equal(rows.length, v4.length, 'one SOCK_STREAM row per A record');
    assert.deepEqual(rows.map((r) => r[4][0]).sort(), [...v4].sort(), 'every record, none twice');
  });

  it('TCP closed after TC: the addon fails with the error python3 gets, having asked over UDP then TCP', async () => {
    const { name } = FIXTURE.stress.tcpClosed;
    const since = requiredFixtureLogLines().length;
    const got = await cli(['getaddrinfo', name, '-', '--family', 'AF_INET', '--type', 'SOCK_STREAM']);
    const story = transportStory(name, since);
    assert.ok(story.some(([proto, , outcome]) => proto === 'udp' && outcome === 'NOERROR TC'), `a truncated UDP answer; logged: ${JSON.stringify(story)}`);
    assert.ok(story.some(([proto, , outcome]) => proto === 'tcp' && outcome === 'close'), `a TCP query the server closed; logged: ${JSON.stringify(story)}`);
    const expected = pyInet(name);
    assert.ok(!Array.isArray(expected), `python3 fails too (else the fixture does not close TCP): ${JSON.stringify(expected)}`);
    // A hang would end in the client's timeout error and a crash in a helper error: neither equals python's.
    assert.deepEqual(got, expected);
  });
});

/** python3's getaddrinfo(name, None, AF_INET, SOCK_STREAM), shaped as the CLI prints it. */
function pyInet(name: string): Json {
  return python<Json>(
    [
      'try:',
      `    print(json.dumps([[f.name, t.name, p, c, list(sa)] for f, t, p, c, sa in socket.getaddrinfo(${JSON.stringify(name)}, None, socket.AF_INET, socket.SOCK_STREAM)]))`,
      'except OSError as e:',
      "    print(json.dumps({'error': {'type': type(e).__name__, 'errno': e.errno, 'message': '[Errno %d] %s' % (e.errno, e.strerror)}}))",
    ].join('\n')
  );
}
