import * as fs from 'fs';

/**
 * One line of the fixture DNS server's query log: time, transport, type, name, what it answered, and ` TC` (group
 * 5) when that answer went out truncated because it did not fit in UDP.
 */
export const LOG_LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (udp|tcp) (\S+) (\S+) -> (NOERROR|NXDOMAIN|SERVFAIL|REFUSED|FORMERR|drop|close|delay \d+)( TC)?$/;

/** Every line the fixture DNS server has logged so far (NETLENS_DNS_FIXTURE_LOG); empty outside the fixture namespace. */
export function fixtureLogLines(): string[] {
  const log = process.env.NETLENS_DNS_FIXTURE_LOG;
  if (!log || !fs.existsSync(log)) return [];
  return fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

/**
 * The queries logged for names containing `marker`: how a test proves that a name did, or did not, reach DNS.
 * Empty outside the fixture namespace.
 */
export function queriesFor(marker: string): string[] {
  return fixtureLogLines().filter((line) => line.includes(marker));
}

/** The log's lines, for tests that only run inside the fixture: a missing log is an error, not "no queries". */
export function requiredFixtureLogLines(): string[] {
  const log = process.env.NETLENS_DNS_FIXTURE_LOG;
  if (!log || !fs.existsSync(log)) throw new Error(`the fixture DNS server's log (NETLENS_DNS_FIXTURE_LOG=${log ?? ''}) is missing`);
  return fixtureLogLines();
}

/** The queries logged for exactly `name` (case-insensitive) since line `sinceLine` (other suites share the server). */
export function queriesForName(name: string, sinceLine = 0): string[] {
  const wanted = name.toLowerCase().replace(/\.$/, '');
  return requiredFixtureLogLines().slice(sinceLine).filter((l) => {
    const m = LOG_LINE.exec(l);
    return m !== null && m[3].toLowerCase().replace(/\.$/, '') === wanted;
  });
}
