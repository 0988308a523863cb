import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostTuple } from '../../../src/client/pythonSocket';
import type { Outcome } from '../../../src/core/addrinfo';
import type { DnsReport } from '../../../src/core/directDns';
import { formatResolverError } from '../../../src/core/resolverError';
import { FIXTURE } from '../../fixtures/dns/zone';

async function run<T>(command: string, arg: string): Promise<T> {
  const result = await vscode.commands.executeCommand<T>(command, arg);
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  return result;
}

describe('reverse lookup and resolver comparison in a real editor', function () {
  before(async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
    await vscode.extensions.getExtension('netlens.netlens')?.activate();
  });

  it('Reverse Lookup Address… gives gethostbyaddr’s tuple, and herror in Python’s words for a missing PTR', async () => {
    const found = await run<Outcome<HostTuple>>('netlens.reverseLookup', FIXTURE.ptr.forward.v4);
    assert.ok(found.ok, JSON.stringify(found));
    assert.equal(found.value[0], FIXTURE.ptr.forward.name);
    assert.deepEqual(found.value[2], [FIXTURE.ptr.forward.v4]);
    const missing = await run<Outcome<HostTuple>>('netlens.reverseLookup', FIXTURE.ptr.missing.v4);
    assert.ok(!missing.ok);
    assert.equal(missing.error.kind, 'herror');
    assert.equal(formatResolverError(missing.error), '[Errno 1] Unknown host');
  });

  it('Compare System Resolver and DNS explains that the hosts file answers where DNS says NXDOMAIN', async () => {
    const report = await run<Outcome<DnsReport>>('netlens.compareResolvers', FIXTURE.hostsOnly.name);
    assert.ok(report.ok, JSON.stringify(report));
    assert.ok(report.value.system.ok && report.value.system.addresses.includes(FIXTURE.hostsOnly.v4));
    assert.ok(report.value.differences.some((d) => d.kind === 'hosts-file'), JSON.stringify(report.value.differences));
  });
});
