import { fork, type ChildProcess } from 'child_process';
import * as readline from 'readline';
import { encodeMessage, MessageReader } from '../ipc/framing';
import { HELPER_THREADPOOL_SIZE, MAX_MESSAGE_BYTES, type ClientToHelperMessage } from '../ipc/protocol';

export interface HelperProcessEvents {
  onMessage: (message: unknown) => void;
  /** A framing problem in what the helper wrote (garbage, oversized frame, bad JSON): logged, never thrown. */
  onProtocolError: (description: string) => void;
  onStderrLine: (line: string) => void;
  /** `code` is the exit status (null when killed by a signal or never started). */
  onExit: (description: string, code: number | null) => void;
}

export interface HelperLaunchOptions {
  helperPath: string;
  /** Node or Electron binary; Electron runs as plain Node because of ELECTRON_RUN_AS_NODE below. */
  execPath: string;
  env: Record<string, string>;
}

/** One forked helper process with its framed stdin/stdout channel. Restarting means a new instance. */
export class HelperProcess {
  private readonly child: ChildProcess;
  private exited = false;
  private readonly exitPromise: Promise<void>;

  constructor(options: HelperLaunchOptions, events: HelperProcessEvents) {
    this.child = fork(options.helperPath, [], {
      // stdin/stdout carry the protocol, stderr the helper's log. fork() insists on an 'ipc' slot; the helper
      // uses its 'disconnect' only to notice that the extension host went away.
      stdio: ['pipe', 'pipe', 'pipe', 'ipc'],
      execPath: options.execPath,
      execArgv: [],
      env: {
        ...process.env,
        // No MALLOC_ARENA_MAX: with 16 pool threads glibc makes 15 per-thread malloc arenas, but the soak
        // (`npm run bench:soak -- --detail`, issue 18) measured them at 3-6 MiB together and flat from 10% to 100%
        // of every run; the helper's growth was elsewhere (the main arena and V8's heap).
        UV_THREADPOOL_SIZE: String(HELPER_THREADPOOL_SIZE),
        ...options.env,
        // In desktop VS Code process.execPath is Electron; this makes it behave as Node (as vscode-languageclient does).
        ELECTRON_RUN_AS_NODE: '1',
      },
    });
    const reader = new MessageReader(MAX_MESSAGE_BYTES, { onMessage: events.onMessage, onError: events.onProtocolError });
    this.child.stdout?.on('data', (chunk: Buffer) => reader.push(chunk));
    if (this.child.stderr) readline.createInterface({ input: this.child.stderr }).on('line', events.onStderrLine);
    // EPIPE after the helper died is reported by 'exit'; do not let it surface as an uncaught error.
    this.child.stdin?.on('error', () => undefined);
    this.child.on('error', () => undefined);
    this.exitPromise = new Promise((resolve) => {
      const finish = (description: string, code: number | null = null): void => {
        if (this.exited) return;
        this.exited = true;
        events.onExit(description, code);
        resolve();
      };
      // 'close' rather than 'exit': it comes after the stdio pipes are closed too, so nothing is left open.
      this.child.on('close', (code, signal) => finish(signal ? `killed by ${signal}` : `exited with code ${code ?? 'unknown'}`, signal ? null : code));
      this.child.on('error', (err) => finish(`could not be started: ${err.message}`));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get isAlive(): boolean {
    return !this.exited;
  }

  send(message: ClientToHelperMessage): void {
    if (this.exited || !this.child.stdin?.writable) return;
    this.child.stdin.write(encodeMessage(message));
  }

  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  /** Resolves once the process has exited, or with false after `ms`. */
  async waitForExit(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    const exited = this.exitPromise.then(() => true as const);
    const result = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    return result;
  }
}
