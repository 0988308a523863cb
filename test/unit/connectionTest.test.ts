// Test Connection against real listeners, in the fixture namespace only (every address here is loopback or an
// interface of that namespace), and the helper protocol's progress and cancel messages in both directions.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as tls from 'tls';
import { ResolverClient } from '../../src/client/resolverClient';
import { testConnection } from '../../src/client/connectionTest';
import type { ConnectAttempt } from '../../src/core/connectionTest';
import { HELPER_JS } from '../support/paths';
import { python } from '../support/python';

const inFixture = process.env.NETLENS_DNS_FIXTURE === '1';

function listen(server: net.Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve((server.address() as net.AddressInfo).port));
  });
}

/** Closes the server and every connection it still holds (close() alone waits for them). */
function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.emit('closeAll');
  });
}

/** A server whose open connections closeServer can end. */
function tracked<T extends net.Server>(server: T): T {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('closeAll', () => sockets.forEach((s) => s.destroy()));
  return server;
}

/** A port nothing listens on (bound, then closed). */
async function freePort(): Promise<number> {
  const s = net.createServer();
  const port = await listen(s, '127.0.0.1');
  await closeServer(s);
  return port;
}

/** True once the helper runs nothing but the ping that asks (within a second). */
async function noneInFlight(client: ResolverClient): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    const pong = await client.ping();
    if (pong.ok && pong.value.inFlight === 0) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

function ip(args: string[]): boolean {
  return spawnSync('ip', args, { encoding: 'utf8' }).status === 0;
}

describe('Test Connection (connect.test) in the fixture namespace', function () {
  this.timeout(30000);
  let client: ResolverClient;
  const logLines: string[] = [];
  const options = { tls: false, timeoutMs: 1000, lookupTimeoutMs: 5000, orderSettings: { node: { version: 'v20.20.2' } } };

  before(function () {
    if (!inFixture) this.skip();
  });

  beforeEach(() => {
    logLines.length = 0;
    client = new ResolverClient({ helperPath: HELPER_JS, timeoutMs: () => 5000, log: (l) => logLines.push(l), env: { NETLENS_HELPER_TEST_HOOKS: '1' } });
  });

  afterEach(async () => {
    await client.dispose();
  });

  it('the localhost trap: tries every address in getaddrinfo order; only the IPv4 listener accepts', async () => {
    const server = net.createServer((s) => s.on('error', () => undefined).destroy());
    const port = await listen(server, '127.0.0.1');
    try {
      const progress: ConnectAttempt[] = [];
      const outcome = await testConnection(client, 'localhost', port, { ...options, onProgress: (a) => progress.push(a) });
      assert.ok(outcome.ok, JSON.stringify(outcome));
      const order = python<string[]>(`print(json.dumps([ai[4][0] for ai in socket.getaddrinfo('localhost', ${port}, 0, socket.SOCK_STREAM)]))`);
      assert.deepEqual(outcome.value.attempts.map((a) => a.address), order);
      const byAddress = Object.fromEntries(outcome.value.attempts.map((a) => [a.address, a]));
      assert.equal(byAddress['127.0.0.1'].result, 'connected');
      assert.equal(byAddress['127.0.0.1'].errno, null);
      if (byAddress['::1']) assert.deepEqual([byAddress['::1'].result, byAddress['::1'].errno], ['refused', 'ECONNREFUSED']);
      assert.equal(progress.length, outcome.value.attempts.length, 'one progress message per attempt');
      // The runtimes that try every address end up on 127.0.0.1; Java tries only its first address (IPv4 first by
      // default), which connected too. Node 20 with autoSelectFamily alternates families and also lands on 127.0.0.1.
      const landings = outcome.value.runtimes;
      assert.ok(landings, 'the runtimes were modelled');
      for (const name of ['node', 'python', 'curl', 'go', 'java'] as const) assert.equal(landings[name].address, '127.0.0.1', `${name}: ${landings[name].rule}`);
    } finally {
      await closeServer(server);
    }
  });

  it('a port nobody listens on is refused on every address', async () => {
    const outcome = await testConnection(client, '127.0.0.1', await freePort(), options);
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.value.attempts.map((a) => [a.address, a.result, a.errno]), [['127.0.0.1', 'refused', 'ECONNREFUSED']]);
  });

  describe('a listener whose accept queue is full (a black hole on time)', function () {
    let listener: ChildProcessWithoutNullStreams;
    let port: number;
    let filler: net.Socket;
    before(async function () {
      // listen(0) and never accept: the kernel queues one connection, then drops SYNs (tcp_abort_on_overflow=0), so
      // the next connect gets no answer at all. Node's net.Server always accepts, hence python.
      listener = spawn('python3', ['-c', 'import socket,sys,time\ns=socket.socket()\ns.bind(("127.0.0.1",0))\ns.listen(0)\nprint(s.getsockname()[1],flush=True)\ntime.sleep(600)']);
      port = await new Promise<number>((resolve, reject) => {
        listener.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
        listener.once('error', reject);
      });
      filler = net.connect(port, '127.0.0.1');
      filler.on('error', () => undefined);
      await new Promise((r) => filler.once('connect', r));
    });
    after(() => {
      filler?.destroy();
      listener?.kill();
    });

    it('times out after the per-attempt timeout', async () => {
      const outcome = await testConnection(client, '127.0.0.1', port, { ...options, timeoutMs: 700 });
      assert.ok(outcome.ok);
      const [a] = outcome.value.attempts;
      assert.deepEqual([a.result, a.errno], ['timeout', 'ETIMEDOUT']);
      assert.ok(a.ms >= 650, `${a.ms} ms`);
    });

    it('cancel stops the attempts at once and the helper keeps answering', async () => {
      const controller = new AbortController();
      const started = Date.now();
      const pending = testConnection(client, '127.0.0.1', port, { ...options, timeoutMs: 20000, signal: controller.signal });
      setTimeout(() => controller.abort(), 300);
      const outcome = await pending;
      assert.ok(!outcome.ok);
      assert.equal(outcome.error.kind, 'cancelled');
      assert.ok(Date.now() - started < 5000);
      // The helper handles the cancel, then ends the request a few microtasks later: a ping that arrived in the same
      // read may still count it, so look until it is gone.
      assert.ok(await noneInFlight(client), 'the cancelled test still runs in the helper');
    });
  });

  describe('an unreachable route of our own in the namespace (root only)', function () {
    before(function () {
      if (!ip(['route', 'add', 'unreachable', '10.98.0.0/24'])) this.skip();
    });
    after(() => ip(['route', 'del', 'unreachable', '10.98.0.0/24']));

    it('answers EHOSTUNREACH at once', async () => {
      const outcome = await testConnection(client, '10.98.0.7', 443, options);
      assert.ok(outcome.ok);
      assert.deepEqual(outcome.value.attempts.map((a) => [a.result, a.errno]), [['unreachable', 'EHOSTUNREACH']]);
    });
  });

  describe('TLS', function () {
    let dir: string;
    let key: Buffer;
    let cert: Buffer;
    before(function () {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-tls-'));
      const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { encoding: 'utf8' });
      if (made.status !== 0) this.skip();
      key = fs.readFileSync(path.join(dir, 'key.pem'));
      cert = fs.readFileSync(path.join(dir, 'cert.pem'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    async function withTlsServer(run: (port: number, received: Buffer[]) => Promise<void>): Promise<void> {
      const received: Buffer[] = [];
      const server = tracked(tls.createServer({ key, cert }, (s) => s.on('data', (d: Buffer) => received.push(d)).on('error', () => undefined)));
      const port = await listen(server, '127.0.0.1');
      try {
        await run(port, received);
      } finally {
        await closeServer(server);
      }
    }

    it('a self-signed certificate whose SAN is the name: the name matches, the chain is not trusted, no data sent', async () => {
      await withTlsServer(async (port, received) => {
        const outcome = await testConnection(client, 'localhost', port, { ...options, tls: true });
        assert.ok(outcome.ok, JSON.stringify(outcome));
        const t = outcome.value.tls;
        assert.ok(t, outcome.value.tlsError ?? 'no tls');
        assert.equal(t.address, '127.0.0.1');
        assert.deepEqual(t.san, ['DNS:localhost']);
        assert.equal(t.subject, 'CN=localhost');
        assert.equal(t.nameMatches, true);
        assert.equal(t.chainTrusted, false);
        assert.equal(t.chainError, 'DEPTH_ZERO_SELF_SIGNED_CERT');
        assert.match(t.trustStore, /Mozilla|OpenSSL|operating system/);
        assert.equal(Buffer.concat(received).length, 0, 'no application data');
      });
    });

    it('the same certificate for an address it does not name: the name does not match', async () => {
      await withTlsServer(async (port) => {
        const outcome = await testConnection(client, '127.0.0.1', port, { ...options, tls: true });
        assert.ok(outcome.ok && outcome.value.tls);
        assert.equal(outcome.value.tls.nameMatches, false);
        assert.match(outcome.value.tls.nameError ?? '', /IP: 127\.0\.0\.1 is not in the cert's list/);
      });
    });

    it('a server that does not speak TLS: the TCP attempt connects, the handshake error is reported', async () => {
      const server = tracked(net.createServer((s) => s.on('error', () => undefined).end('SSH-2.0-OpenSSH_9.2\r\n')));
      const port = await listen(server, '127.0.0.1');
      try {
        const outcome = await testConnection(client, '127.0.0.1', port, { ...options, tls: true });
        assert.ok(outcome.ok);
        assert.equal(outcome.value.attempts[0].result, 'connected');
        assert.equal(outcome.value.tls, null);
        assert.match(outcome.value.tlsError ?? '', /wrong version number|socket disconnected|ECONNRESET/i);
      } finally {
        await closeServer(server);
      }
    });
  });
});

describe('helper protocol: progress and cancel', function () {
  this.timeout(20000);
  let client: ResolverClient;
  const logLines: string[] = [];

  beforeEach(() => {
    logLines.length = 0;
    client = new ResolverClient({ helperPath: HELPER_JS, timeoutMs: () => 5000, log: (l) => logLines.push(l), env: { NETLENS_HELPER_TEST_HOOKS: '1' } });
  });
  afterEach(async () => {
    await client.dispose();
  });

  it('progress messages reach the caller in order; cancel answers at once and reaches the helper', async () => {
    const seen: number[] = [];
    const controller = new AbortController();
    const pending = client.request('debug.progress', { count: 5, bytes: 10 }, 5000, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.n);
        if (seen.length === 5) controller.abort();
      },
    });
    const outcome = await pending;
    assert.deepEqual(seen, [0, 1, 2, 3, 4]);
    assert.ok(!outcome.ok);
    assert.equal(outcome.error.kind, 'cancelled');
    // The helper got the cancel: its request ended (in-flight back to just the ping itself).
    assert.ok(await noneInFlight(client), 'the helper still runs the cancelled request');
  });

  it('a progress message restarts the deadline: a request that reports keeps running past its timeout', async () => {
    // 600 ms timeout; the helper reports once and then waits: the request must time out 600 ms after that report.
    const started = Date.now();
    const outcome = await client.request('debug.progress', { count: 1, bytes: 1 }, 600, { onProgress: () => undefined });
    assert.ok(!outcome.ok);
    assert.equal(outcome.error.kind, 'timeout');
    assert.ok(Date.now() - started >= 550);
  });

  it('an oversized progress message is dropped by the framing cap; the request and the helper survive', async () => {
    const seen: number[] = [];
    const controller = new AbortController();
    const pending = client.request('debug.progress', { count: 1, bytes: 2 * 1024 * 1024 }, 5000, { signal: controller.signal, onProgress: (p) => seen.push(p.n) });
    await new Promise((r) => setTimeout(r, 500));
    controller.abort();
    const outcome = await pending;
    assert.deepEqual(seen, []);
    assert.ok(!outcome.ok && outcome.error.kind === 'cancelled');
    assert.ok((await client.ping()).ok);
    assert.ok(logLines.some((l) => /protocol error/.test(l)), logLines.join('\n'));
  });

  it('a cancel for an unknown request id is ignored by the helper', async () => {
    const pong = await client.ping();
    assert.ok(pong.ok);
    // Reach into the real process: a raw cancel for an id that never existed.
    const helper = (client as unknown as { helper: { send(m: unknown): void } }).helper;
    helper.send({ type: 'cancel', id: 987654 });
    assert.ok((await client.ping()).ok);
  });
});


