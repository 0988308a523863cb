import * as assert from 'node:assert/strict';
import { scanText } from '../../src/core/scanner';
import * as path from 'node:path';
import { CORPUS_DIR, loadCorpus, scoreCorpus } from '../support/scannerCorpus';
import { REPO_ROOT } from '../support/paths';

/**
 * Corpora with thresholds: the scanner author's (`scanner-corpus`) and three written and labeled by people who never
 * read the scanner (`scanner-corpus-independent`, `-heldout4`, `-heldout5`; rules in each one's LABEL-RULES.md).
 * Issue 13's rules were tuned on all of them, so none is held-out evidence any more: held-out figures come from a
 * corpus the scanner has not been tuned on (see the README's Performance section).
 */
for (const [name, dir, minFiles] of [
  ['test/fixtures/scanner-corpus', CORPUS_DIR, 15],
  ['test/fixtures/scanner-corpus-independent', path.join(REPO_ROOT, 'test', 'fixtures', 'scanner-corpus-independent'), 30],
  // Written on 2026-12-06 by people who read neither the scanner nor the other corpora (rules: heldout3's), scored
  // once before any change (heldout4 0.953 / 0.988, heldout5 0.973 / 0.959), then tuned on: now regression tests.
  ['test/fixtures/scanner-corpus-heldout4', path.join(REPO_ROOT, 'test', 'fixtures', 'scanner-corpus-heldout4'), 50],
  ['test/fixtures/scanner-corpus-heldout5', path.join(REPO_ROOT, 'test', 'fixtures', 'scanner-corpus-heldout5'), 60],
] as const) {
describe(`scanner: precision and recall on the labeled corpus (${name})`, () => {
  it('finds ≥ 95 % of the labeled hosts and ≥ 97 % of what it reports is labeled', function () {
    const corpus = loadCorpus(dir);
    assert.ok(corpus.length >= minFiles, `corpus has only ${corpus.length} labeled files`);
    const s = scoreCorpus(corpus, (f) => scanText(f.text));
    const labels = corpus.reduce((n, f) => n + f.labels.length, 0);
    const summary = `precision ${s.precision.toFixed(4)}, recall ${s.recall.toFixed(4)} over ${corpus.length} files, ${labels} labeled matches`;
    console.log(`      scanner corpus: ${summary}`);
    const misses = [...s.falsePositives.map((p) => `  false positive ${p.kind} ${p.text}`), ...s.falseNegatives.map((l) => `  missed ${l.kind} ${l.text}`)];
    if (misses.length) console.log(misses.map((m) => `      ${m}`).join('\n'));
    assert.ok(s.precision >= 0.97, `${summary}\n${misses.join('\n')}`);
    assert.ok(s.recall >= 0.95, `${summary}\n${misses.join('\n')}`);
  });

  it('has labels that point at real text (every label is on its line)', () => {
    for (const f of loadCorpus(dir)) {
      const lines = f.text.split('\n');
      for (const l of f.labels) assert.ok(lines[l.line - 1]?.includes(l.text), `${f.name}:${l.line}: ${l.text} is not on that line`);
    }
  });
});
}

for (const name of ['scanner-corpus-heldout', 'scanner-corpus-heldout2', 'scanner-corpus-heldout3', 'scanner-corpus-heldout6', 'scanner-corpus-heldout7']) describe(`scanner: a corpus without thresholds (test/fixtures/${name})`, () => {
  // Written by people who read neither the scanner nor the other corpora, with the independent corpus's rules.
  // `heldout2` was never tuned on: its score is reported by `npm run bench`, not asserted here, since a threshold
  // would invite tuning on it, and then it would no longer be held out. (`heldout` was tuned on after heldout2 was
  // written; it keeps no threshold so that its history stays comparable. `heldout2` was then tuned on a little (two
  // conventions grepped, 2026-12-06); `heldout3`, written after that, was never tuned on either; `heldout6`, written
  // after heldout4 and heldout5 were tuned on (stop 25), was never tuned on; `heldout7` (stop 29) is the newest.)
  it('has labels that point at real text (every label is on its line)', () => {
    const corpus = loadCorpus(path.join(REPO_ROOT, 'test', 'fixtures', name));
    assert.ok(corpus.length >= 40, `${corpus.length} files`);
    for (const f of corpus) {
      const lines = f.text.split('\n');
      for (const l of f.labels) assert.ok(lines[l.line - 1]?.includes(l.text), `${f.name}:${l.line}: ${l.text} is not on that line`);
    }
  });
});
