// Preloaded (`node -r out/bench/maxRssHook.js …`) into a benchmarked child process: on exit it writes the process'
// peak RSS (getrusage ru_maxrss, in KiB) to fd 3 as JSON, where bench/scanEndToEnd.ts listens. Without fd 3, nothing.
import * as fs from 'fs';

process.on('exit', () => {
  try {
    fs.writeSync(3, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
  } catch {
    // not run by the bench: no fd 3
  }
});
