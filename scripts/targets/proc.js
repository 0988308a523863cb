// Small process and file helpers of scripts/test-targets.js (no shell anywhere: argument arrays only).
'use strict';

const { spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const { onPath } = require('../lib/onPath');

const ROOT = path.resolve(__dirname, '..', '..');

/** $NETLENS_CACHE/targets (default ~/.cache/netlens/targets): downloads and the Wine prefix. */
function cacheDir() {
  return path.join(path.resolve(process.env.NETLENS_CACHE || path.join(os.homedir(), '.cache', 'netlens')), 'targets');
}

/** Runs a command (no shell); returns { status, stdout, stderr } with output captured. Throws if it cannot start. */
function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', shell: false, maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  return r;
}

/** Runs a command with inherited output; true when it exits 0. */
function runVisible(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false, ...options });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  return r.status === 0;
}

function sha256(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function sriOf(file) {
  return `sha512-${crypto.createHash('sha512').update(fs.readFileSync(file)).digest('base64')}`;
}

module.exports = { ROOT, cacheDir, onPath, run, runVisible, sha256, sriOf };
