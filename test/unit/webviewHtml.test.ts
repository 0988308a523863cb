import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, escapeAttribute, makeNonce } from '../../src/extension/webviewHtml';

describe('webview page safety', () => {
  it('escapes everything that could end an attribute or open a tag', () => {
    const hostile = `"><img src=x onerror='alert(1)'>&`;
    const escaped = escapeAttribute(hostile);
    assert.equal(escaped, '&quot;&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;&amp;');
    assert.ok(!/[<>"']/.test(escaped));
  });

  it('allows scripts only by a fresh nonce and nothing by default', () => {
    const a = makeNonce();
    const b = makeNonce();
    assert.notEqual(a, b);
    assert.ok(a.length >= 22);
    const csp = contentSecurityPolicy('https://webview.example', a);
    assert.match(csp, /^default-src 'none'/);
    assert.match(csp, new RegExp(`script-src 'nonce-${a.replace(/[+/=]/g, '\\$&')}'`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });
});
