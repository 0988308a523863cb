/**
 * CPython: socket.create_connection (Lib/socket.py) loops over getaddrinfo(host, port, 0, SOCK_STREAM) in its
 * order and connects one address at a time, each until it fails or its timeout passes; asyncio's
 * loop.create_connection (Lib/asyncio/base_events.py) does the same unless happy_eyeballs_delay is given: its
 * default is None (sequential), and only with a delay does `interleave` default to 1 (families alternate).
 * Checked in CPython 3.11's sources (the loop is the same since socket.create_connection appeared in 2.6;
 * happy_eyeballs_delay and interleave were added in 3.8).
 */
import * as l10n from '@vscode/l10n';
import type { Destination } from '../addressOrder';
import { addresses, distinctInOrder, type RuntimeChoice } from './runtimeChoice';

export function pythonChoice(answer: readonly Destination[]): RuntimeChoice {
  return {
    version: 'CPython 3',
    strategy: l10n.t('socket.create_connection; asyncio create_connection with happy_eyeballs_delay=None (the default)'),
    lookup: addresses(answer),
    order: addresses(distinctInOrder(answer)),
    rule: l10n.t("In getaddrinfo's order, one address at a time: the next only after the previous one failed or timed out."),
  };
}
