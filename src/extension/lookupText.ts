import * as vscode from 'vscode';
import type { LookupDetailRow } from '../core/lookupView';

/** A detail row as both trees show it: the label, the family of an address or what the row is, and its icon. */
export function detailNode(row: LookupDetailRow): { kind: 'detail'; label: string; description: string; icon: string } {
  return row.kind === 'canonical-name'
    ? { kind: 'detail', label: row.label, description: vscode.l10n.t('canonical name'), icon: 'arrow-right' }
    : { kind: 'detail', label: row.label, description: row.family ?? '', icon: 'symbol-numeric' };
}
