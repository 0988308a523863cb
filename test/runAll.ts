// Runs every test — unit (mocha in plain Node) and in-editor integration (code-server + Chromium) — in one
// process, inside the DNS fixture namespace that scripts/run-all-tests.js created, and writes the counts to
// the file named by NETLENS_TEST_RESULTS for the outer script to print as the closing line.
import * as fs from 'fs';
import * as path from 'path';
import { runDemoStartTest } from './integration/runDemo';
import { runIntegrationTests, runUiTests, type IntegrationRunResult } from './integration/runInCodeServer';
import { REPO_ROOT } from './support/paths';
import { reportMochaCounts, runMochaFiles } from './support/mochaRun';

export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
  failures: string[];
}

function listTests(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listTests(p) : e.name.endsWith('.test.js') ? [p] : [];
  });
}

async function runUnitTests(): Promise<TestCounts> {
  const dir = path.join(REPO_ROOT, 'out', 'test', 'unit');
  return runMochaFiles(listTests(dir).sort(), { timeout: 20_000, color: true, where: `${dir} (did esbuild.js run?)`, loadAsync: true });
}

async function main(): Promise<void> {
  const only = process.env.NETLENS_TEST_ONLY; // 'unit' | 'integration' (in-editor runs, UI included) | 'ui' | undefined (all)
  const total: TestCounts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  const add = (c: TestCounts): void => {
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
    total.failures.push(...c.failures);
  };
  if (only !== 'integration' && only !== 'ui') {
    console.log('\n=== unit tests (mocha, plain Node) ===');
    add(await runUnitTests());
  }
  if (only !== 'unit') {
    console.log('\n=== integration tests (inside VS Code: code-server + Chromium) ===');
    const runs: { title: string; run: () => Promise<IntegrationRunResult>; skip?: string }[] = [
      { title: 'trusted workspace', run: () => runIntegrationTests({}) },
      {
        title: 'untrusted workspace (Restricted Mode)',
        run: () =>
          runIntegrationTests({
            workspaceTrust: true,
            extensionTestsPath: path.join(REPO_ROOT, 'out', 'test', 'integration', 'untrusted', 'index.js'),
            // Its .vscode/settings.json names a DNS server of its own, which must be ignored while untrusted.
            workspace: path.join(REPO_ROOT, 'test', 'fixtures', 'untrusted-workspace'),
          }),
      },
      {
        title: 'UI (Chromium, as a person would)',
        run: () => runUiTests(),
        // Its hovers and lookups resolve fixture names: outside the namespace they would reach the real resolver.
        skip: process.env.NETLENS_DNS_FIXTURE === '1' ? undefined : 'NETLENS_DNS_FIXTURE is not set (run inside scripts/with-test-netns.js)',
      },
      {
        title: 'UI: npm start, as a newcomer runs it',
        run: () => runDemoStartTest(),
        // The demo is opened and hovered like the UI run: only inside the namespace. NETLENS_TEST_GREP=npm-start runs it alone.
        skip:
          process.env.NETLENS_DNS_FIXTURE !== '1'
            ? 'NETLENS_DNS_FIXTURE is not set (run inside scripts/with-test-netns.js)'
            : process.env.NETLENS_TEST_GREP && !'npm-start'.includes(process.env.NETLENS_TEST_GREP)
              ? 'NETLENS_TEST_GREP does not match npm-start'
              : undefined,
      },
    ];
    for (const run of runs.filter((r) => only !== 'ui' || r.title.startsWith('UI'))) {
      console.log(`\n--- in-editor run: ${run.title} ---`);
      if (run.skip) {
        console.log(`skipped: ${run.skip} (0 passed, 0 failed)`);
        continue;
      }
      try {
        const r = await run.run();
        add({ passed: r.passed, failed: r.failed, skipped: 0, failures: r.failures.map((f) => `${run.title}: ${f}`) });
      } catch (err) {
        add({ passed: 0, failed: 1, skipped: 0, failures: [`${run.title}: ${err instanceof Error ? err.message : String(err)}`] });
      }
    }
  }
  reportMochaCounts(total);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
