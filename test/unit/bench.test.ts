import * as assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as path from 'path';
import { REPO_ROOT } from '../support/paths';

describe('npm run bench', () => {
  it('runs every benchmark on a tiny input and prints a ratio against its baseline for each', function () {
    this.timeout(30000);
    const out = execFileSync(process.execPath, [path.join(REPO_ROOT, 'out', 'bench', 'run.js'), '--quick'], { encoding: 'utf8' });
    const lines = out.trim().split('\n');
    assert.match(lines[0], /^NetLens benchmarks/);
    assert.ok(lines.some((l) => /^ipc ping \(serial\).*ratio \d+×/.test(l)), out);
    assert.ok(lines.some((l) => /^getaddrinfo\(localhost\).*ratio [\d.]+×/.test(l)), out);
    for (const name of ['throughput', 'precision \\(corpus\\)', 'per keystroke', 'per-edit scaling']) {
      assert.ok(lines.some((l) => new RegExp(`^scanner ${name} .*ratio [\\d.]+×`).test(l)), `no scanner ${name} line:\n${out}`);
    }
  });
});
