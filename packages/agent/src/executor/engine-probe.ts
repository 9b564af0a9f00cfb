// Measurement helpers for the create/start benchmark (src/bench): a DockerExecutor whose engine
// requests are counted, and the same create + start done with dockerode alone (the baseline our
// executor is compared with). Lives here because only this folder may touch dockerode.
import Docker from 'dockerode';
import { toDockerCreateBody } from './container-config.js';
import { DOCKER_EXECUTOR_DEFAULTS, DockerExecutor } from './docker-executor.js';
import type { CreateContainerOptions } from './executor.js';

export interface EngineProbe {
  /** A DockerExecutor on the counted engine client. */
  executor: DockerExecutor;
  /** Engine requests since the last reset, keyed "METHOD /path" with ids replaced by ':id'. */
  requests(): Record<string, number>;
  /** Milliseconds spent in the requests that have answered since the last reset, by key. */
  requestMs(): Record<string, number>;
  /** performance.now() of the first request of each key since the last reset. */
  firstRequestAt(): Record<string, number>;
  resetRequests(): void;
  /** POST /containers/create then /start with dockerode alone: no image check, no inspect. */
  dockerodeCreateStart(opts: CreateContainerOptions): Promise<{ id: string; createMs: number; startMs: number }>;
  removeForce(id: string): Promise<void>;
  /** The engine's own Created and State.StartedAt of a container (ms since epoch, engine clock). */
  engineTimes(id: string): Promise<{ createdMs: number; startedMs: number | undefined }>;
}

/** "/containers/abc123/start?" -> "/containers/:id/start"; "/images/repo/x:y/json" -> "/images/:id/json". */
export function requestKey(method: string, path: string): string {
  const p = path
    .split('?')[0]!
    .replace(/^\/v[\d.]+/, '')
    .replace(/^\/images\/.+\/(json|push|tag|history)$/, '/images/:id/$1')
    .replace(/^\/containers\/(?!create$|json$)[^/]+(?=\/|$)/, '/containers/:id');
  return `${method} ${p}`;
}

export function engineProbe(socketPath: string = DOCKER_EXECUTOR_DEFAULTS.socketPath): EngineProbe {
  const docker = new Docker({ socketPath });
  const raw = new Docker({ socketPath });
  let counts: Record<string, number> = {};
  let ms: Record<string, number> = {};
  let first: Record<string, number> = {};
  let epoch = 0;
  type Callback = (...a: unknown[]) => void;
  const modem = docker.modem as unknown as {
    dial: (opts: { method?: string; path?: string }, cb: Callback) => unknown;
  };
  const dial = modem.dial.bind(modem);
  modem.dial = (opts, cb) => {
    const key = requestKey(opts.method ?? 'GET', opts.path ?? '');
    counts[key] = (counts[key] ?? 0) + 1;
    const t0 = performance.now();
    first[key] ??= t0;
    const mine = epoch;
    return dial(opts, (...a: unknown[]) => {
      if (mine === epoch) ms[key] = (ms[key] ?? 0) + (performance.now() - t0);
      cb(...a);
    });
  };
  return {
    executor: new DockerExecutor({ docker }),
    requests: () => ({ ...counts }),
    requestMs: () => ({ ...ms }),
    firstRequestAt: () => ({ ...first }),
    resetRequests: () => {
      counts = {};
      ms = {};
      first = {};
      epoch++;
    },
    async dockerodeCreateStart(opts) {
      const t0 = performance.now();
      const c = await raw.createContainer(toDockerCreateBody(opts) as Docker.ContainerCreateOptions);
      const t1 = performance.now();
      await c.start();
      return { id: c.id, createMs: t1 - t0, startMs: performance.now() - t1 };
    },
    async engineTimes(id) {
      const info = await raw.getContainer(id).inspect();
      const started = Date.parse(info.State.StartedAt);
      return {
        createdMs: Date.parse(info.Created),
        startedMs: Number.isNaN(started) || started <= 0 ? undefined : started,
      };
    },
    async removeForce(id) {
      try {
        await raw.getContainer(id).remove({ force: true, v: true });
      } catch {
        // already gone
      }
    },
  };
}
