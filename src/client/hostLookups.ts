import { LookupCache, type CacheEntry, type CacheLifetimes } from './lookupCache';
import { pyGethostbyaddr, pyHostLookup, type HostTuple } from './pythonSocket';
import { canonicalName, distinctAddresses, type GetaddrinfoResult } from '../core/addrinfo';
import { lookupKey, type HostLookup } from '../core/lookupView';
import { formatResolverError } from '../core/resolverError';
import type { ResolverClient } from './resolverClient';

/**
 * The one way NetLens resolves a host for display: getaddrinfo(host, None, AF_UNSPEC, SOCK_STREAM, 0,
 * AI_CANONNAME) in the helper, cached for netlens.cacheSeconds (failures for a sixth of that, at most 30 s),
 * with concurrent requests for one host sharing one lookup. No vscode: the extension passes the setting in, and
 * the unit tests drive it against the real helper.
 */
export class HostLookups {
  private readonly cache: LookupCache<GetaddrinfoResult>;
  private readonly reverseCache: LookupCache<HostTuple>;
  private machine: Promise<string | null> | undefined;
  private knownMachine: string | null | undefined;

  /**
   * @param cacheSeconds netlens.cacheSeconds, read at each lookup (a changed setting applies to the next one).
   * @param onResolved hears about each answer that came from the resolver, not from the cache, unless the caller
   *   asked with `record: false` (a bulk run): the Lookup History.
   */
  constructor(
    private readonly client: ResolverClient,
    cacheSeconds: () => number,
    private readonly onResolved: (lookup: HostLookup) => void = () => undefined
  ) {
    const lifetimes = (): CacheLifetimes => cacheLifetimes(cacheSeconds());
    this.cache = new LookupCache<GetaddrinfoResult>(lifetimes);
    this.reverseCache = new LookupCache<HostTuple>(lifetimes);
  }

  /** A fresh cached answer, without starting a lookup. */
  cached(host: string): HostLookup | undefined {
    const entry = this.cache.get(lookupKey(host));
    return entry && toHostLookup(host, entry);
  }

  /**
   * The cached answer, the lookup already running for this host, or a new lookup. `fresh` skips the cache;
   * `record: false` keeps a bulk run's thousands of answers out of the Lookup History.
   */
  async resolve(host: string, { fresh = false, record = true }: { fresh?: boolean; record?: boolean } = {}): Promise<HostLookup> {
    if (fresh) this.cache.delete(lookupKey(host));
    let asked = false;
    const entry = await this.cache.lookup(lookupKey(host), async () => {
      asked = true;
      // As Python does: IDNA 2003 first, so `straße.de` asks for `strasse.de` and `a..b` fails without a query.
      return pyHostLookup(this.client, host);
    });
    const lookup = toHostLookup(host, entry);
    // A name NetLens did not look up (NotAsked: .onion, SRV names, …) was not answered by the resolver: no history entry.
    if (asked && record && lookup.error?.kind !== 'NotAsked') this.onResolved(lookup);
    return lookup;
  }

  /**
   * gethostbyaddr's primary name for an IP literal (a PTR query unless the hosts file answers), cached like
   * forward lookups; the error text (e.g. `[Errno 1] Unknown host`) when there is none.
   */
  async reverseName(address: string): Promise<{ ok: true; name: string } | { ok: false; error: string }> {
    const entry = await this.reverseCache.lookup(lookupKey(address), () => pyGethostbyaddr(this.client, address));
    return entry.outcome.ok ? { ok: true, name: entry.outcome.value[0] } : { ok: false, error: formatResolverError(entry.outcome.error) };
  }

  /** A fresh cached reverse name, without starting a lookup. */
  cachedReverseName(address: string): { ok: true; name: string } | { ok: false; error: string } | undefined {
    const entry = this.reverseCache.get(lookupKey(address));
    if (!entry) return undefined;
    return entry.outcome.ok ? { ok: true, name: entry.outcome.value[0] } : { ok: false, error: formatResolverError(entry.outcome.error) };
  }

  /** The name of the machine whose resolver answers (the workspace side in remote setups), asked once. */
  machineName(): Promise<string | null> {
    this.machine ??= this.client.request('gethostname', {}).then((r) => (this.knownMachine = r.ok ? r.value.hostname : null));
    return this.machine;
  }

  /** The machine name once known, without waiting (the hover's hot path). */
  knownMachineName(): string | null | undefined {
    return this.knownMachine;
  }
}

/** netlens.cacheSeconds for answers; failures for a sixth of that, at most 30 s. */
export function cacheLifetimes(cacheSeconds: number): CacheLifetimes {
  const positiveMs = cacheSeconds * 1000;
  return { positiveMs, negativeMs: Math.min(positiveMs / 6, 30_000) };
}

function toHostLookup(host: string, entry: CacheEntry<GetaddrinfoResult>): HostLookup {
  const { outcome, resolvedAt } = entry;
  if (!outcome.ok) {
    return { host, ok: false, addresses: [], canonicalName: null, rows: [], backend: null, elapsedMs: null, resolvedAt, error: { ...outcome.error, text: formatResolverError(outcome.error) } };
  }
  const { rows, backend, elapsedMs } = outcome.value;
  return { host, ok: true, addresses: distinctAddresses(rows), canonicalName: canonicalName(rows), rows, backend, elapsedMs, resolvedAt, error: null };
}
