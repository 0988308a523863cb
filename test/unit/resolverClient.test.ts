import * as assert from 'node:assert/strict';
import { createHook } from 'node:async_hooks';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { encodeMessage, MessageReader } from '../../src/ipc/framing';
import { ResolverClient, type ResolverClientOptions } from '../../src/client/resolverClient';
import type { GetaddrinfoRequest } from '../../src/core/addrinfo';
import { HELPER_JS } from '../support/paths';

const LOCALHOST: GetaddrinfoRequest = { host: 'localhost', port: '80', family: 'AF_INET', socktype: 'SOCK_STREAM', proto: 0, flags: [] };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('resolver client ↔ real helper process', function () {
  this.timeout(20000);
  let client: ResolverClient;
  let logLines: string[];
  let failures: string[];

  function makeClient(overrides: Partial<ResolverClientOptions> = {}): ResolverClient {
    logLines = [];
    failures = [];
    client = new ResolverClient({
      helperPath: HELPER_JS,
      timeoutMs: () => 5000,
      log: (line) => logLines.push(line),
      onHelperFailure: (d, everStarted) => failures.push(`${everStarted ? 'crashed' : 'never started'}: ${d}`),
      env: { NETLENS_HELPER_TEST_HOOKS: '1' },
      ...overrides,
    });
    return client;
  }

  afterEach(async () => {
    await client.dispose();
  });

  it('starts the helper lazily on the first request, not when constructed', async () => {
    makeClient();
    assert.equal(client.helperPid, undefined);
    const pong = await client.ping();
    assert.ok(pong.ok, JSON.stringify(pong));
    assert.equal(pong.value.pid, client.helperPid);
    assert.notEqual(pong.value.pid, process.pid);
    assert.equal(pong.value.threadpoolSize, 16, 'the helper runs with its own, larger threadpool');
  });

  it('sends the helper’s stderr to the log', async () => {
    makeClient();
    await client.ping();
    await waitFor(() => logLines.some((l) => /\[helper \d+\] netlens-helper: pid \d+, backend /.test(l)));
  });

  it('answers a request that never returns with a timeout on time, while other lookups are still answered', async () => {
    makeClient();
    await client.ping();
    const started = Date.now();
    const hang = client.request('debug.hang', {}, 400);
    const others = await Promise.all([client.request('getaddrinfo', LOCALHOST), client.ping(), client.request('getaddrinfo', LOCALHOST)]);
    for (const o of others) assert.ok(o.ok, JSON.stringify(o));
    const hung = await hang;
    const elapsed = Date.now() - started;
    assert.ok(!hung.ok);
    assert.equal(hung.error.kind, 'timeout');
    assert.match(hung.error.message, /did not answer within 400 ms/);
    assert.ok(elapsed >= 390 && elapsed < 2000, `timeout after ${elapsed} ms`);
  });

  it('answers every caller when the helper is killed with SIGKILL mid-request, and comes back', async () => {
    makeClient();
    const first = await client.ping();
    assert.ok(first.ok);
    const oldPid = first.value.pid;
    const hang = client.request('debug.hang', {}, 1500);
    const lookups = Array.from({ length: 100 }, () => client.request('getaddrinfo', LOCALHOST));
    process.kill(oldPid, 'SIGKILL');
    const results = await Promise.all(lookups);
    for (const r of results) assert.ok(r.ok, `a lookup in flight during the crash: ${JSON.stringify(r)}`);
    const hung = await hang;
    assert.ok(!hung.ok && hung.error.kind === 'timeout', JSON.stringify(hung));
    const after = await client.ping();
    assert.ok(after.ok);
    assert.notEqual(after.value.pid, oldPid, 'a new helper answers');
    assert.ok(!isAlive(oldPid));
    assert.ok(logLines.some((l) => l.includes('killed by SIGKILL')), logLines.join('\n'));
    assert.equal(failures.length, 1, 'the user is told once');
    assert.match(failures[0], /^crashed: /, 'a helper that was running crashed (and was restarted)');
  });

  it('keeps answering after garbage and an oversized frame from the extension-host side', async () => {
    // The helper's own reader: spawn it directly and write bytes no client would send.
    const child = spawn(process.execPath, [HELPER_JS], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env } });
    const stderr: string[] = [];
    child.stderr.on('data', (d: Buffer) => stderr.push(d.toString()));
    const replies: unknown[] = [];
    const reader = new MessageReader(1 << 20, { onMessage: (m) => replies.push(m), onError: () => undefined });
    child.stdout.on('data', (d: Buffer) => reader.push(d));
    child.stdin.write('GET / HTTP/1.1\r\n\r\n');
    child.stdin.write(`Content-Length: ${5 * 1024 * 1024}\r\n\r\n${'x'.repeat(5 * 1024 * 1024)}`);
    child.stdin.write('Content-Length: 9\r\n\r\n{not json');
    child.stdin.write(encodeMessage({ type: 'request', id: 7, method: 'no-such-method', params: {} }));
    child.stdin.write(encodeMessage({ type: 'request', id: 8, method: 'ping', params: {} }));
    try {
      await waitFor(() => replies.some((r) => (r as { id?: number }).id === 8));
      assert.ok(child.exitCode === null, 'the helper is still running');
      const log = stderr.join('');
      assert.match(log, /garbage/);
      assert.match(log, /dropped a 5242880-byte message/);
      assert.match(log, /not JSON/);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('backs off when the helper cannot start, answers every caller, and tells the user once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-crash-'));
    const crashing = path.join(dir, 'helper.js');
    fs.writeFileSync(crashing, 'process.exit(3);\n');
    try {
      makeClient({ helperPath: crashing });
      const started = Date.now();
      const answers = await Promise.all([client.ping(8000), client.request('getaddrinfo', LOCALHOST, 8000)]);
      for (const a of answers) assert.ok(!a.ok && a.error.kind === 'helper' && /exited with code 3/.test(a.error.message), JSON.stringify(a));
      const third = await client.ping(8000);
      assert.ok(!third.ok);
      assert.equal(failures.length, 1, `told once, not ${failures.length} times`);
      assert.match(failures[0], /^never started: the resolver helper exited with code 3/, 'the user hears that it cannot start, not that it was restarted');
      const restarts = logLines.filter((l) => /restarting the resolver helper in (\d+) ms/.test(l)).map((l) => Number(/in (\d+) ms/.exec(l)?.[1]));
      assert.ok(restarts.length >= 2 && restarts[0] === 0 && restarts.slice(1).every((d) => d > 0), `back-off delays: ${restarts.join(', ')}`);
      const starts = logLines.filter((l) => /exited with code 3/.test(l)).length;
      assert.ok(starts <= 6, `no tight restart loop (${starts} starts)`);
      assert.ok(Date.now() - started < 8000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('logs garbage and oversized frames from the helper and keeps working', async () => {
    makeClient();
    const garbage = await client.request('debug.garbage', { bytes: 'this is not a frame\n' });
    assert.ok(garbage.ok);
    const big = await client.request('debug.oversized', { size: 2 * 1024 * 1024 });
    assert.ok(big.ok);
    const pong = await client.ping();
    assert.ok(pong.ok);
    assert.ok(logLines.some((l) => /protocol error.*garbage.*this is not a frame/.test(l)), logLines.join('\n'));
    assert.ok(logLines.some((l) => /dropped a 2097152-byte message/.test(l)), logLines.join('\n'));
  });

  it('replaces a helper whose threadpool is clogged by calls stuck past their timeout', async () => {
    makeClient({ maxStuckRequests: 3 });
    const first = await client.ping();
    assert.ok(first.ok);
    const stuck = await Promise.all([1, 2, 3].map(() => client.request('debug.hang', {}, 200)));
    for (const s of stuck) assert.ok(!s.ok && s.error.kind === 'timeout');
    await waitFor(() => !isAlive(first.value.pid));
    const after = await client.ping();
    assert.ok(after.ok && after.value.pid !== first.value.pid);
  });

  it('restarts a helper that stops answering health pings', async () => {
    makeClient({ healthIntervalMs: 100, pingTimeoutMs: 200 });
    const first = await client.ping(5000); // a cold start may take longer than the short health-ping timeout
    assert.ok(first.ok);
    process.kill(first.value.pid, 'SIGSTOP'); // alive but silent: the case a crash handler cannot see
    try {
      await waitFor(() => !isAlive(first.value.pid), 5000);
    } finally {
      if (isAlive(first.value.pid)) process.kill(first.value.pid, 'SIGKILL');
    }
    const after = await client.ping(5000);
    assert.ok(after.ok && after.value.pid !== first.value.pid, JSON.stringify(after));
    assert.ok(logLines.some((l) => /no answer to a health ping/.test(l)), logLines.join('\n'));
  });

  it('shuts down cleanly: pending callers answered, helper gone, no timers or handles left', async () => {
    // Track every timer created from here on, except mocha's own, to prove the client leaves none behind.
    const liveTimers = new Map<number, string>();
    const hook = createHook({
      init: (id, type) => {
        const stack = new Error().stack ?? '';
        if (type === 'Timeout' && !stack.includes('node_modules/mocha')) liveTimers.set(id, stack);
      },
      destroy: (id) => liveTimers.delete(id),
    }).enable();
    const handles = (): string[] => process.getActiveResourcesInfo().filter((r) => r.endsWith('Wrap') && r !== 'TTYWrap').sort();
    const before = handles();
    try {
      makeClient();
      const pong = await client.ping();
      assert.ok(pong.ok);
      const pending = client.request('debug.hang', {}, 60000);
      await client.dispose();
      const answer = await pending;
      assert.ok(!answer.ok && /shutting down/.test(answer.error.message));
      assert.ok(!isAlive(pong.value.pid));
      const late = await client.request('getaddrinfo', LOCALHOST);
      assert.ok(!late.ok && /shutting down/.test(late.error.message));
      // Pipe and process handles close asynchronously after the 'close' event.
      for (let i = 0; i < 100 && (i < 3 || handles().length > before.length); i++) await new Promise((r) => setImmediate(r));
      assert.deepEqual(handles(), before);
      assert.deepEqual([...liveTimers.values()], [], 'timers left behind');
    } finally {
      hook.disable();
    }
  });

  it('gives Python’s error text for a service that does not exist', async function () {
    makeClient();
    const pong = await client.ping();
    assert.ok(pong.ok);
    if (pong.value.backend !== 'native') this.skip();
    const r = await client.request('getaddrinfo', { ...LOCALHOST, port: 'no-such-service' });
    assert.ok(!r.ok);
    assert.deepEqual({ kind: r.error.kind, errno: r.error.errno, message: r.error.message }, { kind: 'gaierror', errno: -8, message: 'Servname not supported for ai_socktype' });
  });
});
