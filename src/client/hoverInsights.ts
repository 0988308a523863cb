/**
 * The hover's two lines beyond the answer: which source answered (issue 15: asked of the sources that send nothing
 * — the hosts file, myhostname — never of DNS) and where each runtime connects first (issue 16: the order model, no
 * traffic). Both cost one helper round trip each, once per lookup: they are cached with the lookup they explain
 * (host and resolvedAt), so a hover on a cached name only reads them (the bench holds that under 50 µs).
 */
import { answerSourceLine } from '../core/explainReport';
import type { Line, HostLookup } from '../core/lookupView';
import type { OrderSettings } from '../core/orderReport';
import { runtimesLine } from '../core/orderView';
import { explainHost } from './explainHost';
import { explainOrder } from './orderLookup';
import type { HelperRequester } from './pythonSocket';

export interface HoverInsight {
  /** "answered by files: /etc/hosts line 3", "answered by DNS via search domain corp.example (…)". */
  why: Line | null;
  /** "Node and Python connect to ::1 first; Java uses 127.0.0.1 only". */
  runtimes: Line | null;
}

const MAX_ENTRIES = 500;

export class HoverInsights {
  private readonly cache = new Map<string, Promise<HoverInsight>>();

  constructor(
    private readonly client: HelperRequester,
    private readonly options: () => { timeoutMs: number; remoteName: string | null; orderSettings: OrderSettings }
  ) {}

  /** The lines for a successful lookup, computed once per lookup (a re-resolve makes a new one). */
  forLookup(lookup: HostLookup): Promise<HoverInsight> | undefined {
    if (!lookup.ok || lookup.rows.length === 0) return undefined;
    const options = this.options();
    // The modelled Node version is part of the key: changing the setting changes the runtimes line at once.
    const key = `${lookup.resolvedAt}\u0000${lookup.host}\u0000${options.orderSettings.node.version}`;
    let insight = this.cache.get(key);
    if (!insight) {
      insight = this.compute(lookup, options);
      if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, insight);
    }
    return insight;
  }

  private async compute(lookup: HostLookup, { timeoutMs, remoteName, orderSettings }: ReturnType<HoverInsights['options']>): Promise<HoverInsight> {
    const [explained, order] = await Promise.all([
      explainHost(this.client, lookup.host, { timeoutMs, remoteName, network: false, system: { ok: true, value: lookup.rows } }),
      explainOrder(this.client, lookup.host, null, lookup.rows, orderSettings, `getaddrinfo(${JSON.stringify(lookup.host)}, None, AF_UNSPEC, SOCK_STREAM, 0, AI_CANONNAME)`),
    ]);
    return {
      why: explained.ok ? answerSourceLine(explained.value, explained.value.name, { addresses: lookup.addresses, canonicalName: lookup.canonicalName }) : null,
      runtimes: order.ok ? runtimesLine(order.value) : null,
    };
  }
}
