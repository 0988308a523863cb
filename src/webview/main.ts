// The getaddrinfo panel's script. It builds every piece of text with textContent (never innerHTML), because
// canonical names come from DNS and are attacker-controlled.
import { getaddrinfoRequestProblem, type AddrinfoRow, type GetaddrinfoRequest, type GetaddrinfoResult } from '../core/addrinfo';
import { tryAddressFacts } from '../core/addressFacts';
import { addressRangeWords } from '../core/lookupView';
import type { DnsReport } from '../core/directDns';
import { isTrace } from '../core/explainReport';
import type { Line } from '../core/lookupView';
import { formatAsPythonException } from '../core/resolverError';
import { pyAddrinfoRow, pyStr } from '../core/pythonRepr';
import type { RuntimeChoice } from '../core/runtimes/runtimeChoice';
import type { RuntimeName } from '../core/runtimes/landing';
import { AI_FLAGS, FAMILIES, SOCKTYPES, type AiFlagName, type FamilyName, type SocktypeName } from '../core/socketConstants';
import type { ConnectAttempt, ConnectTestResult } from '../core/connectionTest';
import type { Outcome } from '../core/addrinfo';
import type { ConnectTarget, FromWebviewMessage, PanelColumn, PanelExplainReport, PanelInitialState, PanelOrderReport, PanelSavedState, ToWebviewMessage, WebviewStrings } from './messages';

interface VsCodeApi {
  postMessage(message: FromWebviewMessage): void;
  setState(state: PanelSavedState): void;
  /** What setState saved, after a reload too; older versions of NetLens saved the bare request. */
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const initial = JSON.parse(document.body.dataset.state ?? '{}') as PanelInitialState;
const strings = JSON.parse(document.body.dataset.strings ?? '{}') as WebviewStrings;

/** A localized sentence with its `{0}`, `{1}`… filled in (the values are data: they end up in textContent). */
function format(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, n: string) => (Number(n) < values.length ? String(values[Number(n)]) : whole));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`missing #${id}`);
  return node as T;
}

const form = byId<HTMLFormElement>('query');
const hostInput = byId<HTMLInputElement>('host');
const portInput = byId<HTMLInputElement>('port');
const familySelect = byId<HTMLSelectElement>('family');
const typeSelect = byId<HTMLSelectElement>('socktype');
const protoInput = byId<HTMLInputElement>('proto');
const flagsBox = byId<HTMLDivElement>('flags');
const status = byId<HTMLDivElement>('status');
const output = byId<HTMLDivElement>('output');
const connection = byId<HTMLElement>('connection');

for (const f of FAMILIES) familySelect.append(el('option', { value: f }, f));
for (const t of SOCKTYPES) typeSelect.append(el('option', { value: t }, t === 'SOCK_UNSPEC' ? '0 (any)' : t));
for (const flag of AI_FLAGS) {
  const label = el('label');
  label.append(el('input', { type: 'checkbox', value: flag, name: 'flag' }), document.createTextNode(` ${flag}`));
  flagsBox.append(label);
}

function fill(request: GetaddrinfoRequest): void {
  hostInput.value = request.host ?? '';
  portInput.value = request.port === null ? '' : String(request.port);
  familySelect.value = request.family;
  typeSelect.value = request.socktype;
  protoInput.value = String(request.proto);
  for (const box of flagsBox.querySelectorAll<HTMLInputElement>('input[name=flag]')) box.checked = request.flags.includes(box.value as AiFlagName);
}

function read(): GetaddrinfoRequest {
  const flags = [...flagsBox.querySelectorAll<HTMLInputElement>('input[name=flag]:checked')].map((b) => b.value as AiFlagName);
  const port = portInput.value.trim();
  return {
    host: hostInput.value.trim() === '' ? null : hostInput.value.trim(),
    port: port === '' ? null : port,
    family: familySelect.value as FamilyName,
    socktype: typeSelect.value as SocktypeName,
    proto: Number(protoInput.value) || 0,
    flags,
  };
}

/** The state setState last saved (see PanelSavedState): updated on every change, never only in memory. */
let saved: PanelSavedState = { version: 2, form: initial.request, seq: 0 };

function save(patch: Partial<PanelSavedState>): void {
  saved = { ...saved, ...patch };
  vscode.setState(saved);
}

/** Reads a saved state back; undefined if it is not one (nothing saved, or a shape this version does not know). */
function parseSaved(raw: unknown): PanelSavedState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Partial<PanelSavedState> & Partial<GetaddrinfoRequest>;
  if (r.version === 2 && isRequest(r.form)) {
    return {
      version: 2,
      form: r.form,
      seq: typeof r.seq === 'number' ? r.seq : 0,
      result: r.result?.type === 'result' ? r.result : undefined,
      details: r.details?.type === 'details' ? r.details : undefined,
      pending: isRequest(r.pending) ? r.pending : undefined,
      connection: r.connection?.type === 'connection' ? r.connection : undefined,
    };
  }
  // NetLens 0.1.0 saved the submitted request itself.
  return isRequest(raw) ? { version: 2, form: raw, seq: 0 } : undefined;
}

function isRequest(value: unknown): value is GetaddrinfoRequest {
  return getaddrinfoRequestProblem(value) === null;
}

/** Sends a lookup; it stays "pending" in the saved state until its answer comes, so a reload asks again. */
function resolve(request: GetaddrinfoRequest): void {
  const seq = saved.seq + 1;
  save({ pending: request, seq });
  vscode.postMessage({ type: 'resolve', request, seq });
}

function sameRequest(a: GetaddrinfoRequest | undefined, b: GetaddrinfoRequest): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** An answer to a request older than the last one sent: the newer answer is, or will be, on screen. */
function stale(message: ToWebviewMessage): boolean {
  return 'seq' in message && message.seq !== undefined && message.seq < saved.seq;
}

function pythonCall(r: GetaddrinfoRequest): string {
  const str = (v: string | number | null): string => (v === null ? 'None' : typeof v === 'number' ? String(v) : pyStr(v));
  const flags = r.flags.length ? r.flags.map((f) => `socket.${f}`).join(' | ') : '0';
  const type = r.socktype === 'SOCK_UNSPEC' ? '0' : `socket.${r.socktype}`;
  return `socket.getaddrinfo(${str(r.host)}, ${str(r.port)}, socket.${r.family}, ${type}, ${r.proto}, ${flags})`;
}

/**
 * The table of rows, the address first: it is what the user came for. Where the panel is narrow (beside an editor
 * it is about half the window) webview.css turns each row into a block that wraps, each cell labelled by its
 * column's name (data-label), so nothing needs a horizontal scroll.
 */
function renderRows(result: GetaddrinfoResult, constants: Record<string, number>): HTMLElement {
  const table = el('table');
  const head = el('tr');
  const columns = ['#', 'address', 'port', 'family', 'type', 'proto', 'canonname', 'flowinfo', 'scope_id', 'facts', 'reverse name'] as const;
  for (const h of columns) head.append(el('th', { scope: 'col' }, h));
  table.append(el('thead'), el('tbody'));
  table.tHead?.append(head);
  result.rows.forEach((row: AddrinfoRow, i) => {
    const tr = el('tr', { title: pyAddrinfoRow(row, constants) });
    const [address, port, flowinfo, scopeId] = row.sockaddr;
    const cells: Record<(typeof columns)[number], string> = {
      '#': String(i + 1),
      address,
      port: String(port),
      family: row.family,
      type: row.socktype ?? '?',
      proto: row.proto === null ? '?' : String(row.proto),
      canonname: row.canonname ?? '?',
      flowinfo: flowinfo === undefined ? '' : String(flowinfo),
      scope_id: scopeId === undefined ? '' : String(scopeId),
      facts: factsSummary(address),
      // Filled in when the reverse lookups arrive ('details' message).
      'reverse name': '…',
    };
    for (const column of columns) {
      const attrs: Record<string, string> = { 'data-label': column, class: `col-${column.replace(/\W+/g, '-')}` };
      if (column === 'reverse name') Object.assign(attrs, { 'data-reverse-for': address, class: `${attrs.class} pending` });
      tr.append(el('td', attrs, cells[column]));
    }
    table.tBodies[0].append(tr);
  });
  return table;
}

/** What Python's ipaddress says about an address, in a few words (loopback, private, documentation, …). */
function factsSummary(address: string): string {
  const facts = tryAddressFacts(address);
  return facts ? addressRangeWords(facts, strings.ranges).join(', ') : '';
}

function renderDetails(message: Extract<ToWebviewMessage, { type: 'details' }>): void {
  for (const cell of output.querySelectorAll<HTMLTableCellElement>('td[data-reverse-for]')) {
    const answer = message.reverse[cell.dataset.reverseFor ?? ''];
    if (!answer) continue;
    cell.classList.remove('pending');
    cell.textContent = answer.ok ? answer.name : answer.error;
    if (!answer.ok) cell.classList.add('muted');
  }
  // Saved by an older version, a details message has no explain or order: those sections are then left out.
  if (message.dns) output.append(renderDns(message.dns));
  if (message.explain) output.append(renderExplain(message.explain));
  // Last in the output, right above Test Connection: the order is what a connection tries.
  if (message.order) output.append(renderOrder(message.order));
}

/** The direct DNS view (c-ares, beside the system resolver). */
function renderDns(dns: Outcome<DnsReport>): HTMLElement {
  const section = el('section', { class: 'dns', 'aria-label': 'direct DNS view' });
  section.append(el('h3', {}, strings.dnsHeading));
  if (!dns.ok) {
    section.append(el('div', { class: 'error' }, formatAsPythonException(dns.error)));
  } else {
    const report: DnsReport = dns.value;
    section.append(el('div', { class: 'status' }, format(strings.dnsServers, report.servers.join(', ') || strings.noServers, report.serverSource)));
    if (report.cnameChain.length > 1) section.append(el('div', {}, format(strings.cnameChain, report.cnameChain.join(' → '))));
    const records = [...(report.aaaa?.ok ? report.aaaa.records.map((r) => `AAAA ${r.address}  TTL ${r.ttl}`) : []), ...(report.a?.ok ? report.a.records.map((r) => `A ${r.address}  TTL ${r.ttl}`) : [])];
    if (records.length) {
      const list = el('ul');
      for (const r of records) list.append(el('li', {}, r));
      section.append(list);
    }
    if (report.differences.length === 0) section.append(el('div', { class: 'status' }, strings.dnsAgree));
    for (const d of report.differences) section.append(el('div', { class: 'note' }, `${d.kind}: ${d.message}`));
  }
  return section;
}

/** A line worded by core (localized by the extension): our words and the data, both as text; the data marked. */
function lineElement(line: Line, className: string): HTMLElement {
  const node = el('div', { class: className });
  for (const part of line) node.append('words' in part ? document.createTextNode(part.words) : el('span', { class: 'data' }, part.data));
  return node;
}

interface DataRow {
  cells: Partial<Record<PanelColumn, string>>;
  /** A mark after the row's first cell (the source getaddrinfo's answer came from). */
  mark?: string;
  className?: string;
}

/**
 * A table of the model's values, one row per item. Each cell is labelled with its column (data-label: under 760 px
 * webview.css makes each row a block, its first cell on its own line, every other cell after its label). A column
 * that is empty in every row is left out (no detail for any try, no rule for a single address).
 */
function dataTable(className: string, columns: readonly PanelColumn[], rows: readonly DataRow[]): HTMLTableElement {
  const shown = columns.filter((c, i) => i === 0 || rows.some((r) => (r.cells[c] ?? '') !== ''));
  const table = el('table', { class: `data ${className}` });
  const head = el('tr');
  for (const c of shown) head.append(el('th', { scope: 'col' }, strings.columns[c]));
  const body = el('tbody');
  for (const row of rows) {
    const tr = el('tr', row.className ? { class: row.className } : {});
    shown.forEach((c, i) => {
      const td = el('td', { 'data-label': strings.columns[c], class: i === 0 ? `cell-${c} lead` : `cell-${c}` }, row.cells[c] ?? '');
      if (i === 0 && row.mark !== undefined) td.append(document.createTextNode(' '), el('span', { class: 'mark' }, row.mark));
      tr.append(td);
    });
    body.append(tr);
  }
  table.append(el('thead'), body);
  table.tHead?.append(head);
  return table;
}

/**
 * "Why this answer": where the resolver runs, the hosts line of nsswitch.conf, what every source answers alone (the
 * one getaddrinfo's answer came from marked), and every name the search list made DNS answer.
 */
function renderExplain(explain: Outcome<PanelExplainReport>): HTMLElement {
  const section = el('section', { class: 'explain', 'aria-label': strings.explainHeading });
  section.append(el('h3', {}, strings.explainHeading));
  if (!explain.ok) {
    section.append(el('div', { class: 'error' }, formatAsPythonException(explain.error)));
    return section;
  }
  const r = explain.value;
  const { nss } = r;
  section.append(lineElement(r.shown.environment, 'status environment'));
  if (nss.nsswitch) {
    const hosts = nss.nsswitch.hosts.map((h) => [h.source, ...h.actions.map((a) => `[${a}]`)].join(' ')).join(' ');
    section.append(el('div', { class: 'nsswitch' }, format(nss.nsswitch.origin === 'default' ? strings.nsswitchDefault : strings.nsswitchLine, nss.nsswitch.path, hosts)));
  }
  if (r.environment.nscd?.cachesHosts) section.append(el('div', { class: 'note nscd' }, format(strings.nscdCaches, r.environment.nscd.socket)));
  if (nss.note) section.append(el('div', { class: 'note platform' }, nss.note));
  const sources = nss.sources.map((s, i): DataRow => {
    const answered = nss.answeredBy !== null && s.source === nss.answeredBy;
    return {
      cells: { source: s.source, status: r.shown.statuses[i] ?? '', addresses: s.addresses.join(', '), canonname: s.canonname ?? '', detail: s.detail },
      mark: answered ? strings.explainAnswered : undefined,
      className: answered ? 'answered' : undefined,
    };
  });
  if (sources.length) section.append(dataTable('sources', ['source', 'status', 'addresses', 'canonname', 'detail'], sources));
  // Where no source can be asked (musl, macOS, Windows) the platform note above already says why.
  if (nss.answeredBy === null && nss.platform === 'glibc') section.append(el('div', { class: 'note' }, strings.explainUnknown));
  const search = r.search;
  if (search && isTrace(search)) {
    section.append(el('h4', {}, strings.traceHeading));
    if (r.shown.trace) section.append(lineElement(r.shown.trace, 'status trace-summary'));
    if (search.notAsked !== undefined) section.append(el('div', { class: 'note' }, search.notAsked));
    const tries = search.tries.map((t): DataRow => ({
      cells: { name: t.name, result: t.result, addresses: t.addresses.join(', '), queries: t.queries === undefined ? '' : String(t.queries), detail: t.detail ?? '' },
      className: `try-${t.result}`,
    }));
    if (tries.length) section.append(dataTable('trace', ['name', 'result', 'addresses', 'queries', 'detail'], tries));
    if (search.incomplete) section.append(el('div', { class: 'note incomplete' }, strings.traceIncomplete));
  } else if (search) {
    section.append(el('h4', {}, strings.traceHeading), el('div', { class: 'status' }, format(strings.searchCandidates, search.candidates.join(', '), search.ndots)));
  } else if (r.searchUnavailable) {
    section.append(el('h4', {}, strings.traceHeading), el('div', { class: 'note platform' }, r.searchUnavailable));
  }
  return section;
}

const RUNTIMES: readonly RuntimeName[] = ['node', 'python', 'curl', 'go', 'java'];

function runtimeRow(runtime: string, c: RuntimeChoice): DataRow {
  return { cells: { runtime, version: c.version, strategy: c.strategy, order: c.order.join(', '), rule: c.rule } };
}

/**
 * "Address order": per address in getaddrinfo's order, the facts glibc's sort compared and the rule that put it
 * before the next; where the tables come from; what each runtime tries with this answer (Go's other model too).
 */
function renderOrder(order: Outcome<PanelOrderReport>): HTMLElement {
  const section = el('section', { class: 'order', 'aria-label': strings.orderHeading });
  section.append(el('h3', {}, strings.orderHeading));
  if (!order.ok) {
    section.append(el('div', { class: 'error' }, formatAsPythonException(order.error)));
    return section;
  }
  const r = order.value;
  const addresses = r.addresses.map((a): DataRow => ({
    cells: { address: a.address, sourceAddress: a.source ?? strings.orderNoRoute, scope: String(a.scope), label: String(a.label), precedence: String(a.precedence), rule: a.rule ?? '' },
  }));
  if (addresses.length) section.append(dataTable('addresses', ['address', 'sourceAddress', 'scope', 'label', 'precedence', 'rule'], addresses));
  if (!r.reproduced) section.append(el('div', { class: 'note' }, strings.orderNotReproduced));
  section.append(el('div', { class: 'status tables' }, r.shown.tables));
  if (r.gaiConf.crashes) section.append(el('div', { class: 'error' }, strings.orderCrashes));
  const runtimes = RUNTIMES.flatMap((name) => {
    const choice = r.runtimes[name];
    return choice.alternative ? [runtimeRow(name, choice), runtimeRow(format(strings.runtimeAlternative, name), choice.alternative)] : [runtimeRow(name, choice)];
  });
  section.append(el('h4', {}, strings.runtimesHeading), dataTable('runtimes', ['runtime', 'version', 'order', 'strategy', 'rule'], runtimes));
  return section;
}

function render(message: Extract<ToWebviewMessage, { type: 'result' }>): void {
  output.replaceChildren();
  output.append(el('pre', { class: 'call' }, `>>> ${pythonCall(message.request)}`));
  const { outcome } = message;
  if (!outcome.ok) {
    status.textContent = '';
    output.append(el('div', { class: 'error', role: 'alert' }, `${formatAsPythonException(outcome.error)}${outcome.error.code ? ` (${outcome.error.code})` : ''}`));
    return;
  }
  const result = outcome.value;
  status.textContent = format(result.rows.length === 1 ? strings.rowsOne : strings.rowsMany, result.rows.length, result.elapsedMs.toFixed(1), result.backend);
  if (result.unavailable.length) output.append(el('div', { class: 'note' }, format(strings.unavailable, result.backend, result.unavailable.join('; '))));
  output.append(renderRows(result, message.constants));
  const copy = el('button', { type: 'button', class: 'secondary' }, strings.copyJson);
  copy.addEventListener('click', () => vscode.postMessage({ type: 'copy', text: JSON.stringify(result.rows, null, 2) }));
  const copyPython = el('button', { type: 'button', class: 'secondary' }, strings.copyPython);
  copyPython.addEventListener('click', () => vscode.postMessage({ type: 'copy', text: `[${result.rows.map((r) => pyAddrinfoRow(r, message.constants)).join(',\n ')}]` }));
  const actions = el('div', { class: 'actions' });
  actions.append(copy, copyPython);
  output.append(actions);
}

/**
 * Test Connection: a port, TLS or not, and a button; then one row per address as each attempt ends, in
 * getaddrinfo's order (the order programs try them in), and the certificate when TLS was asked.
 */
const connectPort = el('input', { id: 'connect-port', size: '6', inputmode: 'numeric', spellcheck: 'false', 'aria-label': strings.connectPort });
const connectTls = el('input', { id: 'connect-tls', type: 'checkbox' });
const connectButton = el('button', { type: 'button', id: 'connect' }, strings.connectButton);
const cancelButton = el('button', { type: 'button', id: 'connect-cancel', class: 'secondary', hidden: '' }, strings.connectCancel);
const connectStatus = el('div', { class: 'status', 'aria-live': 'polite' });
const attemptsBody = el('tbody');
const landingsBlock = el('div', { class: 'landings' });
const tlsBlock = el('div', { class: 'tls' });
{
  const portLabel = el('label', {}, `${strings.connectPort} `);
  portLabel.append(connectPort);
  const tlsLabel = el('label');
  tlsLabel.append(connectTls, document.createTextNode(` ${strings.connectTls}`));
  const controls = el('div', { class: 'actions' });
  controls.append(portLabel, tlsLabel, connectButton, cancelButton);
  const table = el('table', { class: 'attempts' });
  const head = el('tr');
  for (const h of ['address', 'result', 'errno', 'ms']) head.append(el('th', { scope: 'col' }, h));
  table.append(el('thead'), attemptsBody);
  table.tHead?.append(head);
  connection.append(el('h3', {}, strings.connectHeading), controls, connectStatus, table, landingsBlock, tlsBlock);
}

function connectTarget(): ConnectTarget | undefined {
  const host = hostInput.value.trim();
  const port = Number(connectPort.value.trim());
  if (host === '' || !/^\d{1,5}$/.test(connectPort.value.trim()) || port < 1 || port > 65535) return undefined;
  return { host, port, tls: connectTls.checked };
}

function updateConnectButton(): void {
  connectButton.disabled = connectTarget() === undefined;
}

function setRunning(running: boolean): void {
  cancelButton.hidden = !running;
  connectButton.hidden = running;
}

function attemptRow(a: ConnectAttempt): HTMLTableRowElement {
  const tr = el('tr', { class: `attempt-${a.result}` });
  const cells: [string, string][] = [['address', a.address], ['result', a.result], ['errno', a.errno ?? ''], ['ms', String(Math.round(a.ms))]];
  for (const [label, text] of cells) tr.append(el('td', { 'data-label': label }, text));
  return tr;
}

function renderTls(result: ConnectTestResult): void {
  tlsBlock.replaceChildren();
  const t = result.tls;
  if (!t) {
    if (result.tlsError) tlsBlock.append(el('div', { class: 'note' }, format(strings.tlsNone, result.tlsError)));
    return;
  }
  const list = el('ul');
  for (const line of [`${t.protocol ?? ''} ${t.address}`.trim(), `subject ${t.subject}`, `SAN ${t.san.join(', ')}`, `issuer ${t.issuer}`, `${t.validFrom} → ${t.validTo}`]) list.append(el('li', {}, line));
  tlsBlock.append(list);
  tlsBlock.append(el('div', { class: t.nameMatches ? 'status' : 'error' }, t.nameMatches ? format(strings.tlsNameMatches, result.host) : format(strings.tlsNameMismatch, result.host, t.nameError ?? '')));
  tlsBlock.append(el('div', { class: t.chainTrusted ? 'status' : 'note' }, t.chainTrusted ? format(strings.tlsTrusted, t.trustStore) : format(strings.tlsUntrusted, t.trustStore, t.chainError ?? '')));
}

/** Where each runtime's connect order meets the attempts (absent from a test saved by an older version). */
function renderLandings(result: ConnectTestResult): void {
  landingsBlock.replaceChildren();
  const landings = result.runtimes;
  if (!landings) return;
  const rows = RUNTIMES.map((name): DataRow => ({ cells: { runtime: name, address: landings[name].address ?? strings.landingNone, rule: landings[name].rule } }));
  landingsBlock.append(el('h4', {}, strings.landingHeading), dataTable('landings', ['runtime', 'address', 'rule'], rows));
}

function renderConnection(message: Extract<ToWebviewMessage, { type: 'connection' }>): void {
  setRunning(false);
  connectPort.value = String(message.target.port);
  connectTls.checked = message.target.tls;
  attemptsBody.replaceChildren();
  landingsBlock.replaceChildren();
  tlsBlock.replaceChildren();
  const { outcome } = message;
  if (!outcome.ok) {
    connectStatus.textContent = outcome.error.kind === 'cancelled' ? '' : formatAsPythonException(outcome.error);
    return;
  }
  connectStatus.textContent = outcome.value.attempts.length === 0 ? strings.connectNoAddress : '';
  for (const a of outcome.value.attempts) attemptsBody.append(attemptRow(a));
  renderLandings(outcome.value);
  renderTls(outcome.value);
  updateConnectButton();
}

connectButton.addEventListener('click', () => {
  const target = connectTarget();
  if (target) vscode.postMessage({ type: 'connect', target });
});
cancelButton.addEventListener('click', () => vscode.postMessage({ type: 'cancelConnect' }));
connectPort.addEventListener('input', updateConnectButton);
hostInput.addEventListener('input', updateConnectButton);
connectPort.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.isComposing) connectButton.click();
});

window.addEventListener('message', (event: MessageEvent<ToWebviewMessage>) => {
  const message = event.data;
  if (stale(message)) return;
  if (message.type === 'resolving') {
    status.textContent = format(strings.resolving, message.request.host ?? 'None');
    // Started by the extension (the command was opened for a host): the form shows what is being asked, and the
    // lookup stays pending until its answer comes, so that a reload asks again (as for the webview's own requests).
    if (message.seq === undefined) {
      fill(message.request);
      save({ form: message.request, pending: message.request });
    }
  } else if (message.type === 'result') {
    render(message);
    // The answer to what is pending ends it; an answer to something else (an older request of the webview's, while
    // the extension's is on its way) leaves the pending one to be asked again after a reload.
    save({ result: message, details: undefined, pending: sameRequest(saved.pending, message.request) ? undefined : saved.pending });
  } else if (message.type === 'details') {
    if (saved.result && !sameRequest(saved.result.request, message.request)) return;
    renderDetails(message);
    save({ details: message });
  } else if (message.type === 'connecting') {
    setRunning(true);
    connectPort.value = String(message.target.port);
    connectTls.checked = message.target.tls;
    attemptsBody.replaceChildren();
    landingsBlock.replaceChildren();
    tlsBlock.replaceChildren();
    connectStatus.textContent = format(strings.connecting, message.target.host, message.target.port);
  } else if (message.type === 'attempt') {
    attemptsBody.append(attemptRow(message.attempt));
  } else if (message.type === 'connection') {
    renderConnection(message);
    save({ connection: message });
  }
});

// Enter resolves from every field: text fields submit by themselves, a select or a flag checkbox does not.
form.addEventListener('keydown', (event) => {
  const target = event.target;
  if (event.key !== 'Enter' || event.isComposing || !(target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === 'checkbox'))) return;
  event.preventDefault();
  form.requestSubmit();
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const request = read();
  save({ form: request });
  resolve(request);
});
// Every keystroke and click is saved, not only what was submitted: a reload must not lose what was typed.
form.addEventListener('input', () => save({ form: read() }));
form.addEventListener('change', () => save({ form: read() }));

// The page draws the form disabled (addrinfoPanel.ts's html): enabled in the task that fills it, so nothing typed comes between.
for (const control of [hostInput, portInput, familySelect, typeSelect, protoInput, byId<HTMLButtonElement>('query-submit')]) control.disabled = false;
const restored = parseSaved(vscode.getState()) ?? parseSaved(initial.saved);
if (restored) {
  saved = restored;
  vscode.setState(saved);
  fill(saved.form);
  try {
    if (saved.result) render(saved.result);
    if (saved.details) renderDetails(saved.details);
    if (saved.connection) renderConnection(saved.connection);
  } catch {
    // A saved answer this version cannot draw: show the form alone rather than a dead panel.
    output.replaceChildren();
    save({ result: undefined, details: undefined });
  }
  // The window was reloaded (or the helper restarted) while a lookup was on its way: ask again.
  if (saved.pending) resolve(saved.pending);
} else {
  fill(initial.request);
  save({ form: initial.request });
  // Opened with nothing to resolve: an empty host field, focused, that says what to do. (Opened for a host, the
  // extension resolves it and its 'resolving' message follows.)
  if (initial.request.host === null) status.textContent = strings.emptyHint;
  // Focus only a panel the user just opened: a restored one (a reload, a second window on the workspace) appears
  // while the user may be typing elsewhere — in window 2's quick input, say — and must not take the keyboard.
  hostInput.focus();
}
// The form's port is the connect port when it is a number (a service name is not: getaddrinfo maps it, a user may not).
if (connectPort.value === '' && /^\d+$/.test(portInput.value.trim())) connectPort.value = portInput.value.trim();
updateConnectButton();
