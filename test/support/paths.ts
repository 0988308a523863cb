import * as fs from 'fs';
import * as path from 'path';

/** The repository root, found from the compiled test's location (out/test/...) or the source (test/...). */
export const REPO_ROOT = findRoot(__dirname);

function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'esbuild.js'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no repository root above ${start}`);
    dir = parent;
  }
  return dir;
}

export const HELPER_JS = path.join(REPO_ROOT, 'dist', 'helper.js');
export const CLI_JS = path.join(REPO_ROOT, 'dist', 'cli.js');
