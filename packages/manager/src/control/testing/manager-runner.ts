#!/usr/bin/env node
// Test helper process: runs one Manager (no agent) so tests can kill it with SIGKILL.
//   node manager-runner.js init    --data-dir D --listen HOST:PORT
//   node manager-runner.js join    --data-dir D --listen HOST:PORT --token T --manager ADDR
//   node manager-runner.js restart --data-dir D [--listen HOST:PORT --advertise HOST:PORT]
// Prints one JSON line {"ready":true,...} on stdout once serving; logs go to D/manager.log.

import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createLogger } from '@clusterctl/common';
import { Manager } from '../../manager.js';
import { joinCluster } from '@clusterctl/ca';

const { positionals, values: a } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string' },
    listen: { type: 'string' },
    advertise: { type: 'string' },
    token: { type: 'string' },
    manager: { type: 'string' },
    hostname: { type: 'string' },
  },
});
const mode = positionals[0];
const dataDir = a['data-dir'];
if (dataDir === undefined || (mode !== 'init' && mode !== 'join' && mode !== 'restart')) {
  process.stderr.write(
    'usage: manager-runner init|join|restart --data-dir D [--listen A] [--token T --manager ADDR]\n',
  );
  process.exit(2);
}
mkdirSync(dataDir, { recursive: true });
const logger = createLogger({ name: 'manager-runner', destination: join(dataDir, 'manager.log') });
const raft = { tickMs: 50, electionTick: 10 };
const hostname = a.hostname ?? `host-${process.pid}`;

let m: Manager;
if (mode === 'init') {
  m = await Manager.init({ dataDir, listenAddr: a.listen ?? '127.0.0.1:0', hostname, logger, raft });
} else if (mode === 'join') {
  const listen = a.listen ?? '';
  const joined = await joinCluster({
    managerAddr: a.manager ?? '',
    token: a.token ?? '',
    hostname,
    advertiseAddr: listen,
  });
  m = await Manager.join({ dataDir, listenAddr: listen, hostname, joined, logger, raft });
} else {
  m = await Manager.restart({
    dataDir,
    logger,
    raft,
    ...(a.listen === undefined ? {} : { listenAddr: a.listen }),
    ...(a.advertise === undefined ? {} : { advertiseAddr: a.advertise }),
  });
}
process.stdout.write(
  JSON.stringify({ ready: true, nodeId: m.nodeId, clusterId: m.clusterId, raftId: m.raftId, addr: m.advertiseAddr }) +
    '\n',
);
m.onFatal(() => process.exit(1));
const stop = (): void => {
  m.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
