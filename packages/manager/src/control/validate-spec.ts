// Validation of service specs sent to the control API: every rule gives INVALID_ARGUMENT with a hint
// naming the field, and the result is the normalized store spec (defaults filled in). Checks that
// need the rest of the cluster (published-port conflicts, unique names) live in the service.

import { checkLabels, ClusterError, ErrorCode, LABEL_LIMITS, shortForMessage } from '@clusterctl/common';
import {
  UPDATE_CONFIG_DEFAULTS,
  type AutoscaleSpec,
  type HealthCheck,
  type Node,
  type PortConfig,
  type RestartCondition,
  type ServiceSpec,
  type UpdateConfig,
} from '@clusterctl/store';
import type { clusterctl } from '@clusterctl/proto';
import { parseConstraint } from '../scheduler/constraints.js';
import { validateContainerOptions } from './validate-container-opts.js';
import { fileRefsOf } from '../secrets/file-refs.js';

export const SPEC_LIMITS = {
  maxReplicas: 10_000,
  maxEnv: 1000,
  maxLabels: LABEL_LIMITS.maxCount,
  maxConstraints: 64,
  maxPorts: 128,
  maxCommandArgs: 1024,
  maxStringChars: 4096,
  maxRestartDelayMs: 3_600_000,
  maxRestartAttempts: 1_000_000,
  maxUpdateDelayMs: 3_600_000,
  /** Health check timings and the stop grace period: at most 1 h each. */
  maxHealthDurationMs: 3_600_000,
  /** A shorter interval costs too much (a command probe is an exec of ~50 ms CPU). */
  minHealthIntervalMs: 100,
  minHealthTimeoutMs: 10,
  maxHealthRetries: 100,
  maxHealthHttpPathChars: 1024,
  maxStopGracePeriodMs: 3_600_000,
  /** Docker refuses memory limits under 6 MiB. */
  minMemoryLimitBytes: 6 * 1024 * 1024,
  /** 1024 CPUs in nano CPUs. */
  maxNanoCpus: 1024 * 1e9,
  /**
   * The whole spec (its JSON, UTF-8): each field's own limit would allow several MB; this keeps a
   * service far below the transport's message limit (64 MiB), so lists of many services still fit.
   */
  maxSpecBytes: 256 * 1024,
  /** Networking: networks one service joins. */
  maxNetworks: 16,
} as const;

export const DEFAULT_RESTART_DELAY_MS = 100;

export const SERVICE_NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/;
const IMAGE_RE = /^[a-zA-Z0-9][a-zA-Z0-9._\-/:@+]*$/;
const ENV_KEY_RE = /^[^=\s\0]+$/;

function invalid(field: string, message: string, hint: string): ClusterError {
  return new ClusterError(ErrorCode.InvalidArgument, message, { hint, details: { field } });
}

function checkString(field: string, v: string): void {
  if (v.length > SPEC_LIMITS.maxStringChars)
    throw invalid(field, `${field} is longer than ${SPEC_LIMITS.maxStringChars} characters`, `shorten ${field}`);
  if (v.includes('\0')) throw invalid(field, `${field} contains a NUL character`, `remove it from ${field}`);
}

export function validateServiceName(name: string): void {
  if (!SERVICE_NAME_RE.test(name)) {
    throw invalid(
      'name',
      `invalid service name ${shortForMessage(name)}`,
      'a service name is 1-63 characters: letters, digits, "_", "." or "-", starting with a letter or digit',
    );
  }
}

export function validateReplicas(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > SPEC_LIMITS.maxReplicas) {
    throw invalid(
      'replicas',
      `invalid replica count ${n}`,
      `replicas is a whole number from 0 to ${SPEC_LIMITS.maxReplicas}`,
    );
  }
}

/** A label set from the API: the same rules as the CLI's (common input-limits), reserved prefix included. */
function labels(field: string, m: Record<string, string> | null | undefined): Record<string, string> {
  const out: Record<string, string> = { ...(m ?? {}) };
  checkLabels(field, out);
  return out;
}

function resources(
  field: string,
  r: clusterctl.cluster.IResources | null | undefined,
): { nanoCpus: number; memoryBytes: number } {
  const nanoCpus = Number(r?.nanoCpus ?? 0);
  const memoryBytes = Number(r?.memoryBytes ?? 0);
  for (const [k, v] of [
    ['nanoCpus', nanoCpus],
    ['memoryBytes', memoryBytes],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0)
      throw invalid(`${field}.${k}`, `invalid ${field} ${k} ${v}`, `${field} must be a non-negative whole number`);
  }
  if (nanoCpus > SPEC_LIMITS.maxNanoCpus)
    throw invalid(`${field}.nanoCpus`, `${field} CPU ${nanoCpus / 1e9} is too large`, 'at most 1024 CPUs');
  return { nanoCpus, memoryBytes };
}

/** Checks a spec from the API and returns it normalized for the store. `name` is filled by the caller when empty. */
export function validateServiceSpec(p: clusterctl.cluster.IServiceSpec | null | undefined): ServiceSpec {
  if (p === null || p === undefined)
    throw invalid('spec', 'a service spec is required', 'send a spec with at least an image');
  const name = (p.name ?? '').trim();
  validateServiceName(name);

  const image = (p.image ?? '').trim();
  if (image === '')
    throw invalid(
      'image',
      'an image is required',
      'give the image to run, e.g. `clusterctl service create nginx:alpine`',
    );
  if (!IMAGE_RE.test(image) || image.length > 512)
    throw invalid(
      'image',
      `invalid image reference ${shortForMessage(p.image ?? '')}`,
      'an image looks like NAME[:TAG] or NAME@DIGEST, e.g. busybox:1.36',
    );

  const command = [...(p.command ?? [])];
  if (command.length > SPEC_LIMITS.maxCommandArgs)
    throw invalid('command', `too many command arguments (${command.length})`, `at most ${SPEC_LIMITS.maxCommandArgs}`);
  command.forEach((a, i) => checkString(`command[${i}]`, a));

  const env = [...(p.env ?? [])];
  if (env.length > SPEC_LIMITS.maxEnv)
    throw invalid('env', `too many environment variables (${env.length})`, `at most ${SPEC_LIMITS.maxEnv}`);
  for (const e of env) {
    const eq = e.indexOf('=');
    if (eq <= 0 || !ENV_KEY_RE.test(e.slice(0, eq)))
      throw invalid(
        'env',
        `invalid environment variable ${shortForMessage(e)}`,
        'use KEY=VALUE with a non-empty KEY without spaces, e.g. -e MODE=prod',
      );
    checkString('env', e);
  }

  const mode = p.mode ?? '';
  let specMode: ServiceSpec['mode'];
  const replicas = Number(p.replicas ?? 0);
  if (mode === '' || mode === 'replicated') {
    validateReplicas(replicas);
    specMode = { kind: 'replicated', replicas };
  } else if (mode === 'global') {
    if (replicas !== 0)
      throw invalid(
        'replicas',
        'replicas apply to replicated services only',
        'drop --replicas, or use --mode replicated',
      );
    specMode = { kind: 'global' };
  } else {
    throw invalid('mode', `invalid mode ${JSON.stringify(mode)}`, 'mode is replicated or global');
  }

  // autoscaling: bounds checked, the replica count kept within them
  const autoscale = validateAutoscale(p.autoscale, specMode);
  if (autoscale !== undefined && specMode.kind === 'replicated') {
    const clamped = Math.min(autoscale.maxReplicas, Math.max(autoscale.minReplicas, specMode.replicas));
    specMode = { kind: 'replicated', replicas: clamped };
  }

  const constraints = [...(p.constraints ?? [])];
  if (constraints.length > SPEC_LIMITS.maxConstraints)
    throw invalid(
      'constraints',
      `too many constraints (${constraints.length})`,
      `at most ${SPEC_LIMITS.maxConstraints}`,
    );
  for (const c of constraints) {
    try {
      parseConstraint(c);
    } catch (e) {
      if (e instanceof ClusterError)
        throw new ClusterError(ErrorCode.InvalidArgument, e.message, {
          hint: e.hint,
          details: { field: 'constraints', ...e.details },
        });
      throw e;
    }
  }

  const reservations = resources('reservations', p.reservations);
  const limits = resources('limits', p.limits);
  if (limits.nanoCpus > 0 && reservations.nanoCpus > limits.nanoCpus) {
    throw invalid(
      'reservations.nanoCpus',
      `CPU reservation ${reservations.nanoCpus / 1e9} exceeds the CPU limit ${limits.nanoCpus / 1e9}`,
      'reserve at most the limit (--reserve-cpu <= --limit-cpu)',
    );
  }
  if (limits.memoryBytes > 0 && reservations.memoryBytes > limits.memoryBytes) {
    throw invalid(
      'reservations.memoryBytes',
      `memory reservation ${reservations.memoryBytes} B exceeds the memory limit ${limits.memoryBytes} B`,
      'reserve at most the limit (--reserve-memory <= --limit-memory)',
    );
  }
  if (limits.memoryBytes > 0 && limits.memoryBytes < SPEC_LIMITS.minMemoryLimitBytes) {
    throw invalid(
      'limits.memoryBytes',
      `memory limit ${limits.memoryBytes} B is below the engine's minimum of 6 MiB`,
      'use --limit-memory 6m or more',
    );
  }

  const portsIn = p.ports ?? [];
  if (portsIn.length > SPEC_LIMITS.maxPorts)
    throw invalid('ports', `too many ports (${portsIn.length})`, `at most ${SPEC_LIMITS.maxPorts}`);
  const ports: PortConfig[] = [];
  const seen = new Set<string>();
  for (const q of portsIn) {
    const target = Number(q.target ?? 0);
    const published = Number(q.published ?? 0);
    const protocol = (q.protocol ?? '') === '' ? 'tcp' : q.protocol;
    const publishMode = (q.mode ?? '') === '' ? 'ingress' : q.mode;
    if (!Number.isInteger(target) || target < 1 || target > 65535)
      throw invalid('ports', `invalid target port ${target}`, 'ports are 1-65535, e.g. -p 8080:80');
    if (!Number.isInteger(published) || published < 0 || published > 65535)
      throw invalid('ports', `invalid published port ${published}`, 'ports are 1-65535, e.g. -p 8080:80');
    if (protocol !== 'tcp' && protocol !== 'udp')
      throw invalid(
        'ports',
        `invalid protocol ${JSON.stringify(q.protocol)}`,
        'protocol is tcp or udp, e.g. -p 53:53/udp',
      );
    if (publishMode !== 'ingress' && publishMode !== 'host')
      throw invalid(
        'ports',
        `invalid publish mode ${JSON.stringify(q.mode)}`,
        'the publish mode is ingress (the port answers on every node) or host (only where a task runs), e.g. --publish published=8080,target=80,mode=host',
      );
    // '' and spread: the default (absent); local-first only for a published ingress port
    const route = q.route ?? '';
    if (route !== '' && route !== 'spread' && route !== 'local-first')
      throw invalid(
        'ports',
        `invalid route ${JSON.stringify(q.route)}`,
        'the route is spread (every healthy task, the default) or local-first (a node with a task keeps its connections), e.g. --publish published=8080,target=80,route=local-first',
      );
    if (route === 'local-first' && (publishMode !== 'ingress' || published === 0))
      throw invalid(
        'ports',
        `route=local-first needs a published port in ingress mode (target port ${target})`,
        'a host-mode port is only ever answered by the local task: drop route=, or publish in ingress mode',
      );
    if (publishMode === 'ingress' && published === 0 && (q.mode ?? '') !== '')
      throw invalid(
        'ports',
        `target port ${target} in ingress mode needs a published port`,
        'give published=PORT, e.g. --publish published=8080,target=80',
      );
    if (published > 0) {
      const key = `${published}/${protocol}`;
      if (seen.has(key)) throw invalid('ports', `published port ${key} is given twice`, 'publish each port once');
      seen.add(key);
    }
    ports.push({
      ...(published > 0 ? { published } : {}),
      target,
      protocol,
      publishMode,
      ...(route === 'local-first' ? { route } : {}),
    });
  }

  // networking: networks as sent (names or ids; the service resolves them in its write), endpoint mode
  const networks = [...new Set((p.networks ?? []).map((n) => n.trim()))];
  if (networks.length > SPEC_LIMITS.maxNetworks)
    throw invalid('networks', `too many networks (${networks.length})`, `at most ${SPEC_LIMITS.maxNetworks}`);
  for (const n of networks) {
    if (n === '' || n.length > 128 || n.includes('\0'))
      throw invalid(
        'networks',
        `invalid network ${shortForMessage(n)}`,
        'give a network name or id, e.g. --network backend',
      );
  }
  const networkAliases = validateNetworkAliases(p.networkAliases);
  const endpointMode = (p.endpointMode ?? '') === '' ? 'vip' : p.endpointMode;
  if (endpointMode !== 'vip' && endpointMode !== 'dnsrr')
    throw invalid(
      'endpointMode',
      `invalid endpoint mode ${JSON.stringify(p.endpointMode)}`,
      'the endpoint mode is vip (the name resolves to one virtual IP) or dnsrr (to the task IPs)',
    );
  if (endpointMode === 'dnsrr' && ports.some((q) => (q.published ?? 0) > 0 && q.publishMode === 'ingress'))
    throw invalid(
      'endpointMode',
      'endpoint mode dnsrr cannot publish ports in ingress mode (the mesh balances over a virtual IP)',
      'publish with mode=host, or use --endpoint-mode vip',
    );

  const rp = p.restartPolicy;
  const condition = (rp?.condition ?? '') === '' ? 'any' : (rp!.condition as string);
  if (condition !== 'any' && condition !== 'on-failure' && condition !== 'none') {
    throw invalid(
      'restartPolicy.condition',
      `invalid restart condition ${JSON.stringify(condition)}`,
      'the restart condition is any, on-failure or none',
    );
  }
  const delayMs = Number(rp?.delayMs ?? 0) || DEFAULT_RESTART_DELAY_MS;
  const maxAttempts = Number(rp?.maxAttempts ?? 0);
  const windowMs = Number(rp?.windowMs ?? 0);
  if (delayMs > SPEC_LIMITS.maxRestartDelayMs)
    throw invalid('restartPolicy.delayMs', `restart delay ${delayMs} ms is too long`, 'at most 1h');
  if (!Number.isSafeInteger(maxAttempts) || maxAttempts > SPEC_LIMITS.maxRestartAttempts)
    throw invalid(
      'restartPolicy.maxAttempts',
      `invalid restart max attempts ${maxAttempts}`,
      `0 (unlimited) to ${SPEC_LIMITS.maxRestartAttempts}`,
    );
  if (!Number.isSafeInteger(windowMs) || windowMs > 30 * 86_400_000)
    throw invalid('restartPolicy.windowMs', `invalid restart window ${windowMs} ms`, '0 (forever) to 30 days');

  const health = healthAndStop(p);

  const spec: ServiceSpec = {
    name,
    image,
    command,
    env,
    labels: labels('labels', p.labels),
    mode: specMode,
    constraints,
    resources: { reservations, limits },
    ports,
    restartPolicy: {
      condition: condition as RestartCondition,
      delayMs,
      maxAttempts,
      ...(windowMs > 0 ? { windowMs } : {}),
    },
    ...health,
    // networking
    networks,
    endpointMode,
    ...(networkAliases.length > 0 ? { networkAliases } : {}),
    // mounts and container options
    ...validateContainerOptions(p),
    // secrets and configs
    ...fileRefsOf(p),
    // update and rollback policies
    ...rolloutPolicies(p),
    // autoscaling and rebalancing
    ...(autoscale !== undefined ? { autoscale } : {}),
    ...(p.rebalance === true ? { rebalance: true } : {}),
    // image pinning: an ID sent with the spec (as read back from the service) is kept
    ...imagePin(p),
  };
  const bytes = Buffer.byteLength(JSON.stringify(spec));
  if (bytes > SPEC_LIMITS.maxSpecBytes) {
    throw invalid(
      'spec',
      `the service spec is ${bytes} bytes, more than ${SPEC_LIMITS.maxSpecBytes}`,
      'shorten the environment, command or labels (pass large data to the container another way, e.g. a mounted file)',
    );
  }
  return spec;
}

// ---------------------------------------------------------------------------------------------
// Autoscaling

/** Longest stabilization window (one day). */
export const MAX_AUTOSCALE_WINDOW_MS = 86_400_000;

/** The autoscaling bounds and target of an API spec (absent: no autoscaling). */
export function validateAutoscale(
  p: clusterctl.cluster.IAutoscaleConfig | null | undefined,
  mode: ServiceSpec['mode'],
): AutoscaleSpec | undefined {
  if (p === null || p === undefined) return undefined;
  if (mode.kind !== 'replicated')
    throw invalid(
      'autoscale',
      'only a replicated service can be autoscaled',
      'drop --autoscale, or use --mode replicated',
    );
  const minReplicas = Number(p.minReplicas ?? 0);
  const maxReplicas = Number(p.maxReplicas ?? 0);
  const target = Number(p.targetCpuPercent ?? 0);
  if (!Number.isSafeInteger(minReplicas) || minReplicas < 1 || minReplicas > SPEC_LIMITS.maxReplicas)
    throw invalid(
      'autoscale.minReplicas',
      `invalid autoscale min ${minReplicas}`,
      `from 1 to ${SPEC_LIMITS.maxReplicas}, e.g. --autoscale min=2,max=20,cpu=70%`,
    );
  if (!Number.isSafeInteger(maxReplicas) || maxReplicas < minReplicas || maxReplicas > SPEC_LIMITS.maxReplicas)
    throw invalid(
      'autoscale.maxReplicas',
      `invalid autoscale max ${maxReplicas} (min is ${minReplicas})`,
      `from min to ${SPEC_LIMITS.maxReplicas}, e.g. --autoscale min=2,max=20,cpu=70%`,
    );
  if (!Number.isSafeInteger(target) || target < 1 || target > 1000)
    throw invalid(
      'autoscale.targetCpuPercent',
      `invalid autoscale CPU target ${target}%`,
      'from 1% to 1000%, e.g. cpu=70%',
    );
  const out: AutoscaleSpec = { minReplicas, maxReplicas, targetCpuPercent: target };
  if (p.hasWindows === true) {
    const up = Number(p.scaleUpWindowMs ?? 0);
    const down = Number(p.scaleDownWindowMs ?? 0);
    for (const [field, v] of [
      ['scaleUpWindowMs', up],
      ['scaleDownWindowMs', down],
    ] as const)
      if (!Number.isSafeInteger(v) || v < 0 || v > MAX_AUTOSCALE_WINDOW_MS)
        throw invalid(`autoscale.${field}`, `invalid autoscale window ${v} ms`, 'from 0 to 24h, e.g. down-window=5m');
    out.scaleUpWindowMs = up;
    out.scaleDownWindowMs = down;
  }
  return out;
}

/** Published ports of `spec` already used by another service: [port/proto, service name] pairs. */
export function publishedPortConflicts(
  spec: ServiceSpec,
  others: readonly { id: string; spec: ServiceSpec }[],
  selfId?: string,
): { port: string; service: string }[] {
  const mine = new Set(spec.ports.filter((p) => (p.published ?? 0) > 0).map((p) => `${p.published}/${p.protocol}`));
  const out: { port: string; service: string }[] = [];
  if (mine.size === 0) return out;
  for (const o of others) {
    if (o.id === selfId) continue;
    for (const p of o.spec.ports) {
      const k = `${p.published ?? 0}/${p.protocol}`;
      if ((p.published ?? 0) > 0 && mine.has(k)) out.push({ port: k, service: o.spec.name });
    }
  }
  return out;
}

// Stack/compose additions: per-network aliases
const ALIAS_RE = /^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]*[a-zA-Z0-9])?$/;
const MAX_ALIASES = 32;

/** Extra DNS names per network, checked (names as DNS names; the network resolved in the write). */
function validateNetworkAliases(
  list: readonly clusterctl.cluster.IStackNetworkAliases[] | null | undefined,
): { network: string; aliases: string[] }[] {
  const out: { network: string; aliases: string[] }[] = [];
  for (const a of list ?? []) {
    const network = (a.network ?? '').trim();
    const aliases = [...new Set((a.aliases ?? []).map((x) => x.trim()))];
    if (network === '' || network.length > 128 || network.includes('\0'))
      throw invalid(
        'networkAliases',
        `invalid network ${shortForMessage(network)} of aliases`,
        'name a network the service joins',
      );
    if (aliases.length > MAX_ALIASES)
      throw invalid(
        'networkAliases',
        `too many aliases on ${shortForMessage(network)} (${aliases.length})`,
        `at most ${MAX_ALIASES}`,
      );
    for (const x of aliases)
      if (x.length > 253 || !ALIAS_RE.test(x))
        throw invalid(
          'networkAliases',
          `invalid alias ${shortForMessage(x)}`,
          'an alias is a DNS name: letters, digits, ".", "-" and "_"',
        );
    if (aliases.length > 0) out.push({ network, aliases });
  }
  return out;
}

/** Mesh port conflicts: a published ingress port a node reports as held by another process. */
export interface MeshPortConflict {
  port: string;
  node: string;
  process: string;
  pid: number;
}

/**
 * Mesh port conflicts: the ingress ports `spec` publishes (those `previous` did not already
 * publish) that a process other than ours listens on, on a node that is not down: a mesh port is
 * taken on every node, and its DNAT would silently take the traffic from that process.
 */
export function meshPortConflicts(
  spec: ServiceSpec,
  previous: ServiceSpec | undefined,
  nodes: readonly Pick<Node, 'id' | 'hostname' | 'name' | 'status' | 'listeningPorts'>[],
): MeshPortConflict[] {
  const key = (p: { published?: number; protocol: string }): string => `${p.published ?? 0}/${p.protocol}`;
  const ingress = (x: ServiceSpec | undefined): PortConfig[] =>
    (x?.ports ?? []).filter((p) => (p.published ?? 0) > 0 && (p.publishMode ?? 'ingress') === 'ingress');
  const before = new Set(ingress(previous).map(key));
  const wanted = new Set(
    ingress(spec)
      .map(key)
      .filter((k) => !before.has(k)),
  );
  const out: MeshPortConflict[] = [];
  if (wanted.size === 0) return out;
  for (const n of [...nodes].sort((a, b) => (a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0))) {
    if (n.status.state === 'down') continue;
    for (const h of n.listeningPorts ?? []) {
      const k = `${h.port}/${h.protocol}`;
      if (wanted.has(k)) out.push({ port: k, node: n.name || n.hostname || n.id, process: h.process, pid: h.pid });
    }
  }
  return out;
}

/** The update and rollback policies of an API spec (each absent when not sent). */
function rolloutPolicies(p: clusterctl.cluster.IServiceSpec): Pick<ServiceSpec, 'update' | 'rollback'> {
  const update = validateRolloutConfig('updateConfig', '--update', p.updateConfig, true);
  const rollback = validateRolloutConfig('rollbackConfig', '--rollback', p.rollbackConfig, false);
  return { ...(update !== undefined ? { update } : {}), ...(rollback !== undefined ? { rollback } : {}) };
}

/** An update or rollback config from the API (absent: undefined, the caller keeps or defaults it). */
export function validateRolloutConfig(
  field: 'updateConfig' | 'rollbackConfig',
  flag: '--update' | '--rollback',
  p: clusterctl.cluster.IUpdateConfig | null | undefined,
  update: boolean,
): UpdateConfig | undefined {
  if (p === null || p === undefined) return undefined;
  const base = validateUpdateConfig(p, field, flag)!;
  const failureAction = (p.failureAction ?? '') === '' ? UPDATE_CONFIG_DEFAULTS.failureAction : p.failureAction;
  const actions = update ? ['pause', 'continue', 'rollback'] : ['pause', 'continue'];
  if (!actions.includes(failureAction ?? '')) {
    throw invalid(
      `${field}.failureAction`,
      `invalid ${update ? 'update' : 'rollback'} failure action ${shortForMessage(failureAction ?? '')}`,
      `the failure action is ${actions.join(', ')}, e.g. ${flag}-failure-action pause`,
    );
  }
  const monitorMs = Number(p.monitorMs ?? 0);
  if (!Number.isSafeInteger(monitorMs) || monitorMs < 0 || monitorMs > SPEC_LIMITS.maxUpdateDelayMs) {
    throw invalid(
      `${field}.monitorMs`,
      `invalid monitor period ${monitorMs} ms`,
      `from 0 to 1h, e.g. ${flag}-monitor 5s`,
    );
  }
  const maxFailureRatio = Number(p.maxFailureRatio ?? 0);
  if (!Number.isFinite(maxFailureRatio) || maxFailureRatio < 0 || maxFailureRatio > 1) {
    throw invalid(
      `${field}.maxFailureRatio`,
      `invalid max failure ratio ${maxFailureRatio}`,
      `a fraction from 0 to 1, e.g. ${flag}-max-failure-ratio 0.2`,
    );
  }
  return { ...base, failureAction: failureAction as UpdateConfig['failureAction'], monitorMs, maxFailureRatio };
}

/** The rollout basics (parallelism, delay, order) from the API (absent: undefined, the caller keeps or defaults it). */
export function validateUpdateConfig(
  p: clusterctl.control.IUpdateConfig | clusterctl.cluster.IUpdateConfig | null | undefined,
  field = 'updateConfig',
  flag = '--update',
): UpdateConfig | undefined {
  if (p === null || p === undefined) return undefined;
  const parallelism = Number(p.parallelism ?? 0);
  const delayMs = Number(p.delayMs ?? 0);
  const order = (p.order ?? '') === '' ? UPDATE_CONFIG_DEFAULTS.order : p.order;
  if (!Number.isSafeInteger(parallelism) || parallelism < 0 || parallelism > SPEC_LIMITS.maxReplicas) {
    throw invalid(
      `${field}.parallelism`,
      `invalid ${flag.slice(2)} parallelism ${parallelism}`,
      `0 (all at once) to ${SPEC_LIMITS.maxReplicas}, e.g. ${flag}-parallelism 2`,
    );
  }
  if (!Number.isSafeInteger(delayMs) || delayMs < 0 || delayMs > SPEC_LIMITS.maxUpdateDelayMs) {
    throw invalid(
      `${field}.delayMs`,
      `invalid ${flag.slice(2)} delay ${delayMs} ms`,
      `from 0 to 1h, e.g. ${flag}-delay 10s`,
    );
  }
  if (order !== 'stop-first' && order !== 'start-first') {
    throw invalid(
      `${field}.order`,
      `invalid ${flag.slice(2)} order ${JSON.stringify(order)}`,
      `the ${flag.slice(2)} order is stop-first or start-first`,
    );
  }
  return { parallelism, delayMs, order };
}

// ---------------------------------------------------------------------------------------------
// Health check and stop

/** Signal names a stop signal may use (Linux), without the SIG prefix. */
const SIGNALS = new Set(
  (
    'HUP INT QUIT ILL TRAP ABRT IOT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT CHLD CONT STOP TSTP ' +
    'TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO POLL PWR SYS'
  ).split(' '),
);

/** A stop signal as Docker takes it (SIGTERM, TERM, 15, SIGRTMIN+3): normalized to SIGNAME or the number. */
export function normalizeStopSignal(raw: string): string {
  const v = raw.trim().toUpperCase();
  if (/^[0-9]+$/.test(v)) {
    const n = Number(v);
    if (n >= 1 && n <= 64) return String(n);
  } else {
    const name = v.startsWith('SIG') ? v.slice(3) : v;
    const rt = /^RTM(IN|AX)([+-]([0-9]{1,2}))?$/.exec(name);
    if (SIGNALS.has(name) || (rt !== null && Number(rt[3] ?? 0) <= 30)) return `SIG${name}`;
  }
  throw invalid(
    'stopSignal',
    `invalid stop signal ${shortForMessage(raw)}`,
    'give a signal name or number, e.g. --stop-signal SIGINT (or INT, or 2)',
  );
}

function duration(field: string, v: unknown, minMs: number, maxMs: number, hint: string): number {
  const n = Number(v ?? 0);
  if (!Number.isSafeInteger(n) || n < 0 || (n !== 0 && n < minMs) || n > maxMs)
    throw invalid(field, `invalid ${field} ${String(v)} ms`, hint);
  return n;
}

function probePort(field: string, v: unknown): number {
  const n = Number(v ?? 0);
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw invalid(field, `invalid ${field} ${String(v)}`, 'a probe port is the container port, 1-65535');
  return n;
}

/** A HealthCheck from the API, checked (one kind of test, Docker's forms, bounded timings). */
export function validateHealthcheck(h: clusterctl.cluster.IHealthCheck): HealthCheck {
  const test = [...(h.test ?? [])];
  const httpPort = Number(h.httpPort ?? 0);
  const httpPath = h.httpPath ?? '';
  const tcpPort = Number(h.tcpPort ?? 0);
  const kinds = [test.length > 0, httpPort !== 0 || httpPath !== '', tcpPort !== 0].filter(Boolean).length;
  if (kinds > 1)
    throw invalid(
      'healthcheck',
      'a health check has one test: a command, an HTTP probe or a TCP probe',
      'give one of --health-cmd, --health-http or --health-tcp',
    );
  test.forEach((a, i) => checkString(`healthcheck.test[${i}]`, a));
  const kind = test[0];
  if (kind !== undefined) {
    if (kind === 'NONE') {
      if (test.length !== 1)
        throw invalid('healthcheck.test', 'a NONE health check has no arguments', 'use ["NONE"] (--no-healthcheck)');
    } else if (kind === 'CMD') {
      if (test.length < 2 || test[1] === '')
        throw invalid(
          'healthcheck.test',
          'a CMD health check needs a command',
          'e.g. ["CMD", "curl", "-f", "http://localhost/"]',
        );
    } else if (kind === 'CMD-SHELL') {
      if (test.length !== 2 || test[1]!.trim() === '')
        throw invalid(
          'healthcheck.test',
          'a CMD-SHELL health check is one shell command',
          'e.g. --health-cmd "wget -q -O- http://localhost/ || exit 1"',
        );
    } else {
      throw invalid(
        'healthcheck.test',
        `invalid health check test ${shortForMessage(kind)}`,
        'the test starts with CMD, CMD-SHELL or NONE (as Docker)',
      );
    }
    if (test.length > SPEC_LIMITS.maxCommandArgs)
      throw invalid('healthcheck.test', 'too many health check arguments', `at most ${SPEC_LIMITS.maxCommandArgs}`);
  }
  const max = SPEC_LIMITS.maxHealthDurationMs;
  const out: HealthCheck = {
    test,
    intervalMs: duration(
      'healthcheck.intervalMs',
      h.intervalMs,
      SPEC_LIMITS.minHealthIntervalMs,
      max,
      'the interval is 100ms to 1h (0: 30s), e.g. --health-interval 5s',
    ),
    timeoutMs: duration(
      'healthcheck.timeoutMs',
      h.timeoutMs,
      SPEC_LIMITS.minHealthTimeoutMs,
      max,
      'the timeout is 10ms to 1h (0: 30s), e.g. --health-timeout 2s',
    ),
    retries: Number(h.retries ?? 0),
    startPeriodMs: duration(
      'healthcheck.startPeriodMs',
      h.startPeriodMs,
      0,
      max,
      'the start period is 0 to 1h, e.g. --health-start-period 30s',
    ),
  };
  if (!Number.isSafeInteger(out.retries) || out.retries < 0 || out.retries > SPEC_LIMITS.maxHealthRetries)
    throw invalid(
      'healthcheck.retries',
      `invalid health check retries ${String(h.retries)}`,
      `0 (3) to ${SPEC_LIMITS.maxHealthRetries}`,
    );
  if (kind === 'NONE' && (out.intervalMs || out.timeoutMs || out.retries || out.startPeriodMs))
    throw invalid(
      'healthcheck',
      'a disabled health check has no timings',
      'drop --no-healthcheck, or the --health-* timing flags',
    );
  if (httpPort !== 0 || httpPath !== '') {
    const path = httpPath === '' ? '/' : httpPath;
    if (!path.startsWith('/') || path.length > SPEC_LIMITS.maxHealthHttpPathChars || /[\s\0-\x1f\x7f]/.test(path))
      throw invalid(
        'healthcheck.httpPath',
        `invalid health check path ${shortForMessage(httpPath)}`,
        `a path starts with "/", has no spaces or control characters and at most ${SPEC_LIMITS.maxHealthHttpPathChars} characters, e.g. --health-http 80/healthz`,
      );
    out.http = { port: probePort('healthcheck.httpPort', httpPort), path };
  }
  if (tcpPort !== 0) out.tcp = { port: probePort('healthcheck.tcpPort', tcpPort) };
  return out;
}

/** The spec's health check, stop grace period and stop signal (each absent when not given). */
function healthAndStop(
  p: clusterctl.cluster.IServiceSpec,
): Pick<ServiceSpec, 'healthcheck' | 'stopGracePeriodMs' | 'stopSignal'> {
  const out: Pick<ServiceSpec, 'healthcheck' | 'stopGracePeriodMs' | 'stopSignal'> = {};
  if (p.healthcheck !== null && p.healthcheck !== undefined) out.healthcheck = validateHealthcheck(p.healthcheck);
  if (p.hasStopGracePeriod === true)
    out.stopGracePeriodMs = duration(
      'stopGracePeriodMs',
      p.stopGracePeriodMs,
      0,
      SPEC_LIMITS.maxStopGracePeriodMs,
      'the stop grace period is 0 to 1h, e.g. --stop-grace-period 30s',
    );
  if ((p.stopSignal ?? '') !== '') out.stopSignal = normalizeStopSignal(p.stopSignal!);
  return out;
}

/** Image pinning: the spec's image ID, when one is sent (sha256 and 64 hex digits). */
function imagePin(p: clusterctl.cluster.IServiceSpec): { imageId?: string } {
  const id = (p.imageId ?? '').trim();
  if (id === '') return {};
  if (!/^sha256:[0-9a-f]{64}$/.test(id))
    throw invalid('imageId', `invalid image ID ${shortForMessage(id)}`, 'an image ID is sha256: and 64 hex digits');
  return { imageId: id };
}
