import type { HostTuple } from '../../client/pythonSocket';
import { pyStr } from '../../core/pythonRepr';

/** Python's repr of `(name, aliases, addresses)`; names from DNS are escaped, never printed raw. */
export function hostTupleRepr([name, aliases, addresses]: HostTuple): string {
  const list = (items: readonly string[]): string => `[${items.map(pyStr).join(', ')}]`;
  return `(${pyStr(name)}, ${list(aliases)}, ${list(addresses)})`;
}
