/**
 * The hover's line about the order (issue 16): where each runtime connects first, computed offline from the order
 * model — e.g. "Node and Python connect to ::1 first; Java uses 127.0.0.1 only".
 */
import * as l10n from '@vscode/l10n';
import { sentence, slot, words, type Line, type Part } from './lookupView';
import type { OrderReport } from './orderReport';

const NAMES = { node: 'Node', python: 'Python', curl: 'curl', go: 'Go', java: 'Java' } as const;

function joinNames(names: readonly string[]): string {
  return names.length === 1 ? names[0] : l10n.t('{0} and {1}', names.slice(0, -1).join(', '), names[names.length - 1]);
}

/** Null when the answer has fewer than two addresses (nothing to choose) or no runtime tries any. */
export function runtimesLine(report: OrderReport): Line | null {
  if (new Set(report.addresses.map((a) => a.address)).size < 2) return null;
  const groups = new Map<string, string[]>();
  for (const key of ['node', 'python', 'curl', 'go'] as const) {
    const first = report.runtimes[key].order[0];
    if (first !== undefined) groups.set(first, [...(groups.get(first) ?? []), NAMES[key]]);
  }
  const parts: Line[] = [...groups].map(([address, names]) =>
    names.length === 1 ? sentence(l10n.t('{0} connects to {1} first', names[0], slot(0)), address) : sentence(l10n.t('{0} connect to {1} first', joinNames(names), slot(0)), address)
  );
  const java = report.runtimes.java.order[0];
  if (java !== undefined) parts.push(sentence(l10n.t('Java uses {0} only', slot(0)), java));
  if (parts.length === 0) return null;
  const out: Part[] = [];
  parts.forEach((line, i) => {
    if (i > 0) out.push(...words('; '));
    out.push(...line);
  });
  return out;
}
