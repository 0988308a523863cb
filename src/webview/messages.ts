/**
 * Messages between the getaddrinfo panel (src/extension/addrinfoPanel.ts) and its webview script
 * (src/webview/main.ts). Declared once, imported by both sides.
 */
import type { GetaddrinfoRequest, GetaddrinfoResult, Outcome } from '../core/addrinfo';
import type { DnsReport } from '../core/directDns';

/** gethostbyaddr's primary name for an address, or Python's error text. */
export type ReverseName = { ok: true; name: string } | { ok: false; error: string };

export type ToWebviewMessage =
  | { type: 'resolving'; request: GetaddrinfoRequest }
  | { type: 'result'; request: GetaddrinfoRequest; outcome: Outcome<GetaddrinfoResult>; constants: Record<string, number> }
  /** Sent after a result: reverse names of its addresses and the direct DNS view of the host (null for None/IPs). */
  | { type: 'details'; request: GetaddrinfoRequest; reverse: Record<string, ReverseName>; dns: Outcome<DnsReport> | null };

export type FromWebviewMessage = { type: 'resolve'; request: GetaddrinfoRequest } | { type: 'copy'; text: string };

/** The panel's initial state, passed in a data-* attribute of the page. */
export interface PanelInitialState {
  request: GetaddrinfoRequest;
  /** Resolve at once (the panel was opened for a given host) rather than wait for the user. */
  autoResolve: boolean;
}
