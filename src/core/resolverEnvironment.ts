/**
 * Where an answer was resolved: the machine and context the helper (and so the system resolver) runs in, its C
 * library, the resolv.conf in force, the resolver in front of DNS (systemd-resolved's stub, Docker's embedded DNS,
 * WSL's relay, another DNS server on this machine) and nscd. One detector for the extension and the CLI; pure: every
 * probe (files, links, directories, environment, host name, glibc version, VS Code's remoteName) is injected, so
 * SSH, WSL, containers and systemd-resolved are tested with fixture trees on a machine that has none of them.
 */
import { platformDescription, platformFeatures, type PlatformId } from './platform';
import { parseResolvConf } from './resolverConfig';

/** The contexts NetLens names; any other VS Code remoteName is passed through as it is. */
export type KnownContext = 'local' | 'ssh-remote' | 'wsl' | 'dev-container' | 'container' | 'codespaces' | 'tunnel' | 'code-server' | 'web-server';
// `string & {}` keeps editor completion for the known names while admitting any remoteName.
export type EnvironmentContext = KnownContext | (string & {});

/** One fact that points at a context: where it was read and what it said (null: the file exists). */
export interface ContextSignal {
  context: EnvironmentContext;
  /** `vscode.env.remoteName`, an environment variable's name, or a path. */
  source: string;
  value: string | null;
}

export interface ResolverEnvironment {
  /** The first of `signals` decides; 'local' when there is none. */
  context: EnvironmentContext;
  /** gethostname() of the machine the resolver runs on. */
  machine: string;
  /** PRETTY_NAME of os-release(5), null when absent. */
  os: string | null;
  libc: { name: 'glibc' | 'musl' | null; version: string | null };
  /** null when /etc/resolv.conf cannot be read: glibc then asks 127.0.0.1 with the host name's domain as search list. */
  resolvConf: {
    path: string;
    /** The symlink's target as stored (systemd-resolved's modes are told apart by it), null when not a link. */
    target: string | null;
    nameservers: string[];
    search: string[];
    options: string[];
    /** LOCALDOMAIN / RES_OPTIONS when set: they override the file for this process (res_init). */
    overriddenBy: string[];
  } | null;
  stub: null | {
    kind: 'systemd-resolved' | 'docker' | 'wsl' | 'local-server';
    /** The resolv.conf nameserver that is the stub. */
    address: string;
    /** Where the stub sends queries, as far as this machine can tell. */
    upstream: string[];
    /** The file `upstream` was read from; null when it is not known here. */
    upstreamSource: string | null;
  };
  /** null when no nscd socket exists (glibc then never asks nscd). */
  nscd: null | {
    socket: string;
    /** `enable-cache hosts yes` in /etc/nscd.conf (nscd's default is no); null when the file cannot be read. */
    cachesHosts: boolean | null;
    /** A process named nscd or unscd is visible in /proc; false means a stale socket; null when /proc cannot be listed. */
    running: boolean | null;
  };
  /** Every context signal found, in order of precedence (see contextSignals). */
  signals: ContextSignal[];
  /**
   * Set (to the platform, `win32-x64 (Windows)`) where the system resolver does not read resolv.conf (macOS,
   * Windows): `resolvConf` and `stub` are then null rather than read from a file the resolver ignores.
   */
  resolvConfUnused?: string;
}

/** Everything the detector reads, injected. Paths are absolute as on the machine being described. */
export interface EnvironmentProbes {
  /** `vscode.env.remoteName` (undefined there, null here) or null for the CLI. */
  remoteName: string | null;
  env: Readonly<Record<string, string | undefined>>;
  hostname: string;
  /** `process.report.getReport().header.glibcVersionRuntime`: absent when Node does not run on glibc. */
  glibcVersion: string | null;
  readFile(path: string): string | null;
  exists(path: string): boolean;
  /** The target of a symbolic link as stored, null when `path` is not a link. */
  readLink(path: string): string | null;
  /** The names in a directory, null when it cannot be listed. */
  listDir(path: string): string[] | null;
  /** The platform the resolver runs on; absent: Linux, as before issue 17. */
  platform?: PlatformId;
}

export const RESOLV_CONF_PATH = '/etc/resolv.conf';
/** systemd-resolved keeps its upstream servers here, whatever /etc/resolv.conf is (systemd-resolved.service(8)). */
export const RESOLVED_UPSTREAM_PATH = '/run/systemd/resolve/resolv.conf';
/**
 * glibc's client connects to _PATH_NSCDSOCKET, "/var/run/nscd/socket" (nscd/nscd-client.h); /var/run is a link to
 * /run on current distributions, and the second path covers a /run-only layout.
 */
export const NSCD_SOCKETS = ['/var/run/nscd/socket', '/run/nscd/socket'] as const;
export const NSCD_CONF_PATH = '/etc/nscd.conf';

/**
 * What VS Code's remoteName says (the part of the remote authority before '+'): the names VS Code's telemetry
 * knows (telemetryAllowedAuthorities in src/vs/platform/telemetry/common/telemetryUtils.ts: ssh-remote,
 * dev-container, attached-container, wsl, tunnel, codespaces) plus the Kubernetes extension's k8s-container.
 * Attaching to a running container (Dev Containers or Kubernetes) is a container without a devcontainer.json.
 */
const REMOTE_NAME_CONTEXTS: Readonly<Record<string, KnownContext>> = {
  'ssh-remote': 'ssh-remote',
  wsl: 'wsl',
  'dev-container': 'dev-container',
  'attached-container': 'container',
  'k8s-container': 'container',
  codespaces: 'codespaces',
  tunnel: 'tunnel',
};

/**
 * code-server sets these in its own process, and its extension host (so NetLens's helper) inherits them:
 * CODE_SERVER_PARENT_PID when its wrapper forks the server (out/node/wrapper.js), CODE_SERVER_SESSION_SOCKET in
 * setDefaults (out/node/cli.js), both read from code-server 4.139.1.
 */
const CODE_SERVER_ENV = ['CODE_SERVER_PARENT_PID', 'CODE_SERVER_SESSION_SOCKET'];

/** Kernel names in /proc/1/cgroup under cgroup v1 (cgroup v2 shows only "0::/" inside a container). */
const CGROUP_CONTAINER = /\/(docker|kubepods|containerd|lxc|libpod[^/]*|machine\.slice\/machine-)/;

/**
 * Every context signal, most decisive first. The order of precedence:
 *  1. VS Code's remoteName, when it is one NetLens knows: the editor says how it reached this machine.
 *  2. code-server's environment: the editor is code-server, serving from this machine.
 *  3. Any other remoteName: a browser-served VS Code's authority (`127.0.0.1:8080`: 'web-server'), or a remote
 *     extension's name, passed through.
 *  4. CODESPACES=true (GitHub docs, "Default environment variables for your codespace"; a codespace is also a
 *     container).
 *  5. Container signals: /.dockerenv (created by Docker in every container), /run/.containerenv (Podman,
 *     podman-run(1), with `engine="podman-…"`), `container` in the environment (systemd's Container Interface:
 *     podman, lxc, systemd-nspawn set it), /proc/1/cgroup (cgroup v1 paths), KUBERNETES_SERVICE_HOST (injected
 *     into every Kubernetes container). Before WSL: containers of Docker Desktop run on WSL 2's kernel, so their
 *     osrelease says "microsoft-standard-WSL2" too.
 *  6. WSL: WSL_DISTRO_NAME / WSL_INTEROP (set by WSL for its processes), or "microsoft" in
 *     /proc/sys/kernel/osrelease, the check Microsoft recommends (microsoft/WSL#423): "4.4.0-19041-Microsoft" on
 *     WSL 1, "5.15.90.1-microsoft-standard-WSL2" on WSL 2; /proc/version when osrelease cannot be read.
 *  7. SSH_CONNECTION / SSH_CLIENT (set by sshd, sshd(8) "ENVIRONMENT"): a shell that came in over SSH; it is
 *     inherited by anything started from it, so any more specific signal above wins.
 * Nothing found: 'local'.
 */
export function contextSignals(p: EnvironmentProbes): ContextSignal[] {
  const signals: ContextSignal[] = [];
  const envSignal = (name: string, context: EnvironmentContext, test: (value: string) => boolean = () => true): void => {
    const value = p.env[name];
    if (value !== undefined && value !== '' && test(value)) signals.push({ context, source: name, value });
  };
  const remote = p.remoteName ? p.remoteName : null;
  const known = remote !== null ? REMOTE_NAME_CONTEXTS[remote] : undefined;
  if (remote !== null && known) signals.push({ context: known, source: 'vscode.env.remoteName', value: remote });
  for (const name of CODE_SERVER_ENV) envSignal(name, 'code-server');
  if (remote !== null && !known) {
    // A browser-served VS Code (code-server, `code serve-web`, openvscode-server) has the page's host as its
    // authority, so its remoteName is `host:port`; a remote extension's name has neither '.' nor ':'.
    signals.push({ context: /[.:[\]]/.test(remote) ? 'web-server' : remote, source: 'vscode.env.remoteName', value: remote });
  }
  envSignal('CODESPACES', 'codespaces', (v) => v === 'true');
  if (p.exists('/.dockerenv')) signals.push({ context: 'container', source: '/.dockerenv', value: null });
  if (p.exists('/run/.containerenv')) {
    const engine = /^engine="?([^"\n]*)"?$/m.exec(p.readFile('/run/.containerenv') ?? '');
    signals.push({ context: 'container', source: '/run/.containerenv', value: engine ? engine[1] : null });
  }
  envSignal('container', 'container');
  const cgroup = (p.readFile('/proc/1/cgroup') ?? '').split('\n').find((line) => CGROUP_CONTAINER.test(line));
  if (cgroup) signals.push({ context: 'container', source: '/proc/1/cgroup', value: cgroup.trim() });
  envSignal('KUBERNETES_SERVICE_HOST', 'container');
  envSignal('WSL_DISTRO_NAME', 'wsl');
  envSignal('WSL_INTEROP', 'wsl');
  const kernel = kernelRelease(p);
  if (kernel && /microsoft|wsl/i.test(kernel.value)) signals.push({ context: 'wsl', source: kernel.source, value: kernel.value });
  envSignal('SSH_CONNECTION', 'ssh-remote');
  envSignal('SSH_CLIENT', 'ssh-remote');
  return signals;
}

function kernelRelease(p: EnvironmentProbes): { source: string; value: string } | null {
  for (const source of ['/proc/sys/kernel/osrelease', '/proc/version']) {
    const text = p.readFile(source);
    if (text !== null && text.trim() !== '') return { source, value: text.trim().split('\n')[0] };
  }
  return null;
}

/**
 * WSL 1 or 2 from the kernel release: WSL 2 runs a real Linux kernel named "…-microsoft-standard-WSL2" (older
 * builds "…-microsoft-standard"), WSL 1 reports a Windows build with a capital M ("4.4.0-19041-Microsoft").
 */
export function wslVersion(signals: readonly ContextSignal[]): 1 | 2 | null {
  const kernel = signals.find((s) => s.context === 'wsl' && s.source.startsWith('/proc/'))?.value;
  if (!kernel) return null;
  return /WSL2|microsoft-standard/.test(kernel) ? 2 : /Microsoft/.test(kernel) ? 1 : 2;
}

export function detectResolverEnvironment(p: EnvironmentProbes): ResolverEnvironment {
  const signals = contextSignals(p);
  const context = signals[0]?.context ?? 'local';
  // macOS's /etc/resolv.conf is generated for tools and informational; Windows has none: no row of it is true there.
  const unused = p.platform !== undefined && !platformFeatures(p.platform).resolvConf;
  const resolvText = unused ? null : p.readFile(RESOLV_CONF_PATH);
  const resolvConf = resolvText === null ? null : resolvConfInForce(p, resolvText);
  return {
    ...(unused && p.platform ? { resolvConfUnused: platformDescription(p.platform) } : {}),
    context,
    machine: p.hostname,
    os: osName(p),
    libc: detectLibc(p),
    resolvConf,
    stub: resolvConf && resolvText !== null ? detectStub(p, resolvConf, resolvText, context === 'wsl' && wslVersion(signals) === 2) : null,
    nscd: detectNscd(p),
    signals,
  };
}

function resolvConfInForce(p: EnvironmentProbes, text: string): NonNullable<ResolverEnvironment['resolvConf']> {
  const conf = parseResolvConf(text, p.env);
  return {
    path: RESOLV_CONF_PATH,
    target: p.readLink(RESOLV_CONF_PATH),
    nameservers: conf.nameservers,
    search: conf.search,
    options: conf.options,
    overriddenBy: ['LOCALDOMAIN', 'RES_OPTIONS'].filter((name) => p.env[name] !== undefined),
  };
}

/** os-release(5): /etc/os-release, else /usr/lib/os-release; PRETTY_NAME is a shell-quoted value. */
function osName(p: EnvironmentProbes): string | null {
  const text = p.readFile('/etc/os-release') ?? p.readFile('/usr/lib/os-release');
  const m = text === null ? null : /^PRETTY_NAME=(.*)$/m.exec(text);
  if (!m) return null;
  const raw = m[1].trim();
  const quoted = /^(["'])(.*)\1$/.exec(raw);
  return (quoted ? (quoted[1] === '"' ? quoted[2].replace(/\\(["\\$`])/g, '$1') : quoted[2]) : raw) || null;
}

/**
 * The C library of the resolver NetLens calls: Node reports the glibc it runs on; a Node built for musl reports
 * none, and musl's dynamic loader is /lib/ld-musl-<arch>.so.1. musl has no version file: Alpine's package
 * database (/lib/apk/db/installed, `P:musl` then `V:1.2.4-r2`) gives it where it exists.
 */
function detectLibc(p: EnvironmentProbes): ResolverEnvironment['libc'] {
  if (p.glibcVersion) return { name: 'glibc', version: p.glibcVersion };
  const loader = ['/lib', '/usr/lib'].some((dir) => (p.listDir(dir) ?? []).some((name) => /^ld-musl-[\w.-]+\.so\.1$/.test(name)));
  if (!loader) return { name: null, version: null };
  const installed = p.readFile('/lib/apk/db/installed') ?? '';
  const musl = installed.split(/\n\s*\n/).find((block) => /^P:musl$/m.test(block));
  const version = musl ? /^V:(.+)$/m.exec(musl)?.[1].replace(/-r\d+$/, '') ?? null : null;
  return { name: 'musl', version };
}

const SYSTEMD_STUBS = ['127.0.0.53', '127.0.0.54'];
/** The files systemd-resolved offers as /etc/resolv.conf that name its stub (systemd-resolved.service(8)). */
const SYSTEMD_STUB_FILES = /(^|\/)(run\/systemd\/resolve\/stub-resolv\.conf|usr\/lib\/systemd\/resolv\.conf)$/;
/** Docker's embedded DNS server, in every container on a user-defined network. */
const DOCKER_EMBEDDED_DNS = '127.0.0.11';

/**
 * The resolver glibc's DNS queries reach first, when it is not DNS itself:
 *  - systemd-resolved: a nameserver 127.0.0.53 (stub) or 127.0.0.54 (proxy stub), or /etc/resolv.conf linked to
 *    one of its stub files; its upstream servers are listed in /run/systemd/resolve/resolv.conf. (Linked to that
 *    file instead, glibc asks the upstream servers itself: no stub.)
 *  - Docker's embedded DNS (127.0.0.11), whose upstream servers Docker 25+ writes into the same resolv.conf as
 *    a comment, `# ExtServers: [host(192.168.65.7) 8.8.8.8]` (host(…): asked from the host's network).
 *  - WSL 2 with the resolv.conf WSL generates: the nameserver is Windows' DNS relay (NAT mode) or WSL's DNS tunnel;
 *    either way Windows resolves, with servers not visible from Linux.
 *  - any other loopback nameserver: a DNS server on this machine (dnsmasq, unbound, a test server).
 */
function detectStub(p: EnvironmentProbes, conf: NonNullable<ResolverEnvironment['resolvConf']>, text: string, wsl2: boolean): ResolverEnvironment['stub'] {
  const { nameservers } = conf;
  const systemd = nameservers.find((ns) => SYSTEMD_STUBS.includes(ns)) ?? (conf.target !== null && SYSTEMD_STUB_FILES.test(conf.target) ? SYSTEMD_STUBS[0] : undefined);
  if (systemd) {
    const upstream = p.readFile(RESOLVED_UPSTREAM_PATH);
    return { kind: 'systemd-resolved', address: systemd, upstream: upstream === null ? [] : allNameservers(upstream), upstreamSource: upstream === null ? null : RESOLVED_UPSTREAM_PATH };
  }
  if (nameservers.includes(DOCKER_EMBEDDED_DNS)) {
    const ext = dockerExtServers(text);
    return { kind: 'docker', address: DOCKER_EMBEDDED_DNS, upstream: ext ?? [], upstreamSource: ext === null ? null : RESOLV_CONF_PATH };
  }
  if (wsl2 && /^# This file was automatically generated by WSL/m.test(text) && nameservers.length > 0) {
    return { kind: 'wsl', address: nameservers[0], upstream: [], upstreamSource: null };
  }
  const loopback = nameservers.find(isLoopback);
  return loopback ? { kind: 'local-server', address: loopback, upstream: [], upstreamSource: null } : null;
}

/**
 * Every nameserver line, without glibc's limit of three (MAXNS): systemd-resolved itself uses all of them. Each
 * line goes through the one resolv.conf parser, so comments and blanks are read as glibc reads them.
 */
function allNameservers(text: string): string[] {
  // Only the nameserver lines: a resolv.conf without one means 127.0.0.1 to glibc, which a single line is not.
  return text
    .split('\n')
    .filter((line) => /^nameserver[ \t]/.test(line))
    .flatMap((line) => parseResolvConf(line).nameservers);
}

/** Docker's `# ExtServers: [...]` comment; null when absent (Docker before 25 wrote none). */
export function dockerExtServers(text: string): string[] | null {
  const m = /^#\s*ExtServers:\s*\[([^\]]*)\]/m.exec(text);
  if (!m) return null;
  return m[1].match(/host\([^)]*\)|[^\s()]+/g)?.map((s) => s.replace(/^host\((.*)\)$/, '$1')).filter((s) => s !== 'invalid' && s !== 'IP') ?? [];
}

function isLoopback(address: string): boolean {
  return /^127\./.test(address) || address === '::1';
}

/** nscd is in the path when glibc finds its socket; it caches hosts only with `enable-cache hosts yes`. */
function detectNscd(p: EnvironmentProbes): ResolverEnvironment['nscd'] {
  const socket = NSCD_SOCKETS.find((path) => p.exists(path));
  if (!socket) return null;
  const conf = p.readFile(NSCD_CONF_PATH);
  return { socket, cachesHosts: conf === null ? null : nscdCachesHosts(conf), running: nscdRunning(p) };
}

/**
 * nscd's own reading of nscd.conf (nscd/nscd_conf.c): '#' starts a comment, words are compared exactly, the last
 * `enable-cache hosts yes|no` wins, and without one the hosts cache is off (connections.c: `.enabled = 0`).
 */
export function nscdCachesHosts(text: string): boolean {
  let enabled = false;
  for (const raw of text.split('\n')) {
    const [entry, service, value] = raw.replace(/#.*$/, '').trim().split(/\s+/);
    if (entry === 'enable-cache' && service === 'hosts' && (value === 'yes' || value === 'no')) enabled = value === 'yes';
  }
  return enabled;
}

/** A process named nscd (glibc's) or unscd (BusyBox/Debian's replacement) in /proc. */
function nscdRunning(p: EnvironmentProbes): boolean | null {
  const pids = p.listDir('/proc');
  if (pids === null) return null;
  return pids.some((pid) => /^\d+$/.test(pid) && /^u?nscd$/.test((p.readFile(`/proc/${pid}/comm`) ?? '').trim()));
}
