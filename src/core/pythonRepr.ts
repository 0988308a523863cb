import type { AddrinfoRow, Sockaddr } from './addrinfo';

/** Python's repr() of a str: single quotes unless the text contains one and no double quote. */
export function pyStr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    // str.isprintable(): categories C* (controls, format, surrogates, private use, unassigned) and Z* (separators)
    // are escaped, except the space. Python's tables are its own Unicode version (3.11: 14.0), so characters
    // assigned later still print raw here.
    else if (code !== 0x20 && /^[\p{C}\p{Z}]$/u.test(ch)) out += code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : code < 0x10000 ? `\\u${code.toString(16).padStart(4, '0')}` : `\\U${code.toString(16).padStart(8, '0')}`;
    else out += ch;
  }
  return out + quote;
}

export function pySockaddr(sockaddr: Sockaddr): string {
  const [address, ...rest] = sockaddr;
  return `(${[pyStr(address), ...rest.map(String)].join(', ')})`;
}

/**
 * One getaddrinfo row as Python prints it, e.g.
 * `(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('127.0.0.1', 80))`.
 * Values the backend could not know print as `?`.
 */
export function pyAddrinfoRow(row: AddrinfoRow, values: Readonly<Record<string, number>>): string {
  const family = `<AddressFamily.${row.family}: ${values[row.family] ?? '?'}>`;
  const socktype = row.socktype === null ? '?' : row.socktype === 'SOCK_UNSPEC' ? '0' : `<SocketKind.${row.socktype}: ${values[row.socktype] ?? '?'}>`;
  const proto = row.proto === null ? '?' : String(row.proto);
  const canonname = row.canonname === null ? '?' : pyStr(row.canonname);
  return `(${family}, ${socktype}, ${proto}, ${canonname}, ${pySockaddr(row.sockaddr)})`;
}
