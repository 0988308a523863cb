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
    for (const name of ['throughput', 'precision \\(corpus\\)', 'dense throughput', 'vs frozen scanner', 'per keystroke', 'per-edit scaling']) {
      assert.ok(lines.some((l) => new RegExp(`^scanner ${name} .*ratio [\\d.]+×`).test(l)), `no scanner ${name} line:\n${out}`);
    }
    // `netlens scan --json` end to end on the dense file, against a linkify-it script; its peak RSS at two sizes.
    assert.ok(lines.some((l) => /^netlens scan --json, dense .*peak RSS \d+ MiB.*baseline linkify-it script .*ratio [\d.]+×/.test(l)), out);
    assert.ok(lines.some((l) => /^netlens scan --json, memory .*peak RSS \d+ MiB.*ratio [\d.]+×/.test(l)), out);
    // The extension and helper benchmarks: figures, or a "skipped" line where they need the DNS fixture.
    for (const name of ['activation ', 'hover on a cached name ', '100 concurrent hovers ', 'lookup throughput ', 'responsiveness, 64 hung ', 'resolve all hosts ', 'memory ']) {
      assert.ok(lines.some((l) => l.startsWith(name) && /( ms | µs |ratio |skipped|bounded)/.test(l)), `no ${name.trim()} line:\n${out}`);
    }
    assert.ok(lines.some((l) => /^activation .*processes spawned 0 /.test(l)), `activation spawned a process:\n${out}`);
    assert.ok(lines.some((l) => /^100 concurrent hovers +1 helper request\(s\)/.test(l)), `hovers were not coalesced:\n${out}`);
  });
});
