import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HostTuple } from '../../../src/client/pythonSocket';
import type { Outcome } from '../../../src/core/addrinfo';
import type { DnsReport } from '../../../src/core/directDns';
import type { HostLookup } from '../../../src/core/lookupView';
import type { LookupJson } from '../../../src/core/lookupView';
import { formatResolverError } from '../../../src/core/resolverError';
import { FIXTURE } from '../../fixtures/dns/zone';
import { queriesFor } from '../../support/fixtureLog';
import { runCommand } from '../commands';

describe('reverse lookup and resolver comparison in a real editor', function () {
  before(async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
    await vscode.extensions.getExtension('netlens.netlens')?.activate();
  });

  it('Reverse Lookup Address… gives gethostbyaddr’s tuple, and herror in Python’s words for a missing PTR', async () => {
    const found = await runCommand<Outcome<HostTuple>>('netlens.reverseLookup', FIXTURE.ptr.forward.v4);
    assert.ok(found.ok, JSON.stringify(found));
    assert.equal(found.value[0], FIXTURE.ptr.forward.name);
    assert.deepEqual(found.value[2], [FIXTURE.ptr.forward.v4]);
    const missing = await runCommand<Outcome<HostTuple>>('netlens.reverseLookup', FIXTURE.ptr.missing.v4);
    assert.ok(!missing.ok);
    assert.equal(missing.error.kind, 'herror');
    assert.equal(formatResolverError(missing.error), '[Errno 1] Unknown host');
  });

  it('Compare System Resolver and DNS explains that the hosts file answers where DNS says NXDOMAIN', async () => {
    const report = await runCommand<Outcome<DnsReport>>('netlens.compareResolvers', FIXTURE.hostsOnly.name);
    assert.ok(report.ok, JSON.stringify(report));
    assert.ok(report.value.system.ok && report.value.system.addresses.includes(FIXTURE.hostsOnly.v4));
    assert.ok(report.value.differences.some((d) => d.kind === 'hosts-file'), JSON.stringify(report.value.differences));
  });

  it('Compare System Resolver and DNS answers localhost names and invalid names without a query, and says why', async () => {
    for (const name of ['localhost', 'compare-check.localhost', 'compare-check.invalid']) {
      const report = await runCommand<Outcome<DnsReport>>('netlens.compareResolvers', name);
      assert.ok(report.ok, JSON.stringify(report));
      assert.equal(report.value.differences[0]?.kind, 'not-asked', JSON.stringify(report.value.differences));
      assert.equal(report.value.a, null);
      if (name === 'localhost') assert.ok(report.value.system.ok && report.value.system.addresses.includes('127.0.0.1'), 'the hosts file answers localhost');
    }
    assert.deepEqual(queriesFor('compare-check.'), [], 'no query reached the DNS server');
    assert.deepEqual(queriesFor(' localhost '), []);
  });
});

describe('Copy Lookup as JSON in a real editor', function () {
  before(async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
    await vscode.extensions.getExtension('netlens.netlens')?.activate();
  });

  /** What `netlens ARGS --json` prints, from the CLI shipped with the extension, in the same namespace. */
  function cliJson(args: string[]): unknown {
    const cli = path.join(vscode.extensions.getExtension('netlens.netlens')!.extensionPath, 'dist', 'cli.js');
    const run = spawnSync(process.execPath, [cli, ...args, '--json'], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    return JSON.parse(run.stdout) as unknown;
  }

  it('holds the Python call, its result exactly as the CLI prints it, and the error in the CLI’s own shape', async () => {
    const { alias, canonical } = FIXTURE.cnameChain;
    const args = (host: string): string[] => ['getaddrinfo', host, '-', '--type', 'SOCK_STREAM', '--flags', 'AI_CANONNAME'];
    const found = JSON.parse(await runCommand<string>('netlens.copyLookupJson', alias)) as LookupJson;
    assert.equal(found.call, `getaddrinfo("${alias}", None, AF_UNSPEC, SOCK_STREAM, 0, AI_CANONNAME)`);
    assert.deepEqual(found.result, cliJson(args(alias)), 'one path to getaddrinfo: the extension and the CLI get the same rows');
    assert.equal(found.canonicalName, canonical);
    assert.equal(found.error, null);
    // Why, as far as known without a query: the hosts file asked (NOTFOUND), dns not asked, the search list.
    const explain = (found as LookupJson & { explain: { sources: { source: string; asked: boolean; status: string | null }[]; search: { candidates: string[] } } }).explain;
    assert.deepEqual(explain.sources.map((s) => [s.source, s.asked, s.status]), [['files', true, 'NOTFOUND'], ['dns', false, null]]);
    assert.deepEqual(explain.search.candidates, [alias]);
    const failed = JSON.parse(await runCommand<string>('netlens.copyLookupJson', FIXTURE.nxdomain)) as LookupJson;
    assert.equal(failed.result, null);
    assert.deepEqual({ error: failed.error }, cliJson(args(FIXTURE.nxdomain)), 'one error shape');
  });
});

describe('Resolve All Hosts in File and Resolve Hostname Under Cursor in a real editor', function () {
  before(async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
    await vscode.extensions.getExtension('netlens.netlens')?.activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('resolves every distinct host the scanner finds, once each, and leaves code words alone', async () => {
    const { alias, canonical } = FIXTURE.cnameChain;
    const content = [
      `PRIMARY=https://${alias}/v1`,
      `REPLICA=${FIXTURE.multiA.name}:5432`,
      `BROKEN=postgres://app@${FIXTURE.nxdomain}/db`,
      `AGAIN=${alias}`,
      'console.log(path.join(dir, "README.md"))',
    ].join('\n');
    const doc = await vscode.workspace.openTextDocument({ language: 'dotenv', content });
    await vscode.window.showTextDocument(doc);
    const results = await vscode.commands.executeCommand<Map<string, HostLookup>>('netlens.resolveAllInFile');
    assert.deepEqual([...results.keys()].sort(), [alias, FIXTURE.multiA.name, FIXTURE.nxdomain].sort());
    assert.equal(results.get(alias)?.canonicalName, canonical);
    assert.deepEqual(new Set(results.get(FIXTURE.multiA.name)?.addresses), new Set([...FIXTURE.multiA.v4, ...FIXTURE.multiA.v6]));
    assert.equal(results.get(FIXTURE.nxdomain)?.error?.text, '[Errno -2] Name or service not known');
  });

  it('resolves the host under the cursor without asking', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: `db:\n  host: ${FIXTURE.v4only.name}\n` });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(1, 10, 1, 10);
    const result = await vscode.commands.executeCommand<HostLookup>('netlens.resolveAtCursor');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(result.host, FIXTURE.v4only.name);
    assert.deepEqual(result.addresses, [FIXTURE.v4only.v4]);
  });
});
