// `npm run bench:instructions`: the scanner against the frozen copy of 7cb81ee (bench/frozenScanner) in instructions
// per MB rather than seconds, on the sparse mix and the dense text. On a shared machine two processes running the same
// code measured up to 1.7× apart in time; executed instructions do not depend on the neighbours. Each figure is
// `scanThroughputChild` under valgrind's cachegrind, run with 4 scan rounds and with none: the difference over 4 is
// one round (the input's generation, the warm-up and Node's start cancel out). Node runs with --single-threaded: with
// V8's background compiler, the moment optimized code arrives varies and moved the same count by up to 20%; with one
// thread two runs agree within ~1-3%. Needs valgrind (Debian: `apt-get install valgrind`); prints a skipped line
// without it. Takes a few minutes (valgrind runs Node some 40× slower).
import { execFileSync, spawn } from 'child_process';
import * as path from 'path';

const MB = 1_000_000;
const CHILD = path.join(__dirname, 'scanThroughputChild.js');

/** Instructions cachegrind counted for one run of the child (valgrind prints `I refs: 1,234,567`). */
function instructions(which: string, input: string, rounds: number): Promise<number> {
  return new Promise((resolve, reject) => {
    // --no-liftoff: the module's functions compiled by TurboFan from the start, the steady state the product reaches
    // once V8 tiers its hot functions up (with Liftoff first, when tier-up happened moved the count by up to 2×).
    const args = ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, '--single-threaded', '--no-liftoff', CHILD, which, String(MB), String(rounds), input];
    const child = spawn('valgrind', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const m = /I\s+refs:\s+([\d,]+)/.exec(stderr);
      if (code !== 0 || !m) return reject(new Error(`valgrind ${which} ${input} exited ${code}: ${stderr.slice(-500)}`));
      resolve(Number(m[1].replace(/,/g, '')));
    });
  });
}

/** Millions of instructions for one scan round of 1 MB. */
async function perRound(which: string, input: string): Promise<number> {
  const [none, four] = await Promise.all([instructions(which, input, 0), instructions(which, input, 4)]);
  return (four - none) / 4 / 1e6;
}

async function main(): Promise<void> {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
  } catch {
    console.log('scanner instructions          skipped: valgrind is not installed');
    return;
  }
  for (const input of ['sparse', 'dense']) {
    const [current, typescript, frozen] = await Promise.all([perRound('current', input), perRound('typescript', input), perRound('frozen', input)]);
    console.log(
      `scanner instructions, ${input.padEnd(6)}  NetLens ${current.toFixed(1)} M/MB   baseline frozen 7cb81ee ${frozen.toFixed(1)} M/MB   ratio ${(frozen / current).toFixed(2)}×` +
        `${input === 'sparse' ? ' (target ≥ 3)' : ''}   (TypeScript alone ${typescript.toFixed(1)} M/MB, ${(frozen / typescript).toFixed(2)}×; 1 MB, one round = 4 rounds − none, cachegrind, node --single-threaded)`
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
