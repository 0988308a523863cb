import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostLookup } from '../../../src/core/lookupView';
import type { ToWebviewMessage } from '../../../src/webview/messages';
import { FIXTURE } from '../../fixtures/dns/zone';
import { hasPython, python } from '../../support/python';

/** The command with a host: it answers with the result of the lookup that call started (undefined after 20 s). */
function showGetaddrinfo(host: string): Promise<ToWebviewMessage | undefined> {
  return Promise.race([
    vscode.commands.executeCommand<ToWebviewMessage | undefined>('netlens.showGetaddrinfo', host),
    new Promise<undefined>((r) => setTimeout(() => r(undefined), 20000)),
  ]);
}

/** The command with a host and `{ details: true }`: it answers with the details message of the lookup it started. */
function showGetaddrinfoDetails(host: string): Promise<ToWebviewMessage | null | undefined> {
  return Promise.race([
    vscode.commands.executeCommand<ToWebviewMessage | null | undefined>('netlens.showGetaddrinfo', host, { details: true }),
    new Promise<undefined>((r) => setTimeout(() => r(undefined), 25000)),
  ]);
}

/** The distinct addresses of a result message, in the resolver's order; undefined for anything else. */
function addressesOf(message: ToWebviewMessage | undefined): string[] | undefined {
  return message?.type === 'result' && message.outcome.ok ? [...new Set(message.outcome.value.rows.map((r) => r.sockaddr[0]))] : undefined;
}

describe('NetLens: Show getaddrinfo Results (webview) in a real editor', () => {
  before(async () => {
    await vscode.extensions.getExtension('netlens.netlens')?.activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the panel for a host and answers with every getaddrinfo row of the lookup it started', async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
    const { alias, canonical } = FIXTURE.cnameChain;
    // The command's result is the message the panel posted to its webview; what the webview draws from it is
    // checked on screen by the UI scenario getaddrinfo-opened-for-host (test/ui/panelScenarios.ts).
    const message = await showGetaddrinfo(alias);
    assert.ok(message && message.type === 'result', 'the command answers with the result message of its lookup');
    assert.equal(message.request.host, alias);
    assert.ok(message.outcome.ok, JSON.stringify(message.outcome));
    const rows = message.outcome.value.rows;
    assert.equal(rows[0].canonname, canonical);
    if (hasPython()) {
      const expected = python<[string, string, number, string, string][]>(
        `print(json.dumps([[f.name, t.name, p, c, s[0]] for f, t, p, c, s in socket.getaddrinfo(${JSON.stringify(alias)}, None, 0, 0, 0, socket.AI_CANONNAME)]))`
      );
      assert.deepEqual(
        rows.map((r) => [r.family, r.socktype, r.proto, r.canonname, r.sockaddr[0]]),
        expected,
        'the same rows, in the same order, as python3'
      );
    }
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'NetLens: getaddrinfo');
    assert.ok(tab, 'the panel is open as an editor tab');
  });

  it('answers each call with the result of its own lookup, even while another call is on its way', async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
    const { alias, v4, v6 } = FIXTURE.cnameChain;
    const { name, v4: only } = FIXTURE.v4only;
    // Started together into the one panel: neither call may answer with the other's result.
    const [first, second] = await Promise.all([showGetaddrinfo(alias), showGetaddrinfo(name)]);
    assert.ok(first?.type === 'result' && second?.type === 'result', JSON.stringify([first, second]));
    assert.deepEqual([first.request.host, second.request.host], [alias, name]);
    assert.deepEqual(addressesOf(first)?.sort(), [v4, v6].sort(), JSON.stringify(first));
    assert.deepEqual(addressesOf(second), [only], JSON.stringify(second));
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label === 'NetLens: getaddrinfo');
    assert.equal(tabs.length, 1, 'one panel, revealed for the second call');
  });

  it('asks for a non-ASCII name what Python and the hover ask (IDNA 2003), not the raw UTF-8 name', async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
    const idn = FIXTURE.idn;
    const message = await showGetaddrinfo(idn.name);
    assert.ok(message && message.type === 'result' && message.outcome.ok, JSON.stringify(message));
    const panel = addressesOf(message);
    assert.deepEqual(panel, [idn.v4], `${idn.name} is asked as ${idn.ascii2003} (${idn.v4}), not as UTF-8 or UTS #46 (${idn.v4Uts46})`);
    const lookup = await vscode.commands.executeCommand<HostLookup | undefined>('netlens.resolveHostname', idn.name);
    assert.deepEqual(lookup?.addresses, panel, 'the hover and Resolve Hostname get the same answer as the panel');
    if (hasPython()) {
      const expected = python<string[]>(`print(json.dumps(sorted({s[0] for *_, s in socket.getaddrinfo(${JSON.stringify(idn.name)}, None)})))`);
      assert.deepEqual(panel, expected, 'the same addresses as python3');
    }
  });

  it("the details message carries 'Why this answer' (dns for the alias, files for a hosts-file name) and 'Address order'", async function () {
    if (process.env.NETLENS_DNS_FIXTURE !== '1') this.skip();
    this.timeout(60_000);
    const { alias, canonical, v4, v6 } = FIXTURE.cnameChain;
    const details = await showGetaddrinfoDetails(alias);
    assert.ok(details?.type === 'details', JSON.stringify(details));
    assert.equal(details.request.host, alias);
    assert.ok(details.explain?.ok, JSON.stringify(details.explain));
    const explain = details.explain.value;
    assert.equal(explain.nss.answeredBy, 'dns');
    const dns = explain.nss.sources.find((s) => s.source === 'dns');
    assert.deepEqual([dns?.addresses.slice().sort(), dns?.canonname], [[v4, v6].sort(), canonical]);
    assert.ok(explain.search && 'tries' in explain.search && explain.search.tries[0]?.name === alias, JSON.stringify(explain.search));
    // Worded in the extension host (the webview words nothing): the environment names where the resolver runs.
    assert.ok(explain.shown.environment.some((p) => 'data' in p && p.data === explain.environment.machine), JSON.stringify(explain.shown.environment));
    assert.ok(details.order?.ok, JSON.stringify(details.order));
    assert.deepEqual(details.order.value.addresses.map((a) => a.address).sort(), [v4, v6].sort());
    // The extension host's Node is the one modelled.
    assert.ok(details.order.value.runtimes.node.version.includes(process.version), details.order.value.runtimes.node.version);

    const hostsOnly = await showGetaddrinfoDetails(FIXTURE.hostsOnly.name);
    assert.ok(hostsOnly?.type === 'details' && hostsOnly.explain?.ok, JSON.stringify(hostsOnly));
    assert.equal(hostsOnly.explain.value.nss.answeredBy, 'files');
    assert.deepEqual(hostsOnly.explain.value.nss.sources.find((s) => s.source === 'files')?.addresses, [FIXTURE.hostsOnly.v4]);
  });
});
