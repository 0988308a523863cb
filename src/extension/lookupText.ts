import * as vscode from 'vscode';
import type { LookupDetailRow } from '../core/lookupView';

/** "1 address" / "3 addresses": a whole message per count case, so that languages with other plurals can say it. */
export function addressCountText(count: number): string {
  return count === 1 ? vscode.l10n.t('{0} address', count) : vscode.l10n.t('{0} addresses', count);
}

/** A detail row as both trees show it: the label, the family of an address or what the row is, and its icon. */
export function detailNode(row: LookupDetailRow): { kind: 'detail'; label: string; description: string; icon: string } {
  return row.kind === 'canonical-name'
    ? { kind: 'detail', label: row.label, description: vscode.l10n.t('canonical name'), icon: 'arrow-right' }
    : { kind: 'detail', label: row.label, description: row.family ?? '', icon: 'symbol-numeric' };
}
