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

/**
 * The bundles the helper and CLI tests run. NETLENS_TEST_DIST names another dist folder: `npm run test:sanitize`
 * (scripts/test-sanitize.js) points it at a copy whose native/ holds the AddressSanitizer/UBSan build of the addon,
 * so that every lookup those tests make goes through the instrumented C code.
 */
export const DIST_DIR = process.env.NETLENS_TEST_DIST ? path.resolve(process.env.NETLENS_TEST_DIST) : path.join(REPO_ROOT, 'dist');
export const HELPER_JS = path.join(DIST_DIR, 'helper.js');
export const CLI_JS = path.join(DIST_DIR, 'cli.js');

/**
 * The addon file the tests that load it directly (process.dlopen) use: build/Release, or NETLENS_TEST_ADDON (the
 * sanitizer build under `npm run test:sanitize`; the same variable scripts/test-targets.js sets on another branch).
 */
export const TEST_ADDON = process.env.NETLENS_TEST_ADDON ? path.resolve(process.env.NETLENS_TEST_ADDON) : path.join(REPO_ROOT, 'build', 'Release', 'netlens_resolver.node');

/**
 * Extra C compiler flags for the addon variants tests build themselves (nativeOtherPlatformPaths.test.ts):
 * NETLENS_TEST_ADDON_CFLAGS, space-separated; `npm run test:sanitize` passes its -fsanitize flags so that the
 * variants are instrumented too.
 */
export const TEST_ADDON_CFLAGS = (process.env.NETLENS_TEST_ADDON_CFLAGS ?? '').split(' ').filter((f) => f !== '');
