// The real probes of the environment detector (core/resolverEnvironment.ts). They run in the helper because the
// environment that matters is the one the resolver runs in: the helper runs on the workspace's machine (remote,
// WSL, container), like the extension host. Files only: no process is spawned (no resolvectl, no ps, no ldd).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { EnvironmentProbes } from '../core/resolverEnvironment';
import { readSystemFileText, type SystemFileReader } from '../core/systemFiles';
import { detectLibc, hostPlatform } from './libcInfo';

type FileProbes = Pick<EnvironmentProbes, 'readFile' | 'exists' | 'readLink' | 'listDir'>;

/**
 * The file probes, reading the tree under `root` (the tests point it at a fixture tree; its symlinks must be
 * relative, as Ubuntu's `/etc/resolv.conf -> ../run/systemd/resolve/stub-resolv.conf` is). Reads go through
 * readSystemFile: a FIFO in a file's place is refused rather than waited on, and the size is capped.
 */
export function fileProbes(root = '/', read: SystemFileReader = readSystemFileText): FileProbes {
  const at = (p: string): string => (root === '/' ? p : path.join(root, p));
  return {
    readFile: (p) => read(at(p)).text,
    exists: (p) => fs.existsSync(at(p)),
    readLink: (p) => {
      try {
        return fs.readlinkSync(at(p));
      } catch {
        return null;
      }
    },
    listDir: (p) => {
      try {
        return fs.readdirSync(at(p));
      } catch {
        return null;
      }
    },
  };
}

/**
 * The glibc this process runs on, as Node's diagnostic report states it (`header.glibcVersionRuntime`, from
 * gnu_get_libc_version()); absent under musl. One report per process, in libcInfo.ts.
 */
export function glibcRuntimeVersion(): string | null {
  const libc = detectLibc();
  return libc.platform === 'glibc' ? libc.version : null;
}

/**
 * The probes of this process: its files, environment, host name and C library, and the editor's remoteName.
 * `read` lets one report share its reads of /etc/resolv.conf with its other parts (systemFiles' snapshotReader).
 */
export function helperEnvironmentProbes(remoteName: string | null, read: SystemFileReader = readSystemFileText): EnvironmentProbes {
  return { remoteName, env: process.env, hostname: os.hostname(), glibcVersion: glibcRuntimeVersion(), platform: hostPlatform(), ...fileProbes('/', read) };
}
