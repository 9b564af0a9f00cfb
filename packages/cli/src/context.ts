// What every command handler gets: the resolved global options, a lazily opened client of the local
// daemon, and sinks for the few commands that stream (progress, logs).
import { DaemonClient } from './daemon-client.js';
import { makeSink, type Format, type Output, type Sink, render } from './render.js';

export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
}

export const processIo: Io = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
};

export class Ctx {
  private daemon: DaemonClient | undefined;
  /** Set by handlers that end with another exit code than 0 without an error (a foreground daemon's). */
  exitCode = 0;

  constructor(
    readonly dataDir: string,
    readonly format: Format,
    readonly debug: boolean,
    readonly io: Io = processIo,
    readonly now: () => number = Date.now,
  ) {}

  client(): DaemonClient {
    this.daemon ??= new DaemonClient(this.dataDir);
    return this.daemon;
  }

  /** Events for humans following a long command: stdout in the table format, stderr with --format json (stdout stays one JSON document). */
  progress(): Sink {
    return this.format === 'json' ? makeSink('table', this.io.stderr) : makeSink('table', this.io.stdout);
  }

  /** Streamed results (logs): text lines, or JSON lines with --format json. */
  stream(): Sink {
    return makeSink(this.format, this.io.stdout);
  }

  /** Prints an Output now (for handlers that keep running after their first result, like init --foreground). */
  print(out: Output): void {
    this.io.stdout(render(out, this.format));
  }

  close(): void {
    this.daemon?.close();
  }
}
