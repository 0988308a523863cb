// analyzeLine answers most lines with one regex (MAY_HAVE_CONTEXT, the first checks of every way a line gets a
// context); lineContext is the same analysis without that quick test. They must agree on every line: a new way to
// find a context whose first check the regex lacks fails here.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeLine, lineContext } from '../../src/core/scanner/lineContext';
import { prng } from '../support/prng';
import { REPO_ROOT } from '../support/paths';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** First words that make contexts, prompts, address-like and log-like starts, in any case, with what may follow. */
const STARTS = ['', ' ', '\t', '  ', '$ ', '# ', '> ', '% ', 'RUN ', 'sudo ', 'exec ', 'time ', 'command ', 'ProxyCommand ', '$ sudo '];
const WORDS = [
  'host', 'Host', 'HOSTNAME', 'ProxyJump', 'server_name', 'ServerName', 'ServerAlias', 'server', 'resolver', 'nameserver', 'ssh', 'scp',
  'sftp', 'mosh', 'ping', 'ping6', 'dig', 'nslookup', 'traceroute', 'tracepath', 'mtr', 'telnet', 'nc', 'ncat', 'getent', 'curl', 'wget',
  'whois', 'drill', 'kdig', 'FROM', 'from', 'image', 'Image', 'import', 'package', 'using', 'use', 'namespace', 'require', 'extern',
  'module', 'library', 'part', 'hostx', 'sshd', '10.0.0.1', '2001:db8::1', 'fe80::1%eth0', '::1', 'cafe', 'Jan  5 08:00:01 app02',
  '2024-01-05T08:00:01Z app02', 'node3', 'const', '-', '#!', '',
];
const RESTS = ['', ' ', ' db.internal', '=db', ':', ': cache', ' -p 22 deploy@bastion', ' app.internal:8080;', ' 192.0.2.53 [2001:db8::53];', ' hosts web', ' ansible_host=10.0.0.3', ' cron[812]: x', ' sshd: x', ' names are case-insensitive.', ' = f(x)', ' web db # c', ' postgres:16'];

describe('scanner: a line context (analyzeLine and its quick test)', () => {
  it('gives every line the context lineContext finds: corpora, fixtures and generated first words', () => {
    const lines: string[] = [];
    for (const dir of ['scanner-corpus', 'scanner-corpus-independent', 'scanner-corpus-heldout', 'stress']) {
      for (const f of filesUnder(path.join(REPO_ROOT, 'test', 'fixtures', dir))) lines.push(...fs.readFileSync(f, 'utf8').split(/\r\n|\r|\n/));
    }
    const rand = prng(13);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    for (let k = 0; k < 20_000; k++) lines.push(pick(STARTS) + pick(WORDS) + pick(RESTS) + (rand() < 0.3 ? pick(RESTS) : ''));
    let withContext = 0;
    for (const line of lines) {
      const full = lineContext(line);
      assert.deepEqual(analyzeLine(line), full, JSON.stringify(line));
      if (full.strongStart >= 0 || full.argStart >= 0 || full.moduleLine || full.imageLine) withContext++;
    }
    assert.ok(withContext > 5_000, `many lines should have a context to compare, got ${withContext} of ${lines.length}`);
  });

  it('agrees with lineContext on lines of first-word fragments, control characters and Unicode spaces', () => {
    // Where the quick test and lineContext read a first word differently (a regex's \s, a prompt, an address word, a
    // word's end) by one character class, these lines differ.
    const parts = [' ', '\t', '\v', '\f', '\r', '\x01', '\u00a0', '\u2003', '\ufeff', '=', '#', ';', '[', 'ansible_host=', 'ansible_', 'ansible_port=2',
      'a', 'F', 'g', '1', '2024', ':', '.', '%', '%eth0', '$', '>', 'ssh', 'Host', 'ServerAlias', 'RUN', 'server_name', 'ping6', 'é', 'x-y', '_', 'Jan', '-', '10.0.0.1', 'fe80::1', ' db.internal'];
    const rand = prng(29);
    let withContext = 0;
    for (let k = 0; k < 200_000; k++) {
      let line = '';
      for (let m = 1 + Math.floor(rand() * 8); m > 0; m--) line += parts[Math.floor(rand() * parts.length)];
      const full = lineContext(line);
      assert.deepEqual(analyzeLine(line), full, JSON.stringify(line));
      if (full.strongStart >= 0 || full.argStart >= 0 || full.moduleLine || full.imageLine) withContext++;
    }
    assert.ok(withContext > 1_000, `many lines should have a context to compare, got ${withContext}`);
  });
});
