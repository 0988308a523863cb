import { lookupOrder } from '../../client/orderLookup';
import { tablesSummary, type OrderReport } from '../../core/orderReport';
import type { RuntimeChoice } from '../../core/runtimes/runtimeChoice';
import { parseVersion } from '../../core/runtimes/runtimeChoice';
import { UsageError, type CliCommand } from '../command';
import { expectPositionals } from '../args';
import { dataText } from '../dataText';
import { table } from '../output';

function runtimeLines(name: string, r: RuntimeChoice): string[] {
  const pad = ' '.repeat(11);
  const lines = [`${name.padEnd(11)}${r.version}: ${r.order.join(', ') || '(nothing)'}`, `${pad}${r.strategy}`, `${pad}${r.rule}`];
  if (r.alternative) lines.push(...runtimeLines('    or', r.alternative));
  return lines;
}

/** `netlens order`'s text. */
export function humanReport(r: OrderReport): string[] {
  const libc = r.libc.name === 'unknown' ? `unknown C library${r.model === 'glibc' ? ' (glibc model)' : ''}` : `${r.libc.name}${r.libc.version ? ` ${r.libc.version}` : ''}`;
  const lines = [`order    ${r.call}, ${libc}`];
  // No model of this platform's sort: the tables line says so, and no rule is made up for the addresses.
  if (r.model === null) return [...lines, `tables   ${tablesSummary(r)}`, ...runtimesSection(r)];
  const cells = r.addresses.map((a, i) => [String(i + 1), a.address, a.source ?? '(no route)', String(a.scope), String(a.label), String(a.precedence), a.rule ?? '']);
  lines.push(...table(cells, ['#', 'address', 'source', 'scope', 'label', 'prec', 'before the next because']));
  if (!r.reproduced) lines.push("note     sorting this answer again gives another order: the rules do not order these addresses consistently (rule 9 compares one family only), so glibc's order also depended on the order the name services returned them");
  lines.push(`tables   ${tablesSummary(r)}`);
  for (const l of r.gaiConf.lines.filter((x) => x.status !== 'used')) lines.push(`  line ${l.line} ${l.status}: ${dataText(l.text)}: ${l.reason ?? ''}`);
  if (r.gaiConf.crashes) lines.push('warning  with this gai.conf, getaddrinfo on glibc 2.40 and older crashes for answers of two or more addresses');
  if (r.gaiConf.reload) lines.push('reload   yes: glibc re-reads the file when its modification time changes');
  return [...lines, ...runtimesSection(r)];
}

function runtimesSection(r: OrderReport): string[] {
  return ['runtimes', ...Object.entries(r.runtimes).flatMap(([name, choice]) => runtimeLines(`  ${name}`, choice))];
}

const JAVA_PREFER = ['false', 'true', 'system'] as const;

/** NetLens extra: why the resolver's answer is in its order, and what Node, Python, curl, Go and Java do with it. */
export const orderCommand: CliCommand = {
  name: 'order',
  usage: 'order HOST [PORT] [--node-version V] [--curl-version V] [--java-prefer-ipv6 false|true|system]',
  summary: "explain getaddrinfo's address order (glibc's rules and gai.conf, per address) and each runtime's choice",
  valueOptions: ['node-version', 'curl-version', 'java-prefer-ipv6'],
  async run(args, ctx) {
    const [host, port = null] = expectPositionals(args, 1, 2);
    const nodeVersion = args.options.get('node-version') ?? process.version;
    const curlVersion = args.options.get('curl-version');
    const prefer = args.options.get('java-prefer-ipv6') ?? 'false';
    if (parseVersion(nodeVersion) === null) throw new UsageError(`--node-version needs a version such as 20.11.0 or v22, not ${JSON.stringify(nodeVersion)}`);
    if (curlVersion !== undefined && parseVersion(curlVersion) === null) throw new UsageError(`--curl-version needs a version such as 8.5.0, not ${JSON.stringify(curlVersion)}`);
    if (!(JAVA_PREFER as readonly string[]).includes(prefer)) throw new UsageError(`--java-prefer-ipv6 must be false, true or system`);
    const outcome = await lookupOrder(ctx.client(), host, port, {
      node: { version: nodeVersion },
      curlVersion,
      javaPreferIPv6Addresses: prefer as (typeof JAVA_PREFER)[number],
    });
    return outcome.ok ? { ok: true, json: outcome.value, human: humanReport(outcome.value) } : outcome;
  },
};
