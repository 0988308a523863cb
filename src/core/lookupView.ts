/**
 * What every view of a lookup shows, decided once: the hover, Resolve Hostname's quick pick, the Hosts in This
 * File tree and the Lookup History render this model and do not recompute it. Pure (no vscode): the words are the
 * renderers' (localized there); the decisions are here.
 */

/** An address's family as users read it. By the address itself: `:` only ever appears in IPv6 text. */
export function familyLabel(address: string): 'IPv4' | 'IPv6' {
  return address.includes(':') ? 'IPv6' : 'IPv4';
}

/**
 * Whether the canonical name says something the host does not: names are case-insensitive (DNS, hosts files) and
 * a final dot only makes a name absolute, so `DB.internal.` is no news for `db.internal`.
 */
export function canonicalDiffers(host: string, canonicalName: string | null): canonicalName is string {
  if (!canonicalName) return false;
  const norm = (name: string): string => name.toLowerCase().replace(/\.$/, '');
  return norm(canonicalName) !== norm(host);
}

/** One detail row under a host in a tree: its canonical name (when it differs), then each address. */
export interface LookupDetailRow {
  kind: 'canonical-name' | 'address';
  label: string;
  /** IPv4 / IPv6 for an address; null for the canonical name (the renderer words it). */
  family: 'IPv4' | 'IPv6' | null;
}

/** The detail rows of a successful lookup, shared by Hosts in This File and the Lookup History. */
export function lookupDetailRows(host: string, canonicalName: string | null, addresses: readonly string[]): LookupDetailRow[] {
  const rows: LookupDetailRow[] = addresses.map((a) => ({ kind: 'address', label: a, family: familyLabel(a) }));
  if (canonicalDiffers(host, canonicalName)) rows.unshift({ kind: 'canonical-name', label: canonicalName, family: null });
  return rows;
}
