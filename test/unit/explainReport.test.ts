import * as assert from 'node:assert/strict';
import { answerSourceLine, type ExplainResult } from '../../src/core/explainReport';
import { lineText } from '../../src/core/lookupView';
import type { NssHostsReport, NssSourceAnswer } from '../../src/core/nssSources';

const files: NssSourceAnswer = { source: 'files', asked: true, status: 'NOTFOUND', addresses: [], canonname: null, detail: 'no line of /etc/hosts lists it' };
const dns: NssSourceAnswer = { source: 'dns', asked: false, status: null, addresses: [], canonname: null, detail: 'not asked' };

function local(nss: Partial<NssHostsReport>, search: ExplainResult['search'] = null): ExplainResult {
  const report: NssHostsReport = { platform: 'glibc', note: null, nsswitch: { path: '/etc/nsswitch.conf', hosts: [] }, sources: [files, dns], answeredBy: null, ...nss };
  return { environment: {} as ExplainResult['environment'], nss: report, search };
}

describe('explain: the hover line, computed without a query', () => {
  it('names the local source that answered, with where in it', () => {
    const hit: NssSourceAnswer = { ...files, status: 'SUCCESS', addresses: ['198.51.100.20'], detail: '/etc/hosts line 7' };
    const line = answerSourceLine(local({ sources: [hit, dns], answeredBy: 'files', outcome: { kind: 'addresses', source: 'files', index: 0, addresses: ['198.51.100.20'], canonname: null } }), 'h', { addresses: ['198.51.100.20'], canonicalName: 'h' });
    assert.equal(line && lineText(line), 'answered by files: /etc/hosts line 7');
  });

  it('tells which search-list name DNS answered when the canonical name is one of them', () => {
    const search = { domains: ['a.test', 'b.test'], ndots: 1, candidates: ['web.a.test', 'web.b.test', 'web'] };
    const unknown = { outcome: { kind: 'unknown' as const, index: 1 } };
    const via = answerSourceLine(local(unknown, search), 'web', { addresses: ['192.0.2.1'], canonicalName: 'web.b.test' });
    assert.equal(via && lineText(via), 'answered by DNS via search domain b.test (name 2 of 3 the search list tries)');
    const asIs = answerSourceLine(local(unknown, search), 'web', { addresses: ['192.0.2.1'], canonicalName: 'web' });
    assert.equal(asIs && lineText(asIs), 'answered by DNS, the name asked as is (name 3 of 3 the search list tries)');
    // A CNAME's target is not a candidate: only that dns answered is certain.
    const cname = answerSourceLine(local(unknown, search), 'web', { addresses: ['192.0.2.1'], canonicalName: 'edge.cdn.test' });
    assert.equal(cname && lineText(cname), 'answered by dns');
  });

  it('says nothing it cannot know: several network sources, a failed lookup; a numeric address asks no source', () => {
    const mdns: NssSourceAnswer = { ...dns, source: 'mdns4_minimal' };
    const several = answerSourceLine(local({ sources: [files, mdns, dns], outcome: { kind: 'unknown', index: 1 } }), 'x', { addresses: ['192.0.2.1'], canonicalName: null });
    assert.equal(several && lineText(several), 'answered by one of mdns4_minimal, dns (the sources after the local ones)');
    assert.equal(answerSourceLine(local({ outcome: { kind: 'unknown', index: 1 } }), 'x', { addresses: [], canonicalName: null }), null);
    const numeric = answerSourceLine(local({ outcome: null }), '127.0.0.1', { addresses: ['127.0.0.1'], canonicalName: null });
    assert.equal(numeric && lineText(numeric), 'a numeric address: getaddrinfo converts it itself, no source is asked');
  });
});
