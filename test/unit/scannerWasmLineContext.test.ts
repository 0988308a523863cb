// lineContext.ts against its C port (native/scanner/linecontext.c): every regex's matcher against the regex itself,
// the generated sets against the constants, and analyzeLine/lineContext field by field, on every ASCII line of the
// corpora and on random lines of keywords, prompts, options, hosts-file, syslog, inventory and pg_hba lines (and
// near misses of each: a few characters inserted, deleted or replaced). A difference is a bug in the port.
import * as assert from 'assert';
import fc from 'fast-check';
import { MODULE_LINE_WORDS } from '../../src/core/scanner/codeHeuristics';
import {
  analyzeLine,
  COMMAND_OPTIONS_WITH_VALUE,
  COMMAND_PREFIXES,
  FIRST_WORD,
  FIRST_WORDS,
  GETENT_DATABASES,
  HOSTS_FILE_START,
  INVENTORY_HOST,
  KEYWORDS,
  lineContext,
  MAY_HAVE_CONTEXT,
  OPTIONS_WITH_VALUE,
  PG_HBA_LINE,
  SYSLOG_HOST,
  SYSLOG_START,
  type LineContext,
} from '../../src/core/scanner/lineContext';
import { asciiLine } from '../support/asciiLines';
import { corpusAsciiLines, scannerWasmOrSkip, type ScannerWasm } from '../support/scannerWasm';

// The regexes lineContext writes inline (copied from it; the whole-line comparisons check them where they stand).
const NAMESERVER_TWO_VALUES = /^\s*nameserver\s+\S+\s+\S/i;
const NAMESERVER_ADDRESS = /^\s*nameserver\s+[\d.:[]/i;
const valueHasCode = (v: string): boolean => /[(){}=]/.test(v.replace(/\b[a-z_]+=\S*/g, ''));
const DOTTED_WORD = /^\S+\.$/;

/** t_lineContextRegex's numbering: each regex's answer on a whole line as the C gives it. */
const REGEXES: readonly [string, (s: string) => number][] = [
  ['PG_HBA_LINE', (s) => Number(PG_HBA_LINE.test(s))],
  ['SYSLOG_HOST', (s) => SYSLOG_HOST.exec(s)?.[0].length ?? -1],
  ['INVENTORY_HOST', (s) => Number(INVENTORY_HOST.test(s))],
  ['SYSLOG_START', (s) => Number(SYSLOG_START.test(s))],
  ['HOSTS_FILE_START', (s) => Number(HOSTS_FILE_START.test(s))],
  ['FIRST_WORD', (s) => Number(FIRST_WORD.test(s))],
  ['MAY_HAVE_CONTEXT', (s) => Number(MAY_HAVE_CONTEXT.test(s))],
  ['nameserver ID ADDRESS', (s) => Number(NAMESERVER_TWO_VALUES.test(s))],
  ['nameserver ADDRESS', (s) => Number(NAMESERVER_ADDRESS.test(s))],
];

function compareRegexes(wasm: ScannerWasm, s: string, ptr: number): void {
  REGEXES.forEach(([name, ts], k) => {
    const c = wasm.exports.t_lineContextRegex(ptr, s.length, k);
    const want = ts(s);
    if (c !== want) assert.fail(`${name}(${JSON.stringify(s)}): TypeScript ${want}, C ${c}`);
  });
}

/** The two regexes on a value, s.slice(start, end), as lineContext applies them. */
function compareValue(wasm: ScannerWasm, s: string, ptr: number, start: number, end: number): void {
  const v = s.slice(start, end);
  const code = wasm.exports.t_lineContextValue(ptr, s.length, 0, start, end);
  if (code !== Number(valueHasCode(v))) assert.fail(`[(){}=] after the replace on ${JSON.stringify(s)}.slice(${start}, ${end}) = ${JSON.stringify(v)}: TypeScript ${valueHasCode(v)}, C ${code}`);
  const dotted = wasm.exports.t_lineContextValue(ptr, s.length, 1, start, end);
  if (dotted !== Number(DOTTED_WORD.test(v))) assert.fail(`/^\\S+\\.$/ on ${JSON.stringify(v)}: TypeScript ${DOTTED_WORD.test(v)}, C ${dotted}`);
}

/** Every value position: each start to the end of the line, and the line's start to each end. */
function compareValues(wasm: ScannerWasm, s: string, ptr: number): void {
  for (let i = 0; i <= s.length; i++) {
    compareValue(wasm, s, ptr, i, s.length);
    compareValue(wasm, s, ptr, 0, i);
  }
}

const FIELDS = ['strongStart', 'strongEnd', 'strongKind', 'argStart', 'moduleLine', 'imageLine'] as const;
const asInts = (c: LineContext): number[] => [c.strongStart, c.strongEnd, c.strongKind === 'hostsFile' ? 1 : 0, c.argStart, Number(c.moduleLine), Number(c.imageLine)];

/** analyzeLine and lineContext, field by field; true when the line has a context. */
function compareContext(wasm: ScannerWasm, s: string, ptr: number): boolean {
  let has = false;
  for (const full of [0, 1]) {
    const ts = full ? lineContext(s) : analyzeLine(s);
    const want = asInts(ts);
    const got = wasm.ints(wasm.exports.t_lineContext(ptr, s.length, full), 6);
    FIELDS.forEach((f, k) => {
      if (got[k] !== want[k]) assert.fail(`${full ? 'lineContext' : 'analyzeLine'}(${JSON.stringify(s)}).${f}: TypeScript ${want[k]}, C ${got[k]}`);
    });
    has ||= want[0] >= 0 || want[3] >= 0 || want[4] === 1 || want[5] === 1;
  }
  return has;
}

function compareAll(wasm: ScannerWasm, s: string, values = true): boolean {
  const ptr = wasm.put(s);
  compareRegexes(wasm, s, ptr);
  if (values) compareValues(wasm, s, ptr);
  return compareContext(wasm, s, ptr);
}

// ---- Random lines ----

const any = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
const join = (parts: fc.Arbitrary<string>[]): fc.Arbitrary<string> => fc.tuple(...parts).map((xs) => xs.join(''));
/** A word in one of its letter cases. */
const anyCaseOf = (words: readonly string[]): fc.Arbitrary<string> =>
  fc.tuple(any(words), fc.nat(3)).map(([w, k]) => [w, w.toLowerCase(), w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1)][k]);
/** Characters the edits insert: the ones the regexes and the rules test, \s that is not a space, and letters. */
const EDIT_CHARS = [' ', ' ', '\t', '\v', '\f', '\r', '\n', ':', '.', '-', '_', '[', ']', '=', '#', ';', '%', '/', '@', '+', '"', "'", '(', ')', '{', '}', '$', '>', '*', 'a', 'f', 'g', 'z', 'A', 'F', 'T', 'Z', '0', '5', '9', '\x00', '\x7f'];
/** Mostly one of the good choices, sometimes one of the bad ones. */
const mostly = (good: readonly string[], bad: readonly string[]): fc.Arbitrary<string> => fc.oneof({ weight: 4, arbitrary: any(good) }, { weight: 1, arbitrary: any(bad) });
/** A line and its near misses: up to three characters inserted, deleted or replaced (in two lines of five). */
function nearMiss(line: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(), fc.nat(2), any(EDIT_CHARS));
  return fc.tuple(line, fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 2, arbitrary: fc.array(edit, { minLength: 1, maxLength: 3 }) })).map(([s, edits]) => {
    for (const [at, op, ch] of edits) {
      const k = at % (s.length + 1);
      s = op === 0 ? s.slice(0, k) + ch + s.slice(k) : op === 1 ? s.slice(0, k) + s.slice(k + 1) : s.slice(0, k) + ch + s.slice(k + 1);
    }
    return s;
  });
}
const spaces = any(['', '', ' ', '  ', '\t', ' \t']);
const gap = mostly([' ', '  ', '\t', ' \t '], ['', '\v', '\f', '\r']);
/** Words separated by gaps. */
const words = (word: fc.Arbitrary<string>, max: number, min = 0): fc.Arbitrary<string> =>
  fc.array(fc.tuple(gap, word), { minLength: min, maxLength: max }).map((xs) => xs.map(([g, w]) => g + w).join(''));

const HOSTS = ['db.internal', 'app.example.com', 'bastion', 'deploy@bastion', 'user@host:path', 'host:/srv', 'b:c', '10.0.0.1', '192.0.2.53:53', '[2001:db8::53]', '2001:db8::1', 'fe80::1%eth0', '*.example.com', ':8080', '"quoted"', 'a/b', './x', 'build/site.tar.gz', 'user@h/x', 'h:x/y', '@8.8.8.8', 'localhost', 'app.internal:8080', '-'];
const OPTIONS = [...OPTIONS_WITH_VALUE, ...Object.values(COMMAND_OPTIONS_WITH_VALUE).flatMap((set) => [...set]), '-v', '-4', '-6', '-X', '-N', '--verbose', '+short', '+trace', '--', '-', '-pp', '--header="Authorization: Bearer $TOKEN"', "--data='a b c'", '--data="x', '-H=x', '--user-agent=""', "-o='a b'", '-o="', '-o=', '-X=POST'];
const VALUES = ['2222', 'POST', 'GET', 'X', 'hosts', 'ahosts', 'ahostsv4', 'ahostsv6', 'passwd', 'weight=5', 'valid=30s', 'max_fails=3', 'Bearer', 'f(x)', '{', '}', '(', ')', '=', ':=', ';', '.', 'are', 'case-insensitive.', 'names', 'A=b', 'x_y=(1)', 'a=b=c', '#', '# comment', 'x#y', '"a b"', "'a'"];
const GOOD_PROMPTS = ['', '', '', ' ', '\t', '$ ', '# ', '> ', '% ', 'RUN ', 'sudo ', 'exec ', 'time ', 'command ', 'ProxyCommand ', '$ sudo ', '$ sudo time ', '$ sudo time exec ', '$\tsudo  '];
const BAD_PROMPTS = ['Sudo ', 'run ', '$$ ', '$sudo ', '>> ', '$ sudo time exec command ', '\v', '$', 'sudo'];
const KEYWORD_WORDS = [...KEYWORDS.keys(), ...FIRST_WORDS, ...MODULE_LINE_WORDS];
const NOT_KEYWORDS = ['rsync', 'hostx', 'sshd', 'servers', 'img', 'images', 'server.listen', 'host_name', 'ssh-keygen', 'a'.repeat(12), 'a'.repeat(13), 'x'];
const GOOD_SEPARATORS = [' ', ' ', '  ', '\t', '=', '= ', ' = ', ': '];
const BAD_SEPARATORS = [':', ':=', '', '.', ';', '\v', '(', '-'];
const TAILS = ['', '', ';', ' ;', '.', ' .', ' ', '\t', ' # c', '# c', '#', ' ;  ', ';\v', '.\f', ' ;\r', '\v'];
const keyword = fc.oneof({ weight: 5, arbitrary: anyCaseOf(KEYWORD_WORDS) }, { weight: 1, arbitrary: any(NOT_KEYWORDS) });

/** A directive or a command: prompt, keyword, separator, arguments (options, values, hosts), tail. */
const commandLine = nearMiss(
  join([mostly(GOOD_PROMPTS, BAD_PROMPTS), keyword, mostly(GOOD_SEPARATORS, BAD_SEPARATORS), words(fc.oneof(any(OPTIONS), any(VALUES), any(HOSTS), any(HOSTS)), 6, 1), any(TAILS)])
);
/** A keyword followed by noise: the asciiLine fragments and this module's own words. */
const keywordNoise = join([mostly(GOOD_PROMPTS, BAD_PROMPTS), keyword, mostly(GOOD_SEPARATORS, BAD_SEPARATORS), asciiLine([...OPTIONS, ...VALUES, ...HOSTS, ...KEYWORD_WORDS], 12)]);

const IPS = ['10.0.0.1', '127.0.0.1', '::1', '2001:db8::1', 'fe80::1%eth0', 'ff02::2', '203.0.113.9'];
const BAD_IPS = ['fe80::1%', '1.2.3', '1.2.3.4.5', '256.1.1.1', 'cafe', 'dead:beef', 'abc', 'A.B', '::', ':', '0', 'g::1'];
const NAMES = ['localhost', 'db', 'db.internal', 'app.example.com', 'x_y', 'ip6-localhost', 'x.'];
const BAD_NAMES = ['-bad', 'bad-', 'a..b', 'a'.repeat(64), '-', '[10/Oct/2024:13:55:36', '"GET', '/index.html', '.x', 'a;b'];
const hostsFileLine = nearMiss(join([spaces, mostly(IPS, BAD_IPS), gap, words(mostly(NAMES, BAD_NAMES), 4, 1).map((w) => w.trimStart()), any(['', '', ' # comment', '#c', ' #', '  '])]));

const rfc3164 = join([mostly(['Jan', 'Feb', 'Dec'], ['jan', 'JAN', 'Ja', 'Janu']), any([' ']), mostly([' 5', '05', '15'], ['5', 'x5', '  5']), any([' ']), mostly(['08:00:01'], ['8:00:01', '08:00:1', '08-00-01', '08:00:01.5'])]);
const iso = join([
  mostly(['2024-01-05'], ['2024-1-05', '202-01-05', '2024-01-5']),
  mostly(['T'], ['t', ' ']),
  mostly(['08:00:01'], ['08:00']),
  any(['', '', '.1', '.123456', '.']),
  mostly(['Z', '+00:00', '-0530', '+0000'], ['+00:0', '+0', 'z', '', '+00::00', '+00:000']),
]);
const syslogLine = nearMiss(
  join([
    fc.oneof(rfc3164, iso),
    mostly([' '], ['  ', '']),
    mostly(['app02', 'host-1.example.com', '10.0.0.1', 'x#y'], ['a:b', '', '\tb']),
    mostly([' '], ['  ', '']),
    mostly(['cron', 'sshd', 'kernel', 'CRON/x.y-z', 'a_b'], ['sys log', '', 'a+b', '[1]']),
    mostly(['[812]', ''], ['[]', '[x]', '[812', '[1]]', '[1][2]']),
    mostly([': ', ': x'], [':', ' : ', '', '::']),
    asciiLine([], 4),
  ])
);
const inventoryLine = nearMiss(
  join([
    mostly(['node3', 'web-1.example.com', '10.0.0.3'], ['[web]', 'a=b', '#c', ';c', '', 'x[1]']),
    gap,
    mostly(['ansible_', 'ansible_ssh_'], ['ansible_ssh_ssh_', 'Ansible_', 'ansible']),
    mostly(['host', 'port', 'user', 'connection'], ['hostname', 'pass', 'ssh_host', 'Host']),
    mostly(['='], ['', ' =']),
    any(['10.0.0.3', 'deploy', '22']),
    words(any(['ansible_user=deploy', 'x=y', 'ansible_']), 2),
  ])
);
const PG_METHODS = ['trust', 'reject', 'scram-sha-256', 'md5', 'password', 'gss', 'sspi', 'ident', 'peer', 'ldap', 'radius', 'cert', 'pam', 'bsd'];
const NOT_PG_METHODS = ['trusty', 'md5_', 'md5-x', 'md5;', 'gssapi', 'scram', 'none', 'md5x', 'md55'];
const pgWord = anyCaseOf(['all', 'replication', 'db', 'app', '10.0.0.0/8', '192.0.2.1', '255.255.255.0', '::1/128', ...PG_METHODS, ...NOT_PG_METHODS]);
const pgHbaLine = nearMiss(
  join([
    spaces,
    anyCaseOf(['host', 'hostssl', 'hostnossl', 'hostgssenc', 'hostnogssenc', 'host', 'hostxssl', 'hosts', 'hostssls']),
    fc.integer({ min: 2, max: 5 }).chain((k) => fc.array(fc.tuple(gap, pgWord), { minLength: k, maxLength: k }).map((xs) => xs.map(([g, w]) => g + w).join(''))),
    gap,
    fc.oneof(anyCaseOf(PG_METHODS), anyCaseOf(NOT_PG_METHODS)),
    words(pgWord, 2),
  ])
);
const nameserverLine = nearMiss(
  join([spaces, anyCaseOf(['nameserver']), mostly(GOOD_SEPARATORS, BAD_SEPARATORS), words(any(['dns1', '192.0.2.53', '192.0.2.53:53', '[2001:db8::53]:53', '.', ':', '::1', 'x', '#', '.x']), 3, 1), any(TAILS)])
);

const ALL_LINES = fc.oneof(
  { weight: 4, arbitrary: commandLine },
  { weight: 2, arbitrary: keywordNoise },
  { weight: 2, arbitrary: hostsFileLine },
  { weight: 1, arbitrary: syslogLine },
  { weight: 1, arbitrary: inventoryLine },
  { weight: 1, arbitrary: pgHbaLine },
  { weight: 1, arbitrary: nameserverLine },
  { weight: 1, arbitrary: asciiLine([...KEYWORD_WORDS, ...GOOD_PROMPTS, ...OPTIONS], 16) }
);

describe('scanner.wasm lineContext: analyzeLine, lineContext and their regexes (C against TypeScript)', function () {
  this.timeout(120_000);

  it('has exactly lineContext.ts\'s maps and sets (generated from them)', function () {
    const wasm = scannerWasmOrSkip(this);
    const modes = ['all', 'first', 'command', 'nginxFirst', 'nginxAll'];
    const commands = Object.keys(COMMAND_OPTIONS_WITH_VALUE);
    commands.forEach((c, k) => {
      const buf = wasm.put(' '.repeat(64));
      const len = wasm.exports.t_commandOptionsName(buf, 64, k);
      assert.strictEqual(wasm.text(buf, len), c, `COMMAND_OPTIONS_WITH_VALUE's command ${k}`);
    });
    assert.strictEqual(wasm.exports.t_commandOptionsName(wasm.put(' '.repeat(64)), 64, commands.length), -1, 'no more commands in C');
    const words = new Set<string>([...KEYWORDS.keys(), ...OPTIONS_WITH_VALUE, ...GETENT_DATABASES, ...COMMAND_PREFIXES, ...commands.flatMap((c) => [...COMMAND_OPTIONS_WITH_VALUE[c]]), ...FIRST_WORDS]);
    const probes = new Set<string>();
    for (const w of words) for (const p of [w, w.slice(1), w.slice(0, -1), w + 's', w.toUpperCase(), w.toLowerCase(), `${w[0].toUpperCase()}${w.slice(1)}`, '']) probes.add(p);
    for (const line of corpusAsciiLines()) for (const w of line.split(/\s+/)) if (w.length < 40) probes.add(w);
    for (const p of probes) {
      const ptr = wasm.put(p);
      const same = (what: string, k: number, want: number): void => {
        const got = wasm.exports.t_lineContextSet(ptr, p.length, k);
        if (got !== want) assert.fail(`${what}.has(${JSON.stringify(p)}): TypeScript ${want}, C ${got}`);
      };
      same('COMMAND_PREFIXES', 0, Number(COMMAND_PREFIXES.has(p)));
      same('OPTIONS_WITH_VALUE', 1, Number(OPTIONS_WITH_VALUE.has(p)));
      same('GETENT_DATABASES', 2, Number(GETENT_DATABASES.has(p)));
      const mode = KEYWORDS.get(p);
      same('KEYWORDS (mode)', 3, mode === undefined ? -1 : modes.indexOf(mode));
      commands.forEach((c, k) => same(`COMMAND_OPTIONS_WITH_VALUE.${c}`, 4 + k, Number(COMMAND_OPTIONS_WITH_VALUE[c].has(p))));
    }
  });

  it('agrees on every ASCII corpus line (every regex, the value regexes at every position, both contexts)', function () {
    const wasm = scannerWasmOrSkip(this);
    const lines = corpusAsciiLines();
    assert.ok(lines.length > 15_000, `only ${lines.length} corpus lines`);
    let withContext = 0;
    for (const s of lines) if (compareAll(wasm, s)) withContext++;
    assert.ok(withContext > 200, `only ${withContext} corpus lines with a context`);
  });

  it('agrees on each regex\'s own near misses, matched and not', function () {
    const wasm = scannerWasmOrSkip(this);
    const cases: [string, fc.Arbitrary<string>, (s: string) => boolean][] = [
      ['pg_hba', pgHbaLine, (s) => PG_HBA_LINE.test(s)],
      ['syslog', syslogLine, (s) => SYSLOG_HOST.test(s)],
      ['inventory', inventoryLine, (s) => INVENTORY_HOST.test(s)],
      ['hosts file', hostsFileLine, (s) => HOSTS_FILE_START.test(s)],
      ['nameserver', nameserverLine, (s) => NAMESERVER_TWO_VALUES.test(s) && !NAMESERVER_ADDRESS.test(s)],
      ['first word', join([any(['', ' ', '\t', '  ', '\v']), anyCaseOf(KEYWORD_WORDS), any(['', ' ', '-', '_', '.', 'x', '9', '$', ':', '='])]), (s) => FIRST_WORD.test(s)],
      ['value', asciiLine(['a=b', 'x_y=', 'A=', '=', '_=', 'z=(', '(', '{', '}', ')', ' ', '\v', 'x.', '.', 'valid=30s', '-a=b', '9a=b'], 12), (s) => valueHasCode(s)],
    ];
    for (const [name, arb, matches] of cases) {
      let hits = 0;
      fc.assert(
        fc.property(arb, (s) => {
          const ptr = wasm.put(s);
          compareRegexes(wasm, s, ptr);
          compareValues(wasm, s, ptr);
          if (matches(s)) hits++;
        }),
        { numRuns: 6_000 }
      );
      assert.ok(hits > 300, `${name}: only ${hits} of 6000 lines match`);
    }
  });

  it('agrees on 60,000 random lines of keywords, prompts, options, hosts files, syslog, inventory and pg_hba', function () {
    const wasm = scannerWasmOrSkip(this);
    let withContext = 0;
    fc.assert(
      fc.property(ALL_LINES, (s) => {
        if (compareAll(wasm, s, false)) withContext++;
      }),
      { numRuns: 60_000 }
    );
    assert.ok(withContext > 9_000, `only ${withContext} random lines with a context`);
  });

  it('agrees on 30,000 random command lines, with the value regexes at every position', function () {
    const wasm = scannerWasmOrSkip(this);
    let withArg = 0;
    fc.assert(
      fc.property(commandLine, (s) => {
        compareAll(wasm, s);
        if (lineContext(s).argStart >= 0) withArg++;
      }),
      { numRuns: 30_000 }
    );
    assert.ok(withArg > 2_000, `only ${withArg} random command lines with an argument`);
  });
});
