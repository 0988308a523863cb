// Issue 17 item 5: where no addon loads, the helper says why once, answers with dns.lookup, marks what it cannot
// know, and keeps working. Each case puts a deliberately broken file where the addon of this machine's target
// should be — next to a copy of the real helper bundle in a temporary folder, so nothing depends on what esbuild.js
// copies into dist/native — and talks to that helper over its real protocol. Only numeric hosts are asked: nothing
// reaches DNS.
import * as assert from 'assert';
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { nativeTarget, type NativeTarget, type PlatformId } from '../../src/core/platform';
import { encodeMessage, MessageReader } from '../../src/ipc/framing';
import { headerProblem, readBinaryHeader } from '../../src/helper/addonDiagnosis';
import { hostPlatform } from '../../src/helper/libcInfo';
import { selectBackend } from '../../src/helper/selectBackend';
import { HELPER_JS, REPO_ROOT } from '../support/paths';

/** The addon node-gyp built on npm install (not esbuild.js's copy of it). */
const REAL_ADDON = path.join(REPO_ROOT, 'build', 'Release', 'netlens_resolver.node');
const PLATFORM = hostPlatform();
const TARGET = nativeTarget(PLATFORM);

interface Reply {
  type: string;
  id?: number;
  ok?: boolean;
  result?: Record<string, unknown>;
  error?: { message: string };
  backend?: string;
}

/** A helper bundle copy in `dir`, started; its replies and its log. */
class HelperUnderTest {
  readonly replies: Reply[] = [];
  private readonly child: ChildProcessWithoutNullStreams;
  private log = '';
  private nextId = 1;

  constructor(dir: string) {
    const helper = path.join(dir, 'helper.js');
    fs.copyFileSync(HELPER_JS, helper);
    const env = { ...process.env };
    delete env.NETLENS_FORCE_FALLBACK;
    this.child = spawn(process.execPath, [helper], { stdio: ['pipe', 'pipe', 'pipe'], env, shell: false });
    this.child.stderr.on('data', (d: Buffer) => (this.log += d.toString()));
    const reader = new MessageReader(1 << 20, { onMessage: (m) => this.replies.push(m as Reply), onError: () => undefined });
    this.child.stdout.on('data', (d: Buffer) => reader.push(d));
  }

  get stderr(): string {
    return this.log;
  }

  async ready(): Promise<Reply> {
    return this.waitFor((r) => r.type === 'ready');
  }

  async request(method: string, params: unknown): Promise<Reply> {
    const id = this.nextId++;
    this.child.stdin.write(encodeMessage({ type: 'request', id, method, params }));
    return this.waitFor((r) => r.type === 'response' && r.id === id);
  }

  private async waitFor(match: (r: Reply) => boolean): Promise<Reply> {
    const until = Date.now() + 10_000;
    for (;;) {
      const found = this.replies.find(match);
      if (found) return found;
      if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error(`helper ended (${this.child.exitCode ?? this.child.signalCode}); log:\n${this.log}`);
      if (Date.now() > until) throw new Error(`no reply within 10 s; log:\n${this.log}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

/** ELF e_machine of the other architecture than this machine's (x64 ⇄ arm64). */
function otherArchCopy(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  copy.writeUInt16LE(process.arch === 'arm64' ? 0x3e : 0xb7, 18);
  return copy;
}

/** A shared library of this machine's architecture that is not a Node addon (the C library's libm). */
function someSharedLibrary(): string | null {
  const objects = (process.report.getReport() as { sharedObjects?: string[] }).sharedObjects ?? [];
  return objects.find((o) => /\/libm\.so\.6$/.test(o)) ?? null;
}

const count = (text: string, part: string): number => text.split(part).length - 1;

describe('addon fallback: a broken addon where the helper looks for it (issue 17 item 5)', function () {
  this.timeout(30_000);
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  before(function () {
    if (TARGET === null || !fs.existsSync(REAL_ADDON) || !fs.existsSync(HELPER_JS)) {
      console.log(`      (skipped: needs ${REAL_ADDON}, ${HELPER_JS} and a platform with a native target, not ${process.platform}-${process.arch})`);
      this.skip();
    }
  });

  /** Case name, what to put in the addon's place (null: nothing), and the reason the log must give. */
  const cases: [string, () => Buffer | null, RegExp][] = [
    ['missing', () => null, /no addon at .*netlens_resolver\.node/],
    ['empty', () => Buffer.alloc(0), /the file is empty/],
    ['truncated (the first 3000 bytes of the real addon)', () => fs.readFileSync(REAL_ADDON).subarray(0, 3000), /truncated: 3000 bytes where its headers need at least \d+/],
    ['an ELF of the other architecture', () => otherArchCopy(fs.readFileSync(REAL_ADDON)), process.arch === 'arm64' ? /built for x64, not arm64/ : /built for arm64, not x64/],
    ['not a binary at all', () => Buffer.from('#!/bin/sh\necho not an addon\n'), /not a shared library \(no ELF header in its 28 bytes\)/],
    [
      'a shared library that is not a Node addon',
      () => {
        const lib = someSharedLibrary();
        return lib === null ? Buffer.alloc(0) : fs.readFileSync(lib);
      },
      /the loader refused it: Module did not self-register/,
    ],
  ];

  for (const [name, make, reason] of cases) {
    it(`${name}: says why once, answers with dns.lookup and marks the unknown fields`, async function () {
      if (name.startsWith('a shared library') && someSharedLibrary() === null) this.skip();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-addon-'));
      dirs.push(dir);
      const content = make();
      if (content !== null) {
        fs.mkdirSync(path.join(dir, 'native', TARGET ?? ''), { recursive: true });
        fs.writeFileSync(path.join(dir, 'native', TARGET ?? '', 'netlens_resolver.node'), content);
      }
      const helper = new HelperUnderTest(dir);
      try {
        assert.strictEqual((await helper.ready()).backend, 'dns.lookup');
        const v4 = await helper.request('getaddrinfo', { host: '127.0.0.1', port: 80, family: 'AF_UNSPEC', socktype: 'SOCK_UNSPEC', proto: 0, flags: ['AI_CANONNAME'] });
        assert.ok(v4.ok, JSON.stringify(v4));
        assert.strictEqual(v4.result?.backend, 'dns.lookup');
        assert.deepStrictEqual((v4.result?.rows as { sockaddr: unknown }[]).map((r) => r.sockaddr), [['127.0.0.1', 80]]);
        assert.deepStrictEqual(v4.result?.unavailable, ['canonical name (AI_CANONNAME)', 'socket type and protocol rows']);
        const v6 = await helper.request('getaddrinfo', { host: '::1', port: null, family: 'AF_INET6', socktype: 'SOCK_STREAM', proto: 6, flags: [] });
        assert.ok(v6.ok, JSON.stringify(v6));
        assert.deepStrictEqual(v6.result?.unavailable, ['IPv6 flowinfo and scope_id']);
        const ping = await helper.request('ping', {});
        const note = String(ping.result?.backendNote);
        assert.match(note, new RegExp(`^native addon for ${TARGET} not loaded: `));
        assert.match(note, reason);
        // Said once: the start-up line carries the reason, no answer repeats it in the log.
        const log = helper.stderr;
        assert.strictEqual(count(log, note), 1, log);
        assert.strictEqual(count(log, 'not loaded'), 1, log);
      } finally {
        helper.kill();
      }
    });
  }

  it('the real addon in the same place loads (the cases above fail for their file, not the layout)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-addon-'));
    dirs.push(dir);
    fs.mkdirSync(path.join(dir, 'native', TARGET ?? ''), { recursive: true });
    fs.copyFileSync(REAL_ADDON, path.join(dir, 'native', TARGET ?? '', 'netlens_resolver.node'));
    const helper = new HelperUnderTest(dir);
    try {
      assert.strictEqual((await helper.ready()).backend, 'native');
      const v4 = await helper.request('getaddrinfo', { host: '127.0.0.1', port: 80, family: 'AF_INET', socktype: 'SOCK_STREAM', proto: 0, flags: [] });
      assert.deepStrictEqual(v4.result?.unavailable, []);
      assert.doesNotMatch(helper.stderr, /not loaded/);
    } finally {
      helper.kill();
    }
  });
});

describe('addon fallback: the platform decides the folder, in-process (selectBackend with an injected platform)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-select-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const env = {};

  it('a platform NetLens builds no addon for: the fallback, and the note names the platform', () => {
    const freebsd: PlatformId = { os: 'freebsd', arch: 'x64', libc: null };
    const { backend, note } = selectBackend(dir, freebsd, env);
    assert.strictEqual(backend.name, 'dns.lookup');
    assert.strictEqual(note, 'no native addon is built for freebsd-x64');
  });

  it('musl looks in alpine-<arch>, Windows in win32-<arch>, each with its own constants in the fallback', () => {
    const musl = selectBackend(dir, { os: 'linux', arch: 'arm64', libc: 'musl' }, env);
    assert.match(musl.note ?? '', /^native addon for alpine-arm64 not loaded: no addon at .*native[/\\]alpine-arm64[/\\]netlens_resolver\.node$/);
    assert.strictEqual(musl.backend.constants.NI_MAXHOST, 255);
    const win = selectBackend(dir, { os: 'win32', arch: 'x64', libc: null }, env);
    assert.match(win.note ?? '', /^native addon for win32-x64 not loaded: no addon at /);
    assert.strictEqual(win.backend.constants.AF_INET6, 23);
  });

  it('NETLENS_FORCE_FALLBACK=1 still wins', () => {
    assert.strictEqual(selectBackend(dir, PLATFORM, { NETLENS_FORCE_FALLBACK: '1' }).note, 'NETLENS_FORCE_FALLBACK=1 is set');
  });
});

describe('addon fallback: reading a binary header (pure)', () => {
  const problem = (target: NativeTarget, bytes: Buffer, size = bytes.length): string | null => headerProblem(target, size, readBinaryHeader(bytes));

  /** A minimal PE: MZ, e_lfanew 0x40, "PE\0\0", machine, no sections. */
  function pe(machine: number): Buffer {
    const b = Buffer.alloc(0x40 + 24);
    b.write('MZ', 0, 'latin1');
    b.writeUInt32LE(0x40, 0x3c);
    b.writeUInt32BE(0x50450000, 0x40);
    b.writeUInt16LE(machine, 0x44);
    return b;
  }

  /** A minimal 64-bit Mach-O header with no load commands. */
  function macho(cpu: number): Buffer {
    const b = Buffer.alloc(32);
    b.writeUInt32LE(0xfeedfacf, 0);
    b.writeUInt32LE(cpu, 4);
    return b;
  }

  it('Windows and macOS binaries are told apart by format and CPU', () => {
    assert.strictEqual(problem('win32-x64', pe(0x8664)), null);
    assert.strictEqual(problem('win32-arm64', pe(0x8664)), 'built for x64, not arm64');
    assert.strictEqual(problem('darwin-arm64', macho(0x0100000c)), null);
    assert.strictEqual(problem('darwin-x64', macho(0x0100000c)), 'built for arm64, not x64');
    assert.strictEqual(problem('darwin-arm64', pe(0xaa64)), 'a PE binary, not the Mach-O one darwin-arm64 loads');
    assert.strictEqual(problem('win32-x64', macho(0x01000007)), 'a Mach-O binary, not the PE one win32-x64 loads');
  });

  it('the real addon passes for its own target, and for no other', function () {
    if (!fs.existsSync(REAL_ADDON) || TARGET === null) this.skip();
    const bytes = fs.readFileSync(REAL_ADDON);
    assert.strictEqual(problem(TARGET, bytes), null);
    assert.strictEqual(problem('darwin-x64', bytes), 'an ELF binary, not the Mach-O one darwin-x64 loads');
    // Cut anywhere, it is caught: the furthest of its segments and section headers is its end.
    for (const keep of [64, 1000, bytes.length >> 1, bytes.length - 1]) assert.match(problem(TARGET, bytes.subarray(0, keep)) ?? '', /^truncated: /, `kept ${keep}`);
  });
});
