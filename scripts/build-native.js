#!/usr/bin/env node
// The package.json `install` script: builds the N-API resolver addon (native/netlens_resolver.c ->
// build/Release/netlens_resolver.node) with node-gyp.
//
// It never fails the install: if there is no compiler, no node-gyp or the build breaks, it prints one
// warning and exits 0, and the helper uses its dns.lookup fallback backend.
//
//   NETLENS_SKIP_NATIVE=1   skip the build altogether
//
// node-gyp is run as `<this node> <node-gyp.js> rebuild`, without a shell, with inherited stdio.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { onPath } = require('./lib/onPath');

const root = path.resolve(__dirname, '..');
const addon = path.join(root, 'build', 'Release', 'netlens_resolver.node');

function fallback(reason) {
  console.warn(
    `NetLens: native resolver addon not built (${reason}); the helper will use the dns.lookup fallback backend, ` +
      'which cannot report canonical names, aliases or socket-type rows'
  );
  process.exit(0);
}

/** node-gyp's entry point: our devDependency, else the one npm ships (npm_config_node_gyp). */
function findNodeGyp() {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js', { paths: [root] });
  } catch {
    // devDependency absent (production install): fall through to npm's own copy
  }
  const fromNpm = process.env.npm_config_node_gyp;
  if (fromNpm && fs.existsSync(fromNpm)) return fromNpm;
  return undefined;
}

function findCompiler() {
  const fromEnv = (process.env.CC || '').trim().split(/\s+/)[0];
  if (fromEnv) return path.isAbsolute(fromEnv) ? (fs.existsSync(fromEnv) ? fromEnv : undefined) : onPath(fromEnv);
  return onPath('cc') || onPath('gcc') || onPath('clang');
}

/**
 * Where this node's own headers are, so node-gyp does not download them: npm passes the npmrc `nodedir`
 * as npm_config_nodedir; otherwise a Node installed from a tarball or a distro package has
 * <prefix>/include/node/node_api.h next to <prefix>/bin/node.
 */
function localNodedir() {
  if (process.env.npm_config_nodedir) return undefined; // node-gyp reads it itself
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  const ok =
    fs.existsSync(path.join(prefix, 'include', 'node', 'node_api.h')) &&
    fs.existsSync(path.join(prefix, 'include', 'node', 'common.gypi'));
  return ok ? prefix : undefined;
}

function main() {
  if (process.env.NETLENS_SKIP_NATIVE === '1') {
    fallback('skipped because NETLENS_SKIP_NATIVE=1');
  }
  if (process.platform === 'win32') fallback('not supported on Windows');

  const nodeGyp = findNodeGyp();
  if (!nodeGyp) fallback('node-gyp not found');
  if (!findCompiler()) fallback('no C compiler found: install gcc or clang (and make)');
  if (process.platform !== 'darwin' && !onPath('make')) fallback('`make` not found');

  const args = [nodeGyp, 'rebuild'];
  const nodedir = localNodedir();
  if (nodedir) args.push(`--nodedir=${nodedir}`);

  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', shell: false, env: process.env });
  if (result.error) fallback(`could not run node-gyp: ${result.error.message}`);
  if (result.signal) fallback(`node-gyp was killed by ${result.signal}`);
  if (result.status !== 0) fallback(`node-gyp rebuild exited with code ${result.status}`);
  if (!fs.existsSync(addon)) fallback(`node-gyp succeeded but ${path.relative(root, addon)} is missing`);
  try {
    const loaded = { exports: {} };
    process.dlopen(loaded, addon);
    if (loaded.exports.backend !== 'native') throw new Error('unexpected exports');
  } catch (err) {
    fallback(`the built addon does not load: ${err instanceof Error ? err.message : String(err)}`);
  }

  console.log(
    `NetLens: native resolver addon built in ${((Date.now() - started) / 1000).toFixed(1)}s: ${path.relative(root, addon)}`
  );
}

main();
