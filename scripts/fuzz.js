#!/usr/bin/env node
// Builds and runs the libFuzzer harnesses of the addon's C code (test/fuzz/fuzz_*.c, clang with
// -fsanitize=fuzzer,address,undefined) for a bounded time each, and reports executions and coverage.
//
//   node scripts/fuzz.js [--quick] [--seconds=N] [--only=args,hostent] [--replay]
//     --quick      10 s per harness (CI); default 60 s; --seconds overrides both
//     --replay     no fuzzing: build, then run every peer seed and regression input once (test/unit/fuzzHarnesses)
//
// Seeds: test/fuzz/peerSeeds.json (inputs of CPython's, glibc's and Go's resolver tests) encoded per harness into
// build/fuzz/seeds-<harness>/; the growing corpus is build/fuzz/corpus-<harness>/. Before fuzzing, every file
// in test/fuzz/regressions/<harness>/ (an input that once crashed) is replayed: each must now pass. A crash stops
// that harness, is saved to build/fuzz/crashes/, and fails the run: copy it into test/fuzz/regressions/<harness>/
// with the fix. Harnesses run one after another (the machine is shared): never in parallel.
// Prints one line per harness as it finishes, then "N passed, N failed". No shell: every child gets an argument array.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { reportCounts } = require('./lib/testResults');

const ROOT = path.resolve(__dirname, '..');
const FUZZ_SRC = path.join(ROOT, 'test', 'fuzz');
// The Node-API host the fuzz harnesses share with the target harness (test/native-harness/napi_host.c).
const HOST_SRC = path.join(ROOT, 'test', 'native-harness');
const OUT = path.join(ROOT, 'build', 'fuzz');
const NODE_INCLUDE = path.resolve(path.dirname(process.execPath), '..', 'include', 'node');
const HARNESSES = ['args', 'addrinfo', 'hostent', 'nss'];
const CFLAGS = ['-g', '-O1', '-fsanitize=fuzzer,address,undefined', '-fno-sanitize-recover=undefined', '-fno-omit-frame-pointer', '-std=gnu11', '-Wall', '-Wextra', '-Werror', '-DNAPI_VERSION=8'];

function build(harness) {
  const exe = path.join(OUT, `fuzz_${harness}`);
  const sources = [path.join(FUZZ_SRC, `fuzz_${harness}.c`), path.join(HOST_SRC, 'napi_host.c'), path.join(FUZZ_SRC, 'fuzz_uv_stub.c')];
  const r = spawnSync('clang', [...CFLAGS, `-I${NODE_INCLUDE}`, `-I${HOST_SRC}`, ...sources, '-o', exe], { encoding: 'utf8' });
  if (r.error) throw new Error(`clang: ${r.error.message} (apt-get install clang libclang-rt-14-dev)`);
  if (r.status !== 0) throw new Error(`clang failed for ${harness}:\n${r.stderr}`);
  return exe;
}

// ---- seeds: the harnesses' input formats (see each fuzz_*.c and fuzz_input.h) ----
const u8 = (n) => Buffer.from([n & 0xff]);
const u16 = (n) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const u32 = (n) => Buffer.from([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
const lenBytes = (b) => Buffer.concat([u16(b.length), b]);
const utf8 = (s) => Buffer.from(s, 'utf8');

function argString(s) {
  return Buffer.concat([u8(6), lenBytes(utf8(s))]);
}
function argNumber(n) {
  const d = Buffer.alloc(8);
  d.writeDoubleBE(typeof n === 'string' ? Number(n) : n);
  return Buffer.concat([u8(2), d]);
}
const ARG_NULL = u8(1);

function seedsFor(harness, peer) {
  const seeds = [];
  const long = peer.longNames.map((n) => `${'a'.repeat(63)}.`.repeat(Math.ceil(n / 64)).slice(0, n));
  const names = [...peer.hosts, ...long];
  if (harness === 'args') {
    const AI_CANONNAME = 2;
    for (const host of names) {
      for (const service of [null, ...peer.services.slice(0, 4)]) {
        seeds.push(Buffer.concat([u8(0), u8(6), argString(host), service === null ? ARG_NULL : argString(service), argNumber(0), argNumber(1), argNumber(6), argNumber(AI_CANONNAME)]));
      }
      seeds.push(Buffer.concat([u8(2), u8(2), argString(host), argNumber(2)]));
      seeds.push(Buffer.concat([u8(4), u8(3), argString('files'), argString(host), argNumber(0)]));
    }
    for (const address of peer.addresses) {
      for (const n of peer.numbers) seeds.push(Buffer.concat([u8(1), u8(5), argString(address), argNumber(n), argNumber(0), argNumber(0), argNumber(n)]));
      seeds.push(Buffer.concat([u8(3), u8(1), argString(address)]));
    }
    for (const n of peer.numbers) for (const fn of [6, 7, 8]) seeds.push(Buffer.concat([u8(fn), u8(1), argNumber(n)]));
  } else if (harness === 'hostent') {
    // shape 4|1: AF_INET6 with its own length; 4|2: AF_INET. Aliases = the names, addresses = the loopbacks.
    for (const shape of [4 | 1, 4 | 2]) {
      const aliases = names.map((n) => lenBytes(utf8(n)));
      const addrs = shape & 1 ? Buffer.alloc(16 * 3, 1) : Buffer.from([127, 0, 0, 1, 198, 51, 100, 10, 10, 0, 0, 1]);
      seeds.push(Buffer.concat([u8(shape), lenBytes(utf8('canonical.netlens.test')), u16(aliases.length), u16(3), ...aliases, addrs]));
    }
    for (const n of long) seeds.push(Buffer.concat([u8(4 | 2), lenBytes(utf8(n)), u16(1), u16(1), lenBytes(utf8(n)), Buffer.from([127, 0, 0, 1])]));
  } else if (harness === 'addrinfo') {
    // three rows per address (SOCK_STREAM/DGRAM/RAW), as glibc answers; canonname on the first.
    const rows = [];
    for (const [i, family] of [[0, 1 | 4], [1, 2 | 4], [2, 2 | 4]]) {
      const sa = family & 1 ? Buffer.concat([Buffer.from([10, 0, 0, 80, 0, 0, 0, 0]), Buffer.alloc(15), u8(1), u32(0)]) : Buffer.concat([Buffer.from([2, 0, 0, 80, 127, 0, 0, 1]), Buffer.alloc(8)]);
      rows.push(Buffer.concat([u8(family | (i === 0 ? 16 : 0)), u8(1 + i), u8(6), sa, i === 0 ? lenBytes(utf8('localhost')) : Buffer.alloc(0)]));
    }
    seeds.push(Buffer.concat([u16(3), ...rows]));
    for (const n of long) seeds.push(Buffer.concat([u16(1), u8(2 | 4 | 16), u8(1), u8(6), Buffer.concat([Buffer.from([2, 0, 0, 80, 127, 0, 0, 1]), Buffer.alloc(8)]), lenBytes(utf8(n))]));
  } else if (harness === 'nss') {
    for (let mode = 0; mode < 9; mode++) {
      for (const canon of ['localhost', 'canonical.netlens.test', long[2]]) {
        const tuples = [Buffer.concat([u8(1), Buffer.alloc(16, 0)]), Buffer.concat([u8(2), Buffer.from([127, 0, 0, 1]), Buffer.alloc(12)])];
        seeds.push(Buffer.concat([u8(mode), u8(0), u8(0), u8(0), u8(1), lenBytes(utf8(canon)), u16(tuples.length), u8(1 | 2), ...tuples]));
      }
    }
  }
  return seeds;
}

function writeSeeds(harness) {
  const dir = path.join(OUT, `seeds-${harness}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const peer = JSON.parse(fs.readFileSync(path.join(FUZZ_SRC, 'peerSeeds.json'), 'utf8'));
  const seeds = seedsFor(harness, peer);
  seeds.forEach((s, i) => fs.writeFileSync(path.join(dir, `peer-${String(i).padStart(4, '0')}`), s));
  return { dir, count: seeds.length };
}

/** Replays every regression input; returns the failures. */
function replay(exe, harness) {
  const dir = path.join(FUZZ_SRC, 'regressions', harness);
  if (!fs.existsSync(dir)) return { count: 0, failures: [] };
  const files = fs.readdirSync(dir).filter((f) => !f.startsWith('.') && !f.endsWith('.md')).map((f) => path.join(dir, f));
  if (files.length === 0) return { count: 0, failures: [] };
  const r = spawnSync(exe, ['-runs=1', ...files], { encoding: 'utf8', env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=1' } });
  return { count: files.length, failures: r.status === 0 ? [] : [`${harness}: a regression input fails again:\n${r.stderr.split('\n').filter((l) => /ERROR|SUMMARY|#\d+ .*native\//.test(l)).slice(0, 8).join('\n')}`] };
}

function fuzz(exe, harness, seconds, seedDir) {
  const corpus = path.join(OUT, `corpus-${harness}`);
  const crashes = path.join(OUT, 'crashes');
  fs.mkdirSync(corpus, { recursive: true });
  fs.mkdirSync(crashes, { recursive: true });
  const started = Date.now();
  const r = spawnSync(
    exe,
    [`-max_total_time=${seconds}`, '-rss_limit_mb=1536', '-max_len=65536', '-print_final_stats=1', '-detect_leaks=1', `-artifact_prefix=${crashes}/${harness}-`, corpus, seedDir],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
  );
  const text = r.stderr ?? '';
  const execs = /stat::number_of_executed_units:\s*(\d+)/.exec(text);
  const covLines = [...text.matchAll(/#\d+\s+\w+\s+cov: (\d+) ft: (\d+)/g)];
  const last = covLines[covLines.length - 1];
  const crash = /Test unit written to (\S+)/.exec(text);
  return {
    harness,
    ok: r.status === 0,
    seconds: (Date.now() - started) / 1000,
    execs: execs ? Number(execs[1]) : 0,
    cov: last ? Number(last[1]) : 0,
    ft: last ? Number(last[2]) : 0,
    corpus: fs.readdirSync(corpus).length,
    crash: crash ? crash[1] : null,
    report: r.status === 0 ? '' : text.split('\n').filter((l) => /ERROR|SUMMARY|runtime error|#\d+ .*(native|test\/fuzz)\//.test(l)).slice(0, 12).join('\n'),
  };
}

function main() {
  const args = process.argv.slice(2);
  const secondsArg = args.find((a) => a.startsWith('--seconds='));
  const seconds = secondsArg ? Number(secondsArg.slice(10)) : args.includes('--quick') ? 10 : 60;
  const onlyArg = args.find((a) => a.startsWith('--only='));
  const harnesses = onlyArg ? onlyArg.slice(7).split(',') : HARNESSES;
  fs.mkdirSync(OUT, { recursive: true });
  let passed = 0;
  let failed = 0;
  for (const h of harnesses) {
    const exe = build(h);
    const seeds = writeSeeds(h);
    const regress = replay(exe, h);
    for (const f of regress.failures) console.log(f);
    if (regress.failures.length) failed++;
    if (args.includes('--replay')) {
      // Every seed once (libFuzzer runs the inputs of the directories it is given and exits with -runs=0).
      const r = spawnSync(exe, ['-runs=0', '-detect_leaks=1', seeds.dir], { encoding: 'utf8' });
      const ok = r.status === 0 && regress.failures.length === 0;
      const line = `fuzz_${h}: ${ok ? 'ok' : 'FAILED'} replayed ${seeds.count} peer seeds and ${regress.count} regression inputs`;
      if (r.status !== 0) console.log((r.stderr ?? '').split('\n').filter((l) => /ERROR|SUMMARY|runtime error|#\d+ .*(native|test\/fuzz)\//.test(l)).slice(0, 12).join('\n'));
      console.log(line);
      if (ok) passed++;
      else if (regress.failures.length === 0) failed++;
      continue;
    }
    const r = fuzz(exe, h, seconds, seeds.dir);
    const line = `fuzz_${h}: ${r.ok ? 'ok' : 'CRASH'} ${r.execs} executions in ${r.seconds.toFixed(0)} s, cov ${r.cov} edges, ft ${r.ft}, corpus ${r.corpus} (+${seeds.count} peer seeds), ${regress.count} regression inputs replayed`;
    console.log(line);
    if (!r.ok) console.log(`${r.report}\n  input: ${r.crash ?? '(none written)'}`);
    if (r.ok && regress.failures.length === 0) passed++;
    else if (r.ok) {
      // counted above
    } else failed++;
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  reportCounts({ passed, failed, failures: failed > 0 ? [`${failed} harness(es) crashed or failed a regression input (see above)`] : [] }, 'fuzz:');
  process.exit(failed > 0 ? 1 : 0);
}

main();
