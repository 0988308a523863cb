import * as fs from 'fs';

/**
 * The queries the fixture DNS server logged (NETLENS_DNS_FIXTURE_LOG, one line each) for names containing
 * `marker`: how a test proves that a name did, or did not, reach DNS. Empty outside the fixture namespace.
 */
export function queriesFor(marker: string): string[] {
  const log = process.env.NETLENS_DNS_FIXTURE_LOG;
  if (!log || !fs.existsSync(log)) return [];
  return fs.readFileSync(log, 'utf8').split('\n').filter((line) => line.includes(marker));
}
