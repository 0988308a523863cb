import * as net from 'net';
import { directDnsLookup } from '../../client/pythonSocket';
import type { AddressRecord, DnsRecordSet, DnsReport } from '../../core/directDns';
import { NUMBER_SETTINGS } from '../../core/settingsTable';
import { dataText } from '../dataText';
import { UsageError, type CliCommand } from '../command';
import { expectPositionals } from '../args';

function recordLine(label: string, set: DnsRecordSet<AddressRecord> | null): string | null {
  if (!set) return null;
  return set.ok ? `${label.padEnd(8)}${set.records.map((r) => `${dataText(r.address)} (ttl ${r.ttl})`).join(', ')}` : `${label.padEnd(8)}${set.code}: ${set.message}`;
}

function humanReport(r: DnsReport): string[] {
  const asked = r.notAsked ? `not asked (${r.notAsked.rule})` : `via ${r.servers.map(dataText).join(', ') || '(no servers)'} (${r.serverSource})`;
  const lines = [`dns     ${dataText(r.name)}${r.name !== r.query ? ` (from ${dataText(r.query)})` : ''} ${asked}`];
  if (r.idn) lines.push(`idn     IDNA 2003 ${r.idn.idna2003.ok ? dataText(r.idn.idna2003.ascii) : r.idn.idna2003.error}; UTS #46 ${dataText(r.idn.uts46) || '(rejected)'}`);
  if (r.cnameChain.length > 1) lines.push(`cname   ${r.cnameChain.map(dataText).join(' -> ')}`);
  if (r.cnameError) lines.push(`cname   ${r.cnameError.code}: ${r.cnameError.message}`);
  for (const line of [recordLine('A', r.a), recordLine('AAAA', r.aaaa)]) if (line) lines.push(line);
  if (r.ptr) lines.push(r.ptr.ok ? `PTR     ${r.ptr.records.map(dataText).join(', ')}` : `PTR     ${r.ptr.code}: ${r.ptr.message}`);
  const s = r.system;
  lines.push(
    s.ok
      ? `system  ${r.kind === 'name' ? s.addresses.join(', ') : s.names.map(dataText).join(', ')}${r.kind === 'name' && s.canonname ? ` (canonical name ${dataText(s.canonname)})` : ''}`
      : `system  ${s.error.type}: ${s.error.message}`
  );
  if (r.differences.length === 0) lines.push('same    DNS and the system resolver agree');
  for (const d of r.differences) lines.push(`differs [${d.kind}] ${d.message}`);
  return lines;
}

export const dnsCommand: CliCommand = {
  name: 'dns',
  usage: 'dns HOST|ADDR [--server IP[,IP...]] [--timeout-ms MS]',
  summary: 'ask DNS directly (c-ares: A/AAAA with TTLs, the CNAME chain, PTR) and show how the system answer differs',
  valueOptions: ['server', 'timeout-ms'],
  async run(args, ctx) {
    const [host] = expectPositionals(args, 1, 1);
    const serverText = args.options.get('server');
    const servers = serverText === undefined ? null : serverText.split(',').map((s) => s.trim()).filter(Boolean);
    if (servers) {
      const bad = servers.filter((s) => !net.isIP(s.replace(/^\[(.*)\]:\d+$/, '$1').replace(/^([\d.]+):\d+$/, '$1')));
      if (bad.length || servers.length === 0) throw new UsageError(`--server needs IP addresses (optionally IP:port or [IPv6]:port), not ${bad.join(', ') || 'nothing'}`);
    }
    // The same default and bounds as the editor's netlens.dnsTimeoutMs.
    const { default: fallback, minimum, maximum } = NUMBER_SETTINGS.dnsTimeoutMs;
    const timeoutText = args.options.get('timeout-ms') ?? String(fallback);
    if (!/^\d+$/.test(timeoutText) || Number(timeoutText) < minimum || Number(timeoutText) > maximum) throw new UsageError(`--timeout-ms must be ${minimum} to ${maximum}`);
    const outcome = await directDnsLookup(ctx.client(), host, { servers, timeoutMs: Number(timeoutText) });
    return outcome.ok ? { ok: true, json: outcome.value, human: humanReport(outcome.value) } : outcome;
  },
};
