// The one check of getaddrinfo requests from less trusted places (helper IPC, the panel's webview, a saved form).
import * as assert from 'node:assert/strict';
import { asGetaddrinfoRequest, getaddrinfoRequestProblem } from '../../src/core/addrinfo';

const GOOD = { host: 'db.internal', port: 'https', family: 'AF_UNSPEC', socktype: 'SOCK_STREAM', proto: 0, flags: ['AI_CANONNAME'] };

describe('getaddrinfo request check (helper, panel and webview share it)', () => {
  it('accepts what Python accepts: a str or None host, an int or str port, known enum names', () => {
    for (const r of [GOOD, { ...GOOD, host: null, port: null }, { ...GOOD, port: 443 }, { ...GOOD, port: -1, flags: [] }]) assert.equal(getaddrinfoRequestProblem(r), null, JSON.stringify(r));
  });

  it('names the first problem of anything else', () => {
    const cases: [unknown, string][] = [
      [null, 'the request must be an object'],
      ['db.internal', 'the request must be an object'],
      [{ ...GOOD, host: 7 }, 'host must be a string or None'],
      [{ ...GOOD, port: 4.5 }, 'Int or String expected'],
      [{ ...GOOD, port: true }, 'Int or String expected'],
      [{ ...GOOD, family: 'AF_UNIX' }, 'unknown family AF_UNIX'],
      [{ ...GOOD, socktype: 'SOCK_SEQPACKET' }, 'unknown socket type SOCK_SEQPACKET'],
      [{ ...GOOD, proto: '6' }, 'proto must be an integer'],
      [{ ...GOOD, flags: 'AI_CANONNAME' }, 'unknown AI_ flag'],
      [{ ...GOOD, flags: ['AI_CANONNAME', 'NI_NAMEREQD'] }, 'unknown AI_ flag'],
    ];
    for (const [value, problem] of cases) assert.equal(getaddrinfoRequestProblem(value), problem, JSON.stringify(value));
  });

  it('keeps only the request\u2019s own fields, so nothing else a message carried travels on', () => {
    assert.deepEqual(asGetaddrinfoRequest({ ...GOOD, extra: '<script>', __proto__: { polluted: 1 } }), GOOD);
    assert.equal(asGetaddrinfoRequest({ ...GOOD, family: 'bogus' }), undefined);
  });
});
