import * as assert from 'node:assert/strict';
import { connectionTarget } from '../../src/core/connectionTarget';
import { connectionDetailRows, connectionSummary } from '../../src/core/connectionView';
import { encodeRecord, parseLines, type HistoryConnection } from '../../src/core/historyLog';
import { parseWebviewMessage } from '../../src/client/addrinfoPanelLookups';

const trap: HistoryConnection = {
  port: 8080,
  tls: false,
  at: 1,
  attempts: [
    { address: '::1', result: 'refused', errno: 'ECONNREFUSED', ms: 2.4 },
    { address: '127.0.0.1', result: 'connected', errno: null, ms: 3.6 },
  ],
};

describe('Test Connection: targets, words, history', () => {
  it('takes host, port and TLS from what was typed or found: TLS from the scheme only, never from the port', () => {
    assert.deepEqual(connectionTarget('https://api.example.com/x'), { host: 'api.example.com', port: 443, tls: true, scheme: 'https' });
    assert.deepEqual(connectionTarget('http://[::1]:8443/'), { host: '::1', port: 8443, tls: false, scheme: 'http' });
    assert.deepEqual(connectionTarget('db.internal:5432'), { host: 'db.internal', port: 5432, tls: false, scheme: null });
    assert.deepEqual(connectionTarget('[fe80::1%eth0]:22'), { host: 'fe80::1%eth0', port: 22, tls: false, scheme: null });
    assert.deepEqual(connectionTarget('ldaps://dc1.corp'), { host: 'dc1.corp', port: 636, tls: true, scheme: 'ldaps' });
    assert.deepEqual(connectionTarget('cache.internal'), { host: 'cache.internal', port: null, tls: false, scheme: null });
    assert.deepEqual(connectionTarget('web:443'), { host: 'web', port: 443, tls: false, scheme: null });
    assert.equal(connectionTarget('http://h:99999/'), null);
    assert.equal(connectionTarget('not a host'), null);
  });

  it('words the localhost trap: connected after ::1 refused; every attempt a row', () => {
    assert.equal(connectionSummary(trap), 'connected to 127.0.0.1 port 8080 (after ::1 refused)');
    assert.deepEqual(connectionDetailRows(trap), [
      { label: '::1 port 8080', description: 'refused (ECONNREFUSED) · 2 ms', connected: false },
      { label: '127.0.0.1 port 8080', description: 'connected · 4 ms', connected: true },
    ]);
    assert.equal(connectionSummary({ port: 5, tls: false, attempts: [trap.attempts[0], { address: '10.0.0.1', result: 'timeout', errno: 'ETIMEDOUT', ms: 3000 }] }), 'no address accepted port 5 (1 refused, 1 timed out)');
  });

  it('keeps a connection in the history log; a malformed one is dropped with its lookup kept', () => {
    const entry = { host: 'localhost', at: 1, ok: true, addresses: ['::1', '127.0.0.1'], canonicalName: null, error: null, backend: 'native', connection: trap };
    const back = parseLines(encodeRecord({ id: 'a', op: 'put', entry })).records[0];
    assert.ok(back.op === 'put');
    assert.deepEqual(back.entry.connection, trap);
    const bad = parseLines(encodeRecord({ id: 'b', op: 'put', entry: { ...entry, connection: { ...trap, attempts: [{ address: 1 }] } as unknown as HistoryConnection } })).records[0];
    assert.ok(bad.op === 'put');
    assert.equal(bad.entry.connection, undefined);
    assert.deepEqual(bad.entry.addresses, entry.addresses);
  });

  it('checks the webview’s connect message: a host, a port 1-65535, a boolean TLS', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'connect', target: { host: ' localhost ', port: 80, tls: false } }), { type: 'connect', target: { host: 'localhost', port: 80, tls: false } });
    for (const target of [{ host: '', port: 80, tls: false }, { host: 'h', port: 0, tls: false }, { host: 'h', port: 70000, tls: false }, { host: 'h', port: 80, tls: 'yes' }, { host: 'h', port: 1.5, tls: false }, null]) {
      assert.equal(parseWebviewMessage({ type: 'connect', target }), undefined, JSON.stringify(target));
    }
    assert.deepEqual(parseWebviewMessage({ type: 'cancelConnect' }), { type: 'cancelConnect' });
  });
});
