/**
 * The few values of a Kubernetes manifest that decide a pod's DNS, read line by line: the documents of a file
 * (`---`), each document's `apiVersion`, `kind`, `metadata.namespace` and the scalars under its pod spec
 * (`dnsPolicy`, `hostNetwork`, `dnsConfig`, `hostAliases`). NetLens has no YAML parser among its dependencies, and
 * this needs none: block mappings and sequences (also "compact" sequences at their key's indentation), flow
 * collections (`[a, b]`, `{name: ndots, value: "2"}`), quotes, comments, anchors and tags, block scalars (`|`, `>`,
 * whose lines are text, not keys) are understood. Helm templates (`{{ … }}`) are not YAML: a value holding one is
 * marked templated, and a template line standing where a block's content would be marks that block, so the caller
 * can say "set by a template" instead of guessing. Nothing here throws on any input. Pure (no vscode).
 */

/** A scalar as read: its text without quotes, whether a `{{ … }}` template makes it unknown, and its 0-based line. */
export interface ManifestValue {
  text: string;
  templated: boolean;
  line: number;
}

/** The keys whose subtrees are kept: everything the DNS preview reads is under one of them. */
const KEPT_KEYS = new Set(['apiVersion', 'kind', 'metadata', 'namespace', 'dnsPolicy', 'hostNetwork', 'dnsConfig', 'hostAliases']);

/** Path parts are joined with a character no YAML key of a manifest holds (keys may contain `.` and `/`). */
const SEP = '\u0000';

function pathKey(path: readonly string[]): string {
  return path.join(SEP);
}

/** One YAML document of a file: its line range and the values read in it. */
export class ManifestDocument {
  private readonly values = new Map<string, ManifestValue>();
  private readonly lengths = new Map<string, number>();
  private readonly templatedPaths: string[] = [];

  constructor(
    /** 0-based first line of the document (the line after its `---`, or 0). */
    readonly startLine: number,
    /** 0-based line after its last line (its closing `---`/`...`, or the line count). */
    public endLine: number
  ) {}

  /** The scalar at a path (`['spec', 'template', 'spec', 'dnsPolicy']`; sequence items are `[0]`, `[1]`, …). */
  scalar(path: readonly string[]): ManifestValue | undefined {
    return this.values.get(pathKey(path));
  }

  /** The scalar items of the sequence at a path, in order (items that are not scalars are skipped). */
  scalars(path: readonly string[]): ManifestValue[] {
    const items: ManifestValue[] = [];
    for (let i = 0; i < this.sequenceLength(path); i++) {
      const item = this.scalar([...path, `[${i}]`]);
      if (item) items.push(item);
    }
    return items;
  }

  /** How many items the sequence at a path has (0 when there is none). */
  sequenceLength(path: readonly string[]): number {
    return this.lengths.get(pathKey(path)) ?? 0;
  }

  /** Whether a template stands at or under a path: a templated value, or a `{{ … }}` line as a block's content. */
  templatedAt(path: readonly string[]): boolean {
    const prefix = pathKey(path);
    return this.templatedPaths.some((p) => p === prefix || p.startsWith(prefix + SEP));
  }

  /** The top-level `apiVersion` and `kind`, when both are plain strings. */
  get apiVersion(): string | null {
    return this.plain(['apiVersion']);
  }

  get kind(): string | null {
    return this.plain(['kind']);
  }

  private plain(path: readonly string[]): string | null {
    const value = this.scalar(path);
    return value && !value.templated && value.text !== '' ? value.text : null;
  }

  /** @internal Used by the reader. */
  record(path: readonly string[], value: ManifestValue): void {
    const key = pathKey(path);
    // A key written twice: YAML parsers in Kubernetes reject the document or keep the last; the first is as good a guess.
    if (!this.values.has(key)) this.values.set(key, value);
    if (value.templated) this.templatedPaths.push(key);
  }

  /** @internal */
  recordLength(path: readonly string[], length: number): void {
    this.lengths.set(pathKey(path), Math.max(length, this.lengths.get(pathKey(path)) ?? 0));
  }

  /** @internal */
  recordTemplate(path: readonly string[]): void {
    this.templatedPaths.push(pathKey(path));
  }
}

/** A file's documents in order; every line of the file belongs to at most one. */
export class ManifestFile {
  constructor(readonly documents: readonly ManifestDocument[]) {}

  /** The document a 0-based line is in (the `---` lines themselves are in none). */
  documentAt(line: number): ManifestDocument | undefined {
    let lo = 0;
    let hi = this.documents.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const doc = this.documents[mid];
      if (line < doc.startLine) hi = mid - 1;
      else if (line >= doc.endLine) lo = mid + 1;
      else return doc;
    }
    return undefined;
  }
}

/** A block that is open while the following lines are read: a key whose value is the next lines, or a sequence item. */
interface Frame {
  indent: number;
  part: string;
  item: boolean;
  /** Items seen so far in the sequence this frame holds (a key's value or an item that is itself a sequence). */
  items: number;
}

/** Reads every document of a file. Linear in its length; each line is looked at once. */
export function readManifest(text: string): ManifestFile {
  const lines = text.split('\n');
  const documents: ManifestDocument[] = [];
  let reader = new DocumentReader(new ManifestDocument(0, lines.length));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (/^(---|\.\.\.)(\s|$)/.test(line)) {
      reader.document.endLine = i;
      documents.push(reader.document);
      reader = new DocumentReader(new ManifestDocument(i + 1, lines.length));
      continue;
    }
    reader.read(line, i);
  }
  documents.push(reader.document);
  return new ManifestFile(documents.filter((d) => d.endLine > d.startLine));
}

class DocumentReader {
  private readonly stack: Frame[] = [];
  private readonly rootItems = { items: 0 };
  /** While set, lines indented deeper than this are a block scalar's text (`key: |`). */
  private blockScalarIndent: number | null = null;
  /** A flow collection that goes on over more lines (`searches: [a,` …). */
  private flow: { path: string[]; text: string; line: number; nesting: FlowNesting } | null = null;

  constructor(readonly document: ManifestDocument) {}

  read(raw: string, lineNumber: number): void {
    const indent = leadingBlanks(raw);
    if (this.blockScalarIndent !== null) {
      if (indent === raw.length || indent > this.blockScalarIndent) return;
      this.blockScalarIndent = null;
    }
    const content = stripComment(raw.slice(indent)).trimEnd();
    if (this.flow) {
      const chunk = ' ' + content.trim();
      this.flow.text += chunk;
      // Lines of an unclosed collection are joined for at most this many characters: a stray `[` must not swallow the file.
      if (flowNesting(chunk, this.flow.nesting).depth <= 0 || this.flow.text.length > 65_536) {
        this.recordFlow(this.flow.path, this.flow.text, this.flow.line);
        this.flow = null;
      }
      return;
    }
    // Blank and comment lines, and YAML directives (`%YAML 1.2`) before a document's content.
    if (content === '' || (indent === 0 && content.startsWith('%'))) return;
    if (content.startsWith('{{')) {
      // A template line where content would be (`{{- toYaml .Values.dnsConfig | nindent 8 }}`, `{{- if … }}`): it
      // opens no block, but whatever it produces belongs to the enclosing one, which is therefore not known.
      const parents = this.stack.filter((f) => f.indent < indent).map((f) => f.part);
      if (kept(parents)) this.document.recordTemplate(parents);
      return;
    }
    const dash = /^-(\s|$)/.test(content);
    while (this.stack.length) {
      const top = this.stack[this.stack.length - 1];
      // A sequence may sit at its key's indentation ("compact" style): a dash there continues the key's block.
      if (top.indent > indent || (top.indent === indent && (top.item || !dash))) this.stack.pop();
      else break;
    }
    this.readContent(content, indent, lineNumber);
  }

  /** Reads what follows the indentation, after any number of `- ` item markers. */
  private readContent(content: string, column: number, lineNumber: number): void {
    let rest = content;
    let col = column;
    while (/^-(\s|$)/.test(rest)) {
      const parent = this.stack.length ? this.stack[this.stack.length - 1] : this.rootItems;
      const index = parent.items++;
      const path = this.path();
      if (kept(path)) this.document.recordLength(path, parent.items);
      this.stack.push({ indent: col, part: `[${index}]`, item: true, items: 0 });
      const after = rest.slice(1);
      const blanks = leadingBlanks(after);
      col += 1 + blanks;
      rest = after.slice(blanks);
      if (rest === '') return; // the item's content is on the next lines
    }
    const pair = splitKey(rest);
    if (!pair) {
      // A scalar item (`- 10.0.0.10`), a flow collection as an item, or a plain scalar's continuation line.
      const top = this.stack[this.stack.length - 1];
      if (!top?.item || top.indent >= col) return;
      // A block scalar item (`- |`): its text is indented deeper than the dash, and none of it is a key.
      if (/^[|>]/.test(stripProperties(rest))) this.blockScalarIndent = top.indent;
      else this.recordValue(this.path(), rest, lineNumber);
      return;
    }
    const path = [...this.path(), pair.key];
    const value = stripProperties(pair.value);
    if (value === '') {
      this.stack.push({ indent: col, part: pair.key, item: false, items: 0 });
    } else if (/^[|>]/.test(value)) {
      this.blockScalarIndent = col;
    } else {
      this.recordValue(path, value, lineNumber);
    }
  }

  private path(): string[] {
    return this.stack.map((f) => f.part);
  }

  private recordValue(path: string[], value: string, lineNumber: number): void {
    if (!kept(path)) return;
    if ((value.startsWith('[') || value.startsWith('{')) && !value.startsWith('{{')) {
      const nesting = flowNesting(value, { depth: 0, quote: null });
      if (nesting.depth <= 0) this.recordFlow(path, value, lineNumber);
      else this.flow = { path, text: value, line: lineNumber, nesting };
      return;
    }
    this.document.record(path, scalarValue(value, lineNumber));
  }

  private recordFlow(path: string[], text: string, lineNumber: number): void {
    const node = new FlowReader(text).node();
    this.recordNode(path, node, lineNumber);
  }

  private recordNode(path: string[], node: FlowNode, lineNumber: number): void {
    if (typeof node === 'string') this.document.record(path, scalarValue(node, lineNumber));
    else if (Array.isArray(node)) {
      this.document.recordLength(path, node.length);
      node.forEach((item, i) => this.recordNode([...path, `[${i}]`], item, lineNumber));
    } else for (const [key, value] of node) this.recordNode([...path, key], value, lineNumber);
  }
}

function kept(path: readonly string[]): boolean {
  return path.some((part) => KEPT_KEYS.has(part));
}

function leadingBlanks(s: string): number {
  let i = 0;
  // YAML forbids tabs in indentation; a tab here is counted like a blank rather than refused.
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  return i;
}

/** The line without its comment: a `#` that starts the content or follows a blank, outside quotes. */
function stripComment(s: string): string {
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      // A quote opens a quoted scalar only at a scalar's start; `it's` in a plain scalar is an apostrophe.
      if (i === 0 || /[\s:[{,-]/.test(s[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || s[i - 1] === ' ' || s[i - 1] === '\t')) return s.slice(0, i);
  }
  return s;
}

/** `key: value` (the value may be empty) with the key unquoted, or null when the content is not a mapping entry. */
function splitKey(content: string): { key: string; value: string } | null {
  if (content.startsWith('"') || content.startsWith("'")) {
    const end = quotedEnd(content);
    if (end < 0) return null;
    const m = /^\s*:(\s|$)/.exec(content.slice(end));
    return m ? { key: unquote(content.slice(0, end)), value: content.slice(end + m[0].length).trim() } : null;
  }
  if (/^[[{]/.test(content)) return null;
  // A plain key ends at the first `: ` (or a final `:`); `http://x` and `redis:6379` have none.
  const m = /^([^\s#][^]*?)\s*:(\s+|$)/.exec(content);
  if (!m || m[1].includes('{{')) return null;
  return { key: m[1], value: content.slice(m[0].length).trim() };
}

/** The index after a quoted scalar's closing quote, or -1 when it does not close on this line. */
function quotedEnd(s: string): number {
  const quote = s[0];
  for (let i = 1; i < s.length; i++) {
    if (quote === '"' && s[i] === '\\') i++;
    else if (s[i] === quote) {
      if (quote === "'" && s[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return -1;
}

/** A value without its anchor (`&name`) and tag (`!!str`, `!custom`), which do not change the text. */
function stripProperties(value: string): string {
  let v = value;
  for (;;) {
    const m = /^(?:&[^\s]+|!{1,2}[^\s]*)(\s+|$)/.exec(v);
    if (!m) return v;
    v = v.slice(m[0].length);
  }
}

function scalarValue(raw: string, line: number): ManifestValue {
  const text = unquote(stripProperties(raw.trim()));
  return { text, templated: raw.includes('{{'), line };
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '"': '"', '\\': '\\', '/': '/', ' ': ' ' };

/** A scalar's text: double quotes with their escapes, single quotes with `''`, or the plain text. */
function unquote(s: string): string {
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) {
    return s.slice(1, -1).replace(/\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)/g, (_, e: string) => {
      if (e.length === 1) return ESCAPES[e] ?? e;
      const code = parseInt(e.slice(1), 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : e;
    });
  }
  if (s.length >= 2 && s.startsWith("'") && s.endsWith("'")) return s.slice(1, -1).replace(/''/g, "'");
  return s;
}

/** How deep inside a flow collection's brackets, and inside which quote, the text read so far ends. */
interface FlowNesting {
  depth: number;
  quote: string | null;
}

/** Carries the nesting over one more piece of a flow collection (each piece is read once, however many lines). */
function flowNesting(text: string, nesting: FlowNesting): FlowNesting {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (nesting.quote) {
      if (c === '\\' && nesting.quote === '"') i++;
      else if (c === nesting.quote) nesting.quote = null;
    } else if (c === '"' || c === "'") nesting.quote = c;
    else if (c === '[' || c === '{') nesting.depth++;
    else if (c === ']' || c === '}') nesting.depth--;
  }
  return nesting;
}

type FlowNode = string | FlowNode[] | Map<string, FlowNode>;

/** A flow collection (`[a, "b", {name: ndots, value: "2"}]`), read forgivingly: what does not parse becomes text. */
class FlowReader {
  private i = 0;
  constructor(private readonly s: string) {}

  node(): FlowNode {
    this.blanks();
    const c = this.s[this.i];
    if (c === '[') return this.sequence();
    if (c === '{' && this.s[this.i + 1] !== '{') return this.mapping();
    return this.scalar();
  }

  private sequence(): FlowNode[] {
    const items: FlowNode[] = [];
    this.i++; // [
    for (;;) {
      this.blanks();
      if (this.i >= this.s.length) return items;
      if (this.s[this.i] === ']') {
        this.i++;
        return items;
      }
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      const before = this.i;
      items.push(this.node());
      if (this.i === before) this.i++;
    }
  }

  private mapping(): Map<string, FlowNode> {
    const map = new Map<string, FlowNode>();
    this.i++; // {
    for (;;) {
      this.blanks();
      if (this.i >= this.s.length) return map;
      if (this.s[this.i] === '}') {
        this.i++;
        return map;
      }
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      const before = this.i;
      const key = this.scalar(true);
      this.blanks();
      let value: FlowNode = '';
      if (this.s[this.i] === ':') {
        this.i++;
        value = this.node();
      }
      if (key !== '') map.set(key, value);
      if (this.i === before) this.i++;
    }
  }

  /** A quoted or plain scalar; a plain one ends at `,`, a closing bracket, or (for a key) `:`. */
  private scalar(asKey = false): string {
    this.blanks();
    const c = this.s[this.i];
    if (c === '"' || c === "'") {
      const end = quotedEnd(this.s.slice(this.i));
      const raw = end < 0 ? this.s.slice(this.i) : this.s.slice(this.i, this.i + end);
      this.i += end < 0 ? raw.length : end;
      return unquote(raw);
    }
    const start = this.i;
    let depth = 0; // inside a `{{ … }}` template
    while (this.i < this.s.length) {
      const ch = this.s[this.i];
      if (ch === '{' && this.s[this.i + 1] === '{') {
        depth++;
        this.i += 2;
        continue;
      }
      if (ch === '}' && this.s[this.i + 1] === '}' && depth > 0) {
        depth--;
        this.i += 2;
        continue;
      }
      if (depth === 0 && (ch === ',' || ch === ']' || ch === '}' || (asKey && ch === ':'))) break;
      this.i++;
    }
    return this.s.slice(start, this.i).trim();
  }

  private blanks(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }
}
