// The built addon must load on glibc 2.28, VS Code's minimum for remote hosts, whatever glibc built it: its ELF
// may need no symbol version newer than GLIBC_2.28. Asking NSS modules alone needs dlopen/dlsym, which a build on
// glibc >= 2.34 would bind to dlopen@GLIBC_2.34 (and which live in libdl.so.2 before 2.34); the addon takes them
// from Node instead (uv_dlopen, uv_dlsym: native/nss_module_call.c). readelf and objdump read the built file.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../support/paths';

const ADDON = path.join(REPO_ROOT, 'build', 'Release', 'netlens_resolver.node');

function tool(name: string, args: string[]): string | null {
  const run = spawnSync(name, [...args, ADDON], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout : null;
}

describe('native addon: loads on glibc 2.28', function () {
  before(function () {
    if (process.platform !== 'linux' || !fs.existsSync(ADDON)) {
      console.log('    (skipped: no Linux build of the addon)');
      this.skip();
    }
  });

  it('needs no GLIBC symbol version newer than 2.28 (readelf -V)', function () {
    const text = tool('readelf', ['-V', '-W']);
    if (text === null) return this.skip();
    const needed = [...text.matchAll(/Name: (GLIBC_[0-9.]+)/g)].map((m) => m[1]);
    assert.ok(needed.length > 0, 'the addon needs some glibc version (the section was read)');
    const tooNew = needed.filter((v) => {
      const [major, minor] = v.slice('GLIBC_'.length).split('.').map(Number);
      return major > 2 || (major === 2 && minor > 28);
    });
    assert.deepEqual(tooNew, [], `needed: ${needed.join(', ')}`);
  });

  it('has no dl* symbol of its own: dlopen and dlsym come from Node as uv_dlopen and uv_dlsym (objdump -T)', function () {
    const text = tool('objdump', ['-T']);
    if (text === null) return this.skip();
    const undefinedSymbols = text
      .split('\n')
      .filter((line) => line.includes('*UND*'))
      .map((line) => line.trim().split(/\s+/).pop() ?? '');
    assert.deepEqual(undefinedSymbols.filter((s) => /^dl[a-z]+$/.test(s)), []);
    for (const needed of ['uv_dlopen', 'uv_dlsym', 'uv_dlerror', 'uv_dlclose']) assert.ok(undefinedSymbols.includes(needed), needed);
  });
});
