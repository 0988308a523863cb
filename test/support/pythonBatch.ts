import { execFileSync } from 'child_process';
import { prng } from './prng';

/**
 * Runs ONE python3 process for a whole batch: `input` goes in as JSON on stdin (bound to `data`), the script
 * prints one JSON document. `err(e)` in the prelude turns an exception into [kind, errno, message].
 */
export function pythonBatch<T>(script: string, input: unknown): T {
  const prelude = [
    'import socket, json, sys, ipaddress',
    'from urllib.parse import urlparse',
    'data = json.load(sys.stdin)',
    'def err(e):',
    "    errno = e.args[0] if isinstance(e, OSError) and len(e.args) > 1 and isinstance(e.args[0], int) else None",
    '    return [type(e).__name__, errno, e.args[1] if errno is not None else str(e)]',
  ].join('\n');
  const out = execFileSync('python3', ['-c', `${prelude}\n${script}`], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as T;
}

/** Seeded random choices (over prng.ts): the generated cases are the same on every run. */
export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
  bool(p = 0.5): boolean {
    return this.next() < p;
  }
}
