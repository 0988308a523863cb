// How a script run by `npm test` (scripts/run-all-tests.js, countedStep) hands over its counts: a JSON file named by
// NETLENS_TEST_RESULTS, read for the closing "N passed, N failed" line. Run on its own, a script writes nothing.
'use strict';
const fs = require('fs');

/** The file run-all-tests.js wants the counts in; read it before a script passes the same variable to children. */
const RESULTS_FILE = process.env.NETLENS_TEST_RESULTS;

/**
 * @param {{ passed: number, failed: number, skipped?: number, failures: string[] }} counts
 * @param {string} prefix names the script in each failure line of the closing summary
 */
function reportCounts(counts, prefix) {
  if (!RESULTS_FILE) return;
  const out = { passed: counts.passed, failed: counts.failed, skipped: counts.skipped ?? 0, failures: counts.failures.map((f) => `${prefix} ${f}`) };
  fs.writeFileSync(RESULTS_FILE, JSON.stringify(out));
}

module.exports = { reportCounts };
