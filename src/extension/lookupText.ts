import * as vscode from 'vscode';
import type { LookupDetailRow } from '../core/lookupView';

/** "1 address" / "3 addresses": a whole message per count case, so that languages with other plurals can say it. */
export function addressCountText(count: number): string {
  return count === 1 ? vscode.l10n.t('{0} address', count) : vscode.l10n.t('{0} addresses', count);
}

/** A detail row's description: the family of an address, or what the row is. */
export function detailDescription(row: LookupDetailRow): string {
  return row.kind === 'canonical-name' ? vscode.l10n.t('canonical name') : (row.family ?? '');
}

/** The icon of a detail row in the trees. */
export function detailIcon(row: LookupDetailRow): string {
  return row.kind === 'canonical-name' ? 'arrow-right' : 'symbol-numeric';
}
