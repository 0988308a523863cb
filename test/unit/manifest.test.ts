import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { BOOLEAN_SETTINGS, NUMBER_SETTINGS, STRING_LIST_SETTINGS, STRING_SETTINGS, stringSetting } from '../../src/core/settingsTable';
import { Commands } from '../../src/extension/commandIds';
import { REPO_ROOT } from '../support/paths';

interface SettingRow {
  type: string;
  default: unknown;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  maxLength?: number;
}

interface Manifest {
  contributes: { commands: { command: string; title: string }[]; configuration: { properties: Record<string, SettingRow> } };
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

  it('contributes exactly the commands the extension registers (one id table: src/extension/commandIds.ts)', () => {
    const code = sourceFiles(path.join(REPO_ROOT, 'src', 'extension')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const registered = new Set([...code.matchAll(/\bregister\(\s*Commands\.(\w+)\b/g)].map((m) => Commands[m[1] as keyof typeof Commands]));
    assert.deepEqual([...registered].filter((c) => c === undefined), [], 'a registration names no id of the table');
    assert.deepEqual(Object.values(Commands).filter((c) => !registered.has(c)), [], 'in the table but never registered');
    // Every command goes through the one funnel (CommandRegistry in src/extension/commands.ts).
    const direct = sourceFiles(path.join(REPO_ROOT, 'src', 'extension')).filter((f) => !f.endsWith(`${path.sep}commands.ts`) && /registerCommand\(/.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(direct.map((f) => path.basename(f)), [], 'registers a command around CommandRegistry');
    const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
    assert.deepEqual([...contributed].filter((c) => !registered.has(c as never)), [], 'contributed but never registered');
    assert.deepEqual([...registered].filter((c) => !contributed.has(c)), [], 'registered but not contributed');
  });

  it('declares exactly the settings of src/core/settingsTable.ts, with the same types, defaults and bounds', () => {
    const declared = manifest.contributes.configuration.properties;
    const table: Record<string, SettingRow> = {};
    for (const [k, v] of Object.entries(NUMBER_SETTINGS)) table[`netlens.${k}`] = { type: 'number', ...v };
    for (const [k, v] of Object.entries(BOOLEAN_SETTINGS)) table[`netlens.${k}`] = { type: 'boolean', ...v };
    for (const [k, v] of Object.entries(STRING_LIST_SETTINGS)) table[`netlens.${k}`] = { type: 'array', default: [...v.default] };
    for (const [k, v] of Object.entries(STRING_SETTINGS)) table[`netlens.${k}`] = { type: 'string', ...v };
    assert.deepEqual(Object.keys(declared).sort(), Object.keys(table).sort());
    for (const [key, row] of Object.entries(table)) {
      const d = declared[key];
      const shape = (r: SettingRow): SettingRow => ({ type: r.type, default: r.default, minimum: r.minimum, maximum: r.maximum, pattern: r.pattern, maxLength: r.maxLength });
      assert.deepEqual(shape(d), shape(row), key);
    }
  });

  it('takes a string setting only when it has the declared pattern (the Settings UI checks the same pattern)', () => {
    assert.equal(stringSetting('kubernetes.clusterDomain', 'corp.example'), 'corp.example');
    for (const bad of ['cluster.local.', 'a..b', '-x.local', 'a b', '', 42, null, 'x'.repeat(64)]) assert.equal(stringSetting('kubernetes.clusterDomain', bad), 'cluster.local', String(bad));
  });

  it('has one reader of netlens.* settings: src/extension/settings.ts', () => {
    const readers = sourceFiles(path.join(REPO_ROOT, 'src')).filter((f) => /getConfiguration\(\s*'netlens'/.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(readers.map((f) => path.relative(REPO_ROOT, f)), [path.join('src', 'extension', 'settings.ts')]);
  });

  it('targets no VS Code newer than the test editor (1.139) and types to match', () => {
    const engine = /^\^?(\d+)\.(\d+)/.exec(manifest.engines.vscode);
    const types = /(\d+)\.(\d+)/.exec(manifest.devDependencies['@types/vscode']);
    assert.ok(engine && types);
    assert.ok(Number(engine[2]) <= 139 && Number(types[2]) <= Number(engine[2]), `${manifest.engines.vscode} / @types/vscode ${manifest.devDependencies['@types/vscode']}`);
  });
});
