// The Control service on the local socket, forwarded to a manager over mutual TLS with this node's
// certificate. Messages pass through as bytes (no decode/encode here). The local manager is tried
// first, then the other managers; a call that finds no leader (UNAVAILABLE: an election, a manager
// restarting) is retried across managers with a short backoff until its deadline, so CLI calls made
// during a failover wait and then succeed. A write is sent again only when it cannot have been
// applied (a manager's own NO_LEADER, or no connection to put it on); one whose connection dropped
// after it was sent ends with UNAVAILABLE, outcome unknown. Errors from the managers reach the CLI unchanged (with
// their clusterctl-error-code / -hint trailers); when none answered, the error lists the managers
// tried and why each failed (control-proxy-errors.ts).
import * as grpc from '@grpc/grpc-js';
import { managerChannelOptions } from '@clusterctl/agent';
import { managerChannelCredentials, type NodeTls } from '@clusterctl/ca';
import { Backoff, ClusterError, ErrorCode, toGrpcError, type BackoffPolicy, type Logger } from '@clusterctl/common';
import { ControlService } from '@clusterctl/proto';
import { forwardedError, noManagerError, retryable } from './control-proxy-errors.js';

export interface ControlProxyConfig {
  clusterId: string;
  tls: () => NodeTls;
  /**
   * Channel credentials to use instead of a static copy of tls(): the daemon passes its certificate
   * provider, so channels reconnecting after a certificate renewal present the renewed certificate.
   */
  credentials?: () => grpc.ChannelCredentials;
  /** This node's role now (workers cannot use Control). */
  role: () => 'manager' | 'worker';
  /** Manager addresses to try, the preferred (local) one first. */
  targets: () => string[];
  log: Logger;
  /** Longest a call may take including retries, when the caller sets no earlier deadline. */
  callTimeoutMs?: number;
  /** Longest one attempt may take. */
  attemptTimeoutMs?: number;
}

export const CONTROL_PROXY_DEFAULTS = { callTimeoutMs: 30_000, attemptTimeoutMs: 10_000 } as const;

const passThrough = (b: Buffer): Buffer => b;
const DEADLINE_MARGIN_MS = 250;

/** Between rounds over the managers: 50 ms doubling to 500 ms, up to 20% longer at random. */
const RETRY_BACKOFF: BackoffPolicy = { initialMs: 50, maxMs: 500, jitter: [1, 1.2] };

/** A Control method as generated; `noSideEffects` (from the .proto) marks the reads a timeout may retry. */
type MethodDef = {
  path: string;
  requestStream: boolean;
  responseStream: boolean;
  originalName?: string;
  noSideEffects: boolean;
};

export class ControlProxy {
  private readonly clients = new Map<string, grpc.Client>();
  private readonly cfg: ControlProxyConfig & { callTimeoutMs: number; attemptTimeoutMs: number };
  private preferred: string | undefined;

  constructor(cfg: ControlProxyConfig) {
    this.cfg = { ...CONTROL_PROXY_DEFAULTS, ...cfg };
  }

  /** The service definition (bytes in, bytes out) and its handlers, for the local socket server. */
  service(): { definition: grpc.ServiceDefinition; handlers: grpc.UntypedServiceImplementation } {
    const definition: Record<string, grpc.MethodDefinition<Buffer, Buffer>> = {};
    const handlers: grpc.UntypedServiceImplementation = {};
    for (const [name, def] of Object.entries(ControlService as unknown as Record<string, MethodDef>)) {
      definition[name] = {
        path: def.path,
        requestStream: def.requestStream,
        responseStream: def.responseStream,
        requestSerialize: passThrough,
        requestDeserialize: passThrough,
        responseSerialize: passThrough,
        responseDeserialize: passThrough,
        ...(def.originalName === undefined ? {} : { originalName: def.originalName }),
      };
      if (def.requestStream) throw new Error(`Control.${name}: client streams are not forwarded`);
      handlers[name] = def.responseStream ? this.serverStream(def) : this.unary(name, def);
    }
    return { definition: definition as grpc.ServiceDefinition, handlers };
  }

  close(): void {
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }

  private notManager(): grpc.ServiceError {
    return toGrpcError(
      new ClusterError(ErrorCode.FailedPrecondition, 'this node is not a manager', {
        hint: 'run the command on a manager node (`clusterctl node ls` there lists them), or promote this node with `clusterctl node promote` on a manager',
      }),
    );
  }

  private client(addr: string): grpc.Client {
    let c = this.clients.get(addr);
    if (!c) {
      const tls = this.cfg.tls();
      const creds = this.cfg.credentials?.() ?? managerChannelCredentials(tls, this.cfg.clusterId);
      c = new grpc.Client(addr, creds, {
        ...managerChannelOptions({ clusterId: this.cfg.clusterId, tls }),
        'grpc.use_local_subchannel_pool': 1,
      });
      this.clients.set(addr, c);
    }
    return c;
  }

  private order(): string[] {
    const list = [...new Set(this.cfg.targets().filter(Boolean))];
    if (this.preferred && list.includes(this.preferred))
      return [this.preferred, ...list.filter((a) => a !== this.preferred)];
    return list;
  }

  private deadlineOf(call: { getDeadline(): grpc.Deadline }): number {
    const own = Date.now() + this.cfg.callTimeoutMs;
    const d = call.getDeadline();
    const theirs = d instanceof Date ? d.getTime() : typeof d === 'number' && Number.isFinite(d) ? d : Infinity;
    // Give up a little before the caller does, so it gets our error (e.g. NO_LEADER with its hint)
    // rather than a bare DEADLINE_EXCEEDED.
    return Math.min(own, theirs - DEADLINE_MARGIN_MS);
  }

  private noManager(
    attempts: ReadonlyMap<string, grpc.ServiceError>,
    lastErr: grpc.ServiceError | undefined,
    startedAt: number,
    deadline: number,
  ): grpc.ServiceError {
    const now = Date.now();
    return noManagerError({ attempts, lastErr, timedOut: now >= deadline, waitedMs: now - startedAt });
  }

  private unary(name: string, { path, noSideEffects }: MethodDef): grpc.handleUnaryCall<Buffer, Buffer> {
    return (call, cb) => {
      if (this.cfg.role() !== 'manager') return cb(this.notManager());
      const startedAt = Date.now();
      const deadline = this.deadlineOf(call);
      const backoff = new Backoff(RETRY_BACKOFF);
      const attempts = new Map<string, grpc.ServiceError>();
      let cancelled = false;
      let current: grpc.ClientUnaryCall | undefined;
      call.on('cancelled', () => {
        cancelled = true;
        current?.cancel();
      });
      const run = async (): Promise<void> => {
        let lastErr: grpc.ServiceError | undefined;
        while (!cancelled && Date.now() < deadline) {
          for (const addr of this.order()) {
            if (cancelled || Date.now() >= deadline) break;
            const attemptDeadline = Math.min(deadline, Date.now() + this.cfg.attemptTimeoutMs);
            const r = await new Promise<{ err: grpc.ServiceError | null; res?: Buffer }>((resolve) => {
              current = this.client(addr).makeUnaryRequest(
                path,
                passThrough,
                passThrough,
                call.request,
                new grpc.Metadata(),
                { deadline: attemptDeadline },
                (err, res) => resolve(err ? { err } : { err: null, res: res as Buffer }),
              );
            });
            if (!r.err) {
              this.preferred = addr;
              return cb(null, r.res);
            }
            lastErr = r.err;
            attempts.set(addr, r.err);
            if (!retryable(noSideEffects, r.err)) {
              // A write that timed out after other managers failed: the whole story, outcome unknown.
              if (
                r.err.code === grpc.status.DEADLINE_EXCEEDED &&
                attempts.size > 1 &&
                !r.err.metadata?.get('clusterctl-error-code').length
              ) {
                return cb(
                  noManagerError({
                    attempts,
                    lastErr: r.err,
                    timedOut: Date.now() >= deadline,
                    waitedMs: Date.now() - startedAt,
                    outcomeUnknown: true,
                  }),
                );
              }
              return cb(forwardedError(addr, r.err, { idempotent: noSideEffects }));
            }
            this.cfg.log.debug(
              { method: name, addr, code: r.err.code, err: r.err.details },
              'control call not answered; trying the next manager',
            );
          }
          if (cancelled) return;
          await sleep(Math.min(backoff.next(), Math.max(0, deadline - Date.now())));
        }
        if (!cancelled) cb(this.noManager(attempts, lastErr, startedAt, deadline));
      };
      run().catch((e: unknown) => cb(toGrpcError(e)));
    };
  }

  private serverStream({ path, noSideEffects }: MethodDef): grpc.handleServerStreamingCall<Buffer, Buffer> {
    return (call) => {
      if (this.cfg.role() !== 'manager') {
        call.emit('error', this.notManager());
        return;
      }
      const startedAt = Date.now();
      const deadline = this.deadlineOf(call);
      const backoff = new Backoff(RETRY_BACKOFF);
      const attempts = new Map<string, grpc.ServiceError>();
      const targets = this.order();
      let i = 0;
      let lastErr: grpc.ServiceError | undefined;
      let upstream: grpc.ClientReadableStream<Buffer> | undefined;
      let cancelled = false;
      call.on('cancelled', () => {
        cancelled = true;
        upstream?.cancel();
      });
      const attempt = (): void => {
        if (cancelled) return;
        if (Date.now() >= deadline || targets.length === 0) {
          call.emit('error', this.noManager(attempts, lastErr, startedAt, deadline));
          return;
        }
        const addr = targets[i++ % targets.length]!;
        let got = false;
        const up = this.client(addr).makeServerStreamRequest(
          path,
          passThrough,
          passThrough,
          call.request,
          new grpc.Metadata(),
          {},
        );
        upstream = up;
        up.on('data', (b: Buffer) => {
          got = true;
          if (!call.write(b)) {
            up.pause();
            call.once('drain', () => up.resume());
          }
        });
        up.on('end', () => undefined);
        up.on('status', (s: grpc.StatusObject) => {
          if (s.code === grpc.status.OK) call.end();
        });
        up.on('error', (err: grpc.ServiceError) => {
          if (cancelled) return;
          lastErr = err;
          attempts.set(addr, err);
          if (!got && retryable(noSideEffects, err)) {
            const wait = i % targets.length === 0 ? backoff.next() : 0;
            setTimeout(attempt, wait);
            return;
          }
          call.emit('error', forwardedError(addr, err, { idempotent: true }));
        });
      };
      attempt();
    };
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
