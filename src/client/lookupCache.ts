import type { Outcome } from '../core/addrinfo';

export interface CacheEntry<T> {
  outcome: Outcome<T>;
  /** When the answer arrived (ms since epoch, from the injected clock). */
  resolvedAt: number;
}

export interface CacheLifetimes {
  /** How long a successful answer is reused. */
  positiveMs: number;
  /** How long a definite failure (NXDOMAIN, no data) is reused; shorter, so a fixed name shows up soon. */
  negativeMs: number;
}

/**
 * Answers of the resolver, kept for a while and shared: concurrent requests for one key share one lookup, a
 * hover on a known name never crosses the process boundary, and transient failures (timeouts, a crashed
 * helper, EAI_AGAIN) are not kept at all, so the next hover tries again.
 */
export class LookupCache<T> {
  private readonly entries = new Map<string, CacheEntry<T>>();
  private readonly inFlight = new Map<string, Promise<CacheEntry<T>>>();

  constructor(
    private readonly lifetimes: () => CacheLifetimes,
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now
  ) {}

  /** A fresh answer, or undefined. */
  get(key: string): CacheEntry<T> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const { positiveMs, negativeMs } = this.lifetimes();
    const ttl = entry.outcome.ok ? positiveMs : negativeMs;
    this.entries.delete(key);
    // A lifetime of 0 is no caching, even for an answer from this very millisecond.
    if (ttl <= 0 || this.now() - entry.resolvedAt > ttl) return undefined;
    this.entries.set(key, entry); // re-insert: a name that is read often stays (least-recently-used eviction)
    return entry;
  }

  isPending(key: string): boolean {
    return this.inFlight.has(key);
  }

  /** The cached answer, or the one lookup already running for this key, or a new lookup. */
  lookup(key: string, fetch: () => Promise<Outcome<T>>): Promise<CacheEntry<T>> {
    const cached = this.get(key);
    if (cached) return Promise.resolve(cached);
    const running = this.inFlight.get(key);
    if (running) return running;
    const started = fetch().then((outcome) => {
      const entry: CacheEntry<T> = { outcome, resolvedAt: this.now() };
      this.inFlight.delete(key);
      if (outcome.ok || isDefiniteFailure(outcome.error.kind, outcome.error.code)) this.store(key, entry);
      return entry;
    });
    this.inFlight.set(key, started);
    return started;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  private store(key: string, entry: CacheEntry<T>): void {
    this.entries.delete(key); // Map order is the eviction order: least recently used first
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

/** A failure worth remembering: the name does not exist or has no address. Everything else may pass. */
function isDefiniteFailure(kind: string, code: string | null): boolean {
  return (kind === 'gaierror' && (code === 'EAI_NONAME' || code === 'EAI_NODATA' || code === 'EAI_ADDRFAMILY')) || (kind === 'herror' && code === 'HOST_NOT_FOUND') || kind === 'UnicodeError' || kind === 'UnicodeEncodeError';
}
