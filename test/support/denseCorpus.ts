/**
 * A dense, deterministic text for the scanner's speed on host-heavy files (issue 13, "Speed on dense text"): access
 * logs with user agents, app logs, config lines (env, YAML, INI, JSON), URLs, host:port, IPv4/IPv6 literals and
 * e-mail addresses, mixed with ordinary prose. Every line plants at least one host, and lines are short, so there
 * is well over one host per 100 bytes. Seeded (mulberry32), so every run and machine gets the same bytes.
 */
import { prng } from './prng';

const WORDS = [
  'the', 'request', 'failed', 'after', 'retry', 'connection', 'value', 'handler', 'config', 'client', 'cache',
  'index', 'result', 'token', 'stream', 'upstream', 'timeout', 'while', 'reading', 'response', 'from', 'server',
  'started', 'worker', 'queue', 'deploy', 'release', 'check', 'health', 'ok', 'and', 'then', 'with', 'for',
];
const SERVICES = ['web', 'db', 'cache', 'api', 'shop', 'auth', 'queue', 'search', 'mail', 'metrics', 'redis', 'pg'];
const ZONES = ['example.com', 'example.org', 'corp.example.net', 'prod.internal', 'svc.cluster.local', 'netlens.test', 'shop.example.de', 'cdn.example.io'];
const SCHEMES = ['https', 'http', 'postgres', 'redis', 'mysql', 'amqp', 'mongodb', 'ftp', 'ws', 'wss'];
const KEYS = ['DB_HOST', 'REDIS_HOST', 'API_URL', 'SMTP_SERVER', 'UPSTREAM', 'BROKER_URL', 'CACHE_ADDR', 'LDAP_HOST'];
const AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
  'curl/8.5.0',
  'Go-http-client/1.1',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0',
];

export interface DenseText {
  text: string;
  /** Hosts planted by the generator (a lower bound: prose and agents may hold more host-shaped text). */
  planted: number;
  bytes: number;
}

/** About `targetBytes` of dense text (UTF-8 bytes; ASCII except for an occasional accented word). */
export function generateDense(targetBytes: number, seed: number): DenseText {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const num = (n: number): number => Math.floor(rand() * n);
  const host = (): string => `${pick(SERVICES)}${num(4) === 0 ? num(20) : ''}.${pick(ZONES)}`;
  const ipv4 = (): string => (rand() < 0.5 ? `198.51.100.${num(256)}` : `10.${num(256)}.${num(256)}.${num(256)}`);
  const ipv6 = (): string => `2001:db8::${num(0xffff).toString(16)}`;
  const prose = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const path = (): string => `/${pick(WORDS)}/${num(1000)}`;
  const url = (): string => {
    const scheme = pick(SCHEMES);
    const port = rand() < 0.4 ? `:${1024 + num(60000)}` : '';
    const user = scheme !== 'https' && scheme !== 'http' && rand() < 0.5 ? 'app@' : '';
    return `${scheme}://${user}${host()}${port}${path()}`;
  };
  // Each form returns [line, hosts planted].
  const forms: (() => [string, number])[] = [
    () => [`${ipv4()} - - [05/Jan/2025:08:00:${String(num(60)).padStart(2, '0')} +0000] "GET ${path()} HTTP/1.1" 200 ${num(9000)} "${url()}" "${pick(AGENTS)}"`, 2],
    () => [`2025-01-05T08:00:01Z INFO ${prose(3)} ${host()}:${1024 + num(60000)} (${ipv4()})`, 2],
    () => [`${pick(KEYS)}=${rand() < 0.5 ? host() : url()}`, 1],
    () => [`  host: ${host()}\n  port: ${1024 + num(60000)}`, 1],
    () => [`server = ${host()}:${num(65536)} ; backup ${ipv4()}`, 2],
    () => [`{"url": "${url()}", "fallback": "${host()}"}`, 2],
    () => [`contact ops@${host()} or see ${url()} for details`, 2],
    () => [`${prose(4 + num(6))} ${host()} ${prose(2)}`, 1],
    () => [`listen [${ipv6()}]:${1024 + num(60000)}; proxy_pass ${url()};`, 2],
    () => [`${ipv4()}\t${host()} ${pick(SERVICES)}`, 2],
    () => [`ssh deploy@${host()} 'systemctl restart ${pick(SERVICES)}' # café ${prose(2)}`, 1],
  ];
  const lines: string[] = [];
  let bytes = 0;
  let planted = 0;
  while (bytes < targetBytes) {
    const [line, hosts] = pick(forms)();
    lines.push(line);
    planted += hosts;
    bytes += Buffer.byteLength(line) + 1;
  }
  return { text: lines.join('\n') + '\n', planted, bytes };
}
