// The merged, schema-checked compose value -> the typed model (model.ts): every value converted and
// checked (integers, durations, sizes, ports ...), problems collected with their path, and the keys a
// cluster does not honour listed as ignored instead of failing.
import type {
  ComposeFileObject,
  ComposeNetwork,
  ComposeProject,
  ComposeService,
  ComposeVolume,
  Deploy,
  FileReference,
  HealthCheck,
  IgnoredKey,
  Mount,
  PortMapping,
  ResourceSet,
  RestartPolicy,
  UpdatePolicy,
} from './model.js';
import { formatPath, type YamlPath } from './problems.js';
import {
  parseBool,
  parseBytes,
  parseDurationMs,
  parseInteger,
  parseNanoCpus,
  parseProtocol,
  parseRatio,
  parseShortPort,
  splitCommand,
  ValueError,
} from './units.js';

type Obj = Record<string, unknown>;
/** How long a new task is watched after an update or rollback when the file does not say (Docker's). */
export const DEFAULT_MONITOR_MS = 5_000;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Service keys a cluster cannot honour, and why (docs/moving-from-compose.md says the same). */
export const IGNORED_SERVICE_KEYS: Readonly<Record<string, string>> = {
  build: 'the cluster runs images: build and tag them before deploying',
  depends_on: 'tasks start in any order on a cluster: make services retry, and use health checks',
  container_name: 'a service has several containers, named by the cluster',
  links: 'services reach each other by their names on the stack network',
  external_links: 'services reach each other by their names on the stack network',
  network_mode: 'tasks join the cluster networks of the stack',
  restart: 'use deploy.restart_policy',
  scale: 'use deploy.replicas',
  expose: 'every port of a task is reachable on its networks',
  profiles: 'a stack deploys every service of the file',
  extends: 'merge files with several -c instead',
  pull_policy: 'the agent pulls images when a node lacks them',
  cgroup_parent: 'not settable on a cluster',
  cgroup: 'not settable on a cluster',
  devices: 'devices differ between nodes',
  device_cgroup_rules: 'devices differ between nodes',
  gpus: 'not supported on a cluster',
  privileged: 'not supported on a cluster',
  security_opt: 'not supported on a cluster',
  userns_mode: 'not supported on a cluster',
  ipc: 'not supported on a cluster',
  pid: 'not supported on a cluster',
  uts: 'not supported on a cluster',
  mac_address: 'tasks get their addresses from the cluster network',
  domainname: 'not supported on a cluster',
  dns: 'tasks use the cluster DNS',
  dns_opt: 'tasks use the cluster DNS',
  dns_search: 'tasks use the cluster DNS',
  extra_hosts: 'not supported on a cluster',
  volumes_from: 'tasks of one service may run on different nodes',
  cpus: 'use deploy.resources.limits.cpus',
  cpu_count: 'use deploy.resources',
  cpu_percent: 'use deploy.resources',
  cpu_shares: 'use deploy.resources',
  cpu_period: 'use deploy.resources',
  cpu_quota: 'use deploy.resources',
  cpu_rt_period: 'use deploy.resources',
  cpu_rt_runtime: 'use deploy.resources',
  cpuset: 'use deploy.resources',
  mem_limit: 'use deploy.resources.limits.memory',
  mem_reservation: 'use deploy.resources.reservations.memory',
  mem_swappiness: 'use deploy.resources',
  memswap_limit: 'use deploy.resources',
  oom_kill_disable: 'not supported on a cluster',
  oom_score_adj: 'not supported on a cluster',
  pids_limit: 'use deploy.resources.limits.pids',
  shm_size: 'not supported on a cluster',
  blkio_config: 'not supported on a cluster',
  storage_opt: 'not supported on a cluster',
  tty: 'tasks run detached',
  stdin_open: 'tasks run detached',
  attach: 'tasks run detached',
  platform: 'the scheduler places tasks on any node that fits',
  runtime: 'not supported on a cluster',
  isolation: 'not supported on a cluster',
  credential_spec: 'not supported on a cluster',
  group_add: 'not supported on a cluster',
  label_file: 'use labels',
  annotations: 'not supported on a cluster',
  develop: 'a development-time setting',
  post_start: 'not supported on a cluster',
  pre_stop: 'not supported on a cluster',
  models: 'not supported on a cluster',
  provider: 'not supported on a cluster',
  use_api_socket: 'not supported on a cluster',
  pull_refresh_after: 'the agent pulls images when a node lacks them',
};

const IGNORED_TOP_KEYS: Readonly<Record<string, string>> = {
  version: 'obsolete: the file is read as the compose specification',
  name: 'the stack name is the argument of `stack deploy`',
  include: 'merge files with several -c instead',
  models: 'not supported on a cluster',
};

export interface ConvertContext {
  /** Values of `environment: [KEY]` entries without a value, and of `secrets.x.environment`. */
  vars: Readonly<Record<string, string | undefined>>;
  /** Reads an env_file; undefined when missing. */
  readEnvFile(path: string): Record<string, string> | undefined;
  problem(path: YamlPath, message: string): void;
}

export function convertProject(raw: Obj, cx: ConvertContext): ComposeProject {
  const ignored: IgnoredKey[] = [];
  for (const [k, why] of Object.entries(IGNORED_TOP_KEYS)) if (k in raw) ignored.push({ path: k, key: k, why });
  const at =
    (path: YamlPath) =>
    <T>(f: () => T, fallback: T): T => {
      try {
        return f();
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        cx.problem(path, e.message);
        return fallback;
      }
    };
  const project: ComposeProject = {
    services: {},
    networks: {},
    volumes: {},
    secrets: {},
    configs: {},
    ignored,
  };
  for (const [name, n] of Object.entries(objOr(raw['networks']))) project.networks[name] = network(objOr(n));
  for (const [name, v] of Object.entries(objOr(raw['volumes']))) project.volumes[name] = volume(objOr(v));
  for (const kind of ['secrets', 'configs'] as const) {
    for (const [name, o] of Object.entries(objOr(raw[kind]))) {
      const f = fileObject(objOr(o));
      const sources = [f.external, f.file !== undefined, f.content !== undefined, f.environment !== undefined].filter(
        Boolean,
      ).length;
      if (sources !== 1)
        cx.problem(
          [kind, name],
          `give exactly one of file, ${kind === 'configs' ? 'content, ' : ''}environment or external: true`,
        );
      if (kind === 'secrets' && f.content !== undefined)
        cx.problem([kind, name, 'content'], 'secrets have no content key');
      project[kind][name] = f;
    }
  }
  for (const [name, s] of Object.entries(objOr(raw['services']))) {
    project.services[name] = service(name, objOr(s), ['services', name], cx, at, ignored);
  }
  // references to top-level objects
  for (const [name, s] of Object.entries(project.services)) {
    for (const net of Object.keys(s.networks))
      if (net !== 'default' && !(net in project.networks))
        cx.problem(
          ['services', name, 'networks', net],
          `network "${net}" is not declared under the top-level networks`,
        );
    s.volumes.forEach((m, i) => {
      if (m.type === 'volume' && m.source !== '' && !(m.source in project.volumes))
        cx.problem(
          ['services', name, 'volumes', i],
          `volume "${m.source}" is not declared under the top-level volumes`,
        );
    });
    for (const kind of ['secrets', 'configs'] as const)
      s[kind].forEach((r, i) => {
        if (!(r.source in project[kind]))
          cx.problem(
            ['services', name, kind, i],
            `${kind.slice(0, -1)} "${r.source}" is not declared under the top-level ${kind}`,
          );
      });
  }
  ignored.sort((a, b) => a.path.localeCompare(b.path));
  return project;
}

type At = (path: YamlPath) => <T>(f: () => T, fallback: T) => T;

function objOr(v: unknown): Obj {
  return isObj(v) ? v : {};
}

function strMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(objOr(v))) if (x !== null && x !== undefined) out[k] = String(x);
  return out;
}

function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
}

function str(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

function network(n: Obj): ComposeNetwork {
  const ipam = objOr(n['ipam']);
  const config = Array.isArray(ipam['config']) ? ipam['config'] : [];
  return {
    ...(typeof n['name'] === 'string' ? { name: n['name'] } : {}),
    external: externalFlag(n['external']),
    driver: str(n['driver']) || 'overlay',
    driverOpts: strMap(n['driver_opts']),
    attachable: n['attachable'] === true || n['attachable'] === 'true',
    internal: n['internal'] === true || n['internal'] === 'true',
    labels: strMap(isObj(n['labels']) ? n['labels'] : listToMap(n['labels'])),
    subnets: config.map((c) => str(objOr(c)['subnet'])).filter((s) => s !== ''),
  };
}

function externalFlag(v: unknown): boolean {
  return v === true || v === 'true' || isObj(v);
}

function listToMap(v: unknown): Obj {
  const out: Obj = {};
  if (Array.isArray(v))
    for (const item of v) {
      const s = String(item);
      const i = s.indexOf('=');
      out[i < 0 ? s : s.slice(0, i)] = i < 0 ? '' : s.slice(i + 1);
    }
  return out;
}

function volume(v: Obj): ComposeVolume {
  return {
    ...(typeof v['name'] === 'string' ? { name: v['name'] } : {}),
    external: externalFlag(v['external']),
    driver: str(v['driver']) || 'local',
    driverOpts: strMap(v['driver_opts']),
    labels: strMap(isObj(v['labels']) ? v['labels'] : listToMap(v['labels'])),
  };
}

function fileObject(o: Obj): ComposeFileObject {
  return {
    ...(typeof o['name'] === 'string' ? { name: o['name'] } : {}),
    external: externalFlag(o['external']),
    ...(typeof o['file'] === 'string' ? { file: o['file'] } : {}),
    ...(typeof o['content'] === 'string' ? { content: o['content'] } : {}),
    ...(typeof o['environment'] === 'string' ? { environment: o['environment'] } : {}),
    labels: strMap(isObj(o['labels']) ? o['labels'] : listToMap(o['labels'])),
  };
}

function command(v: unknown, path: YamlPath, at: At): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.map(String);
  return at(path)(() => splitCommand(String(v)), []);
}

function service(
  name: string,
  s: Obj,
  path: YamlPath,
  cx: ConvertContext,
  at: At,
  ignored: IgnoredKey[],
): ComposeService {
  for (const k of Object.keys(s)) {
    const why = IGNORED_SERVICE_KEYS[k];
    if (why !== undefined) ignored.push({ path: formatPath([...path, k]), key: k, why });
  }
  const p = (...rest: (string | number)[]): YamlPath => [...path, ...rest];
  if (typeof s['image'] !== 'string' || s['image'] === '')
    cx.problem(path, 'missing key "image" (a cluster runs images; build them before deploying)');

  // environment: env_file entries, then `environment` over them
  const environment: Record<string, string> = {};
  const envFiles = Array.isArray(s['env_file']) ? s['env_file'] : [];
  envFiles.forEach((e, i) => {
    const ef = objOr(e);
    const file = str(ef['path']);
    const values = cx.readEnvFile(file);
    if (values === undefined) {
      if (ef['required'] !== false && ef['required'] !== 'false')
        cx.problem(p('env_file', i), `env file ${file} not found`);
      return;
    }
    Object.assign(environment, values);
  });
  for (const [k, v] of Object.entries(objOr(s['environment']))) {
    if (v === null || v === undefined) {
      const fromShell = cx.vars[k];
      if (fromShell !== undefined) environment[k] = fromShell;
    } else environment[k] = typeof v === 'boolean' || typeof v === 'number' ? String(v) : str(v);
  }

  const ports: PortMapping[] = [];
  (Array.isArray(s['ports']) ? s['ports'] : []).forEach((x, i) => {
    at(p('ports', i))(() => {
      if (typeof x === 'string' || typeof x === 'number') {
        for (const pp of parseShortPort(x)) ports.push({ ...pp, mode: 'ingress' });
        return;
      }
      const o = objOr(x);
      const target = parseInteger(o['target'], 1, 65535);
      const publishedRaw = o['published'];
      const published =
        publishedRaw === undefined || publishedRaw === ''
          ? [0]
          : parseShortPort(`${str(publishedRaw)}:1`).map((q) => q.published);
      const mode = str(o['mode']) || 'ingress';
      if (mode !== 'ingress' && mode !== 'host')
        throw new ValueError(`mode must be ingress or host (not ${JSON.stringify(mode)})`);
      // a published range with one target: one mapping per published port
      for (const pub of published)
        ports.push({ target, published: pub, protocol: parseProtocol(o['protocol']), mode, hostIp: str(o['host_ip']) });
    }, undefined);
  });

  const networks: Record<string, { aliases: string[] }> = {};
  for (const [net, opts] of Object.entries(objOr(s['networks'])))
    networks[net] = { aliases: strList(objOr(opts)['aliases']) };

  const volumes: Mount[] = [];
  (Array.isArray(s['volumes']) ? s['volumes'] : []).forEach((x, i) => {
    const o = objOr(x);
    const type = str(o['type']);
    if (type !== 'volume' && type !== 'bind' && type !== 'tmpfs') {
      cx.problem(p('volumes', i), `volume type ${JSON.stringify(type)} is not supported (volume, bind or tmpfs)`);
      return;
    }
    const target = str(o['target']);
    if (!target.startsWith('/')) {
      cx.problem(p('volumes', i), `the target ${JSON.stringify(target)} must be an absolute path in the container`);
      return;
    }
    if (type === 'bind' && str(o['source']) === '') {
      cx.problem(p('volumes', i), 'a bind mount needs a source (a path on the node)');
      return;
    }
    volumes.push({
      type,
      source: type === 'tmpfs' ? '' : str(o['source']),
      target,
      readOnly: at(p('volumes', i, 'read_only'))(
        () => (o['read_only'] === undefined ? false : parseBool(o['read_only'])),
        false,
      ),
      tmpfsSizeBytes: at(p('volumes', i, 'tmpfs', 'size'))(() => {
        const size = objOr(o['tmpfs'])['size'];
        return size === undefined ? 0 : parseBytes(size);
      }, 0),
      noCopy: objOr(o['volume'])['nocopy'] === true,
    });
  });
  strList(s['tmpfs']).forEach((t, i) => {
    const [target = '', opts = ''] = t.split(':');
    const size = /(?:^|,)size=([^,]+)/.exec(opts)?.[1];
    volumes.push({
      type: 'tmpfs',
      source: '',
      target,
      readOnly: false,
      tmpfsSizeBytes: size === undefined ? 0 : at(p('tmpfs', i))(() => parseBytes(size), 0),
      noCopy: false,
    });
  });

  const refs = (kind: 'secrets' | 'configs'): FileReference[] =>
    (Array.isArray(s[kind]) ? s[kind] : []).map((x, i) => {
      const o = objOr(x);
      const source = str(o['source']);
      const mode = o['mode'];
      return {
        source,
        target: str(o['target']) || source,
        uid: str(o['uid']),
        gid: str(o['gid']),
        mode: at(p(kind, i, 'mode'))(
          () => (mode === undefined ? 0 : typeof mode === 'string' ? parseInt(mode, 8) : parseInteger(mode, 0, 0o777)),
          0,
        ),
      };
    });

  const ulimits: Record<string, { soft: number; hard: number }> = {};
  for (const [k, v] of Object.entries(objOr(s['ulimits']))) {
    ulimits[k] = at(p('ulimits', k))(
      () => {
        if (isObj(v)) return { soft: parseInteger(v['soft']), hard: parseInteger(v['hard']) };
        const n = parseInteger(v);
        return { soft: n, hard: n };
      },
      { soft: 0, hard: 0 },
    );
  }

  const logging = isObj(s['logging'])
    ? { driver: str(s['logging']['driver']), options: strMap(s['logging']['options']) }
    : undefined;

  const out: ComposeService = {
    name,
    image: str(s['image']),
    environment,
    ports,
    networks,
    volumes,
    secrets: refs('secrets'),
    configs: refs('configs'),
    labels: strMap(s['labels']),
    user: str(s['user']),
    workingDir: str(s['working_dir']),
    hostname: str(s['hostname']),
    stopSignal: str(s['stop_signal']),
    readOnly: at(p('read_only'))(() => (s['read_only'] === undefined ? false : parseBool(s['read_only'])), false),
    capAdd: strList(s['cap_add']),
    capDrop: strList(s['cap_drop']),
    ulimits,
    sysctls: strMap(s['sysctls']),
    deploy: deploy(objOr(s['deploy']), p('deploy'), cx, at),
  };
  const cmd = command(s['command'], p('command'), at);
  if (cmd !== undefined) out.command = cmd;
  const ep = command(s['entrypoint'], p('entrypoint'), at);
  if (ep !== undefined) out.entrypoint = ep;
  if (s['stop_grace_period'] !== undefined)
    out.stopGracePeriodMs = at(p('stop_grace_period'))(() => parseDurationMs(s['stop_grace_period']), 0);
  if (s['init'] !== undefined) out.init = at(p('init'))(() => parseBool(s['init']), false);
  if (logging !== undefined) out.logging = logging;
  if (isObj(s['healthcheck'])) out.healthcheck = healthcheck(s['healthcheck'], p('healthcheck'), cx, at);
  for (const k of Object.keys(objOr(objOr(objOr(s['deploy'])['resources'])['reservations'])))
    if (k === 'devices' || k === 'generic_resources')
      ignored.push({
        path: formatPath(p('deploy', 'resources', 'reservations', k)),
        key: `deploy.resources.reservations.${k}`,
        why: 'devices and generic resources differ between nodes',
      });
  return out;
}

function healthcheck(h: Obj, path: YamlPath, cx: ConvertContext, at: At): HealthCheck {
  const p = (k: string): YamlPath => [...path, k];
  const dur = (k: string): number => (h[k] === undefined ? 0 : at(p(k))(() => parseDurationMs(h[k]), 0));
  let test: string[] = [];
  if (typeof h['test'] === 'string') test = ['CMD-SHELL', h['test']];
  else if (Array.isArray(h['test'])) test = h['test'].map(String);
  if (test.length > 0 && !['CMD', 'CMD-SHELL', 'NONE'].includes(test[0]!))
    cx.problem(p('test'), 'a test list starts with "CMD", "CMD-SHELL" or "NONE"');
  return {
    test,
    intervalMs: dur('interval'),
    timeoutMs: dur('timeout'),
    retries: h['retries'] === undefined ? 0 : at(p('retries'))(() => parseInteger(h['retries']), 0),
    startPeriodMs: dur('start_period'),
    startIntervalMs: dur('start_interval'),
    disable: h['disable'] === true || h['disable'] === 'true' || test[0] === 'NONE',
  };
}

function deploy(d: Obj, path: YamlPath, cx: ConvertContext, at: At): Deploy {
  const p = (...k: (string | number)[]): YamlPath => [...path, ...k];
  const modeRaw = str(d['mode']) || 'replicated';
  let mode: Deploy['mode'] = 'replicated';
  if (modeRaw === 'global') mode = 'global';
  else if (modeRaw !== 'replicated')
    cx.problem(p('mode'), `must be replicated or global (not ${JSON.stringify(modeRaw)}; jobs are not supported)`);
  const replicas = d['replicas'] === undefined ? 1 : at(p('replicas'))(() => parseInteger(d['replicas'], 0, 10_000), 1);
  if (mode === 'global' && d['replicas'] !== undefined) cx.problem(p('replicas'), 'a global service has no replicas');
  const placement = objOr(d['placement']);
  const preferences = (Array.isArray(placement['preferences']) ? placement['preferences'] : []).flatMap((x) =>
    Object.entries(objOr(x)).map(([k, v]) => `${k}=${str(v)}`),
  );
  const resources = objOr(d['resources']);
  const set = (kind: 'limits' | 'reservations'): ResourceSet => {
    const r = objOr(resources[kind]);
    return {
      nanoCpus: r['cpus'] === undefined ? 0 : at(p('resources', kind, 'cpus'))(() => parseNanoCpus(r['cpus']), 0),
      memoryBytes: r['memory'] === undefined ? 0 : at(p('resources', kind, 'memory'))(() => parseBytes(r['memory']), 0),
      pids: r['pids'] === undefined ? 0 : at(p('resources', kind, 'pids'))(() => parseInteger(r['pids']), 0),
    };
  };
  const out: Deploy = {
    mode,
    replicas: mode === 'global' ? 0 : replicas,
    constraints: strList(placement['constraints']),
    preferences,
    maxReplicasPerNode:
      placement['max_replicas_per_node'] === undefined
        ? 0
        : at(p('placement', 'max_replicas_per_node'))(() => parseInteger(placement['max_replicas_per_node']), 0),
    limits: set('limits'),
    reservations: set('reservations'),
    labels: strMap(d['labels']),
    endpointMode: 'vip',
  };
  const em = str(d['endpoint_mode']);
  if (em === 'dnsrr') out.endpointMode = 'dnsrr';
  else if (em !== '' && em !== 'vip') cx.problem(p('endpoint_mode'), 'must be vip or dnsrr');
  if (isObj(d['restart_policy'])) {
    const r = d['restart_policy'];
    const condition = str(r['condition']) || 'any';
    if (!['none', 'on-failure', 'any'].includes(condition))
      cx.problem(p('restart_policy', 'condition'), 'must be none, on-failure or any');
    const rp: RestartPolicy = {
      condition: (['none', 'on-failure', 'any'].includes(condition) ? condition : 'any') as RestartPolicy['condition'],
      delayMs: r['delay'] === undefined ? 0 : at(p('restart_policy', 'delay'))(() => parseDurationMs(r['delay']), 0),
      maxAttempts:
        r['max_attempts'] === undefined
          ? 0
          : at(p('restart_policy', 'max_attempts'))(() => parseInteger(r['max_attempts']), 0),
      windowMs:
        r['window'] === undefined ? 0 : at(p('restart_policy', 'window'))(() => parseDurationMs(r['window']), 0),
    };
    out.restartPolicy = rp;
  }
  for (const k of ['update_config', 'rollback_config'] as const) {
    if (!isObj(d[k])) continue;
    const u = d[k];
    const q = (x: string): YamlPath => p(k, x);
    const failureAction = str(u['failure_action']) || (k === 'update_config' ? 'pause' : 'pause');
    if (!['continue', 'rollback', 'pause'].includes(failureAction))
      cx.problem(q('failure_action'), 'must be continue, rollback or pause');
    else if (k === 'rollback_config' && failureAction === 'rollback')
      cx.problem(q('failure_action'), 'a rollback fails with continue or pause');
    const order = str(u['order']) || 'stop-first';
    if (!['stop-first', 'start-first'].includes(order)) cx.problem(q('order'), 'must be stop-first or start-first');
    const policy: UpdatePolicy = {
      parallelism: u['parallelism'] === undefined ? 1 : at(q('parallelism'))(() => parseInteger(u['parallelism']), 1),
      delayMs: u['delay'] === undefined ? 0 : at(q('delay'))(() => parseDurationMs(u['delay']), 0),
      failureAction: failureAction as UpdatePolicy['failureAction'],
      // absent: Docker's 5 s
      monitorMs:
        u['monitor'] === undefined ? DEFAULT_MONITOR_MS : at(q('monitor'))(() => parseDurationMs(u['monitor']), 0),
      maxFailureRatio:
        u['max_failure_ratio'] === undefined
          ? 0
          : at(q('max_failure_ratio'))(() => parseRatio(u['max_failure_ratio']), 0),
      order: order as UpdatePolicy['order'],
    };
    if (k === 'update_config') out.updateConfig = policy;
    else out.rollbackConfig = policy;
  }
  return out;
}
