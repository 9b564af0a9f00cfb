// `service create` flags -> the ServiceSpec sent to the managers. Everything is checked here first
// (the managers check again), so a bad flag is refused before anything is sent.
import { HOUR_MS, parseDurationMs as parseDuration } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import { UPDATE_CONFIG_DEFAULTS, type UpdateConfigView } from '../views.js';
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
import { parseAutoscale } from './service-autoscale.js';

/** The flags `service create` and `service update` share, as commander hands them over. */
export interface TaskFlags extends HealthFlags {
  replicas?: string;
  reserveCpu?: string;
  reserveMemory?: string;
  limitCpu?: string;
  limitMemory?: string;
  restartCondition?: string;
  restartMaxAttempts?: string;
  // update and rollback policies
  updateParallelism?: string;
  updateDelay?: string;
  updateOrder?: string;
  updateFailureAction?: string;
  updateMonitor?: string;
  updateMaxFailureRatio?: string;
  rollbackParallelism?: string;
  rollbackDelay?: string;
  rollbackOrder?: string;
  rollbackFailureAction?: string;
  rollbackMonitor?: string;
  rollbackMaxFailureRatio?: string;
  // autoscaling and rebalancing
  autoscale?: string;
  rebalance?: boolean;
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

export { UPDATE_CONFIG_DEFAULTS, rolloutView, type UpdateConfigView } from '../views.js';
export type UpdateConfigFlags = Partial<UpdateConfigView>;

/**
 * --update-parallelism N (0: all at once), --update-delay D (0 to 1h), --update-order
 * stop-first|start-first, --update-failure-action pause|continue|rollback, --update-monitor D (0 to
 * 1h), --update-max-failure-ratio R (0 to 1); the same --rollback-* flags (failure action pause or
 * continue).
 */
export function parseRolloutFlags(o: TaskFlags, which: 'update' | 'rollback'): UpdateConfigFlags {
  const out: UpdateConfigFlags = {};
  const f = which === 'update' ? '--update' : '--rollback';
  const v =
    which === 'update'
      ? {
          parallelism: o.updateParallelism,
          delay: o.updateDelay,
          order: o.updateOrder,
          failureAction: o.updateFailureAction,
          monitor: o.updateMonitor,
          ratio: o.updateMaxFailureRatio,
        }
      : {
          parallelism: o.rollbackParallelism,
          delay: o.rollbackDelay,
          order: o.rollbackOrder,
          failureAction: o.rollbackFailureAction,
          monitor: o.rollbackMonitor,
          ratio: o.rollbackMaxFailureRatio,
        };
  if (v.parallelism !== undefined) out.parallelism = parseCount(`${f}-parallelism`, v.parallelism, MAX_REPLICAS);
  if (v.delay !== undefined) out.delayMs = parseDuration(`${f}-delay`, v.delay, { minMs: 0, maxMs: HOUR_MS });
  if (v.order !== undefined) out.order = parseChoice(`${f}-order`, v.order, ['stop-first', 'start-first'] as const);
  if (v.failureAction !== undefined)
    out.failureAction =
      which === 'update'
        ? parseChoice(`${f}-failure-action`, v.failureAction, ['pause', 'continue', 'rollback'] as const)
        : parseChoice(`${f}-failure-action`, v.failureAction, ['pause', 'continue'] as const);
  if (v.monitor !== undefined) out.monitorMs = parseDuration(`${f}-monitor`, v.monitor, { minMs: 0, maxMs: HOUR_MS });
  if (v.ratio !== undefined) {
    const r = v.ratio.trim();
    if (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(r))
      throw usageError(
        `${f}-max-failure-ratio: invalid ratio ${JSON.stringify(v.ratio)}`,
        'a fraction from 0 to 1, e.g. 0.2',
      );
    out.maxFailureRatio = Number(r);
  }
  return out;
}

/** Back-compatible name: the --update-* flags. */
export function parseUpdateConfigFlags(o: TaskFlags): UpdateConfigFlags {
  return parseRolloutFlags(o, 'update');
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
    // update and rollback policies (only when asked for: the managers' defaults otherwise)
    ...rolloutSpec(o),
  };
  // autoscaling and rebalancing
  const autoscale = o.autoscale === undefined ? null : parseAutoscale(o.autoscale, MAX_REPLICAS);
  if (autoscale !== null) {
    if (mode === 'global')
      throw usageError('--autoscale applies to replicated services only', 'drop --autoscale, or use --mode replicated');
    spec.autoscale = autoscale;
    // the first count is within the bounds (--replicas, else min)
    const min = Number(autoscale.minReplicas);
    const max = Number(autoscale.maxReplicas);
    spec.replicas = o.replicas === undefined ? min : Math.min(max, Math.max(min, replicas));
  }
  if (o.rebalance === true) spec.rebalance = true;
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

function rolloutSpec(o: TaskFlags): Pick<clusterctl.cluster.IServiceSpec, 'updateConfig' | 'rollbackConfig'> {
  const update = parseRolloutFlags(o, 'update');
  const rollback = parseRolloutFlags(o, 'rollback');
  return {
    ...(Object.keys(update).length > 0 ? { updateConfig: { ...UPDATE_CONFIG_DEFAULTS, ...update } } : {}),
    ...(Object.keys(rollback).length > 0 ? { rollbackConfig: { ...UPDATE_CONFIG_DEFAULTS, ...rollback } } : {}),
  };
}
