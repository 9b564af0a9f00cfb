#!/usr/bin/env node
// The routing-mesh benchmark's backend: an HTTP/1.1 keep-alive server answering every request with
// "NAME REMOTE-ADDRESS" (the address the connection came from, so the client can tell whether its
// own address was kept). The benchmark runs it inside a task container's network namespace
// (nsenter on the lab node), from the repository mounted into the lab: it imports nothing of ours.
//
// Usage: node mesh-server.js PORT NAME
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? '8000');
const name = process.argv[3] ?? 'server';

const server = createServer((req, res) => {
  const body = `${name} ${req.socket.remoteAddress ?? ''}`;
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 600_000;
server.headersTimeout = 600_000 + 1_000;
server.listen(port, '0.0.0.0');
for (const sig of ['SIGTERM', 'SIGINT'] as const) process.once(sig, () => server.close(() => process.exit(0)));
