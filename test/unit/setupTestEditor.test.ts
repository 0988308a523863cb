// The test-editor installer (scripts/setup-test-editor.js) run the way `npm test` and `npm start` run it: as a
// child of an npm script. A child npm inherits the outer run's npm_* variables and takes npm_config_* ones as
// its own config; the outer user agent ("… node/v20 …") then made code-server's postinstall refuse to install
// on every machine that had not cached the editor.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../support/paths';

const SETUP = path.join(REPO_ROOT, 'scripts', 'setup-test-editor.js');
const OUTER_AGENT = 'npm/0.0.0 node/v0.0.0-outer-run linux x64 workspaces/false';

/** What an npm script sees of its own environment, the installer's environment built from it, and what a child npm makes of that. */
interface Probe {
  outer: Record<string, string>;
  installer: Record<string, string>;
  innerUserAgent: string;
  innerRegistry: string;
  innerHttpsProxy: string;
  innerCache: string;
}

const PROBE = `
const { spawnSync } = require('child_process');
const { installerEnv } = require(${JSON.stringify(SETUP)});
const node24Dir = process.argv[2];
const installer = installerEnv(process.env, node24Dir);
const get = (key) => {
  const r = spawnSync('npm', ['config', 'get', key], { env: installer, encoding: 'utf8' });
  if (r.status !== 0) throw new Error('npm config get ' + key + ' failed: ' + r.stderr);
  return r.stdout.trim();
};
// What a lifecycle script of the inner install (code-server's postinstall.sh) would read.
const inner = require('path').join(__dirname, 'inner');
require('fs').mkdirSync(inner, { recursive: true });
require('fs').writeFileSync(require('path').join(inner, 'package.json'), JSON.stringify({ name: 'inner', private: true, scripts: { ua: 'node -e "process.stdout.write(process.env.npm_config_user_agent)"' } }));
const ua = spawnSync('npm', ['run', '--silent', 'ua'], { cwd: inner, env: installer, encoding: 'utf8' });
if (ua.status !== 0) throw new Error('inner npm run failed: ' + ua.stderr);
process.stdout.write(JSON.stringify({
  outer: process.env, installer,
  innerUserAgent: ua.stdout.trim(), innerRegistry: get('registry'), innerHttpsProxy: get('https-proxy'), innerCache: get('cache'),
}));
`;

describe('test-editor installer under an npm script', function () {
  this.timeout(60_000);
  let dir: string;
  let probe: Probe;
  let node24Dir: string;

  before(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-installer-env-'));
    // Stands in for the downloaded Node 24: a folder whose bin/node is a Node (this one).
    node24Dir = path.join(dir, 'node24');
    fs.mkdirSync(path.join(node24Dir, 'bin'), { recursive: true });
    fs.symlinkSync(process.execPath, path.join(node24Dir, 'bin', 'node'));
    fs.writeFileSync(path.join(dir, 'probe.js'), PROBE);
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'outer-project', version: '9.9.9', private: true, scripts: { test: `node probe.js ${JSON.stringify(node24Dir)}` } })
    );
    const r = spawnSync('npm', ['test', '--silent'], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        // The outer npm takes these as its own config and hands them on to the script, as a real npm run does.
        npm_config_user_agent: OUTER_AGENT,
        // The user's own settings, which the inner npm must keep.
        npm_config_registry: 'http://127.0.0.1:9/registry-of-the-user/',
        npm_config_https_proxy: 'http://127.0.0.1:9/',
        npm_config_cache: path.join(dir, 'users-npm-cache'),
      },
    });
    assert.equal(r.status, 0, `npm test in the probe project failed: ${r.stderr}`);
    probe = JSON.parse(r.stdout) as Probe;
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs as a real npm script: the outer run describes itself in the environment', () => {
    assert.equal(probe.outer.npm_config_user_agent, OUTER_AGENT);
    assert.equal(probe.outer.npm_lifecycle_event, 'test');
    assert.equal(probe.outer.npm_package_name, 'outer-project');
    assert.ok(probe.outer.npm_execpath && probe.outer.npm_node_execpath);
  });

  it('gives the installer none of the variables that describe the outer npm run', () => {
    const leaked = Object.keys(probe.installer).filter((k) =>
      /^npm_(lifecycle_|package_)/.test(k) || ['npm_config_user_agent', 'npm_execpath', 'npm_node_execpath', 'npm_command', 'npm_config_npm_version', 'npm_config_local_prefix', 'INIT_CWD'].includes(k)
    );
    assert.deepEqual(leaked, []);
  });

  it("the inner npm computes its own user agent (the Node it runs on), not the outer run's", () => {
    assert.ok(!probe.innerUserAgent.includes('v0.0.0-outer-run'), probe.innerUserAgent);
    assert.match(probe.innerUserAgent, new RegExp(`node/${process.version.replace(/\./g, '\\.')} `));
  });

  it("keeps the user's registry, proxy, cafile and cache settings", () => {
    assert.equal(probe.innerRegistry, 'http://127.0.0.1:9/registry-of-the-user/');
    assert.equal(probe.innerHttpsProxy, 'http://127.0.0.1:9/');
    assert.equal(probe.innerCache, path.join(dir, 'users-npm-cache'));
    if (probe.outer.npm_config_cafile !== undefined) assert.equal(probe.installer.npm_config_cafile, probe.outer.npm_config_cafile);
  });

  it('puts Node 24 first on PATH and builds addons against its headers', () => {
    assert.equal(probe.installer.PATH.split(path.delimiter)[0], path.join(node24Dir, 'bin'));
    assert.equal(probe.installer.npm_config_nodedir, node24Dir);
  });
});
