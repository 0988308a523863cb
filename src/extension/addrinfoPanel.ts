import * as vscode from 'vscode';
import { AddrinfoPanelLookups, defaultRequest, parseWebviewMessage, restoredForm, type ConnectionMessage, type DetailsMessage, type PanelLookup, type ResultMessage } from '../client/addrinfoPanelLookups';
import type { GetaddrinfoRequest } from '../core/addrinfo';
import { rangeWords } from '../core/lookupView';
import type { ConnectTarget, PanelInitialState, ToWebviewMessage, WebviewStrings } from '../webview/messages';
import { Commands } from './commandIds';
import type { CommandRegistry } from './commands';
import { hostAtCursor } from './hostsInDocument';
import type { ResolverClient } from '../client/resolverClient';
import { settings } from './settings';
import { registerTestConnectionCommand } from './testConnectionCommand';
import { contentSecurityPolicy, escapeAttribute, makeNonce } from './webviewHtml';

const VIEW_TYPE = 'netlens.getaddrinfo';

/**
 * `NetLens: Show getaddrinfo Results`: one panel where the user sets every getaddrinfo argument and sees the
 * full answer as a table (all rows, in the resolver's order). Opened with a host, it resolves at once.
 */
export function registerAddrinfoPanel(commands: CommandRegistry, client: ResolverClient, extensionUri: vscode.Uri, onConnection: (message: ConnectionMessage) => void): vscode.Disposable {
  const lookups = new AddrinfoPanelLookups({
    client,
    dnsOptions: () => ({ servers: settings.dnsServers(), timeoutMs: settings.dnsTimeoutMs() }),
    // remoteName says where the editor's resolver runs; the runtimes' Node is netlens.runtimes.nodeVersion's (or the host's).
    explainOptions: () => ({ timeoutMs: settings.lookupTimeoutMs(), remoteName: vscode.env.remoteName ?? null, orderSettings: settings.orderSettings() }),
    connectOptions: () => ({ timeoutMs: settings.connectTimeoutMs(), lookupTimeoutMs: settings.lookupTimeoutMs(), orderSettings: settings.orderSettings() }),
  });
  const panels = new AddrinfoPanels(extensionUri, lookups, onConnection);
  return vscode.Disposable.from(
    commands.register(Commands.showGetaddrinfo, (host?: unknown, options?: unknown) => panels.createOrShow(host, options)),
    registerTestConnectionCommand(commands, (target, signal) => panels.testConnection(target, signal)),
    // After a reload VS Code gives the panel back with the state its webview saved (vscode.setState).
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, panels),
    panels
  );
}

/** The window's getaddrinfo panel: opened or revealed by the command, given back by VS Code after a reload. */
class AddrinfoPanels implements vscode.WebviewPanelSerializer, vscode.Disposable {
  /** The panel the command reveals (the last one opened or restored). */
  private current: AddrinfoPanel | undefined;
  private readonly open = new Set<AddrinfoPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly lookups: AddrinfoPanelLookups,
    private readonly onConnection: (message: ConnectionMessage) => void
  ) {}

  /**
   * Opens (or reveals) the panel. A host given by the caller, else the one under the cursor, is resolved at once
   * (the form never shows a host without its answer), and the command answers with the result of that lookup
   * — or, called with `{ details: true }` after the host, with its details message once posted (null when the
   * lookup failed); with neither host, the host field is empty and focused, and the command answers undefined.
   */
  async createOrShow(hostArg?: unknown, options?: unknown): Promise<ResultMessage | DetailsMessage | null | undefined> {
    const host = typeof hostArg === 'string' && hostArg.trim() ? hostArg.trim() : hostAtCursor();
    let panel = this.current;
    if (panel) panel.reveal();
    else panel = this.adopt(AddrinfoPanel.create(this.extensionUri, this.lookups, defaultRequest(host), this.onConnection));
    if (host === null) return undefined;
    const lookup = await panel.lookUp(defaultRequest(host));
    const wantsDetails = typeof options === 'object' && options !== null && 'details' in options && options.details === true;
    return wantsDetails ? lookup.details : lookup.result;
  }

  /** Test Connection in the panel, opened (or revealed) for the host, whose getaddrinfo answer it shows beside. */
  async testConnection(target: ConnectTarget, signal: AbortSignal): Promise<ConnectionMessage | undefined> {
    await this.createOrShow(target.host);
    return this.current?.connect(target, signal);
  }

  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, saved: unknown): Promise<void> {
    this.adopt(AddrinfoPanel.revive(webviewPanel, this.extensionUri, this.lookups, saved, this.onConnection));
  }

  dispose(): void {
    for (const panel of [...this.open]) panel.dispose();
  }

  private adopt(panel: AddrinfoPanel): AddrinfoPanel {
    this.current = panel;
    this.open.add(panel);
    const closed = panel.onDidDispose(() => {
      closed.dispose();
      this.open.delete(panel);
      if (this.current === panel) this.current = undefined;
    });
    return panel;
  }
}

/**
 * One getaddrinfo panel: its webview (page, messages) and the subscriptions it holds. What it shows is the
 * webview's own state (saved with setState, so a reload or a hidden tab gives it back); the panel answers the
 * webview's requests and the lookups the command starts, each with the messages AddrinfoPanelLookups builds.
 */
export class AddrinfoPanel implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;
  /** The Test Connection running in this panel: one at a time, a new one cancels it, closing the panel too. */
  private connection: AbortController | undefined;

  /** A new panel beside the active editor, its form filled with `request` (not resolved: see resolve()). */
  static create(extensionUri: vscode.Uri, lookups: AddrinfoPanelLookups, request: GetaddrinfoRequest, onConnection: (message: ConnectionMessage) => void): AddrinfoPanel {
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'NetLens: getaddrinfo', vscode.ViewColumn.Beside, webviewOptions(extensionUri));
    return new AddrinfoPanel(panel, extensionUri, lookups, { request }, onConnection);
  }

  /**
   * A panel VS Code restored after a reload. The webview gets its whole saved state (form as typed, last answer, a
   * lookup still pending) back from getState(); `saved` goes along in the page in case it does not.
   */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, lookups: AddrinfoPanelLookups, saved: unknown, onConnection: (message: ConnectionMessage) => void): AddrinfoPanel {
    return new AddrinfoPanel(panel, extensionUri, lookups, { request: restoredForm(saved), saved }, onConnection);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly lookups: AddrinfoPanelLookups,
    initial: PanelInitialState,
    private readonly onConnection: (message: ConnectionMessage) => void
  ) {
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = html(panel.webview, extensionUri, initial);
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      panel.onDidDispose(() => this.dispose())
    );
  }

  get onDidDispose(): vscode.Event<void> {
    return this.panel.onDidDispose;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /**
   * Resolves `request` and shows it: the webview fills its form with the request, then draws the answer and its
   * details. Answers with this lookup's result message, shown or not (the user may close the panel meanwhile).
   * Webview messages may be posted before its script runs: VS Code holds them until the page has loaded.
   */
  async resolve(request: GetaddrinfoRequest, seq?: number): Promise<ResultMessage> {
    return (await this.lookUp(request, seq)).result;
  }

  /** As resolve(), answering with the lookup's result and the promise of its details (see AddrinfoPanelLookups.lookUp). */
  lookUp(request: GetaddrinfoRequest, seq?: number): Promise<PanelLookup> {
    return this.lookups.lookUp(request, seq, (message) => this.post(message));
  }

  /**
   * Tests a connection and shows it in the panel ('Order and connection'). A running test of this panel is
   * cancelled first; `signal` (the command's progress notification) cancels this one.
   */
  async connect(target: ConnectTarget, signal?: AbortSignal): Promise<ConnectionMessage> {
    this.connection?.abort();
    const controller = new AbortController();
    this.connection = controller;
    signal?.addEventListener('abort', () => controller.abort(), { once: true });
    try {
      const message = await this.lookups.connect(target, controller.signal, (m) => this.post(m));
      if (message.outcome.ok) this.onConnection(message);
      return message;
    } finally {
      if (this.connection === controller) this.connection = undefined;
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.connection?.abort();
    this.panel.dispose();
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }

  /** Fails once the panel is closed: nobody is left to show the message to. */
  private async post(message: ToWebviewMessage): Promise<void> {
    if (this.disposed) throw new Error('the getaddrinfo panel is closed');
    await this.panel.webview.postMessage(message);
  }

  private onMessage(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) return;
    if (message.type === 'resolve') void this.resolve(message.request, message.seq);
    else if (message.type === 'connect') void this.connect(message.target);
    else if (message.type === 'cancelConnect') this.connection?.abort();
    else void vscode.env.clipboard.writeText(message.text).then(() => vscode.window.showInformationMessage(vscode.l10n.t('NetLens: copied the getaddrinfo rows')));
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

/**
 * The panel's page. Its form's controls start disabled; the script enables them as it fills them (from the saved
 * state, after a reload) and starts listening to them. The form is drawn before the script has loaded: typing there
 * would be overwritten by the script's fill, and a Resolve click answered by nobody.
 */
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
    <label>host <input id="host" placeholder="None" spellcheck="false" autocomplete="off" disabled></label>
    <label>port <input id="port" placeholder="None" size="8" spellcheck="false" disabled></label>
    <label>family <select id="family" disabled></select></label>
    <label>type <select id="socktype" disabled></select></label>
    <label>proto <input id="proto" type="number" min="0" max="255" value="0" size="4" disabled></label>
    <div id="flags" class="flags" role="group" aria-label="flags"></div>
    <button type="submit" id="query-submit" disabled>${escapeAttribute(vscode.l10n.t('Resolve'))}</button>
  </form>
  <div id="status" class="status" aria-live="polite"></div>
  <div id="output"></div>
  <section id="connection" class="connection" aria-label="Test Connection"></section>
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
    connectHeading: vscode.l10n.t('Test Connection'),
    connectButton: vscode.l10n.t('Test Connection'),
    connectCancel: vscode.l10n.t('Cancel'),
    connectTls: vscode.l10n.t('TLS handshake'),
    connectPort: vscode.l10n.t('port'),
    connecting: vscode.l10n.t('Connecting to {0} port {1}…'),
    connectNoAddress: vscode.l10n.t('getaddrinfo returned no TCP address to connect to.'),
    tlsNameMatches: vscode.l10n.t('The certificate is valid for {0}.'),
    tlsNameMismatch: vscode.l10n.t('The certificate is not valid for {0}: {1}'),
    tlsTrusted: vscode.l10n.t('The chain is trusted by {0}.'),
    tlsUntrusted: vscode.l10n.t('The chain is not trusted by {0}: {1}'),
    tlsNone: vscode.l10n.t('No TLS handshake: {0}'),
    landingHeading: vscode.l10n.t('Where each runtime would have connected'),
    landingNone: vscode.l10n.t('nowhere'),
    explainHeading: vscode.l10n.t('Why this answer'),
    explainAnswered: vscode.l10n.t('getaddrinfo’s answer'),
    explainUnknown: vscode.l10n.t('Which source getaddrinfo’s answer came from cannot be known here.'),
    nsswitchLine: vscode.l10n.t('hosts line of {0}: {1}'),
    nsswitchDefault: vscode.l10n.t('no hosts line in {0}; glibc’s default: {1}'),
    nscdCaches: vscode.l10n.t('nscd caches hosts: getaddrinfo asks nscd ({0}) before any source below, and may get an older answer from its cache.'),
    traceHeading: vscode.l10n.t('Search list: the names DNS was asked'),
    traceIncomplete: vscode.l10n.t('The lookup timeout ended the trace where glibc would have waited longer: later names were not asked.'),
    searchCandidates: vscode.l10n.t('Names the search list tries: {0} (ndots:{1})'),
    orderHeading: vscode.l10n.t('Address order'),
    orderNoRoute: vscode.l10n.t('none (no route)'),
    orderNotReproduced: vscode.l10n.t('Sorting this answer again gives another order: the rules do not order these addresses consistently, so glibc’s order also depended on the order the name services returned them in.'),
    orderCrashes: vscode.l10n.t('With this gai.conf, getaddrinfo on glibc 2.40 and older crashes for answers of two or more addresses.'),
    runtimesHeading: vscode.l10n.t('What each runtime tries, in order'),
    runtimeAlternative: vscode.l10n.t('{0} (alternative)'),
    columns: {
      source: vscode.l10n.t('source'),
      status: vscode.l10n.t('status'),
      addresses: vscode.l10n.t('addresses'),
      canonname: vscode.l10n.t('canonical name'),
      detail: vscode.l10n.t('detail'),
      name: vscode.l10n.t('name'),
      result: vscode.l10n.t('result'),
      queries: vscode.l10n.t('queries'),
      address: vscode.l10n.t('address'),
      sourceAddress: vscode.l10n.t('source address'),
      scope: vscode.l10n.t('scope'),
      label: vscode.l10n.t('label'),
      precedence: vscode.l10n.t('precedence'),
      rule: vscode.l10n.t('rule'),
      runtime: vscode.l10n.t('runtime'),
      version: vscode.l10n.t('version'),
      strategy: vscode.l10n.t('strategy'),
      order: vscode.l10n.t('order'),
    },
    ranges: rangeWords(),
  };
}
