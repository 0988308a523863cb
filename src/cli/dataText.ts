/**
 * How the CLI's human output shows text it did not write: names and data from DNS, the hosts, services and
 * protocols files, the resolver (canonical names, getfqdn, PTR names). Anyone who controls a name server or /etc
 * chose it, so plain printable ASCII is shown as is and anything else as an escaped, quoted literal (`\xff` for
 * bytes that are not UTF-8, `\u202e` for the rest): terminal escape sequences and bidi controls in hostile data
 * cannot rewrite what the user reads. JSON output is not affected (it is escaped by JSON itself).
 */
export function dataText(text: string): string {
  if (/^[\x21-\x7e]*$/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    // Inside the quotes a space is plain text again; quotes and backslashes are escaped so the literal reads back.
    if (code >= 0x20 && code <= 0x7e && ch !== '\\' && ch !== "'") out += ch;
    else if (ch === "'") out += "\\'";
    else if (ch === '\\') out += '\\\\';
    else if (code >= 0xdc80 && code <= 0xdcff) out += `\\x${(code - 0xdc00).toString(16)}`;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `'${out}'`;
}
