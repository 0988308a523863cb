/**
 * What every view of a lookup shows, decided once: the hover, Resolve Hostname's quick pick, the Hosts in This
 * File tree and the Lookup History render this model and do not recompute it. Pure (no vscode). The sentences are
 * here too, localized whole with @vscode/l10n (the extension hands it VS Code's bundle on activation; the CLI never
 * does, so anything the CLI shares stays English). A sentence comes out as parts: our words, and data (names from
 * documents, files and DNS) that each renderer escapes in its own way.
 */
import * as l10n from '@vscode/l10n';
import type { AddressFacts } from './addressFacts';
import { addrinfoRowJson, hostLookupCall, type AddrinfoRow, type BackendName } from './addrinfo';
import { connectionSummary } from './connectionView';
import type { HistoryEntry } from './historyLog';
import { errorJson, formatAsPythonException, type ErrorJson, type ResolverErrorInfo } from './resolverError';

/** One answer of the system resolver for a host, as the commands, the hover, the trees and the tests see it. */
export interface HostLookup {
  host: string;
  ok: boolean;
  /** Distinct addresses in the system resolver's order. */
  addresses: string[];
  canonicalName: string | null;
  rows: AddrinfoRow[];
  backend: BackendName | null;
  elapsedMs: number | null;
  /** When the answer arrived (ms since epoch); the hover shows its age. */
  resolvedAt: number;
  /** The error with Python's text in `text`, e.g. `[Errno -2] Name or service not known`. */
  error: (ResolverErrorInfo & { text: string }) | null;
}

/**
 * Which hosts are one lookup (the answer cache, the Lookup History): names are case-insensitive in DNS and in the
 * hosts file, so `DB.internal` and `db.internal` are one; a final dot is not ignored (it disables the search list).
 */
export function lookupKey(host: string): string {
  return host.toLowerCase();
}

/** A piece of a sentence: our own words, or data (from a document, a file or DNS) that the renderer must keep literal. */
export type Part = { words: string } | { data: string };
export type Line = readonly Part[];

const SLOT = '\u0000';

/** Where a value goes in a localized sentence: `sentence(l10n.t('canonical name: {0}', slot(0)), name)`. */
export function slot(index: number): string {
  return `${SLOT}${index}${SLOT}`;
}

/** A localized sentence made with slot(): its text as words, each slot as the value's data. */
export function sentence(localized: string, ...values: string[]): Line {
  return localized
    .split(SLOT)
    .map((piece, i): Part => (i % 2 === 0 ? { words: piece } : { data: values[Number(piece)] ?? '' }))
    .filter((part) => ('words' in part ? part.words !== '' : true));
}

/** A line that is all our own words. */
export function words(text: string): Line {
  return [{ words: text }];
}

/** A line's plain text (for titles and tests): what a reader sees once the renderer has escaped the data. */
export function lineText(line: Line): string {
  return line.map((part) => ('words' in part ? part.words : part.data)).join('');
}

/** "1 address" / "3 addresses": a whole message per count case, so that languages with other plurals can say it. */
export function addressCountText(count: number): string {
  return count === 1 ? l10n.t('{0} address', count) : l10n.t('{0} addresses', count);
}

/** How long ago an answer arrived, in the words the hover uses. */
export function ageText(resolvedAt: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - resolvedAt) / 1000));
  if (seconds < 2) return l10n.t('just now');
  return seconds < 120 ? l10n.t('{0} s ago', seconds) : l10n.t('{0} min ago', Math.round(seconds / 60));
}

/**
 * An error as every view shows it: Python's text (`[Errno -2] Name or service not known`), then the EAI/errno code
 * when there is one. `asException` adds the exception's name, as a traceback's last line does (notifications).
 */
export function errorText(error: HostLookup['error'], { asException = false }: { asException?: boolean } = {}): string {
  if (!error) return l10n.t('no answer');
  const text = asException ? formatAsPythonException(error) : error.text;
  return error.code ? `${text} (${error.code})` : text;
}

/**
 * Which resolver answered, how, and when — one whole sentence per case: with or without the machine's name (the
 * workspace side in remote setups), and with the backend and time for an answer (a failure has neither).
 */
export function resolverLine(lookup: HostLookup, machine: string | null | undefined, now: number): Line {
  const age = ageText(lookup.resolvedAt, now);
  if (lookup.backend !== null && lookup.elapsedMs !== null) {
    const ms = lookup.elapsedMs.toFixed(1);
    return machine
      ? sentence(l10n.t('system resolver of {0} (getaddrinfo, {1} backend) in {2} ms, {3}', slot(0), lookup.backend, ms, age), machine)
      : words(l10n.t('system resolver (getaddrinfo, {0} backend) in {1} ms, {2}', lookup.backend, ms, age));
  }
  return machine ? sentence(l10n.t('system resolver of {0} (getaddrinfo), {1}', slot(0), age), machine) : words(l10n.t('system resolver (getaddrinfo), {0}', age));
}

/** A lookup in a few words, beside a host in a tree: its address count, or Python's error text. */
export function lookupStatusText(lookup: HostLookup): string {
  return lookup.ok ? addressCountText(lookup.addresses.length) : (lookup.error?.text ?? l10n.t('no answer'));
}

/**
 * What Hosts in This File says beside a host: the ASCII form NetLens sends for a non-ASCII name (a look-alike shows
 * itself), how often and where it first occurs (1-based line), and the answer once there is one.
 */
export function fileHostDescription(ace: string | null, occurrences: number, line: number, known: HostLookup | undefined, srv = false): string {
  const where = l10n.t('{0}× · line {1}', occurrences, line);
  return [srv ? l10n.t('SRV name') : null, ace, where, known && lookupStatusText(known)].filter(Boolean).join(' · ');
}

/** Resolve Hostname's quick-pick title: the host, its canonical name when it differs, the count, the time and backend. */
export function lookupSummary(lookup: HostLookup, addressCount: number): string {
  const count = addressCountText(addressCount);
  const ms = lookup.elapsedMs === null ? '?' : lookup.elapsedMs.toFixed(1);
  const backend = lookup.backend ?? '?';
  return canonicalDiffers(lookup.host, lookup.canonicalName)
    ? l10n.t('{0} → {1} · {2} · {3} ms · {4} backend', lookup.host, lookup.canonicalName, count, ms, backend)
    : l10n.t('{0} · {1} · {2} ms · {3} backend', lookup.host, count, ms, backend);
}

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

/** What a Lookup History row says beside its host: the address count and the local time, or the error. */
export function historyDescription(entry: HistoryEntry): string {
  if (entry.connection) return l10n.t('{0} · {1}', connectionSummary(entry.connection), new Date(entry.connection.at).toLocaleTimeString());
  if (!entry.ok) return entry.error ?? l10n.t('failed');
  return l10n.t('{0} · {1}', addressCountText(entry.addresses.length), new Date(entry.at).toLocaleTimeString());
}

/** A Lookup History row's tooltip, plain text (the canonical name and error come from DNS; tooltips are not markdown here). */
export function historyTooltip(entry: HistoryEntry): string {
  const when = new Date(entry.at).toLocaleString();
  return [
    entry.host,
    canonicalDiffers(entry.host, entry.canonicalName) ? l10n.t('canonical name: {0}', entry.canonicalName) : '',
    ...entry.addresses,
    entry.error ?? '',
    entry.backend ? l10n.t('resolved {0} ({1} backend)', when, entry.backend) : l10n.t('resolved {0}', when),
  ]
    .filter(Boolean)
    .join('\n');
}

/** The ipaddress attributes that name a range an address is in, in the order the views list them. */
const RANGE_ATTRIBUTES = ['is_loopback', 'is_private', 'is_global', 'is_link_local', 'is_multicast', 'is_reserved', 'is_unspecified', 'is_shared', 'is_documentation', 'is_benchmarking'] as const;
export type RangeAttribute = (typeof RANGE_ATTRIBUTES)[number];

/** Each range's word, localized; the webview gets this table from the extension (it has no bundle of its own). */
export function rangeWords(): Record<RangeAttribute, string> {
  return {
    is_loopback: l10n.t('loopback'),
    is_private: l10n.t('private'),
    is_global: l10n.t('global'),
    is_link_local: l10n.t('link-local'),
    is_multicast: l10n.t('multicast'),
    is_reserved: l10n.t('reserved'),
    is_unspecified: l10n.t('unspecified'),
    is_shared: l10n.t('shared (CGNAT)'),
    is_documentation: l10n.t('documentation'),
    is_benchmarking: l10n.t('benchmarking'),
  };
}

/** The ranges an address is in (Python's ipaddress attributes that are true), in words: hover, machine tree, panel. */
export function addressRangeWords(f: AddressFacts, words: Record<RangeAttribute, string> = rangeWords()): string[] {
  return RANGE_ATTRIBUTES.filter((attribute) => f[attribute]).map((attribute) => words[attribute]);
}

/** What `NetLens: Copy Lookup as JSON` puts on the clipboard. */
export interface LookupJson {
  host: string;
  /** The Python call that was made (hostLookupCall). */
  call: string;
  /** Its return value as `netlens getaddrinfo HOST - --type SOCK_STREAM --flags AI_CANONNAME --json` prints it; null on error. */
  result: unknown[][] | null;
  /** The exception, as every NetLens JSON writes errors; null on success. */
  error: ErrorJson | null;
  canonicalName: string | null;
  /** Distinct addresses in the resolver's order. */
  addresses: string[];
  backend: BackendName | null;
  elapsedMs: number | null;
  /** When the answer arrived, ISO 8601 UTC. */
  resolvedAt: string;
}

export function lookupJson(lookup: HostLookup): LookupJson {
  return {
    host: lookup.host,
    call: hostLookupCall(lookup.host),
    result: lookup.ok ? lookup.rows.map(addrinfoRowJson) : null,
    error: lookup.error ? errorJson(lookup.error) : null,
    canonicalName: lookup.canonicalName,
    addresses: lookup.addresses,
    backend: lookup.backend,
    elapsedMs: lookup.elapsedMs,
    resolvedAt: new Date(lookup.resolvedAt).toISOString(),
  };
}
