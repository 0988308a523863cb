// The release checks of the native binaries (scripts/lib/binaryInfo.js reads them, scripts/lib/checkBinary.js
// judges them), on real files: a tiny probe (test/fixtures/native-probe/probe.c) built with the pinned zig for each
// of the 8 targets, plus variants that break one rule each (a NODE.EXE import, a libc function macOS lacks, a
// GLIBC_ version too new, a signature that is not ad-hoc), so each check is seen both passing and failing.
// zig is an optionalDependency installed on Linux x64 only: elsewhere the suite skips and says so.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/paths';

interface Target {
  vscodeTarget: string;
  zigTarget: string;
  flags: string[];
  expect: { format: string; arch: string; libc?: string };
}
interface Info {
  format: string;
  arch: string;
  exports: string[];
  undefinedSymbols: string[];
  libraries: string[];
  glibcVersions?: string[];
  imports?: { dll: string; functions: string[]; delayLoad: boolean }[];
  codeSignature?: { present: boolean; codeDirectoryFlags?: number; adhoc: boolean; linkerSigned: boolean };
}
interface Check {
  problems: string[];
  newestGlibc: string;
  signature: string;
}

const lib = (name: string): unknown => require(path.join(REPO_ROOT, 'scripts', 'lib', name));
const { NATIVE_TARGETS, COMMON_FLAGS } = lib('nativeTargets.js') as { NATIVE_TARGETS: Target[]; COMMON_FLAGS: string[] };
const { inspectBinary, libSystemSymbols, compareVersions } = lib('binaryInfo.js') as {
  inspectBinary: (b: Buffer) => Info;
  libSystemSymbols: (text: string, arch: 'x86_64' | 'arm64') => Set<string>;
  compareVersions: (a: string, b: string) => number;
};
const { checkBinary } = lib('checkBinary.js') as { checkBinary: (i: Info, t: Target, c?: { libSystem?: Set<string> }) => Check };
const { findZig } = lib('zigToolchain.js') as {
  findZig: (root: string) => { ok: true; zig: string; libDir: string } | { ok: false; reason: string };
};

const PROBE = path.join(REPO_ROOT, 'test', 'fixtures', 'native-probe', 'probe.c');
const target = (name: string): Target => {
  const t = NATIVE_TARGETS.find((x) => x.vscodeTarget === name);
  if (!t) throw new Error(`no target ${name}`);
  return t;
};

describe('native binary checks (binaryInfo, checkBinary) on real binaries of every target', function () {
  this.timeout(600_000); // a cold zig cache builds each target's libc once
  const zig = findZig(REPO_ROOT);
  let dir: string;
  const built = new Map<string, Buffer>();
  let libSystem11: string;

  /** zig cc of the probe for `t` with extra flags; the file's bytes. */
  function build(t: Target, name: string, extra: string[] = []): Buffer {
    if (!zig.ok) throw new Error(zig.reason);
    const out = path.join(dir, `${name}.node`);
    const cache = process.env.NETLENS_ZIG_CACHE || path.join(REPO_ROOT, 'build', 'zig-cache');
    const r = spawnSync(zig.zig, ['cc', '-target', t.zigTarget, ...COMMON_FLAGS, ...t.flags, ...extra, PROBE, '-o', out], {
      encoding: 'utf8',
      env: { ...process.env, ZIG_GLOBAL_CACHE_DIR: cache, ZIG_LOCAL_CACHE_DIR: cache },
    });
    assert.equal(r.status, 0, `zig cc for ${t.vscodeTarget} failed: ${r.stderr}`);
    return fs.readFileSync(out);
  }
  const check = (bytes: Buffer, t: Target): Check => {
    const info = inspectBinary(bytes);
    const arch = info.arch === 'arm64' ? 'arm64' : 'x86_64';
    return checkBinary(info, t, info.format === 'Mach-O' ? { libSystem: libSystemSymbols(libSystem11, arch) } : {});
  };

  before(function () {
    if (!zig.ok) {
      console.log(`      (skipped: ${zig.reason})`);
      this.skip();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-binaryinfo-'));
    libSystem11 = fs.readFileSync(path.join(zig.libDir, 'libc', 'darwin', 'libSystem.11.tbd'), 'utf8');
    for (const t of NATIVE_TARGETS) built.set(t.vscodeTarget, build(t, t.vscodeTarget));
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  for (const t of NATIVE_TARGETS) {
    it(`${t.vscodeTarget}: reads ${t.expect.format}/${t.expect.arch}, exports only the entry point, and passes every rule`, () => {
      const bytes = built.get(t.vscodeTarget) as Buffer;
      const info = inspectBinary(bytes);
      assert.equal(info.format, t.expect.format);
      assert.equal(info.arch, t.expect.arch);
      const entry = info.format === 'Mach-O' ? '_napi_register_module_v1' : 'napi_register_module_v1';
      assert.ok(info.exports.includes(entry), `exports: ${info.exports.join(', ')}`);
      assert.ok(!info.exports.some((e) => e.includes('probe_not_exported')), 'a hidden function is not exported');
      assert.deepEqual(check(bytes, t).problems, []);
    });
  }

  it('every other target is refused: a binary never passes as a target of another format or architecture', () => {
    for (const t of NATIVE_TARGETS) {
      for (const other of NATIVE_TARGETS.filter((o) => o.expect.format !== t.expect.format || o.expect.arch !== t.expect.arch)) {
        const problems = check(built.get(t.vscodeTarget) as Buffer, other).problems;
        assert.ok(problems.some((p) => /^(format|architecture) is/.test(p)), `${t.vscodeTarget} as ${other.vscodeTarget}: ${problems.join('; ')}`);
      }
    }
  });

  it('Linux: reads the GLIBC_ versions needed (none on musl) and refuses a musl target that needs glibc', () => {
    const gnu = inspectBinary(built.get('linux-x64') as Buffer);
    assert.equal(gnu.libraries.includes('libc.so.6'), true, gnu.libraries.join(', '));
    assert.ok((gnu.glibcVersions ?? []).length > 0, 'malloc and free are versioned symbols');
    assert.ok((gnu.glibcVersions ?? []).every((v) => compareVersions(v, '2.28') <= 0), (gnu.glibcVersions ?? []).join(', '));
    const musl = inspectBinary(built.get('alpine-x64') as Buffer);
    assert.deepEqual(musl.glibcVersions, []);
    assert.ok(!musl.libraries.includes('libc.so.6'), musl.libraries.join(', '));
    const asMusl = checkBinary(gnu, { ...target('alpine-x64') }).problems;
    assert.ok(asMusl.some((p) => /needs glibc symbol versions/.test(p)), asMusl.join('; '));
  });

  it('Linux glibc: a binary that needs GLIBC_2.36 (this machine’s gcc, arc4random) is refused', function () {
    const out = path.join(dir, 'new-glibc.so');
    const r = spawnSync('cc', ['-shared', '-fPIC', '-O2', '-DPROBE_NEW_GLIBC', PROBE, '-o', out], { encoding: 'utf8' });
    if (r.error || r.status !== 0) return this.skip(); // no system compiler, or a libc without arc4random (< 2.36)
    const info = inspectBinary(fs.readFileSync(out));
    if (info.arch !== 'x64') return this.skip();
    assert.ok((info.glibcVersions ?? []).includes('2.36'), (info.glibcVersions ?? []).join(', '));
    const problems = checkBinary(info, target('linux-x64')).problems;
    assert.ok(problems.some((p) => p.includes('needs GLIBC_2.36, newer than GLIBC_2.28')), problems.join('; '));
  });

  it('Windows: lists the imported DLLs and refuses an import of NODE.EXE (an import library made from node-api-headers’ .def)', () => {
    const t = target('win32-x64');
    const good = inspectBinary(built.get('win32-x64') as Buffer);
    assert.ok(good.imports?.some((i) => i.dll.toLowerCase() === 'kernel32.dll' && i.functions.includes('GetProcAddress')), JSON.stringify(good.imports));
    if (!zig.ok) throw new Error(zig.reason);
    const def = path.join(path.dirname(require.resolve('node-api-headers/package.json', { paths: [REPO_ROOT] })), 'def', 'node_api.def');
    const importLib = path.join(dir, 'node.lib');
    const r = spawnSync(zig.zig, ['dlltool', '-m', 'i386:x86-64', '-d', def, '-l', importLib], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const bad = inspectBinary(build(t, 'imports-node', ['-DPROBE_IMPORT_NODE', importLib]));
    assert.deepEqual(bad.imports?.find((i) => i.dll === 'NODE.EXE')?.functions, ['napi_create_int32']);
    const problems = checkBinary(bad, t).problems;
    assert.ok(problems.includes('imports NODE.EXE, not a Windows system DLL'), problems.join('; '));
    assert.ok(problems.some((p) => p.startsWith('imports napi_create_int32 from NODE.EXE')), problems.join('; '));
  });

  it('darwin: libSystem’s list has getaddrinfo but not gethostbyname2_r, and a binary calling the latter is refused', () => {
    for (const arch of ['x86_64', 'arm64'] as const) {
      const syms = libSystemSymbols(libSystem11, arch);
      assert.ok(syms.has('_getaddrinfo') && syms.has('_malloc') && syms.has('_gethostbyname2'), `${arch}: ${syms.size} symbols`);
      assert.ok(!syms.has('_gethostbyname2_r'));
    }
    const t = target('darwin-x64');
    const problems = check(build(t, 'missing-libc', ['-DPROBE_MISSING_LIBC']), t).problems;
    assert.deepEqual(problems, ['undefined symbols libSystem does not export: _gethostbyname2_r']);
  });

  it('darwin-arm64: reads the ad-hoc signature, and refuses the binary when the CodeDirectory is not flagged CS_ADHOC', () => {
    const t = target('darwin-arm64');
    const bytes = Buffer.from(built.get('darwin-arm64') as Buffer);
    const info = inspectBinary(bytes);
    assert.equal(info.codeSignature?.adhoc, true);
    // Clear CS_ADHOC (0x2) in the CodeDirectory's flags: its magic 0xfade0c02, flags 12 bytes in, big-endian.
    const cd = bytes.indexOf(Buffer.from([0xfa, 0xde, 0x0c, 0x02]));
    assert.ok(cd > 0);
    bytes.writeUInt32BE(bytes.readUInt32BE(cd + 12) & ~0x2, cd + 12);
    const problems = check(bytes, t).problems;
    assert.deepEqual(problems, ['darwin-arm64 needs an ad-hoc code signature; found: signed, not ad-hoc']);
  });

  it('refuses what is not a binary of ours with a reason', () => {
    assert.throws(() => inspectBinary(Buffer.from('#!/bin/sh\n')), /not an ELF, PE or Mach-O file/);
    const elf32 = Buffer.from(built.get('linux-x64') as Buffer);
    elf32[4] = 1;
    assert.throws(() => inspectBinary(elf32), /not 64-bit little-endian/);
  });
});
