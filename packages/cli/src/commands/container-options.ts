// The mounts and container options of `service create` and `service update` (Docker's flags and
// value syntax): --mount (Docker's CSV form), --entrypoint, --workdir, --user, --hostname
// (templates), --init, --read-only, --cap-add/--cap-drop, --ulimit, --sysctl, --group,
// --env-file, --container-label, --tty, --log-driver/--log-opt, and the -add/-rm forms of update.
// Everything is checked here first (the managers check again).
import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import {
  BIND_PROPAGATIONS,
  checkAbsolutePath,
  checkHostnameTemplate,
  checkSysctlKey,
  checkUlimitName,
  checkUlimitValues,
  ClusterError,
  ErrorCode,
  MOUNT_TYPES,
  normalizeCapability,
  VOLUME_NAME_RE,
} from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import { parseLabel, parseLabels, parseMemoryBytes, splitArgs, usageError } from '../parse.js';

type Spec = clusterctl.cluster.IServiceSpec;
type MountMsg = clusterctl.cluster.IMount;
type UlimitMsg = clusterctl.cluster.IUlimit;

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** Re-raises a common check's error as a usage error of `flag`. */
function asFlag<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ClusterError) throw usageError(e.message, e.hint ?? '');
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Value parsers

/** One line of CSV as Go's encoding/csv reads it (Docker's --mount): "a,b" -> [a, b]; "\"x,y\"" -> [x,y]. */
export function splitCsv(flag: string, v: string): string[] {
  const out: string[] = [];
  let i = 0;
  const bad = (why: string): ClusterError =>
    usageError(
      `${flag}: ${why} in ${JSON.stringify(v)}`,
      'quote a whole field that holds commas, e.g. "volume-opt=o=a,b"',
    );
  for (;;) {
    let field = '';
    if (v[i] === '"') {
      i++;
      for (;;) {
        if (i >= v.length) throw bad('an unclosed quote');
        if (v[i] === '"') {
          if (v[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += v[i++];
      }
      if (i < v.length && v[i] !== ',') throw bad('text after a closing quote');
    } else {
      const end = v.indexOf(',', i);
      field = end < 0 ? v.slice(i) : v.slice(i, end);
      if (field.includes('"')) throw bad('a quote inside a field');
      i = end < 0 ? v.length : end;
    }
    out.push(field);
    if (i >= v.length) break;
    i++; // the comma
  }
  return out;
}

function parseBool(flag: string, key: string, v: string | undefined): boolean {
  if (v === undefined) return true;
  const s = v.toLowerCase();
  if (s === 'true' || s === '1') return true;
  if (s === 'false' || s === '0') return false;
  throw usageError(
    `${flag}: invalid value for ${key}: ${JSON.stringify(v)}`,
    `${key} is true or false, or alone for true`,
  );
}

const MOUNT_KEYS =
  'type, source (src), target (dst, destination), readonly (ro), bind-propagation, volume-driver, volume-label, volume-opt, volume-nocopy, tmpfs-size, tmpfs-mode';

/** --mount type=volume|bind|tmpfs,source=..,target=..[,readonly][,volume-*][,bind-propagation=..][,tmpfs-*] (Docker's syntax). */
export function parseMount(flag: string, v: string): MountMsg {
  const m: MountMsg = { type: 'volume', source: '', target: '', readOnly: false };
  const volumeOptions: Record<string, string> = {};
  const volumeLabels: Record<string, string> = {};
  const used = { volume: false, bind: false, tmpfs: false };
  for (const field of splitCsv(flag, v)) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? undefined : field.slice(eq + 1);
    const need = (): string => {
      if (value === undefined) throw usageError(`${flag}: ${key} needs a value`, `write ${key}=VALUE`);
      return value;
    };
    switch (key) {
      case 'type': {
        const t = need();
        if (!(MOUNT_TYPES as readonly string[]).includes(t))
          throw usageError(`${flag}: invalid mount type ${JSON.stringify(t)}`, 'type is volume, bind or tmpfs');
        m.type = t;
        break;
      }
      case 'source':
      case 'src':
        m.source = need();
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.target = need();
        break;
      case 'readonly':
      case 'ro':
        m.readOnly = parseBool(flag, key, value);
        break;
      case 'bind-propagation': {
        const p = need();
        if (!(BIND_PROPAGATIONS as readonly string[]).includes(p))
          throw usageError(
            `${flag}: invalid bind-propagation ${JSON.stringify(p)}`,
            `one of ${BIND_PROPAGATIONS.join(', ')}`,
          );
        m.bindPropagation = p;
        used.bind = true;
        break;
      }
      case 'volume-driver':
        m.volumeDriver = need();
        used.volume = true;
        break;
      case 'volume-nocopy':
        m.volumeNocopy = parseBool(flag, key, value);
        used.volume = true;
        break;
      case 'volume-label': {
        const [k, val] = parseLabel(`${flag} volume-label`, need());
        volumeLabels[k] = val;
        used.volume = true;
        break;
      }
      case 'volume-opt': {
        const o = need();
        const i = o.indexOf('=');
        if (i <= 0)
          throw usageError(
            `${flag}: invalid volume-opt ${JSON.stringify(o)}`,
            'write volume-opt=KEY=VALUE, e.g. volume-opt=type=nfs',
          );
        volumeOptions[o.slice(0, i)] = o.slice(i + 1);
        used.volume = true;
        break;
      }
      case 'tmpfs-size':
        m.tmpfsSizeBytes = parseMemoryBytes(`${flag} tmpfs-size`, need());
        used.tmpfs = true;
        break;
      case 'tmpfs-mode': {
        const s = need();
        if (!/^0?[0-7]{1,4}$/.test(s))
          throw usageError(
            `${flag}: invalid tmpfs-mode ${JSON.stringify(s)}`,
            'octal permission bits, e.g. tmpfs-mode=1770',
          );
        m.tmpfsMode = parseInt(s, 8);
        used.tmpfs = true;
        break;
      }
      default:
        throw usageError(`${flag}: unknown mount option ${JSON.stringify(key)}`, `the options are ${MOUNT_KEYS}`);
    }
  }
  if (Object.keys(volumeOptions).length > 0) m.volumeOptions = volumeOptions;
  if (Object.keys(volumeLabels).length > 0) m.volumeLabels = volumeLabels;
  for (const kind of ['volume', 'bind', 'tmpfs'] as const) {
    if (used[kind] && m.type !== kind)
      throw usageError(
        `${flag}: ${kind}-* options do not apply to a ${m.type} mount`,
        `drop them, or use type=${kind}`,
      );
  }
  if (m.target === '')
    throw usageError(
      `${flag}: the target is missing`,
      'give the path in the container, e.g. type=volume,source=data,target=/data',
    );
  asFlag(() =>
    checkAbsolutePath(
      `${flag} target`,
      m.target!,
      'the target is an absolute path in the container, e.g. target=/data',
    ),
  );
  if (m.type === 'bind') {
    if (m.source === '')
      throw usageError(
        `${flag}: a bind mount needs a source`,
        'give the host path, e.g. type=bind,source=/srv/data,target=/data',
      );
    asFlag(() =>
      checkAbsolutePath(
        `${flag} source`,
        m.source!,
        'a bind source is an absolute path on the node, e.g. source=/srv/data',
      ),
    );
  } else if (m.type === 'volume') {
    if (m.source !== '' && !VOLUME_NAME_RE.test(m.source!))
      throw usageError(
        `${flag}: invalid volume name ${JSON.stringify(m.source)}`,
        'a volume name is letters, digits, "_", "." or "-", starting with a letter or digit; for a host path use type=bind',
      );
  } else if (m.source !== '') {
    throw usageError(`${flag}: a tmpfs mount has no source`, 'drop source=, e.g. type=tmpfs,target=/cache');
  }
  return m;
}

/** --ulimit NAME=SOFT[:HARD] (HARD defaults to SOFT; -1 or "unlimited": no limit), as Docker. */
export function parseUlimit(flag: string, v: string): UlimitMsg {
  const m = /^([a-z]+)=([^:]+)(?::(.+))?$/.exec(v.trim());
  if (m === null)
    throw usageError(
      `${flag}: invalid ulimit ${JSON.stringify(v)}`,
      'write NAME=SOFT[:HARD], e.g. --ulimit nofile=1024:2048',
    );
  const name = m[1]!;
  const num = (s: string): number => {
    if (s === 'unlimited') return -1;
    if (!/^-?\d+$/.test(s))
      throw usageError(
        `${flag}: invalid ${name} limit ${JSON.stringify(s)}`,
        'a limit is a whole number, -1 or unlimited',
      );
    return Number(s);
  };
  const soft = num(m[2]!);
  const hard = m[3] === undefined ? soft : num(m[3]);
  asFlag(() => {
    checkUlimitName(flag, name);
    checkUlimitValues(flag, name, soft, hard);
  });
  return { name, soft, hard };
}

/** --sysctl KEY=VALUE. */
export function parseSysctl(flag: string, v: string): [string, string] {
  const eq = v.indexOf('=');
  if (eq <= 0)
    throw usageError(
      `${flag}: invalid sysctl ${JSON.stringify(v)}`,
      'write KEY=VALUE, e.g. --sysctl net.core.somaxconn=1024',
    );
  const key = v.slice(0, eq).trim();
  asFlag(() => checkSysctlKey(flag, key));
  return [key, v.slice(eq + 1)];
}

/** A capability name for --cap-add/--cap-drop: NET_ADMIN, CAP_NET_ADMIN or ALL (normalized to CAP_X). */
export function parseCapability(flag: string, v: string): string {
  return asFlag(() => normalizeCapability(flag, v));
}

function parseGroup(flag: string, v: string): string {
  const g = v.trim();
  if (!/^[a-zA-Z0-9_.][a-zA-Z0-9_.-]*$/.test(g))
    throw usageError(`${flag}: invalid group ${JSON.stringify(v)}`, 'give a group name or id, e.g. 1000 or audio');
  return g;
}

function parseUser(flag: string, v: string): string {
  const u = v.trim();
  if (u !== '' && !/^[a-zA-Z0-9_.][a-zA-Z0-9_.-]*(?::[a-zA-Z0-9_.][a-zA-Z0-9_.-]*)?$/.test(u))
    throw usageError(
      `${flag}: invalid user ${JSON.stringify(v)}`,
      'give USER[:GROUP], names or ids, e.g. -u 1000:1000 or -u nobody',
    );
  return u;
}

function parseWorkdir(flag: string, v: string): string {
  if (v !== '') asFlag(() => checkAbsolutePath(flag, v, 'the working directory is an absolute path, e.g. -w /app'));
  return v;
}

function parseHostnameFlag(flag: string, v: string): string {
  if (v !== '') asFlag(() => checkHostnameTemplate(flag, v));
  return v;
}

function parseLogOpts(flag: string, vs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of vs) {
    const eq = v.indexOf('=');
    if (eq <= 0)
      throw usageError(
        `${flag}: invalid log option ${JSON.stringify(v)}`,
        'write KEY=VALUE, e.g. --log-opt max-size=10m',
      );
    out[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return out;
}

/** Env files are small: this bounds what the CLI reads. */
export const MAX_ENV_FILE_BYTES = 1024 * 1024;

/**
 * Docker's env-file format: one KEY=VALUE per line, taken as written (no quotes are removed);
 * blank lines and lines starting with # are skipped; a KEY alone takes the value of KEY in the
 * CLI's environment (skipped when unset).
 */
export function parseEnvFileText(file: string, text: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const out: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (key === '' || /\s/.test(key) || key.includes('\0'))
      throw usageError(
        `--env-file ${file}: line ${i + 1}: invalid variable name ${JSON.stringify(key.slice(0, 64))}`,
        'each line is KEY=VALUE (or KEY, to pass the value from your environment), with a KEY without spaces',
      );
    if (eq >= 0) out.push(line);
    else if (env[key] !== undefined) out.push(`${key}=${env[key]}`);
  });
  return out;
}

export function readEnvFile(file: string, env: NodeJS.ProcessEnv = process.env): string[] {
  let text: string;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw usageError(`--env-file ${file}: not a file`, 'give a file of KEY=VALUE lines');
    if (st.size > MAX_ENV_FILE_BYTES)
      throw usageError(
        `--env-file ${file}: ${st.size} bytes, more than ${MAX_ENV_FILE_BYTES}`,
        'an env file holds variables, not data',
      );
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof ClusterError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ClusterError(ErrorCode.NotFound, `--env-file ${file}: cannot read it (${code ?? String(e)})`, {
      hint: 'give the path of a readable file of KEY=VALUE lines',
    });
  }
  return parseEnvFileText(file, text, env);
}

// ---------------------------------------------------------------------------------------------
// service create

export interface ContainerCreateFlags {
  mount?: string[];
  entrypoint?: string;
  workdir?: string;
  user?: string;
  hostname?: string;
  init?: boolean;
  readOnly?: boolean;
  capAdd?: string[];
  capDrop?: string[];
  ulimit?: string[];
  sysctl?: string[];
  group?: string[];
  groupAdd?: string[];
  envFile?: string[];
  containerLabel?: string[];
  tty?: boolean;
  logDriver?: string;
  logOpt?: string[];
}

export function addContainerCreateOptions(cmd: Command): Command {
  return cmd
    .option(
      '--mount <mount>',
      'attach a mount: type=volume|bind|tmpfs,source=..,target=..[,readonly] (repeatable)',
      collect,
    )
    .option('--entrypoint <command>', 'replace the image\'s ENTRYPOINT, e.g. --entrypoint "sh -c"')
    .option('-w, --workdir <dir>', 'working directory in the container')
    .option('-u, --user <user[:group]>', 'user (and group) the container runs as, names or ids')
    .option(
      '--hostname <name>',
      'container hostname; templates: {{.Service.Name}}, {{.Task.Slot}}, {{.Node.Hostname}} ...',
    )
    .option('--init', 'run an init inside the container that forwards signals and reaps processes')
    .option('--read-only', 'mount the root filesystem read-only')
    .option('--cap-add <capability>', 'add a Linux capability, e.g. NET_ADMIN (repeatable)', collect)
    .option('--cap-drop <capability>', 'drop a Linux capability, e.g. MKNOD or ALL (repeatable)', collect)
    .option('--ulimit <name=soft[:hard]>', 'a ulimit, e.g. nofile=1024:2048 (repeatable)', collect)
    .option('--sysctl <key=value>', 'a namespaced kernel parameter, e.g. net.core.somaxconn=1024 (repeatable)', collect)
    .option('--group <group>', 'a supplementary group of the container user (repeatable)', collect)
    .option('--group-add <group>', 'the same as --group (repeatable)', collect)
    .option('--env-file <file>', 'read environment variables from a file of KEY=VALUE lines (repeatable)', collect)
    .option('--container-label <key=value>', 'a label of the task containers (repeatable)', collect)
    .option('-t, --tty', 'allocate a pseudo-terminal')
    .option('--log-driver <driver>', "the containers' log driver, e.g. json-file, local, none")
    .option('--log-opt <key=value>', 'a log driver option (repeatable)', collect);
}

/** The container options of `service create` flags (only the ones given). */
export function buildContainerOptions(o: ContainerCreateFlags): Spec {
  const out: Spec = {};
  const mounts = (o.mount ?? []).map((m) => parseMount('--mount', m));
  const targets = new Set<string>();
  for (const m of mounts) {
    if (targets.has(m.target!))
      throw usageError(`--mount: two mounts have the target ${m.target}`, 'mount one thing per container path');
    targets.add(m.target!);
  }
  if (mounts.length > 0) out.mounts = mounts;
  if (o.entrypoint !== undefined) out.entrypoint = splitArgs('--entrypoint', o.entrypoint);
  if (o.workdir !== undefined) out.workdir = parseWorkdir('--workdir', o.workdir);
  if (o.user !== undefined) out.user = parseUser('--user', o.user);
  if (o.hostname !== undefined) out.hostname = parseHostnameFlag('--hostname', o.hostname);
  if (o.init === true) out.init = true;
  if (o.readOnly === true) out.readOnly = true;
  const capAdd = [...new Set((o.capAdd ?? []).map((c) => parseCapability('--cap-add', c)))];
  const capDrop = [...new Set((o.capDrop ?? []).map((c) => parseCapability('--cap-drop', c)))];
  for (const c of capAdd)
    if (capDrop.includes(c))
      throw usageError(`--cap-add and --cap-drop both name ${c}`, 'add or drop a capability, not both');
  if (capAdd.length > 0) out.capAdd = capAdd;
  if (capDrop.length > 0) out.capDrop = capDrop;
  const ulimits = (o.ulimit ?? []).map((u) => parseUlimit('--ulimit', u));
  if (new Set(ulimits.map((u) => u.name)).size !== ulimits.length)
    throw usageError('--ulimit: a ulimit is given twice', 'set each ulimit once');
  if (ulimits.length > 0) out.ulimits = ulimits;
  const sysctls = Object.fromEntries((o.sysctl ?? []).map((s) => parseSysctl('--sysctl', s)));
  if (Object.keys(sysctls).length > 0) out.sysctls = sysctls;
  const groups = [...new Set([...(o.group ?? []), ...(o.groupAdd ?? [])].map((g) => parseGroup('--group', g)))];
  if (groups.length > 0) out.groups = groups;
  const containerLabels = parseLabels('--container-label', o.containerLabel ?? []);
  if (Object.keys(containerLabels).length > 0) out.containerLabels = containerLabels;
  if (o.tty === true) out.tty = true;
  const logOpts = parseLogOpts('--log-opt', o.logOpt ?? []);
  if (o.logDriver === undefined && Object.keys(logOpts).length > 0)
    throw usageError('--log-opt needs --log-driver', 'e.g. --log-driver json-file --log-opt max-size=10m');
  if (o.logDriver !== undefined) {
    const name = o.logDriver.trim();
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/.test(name))
      throw usageError(`--log-driver: invalid driver ${JSON.stringify(o.logDriver)}`, 'e.g. json-file, local or none');
    out.logDriver = { name, options: logOpts };
  }
  return out;
}

/** The variables of --env-file files, in order (each file's lines in order); -e flags come after them. */
export function envFromFiles(files: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  return files.flatMap((f) => readEnvFile(f, env));
}

// ---------------------------------------------------------------------------------------------
// service update

export interface ContainerUpdateFlags {
  mountAdd?: string[];
  mountRm?: string[];
  entrypoint?: string;
  workdir?: string;
  user?: string;
  hostname?: string;
  init?: boolean;
  readOnly?: boolean;
  capAdd?: string[];
  capDrop?: string[];
  ulimitAdd?: string[];
  ulimitRm?: string[];
  sysctlAdd?: string[];
  sysctlRm?: string[];
  groupAdd?: string[];
  groupRm?: string[];
  containerLabelAdd?: string[];
  containerLabelRm?: string[];
  tty?: boolean;
  logDriver?: string;
  logOpt?: string[];
}

export function addContainerUpdateOptions(cmd: Command): Command {
  return cmd
    .option('--mount-add <mount>', 'add or replace a mount (by target), as --mount (repeatable)', collect)
    .option('--mount-rm <target>', 'remove the mount at a container path (repeatable)', collect)
    .option('--entrypoint <command>', 'replace the ENTRYPOINT; "" restores the image\'s')
    .option('-w, --workdir <dir>', 'working directory; "" restores the image\'s')
    .option('-u, --user <user[:group]>', 'user the container runs as; "" restores the image\'s')
    .option('--hostname <name>', 'container hostname (templates as on create); "" restores the default')
    .option('--init', 'run an init in the container')
    .option('--no-init', 'run no init in the container')
    .option('--read-only', 'mount the root filesystem read-only')
    .option('--no-read-only', 'mount the root filesystem read-write')
    .option('--cap-add <capability>', 'add a Linux capability (repeatable)', collect)
    .option('--cap-drop <capability>', 'drop a Linux capability (repeatable)', collect)
    .option('--ulimit-add <name=soft[:hard]>', 'add or change a ulimit (repeatable)', collect)
    .option('--ulimit-rm <name>', 'remove a ulimit (repeatable)', collect)
    .option('--sysctl-add <key=value>', 'add or change a sysctl (repeatable)', collect)
    .option('--sysctl-rm <key>', 'remove a sysctl (repeatable)', collect)
    .option('--group-add <group>', 'add a supplementary group (repeatable)', collect)
    .option('--group-rm <group>', 'remove a supplementary group (repeatable)', collect)
    .option('--container-label-add <key=value>', 'add or change a container label (repeatable)', collect)
    .option('--container-label-rm <key>', 'remove a container label (repeatable)', collect)
    .option('-t, --tty', 'allocate a pseudo-terminal')
    .option('--no-tty', 'allocate no pseudo-terminal')
    .option('--log-driver <driver>', 'the log driver (with its --log-opt options); "" restores the engine\'s')
    .option('--log-opt <key=value>', 'a log driver option, with --log-driver (repeatable)', collect);
}

/** The container option changes of `service update`, each flag checked on its own. */
export interface ContainerUpdatePlan {
  mountAdd: MountMsg[];
  mountRm: string[];
  entrypoint?: string[];
  workdir?: string;
  user?: string;
  hostname?: string;
  init?: boolean;
  readOnly?: boolean;
  capAdd: string[];
  capDrop: string[];
  ulimitAdd: UlimitMsg[];
  ulimitRm: string[];
  sysctlAdd: [string, string][];
  sysctlRm: string[];
  groupAdd: string[];
  groupRm: string[];
  containerLabelAdd: [string, string][];
  containerLabelRm: string[];
  tty?: boolean;
  logDriver?: { name: string; options: Record<string, string> };
}

function key(flag: string, v: string, example: string): string {
  const k = v.trim();
  if (k === '' || /[\s=]/.test(k))
    throw usageError(`${flag}: invalid key ${JSON.stringify(v)}`, `give the name only, e.g. ${flag} ${example}`);
  return k;
}

function both(a: string, b: string, what: string, k: string): ClusterError {
  return usageError(`${a} and ${b} both name ${what} ${JSON.stringify(k)}`, `add or remove ${what} ${k}, not both`);
}

export function parseContainerUpdateFlags(o: ContainerUpdateFlags): ContainerUpdatePlan {
  const plan: ContainerUpdatePlan = {
    mountAdd: (o.mountAdd ?? []).map((m) => parseMount('--mount-add', m)),
    mountRm: (o.mountRm ?? []).map((t) => {
      asFlag(() => checkAbsolutePath('--mount-rm', t, 'give the target path of the mount, e.g. --mount-rm /data'));
      return t;
    }),
    capAdd: (o.capAdd ?? []).map((c) => parseCapability('--cap-add', c)),
    capDrop: (o.capDrop ?? []).map((c) => parseCapability('--cap-drop', c)),
    ulimitAdd: (o.ulimitAdd ?? []).map((u) => parseUlimit('--ulimit-add', u)),
    ulimitRm: (o.ulimitRm ?? []).map((u) => {
      const k = key('--ulimit-rm', u, 'nofile');
      asFlag(() => checkUlimitName('--ulimit-rm', k));
      return k;
    }),
    sysctlAdd: (o.sysctlAdd ?? []).map((s) => parseSysctl('--sysctl-add', s)),
    sysctlRm: (o.sysctlRm ?? []).map((s) => key('--sysctl-rm', s, 'net.core.somaxconn')),
    groupAdd: (o.groupAdd ?? []).map((g) => parseGroup('--group-add', g)),
    groupRm: (o.groupRm ?? []).map((g) => parseGroup('--group-rm', g)),
    containerLabelAdd: (o.containerLabelAdd ?? []).map((l) => parseLabel('--container-label-add', l)),
    containerLabelRm: (o.containerLabelRm ?? []).map((l) => key('--container-label-rm', l, 'team')),
  };
  for (const m of plan.mountAdd)
    if (plan.mountRm.includes(m.target!)) throw both('--mount-add', '--mount-rm', 'mount target', m.target!);
  for (const c of plan.capAdd) if (plan.capDrop.includes(c)) throw both('--cap-add', '--cap-drop', 'capability', c);
  for (const u of plan.ulimitAdd)
    if (plan.ulimitRm.includes(u.name!)) throw both('--ulimit-add', '--ulimit-rm', 'ulimit', u.name!);
  for (const [k] of plan.sysctlAdd)
    if (plan.sysctlRm.includes(k)) throw both('--sysctl-add', '--sysctl-rm', 'sysctl', k);
  for (const g of plan.groupAdd) if (plan.groupRm.includes(g)) throw both('--group-add', '--group-rm', 'group', g);
  for (const [k] of plan.containerLabelAdd)
    if (plan.containerLabelRm.includes(k))
      throw both('--container-label-add', '--container-label-rm', 'container label', k);
  if (o.entrypoint !== undefined)
    plan.entrypoint = o.entrypoint.trim() === '' ? [] : splitArgs('--entrypoint', o.entrypoint);
  if (o.workdir !== undefined) plan.workdir = parseWorkdir('--workdir', o.workdir);
  if (o.user !== undefined) plan.user = parseUser('--user', o.user);
  if (o.hostname !== undefined) plan.hostname = parseHostnameFlag('--hostname', o.hostname);
  if (o.init !== undefined) plan.init = o.init;
  if (o.readOnly !== undefined) plan.readOnly = o.readOnly;
  if (o.tty !== undefined) plan.tty = o.tty;
  const logOpts = parseLogOpts('--log-opt', o.logOpt ?? []);
  if (o.logDriver === undefined && Object.keys(logOpts).length > 0)
    throw usageError(
      '--log-opt needs --log-driver',
      'give the driver with its options, e.g. --log-driver json-file --log-opt max-size=10m',
    );
  if (o.logDriver !== undefined) {
    const name = o.logDriver.trim();
    if (name !== '' && !/^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/.test(name))
      throw usageError(`--log-driver: invalid driver ${JSON.stringify(o.logDriver)}`, 'e.g. json-file, local or none');
    if (name === '' && Object.keys(logOpts).length > 0)
      throw usageError('--log-opt needs a log driver', 'give --log-driver NAME with the options');
    plan.logDriver = { name, options: logOpts };
  }
  return plan;
}

/** Whether the plan changes anything at all. */
export function containerPlanAsks(p: ContainerUpdatePlan): boolean {
  return (
    [
      p.mountAdd,
      p.mountRm,
      p.capAdd,
      p.capDrop,
      p.ulimitAdd,
      p.ulimitRm,
      p.sysctlAdd,
      p.sysctlRm,
      p.groupAdd,
      p.groupRm,
    ].some((xs) => xs.length > 0) ||
    p.containerLabelAdd.length + p.containerLabelRm.length > 0 ||
    [p.entrypoint, p.workdir, p.user, p.hostname, p.init, p.readOnly, p.tty, p.logDriver].some((v) => v !== undefined)
  );
}

/** The spec fields this module owns, for the update's list of changed fields. */
export const CONTAINER_OPTION_FIELDS = [
  'mounts',
  'entrypoint',
  'workdir',
  'user',
  'hostname',
  'init',
  'readOnly',
  'capAdd',
  'capDrop',
  'ulimits',
  'sysctls',
  'groups',
  'containerLabels',
  'tty',
  'logDriver',
] as const satisfies readonly (keyof Spec)[];

const num = (v: unknown): number => (typeof v === 'number' ? v : v === null || v === undefined ? 0 : Number(v));

export interface MountView {
  type: string;
  source: string;
  target: string;
  readOnly: boolean;
  bindPropagation: string;
  volumeDriver: string;
  volumeOptions: Record<string, string>;
  volumeLabels: Record<string, string>;
  volumeNocopy: boolean;
  tmpfsSizeBytes: number;
  tmpfsMode: number;
}

/** The mounts and container options of a spec as `service inspect` prints them (every field present). */
export interface ContainerOptionsView {
  mounts: MountView[];
  entrypoint: string[];
  workdir: string;
  user: string;
  hostname: string;
  init: boolean;
  readOnly: boolean;
  capAdd: string[];
  capDrop: string[];
  ulimits: { name: string; soft: number; hard: number }[];
  sysctls: Record<string, string>;
  groups: string[];
  containerLabels: Record<string, string>;
  tty: boolean;
  logDriver: { name: string; options: Record<string, string> } | null;
}

export function containerOptionsView(s: Spec | null | undefined): ContainerOptionsView {
  return plainContainerOptions(s ?? {});
}

/** A plain copy of a spec's mounts and container options (decoded messages keep defaults on their prototype). */
export function plainContainerOptions(s: Spec): ContainerOptionsView {
  const out: ContainerOptionsView = {
    mounts: (s.mounts ?? []).map((m) => ({
      type: m.type || 'volume',
      source: m.source ?? '',
      target: m.target ?? '',
      readOnly: m.readOnly === true,
      bindPropagation: m.bindPropagation ?? '',
      volumeDriver: m.volumeDriver ?? '',
      volumeOptions: { ...(m.volumeOptions ?? {}) },
      volumeLabels: { ...(m.volumeLabels ?? {}) },
      volumeNocopy: m.volumeNocopy === true,
      tmpfsSizeBytes: num(m.tmpfsSizeBytes),
      tmpfsMode: num(m.tmpfsMode),
    })),
    entrypoint: [...(s.entrypoint ?? [])],
    workdir: s.workdir ?? '',
    user: s.user ?? '',
    hostname: s.hostname ?? '',
    init: s.init === true,
    readOnly: s.readOnly === true,
    capAdd: [...(s.capAdd ?? [])],
    capDrop: [...(s.capDrop ?? [])],
    ulimits: (s.ulimits ?? []).map((u) => ({ name: u.name ?? '', soft: num(u.soft), hard: num(u.hard) })),
    sysctls: { ...(s.sysctls ?? {}) },
    groups: [...(s.groups ?? [])],
    containerLabels: { ...(s.containerLabels ?? {}) },
    tty: s.tty === true,
    logDriver: s.logDriver?.name ? { name: s.logDriver.name, options: { ...(s.logDriver.options ?? {}) } } : null,
  };
  return out;
}

function notFound(name: string, what: string, flag: string): ClusterError {
  return new ClusterError(ErrorCode.NotFound, `service ${name} has no ${what}`, {
    hint: `see its spec with \`clusterctl service inspect ${name}\`; ${flag} removes only what is there`,
  });
}

/** Applies the plan to `next` (a plain spec, changed in place). Throws NOT_FOUND for a removal of something absent. */
export function applyContainerUpdate(next: Spec, plan: ContainerUpdatePlan): void {
  const name = next.name ?? '';
  let mounts = next.mounts ?? [];
  for (const t of plan.mountRm) {
    if (!mounts.some((m) => m.target === t)) throw notFound(name, `mount at ${t}`, '--mount-rm');
    mounts = mounts.filter((m) => m.target !== t);
  }
  for (const m of plan.mountAdd) {
    const i = mounts.findIndex((x) => x.target === m.target);
    if (i >= 0) mounts[i] = m;
    else mounts.push(m);
  }
  next.mounts = mounts;
  if (plan.entrypoint !== undefined) next.entrypoint = plan.entrypoint;
  if (plan.workdir !== undefined) next.workdir = plan.workdir;
  if (plan.user !== undefined) next.user = plan.user;
  if (plan.hostname !== undefined) next.hostname = plan.hostname;
  if (plan.init !== undefined) next.init = plan.init;
  if (plan.readOnly !== undefined) next.readOnly = plan.readOnly;
  if (plan.tty !== undefined) next.tty = plan.tty;

  // as Docker: adding a capability takes it off the drop list, and the other way round
  let capAdd = next.capAdd ?? [];
  let capDrop = next.capDrop ?? [];
  for (const c of plan.capAdd) {
    capDrop = capDrop.filter((x) => x !== c);
    if (!capAdd.includes(c)) capAdd = [...capAdd, c];
  }
  for (const c of plan.capDrop) {
    capAdd = capAdd.filter((x) => x !== c);
    if (!capDrop.includes(c)) capDrop = [...capDrop, c];
  }
  next.capAdd = capAdd;
  next.capDrop = capDrop;

  let ulimits = next.ulimits ?? [];
  for (const n of plan.ulimitRm) {
    if (!ulimits.some((u) => u.name === n)) throw notFound(name, `ulimit ${n}`, '--ulimit-rm');
    ulimits = ulimits.filter((u) => u.name !== n);
  }
  for (const u of plan.ulimitAdd) {
    const i = ulimits.findIndex((x) => x.name === u.name);
    if (i >= 0) ulimits[i] = u;
    else ulimits.push(u);
  }
  next.ulimits = ulimits;

  const sysctls = next.sysctls ?? {};
  for (const k of plan.sysctlRm) {
    if (!(k in sysctls)) throw notFound(name, `sysctl ${k}`, '--sysctl-rm');
    delete sysctls[k];
  }
  for (const [k, v] of plan.sysctlAdd) sysctls[k] = v;
  next.sysctls = sysctls;

  let groups = next.groups ?? [];
  for (const g of plan.groupRm) {
    if (!groups.includes(g)) throw notFound(name, `group ${g}`, '--group-rm');
    groups = groups.filter((x) => x !== g);
  }
  for (const g of plan.groupAdd) if (!groups.includes(g)) groups = [...groups, g];
  next.groups = groups;

  const labels = next.containerLabels ?? {};
  for (const k of plan.containerLabelRm) {
    if (!(k in labels)) throw notFound(name, `container label ${k}`, '--container-label-rm');
    delete labels[k];
  }
  for (const [k, v] of plan.containerLabelAdd) labels[k] = v;
  next.containerLabels = labels;

  if (plan.logDriver !== undefined) next.logDriver = plan.logDriver.name === '' ? null : plan.logDriver;
}
