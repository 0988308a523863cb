// A minimal stand-in for the `vscode` module, so that the real extension bundle (dist/extension.js or a
// production build of it) can be loaded and activated in plain Node by the benchmarks. It implements what
// activate() and the hover provider touch; anything else the bundle reaches for gets a no-op stub and is
// recorded in `stubbed`, so the bench can say so instead of crashing when the extension grows.
//
// Also here: a spy on child_process, so the bench can prove that activation spawns nothing and can count the
// requests that reach the helper (decoded from the framed bytes written to its stdin).
import * as ModuleNs from 'module';
import * as path from 'path';
import type { ChildProcess } from 'child_process';
import { MessageReader } from '../src/ipc/framing';
import { MAX_MESSAGE_BYTES } from '../src/ipc/protocol';

type Listener<T> = (e: T) => unknown;
interface DisposableLike {
  dispose(): unknown;
}

class Disposable {
  constructor(private readonly onDispose: () => unknown) {}
  static from(...items: DisposableLike[]): Disposable {
    return new Disposable(() => items.forEach((d) => d.dispose()));
  }
  dispose(): void {
    this.onDispose();
  }
}

class EventEmitter<T> {
  private readonly listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.add(listener);
    return new Disposable(() => this.listeners.delete(listener));
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

/** VS Code's MarkdownString text escaping (src/vs/base/common/htmlContent.ts), so the hover's cost is comparable. */
class MarkdownString {
  isTrusted: unknown = undefined;
  supportHtml = false;
  constructor(
    public value = '',
    public supportThemeIcons = false
  ) {}
  appendText(value: string): this {
    const text = this.supportThemeIcons ? value.replace(/(\\)?\$\([a-z0-9-]+?(?:~[a-z0-9-]*?)?\)/gi, (m: string, esc: string | undefined) => (esc ? m : `\\${m}`)) : value;
    this.value += text
      .replace(/[\\`*_{}[\]()#+\-!~]/g, '\\$&')
      .replace(/([ \t]+)/g, (_m: string, g1: string) => '&nbsp;'.repeat(g1.length))
      .replace(/>/gm, '\\>')
      .replace(/\n/g, '\n\n');
    return this;
  }
  appendMarkdown(value: string): this {
    this.value += value;
    return this;
  }
  appendCodeblock(code: string, language = ''): this {
    this.value += `\n\`\`\`${language}\n${code}\n\`\`\`\n`;
    return this;
  }
}

class Position {
  constructor(
    readonly line: number,
    readonly character: number
  ) {}
}

class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.start = new Position(startLine, startCharacter);
    this.end = new Position(endLine, endCharacter);
  }
}

class Hover {
  constructor(
    readonly contents: unknown,
    readonly range?: Range
  ) {}
}

class TreeItem {
  constructor(
    readonly label: unknown,
    readonly collapsibleState?: number
  ) {}
}

class ThemeIcon {
  constructor(readonly id: string) {}
}

class InlayHint {
  tooltip: unknown;
  constructor(
    readonly position: Position,
    readonly label: unknown,
    readonly kind?: number
  ) {}
}

class CancellationTokenSource {
  private readonly emitter = new EventEmitter<void>();
  readonly token = { isCancellationRequested: false, onCancellationRequested: this.emitter.event };
  cancel(): void {
    this.token.isCancellationRequested = true;
    this.emitter.fire();
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

interface FakeUri {
  scheme: string;
  fsPath: string;
  path: string;
  toString(): string;
}

function fileUri(p: string): FakeUri {
  return { scheme: 'file', fsPath: p, path: p, toString: () => `file://${p}` };
}

/** What the extension registered, for the bench to call. */
export interface Registrations {
  commands: Map<string, (...args: unknown[]) => unknown>;
  hoverProviders: { provideHover: (document: unknown, position: Position, token: unknown) => unknown }[];
}

export interface FakeVscode {
  module: Record<string, unknown>;
  registered: Registrations;
  /** `vscode.<namespace>.<name>` members the extension used that this fake only stubs. */
  stubbed: Set<string>;
  /** A fresh ExtensionContext whose extension lives at `extensionPath`. */
  context(extensionPath: string): { subscriptions: DisposableLike[] } & Record<string, unknown>;
  Position: typeof Position;
  CancellationTokenSource: typeof CancellationTokenSource;
}

function stubFunction(): DisposableLike {
  return { dispose: () => undefined };
}

/** Missing members become recorded no-op stubs (callable, constructible, returning a disposable). */
function lenient<T extends object>(name: string, target: T, stubbed: Set<string>): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      // `__esModule` and `then` are probed by esbuild's interop and by await: absent, not stubs.
      if (typeof prop === 'symbol' || prop in t || prop === 'then' || prop === '__esModule') return Reflect.get(t, prop, receiver) as unknown;
      stubbed.add(`${name}.${prop}`);
      return stubFunction;
    },
  });
}

function memento(): Record<string, unknown> {
  const store = new Map<string, unknown>();
  return {
    get: (key: string, fallback?: unknown) => (store.has(key) ? store.get(key) : fallback),
    update: (key: string, value: unknown) => {
      store.set(key, value);
      return Promise.resolve();
    },
    keys: () => [...store.keys()],
    setKeysForSync: () => undefined,
  };
}

export function createFakeVscode(settings: Record<string, unknown> = {}): FakeVscode {
  const stubbed = new Set<string>();
  const registered: Registrations = { commands: new Map(), hoverProviders: [] };
  const noEvent = (): Disposable => new Disposable(() => undefined);
  const configuration = (section?: string): Record<string, unknown> => ({
    get: (key: string, fallback?: unknown) => {
      const full = section ? `${section}.${key}` : key;
      return full in settings ? settings[full] : fallback;
    },
    has: (key: string) => (section ? `${section}.${key}` : key) in settings,
    inspect: () => undefined,
    update: () => Promise.resolve(),
  });
  const outputChannel = (name: string): Record<string, unknown> =>
    lenient(
      'LogOutputChannel',
      {
        name,
        logLevel: 2,
        onDidChangeLogLevel: noEvent,
        trace: () => undefined,
        debug: () => undefined,
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
        append: () => undefined,
        appendLine: () => undefined,
        replace: () => undefined,
        clear: () => undefined,
        show: () => undefined,
        hide: () => undefined,
        dispose: () => undefined,
      },
      stubbed
    );
  const window = {
    activeTextEditor: undefined,
    visibleTextEditors: [],
    createOutputChannel: outputChannel,
    registerTreeDataProvider: () => new Disposable(() => undefined),
    createTreeView: () => lenient('TreeView', { visible: false, onDidChangeVisibility: noEvent, onDidChangeSelection: noEvent, dispose: () => undefined }, stubbed),
    registerWebviewPanelSerializer: () => new Disposable(() => undefined),
    onDidChangeActiveTextEditor: noEvent,
    onDidChangeVisibleTextEditors: noEvent,
    onDidChangeTextEditorSelection: noEvent,
    onDidChangeTextEditorVisibleRanges: noEvent,
    showInformationMessage: () => Promise.resolve(undefined),
    showWarningMessage: () => Promise.resolve(undefined),
    showErrorMessage: () => Promise.resolve(undefined),
  };
  const workspace = {
    isTrusted: true,
    textDocuments: [],
    workspaceFolders: undefined,
    getConfiguration: configuration,
    onDidChangeConfiguration: noEvent,
    onDidChangeTextDocument: noEvent,
    onDidCloseTextDocument: noEvent,
    onDidOpenTextDocument: noEvent,
    onDidGrantWorkspaceTrust: noEvent,
  };
  const languages = {
    registerHoverProvider: (_selector: unknown, provider: Registrations['hoverProviders'][number]) => {
      registered.hoverProviders.push(provider);
      return new Disposable(() => registered.hoverProviders.splice(registered.hoverProviders.indexOf(provider), 1));
    },
    registerInlayHintsProvider: () => new Disposable(() => undefined),
    registerCodeActionsProvider: () => new Disposable(() => undefined),
  };
  const commands = {
    registerCommand: (id: string, fn: (...args: unknown[]) => unknown) => {
      registered.commands.set(id, fn);
      return new Disposable(() => registered.commands.delete(id));
    },
    executeCommand: (id: string, ...args: unknown[]) => Promise.resolve(registered.commands.get(id)?.(...args)),
  };
  const module = lenient(
    'vscode',
    {
      Disposable,
      EventEmitter,
      MarkdownString,
      Position,
      Range,
      Hover,
      TreeItem,
      ThemeIcon,
      InlayHint,
      CancellationTokenSource,
      TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
      InlayHintKind: { Type: 1, Parameter: 2 },
      CodeActionKind: { RefactorRewrite: { value: 'refactor.rewrite' } },
      ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
      ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
      QuickPickItemKind: { Separator: -1, Default: 0 },
      Uri: { file: fileUri, joinPath: (base: FakeUri, ...parts: string[]) => fileUri(path.join(base.fsPath, ...parts)) },
      window: lenient('vscode.window', window, stubbed),
      workspace: lenient('vscode.workspace', workspace, stubbed),
      languages: lenient('vscode.languages', languages, stubbed),
      commands: lenient('vscode.commands', commands, stubbed),
      env: lenient('vscode.env', { clipboard: { writeText: () => Promise.resolve(), readText: () => Promise.resolve('') } }, stubbed),
      // English only, as VS Code does without a translation bundle: "{0}" placeholders filled from the arguments.
      l10n: { t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (m: string, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m)) },
    },
    stubbed
  );
  const context = (extensionPath: string): { subscriptions: DisposableLike[] } & Record<string, unknown> =>
    lenient(
      'ExtensionContext',
      {
        subscriptions: [] as DisposableLike[],
        extensionPath,
        extensionUri: fileUri(extensionPath),
        asAbsolutePath: (relative: string) => path.join(extensionPath, relative),
        workspaceState: memento(),
        globalState: memento(),
        extensionMode: 1,
      },
      stubbed
    );
  return { module, registered, stubbed, context, Position, CancellationTokenSource };
}

// The real module objects: an `import * as` namespace is a copy under esbuild, and patching a copy does nothing.
const realRequire = ModuleNs.createRequire(__filename);
const Module = realRequire('module') as typeof ModuleNs;

interface ModuleInternals {
  _resolveFilename: (this: unknown, request: string, ...rest: unknown[]) => string;
}

const FAKE_ID = path.join(__dirname, '__fake_vscode__.js');

/**
 * Makes `require('vscode')` return `fake` (via Module._resolveFilename and the require cache), loads
 * `bundlePath` afresh and returns its exports. Call the returned `restore` when done.
 */
export function loadWithFakeVscode(bundlePath: string, fake: FakeVscode): { exports: Record<string, unknown>; restore: () => void } {
  const internals = Module as unknown as ModuleInternals;
  const original = internals._resolveFilename;
  internals._resolveFilename = function (request: string, ...rest: unknown[]): string {
    return request === 'vscode' ? FAKE_ID : original.call(this, request, ...rest);
  };
  const fakeModule = new Module.Module(FAKE_ID);
  fakeModule.exports = fake.module;
  fakeModule.loaded = true;
  const load = realRequire;
  load.cache[FAKE_ID] = fakeModule;
  const resolved = load.resolve(bundlePath);
  delete load.cache[resolved];
  const exports = load(resolved) as Record<string, unknown>;
  return {
    exports,
    restore: () => {
      internals._resolveFilename = original;
      delete load.cache[FAKE_ID];
      delete load.cache[resolved];
    },
  };
}

/** Counts what this process spawns, and the helper requests written to forked children's stdin, by method. */
export class ChildProcessSpy {
  readonly spawned: string[] = [];
  readonly requests = new Map<string, number>();
  /** Requests by method and host (getaddrinfo), e.g. `getaddrinfo localhost`. */
  readonly hosts = new Map<string, number>();
  private readonly restoreFns: (() => void)[] = [];

  constructor() {
    const cp = realRequire('child_process') as Record<string, unknown>;
    for (const name of ['fork', 'spawn', 'exec', 'execFile', 'spawnSync', 'execSync', 'execFileSync']) {
      const original = cp[name] as (...args: unknown[]) => unknown;
      cp[name] = (...args: unknown[]): unknown => {
        this.spawned.push(`${name} ${String(args[0])}`);
        const child = original(...args);
        if (name === 'fork') this.watchStdin(child as ChildProcess);
        return child;
      };
      this.restoreFns.push(() => (cp[name] = original));
    }
  }

  count(method: string): number {
    return this.requests.get(method) ?? 0;
  }

  reset(): void {
    this.spawned.length = 0;
    this.requests.clear();
    this.hosts.clear();
  }

  restore(): void {
    for (const r of this.restoreFns.splice(0)) r();
  }

  private watchStdin(child: ChildProcess): void {
    const stdin = child.stdin;
    if (!stdin) return;
    const reader = new MessageReader(MAX_MESSAGE_BYTES, {
      onMessage: (message) => {
        const m = message as { method?: unknown; params?: { host?: unknown } };
        const method = String(m.method);
        this.requests.set(method, (this.requests.get(method) ?? 0) + 1);
        if (typeof m.params?.host === 'string') {
          const key = `${method} ${m.params.host}`;
          this.hosts.set(key, (this.hosts.get(key) ?? 0) + 1);
        }
      },
      onError: () => undefined,
    });
    const write = stdin.write.bind(stdin) as (chunk: unknown, ...rest: unknown[]) => boolean;
    const spying = (chunk: unknown, ...rest: unknown[]): boolean => {
      if (Buffer.isBuffer(chunk)) reader.push(chunk);
      return write(chunk, ...rest);
    };
    stdin.write = spying as typeof stdin.write;
  }
}
