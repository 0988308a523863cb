/**
 * What a language runtime does with the system resolver's answer, computed offline from that answer (no traffic).
 * One file per runtime beside this one; each states the versions its rule holds for and where it was checked.
 */
import type { AddressFamily, Destination } from '../addressOrder';

/** One runtime's choice for an answer (the `runtimes.*` objects of `netlens order --json`). */
export interface RuntimeChoice {
  /** The runtime version (or range) this rule holds for. */
  version: string;
  /** The API and setting modelled, e.g. `net.connect (autoSelectFamily: true)`. */
  strategy: string;
  /** The addresses the runtime's resolver call returns, in its order. */
  lookup: string[];
  /** The addresses its default connect path tries, in the order it starts them. */
  order: string[];
  /** How the order comes about, in one or two sentences. */
  rule: string;
  /** The other model when the answer depends on something NetLens cannot see (Go: how the binary was built). */
  alternative?: RuntimeChoice;
}

/** The answer's addresses, distinct, in the resolver's order. */
export function distinctInOrder(answer: readonly Destination[]): Destination[] {
  const seen = new Set<string>();
  return answer.filter((d) => !seen.has(d.address) && seen.add(d.address));
}

/** Addresses of `family` first, then the others, each group in the given order (a stable partition). */
export function familyFirst(list: readonly Destination[], family: AddressFamily): Destination[] {
  return [...list.filter((d) => d.family === family), ...list.filter((d) => d.family !== family)];
}

/** Alternates the families, starting with `first`; when one runs out, the rest of the other follows. */
export function interleaveFamilies(list: readonly Destination[], first: AddressFamily): Destination[] {
  const a = list.filter((d) => d.family === first);
  const b = list.filter((d) => d.family !== first);
  const out: Destination[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]);
    if (i < b.length) out.push(b[i]);
  }
  return out;
}

export function addresses(list: readonly Destination[]): string[] {
  return list.map((d) => d.address);
}

/** `v20.20.2`, `20.2` or `25` as [major, minor, patch]; null when it is no version. */
export function parseVersion(text: string): [number, number, number] | null {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : null;
}

/** a >= b for parsed versions. */
export function atLeast(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}
