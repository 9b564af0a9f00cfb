// Validation of a spec's mounts and container options (entrypoint, user, hostname template, ulimits,
// capabilities, ...): the part of validateServiceSpec these fields own. Every rule gives
// INVALID_ARGUMENT with a hint naming the field; the result holds only the fields that are set.

import {
  BIND_PROPAGATIONS,
  checkAbsolutePath,
  checkHostnameTemplate,
  checkLabels,
  checkSysctlKey,
  checkUlimitName,
  checkUlimitValues,
  ClusterError,
  CONTAINER_OPTION_LIMITS,
  ErrorCode,
  MOUNT_TYPES,
  normalizeCapability,
  shortForMessage,
  VOLUME_NAME_RE,
  type MountType,
} from '@clusterctl/common';
import type { Labels, Mount, ServiceSpec, Ulimit } from '@clusterctl/store';
import type { clusterctl } from '@clusterctl/proto';

export type ContainerOptions = Pick<
  ServiceSpec,
  | 'mounts'
  | 'entrypoint'
  | 'workdir'
  | 'user'
  | 'hostname'
  | 'init'
  | 'readOnly'
  | 'capAdd'
  | 'capDrop'
  | 'ulimits'
  | 'sysctls'
  | 'groups'
  | 'containerLabels'
  | 'tty'
  | 'logDriver'
>;

const MAX_STRING_CHARS = 4096;
const MAX_ENTRYPOINT_ARGS = 1024;
/** tmpfs sizes: up to 1 TiB (a tmpfs is memory). */
const MAX_TMPFS_BYTES = 1024 ** 4;

function invalid(field: string, message: string, hint: string): ClusterError {
  return new ClusterError(ErrorCode.InvalidArgument, message, { hint, details: { field } });
}

/** Re-raises a common check's error with this field named. */
function asField<T>(field: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ClusterError)
      throw new ClusterError(ErrorCode.InvalidArgument, e.message, { hint: e.hint, details: { field } });
    throw e;
  }
}

function text(field: string, v: string | null | undefined, max = MAX_STRING_CHARS): string {
  const s = v ?? '';
  if (s.length > max) throw invalid(field, `${field} is longer than ${max} characters`, `shorten ${field}`);
  if (/[\0\n\r]/.test(s)) throw invalid(field, `${field} contains a NUL or line break`, `remove it from ${field}`);
  return s;
}

function list(field: string, v: readonly string[] | null | undefined, max: number): string[] {
  const out = [...(v ?? [])];
  if (out.length > max) throw invalid(field, `too many ${field} (${out.length})`, `at most ${max}`);
  out.forEach((s, i) => text(`${field}[${i}]`, s));
  return out;
}

function stringMap(field: string, m: Record<string, string> | null | undefined, max: number): Labels {
  const out: Labels = { ...(m ?? {}) };
  const keys = Object.keys(out);
  if (keys.length > max) throw invalid(field, `too many ${field} (${keys.length})`, `at most ${max}`);
  for (const k of keys) {
    if (k === '' || /[\0=\s]/.test(k))
      throw invalid(field, `invalid ${field} key ${shortForMessage(k)}`, 'keys are non-empty, without spaces or "="');
    text(field, out[k]);
  }
  return out;
}

function mount(i: number, p: clusterctl.cluster.IMount): Mount {
  const field = `mounts[${i}]`;
  const type = (p.type ?? '') === '' ? 'volume' : (p.type as string);
  if (!(MOUNT_TYPES as readonly string[]).includes(type))
    throw invalid(field, `invalid mount type ${shortForMessage(type)}`, 'a mount type is volume, bind or tmpfs');
  const target = text(`${field}.target`, p.target);
  asField(`${field}.target`, () =>
    checkAbsolutePath('mount target', target, 'the target is an absolute path in the container, e.g. target=/data'),
  );
  if (target === '/')
    throw invalid(
      `${field}.target`,
      'a mount cannot replace the root filesystem',
      'mount on a folder, e.g. target=/data',
    );
  const source = text(`${field}.source`, p.source);
  const m: Mount = { type: type as MountType, target, readOnly: p.readOnly === true };
  const volumeSet =
    (p.volumeDriver ?? '') !== '' ||
    Object.keys(p.volumeOptions ?? {}).length > 0 ||
    Object.keys(p.volumeLabels ?? {}).length > 0 ||
    p.volumeNocopy === true;
  const tmpfsSet = Number(p.tmpfsSizeBytes ?? 0) > 0 || Number(p.tmpfsMode ?? 0) > 0;
  const bindSet = (p.bindPropagation ?? '') !== '';
  const mixed = (what: string): ClusterError =>
    invalid(field, `${what} options do not apply to a ${type} mount`, `drop them, or use type=${what}`);
  if (type !== 'volume' && volumeSet) throw mixed('volume');
  if (type !== 'tmpfs' && tmpfsSet) throw mixed('tmpfs');
  if (type !== 'bind' && bindSet) throw mixed('bind');

  if (type === 'bind') {
    if (source === '')
      throw invalid(
        `${field}.source`,
        'a bind mount needs a source',
        'give the host path, e.g. type=bind,source=/srv/data,target=/data',
      );
    asField(`${field}.source`, () =>
      checkAbsolutePath('bind source', source, 'a bind source is an absolute path on the node, e.g. source=/srv/data'),
    );
    m.source = source;
    if (bindSet) {
      const prop = p.bindPropagation as string;
      if (!(BIND_PROPAGATIONS as readonly string[]).includes(prop))
        throw invalid(
          `${field}.bindPropagation`,
          `invalid bind propagation ${shortForMessage(prop)}`,
          `one of ${BIND_PROPAGATIONS.join(', ')}`,
        );
      m.bindPropagation = prop;
    }
  } else if (type === 'volume') {
    if (source !== '') {
      if (!VOLUME_NAME_RE.test(source) || source.length > 255)
        throw invalid(
          `${field}.source`,
          `invalid volume name ${shortForMessage(source)}`,
          'a volume name is 2-255 letters, digits, "_", "." or "-", starting with a letter or digit (a path is a bind: type=bind)',
        );
      m.source = source;
    }
    if (volumeSet) {
      const driver = text(`${field}.volumeDriver`, p.volumeDriver, 255);
      if (driver !== '' && !/^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/.test(driver))
        throw invalid(
          `${field}.volumeDriver`,
          `invalid volume driver ${shortForMessage(driver)}`,
          'give a driver name such as local',
        );
      const options = stringMap(`${field}.volumeOptions`, p.volumeOptions, CONTAINER_OPTION_LIMITS.maxVolumeOptions);
      const labels = { ...(p.volumeLabels ?? {}) };
      checkLabels(`${field}.volumeLabels`, labels);
      m.volume = {
        ...(driver !== '' ? { driver } : {}),
        ...(Object.keys(options).length > 0 ? { options } : {}),
        ...(Object.keys(labels).length > 0 ? { labels } : {}),
        ...(p.volumeNocopy === true ? { noCopy: true } : {}),
      };
    }
  } else {
    if (source !== '')
      throw invalid(`${field}.source`, 'a tmpfs mount has no source', 'drop source=, e.g. type=tmpfs,target=/cache');
    const sizeBytes = Number(p.tmpfsSizeBytes ?? 0);
    const mode = Number(p.tmpfsMode ?? 0);
    if (!Number.isSafeInteger(sizeBytes) || sizeBytes < 0 || sizeBytes > MAX_TMPFS_BYTES)
      throw invalid(
        `${field}.tmpfsSizeBytes`,
        `invalid tmpfs size ${sizeBytes}`,
        'a size up to 1 TiB, e.g. tmpfs-size=64m',
      );
    if (!Number.isInteger(mode) || mode < 0 || mode > 0o7777)
      throw invalid(
        `${field}.tmpfsMode`,
        `invalid tmpfs mode ${mode.toString(8)}`,
        'octal permission bits, e.g. tmpfs-mode=1770',
      );
    if (tmpfsSet) m.tmpfs = { ...(sizeBytes > 0 ? { sizeBytes } : {}), ...(mode > 0 ? { mode } : {}) };
  }
  return m;
}

function ulimit(i: number, p: clusterctl.cluster.IUlimit): Ulimit {
  const field = `ulimits[${i}]`;
  const name = p.name ?? '';
  const soft = Number(p.soft ?? 0);
  const hard = Number(p.hard ?? 0);
  asField(field, () => {
    checkUlimitName('ulimit', name);
    checkUlimitValues('ulimit', name, soft, hard);
  });
  return { name, soft, hard };
}

/** Checks the mounts and container options of a spec from the API; returns only the ones that are set. */
export function validateContainerOptions(p: clusterctl.cluster.IServiceSpec): ContainerOptions {
  const out: ContainerOptions = {};

  const mountsIn = p.mounts ?? [];
  if (mountsIn.length > CONTAINER_OPTION_LIMITS.maxMounts)
    throw invalid('mounts', `too many mounts (${mountsIn.length})`, `at most ${CONTAINER_OPTION_LIMITS.maxMounts}`);
  const mounts = mountsIn.map((m, i) => mount(i, m));
  const targets = new Set<string>();
  for (const m of mounts) {
    if (targets.has(m.target))
      throw invalid('mounts', `two mounts have the target ${m.target}`, 'mount one thing per container path');
    targets.add(m.target);
  }
  if (mounts.length > 0) out.mounts = mounts;

  const entrypoint = list('entrypoint', p.entrypoint, MAX_ENTRYPOINT_ARGS);
  if (entrypoint.length > 0) out.entrypoint = entrypoint;

  const workdir = text('workdir', p.workdir);
  if (workdir !== '') {
    asField('workdir', () =>
      checkAbsolutePath('workdir', workdir, 'the working directory is an absolute path in the container, e.g. -w /app'),
    );
    out.workdir = workdir;
  }
  const user = text('user', p.user, 256);
  if (user !== '') {
    if (!/^[a-zA-Z0-9_.][a-zA-Z0-9_.-]*(?::[a-zA-Z0-9_.][a-zA-Z0-9_.-]*)?$/.test(user))
      throw invalid(
        'user',
        `invalid user ${shortForMessage(user)}`,
        'give USER[:GROUP], names or ids, e.g. -u 1000:1000 or -u nobody',
      );
    out.user = user;
  }
  const hostname = text('hostname', p.hostname, 1024);
  if (hostname !== '') {
    asField('hostname', () => checkHostnameTemplate('hostname', hostname));
    out.hostname = hostname;
  }
  if (p.init === true) out.init = true;
  if (p.readOnly === true) out.readOnly = true;

  const caps = (field: 'capAdd' | 'capDrop', v: readonly string[] | null | undefined): string[] => {
    const xs = list(field, v, CONTAINER_OPTION_LIMITS.maxCapabilities).map((c) =>
      asField(field, () => normalizeCapability(field, c)),
    );
    return [...new Set(xs)];
  };
  const capAdd = caps('capAdd', p.capAdd);
  const capDrop = caps('capDrop', p.capDrop);
  for (const c of capAdd)
    if (capDrop.includes(c))
      throw invalid('capAdd', `capability ${c} is both added and dropped`, 'add or drop a capability, not both');
  if (capAdd.length > 0) out.capAdd = capAdd;
  if (capDrop.length > 0) out.capDrop = capDrop;

  const ulimitsIn = p.ulimits ?? [];
  if (ulimitsIn.length > CONTAINER_OPTION_LIMITS.maxUlimits)
    throw invalid('ulimits', `too many ulimits (${ulimitsIn.length})`, 'set each ulimit once');
  const ulimits = ulimitsIn.map((u, i) => ulimit(i, u));
  if (new Set(ulimits.map((u) => u.name)).size !== ulimits.length)
    throw invalid('ulimits', 'a ulimit is given twice', 'set each ulimit once');
  if (ulimits.length > 0) out.ulimits = ulimits;

  const sysctls = stringMap('sysctls', p.sysctls, CONTAINER_OPTION_LIMITS.maxSysctls);
  for (const k of Object.keys(sysctls)) asField('sysctls', () => checkSysctlKey('sysctl', k));
  if (Object.keys(sysctls).length > 0) out.sysctls = sysctls;

  const groups = list('groups', p.groups, CONTAINER_OPTION_LIMITS.maxGroups);
  for (const g of groups)
    if (!/^[a-zA-Z0-9_.][a-zA-Z0-9_.-]*$/.test(g))
      throw invalid('groups', `invalid group ${shortForMessage(g)}`, 'give a group name or id, e.g. --group-add 1000');
  if (groups.length > 0) out.groups = [...new Set(groups)];

  const containerLabels = { ...(p.containerLabels ?? {}) };
  checkLabels('containerLabels', containerLabels);
  if (Object.keys(containerLabels).length > 0) out.containerLabels = containerLabels;

  if (p.tty === true) out.tty = true;

  const ld = p.logDriver;
  const ldName = text('logDriver.name', ld?.name, 255);
  const ldOptions = stringMap('logDriver.options', ld?.options, CONTAINER_OPTION_LIMITS.maxLogOptions);
  if (ldName === '' && Object.keys(ldOptions).length > 0)
    throw invalid(
      'logDriver',
      'log options need a log driver',
      'give --log-driver with --log-opt, e.g. --log-driver json-file --log-opt max-size=10m',
    );
  if (ldName !== '') {
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/.test(ldName))
      throw invalid(
        'logDriver.name',
        `invalid log driver ${shortForMessage(ldName)}`,
        'give a driver name such as json-file, local or none',
      );
    out.logDriver = { name: ldName, options: ldOptions };
  }
  return out;
}
