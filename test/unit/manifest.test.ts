import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../support/paths';

interface Manifest {
  contributes: { commands: { command: string; title: string }[]; configuration: { properties: Record<string, unknown> } };
  engines: { vscode: string };
  devDependencies: Record<string, string>;
}

const manifestText = fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText) as Manifest;
const nls = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('package.json manifest', () => {
  it('has a text in package.nls.json for every %placeholder%, and no unused texts', () => {
    const used = [...manifestText.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    for (const key of used) assert.ok(key in nls, `package.nls.json lacks ${key}`);
    for (const key of Object.keys(nls)) assert.ok(used.includes(key), `package.nls.json has unused ${key}`);
  });

  it('contributes exactly the commands the extension registers', () => {
    const code = sourceFiles(path.join(REPO_ROOT, 'src', 'extension')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const registered = new Set([...code.matchAll(/registerCommand\(\s*'(netlens\.[\w.]+)'/g)].map((m) => m[1]));
    const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
    assert.deepEqual([...contributed].filter((c) => !registered.has(c)), [], 'contributed but never registered');
    assert.deepEqual([...registered].filter((c) => !contributed.has(c)), [], 'registered but not contributed');
  });

  it('declares every netlens.* setting the code reads', () => {
    const code = sourceFiles(path.join(REPO_ROOT, 'src', 'extension')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    // Reads of the editor's own settings (getConfiguration('editor', …).get(…)) are not ours to declare.
    const ours = code.replace(/getConfiguration\('(?!netlens')[^']*'[^)]*\)\.get(?:<[^>]+>)?\('[\w.]+'/g, '');
    const read = new Set([...ours.matchAll(/(?:get|inspect)<[^>]+>\('([\w.]+)'/g), ...ours.matchAll(/read(?:<[^>]+>)?\('([\w.]+)'/g)].map((m) => `netlens.${m[1]}`));
    const declared = Object.keys(manifest.contributes.configuration.properties);
    for (const setting of read) assert.ok(declared.includes(setting), `${setting} is read but not declared`);
  });

  it('targets no VS Code newer than the test editor (1.139) and types to match', () => {
    const engine = /^\^?(\d+)\.(\d+)/.exec(manifest.engines.vscode);
    const types = /(\d+)\.(\d+)/.exec(manifest.devDependencies['@types/vscode']);
    assert.ok(engine && types);
    assert.ok(Number(engine[2]) <= 139 && Number(types[2]) <= Number(engine[2]), `${manifest.engines.vscode} / @types/vscode ${manifest.devDependencies['@types/vscode']}`);
  });
});
