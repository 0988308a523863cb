/**
 * Messages between the getaddrinfo panel (src/extension/addrinfoPanel.ts) and its webview script
 * (src/webview/main.ts). Declared once, imported by both sides.
 */
import type { GetaddrinfoRequest, GetaddrinfoResult, Outcome } from '../core/addrinfo';

export type ToWebviewMessage =
  | { type: 'resolving'; request: GetaddrinfoRequest }
  | { type: 'result'; request: GetaddrinfoRequest; outcome: Outcome<GetaddrinfoResult>; constants: Record<string, number> };

export type FromWebviewMessage = { type: 'resolve'; request: GetaddrinfoRequest } | { type: 'copy'; text: string };

/** The panel's initial state, passed in a data-* attribute of the page. */
export interface PanelInitialState {
  request: GetaddrinfoRequest;
  /** Resolve at once (the panel was opened for a given host) rather than wait for the user. */
  autoResolve: boolean;
}
