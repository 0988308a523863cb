/**
 * Random ASCII lines for the differential tests of the ahead-of-time scanner: made of the characters and fragments
 * its rules look at, so that random lines reach the rules' branches (uniform bytes would be nearly all noise).
 */
import fc from 'fast-check';

/** Single characters: every printable ASCII one, the tab, and a few controls (the C sees bytes, the rules see `\s`). */
const CHARS = [...Array.from({ length: 95 }, (_, k) => String.fromCharCode(32 + k)), '\t', '\v', '\f', '\x00', '\x7f'];

/**
 * Fragments real lines are made of: names, addresses, ports, schemes, keys and the words the rules test. Callers add
 * their own (a rule's keywords) with `extra`.
 */
const FRAGMENTS = [
  'db.internal', 'example.com', 'api.example.org', 'cache', 'localhost', 'www.', '.', '..', ':', '::', '@', '//', '://',
  'http://', 'https://', 'postgres://', 'jdbc:postgresql://', 'mongodb://', 'redis://', 's3://', 'user@', 'app:pw@',
  '10.0.0.1', '192.0.2.10', '255.255.255.0', '/24', '2001:db8::1', 'fe80::1%eth0', '[::1]', '[2001:db8::5]:443', '::ffff:1.2.3.4',
  ':8080', ':5432', ':65536', ':0', '1.2.3', '1.2.3.4.5', '-', '_', 'host', 'HOST', 'DB_HOST', 'Host', 'host=', 'host: ', '"host": "',
  'server', 'server_name', 'ssh ', 'ping ', 'curl -X POST ', 'scp ', 'import ', 'FROM ', 'image: ', '# ', '$ ', 'sudo ', '${', '}', ':-',
  'version', 'Chrome/122.0.0.0', '127.0.0.1', 'a'.repeat(64), '-bad-', 'x.js', 'node.js', 'svc.cluster.local', '.svc', 'Received: from ',
];

export function asciiLine(extra: readonly string[] = [], maxParts = 24): fc.Arbitrary<string> {
  const part = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...CHARS) }, { weight: 2, arbitrary: fc.constantFrom(...FRAGMENTS, ...extra) });
  return fc.array(part, { maxLength: maxParts }).map((parts) => parts.join(''));
}
