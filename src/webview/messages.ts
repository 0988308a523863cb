/**
 * Messages between the getaddrinfo panel (src/extension/addrinfoPanel.ts) and its webview script
 * (src/webview/main.ts). Declared once, imported by both sides.
 */
import type { GetaddrinfoRequest, GetaddrinfoResult, Outcome } from '../core/addrinfo';
import type { RangeAttribute } from '../core/lookupView';
import type { DnsReport } from '../core/directDns';
import type { ConnectAttempt, ConnectTestResult } from '../core/connectionTest';
import type { ExplainReport } from '../core/explainReport';
import type { Line } from '../core/lookupView';
import type { OrderReport } from '../core/orderReport';

/** What Test Connection connects to: the panel's host (as typed in the form), a port and whether to speak TLS. */
export interface ConnectTarget {
  host: string;
  port: number;
  tls: boolean;
}

/** gethostbyaddr's primary name for an address, or Python's error text. */
export type ReverseName = { ok: true; name: string } | { ok: false; error: string };

/**
 * "Why this answer": the explain report (core/explainReport.ts) and the lines core words from it, localized on the
 * extension's side (the webview words nothing and recomputes nothing: it draws these as given).
 */
export interface PanelExplainReport extends ExplainReport {
  shown: {
    /** environmentSummary of the report's environment. */
    environment: Line;
    /** sourceStatusText of each of `nss.sources`, in their order. */
    statuses: string[];
    /** searchTraceSummary when the search is a trace; null otherwise. */
    trace: Line | null;
  };
}

/** "Address order": the order report (core/orderReport.ts) and its tables' summary line (tablesSummary), localized. */
export interface PanelOrderReport extends OrderReport {
  shown: { tables: string };
}

/**
 * `seq` echoes the number of the webview's 'resolve' message it answers (absent when the extension started the
 * lookup itself), so that the answer to an older, slower request never replaces the newer one's on screen.
 */
export type ToWebviewMessage =
  | { type: 'resolving'; request: GetaddrinfoRequest; seq?: number }
  | { type: 'result'; request: GetaddrinfoRequest; outcome: Outcome<GetaddrinfoResult>; constants: Record<string, number>; seq?: number }
  /**
   * Sent after a successful result: reverse names of its addresses, the direct DNS view and "Why this answer" of the
   * host (both null for None and addresses), and "Address order" of its rows (null for None). A details message
   * saved by an older version has neither `explain` nor `order`.
   */
  | {
      type: 'details';
      request: GetaddrinfoRequest;
      reverse: Record<string, ReverseName>;
      dns: Outcome<DnsReport> | null;
      explain: Outcome<PanelExplainReport> | null;
      order: Outcome<PanelOrderReport> | null;
      seq?: number;
    }
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
  /** Test Connection: where each runtime would have connected (ConnectTestResult.runtimes), and "no address". */
  landingHeading: string;
  landingNone: string;
  /** "Why this answer" (PanelExplainReport). */
  explainHeading: string;
  /** The mark on the source whose answer getaddrinfo returned. */
  explainAnswered: string;
  explainUnknown: string;
  nsswitchLine: string;
  nsswitchDefault: string;
  nscdCaches: string;
  traceHeading: string;
  traceIncomplete: string;
  searchCandidates: string;
  /** "Address order" (PanelOrderReport). */
  orderHeading: string;
  orderNoRoute: string;
  orderNotReproduced: string;
  orderCrashes: string;
  runtimesHeading: string;
  runtimeAlternative: string;
  /** The column names of those sections' tables (the getaddrinfo rows keep Python's field names). */
  columns: Record<PanelColumn, string>;
  /** Each address range's word (lookupView's rangeWords). */
  ranges: Record<RangeAttribute, string>;
}

/** The columns of the tables "Why this answer", "Address order" and Test Connection's runtimes show. */
export type PanelColumn =
  | 'source'
  | 'status'
  | 'addresses'
  | 'canonname'
  | 'detail'
  | 'name'
  | 'result'
  | 'queries'
  | 'address'
  | 'sourceAddress'
  | 'scope'
  | 'label'
  | 'precedence'
  | 'rule'
  | 'runtime'
  | 'version'
  | 'strategy'
  | 'order';

/** The panel's initial state, passed in a data-* attribute of the page. */
export interface PanelInitialState {
  /** The form as it first shows. The extension resolves it itself when it opens the panel for a host. */
  request: GetaddrinfoRequest;
  /** After a reload: what the webview saved (PanelSavedState, checked by the webview), in case getState() has nothing. */
  saved?: unknown;
}
