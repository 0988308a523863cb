import * as assert from 'node:assert/strict';
import { hostFromToken, hostMatchInLine } from '../../src/core/hostAtPosition';

describe('host under the cursor (hover, commands, pre-fills): the scanner\'s rule', () => {
  const cases: [line: string, cursorAt: string, expected: string | null][] = [
    ['DATABASE_URL=postgres://app:secret@db.internal:5432/app', 'db.internal', 'db.internal'],
    ['fetch("https://api.example.com/v1/users?id=3")', 'example', 'api.example.com'],
    ['  proxy_pass http://[2001:db8::10]:8080/;', '2001', '2001:db8::10'],
    ['ping fe80::1%eth0 now', 'fe80', 'fe80::1%eth0'],
    ['ssh deploy@build-01.corp', 'build', 'build-01.corp'],
    ['redis = 10.0.0.7:6379', '10.0', '10.0.0.7'],
    ['See db.internal.', 'db.', 'db.internal'],
    ['x = a..b', 'a..', null],
    ['   ', ' ', null],
    // Code words are no hosts: the panel opened from the palette resolves what is under the cursor, and the
    // looser token rule the pre-fills used to have would have sent these to DNS.
    ['console.log(path.join(dir, "README.md"))', 'console', null],
    ['console.log(path.join(dir, "README.md"))', 'README', null],
  ];
  for (const [line, marker, expected] of cases) {
    it(`${JSON.stringify(line)} → ${String(expected)}`, () => {
      const offset = line.indexOf(marker) + 1;
      assert.equal(hostMatchInLine(line, 0, offset)?.host ?? null, expected);
    });
  }

  it('keeps a typed host that is already bare, and takes the host out of a pasted URL', () => {
    assert.equal(hostFromToken('localhost'), 'localhost');
    assert.equal(hostFromToken('https://user:pw@[::1]:8443/path#frag'), '::1');
    assert.equal(hostFromToken('mongodb+srv://cluster0.example.net/db'), 'cluster0.example.net');
  });
});
