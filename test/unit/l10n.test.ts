// Localization: the default bundle (l10n/bundle.l10n.json) is exactly what @vscode/l10n-dev extracts from every
// vscode.l10n.t call in src/ today, and package.json points VS Code at it. A sentence added, changed or removed
// without regenerating the bundle fails here (regenerate: npx @vscode/l10n-dev export --outDir ./l10n ./src).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../support/paths';

const CLI = path.join(path.dirname(require.resolve('@vscode/l10n-dev/package.json')), 'dist', 'cli.js');

describe('localization bundle', function () {
  this.timeout(60_000);

  it('package.json names the bundle folder, which holds the bundle', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { l10n?: string };
    assert.equal(manifest.l10n, './l10n');
    assert.ok(fs.existsSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.json')));
  });

  it('equals a fresh export of every vscode.l10n.t sentence in src/', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-l10n-'));
    try {
      const r = spawnSync(process.execPath, [CLI, 'export', '--outDir', out, path.join(REPO_ROOT, 'src')], { cwd: REPO_ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr + r.stdout);
      const fresh = JSON.parse(fs.readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
      const committed = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
      assert.deepEqual(Object.keys(committed).filter((k) => !(k in fresh)), [], 'in the committed bundle but no longer in the code');
      assert.deepEqual(Object.keys(fresh).filter((k) => !(k in committed)), [], 'in the code but not in the committed bundle (regenerate it)');
      assert.deepEqual(committed, fresh);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it("the panel's script holds no English sentence of its own: they come localized in data-strings", () => {
    const script = fs.readFileSync(path.join(REPO_ROOT, 'media', 'webview.js'), 'utf8');
    const panel = fs.readFileSync(path.join(REPO_ROOT, 'src', 'extension', 'addrinfoPanel.ts'), 'utf8');
    const sentences = [...panel.matchAll(/vscode\.l10n\.t\('([^']+)'\)/g)].map((m) => m[1]);
    assert.ok(sentences.length >= 10, `the panel's sentences: ${sentences.length}`);
    // Sentences of two words or more (a single word such as Resolve also appears in code).
    for (const sentence of sentences.filter((s) => /\w \w/.test(s))) assert.ok(!script.includes(sentence.replace(/\{\d\}.*$/, '')), `media/webview.js holds "${sentence}"`);
  });
});
