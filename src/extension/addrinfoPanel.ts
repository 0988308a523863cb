import * as vscode from 'vscode';
import { Commands } from './commandIds';
import type { CommandRegistry } from './commands';
import { directDnsLookup, pyArgsFromRequest, pyGethostbyaddr, pyGetaddrinfoResult } from '../client/pythonSocket';
import { asGetaddrinfoRequest, distinctAddresses, type GetaddrinfoRequest } from '../core/addrinfo';
import { parseIpAddress } from '../core/ipAddress';
import { hostAtCursor } from './hostsInDocument';
import { formatAsPythonException } from '../core/resolverError';
import type { FromWebviewMessage, PanelInitialState, ReverseName, ToWebviewMessage, WebviewStrings } from '../webview/messages';
import type { ResolverService } from './resolverService';
import { settings } from './settings';
import { contentSecurityPolicy, escapeAttribute, makeNonce } from './webviewHtml';

const VIEW_TYPE = 'netlens.getaddrinfo';

/** Python's default call for a host: every row, as `socket.getaddrinfo(host, None)` returns them, plus the canonical name. */
export function defaultRequest(host: string | null): GetaddrinfoRequest {
  return { host, port: null, family: 'AF_UNSPEC', socktype: 'SOCK_UNSPEC', proto: 0, flags: ['AI_CANONNAME'] };
}

/**
 * `NetLens: Show getaddrinfo Results`: one panel where the user sets every getaddrinfo argument and sees the
 * full answer as a table (all rows, in the resolver's order). Opened with a host, it resolves at once.
 */
export function registerAddrinfoPanel(commands: CommandRegistry, service: ResolverService, extensionUri: vscode.Uri): vscode.Disposable {
  let panel: vscode.WebviewPanel | undefined;

  /** Opens (or reveals) the panel; with a host, resolves it and returns the message shown (tests use it). */
  const open = async (hostArg?: unknown): Promise<ToWebviewMessage | undefined> => {
    // A host given by the caller, else the one under the cursor; whatever the form shows first is resolved at
    // once, so it never shows a host without its answer. With neither, the host field is empty and focused.
    const host = typeof hostArg === 'string' && hostArg.trim() ? hostArg.trim() : hostAtCursor();
    if (panel) {
      panel.reveal();
      return host === null ? undefined : answer(panel, defaultRequest(host));
    }
    const created = vscode.window.createWebviewPanel(VIEW_TYPE, 'NetLens: getaddrinfo', vscode.ViewColumn.Beside, webviewOptions(extensionUri));
    adopt(created, { request: defaultRequest(host), autoResolve: host !== null });
    // With autoResolve the webview asks for the lookup itself once its script runs; answer() replies to it.
    return host === null ? undefined : nextResult.promise;
  };

  /** Wires a new or restored panel: its page, its messages, and forgetting it when closed. */
  function adopt(current: vscode.WebviewPanel, state: PanelInitialState): void {
    panel = current;
    current.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
    current.webview.options = webviewOptions(extensionUri);
    current.webview.html = html(current.webview, extensionUri, state);
    const subscriptions = [
      current.webview.onDidReceiveMessage((m: unknown) => onMessage(current, m)),
      current.onDidDispose(() => {
        if (panel === current) panel = undefined;
        for (const s of subscriptions) s.dispose();
      }),
    ];
  }

  /** Resolves with the next result posted to the panel (for callers of the command that passed a host). */
  let nextResult = deferred<ToWebviewMessage>();

  /** `seq` is the webview's number for its request, echoed so that it can drop answers it no longer waits for. */
  async function answer(target: vscode.WebviewPanel, request: GetaddrinfoRequest, seq?: number): Promise<ToWebviewMessage> {
    await target.webview.postMessage({ type: 'resolving', request, seq } satisfies ToWebviewMessage);
    // The client answers every request (a crashed helper is restarted and the request retried, or it is an error).
    // Through the same Python semantics as the hover and the CLI (IDNA 2003 first): the panel asks what they ask.
    const [outcome, ping] = await Promise.all([pyGetaddrinfoResult(service.client, pyArgsFromRequest(request)), service.client.ping()]);
    const message: ToWebviewMessage = { type: 'result', request, outcome, constants: ping.ok ? ping.value.constants : {}, seq };
    await target.webview.postMessage(message);
    nextResult.resolve(message);
    nextResult = deferred<ToWebviewMessage>();
    if (outcome.ok) void details(target, request, distinctAddresses(outcome.value.rows), seq).catch(ignoreClosedPanel);
    return message;
  }

  /** Reverse names and the direct DNS view, after the table is shown (they may take longer than the lookup). */
  async function details(target: vscode.WebviewPanel, request: GetaddrinfoRequest, addresses: string[], seq?: number): Promise<void> {
    const host = request.host;
    const [reverse, dns] = await Promise.all([
      Promise.all(addresses.map(async (a): Promise<[string, ReverseName]> => {
        const r = await pyGethostbyaddr(service.client, a);
        return [a, r.ok ? { ok: true, name: r.value[0] } : { ok: false, error: formatAsPythonException(r.error) }];
      })),
      host !== null && !parseIpAddress(host) ? directDnsLookup(service.client, host, { servers: settings.dnsServers(), timeoutMs: settings.dnsTimeoutMs() }) : Promise.resolve(null),
    ]);
    await target.webview.postMessage({ type: 'details', request, reverse: Object.fromEntries(reverse), dns, seq } satisfies ToWebviewMessage);
  }

  function onMessage(target: vscode.WebviewPanel, raw: unknown): void {
    const message = parseMessage(raw);
    if (!message) return;
    if (message.type === 'resolve') void answer(target, message.request, message.seq).catch(ignoreClosedPanel);
    else void vscode.env.clipboard.writeText(message.text).then(() => vscode.window.showInformationMessage(vscode.l10n.t('NetLens: copied the getaddrinfo rows')));
  }

  return vscode.Disposable.from(
    commands.register(Commands.showGetaddrinfo, open),
    // After a reload VS Code gives the panel back with the form state the webview saved (vscode.setState).
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (restored, saved: unknown) => {
        // The webview gets its whole saved state (form as typed, last answer, a lookup still pending) back from
        // getState(); `saved` goes along in the page in case it does not. Only the form is checked here: the
        // extension acts on nothing else in it.
        const form = typeof saved === 'object' && saved !== null && 'form' in saved ? saved.form : saved;
        const request = parseMessage({ type: 'resolve', request: form });
        adopt(restored, { request: request?.type === 'resolve' ? request.request : defaultRequest(null), autoResolve: false, saved });
      },
    }),
    new vscode.Disposable(() => {
      panel?.dispose();
    })
  );
}

/** The webview is less trusted than the extension: check every message's shape before acting on it. */
function parseMessage(raw: unknown): FromWebviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  if (m.type === 'copy' && typeof m.text === 'string') return { type: 'copy', text: m.text };
  const request = m.type === 'resolve' ? asGetaddrinfoRequest(m.request) : undefined;
  if (!request) return undefined;
  const seq = Number.isSafeInteger(m.seq) ? (m.seq as number) : undefined;
  return { type: 'resolve', request, seq };
}

/** Posting to a panel the user closed meanwhile fails; nobody is left to show the answer to. */
function ignoreClosedPanel(): void {
  // Nothing to do.
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

function html(webview: vscode.Webview, extensionUri: vscode.Uri, state: PanelInitialState): string {
  const nonce = makeNonce();
  const media = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(webview.cspSource, nonce))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${escapeAttribute(media('webview.css'))}">
  <title>NetLens: getaddrinfo</title>
</head>
<body data-state="${escapeAttribute(JSON.stringify(state))}" data-strings="${escapeAttribute(JSON.stringify(webviewStrings()))}">
  <form id="query" aria-label="getaddrinfo arguments">
    <label>host <input id="host" placeholder="None" spellcheck="false" autocomplete="off"></label>
    <label>port <input id="port" placeholder="None" size="8" spellcheck="false"></label>
    <label>family <select id="family"></select></label>
    <label>type <select id="socktype"></select></label>
    <label>proto <input id="proto" type="number" min="0" max="255" value="0" size="4"></label>
    <div id="flags" class="flags" role="group" aria-label="flags"></div>
    <button type="submit">${escapeAttribute(vscode.l10n.t('Resolve'))}</button>
  </form>
  <div id="status" class="status" aria-live="polite"></div>
  <div id="output"></div>
  <script nonce="${nonce}" src="${escapeAttribute(media('webview.js'))}"></script>
</body>
</html>`;
}

/** The panel's sentences in the editor's language (the webview fills in the placeholders). */
function webviewStrings(): WebviewStrings {
  return {
    resolving: vscode.l10n.t('Resolving {0}…'),
    rowsOne: vscode.l10n.t('{0} row · {1} ms · {2} backend'),
    rowsMany: vscode.l10n.t('{0} rows · {1} ms · {2} backend'),
    unavailable: vscode.l10n.t('The {0} backend cannot know: {1} (shown as ?).'),
    copyJson: vscode.l10n.t('Copy as JSON'),
    copyPython: vscode.l10n.t('Copy as Python'),
    emptyHint: vscode.l10n.t('Type a host name, an address or a URL’s host, then press Enter. An empty host is None.'),
    dnsHeading: vscode.l10n.t('DNS asked directly (c-ares), beside the system resolver'),
    dnsServers: vscode.l10n.t('servers: {0} ({1})'),
    noServers: vscode.l10n.t('none'),
    cnameChain: vscode.l10n.t('CNAME chain: {0}'),
    dnsAgree: vscode.l10n.t('DNS and the system resolver agree.'),
  };
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
