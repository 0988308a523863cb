// The private code-server profile `npm start` and the in-editor tests share (scripts/code-server-profile.js).
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeServerProfile } from '../integration/runInCodeServer';
import { REPO_ROOT } from '../support/paths';

const profile = require(path.join(REPO_ROOT, 'scripts', 'code-server-profile.js')) as CodeServerProfile & { QUIET_SETTINGS: Record<string, unknown> };

describe('code-server profile (npm start and the in-editor tests)', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-profile-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const settingsFile = (): string => path.join(dir, 'user-data', 'User', 'settings.json');

  it('is quiet and offline: no AI features, no telemetry, no update or marketplace checks', () => {
    const dirs = profile.profileDirs(dir);
    profile.prepareProfile(dirs, { 'workbench.startupEditor': 'readme' });
    const settings = JSON.parse(fs.readFileSync(settingsFile(), 'utf8')) as Record<string, unknown>;
    assert.equal(settings['chat.disableAIFeatures'], true);
    assert.equal(settings['telemetry.telemetryLevel'], 'off');
    assert.equal(settings['update.mode'], 'none');
    assert.equal(settings['workbench.startupEditor'], 'readme');
    const env = profile.codeServerEnv({ HOME: '/home/x', VSCODE_PID: '1', ELECTRON_RUN_AS_NODE: '1' }, dirs);
    assert.equal((JSON.parse(env.EXTENSIONS_GALLERY ?? '{}') as { serviceUrl?: string }).serviceUrl, 'http://127.0.0.1:9/gallery');
    assert.equal(env.XDG_CONFIG_HOME, dirs.config);
    assert.equal(env.VSCODE_PID, undefined);
    assert.equal(env.ELECTRON_RUN_AS_NODE, undefined);
  });

  it('keeps what the user changed in the demo profile, and a settings file with comments as it is', () => {
    const dirs = profile.profileDirs(dir);
    fs.mkdirSync(path.dirname(settingsFile()), { recursive: true });
    fs.writeFileSync(settingsFile(), JSON.stringify({ 'editor.fontSize': 18, 'telemetry.telemetryLevel': 'error' }));
    profile.prepareProfile(dirs, {}, { keepUserEdits: true });
    const settings = JSON.parse(fs.readFileSync(settingsFile(), 'utf8')) as Record<string, unknown>;
    assert.equal(settings['editor.fontSize'], 18);
    assert.equal(settings['telemetry.telemetryLevel'], 'error', "the user's own choice wins");
    assert.equal(settings['chat.disableAIFeatures'], true, 'missing quiet settings are added');
    const jsonc = '{\n  // mine\n  "editor.fontSize": 20,\n}\n';
    fs.writeFileSync(settingsFile(), jsonc);
    profile.prepareProfile(dirs, {}, { keepUserEdits: true });
    assert.equal(fs.readFileSync(settingsFile(), 'utf8'), jsonc);
  });

  it('serves with workspace trust off unless asked for Restricted Mode, and the folder last', () => {
    const dirs = profile.profileDirs(dir);
    const trusted = profile.codeServerArgs({ entry: 'entry.js', port: 8080, dirs, workspaceTrust: false, folder: '/w' });
    const restricted = profile.codeServerArgs({ entry: 'entry.js', port: 8080, dirs, workspaceTrust: true, folder: '/w' });
    assert.ok(trusted.includes('--disable-workspace-trust'));
    assert.ok(!restricted.includes('--disable-workspace-trust'));
    assert.deepEqual([trusted[0], trusted.at(-1)], ['entry.js', '/w']);
    assert.equal(trusted[trusted.indexOf('--bind-addr') + 1], '127.0.0.1:8080');
  });

  it('installs the extension as the VSIX ships it: no source maps', () => {
    const dirs = profile.profileDirs(dir);
    const installed = profile.installExtension(REPO_ROOT, dirs);
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) (e.isDirectory() ? walk : (f: string) => files.push(f))(path.join(d, e.name));
    };
    walk(installed);
    assert.ok(files.some((f) => f.endsWith(path.join('dist', 'extension.js'))));
    assert.deepEqual(files.filter((f) => f.endsWith('.map')), []);
  });
});
