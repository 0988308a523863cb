// The search-list trace runs in the helper for the reasons the direct DNS view does (see directDns.ts), and
// because the helper's own getaddrinfo is the one being explained: its environment (LOCALDOMAIN, RES_OPTIONS,
// HOSTALIASES) and its host name decide the search list, exactly as glibc reads them in this process.
import * as os from 'os';
import { isCSpace } from '../core/nssFilesParse';
import { parseResolvConf, resolverFlags } from '../core/resolverConfig';
import { classifyReplies, type QueryOutcome, type QueryType } from '../core/resolverQuery';
import { traceSearch, type SearchTrace, type SearchTraceRequest } from '../core/searchTrace';
import type { FileReader } from '../core/systemFiles';
import { resSend, type NameServer, type ResolverState } from './resSend';

/**
 * __res_context_hostalias: the HOSTALIASES file maps a name without dots to another name (first word, then the
 * replacement). glibc stops reading at a line with no white space, and at a matching line without a replacement.
 */
export function hostAliasIn(text: string, name: string): string | null {
  const wanted = name.replace(/\.$/, '').toLowerCase();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = i < lines.length - 1 ? `${lines[i]}\n` : lines[i];
    const end = [...line].findIndex((c) => isCSpace(c));
    if (end < 0) return null;
    if (line.slice(0, end).replace(/\.$/, '').toLowerCase() !== wanted) continue;
    const rest = line.slice(end + 1).replace(/^[\t\n\v\f\r ]+/, '');
    if (rest === '') return null;
    const stop = [...rest].findIndex((c) => isCSpace(c));
    return stop < 0 ? rest : rest.slice(0, stop);
  }
  return null;
}

export interface TraceEnvironment {
  read: FileReader;
  env: Readonly<Record<string, string | undefined>>;
  hostname: string;
  /** Overrides the resolv.conf servers (tests only: a server on another port). */
  servers?: readonly NameServer[];
}

/** Walks the search list for `request.name` against the resolv.conf servers, sending what glibc would send. */
export async function searchTraceQuery(request: SearchTraceRequest, environment: Partial<TraceEnvironment> & Pick<TraceEnvironment, 'read'>): Promise<SearchTrace> {
  const { read } = environment;
  const env = environment.env ?? process.env;
  const conf = parseResolvConf(read('/etc/resolv.conf') ?? '', env, environment.hostname ?? os.hostname());
  const flags = resolverFlags(conf);
  const deadline = performance.now() + Math.max(1, Math.min(Math.trunc(request.timeoutMs), 120_000));
  const servers = environment.servers ?? conf.nameservers.map((address) => ({ address, port: 53 }));
  const config = { servers, timeoutS: conf.timeoutS, attempts: conf.attempts, flags, deadline };
  const state: ResolverState = { singleRequest: false, singleRequestReopen: false };
  const aliasesFile = env.HOSTALIASES;
  const hostAlias = (name: string): string | null => {
    const text = aliasesFile === undefined ? null : read(aliasesFile);
    return text === null ? null : hostAliasIn(text, name);
  };
  const noAaaa = flags.has('no-aaaa');
  // getaddrinfo's dns module: AF_UNSPEC asks A and AAAA together (A alone with no-aaaa), one family asks its
  // type; with no-aaaa an AAAA question is sent as A (to learn whether the name exists) and read as NODATA.
  const types: QueryType[] = request.family === 'AF_INET' || noAaaa ? ['A'] : request.family === 'AF_INET6' ? ['AAAA'] : ['A', 'AAAA'];
  const aaaaAsA = request.family === 'AF_INET6' && noAaaa;

  const ask = async (name: string, labels: Uint8Array[]): Promise<QueryOutcome> => {
    const send = await resSend(name, labels, types, config, state, { edns: !aaaaAsA });
    if (aaaaAsA && send.answered) {
      // __res_handle_no_aaaa: the A reply comes back as a reply to AAAA, without its answers.
      for (const reply of [send.answered.first, send.answered.second]) {
        if (reply?.question?.type === 'A') {
          reply.question.type = 'AAAA';
          reply.ancount = 0;
          reply.answers = [];
        }
      }
    }
    return classifyReplies(send, request.family === 'AF_UNSPEC');
  };
  return traceSearch({ name: request.name, family: request.family, conf, hostAlias }, ask);
}
