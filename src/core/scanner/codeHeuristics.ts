/**
 * Word lists that tell code from host names. Each list is small and specific; the scanner consults them only for
 * tokens that already look like hosts, so their cost is a Set lookup per candidate.
 */

/**
 * First labels that make a dotted word a member chain, not a host: receivers and modules that code writes `x.y`
 * after (`this.dev`, `self.local`, `process.env.ca`, `np.ma`, `settings.de`). Hosts rarely start with them. Words
 * that are also common first labels of hosts (`api`, `app`, `db`, `cache`, `test`, `net`) are deliberately absent.
 */
export const CODE_RECEIVERS = new Set([
  'this', 'self', 'cls', 'super', 'that', 'window', 'document', 'navigator', 'location', 'console', 'process',
  'module', 'exports', 'require', 'global', 'globalthis', 'os', 'sys', 'math', 'json', 'np', 'pd', 'plt', 'torch',
  'req', 'res', 'ctx', 'err', 'evt', 'event', 'props', 'state', 'args', 'kwargs', 'opts', 'options', 'params',
  'obj', 'settings', 'config', 'conf', 'cfg', 'env', 'logger', 'logging', 'vscode', 'editor', 'assert', 'expect',
  'vm', 'std', 'fmt', 'strings', 'errors', 'response', 'request', 'result', 'item', 'row', 'record', 'elem', 'el',
]);

/**
 * First labels that are generic TLDs: `com.example.app` is a Java/Kotlin/Android package (reversed domain name),
 * not a host, when it has three or more labels.
 */
export const REVERSED_DOMAIN_ROOTS = new Set(['com', 'org', 'net', 'io', 'edu', 'gov', 'dev', 'me', 'de', 'uk', 'fr', 'nl', 'ch', 'co']);

/** Single words that are values of host-ish keys or directives but never hosts (`host: true`, `Host *`). */
export const NOT_A_HOST_WORDS = new Set([
  'true', 'false', 'null', 'none', 'nil', 'undefined', 'yes', 'no', 'on', 'off', 'auto', 'default', 'any', 'all',
  'to', 'into', 'the', 'a', 'an', 'and', 'or', 'is', 'are', 'names', 'name', 'from', 'with', 'for', 'of', 'at', 'by',
  'as', 'if', 'then', 'else', 'this', 'that', 'it', 'be', 'not', 'must', 'should', 'string', 'str', 'int', 'number',
  'bool', 'boolean', 'object', 'env', 'var', 'let', 'const', 'new', 'return', 'await', 'required', 'optional',
  'server', 'host', 'hostname', 'address', 'domain', 'example', 'unix', 'tcp', 'udp', 'http', 'https', 'classpath', 'file',
  // Postfix's `unknown[203.0.113.7]` (no name resolved) and `host or "unknown"` defaults.
  'unknown',
  // SQL column types: `host text,` and `addr inet NOT NULL` declare a column named host, not a host named text.
  'text', 'varchar', 'char', 'inet', 'cidr', 'integer', 'bigint', 'smallint', 'jsonb', 'uuid', 'timestamp', 'timestamptz',
]);

/**
 * Last labels that make a dotted word a property read (`hostname: url.hostname`, `host: opts.host`): the names of
 * the fields that hold hosts, which no one uses as a top-level domain of a name to resolve.
 */
export const HOST_MEMBER_NAMES = new Set(['hostname', 'host', 'hosts', 'address', 'addr', 'domain', 'endpoint', 'url', 'uri', 'origin', 'servername']);

/** Python's string prefixes and C#'s: `f"{name}.{zone}"` and `$"{host}"` start a template, not a host named f. */
export const STRING_PREFIXES = new Set(['f', 'r', 'b', 'u', 'rb', 'br', 'fr', 'rf']);

/**
 * Labels that precede `:NUMBER` in code and config without being hosts: CSS properties in minified CSS
 * (`z-index:100`), counters and limits (`timeout:300`), protocol prefixes (`tcp:8080`), source positions.
 */
export const NOT_A_HOST_BEFORE_PORT = new Set([
  'z-index', 'font-weight', 'line-height', 'width', 'height', 'max-width', 'min-width', 'max-height', 'min-height',
  'top', 'left', 'right', 'bottom', 'margin', 'padding', 'order', 'flex', 'opacity', 'weight', 'size', 'port',
  'ports', 'line', 'lines', 'col', 'column', 'row', 'page', 'id', 'count', 'max', 'min', 'timeout', 'ttl',
  'retries', 'limit', 'offset', 'step', 'version', 'tcp', 'udp', 'http', 'https', 'ws', 'wss', 'sctp', 'unix',
  'ip4', 'ip6', // SPF's `ip4:192.0.2.0/24 ip6:2001:db8::/32`
  'expose', 'listen', 'delay', 'interval', 'duration', 'index', 'level', 'priority', 'status', 'code', 'errno',
  'uid', 'gid', 'pid', 'year', 'day', 'hour', 'minute', 'second', 'seconds', 'ms', 'width', 'from', 'to', 'range',
]);

/** First words of lines that name modules, not hosts (`import com.example.app.Main;`, `from os.path import x`). */
export const MODULE_LINE_WORDS = new Set(['import', 'package', 'from', 'using', 'use', 'namespace', 'require', 'extern', 'module', 'library', 'part']);

/**
 * Keys whose value is a host (`DB_HOST=db`, `"host": "cache"`, `redisAddr: cache:6379`, `--server=kdc`), by suffix:
 * the key is the suffix, or ends with it after `_`, `-`, `.`, or a camelCase boundary.
 */
export const HOST_KEY_SUFFIXES: readonly string[] = [
  'host', 'hostname', 'hosts', 'hostnames', 'server', 'servers', 'servername', 'addr', 'address', 'addresses',
  'endpoint', 'endpoints', 'domain', 'domains', 'fqdn', 'upstream', 'upstreams', 'broker', 'brokers', 'nameserver',
  'nameservers', 'dns', 'ip', 'ips', 'peer', 'peers', 'proxy', 'bastion', 'jumphost', 'realm', 'kdc', 'smarthost',
  'relayhost', 'mailhost', 'dbhost',
];
