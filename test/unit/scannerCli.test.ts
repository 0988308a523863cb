import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'child_process';
import * as path from 'path';
import { CLI_JS } from '../support/paths';
import { CORPUS_DIR } from '../support/scannerCorpus';
import type { ScanMatchJson } from '../../src/cli/commands/scan';

type ScanJson = ScanMatchJson;

describe('netlens scan (CLI)', () => {
  it('prints one JSON array of matches with 0-based lines and UTF-16 offsets; URLs carry scheme and port', () => {
    const input = 'DATABASE_URL=postgres://app@db.internal/app\n😀 ops@example.com [2001:db8::1]:443\nhttps://example.com:8443/x 10.0.0.1\n';
    const out = execFileSync(process.execPath, [CLI_JS, 'scan', '-', '--json'], { input, encoding: 'utf8' });
    const matches = JSON.parse(out) as ScanJson[];
    assert.deepEqual(matches, [
      { kind: 'url', text: 'postgres://app@db.internal/app', line: 0, character: 13, length: 30, host: 'db.internal', scheme: 'postgres', port: 5432, portSource: matches[0].portSource },
      { kind: 'hostname', text: 'example.com', line: 1, character: 7, length: 11, host: 'example.com' },
      { kind: 'ipv6', text: '2001:db8::1', line: 1, character: 20, length: 11, host: '2001:db8::1' },
      { kind: 'url', text: 'https://example.com:8443/x', line: 2, character: 0, length: 26, host: 'example.com', scheme: 'https', port: 8443, portSource: 'explicit' },
      { kind: 'ipv4', text: '10.0.0.1', line: 2, character: 27, length: 8, host: '10.0.0.1' },
    ]);
    // postgres has no /etc/services entry on most systems (then NetLens' default table answers); either is right.
    assert.ok(matches[0].portSource === 'service' || matches[0].portSource === 'default');
  });

  it('scans a file and prints an aligned table without --json', () => {
    const out = execFileSync(process.execPath, [CLI_JS, 'scan', path.join(CORPUS_DIR, 'hosts')], { encoding: 'utf8' });
    const lines = out.trimEnd().split('\n');
    assert.match(lines[0], /^line:col\s+kind\s+host\s+port\s+text$/);
    assert.ok(lines.some((l) => /^9:1\s+ipv4\s+192\.0\.2\.10\s/.test(l)), out);
    assert.ok(lines.some((l) => /^13:14\s+hostname\s+mail\.example\.com\s/.test(l)), out);
  });

  it('reports an unreadable file as Python would (OSError, exit 1)', () => {
    const r = spawnSync(process.execPath, [CLI_JS, 'scan', 'no-such-file.txt', '--json'], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim(), "OSError: [Errno 2] No such file or directory: 'no-such-file.txt'");
    assert.deepEqual(JSON.parse(r.stdout), { error: { type: 'OSError', errno: 2, message: "[Errno 2] No such file or directory: 'no-such-file.txt'" } });
  });
});
