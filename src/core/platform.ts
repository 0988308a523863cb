/**
 * Which platform's rules apply: the operating system as Node names it (process.platform), the CPU architecture
 * (process.arch) and, on Linux, the C library. Everything that differs between platforms (files, error texts,
 * constants, which explanations exist at all) is a table keyed by `platformRow`, and the platform is passed in, so
 * that every row can be tested on this Linux machine.
 */

/** The C library of a Linux process; null elsewhere, or on a Linux whose C library NetLens cannot tell. */
export type LibcName = 'glibc' | 'musl';

export interface PlatformId {
  /** process.platform: 'linux', 'darwin', 'win32', … */
  os: string;
  /** process.arch: 'x64', 'arm64', … */
  arch: string;
  libc: LibcName | null;
}

/** The rows of the per-platform tables. */
export const PLATFORM_ROWS = ['linux-glibc', 'linux-musl', 'darwin', 'win32'] as const;
export type PlatformRow = (typeof PLATFORM_ROWS)[number];

/**
 * The row whose rules hold for a platform, or null where NetLens has none (FreeBSD, or a Linux with neither glibc
 * nor musl): callers then fall back to Linux/glibc's tables and say so rather than pretend.
 */
export function platformRow(p: PlatformId): PlatformRow | null {
  if (p.os === 'linux') return p.libc === 'musl' ? 'linux-musl' : p.libc === 'glibc' ? 'linux-glibc' : null;
  if (p.os === 'darwin' || p.os === 'win32') return p.os;
  return null;
}

/** How the platform is named in notes and in `(values: …)` lines: `Linux/glibc`, `Linux/musl`, `macOS`, `Windows`. */
export const PLATFORM_LABELS: Readonly<Record<PlatformRow, string>> = {
  'linux-glibc': 'Linux/glibc',
  'linux-musl': 'Linux/musl',
  darwin: 'macOS',
  win32: 'Windows',
};

/** `linux-x64 (Linux/glibc)`, `darwin-arm64 (macOS)`: the platform as a note names it. */
export function platformDescription(p: PlatformId): string {
  const row = platformRow(p);
  const what = row !== null ? PLATFORM_LABELS[row] : p.os === 'linux' ? 'Linux, C library neither glibc nor musl' : null;
  return `${p.os}-${p.arch}${what === null ? '' : ` (${what})`}`;
}

/**
 * The VS Code target names NetLens builds the native addon for (the build contract of issue 17): one folder each
 * under dist/native/. musl systems (Alpine) are VS Code's alpine-* targets.
 */
export const NATIVE_TARGETS = ['linux-x64', 'linux-arm64', 'alpine-x64', 'alpine-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64', 'win32-arm64'] as const;
export type NativeTarget = (typeof NATIVE_TARGETS)[number];

/** The addon's target for a platform, or null when NetLens builds none for it (the helper then uses dns.lookup). */
export function nativeTarget(p: PlatformId): NativeTarget | null {
  if (p.arch !== 'x64' && p.arch !== 'arm64') return null;
  const row = platformRow(p);
  if (row === null) return null;
  const os = row === 'linux-glibc' ? 'linux' : row === 'linux-musl' ? 'alpine' : row;
  return `${os}-${p.arch}`;
}

/**
 * The explanations that read configuration only one C library has. Each is false where the platform's resolver
 * works otherwise: NetLens then says "not available on this platform" instead of explaining with Linux's rules.
 */
export interface PlatformFeatures {
  /** Each nsswitch.conf source asked alone through its NSS module: glibc only. */
  nssSources: boolean;
  /** The search list and options of /etc/resolv.conf, as the stub resolver in the C library applies them. */
  resolvConf: boolean;
  /** Which model sorts getaddrinfo's answer: glibc's RFC 3484 code with gai.conf, musl's built-in RFC 6724 table. */
  addressOrder: 'glibc' | 'musl' | null;
  /**
   * Where a host name is looked for, in order: the hosts line of nsswitch.conf (glibc), or the platform's fixed
   * order. `files` is the hosts file; `localhost` the answer Windows builds in for the name `localhost` itself (all
   * loopback addresses, since Windows 7 its hosts file lists none); `dns` the name servers.
   */
  hostsOrder: 'nsswitch.conf' | readonly HostsOrderSource[];
}

/** A place a platform without nsswitch.conf looks a host name up (PlatformFeatures.hostsOrder). */
export type HostsOrderSource = 'files' | 'localhost' | 'dns';

const FEATURES: Readonly<Record<PlatformRow, PlatformFeatures>> = {
  'linux-glibc': { nssSources: true, resolvConf: true, addressOrder: 'glibc', hostsOrder: 'nsswitch.conf' },
  // musl reads /etc/hosts and /etc/resolv.conf (search, ndots) itself, no nsswitch.conf and no gai.conf.
  'linux-musl': { nssSources: false, resolvConf: true, addressOrder: 'musl', hostsOrder: ['files', 'dns'] },
  // macOS asks mDNSResponder (its /etc/resolv.conf is informational only), which reads /etc/hosts first; Windows
  // asks its DNS Client service: the hosts file, then its built-in answer for `localhost`, then DNS.
  darwin: { nssSources: false, resolvConf: false, addressOrder: null, hostsOrder: ['files', 'dns'] },
  win32: { nssSources: false, resolvConf: false, addressOrder: null, hostsOrder: ['files', 'localhost', 'dns'] },
};

/** What NetLens can explain on a platform; nothing on a platform without a row. */
export function platformFeatures(p: PlatformId): PlatformFeatures {
  const row = platformRow(p);
  return row === null ? { nssSources: false, resolvConf: false, addressOrder: null, hostsOrder: ['files', 'dns'] } : FEATURES[row];
}
