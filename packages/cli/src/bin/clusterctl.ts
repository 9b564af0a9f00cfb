#!/usr/bin/env node
// clusterctl: the command line. Talks only to the local node daemon over DATA_DIR/control.sock.
import { main } from '../program.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`error: INTERNAL: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
