/**
 * Resolves many distinct hosts with bounded concurrency ("Resolve All Hosts in File"): at most `concurrency`
 * lookups in flight, so a file with thousands of names neither floods the helper's threadpool nor the DNS
 * server, and a cancelled run stops starting new lookups at once (the ones in flight finish in the helper).
 */
export interface BulkOptions<T> {
  concurrency: number;
  /** Cancellation: no new lookup starts once aborted. */
  signal?: AbortSignal;
  /** Called as each answer arrives, with the running count. */
  onResult?: (host: string, result: T, done: number, total: number) => void;
}

export async function resolveAll<T>(hosts: readonly string[], resolve: (host: string) => Promise<T>, options: BulkOptions<T>): Promise<Map<string, T>> {
  const unique = [...new Set(hosts)];
  const results = new Map<string, T>();
  const width = Math.max(1, Math.min(Math.floor(options.concurrency) || 1, unique.length));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < unique.length && !options.signal?.aborted) {
      const host = unique[next++];
      const result = await resolve(host);
      results.set(host, result);
      options.onResult?.(host, result, results.size, unique.length);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}
