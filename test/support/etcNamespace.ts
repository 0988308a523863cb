// A private /etc for one command: a temporary directory holding exactly the system files a test wants (a file, a
// directory, a FIFO, a dangling symlink, or nothing), bind-mounted over /etc in a private mount namespace
// (`unshare -m`), so the command under test (our CLI, python3, a probe script) reads exactly that text while the
// machine's own /etc is never touched. Needs root or unprivileged user namespaces; callers skip without them.
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export type EtcEntry =
  | { kind: 'file'; content: string | Buffer; mode?: number }
  | { kind: 'dir' }
  | { kind: 'fifo' }
  | { kind: 'symlink'; target: string }
  | { kind: 'absent' };

/** The mount runs in a fixed script; paths and the command arrive as arguments, never inside the script text. */
const MOUNT_AND_EXEC = 'mount --bind "$1" /etc || exit 97; shift; exec "$@"';

let reason: string | null | undefined;

/** null when private mount namespaces work here, else why not (for this.skip's message). */
export function etcNamespaceUnavailable(): string | null {
  if (reason !== undefined) return reason;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-etc-probe-'));
  const run = spawnSync('unshare', ['-m', 'sh', '-c', MOUNT_AND_EXEC, 'sh', dir, 'true'], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  reason = run.error ? `unshare is not available (${run.error.message})` : run.status === 0 ? null : `cannot bind-mount in a private mount namespace: ${run.stderr.trim() || `exit ${String(run.status)}`}`;
  return reason;
}

/** The temporary /etc. Entries not named are absent; `nsswitch.conf` defaults to files only, so nothing asks DNS. */
export class FakeEtc {
  readonly dir: string;

  constructor(entries: Readonly<Record<string, EtcEntry>>) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-etc-'));
    // Traversable by the unprivileged uid the EACCES cases run as (mkdtemp makes it 0700).
    fs.chmodSync(this.dir, 0o755);
    const all: Record<string, EtcEntry> = { 'nsswitch.conf': { kind: 'file', content: 'hosts: files\nservices: files\nprotocols: files\n' }, ...entries };
    for (const [name, entry] of Object.entries(all)) {
      const file = path.join(this.dir, name);
      if (entry.kind === 'file') {
        fs.writeFileSync(file, entry.content);
        fs.chmodSync(file, entry.mode ?? 0o644);
      } else if (entry.kind === 'dir') fs.mkdirSync(file);
      else if (entry.kind === 'fifo') {
        const made = spawnSync('mkfifo', [file]);
        if (made.status !== 0) throw new Error(`mkfifo ${file} failed`);
      } else if (entry.kind === 'symlink') fs.symlinkSync(entry.target, file);
    }
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface EtcRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
  /** What ended the run when it did not exit: a signal, or the spawn error (ETIMEDOUT, ENOBUFS, ...). */
  failure: string | null;
}

let nobodyDir: string | undefined;

/**
 * A copy of a bundled script that uid 65534 can read: the checkout may sit below a directory only its owner can
 * enter (`mktemp -d` makes them 0700). Our test bundles are self-contained, so a copy runs as the original does.
 */
function readableByNobody(file: string): string {
  if (nobodyDir === undefined) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-nobody-'));
    fs.chmodSync(dir, 0o755);
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    nobodyDir = dir;
  }
  const copy = path.join(nobodyDir, path.basename(file));
  fs.copyFileSync(file, copy);
  fs.chmodSync(copy, 0o644);
  return copy;
}

/**
 * Runs `argv` with `etc` mounted over /etc; as uid/gid 65534 with no groups when `asNobody` (root ignores file
 * modes, so EACCES needs another uid; the `.js` scripts among the arguments then run from a copy it can read).
 * The command is killed after `timeoutMs`.
 */
export function runWithEtc(etc: FakeEtc, argv: readonly string[], options: { asNobody?: boolean; input?: string; timeoutMs?: number } = {}): EtcRun {
  const command = options.asNobody
    ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...argv.map((a, i) => (i > 0 && a.endsWith('.js') && fs.existsSync(a) ? readableByNobody(a) : a))]
    : [...argv];
  const started = performance.now();
  const run = spawnSync('unshare', ['-m', 'sh', '-c', MOUNT_AND_EXEC, 'sh', etc.dir, ...command], {
    input: options.input,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 30_000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (run.status === 97) throw new Error(`bind mount over /etc failed: ${run.stderr}`);
  const code = run.error && 'code' in run.error ? String(run.error.code) : undefined;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, ms, timedOut: code === 'ETIMEDOUT', failure: run.error ? `${code ?? run.error.message}` : run.signal };
}

/**
 * runWithEtc without blocking the event loop: for commands that talk to a server running in this test process.
 * Resolves with the exit status and output; the command is killed after `timeoutMs`.
 */
export function runWithEtcAsync(etc: FakeEtc, argv: readonly string[], options: { timeoutMs?: number } = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', ['-m', 'sh', '-c', MOUNT_AND_EXEC, 'sh', etc.dir, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      if (status === 97) reject(new Error(`bind mount over /etc failed: ${stderr}`));
      else resolve({ status, stdout, stderr });
    });
  });
}
