// The product's scanner with the ahead-of-time module registered (useAotScanner, as the extension, the CLI and the
// bench do): scanLine, scanText and scanLines give the TypeScript scanner's matches on whole corpus files — ASCII
// lines through the module, the others (non-ASCII, lone surrogates) through the TypeScript — with and without
// private suffixes, including lists the module refuses; and it stops when unregistered.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createScanner, HostScanner, scanLine, scanText, useAotScanner } from '../../src/core/scanner';
import { AotHostScanner } from '../../src/core/scanner/aotScanner';
import { loadCorpus } from '../support/scannerCorpus';
import { REPO_ROOT } from '../support/paths';
import { isAscii, SCANNER_WASM, scannerWasmOrSkip } from '../support/scannerWasm';

const CORPORA = fs.readdirSync(path.join(REPO_ROOT, 'test', 'fixtures')).filter((d) => d.startsWith('scanner-corpus'));

describe('scanner through the ahead-of-time module (AotHostScanner)', function () {
  this.timeout(120_000);
  before(function () {
    scannerWasmOrSkip(this);
    useAotScanner(new WebAssembly.Module(fs.readFileSync(SCANNER_WASM)));
  });
  after(() => useAotScanner(null));

  it('is what createScanner gives once registered, and not after', function () {
    assert.ok(createScanner() instanceof AotHostScanner);
    useAotScanner(null);
    try {
      assert.ok(!(createScanner() instanceof AotHostScanner));
    } finally {
      useAotScanner(new WebAssembly.Module(fs.readFileSync(SCANNER_WASM)));
    }
  });

  for (const privateSuffixes of [[], ['corp.example', 'svc.cluster', 'lab']]) {
    it(`finds the TypeScript's matches in every corpus file (private suffixes ${JSON.stringify(privateSuffixes)})`, function () {
      const ts = new HostScanner({ privateSuffixes });
      const aot = createScanner({ privateSuffixes });
      assert.ok(aot instanceof AotHostScanner);
      let files = 0;
      let nonAscii = 0;
      for (const dir of CORPORA) {
        for (const f of loadCorpus(path.join(REPO_ROOT, 'test', 'fixtures', dir))) {
          files++;
          if (!isAscii(f.text)) nonAscii++;
          assert.deepStrictEqual(aot.scanText(f.text), ts.scanText(f.text), `${dir}/${f.name}`);
          const lines = f.text.split('\n');
          assert.deepStrictEqual(aot.scanLines((k) => lines[k], 0, lines.length), ts.scanLines((k) => lines[k], 0, lines.length), `${dir}/${f.name} by lines`);
        }
      }
      assert.ok(files > 350 && nonAscii > 10, `${files} files, ${nonAscii} with non-ASCII lines`);
    });
  }

  it('scans lines the module does not take with the TypeScript: non-ASCII, lone surrogates, very long lines', function () {
    const ts = new HostScanner();
    const lines = [
      'münchen.example.de db.internal:5432 and café.example.com',
      'host = "\ud800db.internal"',
      'emoji 😀 at api.example.com',
      `db.internal ${'http://a.example.com/ '.repeat(8200)}`, // more URLs than the module's room (8,192)
      '',
      'plain ascii: ssh deploy@bastion',
    ];
    lines.forEach((line, n) => assert.deepStrictEqual(scanLine(line, n), ts.scanLine(line, n), JSON.stringify(line.slice(0, 60))));
    assert.deepStrictEqual(scanText(lines.join('\r\n')), ts.scanText(lines.join('\r\n')));
  });

  it('falls back to the TypeScript for private suffixes the module cannot hold', function () {
    for (const privateSuffixes of [['K\u212a.example'], Array.from({ length: 2000 }, (_, k) => `zone${k}.example`)]) {
      const scanner = createScanner({ privateSuffixes });
      assert.ok(!(scanner instanceof AotHostScanner), `${privateSuffixes.length} suffixes`);
      const line = 'api.zone7.example db.k\u212a.example';
      assert.deepStrictEqual(scanner.scanLine(line), new HostScanner({ privateSuffixes }).scanLine(line));
    }
  });
});
