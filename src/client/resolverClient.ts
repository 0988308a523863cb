import type { Outcome } from '../core/addrinfo';
import { cancelledError, helperError, isResolverErrorInfo, timeoutError } from '../core/resolverError';
import { HELPER_EXIT_RESTART, type HelperMethod, type ParamsOf, type PingResult, type ProgressOf, type ResultOf } from '../ipc/protocol';
import { HelperProcess } from './helperProcess';
import { RestartBackoff } from './restartBackoff';

export interface ResolverClientOptions {
  /** Absolute path of dist/helper.js. */
  helperPath: string;
  /** Read on every request so a settings change applies at once. */
  timeoutMs: () => number;
  /** Diagnostics: the helper's stderr and the client's own notes (restarts, protocol errors). */
  log: (line: string) => void;
  /**
   * Called when the helper died or hung and was replaced; the extension tells the user once. `everStarted` is
   * false while no helper of this client has ever said `ready` (it cannot start at all: a different message).
   */
  onHelperFailure?: (description: string, everStarted: boolean) => void;
  execPath?: string;
  env?: Record<string, string>;
  /** How often a running helper is pinged, and how long a pong may take. */
  healthIntervalMs?: number;
  pingTimeoutMs?: number;
  /** Requests that timed out but are still running in the helper; this many means its threadpool is clogged. */
  maxStuckRequests?: number;
  /** How long dispose() waits for the helper to exit after asking, before it kills it. */
  shutdownGraceMs?: number;
}

interface PendingRequest {
  id: number;
  method: HelperMethod;
  params: unknown;
  /** Helpers this request has been sent to; after a crash it is retried once (resolver calls are idempotent). */
  attempts: number;
  timer: NodeJS.Timeout;
  /** The request's timeout; for a request that reports progress it counts from the last progress message. */
  timeoutMs: number;
  settle: (outcome: Outcome<unknown>) => void;
  onProgress?: (progress: unknown) => void;
}

/** For long requests (methods with a progress type): what they report while running, and a way to stop them. */
export interface RequestOptions<M extends HelperMethod> {
  onProgress?: (progress: ProgressOf<M>) => void;
  /** Aborting answers the request at once with a `cancelled` error and tells the helper to stop it. */
  signal?: AbortSignal;
}

const DEFAULTS = { healthIntervalMs: 15_000, pingTimeoutMs: 3_000, maxStuckRequests: 8, shutdownGraceMs: 1_000 };

/**
 * The extension-host side of the helper protocol: request ids, per-request timeouts, lazy start, health
 * pings, restart with back-off, and an orderly shutdown. Every request is answered exactly once, with a
 * result or a ResolverErrorInfo — never left hanging, never thrown.
 */
export class ResolverClient {
  private helper: HelperProcess | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, PendingRequest>();
  /** Ids answered with a timeout whose helper call is still running. */
  private readonly stuck = new Set<number>();
  private readonly backoff = new RestartBackoff();
  private restartTimer: NodeJS.Timeout | undefined;
  /** Back-off after a crash: no new helper before this time (ms since epoch). */
  private restartNotBefore = 0;
  private healthTimer: NodeJS.Timeout | undefined;
  private disposed = false;
  /** The current helper has said 'ready'; health pings wait for it, so a slow cold start is not taken for a hang. */
  private helperReady = false;
  /** Some helper of this client has said `ready`: failures after that are crashes, before it a failure to start. */
  private everReady = false;
  private readonly options: ResolverClientOptions & typeof DEFAULTS;

  constructor(options: ResolverClientOptions) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Sends one request to the helper (starting it if needed) and answers with its result or its error. */
  request<M extends HelperMethod>(method: M, params: ParamsOf<M>, timeoutMs = this.options.timeoutMs(), options: RequestOptions<M> = {}): Promise<Outcome<ResultOf<M>>> {
    if (this.disposed) return Promise.resolve({ ok: false, error: helperError('NetLens is shutting down') });
    if (options.signal?.aborted) return Promise.resolve({ ok: false, error: cancelledError() });
    return new Promise<Outcome<ResultOf<M>>>((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(() => this.onTimeout(id, timeoutMs), timeoutMs);
      const onAbort = (): void => this.cancel(id);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const settle = (o: Outcome<unknown>): void => {
        options.signal?.removeEventListener('abort', onAbort);
        resolve(o as Outcome<ResultOf<M>>);
      };
      this.pending.set(id, { id, method, params, attempts: 0, timer, timeoutMs, settle, onProgress: options.onProgress as ((p: unknown) => void) | undefined });
      this.dispatch(id);
    });
  }

  /** Answers request `id` with a cancelled error and asks the helper to stop it (its late answer is ignored). */
  private cancel(id: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.finish(p, { ok: false, error: cancelledError() });
    if (p.attempts > 0 && this.helper?.isAlive) this.helper.send({ type: 'cancel', id });
  }

  /** Health check: round trip to the helper. */
  ping(timeoutMs = this.options.pingTimeoutMs): Promise<Outcome<PingResult>> {
    return this.request('ping', {}, timeoutMs);
  }

  get helperPid(): number | undefined {
    return this.helper?.isAlive ? this.helper.pid : undefined;
  }

  /** Kills the current helper (if any); the next request, or a pending one, starts a fresh one. */
  restart(reason: string): void {
    if (!this.helper) return;
    this.options.log(`restarting the resolver helper: ${reason}`);
    this.helper.kill();
  }

  /** Answers everything still pending, asks the helper to exit, and kills it after the grace period. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.restartTimer);
    clearInterval(this.healthTimer);
    for (const p of this.pending.values()) this.finish(p, { ok: false, error: helperError('NetLens is shutting down') });
    const helper = this.helper;
    if (!helper?.isAlive) return;
    helper.send({ type: 'request', id: this.nextId++, method: 'shutdown', params: {} });
    if (!(await helper.waitForExit(this.options.shutdownGraceMs))) {
      helper.kill();
      await helper.waitForExit(this.options.shutdownGraceMs);
    }
  }

  private dispatch(id: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    const helper = this.ensureHelper();
    if (!helper) return; // a restart is scheduled; the request goes out when the new helper starts
    p.attempts++;
    helper.send({ type: 'request', id, method: p.method, params: p.params } as Parameters<HelperProcess['send']>[0]);
  }

  private ensureHelper(): HelperProcess | undefined {
    if (this.helper?.isAlive) return this.helper;
    if (this.restartTimer || this.disposed) return undefined;
    const wait = this.restartNotBefore - Date.now();
    if (wait > 0) {
      this.scheduleRestart(wait);
      return undefined;
    }
    this.helper = this.startHelper();
    return this.helper;
  }

  private startHelper(): HelperProcess {
    const helper: HelperProcess = new HelperProcess(
      { helperPath: this.options.helperPath, execPath: this.options.execPath ?? process.execPath, env: this.options.env ?? {} },
      {
        onMessage: (message) => this.onMessage(message, helper),
        onProtocolError: (description) => this.options.log(`protocol error from the resolver helper (ignored): ${description}`),
        onStderrLine: (line) => this.options.log(`[helper ${helper.pid ?? '?'}] ${line}`),
        onExit: (description, code) => this.onHelperExit(helper, description, code),
      }
    );
    this.helperReady = false;
    this.backoff.started();
    this.healthTimer = setInterval(() => void this.checkHealth(helper), this.options.healthIntervalMs);
    this.healthTimer.unref();
    return helper;
  }

  private onMessage(message: unknown, from: HelperProcess): void {
    if (typeof message !== 'object' || message === null) return this.options.log('resolver helper sent a non-object message (ignored)');
    const m = message as Record<string, unknown>;
    if (m.type === 'ready') {
      if (from === this.helper) this.helperReady = this.everReady = true;
      return;
    }
    if (m.type === 'progress' && typeof m.id === 'number') {
      // Progress of a request already answered (timed out, cancelled) has nobody to go to.
      const p = this.pending.get(m.id);
      if (!p?.onProgress) return;
      clearTimeout(p.timer);
      p.timer = setTimeout(() => this.onTimeout(p.id, p.timeoutMs), p.timeoutMs);
      p.onProgress(m.progress);
      return;
    }
    if (m.type !== 'response' || typeof m.id !== 'number') return this.options.log(`resolver helper sent an unknown message (ignored): ${JSON.stringify(message).slice(0, 200)}`);
    if (this.stuck.delete(m.id)) return; // answered late; its caller already got the timeout
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.ok === true) this.finish(p, { ok: true, value: m.result });
    else if (m.ok === false && isResolverErrorInfo(m.error)) this.finish(p, { ok: false, error: m.error });
    else this.finish(p, { ok: false, error: helperError('the resolver helper sent a malformed response') });
  }

  private onTimeout(id: number, ms: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.finish(p, { ok: false, error: timeoutError(p.method === 'ping' ? 'The resolver helper' : `${p.method}`, ms) });
    if (p.attempts > 0 && this.helper?.isAlive) {
      this.stuck.add(id);
      // Work the helper can stop (connect attempts) stops; a getaddrinfo cannot be stopped and ignores this.
      this.helper.send({ type: 'cancel', id });
    }
    // getaddrinfo cannot be cancelled: ending the process is the only way to get its threads back.
    if (this.stuck.size >= this.options.maxStuckRequests) {
      this.options.onHelperFailure?.(`${this.stuck.size} resolver calls are stuck in the helper`, true);
      this.restart(`${this.stuck.size} resolver calls are stuck past their timeout`);
    }
  }

  private finish(p: PendingRequest, outcome: Outcome<unknown>): void {
    clearTimeout(p.timer);
    this.pending.delete(p.id);
    p.settle(outcome);
  }

  private async checkHealth(helper: HelperProcess): Promise<void> {
    if (helper !== this.helper || !helper.isAlive || !this.helperReady || this.disposed) return;
    const pong = await this.ping();
    if (!pong.ok && pong.error.kind === 'timeout' && helper === this.helper && helper.isAlive) {
      this.options.onHelperFailure?.('the resolver helper stopped answering', true);
      this.restart(`no answer to a health ping within ${this.options.pingTimeoutMs} ms`);
    }
  }

  private onHelperExit(helper: HelperProcess, description: string, code: number | null): void {
    if (helper !== this.helper) return;
    clearInterval(this.healthTimer);
    this.helper = undefined;
    this.stuck.clear();
    if (this.disposed) return;
    this.options.log(`resolver helper (pid ${helper.pid ?? '?'}) ${description}`);
    const inFlight = [...this.pending.values()].filter((p) => p.attempts > 0);
    if (code === HELPER_EXIT_RESTART) {
      // A planned retirement (the helper's C library holds a stale gai.conf): no failure, no back-off, and the
      // requests it did not answer go to the next helper without using up their one retry.
      for (const p of inFlight) p.attempts--;
      if (this.pending.size > 0) this.scheduleRestart(0);
      return;
    }
    for (const p of inFlight) {
      if (p.attempts >= 2) this.finish(p, { ok: false, error: helperError(`the resolver helper ${description} while answering ${p.method}, twice`) });
    }
    // Every unexpected exit counts toward the back-off, whether or not anyone is waiting, so a helper that dies
    // on start is not restarted in a tight loop by the next requests. Only the first exit of a streak is
    // reported: a flapping helper must not flood the user.
    const delay = this.backoff.nextDelayMs();
    this.restartNotBefore = Date.now() + delay;
    if (delay === 0 && inFlight.length > 0) this.options.onHelperFailure?.(`the resolver helper ${description}`, this.everReady);
    if (this.pending.size === 0) return; // stay idle: the next request starts a helper (after the back-off)
    this.scheduleRestart(delay);
  }

  private scheduleRestart(delay: number): void {
    this.options.log(`restarting the resolver helper in ${delay} ms for ${this.pending.size} waiting request(s)`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      for (const id of [...this.pending.keys()]) this.dispatch(id);
    }, delay);
  }
}

