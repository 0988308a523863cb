/**
 * What the last labels of a dotted name say about it. The Public Suffix List (tldts) knows every real top-level
 * domain, but in source code most dotted words end in one by accident (`main.rs`, `setup.py`, `user.name`,
 * `this.app`), so the scanner asks a finer question than "is this a TLD":
 *
 *  - PRIVATE: a private suffix (`.internal`, `.local`, ..., or one configured) — a host on a private network;
 *  - COMMON: a TLD real host names use far more often than code does (`com`, `org`, `net`, `io`, `uk`, `de`...);
 *    a dotted word ending in one is a host even with nothing else around it;
 *  - OTHER_TLD: any other real TLD (`app`, `name`, `info`..., identifier-like ccTLDs such as `id`, `to`, `at`);
 *    a host only with more evidence (a URL, `host:port`, `user@`, a path after it, a `www.` label, a host key);
 *  - FILE_EXTENSION: a TLD that is also a common file extension (`md`, `py`, `rs`, `sh`, `pl`, `tf`, `pub`...);
 *    a host only in contexts that name hosts outright (URL, e-mail, ssh_config, nginx...);
 *  - NONE: no TLD known to the PSL (`ts`, `json`, `log`, `example`): a host only in explicit host contexts.
 */
import { ICANN_TLDS } from './icannTlds';

export const SUFFIX_NONE = 0;
export const SUFFIX_FILE_EXTENSION = 1;
export const SUFFIX_OTHER_TLD = 2;
export const SUFFIX_COMMON = 3;
export const SUFFIX_PRIVATE = 4;
export type SuffixClass = 0 | 1 | 2 | 3 | 4;

/** RFC 6761/6762/8375 names and the de-facto private suffixes people use for internal hosts. */
/**
 * Names that are hosts on private or special networks, never in the public DNS, from the registries and conventions
 * that define them: RFC 6761 (`example`, `invalid`, `localhost`, `test`), RFC 6762 (`local`, and the private
 * names its Appendix G lists people use: `intranet`, `internal`, `corp`, `lan` — `home` and `private` are left
 * out, being common member names in code), RFC 7686 (`onion`), RFC 8375 (`home.arpa`), RFC 9476 (`alt`), ICANN's
 * 2024 reservation of `internal` for private use, Kubernetes Service names (`svc`; `svc.cluster.local` is under
 * `local`), Consul (`consul`) and the `localdomain` Linux installers give hosts without a domain. The user adds their
 * own with netlens.privateSuffixes.
 */
export const BUILTIN_PRIVATE_SUFFIXES: readonly string[] = ['example', 'invalid', 'localhost', 'test', 'local', 'intranet', 'internal', 'corp', 'lan', 'onion', 'home.arpa', 'alt', 'svc', 'consul', 'localdomain'];

/** TLDs that are also file extensions people write in code, docs and logs (all are in the PSL). */
export const FILE_EXTENSION_TLDS = new Set([
  'ac', 'am', 'as', 'build', 'cc', 'cf', 'cl', 'cr', 'cu', 'do', 'fish', 'gd', 'gn', 'gs', 'in', 'md', 'mk', 'ml',
  'mm', 'mov', 'ninja', 'pl', 'pm', 'pro', 'properties', 'ps', 'pt', 'pub', 'py', 'rs', 'sh', 'so', 'star', 'sv',
  'tf', 'work', 'zip', 'map', 'rest', 'bat', 'cab', 'bin', 'fm',
]);

/**
 * TLDs that host names use and identifiers rarely end with. Deliberately absent: gTLDs that are common member
 * names (`info`, `app`, `site`, `int`, `name`, `host`...) and ccTLDs that are common identifiers or abbreviations
 * (`id`, `to`, `is`, `it`, `at`, `be`, `by`, `me`, `no`, `us`, `my`, `tv`, `tz`, `pk`, `ms`, `lt`, `ge`, `ne`, `li`,
 * `tr`, `th`, `hr`, `re`, `se`...): those are OTHER_TLD and need more evidence.
 */
export const COMMON_TLDS = new Set([
  'com', 'net', 'org', 'edu', 'gov', 'mil', 'arpa', 'biz', 'io', 'co', 'dev', 'cloud', 'ai',
  'xyz', 'online', 'tech', 'uk', 'de', 'fr', 'nl', 'jp', 'cn', 'ru', 'br', 'au', 'ca', 'eu', 'ch', 'dk',
  'fi', 'cz', 'hu', 'gr', 'ro', 'ie', 'nz', 'za', 'kr', 'tw', 'hk', 'sg', 'mx', 'ar', 'ua', 'es', 'vn', 'ir',
]);

/**
 * The Public Suffix List answers one question here — is a label an ICANN top-level domain? — so the scanner ships
 * only those labels (generated from tldts, checked against it in test/unit/icannTlds.test.ts), not the whole list.
 */
export const ICANN_TLD_SET = new Set(ICANN_TLDS.split(' '));

const lastLabelCache = new Map<string, SuffixClass>();

/** The class of a last label by itself (lowercase), ignoring private suffixes. Cached: there are few distinct ones. */
export function classifyLastLabel(label: string): SuffixClass {
  let cls = lastLabelCache.get(label);
  if (cls === undefined) {
    if (COMMON_TLDS.has(label)) cls = SUFFIX_COMMON;
    else {
      cls = !ICANN_TLD_SET.has(label) ? SUFFIX_NONE : FILE_EXTENSION_TLDS.has(label) ? SUFFIX_FILE_EXTENSION : SUFFIX_OTHER_TLD;
    }
    if (lastLabelCache.size > 10_000) lastLabelCache.clear(); // arbitrary text has unbounded distinct "labels"
    lastLabelCache.set(label, cls);
  }
  return cls;
}

/** Private suffixes compiled for lookups by the scanner: a set of dot-free and dotted suffixes, lowercase. */
export class PrivateSuffixes {
  private readonly suffixes: Set<string>;
  /** The suffixes' last labels: a name under a suffix ends with its last label, and most names end with none. */
  private readonly lastLabels: Set<string>;
  private readonly maxLabels: number;

  constructor(extra: readonly string[] = []) {
    this.suffixes = new Set();
    for (const raw of [...BUILTIN_PRIVATE_SUFFIXES, ...extra]) {
      const s = raw.trim().toLowerCase().replace(/^\*?\.+/, '').replace(/\.+$/, '');
      if (s) this.suffixes.add(s);
    }
    this.maxLabels = Math.max(1, ...[...this.suffixes].map((s) => s.split('.').length));
    this.lastLabels = new Set([...this.suffixes].map((s) => s.slice(s.lastIndexOf('.') + 1)));
  }

  /** True when `host` (lowercase, no trailing dot) is a private suffix or lies under one; `lastLabel` is its last label. */
  matches(host: string, lastLabel: string = host.slice(host.lastIndexOf('.') + 1)): boolean {
    if (!this.lastLabels.has(lastLabel)) return false;
    let at = host.length;
    for (let labels = 0; labels < this.maxLabels && at > 0; labels++) {
      at = host.lastIndexOf('.', at - 1);
      if (this.suffixes.has(at < 0 ? host : host.slice(at + 1))) return true;
      if (at < 0) return false;
    }
    return false;
  }
}

/** The class of a whole host name (lowercase, at least two labels) whose last label is `lastLabel`. */
export function classifyHost(host: string, lastLabel: string, privates: PrivateSuffixes): SuffixClass {
  if (privates.matches(host, lastLabel)) return SUFFIX_PRIVATE;
  return classifyLastLabel(lastLabel);
}
