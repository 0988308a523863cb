import * as path from 'path';
import type { AddrinfoRow, GetaddrinfoRequest, GetaddrinfoResult, GetnameinfoRequest, GetnameinfoResult, Sockaddr } from '../core/addrinfo';
import { nativeTarget, platformRow, type NativeTarget, type PlatformId, type PlatformRow } from '../core/platform';
import { H_ERRNO_TABLES, PYTHON_FIXED_TEXTS, winsockOSError } from '../core/platformErrors';
import { gaiCodeName, ResolverFailure, type ResolverErrorInfo } from '../core/resolverError';
import { FAMILIES, flagsToNumber, nameOfValue, SOCKTYPES } from '../core/socketConstants';
import type { NssFamily, NssModuleAnswer } from '../core/nssSources';
import type { HostentResult } from '../ipc/protocol';
import type { NativeResolver, NativeResolverError } from './nativeResolver';
import type { ResolverBackend } from './resolverBackend';
import { addonFileProblem } from './addonDiagnosis';

/**
 * Where the addon for a platform is: next to the helper bundle, one folder per VS Code target (the build contract
 * of issue 17: dist/native/<target>/netlens_resolver.node). Null when no addon is built for the platform.
 */
export function nativeAddonPath(helperDir: string, platform: PlatformId): { target: NativeTarget; path: string } | null {
  const target = nativeTarget(platform);
  return target === null ? null : { target, path: path.join(helperDir, 'native', target, 'netlens_resolver.node') };
}

/**
 * Loads the addon; throws with the reason when it is missing or does not load here (truncated, for another system
 * or CPU, not a Node addon, not NetLens's).
 */
export function loadNativeResolver(addon: { target: NativeTarget; path: string }): NativeResolver {
  // Checked first: a truncated binary would crash this process inside the loader (addonDiagnosis.ts).
  const problem = addonFileProblem(addon.path, addon.target);
  if (problem !== null) throw new Error(problem);
  // A computed path keeps esbuild from trying to bundle the binary.
  const load: (id: string) => unknown = require;
  let loaded: Partial<NativeResolver>;
  try {
    loaded = load(addon.path) as Partial<NativeResolver>;
  } catch (err) {
    throw new Error(`the loader refused it: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
  }
  if (loaded.backend !== 'native' || typeof loaded.getaddrinfo !== 'function') throw new Error(`${addon.path} loaded, but is not the NetLens resolver addon`);
  return loaded as NativeResolver;
}

export class NativeBackend implements ResolverBackend {
  readonly name = 'native';
  readonly constants: Readonly<Record<string, number>>;

  /** The row whose error names apply (the addon reports numbers and the C library's texts). */
  private readonly row: PlatformRow;

  constructor(
    private readonly addon: NativeResolver,
    platform: PlatformId
  ) {
    this.constants = { ...addon.constants, SOCK_UNSPEC: 0 };
    this.row = platformRow(platform) ?? 'linux-glibc';
  }

  async getaddrinfo(request: GetaddrinfoRequest): Promise<GetaddrinfoResult> {
    const c = this.constants;
    const started = performance.now();
    const service = request.port === null ? null : String(request.port);
    const rows = await this.call(() =>
      this.addon.getaddrinfo(request.host, service, c[request.family] ?? 0, c[request.socktype] ?? 0, request.proto, flagsToNumber(request.flags, c))
    );
    return {
      backend: 'native',
      rows: rows.map((row): AddrinfoRow => {
        const family = nameOfValue(FAMILIES, row.family, c) ?? 'AF_UNSPEC';
        const sockaddr: Sockaddr = family === 'AF_INET6' ? [row.address, row.port, row.flowinfo, row.scopeId] : [row.address, row.port];
        return { family, socktype: nameOfValue(SOCKTYPES, row.socktype, c), proto: row.protocol, canonname: row.canonname, sockaddr };
      }),
      unavailable: [],
      elapsedMs: performance.now() - started,
    };
  }

  async getnameinfo(request: GetnameinfoRequest): Promise<GetnameinfoResult> {
    const started = performance.now();
    const [address, scope] = request.address.split('%', 2);
    const scopeId = request.scopeId ?? (scope === undefined ? 0 : /^\d+$/.test(scope) ? Number(scope) : this.addon.ifNameToIndex(scope));
    const info = await this.call(() => this.addon.getnameinfo(address, request.port, request.flowinfo ?? 0, scopeId, flagsToNumber(request.flags, this.constants)));
    return { backend: 'native', host: info.host, service: info.service, elapsedMs: performance.now() - started };
  }

  async gethostbyname(host: string, family: 'AF_INET' | 'AF_INET6'): Promise<HostentResult> {
    const started = performance.now();
    const h = await this.call(() => this.addon.gethostbyname2(host, this.constants[family] ?? 0));
    return { backend: 'native', name: h.name, aliases: h.aliases, addresses: h.addresses, family: this.familyName(h.family), unavailable: [], elapsedMs: performance.now() - started };
  }

  async gethostbyaddr(address: string): Promise<HostentResult> {
    const started = performance.now();
    const h = await this.call(() => this.addon.gethostbyaddr(address));
    return { backend: 'native', name: h.name, aliases: h.aliases, addresses: h.addresses, family: this.familyName(h.family), unavailable: [], elapsedMs: performance.now() - started };
  }

  private familyName(value: number): 'AF_INET' | 'AF_INET6' | undefined {
    const name = nameOfValue(FAMILIES, value, this.constants);
    return name === 'AF_INET' || name === 'AF_INET6' ? name : undefined;
  }

  gethostname(): string {
    return this.addon.gethostname();
  }

  async nssHostsLookup(source: string, name: string, family: NssFamily): Promise<NssModuleAnswer> {
    const answer = await this.call(() => this.addon.nssHostsLookup(source, name, this.constants[family] ?? 0));
    const familyName = (value: number): NssFamily => {
      const known = nameOfValue(FAMILIES, value, this.constants);
      return known === 'AF_INET' || known === 'AF_INET6' ? known : 'AF_UNSPEC';
    };
    const fn = answer.function;
    return {
      library: answer.library,
      loadError: answer.loadError,
      function: fn === 'gethostbyname4_r' || fn === 'gethostbyname3_r' || fn === 'gethostbyname2_r' ? fn : null,
      memoryError: answer.memoryError,
      calls: answer.calls.map((c) => ({ ...c, family: familyName(c.family), addresses: c.addresses.map((a) => a.address) })),
    };
  }

  /** Turns the addon's rejections into the Python-shaped error info, keeping the C library's own text. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw new ResolverFailure(toResolverError(err, this.row));
    }
  }
}

/** The addon's rejection as Python's exception on the platform: its names from the row, Windows's fixed gaierror text. */
export function toResolverError(err: unknown, row: PlatformRow): ResolverErrorInfo {
  const e = err as Partial<NativeResolverError>;
  const message = typeof e.message === 'string' ? e.message : String(err);
  const fixed = PYTHON_FIXED_TEXTS[row];
  if (e.kind === 'gai' && typeof e.code === 'number') {
    const code = gaiCodeName(e.code, row);
    // Python reports EAI_SYSTEM as a plain OSError with the errno.
    if (code === 'EAI_SYSTEM' && typeof e.errno === 'number') return { kind: 'OSError', errno: e.errno, code: null, message };
    return { kind: 'gaierror', errno: e.code, code, message: fixed?.gai ?? message };
  }
  if (e.kind === 'h' && typeof e.code === 'number') {
    return { kind: 'herror', errno: e.code, code: H_ERRNO_TABLES[row][e.code]?.code ?? null, message: fixed?.h ?? message };
  }
  if (e.kind === 'os' && typeof e.code === 'number') return row === 'win32' ? winsockOSError(e.code, message) : { kind: 'OSError', errno: e.code, code: null, message };
  if (err instanceof TypeError) return { kind: 'TypeError', errno: null, code: null, message };
  return { kind: 'OSError', errno: null, code: null, message };
}
