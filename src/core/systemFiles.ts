import * as fs from 'fs';

/**
 * The one place where pure core modules touch the file system: reading a small system database such as
 * /etc/services. Kept behind this function type so that tests (and the browser-side webview, which has no files)
 * inject their own reader instead.
 */
export type FileReader = (path: string) => string | null;

/** Reads a file as text; null when it does not exist or cannot be read (glibc then treats the database as absent). */
export const readSystemFile: FileReader = (path) => {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/** Where the system keeps its `services` and `protocols` databases on the platform NetLens runs on. */
export function systemDatabasePaths(
  database: 'services' | 'protocols' | 'hosts',
  platform: string = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env
): string[] {
  if (platform === 'win32') {
    // Windows keeps them beside the hosts file; the protocols database is named "protocol" there.
    const root = env.SystemRoot ?? env.windir ?? 'C:\\Windows';
    return [`${root}\\System32\\drivers\\etc\\${database === 'protocols' ? 'protocol' : database}`];
  }
  // Linux, macOS and the BSDs all use /etc (on macOS /etc is a symlink to /private/etc).
  return [`/etc/${database}`];
}
