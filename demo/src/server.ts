import * as http from 'node:http';

// Bind to loopback only (an address: nothing to look up); the health check below talks to the metrics sidecar.
const HOST = '127.0.0.1';
// Needs DNS, or a line in your hosts file (see hosts.sample).
const METRICS = 'http://metrics.internal:9100/metrics';

http.createServer((_req, res) => res.end('ok')).listen(8080, HOST);
console.log(`listening on http://${HOST}:8080, scraping ${METRICS}`);
