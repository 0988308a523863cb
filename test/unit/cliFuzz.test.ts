// Fuzzing the built CLI (dist/cli.js) with bad command lines for every function: missing and extra arguments,
// unknown options, options without values, huge and binary-ish strings, negative and overflowing numbers, bad
// families. The contract (README "The netlens CLI"): usage errors exit 2 with a usage line on stderr; what Python
// rejects exits 1 with Python's error (checked against python3 for the pure functions); never a JS stack trace,
// never an internal error, never a hang. Generated with fast-check under a fixed seed, run 4 at a time.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import fc from 'fast-check';
import { COMMANDS } from '../../src/cli/commands';
import { atonText, ipAddressText, ipv6Text, urlText } from '../support/arbitraries';
import { CLI_JS } from '../support/paths';
import { PY_CALL, type PyOutcome } from '../support/pyOutcome';
import { hasPython } from '../support/python';
import { pythonBatch } from '../support/pythonBatch';

const SEED = 0xc11f;
const CALL_TIMEOUT_MS = 20_000;
const CONCURRENCY = 4;

/** Positional arity of every command; a command missing here fails the test, so new commands get fuzzed too. */
const ARITY: Readonly<Record<string, [min: number, max: number]>> = {
  gethostname: [0, 0], getfqdn: [0, 1], gethostbyname: [1, 1], gethostbyname_ex: [1, 1], gethostbyaddr: [1, 1], getaddrinfo: [1, 2],
  getnameinfo: [2, 2], dns: [1, 1], backend: [0, 0], getservbyname: [1, 2], getservbyport: [1, 2], getprotobyname: [1, 1], inet_aton: [1, 1],
  inet_ntoa: [1, 1], inet_pton: [2, 2], inet_ntop: [2, 2], constants: [1, 1], addressinfo: [1, 1], urlport: [1, 1], scan: [1, 1], order: [1, 2],
  explain: [1, 1], connect: [2, 2],
};

/** Commands that may ask the resolver (or DNS) when their arguments are valid: fuzzed only inside the fixture namespace. */
const RESOLVING = new Set(['getfqdn', 'gethostbyname', 'gethostbyname_ex', 'gethostbyaddr', 'getaddrinfo', 'getnameinfo', 'dns', 'order', 'explain', 'connect']);

interface Run {
  argv: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
  ms: number;
}

/** The CLI as a user runs it: its own process, stdin closed, bounded by a timeout (a hang is a failure, not a stall). */
function runCli(argv: string[]): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_JS, ...argv], {
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: CALL_TIMEOUT_MS,
      killSignal: 'SIGKILL',
      env: { ...process.env, NETLENS_DEBUG: '', NETLENS_TIMEOUT_MS: '3000' },
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.stdin.end();
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ argv, code, signal, out, err, ms: Date.now() - started }));
  });
}

async function runAll(argvs: readonly string[][]): Promise<Run[]> {
  const results: Run[] = new Array<Run>(argvs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < argvs.length) {
      const k = next++;
      results[k] = await runCli(argvs[k]);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}

/** argv can carry neither NUL nor lone surrogates (Node sends U+FFFD): generate what a shell can really pass. */
const argvSafe = (s: string): string => s.replace(/\0/g, '').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** Python's exceptions, and NetLens' own two (a lookup past its deadline, a helper that could not answer). */
const PYTHON_EXCEPTION = /^((socket\.)?(gaierror|herror)|OSError|OverflowError|UnicodeError|TypeError|ValueError|TimeoutError|NetLensHelperError): ./;
const USAGE = /^netlens( \S+)?: .+\n(usage: netlens |\s*$)/;

/** Everything wrong with one run under the CLI contract ('' when nothing is). */
function contractViolation(r: Run): string {
  if (r.signal !== null) return `killed by ${r.signal} after ${r.ms} ms (a hang?)`;
  if (/\n\s+at \S/.test(r.err) || /internal error/.test(r.err)) return `stack trace or internal error: ${r.err.slice(0, 300)}`;
  if (/^(TypeError|RangeError|ReferenceError|SyntaxError)\b/m.test(r.err) && r.code !== 1) return `a JS exception: ${r.err.slice(0, 300)}`;
  const json = r.argv.includes('--json');
  if (r.code === 2) return USAGE.test(r.err) && r.out === '' ? '' : `exit 2 without a usage line: ${JSON.stringify(r.err.slice(0, 300))}`;
  if (r.code === 1) {
    const last = r.err.trimEnd().split('\n').pop() ?? '';
    if (!PYTHON_EXCEPTION.test(last)) return `exit 1 without Python's error on stderr: ${JSON.stringify(r.err.slice(0, 300))}`;
    if (json) {
      const parsed = parseJson(r.out) as { error?: { type?: unknown; message?: unknown } } | undefined;
      if (typeof parsed?.error?.type !== 'string' || typeof parsed.error.message !== 'string') return `exit 1 --json without {error}: ${r.out.slice(0, 300)}`;
    }
    return '';
  }
  if (r.code === 0) return json && r.argv.every((a) => a !== '--help') && parseJson(r.out) === undefined ? `exit 0 --json with bad JSON: ${r.out.slice(0, 300)}` : '';
  return `exit status ${r.code}: ${r.err.slice(0, 300)}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const huge = (n: number, unit: string): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** Arguments that stress a parser: numbers past every limit, bad families, huge and binary-ish text. */
const badArg: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '-', '--', '-1', '-0', '+1', '0', '00', '65535', '65536', '2147483648', '-2147483649', '9223372036854775808', '18446744073709551616', '1e3', '0x10', ' 80', '1_000', '\u0663',
    'AF_INET', 'AF_INET6', 'AF_UNSPEC', 'AF_UNIX', 'AF_BOGUS', 'inet6', 'af_inet', '2', '10', '999', 'SOCK_STREAM', 'tcp', 'http', 'NI_', 'AI_', 'localhost', '127.0.0.1', '::1', 'fe80::1%eth0',
    '7f000001', '0x7f000001', 'zz', '/', '/dev/null', '/nonexistent/x', '/proc/self/mem', '1.2.3.4.', 'http://h:99999/', '\u202eevil.test', 'a..b', '\u00ff\u00fe', '%s%n', '$(id)', '`id`', "'; rm -rf /", '../../etc/passwd'),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.constantFrom(huge(100_000, 'a'), huge(100_000, '9'), huge(70_000, 'a.'), huge(60_000, '\u00e9'), huge(50_000, ':'))
);

/** Options: a command's own (with bad values, or without one), unknown ones, --json, and the `--` terminator. */
const badOptions = (own: readonly string[]): fc.Arbitrary<string[]> =>
  fc.oneof(
    fc.tuple(fc.constantFrom(...own, 'bogus', 'JSON', 'family', 'flags'), badArg).map(([o, v]) => [`--${o}`, v]),
    fc.tuple(fc.constantFrom(...own, 'json', 'x'), badArg).map(([o, v]) => [`--${o}=${v}`]),
    fc.constantFrom<string[]>(['--json'], ['--'], ['--json=1'], ['---'], ['--='], own.length ? [`--${own[0]}`] : ['--bogus'])
  );

/** Generated command lines: `pure` per in-process function, `resolving` per resolver function (each may wait for DNS). */
function fuzzArgv(seed: number, pure: number, resolving: number): string[][] {
  return COMMANDS.flatMap((c, k) => {
    const own = [...(c.valueOptions ?? []), ...(c.switches ?? [])];
    const [min, max] = ARITY[c.name];
    // Mostly the right number of arguments (so the bad values reach the function), sometimes one too few or many.
    const positionals = fc.array(badArg, { minLength: Math.max(0, min - 1), maxLength: max + 1 });
    const options = fc.oneof(fc.constant([]), fc.array(badOptions(own), { maxLength: 2 }));
    const argv = fc.tuple(positionals, options, fc.boolean()).map(([p, o, json]) => [c.name, ...[...p, ...o.flat(), ...(json ? ['--json'] : [])].map(argvSafe)]);
    const runs = RESOLVING.has(c.name) ? resolving : pure;
    return runs > 0 ? fc.sample(argv, { seed: seed + k, numRuns: runs }) : [];
  });
}

describe('CLI fuzz: bad command lines for every function (dist/cli.js, fixed seed)', function () {
  this.timeout(300_000);
  const inNamespace = process.env.NETLENS_DNS_FIXTURE === '1';

  it('knows the arity of every command', function () {
    assert.deepStrictEqual(COMMANDS.map((c) => c.name).filter((n) => !(n in ARITY)), []);
  });

  it('missing arguments, extra arguments and unknown options: exit 2 and a usage line, for every command', async function () {
    const cases: string[][] = [[], [''], ['nosuchfunction'], ['--bogus'], ['GETADDRINFO', 'localhost']];
    for (const c of COMMANDS) {
      const [min, max] = ARITY[c.name];
      // '1' is numeric for every resolver function: if an arity check were missing, nothing would reach DNS.
      if (min > 0) cases.push([c.name, ...Array<string>(min - 1).fill('1'), '--json']);
      cases.push([c.name, ...Array<string>(max + 1).fill('1')], [c.name, ...Array<string>(min).fill('1'), '--no-such-option']);
      const needsValue = c.valueOptions?.[0];
      cases.push([c.name, ...Array<string>(min).fill('1'), needsValue === undefined ? '--json=yes' : `--${needsValue}`]);
    }
    const runs = await runAll(cases);
    console.log(`      CLI usage errors: ${runs.length} command lines, ${runs.filter((r) => r.code === 2).length} exit 2`);
    const bad = runs.map((r) => ({ argv: r.argv, code: r.code, why: r.code === 2 ? contractViolation(r) : `exit ${r.code}, expected 2: ${r.err.slice(0, 200)}` })).filter((b) => b.why !== '');
    assert.deepStrictEqual(bad.slice(0, 8), []);
  });

  it('regression (found by this fuzz test): scan of an endless device fails with EFBIG instead of exhausting memory', async function () {
    if (!fs.existsSync('/dev/zero')) this.skip();
    const [r] = await runAll([['scan', '/dev/zero', '--json']]);
    assert.deepStrictEqual([r.code, contractViolation(r)], [1, '']);
    assert.match(r.err, /^OSError: \[Errno 27\] File too large \(scan reads at most \d+ MiB\): '\/dev\/zero'\n$/);
  });

  it('generated bad command lines follow the contract: exit 0, 1 (Python error) or 2 (usage), no stack trace, no hang', async function () {
    const argvs = fuzzArgv(SEED, 6, inNamespace ? 3 : 0);
    const runs = await runAll(argvs);
    const byCode = new Map<string, number>();
    for (const r of runs) byCode.set(String(r.code ?? r.signal), (byCode.get(String(r.code ?? r.signal)) ?? 0) + 1);
    const slowest = Math.max(...runs.map((r) => r.ms));
    console.log(`      CLI fuzz: ${runs.length} generated command lines${inNamespace ? '' : ' (resolver functions skipped: not in the DNS fixture namespace)'}, exit codes ${JSON.stringify(Object.fromEntries(byCode))}, slowest ${slowest} ms`);
    const bad = runs.map((r) => ({ argv: r.argv.map((a) => (a.length > 80 ? `${a.slice(0, 40)}…(${a.length} chars)` : a)), why: contractViolation(r) })).filter((b) => b.why !== '');
    assert.deepStrictEqual(bad.slice(0, 8), []);
  });

  it("what Python rejects exits 1 with Python's exception, word for word (inet_aton, inet_pton, addressinfo, urlport)", async function () {
    if (!hasPython()) this.skip();
    const pick = (arb: fc.Arbitrary<string>, seed: number): string[] => fc.sample(arb.map(argvSafe).filter((s) => !s.startsWith('--')), { seed, numRuns: 15 });
    const inputs = { aton: pick(atonText, SEED + 100), pton: pick(ipv6Text, SEED + 101), addr: pick(ipAddressText, SEED + 102), url: pick(urlText, SEED + 103) };
    const py = pythonBatch<Record<keyof typeof inputs, PyOutcome<unknown>[]>>(
      `${PY_CALL}
def port(u):
    p = urlparse(u)
    return p.port
print(json.dumps({
  'aton': [call(lambda s=s: socket.inet_aton(s).hex()) for s in data['aton']],
  'pton': [call(lambda s=s: socket.inet_pton(socket.AF_INET6, s).hex()) for s in data['pton']],
  'addr': [call(lambda s=s: str(ipaddress.ip_address(s).packed.hex())) for s in data['addr']],
  'url': [call(lambda s=s: port(s)) for s in data['url']],
}))`,
      inputs
    );
    const argvs = [
      ...inputs.aton.map((s) => ['inet_aton', s, '--json']),
      ...inputs.pton.map((s) => ['inet_pton', 'AF_INET6', s, '--json']),
      ...inputs.addr.map((s) => ['addressinfo', s, '--json']),
      ...inputs.url.map((s) => ['urlport', s, '--json']),
    ];
    const expected = [...py.aton, ...py.pton, ...py.addr, ...py.url];
    const runs = await runAll(argvs);
    const bad: unknown[] = [];
    runs.forEach((r, k) => {
      const want = expected[k];
      const json = parseJson(r.out) as { error?: { type: string; errno: number | null; message: string }; packed?: string; port?: number | null; portSource?: string | null } | string | undefined;
      let got: unknown;
      if (r.code === 1 && typeof json === 'object' && json.error) got = [false, [json.error.type, json.error.errno, json.error.message]];
      else if (r.code === 0 && argvs[k][0] === 'addressinfo' && typeof json === 'object') got = [true, json.packed];
      else if (r.code === 0 && argvs[k][0] === 'urlport' && typeof json === 'object') got = [true, json.portSource === 'explicit' ? json.port : null];
      else if (r.code === 0) got = [true, json];
      else got = { code: r.code, err: r.err.slice(0, 200) };
      // Python's message text, with errno, as the CLI prints it: "[Errno 97] ..." vs message and errno apart.
      const norm = (o: unknown): string => JSON.stringify(o);
      if (norm(got) !== norm(want) || contractViolation(r) !== '') bad.push({ argv: r.argv, python: want, netlens: got, contract: contractViolation(r) });
    });
    const rejected = expected.filter((e) => !e[0]).length;
    console.log(`      CLI vs python3: ${runs.length} command lines (${rejected} that Python rejects), ${bad.length} differences`);
    assert.deepStrictEqual(bad.slice(0, 8), []);
    assert.ok(rejected >= runs.length / 5, `the generator should make Python raise often, got ${rejected}`);
  });
});
