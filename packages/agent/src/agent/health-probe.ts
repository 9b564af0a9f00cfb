// Health checks the agent makes itself (a service's --health-http / --health-tcp): a probe against
// the task's address every interval, with Docker's semantics for the rest. A task starts
// `starting`; a success makes it `healthy`; `retries` failures in a row make it `unhealthy`, except
// failures within the start period while it has not been healthy yet (they do not count). A probe
// that takes longer than the timeout fails. No process runs in the container: an HTTP request or a
// TCP connection from the node costs far less than an exec.
import { request } from 'node:http';
import { connect } from 'node:net';
import type { Clock, TimerHandle } from '@clusterctl/common';
import type { TaskHealth } from './task-model.js';

export interface ProbeOutcome {
  ok: boolean;
  /** What to show for a failure (the probe's output); '' for a success. */
  output: string;
}

/** One probe; aborting the signal (the timeout) ends it. */
export type Probe = (signal: AbortSignal) => Promise<ProbeOutcome>;

export interface HealthProberConfig {
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  startPeriodMs: number;
  /** When the container started (ms since the Unix epoch): the start period counts from it. */
  startedAt: number;
  /** The state to start from: 'starting' for a new task; an adopted task keeps what was reported. */
  initial?: TaskHealth;
  clock: Clock;
  probe: Probe;
  /** The health changed, or its message did (the first failure after a success, a success after failures). */
  onChange: (health: TaskHealth, message: string) => void;
}

/** A probe's output kept as the health message. */
export const MAX_PROBE_OUTPUT_CHARS = 1024;

export class HealthProber {
  private health: TaskHealth;
  private message = '';
  private streak = 0;
  private timer: TimerHandle | undefined;
  private running: AbortController | undefined;
  private stopped = false;

  constructor(private readonly cfg: HealthProberConfig) {
    this.health = cfg.initial ?? 'starting';
  }

  get state(): TaskHealth {
    return this.health;
  }

  /** The first probe goes out one interval from now (as the engine's checks). */
  start(): void {
    if (this.stopped || this.timer !== undefined) return;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.cfg.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.running?.abort();
  }

  private schedule(): void {
    this.timer = this.cfg.clock.setTimeout(() => {
      this.timer = undefined;
      void this.runOnce();
    }, this.cfg.intervalMs);
  }

  private async runOnce(): Promise<void> {
    if (this.stopped) return;
    const at = this.cfg.clock.now();
    const ac = new AbortController();
    this.running = ac;
    let timeout: TimerHandle | undefined;
    const timedOut = new Promise<ProbeOutcome>((resolve) => {
      timeout = this.cfg.clock.setTimeout(() => {
        ac.abort();
        resolve({ ok: false, output: `health check timed out after ${this.cfg.timeoutMs} ms` });
      }, this.cfg.timeoutMs);
    });
    const outcome = await Promise.race([
      this.cfg.probe(ac.signal).catch((e: unknown) => ({
        ok: false,
        output: e instanceof Error ? e.message : String(e),
      })),
      timedOut,
    ]);
    if (timeout !== undefined) this.cfg.clock.clearTimeout(timeout);
    this.running = undefined;
    if (this.stopped) return;
    this.record(outcome, at);
    if (this.health !== 'unhealthy') this.schedule();
  }

  /** Docker's rules for one probe's outcome. */
  private record(outcome: ProbeOutcome, at: number): void {
    if (outcome.ok) {
      this.streak = 0;
      this.set('healthy', '');
      return;
    }
    const output = outcome.output.trim().slice(0, MAX_PROBE_OUTPUT_CHARS) || 'health check failed';
    if (this.health === 'starting' && at - this.cfg.startedAt < this.cfg.startPeriodMs) {
      this.set('starting', output);
      return;
    }
    this.streak++;
    this.set(this.streak >= this.cfg.retries ? 'unhealthy' : this.health, output);
  }

  private set(health: TaskHealth, message: string): void {
    const changed = health !== this.health || (message === '') !== (this.message === '');
    this.health = health;
    this.message = message;
    if (changed) this.cfg.onChange(health, message);
  }
}

/** GET http://host:port/path: 2xx and 3xx are healthy (the body is read and dropped). */
export function httpProbe(target: () => Promise<{ host: string; port: number }>, path: string): Probe {
  return async (signal) => {
    const { host, port } = await target();
    return new Promise<ProbeOutcome>((resolve) => {
      const url = `http://${host}:${port}${path}`;
      const req = request(
        {
          host,
          port,
          path,
          method: 'GET',
          signal,
          headers: { 'user-agent': 'clusterctl-health', connection: 'close' },
        },
        (res) => {
          res.resume();
          const code = res.statusCode ?? 0;
          if (code >= 200 && code < 400) resolve({ ok: true, output: '' });
          else resolve({ ok: false, output: `GET ${url}: HTTP ${code} ${res.statusMessage ?? ''}`.trim() });
        },
      );
      req.on('error', (e) => resolve({ ok: false, output: `GET ${url}: ${e.message}` }));
      req.end();
    });
  };
}

/** A TCP connection to host:port: healthy once it is accepted. */
export function tcpProbe(target: () => Promise<{ host: string; port: number }>): Probe {
  return async (signal) => {
    const { host, port } = await target();
    return new Promise<ProbeOutcome>((resolve) => {
      const sock = connect({ host, port, signal });
      sock.once('connect', () => {
        sock.destroy();
        resolve({ ok: true, output: '' });
      });
      sock.once('error', (e) => {
        sock.destroy();
        resolve({ ok: false, output: `connect ${host}:${port}: ${e.message}` });
      });
    });
  };
}
