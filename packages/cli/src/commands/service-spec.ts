// `service create` flags -> the ServiceSpec sent to the managers. Everything is checked here first
// (the managers check again), so a bad flag is refused before anything is sent.
import { HOUR_MS, parseDurationMs as parseDuration } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import {
  checkPorts,
  parseChoice,
  parseConstraint,
  parseCount,
  parseEnv,
  parseLabels,
  parseMemoryBytes,
  parseNanoCpus,
  parsePort,
  parseServiceName,
  usageError,
} from '../parse.js';
import { applyHealthPlan, parseHealthFlags, type HealthFlags } from './service-health.js';
import { buildContainerOptions, envFromFiles, type ContainerCreateFlags } from './container-options.js';
import { parseFileRef } from './file-refs.js';

/** The flags `service create` and `service update` share, as commander hands them over. */
export interface TaskFlags extends HealthFlags {
  replicas?: string;
  reserveCpu?: string;
  reserveMemory?: string;
  limitCpu?: string;
  limitMemory?: string;
  restartCondition?: string;
  restartMaxAttempts?: string;
  updateParallelism?: string;
  updateDelay?: string;
  updateOrder?: string;
  detach?: boolean;
}

export interface ServiceCreateOptions extends TaskFlags, ContainerCreateFlags {
  name?: string;
  mode?: string;
  env?: string[];
  label?: string[];
  publish?: string[];
  constraint?: string[];
  // networking
  network?: string[];
  endpointMode?: string;
  // secrets and configs
  secret?: string[];
  config?: string[];
}

/** How spec changes roll out (Control's UpdateConfig; Swarm's --update-parallelism/-delay/-order). */
export interface UpdateConfigView {
  parallelism: number;
  delayMs: number;
  order: 'stop-first' | 'start-first';
}

export type UpdateConfigFlags = Partial<UpdateConfigView>;

export const UPDATE_CONFIG_DEFAULTS: Readonly<UpdateConfigView> = Object.freeze({
  parallelism: 1,
  delayMs: 0,
  order: 'stop-first',
});

/** --update-parallelism N (0: all at once), --update-delay D (0 or a duration up to 1h), --update-order stop-first|start-first. */
export function parseUpdateConfigFlags(
  o: Pick<TaskFlags, 'updateParallelism' | 'updateDelay' | 'updateOrder'>,
): UpdateConfigFlags {
  const out: UpdateConfigFlags = {};
  if (o.updateParallelism !== undefined)
    out.parallelism = parseCount('--update-parallelism', o.updateParallelism, MAX_REPLICAS);
  if (o.updateDelay !== undefined)
    out.delayMs = parseDuration('--update-delay', o.updateDelay, { minMs: 0, maxMs: HOUR_MS });
  if (o.updateOrder !== undefined)
    out.order = parseChoice('--update-order', o.updateOrder, ['stop-first', 'start-first'] as const);
  return out;
}

export const MAX_REPLICAS = 10_000;

/** --endpoint-mode vip|dnsrr. */
export function parseEndpointMode(v: string): 'vip' | 'dnsrr' {
  return parseChoice('--endpoint-mode', v, ['vip', 'dnsrr'] as const);
}

/** Network names or ids (--network, --network-add, --network-rm), each once. */
export function parseNetworkRefs(flag: string, refs: readonly string[]): string[] {
  const out: string[] = [];
  for (const r of refs) {
    const v = r.trim();
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/.test(v))
      throw usageError(
        `${flag}: invalid network ${JSON.stringify(r)}`,
        'give a network name or id, e.g. --network backend',
      );
    if (!out.includes(v)) out.push(v);
  }
  return out;
}
/** Docker refuses memory limits under 6 MiB. */
export const MIN_MEMORY_LIMIT_BYTES = 6 * 1024 * 1024;

export function buildServiceSpec(
  image: string,
  command: string[],
  o: ServiceCreateOptions,
): clusterctl.cluster.IServiceSpec {
  if (image.trim() === '')
    throw usageError(
      'service create: IMAGE is required',
      'e.g. clusterctl service create --name web --replicas 3 nginx:alpine',
    );
  if (!/^[a-zA-Z0-9][a-zA-Z0-9._\-/:@+]*$/.test(image) || image.length > 512) {
    throw usageError(
      `invalid image reference ${JSON.stringify(image)}`,
      'an image looks like NAME[:TAG] or NAME@DIGEST, e.g. busybox:1.36 (flags go before IMAGE)',
    );
  }
  const mode = parseChoice('--mode', o.mode ?? 'replicated', ['replicated', 'global'] as const);
  if (mode === 'global' && o.replicas !== undefined)
    throw usageError(
      '--replicas cannot be used with --mode global',
      'a global service runs one task on every eligible node: drop --replicas',
    );
  const replicas =
    mode === 'global' ? 0 : o.replicas === undefined ? 1 : parseCount('--replicas', o.replicas, MAX_REPLICAS);

  const ports = (o.publish ?? []).map(parsePort);
  checkPorts(ports);
  const constraints = (o.constraint ?? []).map((c) => {
    parseConstraint(c);
    return c.trim();
  });

  const reservations = {
    nanoCpus: o.reserveCpu === undefined ? 0 : parseNanoCpus('--reserve-cpu', o.reserveCpu),
    memoryBytes: o.reserveMemory === undefined ? 0 : parseMemoryBytes('--reserve-memory', o.reserveMemory),
  };
  const limits = {
    nanoCpus: o.limitCpu === undefined ? 0 : parseNanoCpus('--limit-cpu', o.limitCpu),
    memoryBytes: o.limitMemory === undefined ? 0 : parseMemoryBytes('--limit-memory', o.limitMemory),
  };
  if (limits.nanoCpus > 0 && reservations.nanoCpus > limits.nanoCpus)
    throw usageError(
      `--reserve-cpu ${o.reserveCpu} is more than --limit-cpu ${o.limitCpu}`,
      'reserve at most the limit',
    );
  if (limits.memoryBytes > 0 && reservations.memoryBytes > limits.memoryBytes)
    throw usageError(
      `--reserve-memory ${o.reserveMemory} is more than --limit-memory ${o.limitMemory}`,
      'reserve at most the limit',
    );
  if (limits.memoryBytes > 0 && limits.memoryBytes < MIN_MEMORY_LIMIT_BYTES)
    throw usageError(
      `--limit-memory ${o.limitMemory} is below the engine's minimum of 6 MiB`,
      'use --limit-memory 6m or more',
    );

  const condition = parseChoice('--restart-condition', o.restartCondition ?? 'any', [
    'any',
    'on-failure',
    'none',
  ] as const);
  const maxAttempts =
    o.restartMaxAttempts === undefined ? 0 : parseCount('--restart-max-attempts', o.restartMaxAttempts, 1_000_000);

  const health = parseHealthFlags(o);

  const spec: clusterctl.cluster.IServiceSpec = {
    name: o.name === undefined ? '' : parseServiceName(o.name),
    image,
    command: [...command],
    env: [...envFromFiles(o.envFile ?? []), ...(o.env ?? []).map(parseEnv)],
    labels: parseLabels('--label', o.label ?? []),
    mode,
    replicas,
    constraints,
    reservations,
    limits,
    ports,
    restartPolicy: { condition, delayMs: 0, maxAttempts, windowMs: 0 },
    // mounts and container options
    ...buildContainerOptions(o),
    // secrets and configs
    ...(o.secret !== undefined ? { secrets: o.secret.map((v) => parseFileRef('secret', '--secret', v)) } : {}),
    ...(o.config !== undefined ? { configs: o.config.map((v) => parseFileRef('config', '--config', v)) } : {}),
  };
  // networking
  if (o.network !== undefined) spec.networks = parseNetworkRefs('--network', o.network);
  if (o.endpointMode !== undefined) spec.endpointMode = parseEndpointMode(o.endpointMode);
  if (spec.endpointMode === 'dnsrr' && ports.some((p) => p.published > 0 && (p.mode ?? 'ingress') === 'ingress'))
    throw usageError(
      '--endpoint-mode dnsrr cannot publish ports in ingress mode',
      'publish with mode=host (--publish published=P,target=T,mode=host), or use --endpoint-mode vip',
    );
  // health check and stop
  applyHealthPlan(spec, health);
  return spec;
}
