// The forked resolver helper. It owns every blocking resolver call so that a slow or hung getaddrinfo never
// stalls DNS in the extension host. It talks to its parent over stdin/stdout with length-prefixed JSON and
// writes diagnostics to stderr (shown in the "NetLens" output channel).
import { threadpoolSize } from './threadpool'; // must stay first: sets UV_THREADPOOL_SIZE before any pool use
import { encodeMessage, MessageReader } from '../ipc/framing';
import { HELPER_EXIT_RESTART, MAX_MESSAGE_BYTES, type HelperToClientMessage } from '../ipc/protocol';
import { GaiConfWatch } from './gaiConfWatch';
import { RequestHandler } from './requestHandler';
import { platformFeatures } from '../core/platform';
import { hostPlatform } from './libcInfo';
import { selectBackend } from './selectBackend';

// stdout is the protocol channel: anything logged with console.log would corrupt it.
console.log = console.error;
console.info = console.error;

const platform = hostPlatform();
const { backend, note } = selectBackend(__dirname, platform);

function send(message: HelperToClientMessage): void {
  process.stdout.write(encodeMessage(message));
}

function shutdown(): void {
  process.exit(0);
}

// Only glibc reads gai.conf (once per process): elsewhere a change of that file changes nothing.
const gaiConf = platformFeatures(platform).addressOrder === 'glibc' ? new GaiConfWatch() : null;

const handler = new RequestHandler({
  backend,
  backendNote: note,
  threadpoolSize,
  testHooks: process.env.NETLENS_HELPER_TEST_HOOKS === '1',
  configChanged: () => gaiConf?.changed() ?? false,
  retire: (reason) => {
    console.error(`netlens-helper: ${reason}; exiting so that a fresh helper answers`);
    process.exit(HELPER_EXIT_RESTART);
  },
  writeRaw: (bytes) => process.stdout.write(bytes),
  sendProgress: (id, progress) => send({ type: 'progress', id, progress }),
  shutdown,
});

const reader = new MessageReader(MAX_MESSAGE_BYTES, {
  onMessage: (message) => {
    if (handler.cancel(message)) return;
    handler.handle(message).then(
      (response) => {
        if (response) send(response);
        else console.error(`netlens-helper: ignored a message that is not a request: ${JSON.stringify(message).slice(0, 200)}`);
      },
      (err: unknown) => console.error(`netlens-helper: ${String(err)}`)
    );
  },
  onError: (description) => console.error(`netlens-helper: bad input from the extension host: ${description}`),
});

process.stdin.on('data', (chunk: Buffer) => reader.push(chunk));
// The parent is gone (closed our stdin or the fork channel): nobody can read our answers any more.
process.stdin.on('end', shutdown);
process.on('disconnect', shutdown);
process.stdout.on('error', shutdown);

console.error(`netlens-helper: pid ${process.pid}, backend ${backend.name}${note ? ` (${note})` : ''}, UV_THREADPOOL_SIZE=${threadpoolSize}`);
send({ type: 'ready', pid: process.pid, backend: backend.name });
