import * as crypto from 'crypto';

/** Escapes text for an HTML attribute value or element content. One function for the whole page. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function makeNonce(): string {
  return crypto.randomBytes(16).toString('base64');
}

/** Strict CSP: nothing by default, our stylesheet from the webview's own origin, our script only by nonce. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `style-src ${cspSource}`, `img-src ${cspSource}`, `script-src 'nonce-${nonce}'`, `font-src ${cspSource}`].join('; ');
}
