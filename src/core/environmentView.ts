/**
 * What the views show of a ResolverEnvironment (core/resolverEnvironment.ts), decided once: the This Machine tree
 * renders these rows, and `netlens explain` and the hover can use the same words. Pure (no vscode); sentences are
 * localized whole with @vscode/l10n. Everything read from files (names, addresses, paths, option words) is data:
 * every field here is plain text that a renderer shows literally.
 */
import * as l10n from '@vscode/l10n';
import { sentence, slot, type Line } from './lookupView';
import { wslVersion, type ContextSignal, type ResolverEnvironment } from './resolverEnvironment';

export type EnvironmentRowKind = 'context' | 'machine' | 'libc' | 'resolv-conf' | 'nameserver' | 'search' | 'options' | 'stub' | 'upstream' | 'nscd' | 'note';

export interface EnvironmentRow {
  kind: EnvironmentRowKind;
  /** The value (a name, an address, a path) or, when there is none, our words. */
  label: string;
  /** What the value is. */
  description: string;
  tooltip: string | null;
  children: EnvironmentRow[];
}

function row(kind: EnvironmentRowKind, label: string, description: string, tooltip: string | null = null, children: EnvironmentRow[] = []): EnvironmentRow {
  return { kind, label, description, tooltip, children };
}

/** The engine behind a container context, as its signals name it (a proper name: not translated). */
function containerEngine(signals: readonly ContextSignal[]): string | null {
  for (const s of signals) {
    if (s.context !== 'container') continue;
    if (s.source === '/.dockerenv') return 'Docker';
    if (s.source === '/run/.containerenv') return s.value || 'Podman';
    if (s.source === 'container' && s.value) return s.value;
    if (s.source === 'KUBERNETES_SERVICE_HOST') return 'Kubernetes';
    if (s.source === '/proc/1/cgroup' && s.value) {
      const m = /\/(docker|kubepods|containerd|lxc|libpod|machine\.slice)/.exec(s.value);
      const names: Record<string, string> = { docker: 'Docker', kubepods: 'Kubernetes', containerd: 'containerd', lxc: 'LXC', libpod: 'Podman', 'machine.slice': 'systemd-nspawn' };
      if (m) return names[m[1]];
    }
  }
  return null;
}

/** The context in a few words: `container (Docker)`, `WSL 2`, `SSH remote`, `code-server`, `remote amlext`. */
export function contextText(env: ResolverEnvironment): string {
  const engine = containerEngine(env.signals);
  switch (env.context) {
    case 'local':
      return l10n.t('local machine');
    case 'ssh-remote':
      return l10n.t('SSH remote');
    case 'wsl': {
      const version = wslVersion(env.signals);
      return version === null ? 'WSL' : `WSL ${version}`;
    }
    case 'dev-container':
      return engine ? l10n.t('dev container ({0})', engine) : l10n.t('dev container');
    case 'container':
      return engine ? l10n.t('container ({0})', engine) : l10n.t('container');
    case 'codespaces':
      return 'GitHub Codespaces';
    case 'tunnel':
      return l10n.t('remote tunnel');
    case 'code-server':
      return 'code-server';
    case 'web-server':
      return l10n.t('VS Code server in a browser');
    default:
      return l10n.t('remote {0}', env.context);
  }
}

/**
 * What the machine itself is when the deciding signal names only the connection: code-server or an SSH remote
 * that runs in a container, or on WSL. The resolv.conf in force is then the container's (or WSL's).
 */
export function hostingText(env: ResolverEnvironment): string | null {
  const machineContexts = ['container', 'dev-container', 'codespaces', 'wsl'];
  if (machineContexts.includes(env.context)) return null;
  const engine = containerEngine(env.signals);
  if (env.signals.some((s) => s.context === 'container')) return engine ? l10n.t('in a container ({0})', engine) : l10n.t('in a container');
  if (env.signals.some((s) => s.context === 'wsl')) {
    const version = wslVersion(env.signals);
    return version === null ? l10n.t('on WSL') : l10n.t('on WSL {0}', version);
  }
  return null;
}

/** One signal as the context row's tooltip lists it. */
function signalText(s: ContextSignal): string {
  return s.value === null ? l10n.t('{0} exists', s.source) : l10n.t('{0}: {1}', s.source, s.value);
}

function contextTooltip(env: ResolverEnvironment): string {
  if (env.signals.length === 0) return l10n.t('No remote, container, WSL or SSH signal: the local machine.');
  return [l10n.t('Decided by the first of these signals:'), ...env.signals.map(signalText)].join('\n');
}

export function libcText(libc: ResolverEnvironment['libc']): string {
  if (libc.name === null) return l10n.t('unknown C library');
  return libc.version === null ? l10n.t('{0} (version unknown)', libc.name) : `${libc.name} ${libc.version}`;
}

function resolvConfRow(conf: ResolverEnvironment['resolvConf'], unusedOn: string | undefined): EnvironmentRow {
  if (unusedOn !== undefined) return row('resolv-conf', 'resolv.conf', l10n.t('not available on this platform ({0}): the system resolver here does not read resolv.conf', unusedOn));
  if (conf === null) return row('resolv-conf', '/etc/resolv.conf', l10n.t('absent or unreadable: glibc asks 127.0.0.1'));
  const label = conf.target === null ? conf.path : `${conf.path} → ${conf.target}`;
  const children = conf.nameservers.length
    ? conf.nameservers.map((ns) => row('nameserver', ns, l10n.t('nameserver')))
    : [row('nameserver', '127.0.0.1', l10n.t('nameserver (none listed: glibc asks 127.0.0.1)'))];
  const from = (name: string, what: string): string => (conf.overriddenBy.includes(name) ? l10n.t('{0} (from {1})', what, name) : what);
  if (conf.search.length) children.push(row('search', conf.search.join(' '), from('LOCALDOMAIN', l10n.t('search'))));
  if (conf.options.length) children.push(row('options', conf.options.join(' '), from('RES_OPTIONS', l10n.t('options'))));
  return row('resolv-conf', label, l10n.t('resolv.conf in force'), null, children);
}

function stubName(kind: NonNullable<ResolverEnvironment['stub']>['kind']): string {
  switch (kind) {
    case 'systemd-resolved':
      return 'systemd-resolved';
    case 'docker':
      return l10n.t('Docker’s embedded DNS');
    case 'wsl':
      return l10n.t('Windows, through WSL’s DNS relay');
    case 'local-server':
      return l10n.t('DNS server on this machine');
  }
}

function stubRow(stub: ResolverEnvironment['stub']): EnvironmentRow {
  const what = l10n.t('resolver in front of DNS');
  if (stub === null) return row('stub', l10n.t('none'), what, l10n.t('glibc sends its DNS queries straight to the nameservers of resolv.conf.'));
  const children = stub.upstream.map((server) => row('upstream', server, l10n.t('upstream server')));
  if (!children.length) {
    children.push(row('note', stub.upstreamSource === null ? l10n.t('upstream servers not visible from here') : l10n.t('no upstream servers listed in {0}', stub.upstreamSource), ''));
  }
  const tooltip = stub.upstreamSource === null ? null : l10n.t('upstream servers from {0}', stub.upstreamSource);
  return row('stub', stubName(stub.kind), l10n.t('{0} · {1}', stub.address, what), tooltip, children);
}

function nscdRow(env: ResolverEnvironment): EnvironmentRow {
  const { nscd } = env;
  if (nscd === null) return row('nscd', 'nscd', l10n.t('not in use (no socket)'));
  // musl's nscd client serves passwd and group only: getaddrinfo never asks it.
  const state =
    env.libc.name === 'musl'
      ? l10n.t('not asked for hosts by musl')
      : nscd.running === false
        ? l10n.t('not running (stale socket)')
        : nscd.cachesHosts === null
          ? l10n.t('hosts cache unknown (/etc/nscd.conf unreadable)')
          : nscd.cachesHosts
            ? l10n.t('caches hosts')
            : l10n.t('does not cache hosts');
  return row('nscd', 'nscd', state, nscd.socket);
}

/** The rows of the This Machine view's environment group, in the order they are shown. */
export function environmentRows(env: ResolverEnvironment): EnvironmentRow[] {
  const hosting = hostingText(env);
  return [
    row('context', contextText(env), hosting === null ? l10n.t('context') : l10n.t('context · {0}', hosting), contextTooltip(env)),
    row('machine', env.machine, env.os ? l10n.t('machine · {0}', env.os) : l10n.t('machine')),
    row('libc', libcText(env.libc), l10n.t('C library')),
    resolvConfRow(env.resolvConf, env.resolvConfUnused),
    stubRow(env.stub),
    nscdRow(env),
  ];
}

/** The environment in one sentence, for a hover line or a report's heading. */
export function environmentSummary(env: ResolverEnvironment): Line {
  return sentence(l10n.t('resolved on {0} ({1}, {2})', slot(0), slot(1), slot(2)), env.machine, contextText(env), libcText(env.libc));
}
