// `node out/bench/linkifyScanScript.js FILE`: the end-to-end baseline for `netlens scan FILE --json`: read the file,
// run linkify-it over it line by line, print the matches as one JSON array (line, UTF-16 offset and length, as the
// CLI does). What a small script built on linkify-it would do; run by bench/scanEndToEnd.ts.
import * as fs from 'fs';
import { newLinkify } from './linkify';

interface LinkifyMatchJson {
  schema: string;
  text: string;
  url: string;
  line: number;
  character: number;
  length: number;
}

const linkify = newLinkify();
const out: LinkifyMatchJson[] = [];
fs.readFileSync(process.argv[2], 'utf8')
  .split(/\r\n|\r|\n/)
  .forEach((lineText, line) => {
    for (const m of linkify.match(lineText) ?? []) out.push({ schema: m.schema, text: m.text, url: m.url, line, character: m.index, length: m.lastIndex - m.index });
  });
process.stdout.write(JSON.stringify(out) + '\n');
