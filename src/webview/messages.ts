/**
 * Messages between the getaddrinfo panel (src/extension/addrinfoPanel.ts) and its webview script
 * (src/webview/main.ts). Declared once, imported by both sides.
 */
import type { GetaddrinfoRequest, GetaddrinfoResult, Outcome } from '../core/addrinfo';
import type { RangeAttribute } from '../core/lookupView';
import type { DnsReport } from '../core/directDns';
import type { ConnectAttempt, ConnectTestResult } from '../core/connectionTest';

/** What Test Connection connects to: the panel's host (as typed in the form), a port and whether to speak TLS. */
export interface ConnectTarget {
  host: string;
  port: number;
  tls: boolean;
}

/** gethostbyaddr's primary name for an address, or Python's error text. */
export type ReverseName = { ok: true; name: string } | { ok: false; error: string };

/**
 * `seq` echoes the number of the webview's 'resolve' message it answers (absent when the extension started the
 * lookup itself), so that the answer to an older, slower request never replaces the newer one's on screen.
 */
export type ToWebviewMessage =
  | { type: 'resolving'; request: GetaddrinfoRequest; seq?: number }
  | { type: 'result'; request: GetaddrinfoRequest; outcome: Outcome<GetaddrinfoResult>; constants: Record<string, number>; seq?: number }
  /** Sent after a result: reverse names of its addresses and the direct DNS view of the host (null for None/IPs). */
  | { type: 'details'; request: GetaddrinfoRequest; reverse: Record<string, ReverseName>; dns: Outcome<DnsReport> | null; seq?: number }
  /** Test Connection started (by the panel's button or the command), then one 'attempt' per address, then its answer. */
  | { type: 'connecting'; target: ConnectTarget }
  | { type: 'attempt'; target: ConnectTarget; attempt: ConnectAttempt }
  | { type: 'connection'; target: ConnectTarget; outcome: Outcome<ConnectTestResult> };

export type FromWebviewMessage =
  | { type: 'resolve'; request: GetaddrinfoRequest; seq?: number }
  | { type: 'copy'; text: string }
  | { type: 'connect'; target: ConnectTarget }
  | { type: 'cancelConnect' };

/**
 * What the webview keeps with setState, so that a reload of the window (the panel serializer) or a hidden tab
 * gives back exactly what the user had: the form as typed (saved on every keystroke, submitted or not), the
 * last answer and its details, and a request still waiting for its answer (asked again after the reload).
 */
export interface PanelSavedState {
  version: 2;
  form: GetaddrinfoRequest;
  result?: Extract<ToWebviewMessage, { type: 'result' }>;
  details?: Extract<ToWebviewMessage, { type: 'details' }>;
  pending?: GetaddrinfoRequest;
  seq: number;
  /** The last Test Connection answer (a test still running is not asked again after a reload: it connects). */
  connection?: Extract<ToWebviewMessage, { type: 'connection' }>;
}

/**
 * Every sentence the panel shows, localized by the extension (vscode.l10n.t) and passed in `data-strings`, as
 * markdown's preview does: the webview script holds no English of its own. `{0}`, `{1}`… are filled in by the
 * webview. Python's names (arguments, constants, exceptions) are not sentences and stay as they are.
 */
export interface WebviewStrings {
  resolving: string;
  rowsOne: string;
  rowsMany: string;
  unavailable: string;
  copyJson: string;
  copyPython: string;
  emptyHint: string;
  dnsHeading: string;
  dnsServers: string;
  noServers: string;
  cnameChain: string;
  dnsAgree: string;
  connectHeading: string;
  connectButton: string;
  connectCancel: string;
  connectTls: string;
  connectPort: string;
  connecting: string;
  connectNoAddress: string;
  tlsNameMatches: string;
  tlsNameMismatch: string;
  tlsTrusted: string;
  tlsUntrusted: string;
  tlsNone: string;
  /** Each address range's word (lookupView's rangeWords). */
  ranges: Record<RangeAttribute, string>;
}

/** The panel's initial state, passed in a data-* attribute of the page. */
export interface PanelInitialState {
  /** The form as it first shows. The extension resolves it itself when it opens the panel for a host. */
  request: GetaddrinfoRequest;
  /** After a reload: what the webview saved (PanelSavedState, checked by the webview), in case getState() has nothing. */
  saved?: unknown;
}
