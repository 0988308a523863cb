import { testConnection } from '../../client/connectionTest';
import { attemptJson, parseConnectPort, tlsJson, type ConnectTestResult } from '../../core/connectionTest';
import { NUMBER_SETTINGS } from '../../core/settingsTable';
import { dataText } from '../dataText';
import { table } from '../output';
import { UsageError, type CliCommand } from '../command';
import { expectPositionals } from '../args';

function human(r: ConnectTestResult): string[] {
  const lines = table(
    r.attempts.map((a) => [dataText(a.address), String(a.port), a.result, a.errno ?? '', `${Math.round(a.ms)} ms`]),
    ['address', 'port', 'result', 'errno', 'time']
  );
  if (r.attempts.length === 0) lines.push('(getaddrinfo returned no TCP address)');
  for (const [name, landing] of Object.entries(r.runtimes ?? {})) lines.push(`${name.padEnd(7)} ${landing.address === null ? 'connects to none' : `connects to ${dataText(landing.address)}`}: ${landing.rule}`);
  if (r.tls) {
    const t = r.tls;
    lines.push(`tls     ${t.protocol ?? '?'} with ${dataText(t.address)}`);
    lines.push(`subject ${dataText(t.subject)}`);
    lines.push(`san     ${t.san.map(dataText).join(', ') || '(none)'}`);
    lines.push(`issuer  ${dataText(t.issuer)}`);
    lines.push(`valid   ${t.validFrom} to ${t.validTo}`);
    lines.push(`name    ${t.nameMatches ? `the certificate is valid for ${dataText(r.host)}` : `not valid for ${dataText(r.host)}: ${dataText(t.nameError ?? '')}`}`);
    lines.push(`chain   ${t.chainTrusted ? `trusted by ${t.trustStore}` : `not trusted by ${t.trustStore}: ${t.chainError ?? ''}`}`);
  } else if (r.tlsError) lines.push(`tls     no handshake: ${dataText(r.tlsError)}`);
  return lines;
}

export const connectCommand: CliCommand = {
  name: 'connect',
  usage: 'connect HOST PORT [--tls] [--timeout-ms MS]',
  summary: 'TCP connect to every address getaddrinfo returns for HOST (and a TLS handshake with --tls); sends no data',
  valueOptions: ['timeout-ms'],
  switches: ['tls'],
  async run(args, ctx) {
    const [host, portText] = expectPositionals(args, 2, 2);
    const port = parseConnectPort(portText);
    if (port === null) throw new UsageError(`PORT must be a number from 1 to 65535, not ${portText}`);
    // The same default and bounds as the editor's netlens.connectTimeoutMs.
    const { default: fallback, minimum, maximum } = NUMBER_SETTINGS.connectTimeoutMs;
    const timeoutText = args.options.get('timeout-ms') ?? String(fallback);
    if (!/^\d+$/.test(timeoutText) || Number(timeoutText) < minimum || Number(timeoutText) > maximum) throw new UsageError(`--timeout-ms must be ${minimum} to ${maximum}`);
    const outcome = await testConnection(ctx.client(), host, port, {
      tls: args.switches.has('tls'),
      timeoutMs: Number(timeoutText),
      lookupTimeoutMs: NUMBER_SETTINGS.lookupTimeoutMs.default,
      orderSettings: { node: { version: process.version } },
    });
    if (!outcome.ok) return outcome;
    const r = outcome.value;
    const runtimes = r.runtimes ? Object.fromEntries(Object.entries(r.runtimes).map(([name, landing]) => [name, { address: landing.address, rule: landing.rule }])) : null;
    return { ok: true, json: { attempts: r.attempts.map(attemptJson), runtimes, tls: tlsJson(r.tls) }, human: human(r) };
  },
};
