// Run as a script (node out/test/support/systemFileProbe.js) inside a private /etc (etcNamespace.ts): answers a
// batch of lookups with the same core functions and default databases the CLI and the editor use, so the test sees
// what NetLens does with whatever sits at /etc/services, /etc/protocols and /etc/hosts. Reads the batch as JSON on
// stdin, prints one JSON document with the answers, the source notes, and the time and peak memory it took.
import * as fs from 'fs';
import { defaultProtocolsDatabase, getprotobyname } from '../../src/core/protocolsDb';
import { defaultServicesDatabase, getservbyname, getservbyport } from '../../src/core/servicesDb';
import { ours, type PyOutcome } from './pyOutcome';
import { HostsFileAnswers } from '../../src/core/hostsFileAnswers';

export interface ProbeBatch {
  byname: [string, string | null][];
  byport: [number, string | null][];
  proto: string[];
  hosts: string[];
}

export type Outcome = PyOutcome<unknown>;

export interface ProbeAnswer {
  services: { source: string; file: string | null; size: number; loadMs: number };
  protocols: { source: string; file: string | null; loadMs: number };
  byname: Outcome[];
  byport: Outcome[];
  proto: Outcome[];
  /** The first IPv4 address the hosts file gives each name (what gethostbyname answers from `files`), or null. */
  hosts: (string | null)[];
  hostsSource: string | null;
  ms: number;
  maxRssMb: number;
}

function main(): void {
  const batch = JSON.parse(fs.readFileSync(0, 'utf8')) as ProbeBatch;
  const started = performance.now();
  const db = defaultServicesDatabase();
  const servicesMs = performance.now() - started;
  const protocols = defaultProtocolsDatabase();
  const protocolsMs = performance.now() - started - servicesMs;
  let hostsSource: string | null = null;
  const hostsFile = new HostsFileAnswers();
  const hosts = batch.hosts.map((n) => {
    const found = hostsFile.answer(n);
    if (found) hostsSource = found.source;
    return found?.entries.find((e) => e.family === 'AF_INET')?.address ?? null;
  });
  const answer: ProbeAnswer = {
    services: { source: db.source, file: db.file, size: db.size, loadMs: servicesMs },
    protocols: { source: protocols.source, file: protocols.file, loadMs: protocolsMs },
    byname: batch.byname.map(([n, p]) => ours(() => getservbyname(n, p, db).port)),
    byport: batch.byport.map(([n, p]) => ours(() => getservbyport(BigInt(n), p, db).name)),
    proto: batch.proto.map((n) => ours(() => getprotobyname(n, protocols).number)),
    hosts,
    hostsSource,
    ms: performance.now() - started,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(answer));
}

main();
