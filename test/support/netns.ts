// A network namespace of the test's own for one command: `unshare --net --mount`, then `ip` commands that give
// `lo` the addresses and routes the test wants (test/fixtures/order/netnsInit.ts), and optionally a private /etc
// (a FakeEtc) mounted over /etc. Nothing leaves it: it has no interface but lo, so every destination is either one
// of its own addresses or unreachable. Needs root or unprivileged user namespaces; callers skip without them.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FakeEtc } from './etcNamespace';
import { REPO_ROOT } from './paths';

const INIT_JS = path.join(REPO_ROOT, 'out', 'test', 'fixtures', 'order', 'netnsInit.js');

export interface NetnsRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `ip` argument lists: lo up, then the addresses and routes (e.g. ['-6', 'addr', 'add', 'fd00::1/64', 'dev', 'lo', 'nodad']). */
export function loSetup(...extra: string[][]): string[][] {
  return [['link', 'set', 'lo', 'up'], ...extra];
}

export function runInNetns(spec: { ip: string[][]; etc: FakeEtc | null; files?: Record<string, string> }, argv: readonly string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): NetnsRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-netns-'));
  try {
    const specFile = path.join(dir, 'spec.json');
    fs.writeFileSync(specFile, JSON.stringify({ ip: spec.ip, etc: spec.etc?.dir ?? null, files: spec.files ?? {} }));
    const run = spawnSync('unshare', ['--net', '--mount', process.execPath, INIT_JS, specFile, '--', ...argv], {
      encoding: 'utf8',
      timeout: options.timeoutMs ?? 120_000,
      killSignal: 'SIGKILL',
      maxBuffer: 64 * 1024 * 1024,
      env: options.env ?? process.env,
    });
    if (run.status === 96 || run.status === 97) throw new Error(`namespace set-up failed: ${run.stderr}`);
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

let reason: string | null | undefined;

/** null when `unshare --net --mount` and `ip` work here, else why not (for this.skip's message). */
export function netnsUnavailable(): string | null {
  if (reason !== undefined) return reason;
  if (!fs.existsSync(INIT_JS)) return (reason = `${INIT_JS} is not built (node esbuild.js)`);
  const probe = spawnSync('unshare', ['--net', '--mount', 'ip', 'link', 'set', 'lo', 'up'], { encoding: 'utf8' });
  reason = probe.error ? `unshare is not available (${probe.error.message})` : probe.status === 0 ? null : `cannot make a network namespace: ${probe.stderr.trim() || `exit ${String(probe.status)}`}`;
  return reason;
}
