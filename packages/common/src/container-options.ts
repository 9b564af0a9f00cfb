// Rules for a service's container options that the CLI, the managers and the agents apply alike:
// Linux capability names, ulimit names, sysctl keys, mount targets, and the hostname templates
// (Docker's {{.Service.Name}}, {{.Task.Slot}}, ...) that the agent expands when it creates a task's
// container. Each check throws INVALID_ARGUMENT naming `what` (a flag or a field).

import { ClusterError, ErrorCode } from './errors.js';
import { shortForMessage } from './input-limits.js';

/** The Linux capabilities (without their CAP_ prefix) the engine knows. */
export const CAPABILITIES = [
  'AUDIT_CONTROL',
  'AUDIT_READ',
  'AUDIT_WRITE',
  'BLOCK_SUSPEND',
  'BPF',
  'CHECKPOINT_RESTORE',
  'CHOWN',
  'DAC_OVERRIDE',
  'DAC_READ_SEARCH',
  'FOWNER',
  'FSETID',
  'IPC_LOCK',
  'IPC_OWNER',
  'KILL',
  'LEASE',
  'LINUX_IMMUTABLE',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
  'MKNOD',
  'NET_ADMIN',
  'NET_BIND_SERVICE',
  'NET_BROADCAST',
  'NET_RAW',
  'PERFMON',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYSLOG',
  'SYS_ADMIN',
  'SYS_BOOT',
  'SYS_CHROOT',
  'SYS_MODULE',
  'SYS_NICE',
  'SYS_PACCT',
  'SYS_PTRACE',
  'SYS_RAWIO',
  'SYS_RESOURCE',
  'SYS_TIME',
  'SYS_TTY_CONFIG',
  'WAKE_ALARM',
] as const;

const CAPABILITY_SET: ReadonlySet<string> = new Set(CAPABILITIES);

/** Resource limits a container may set (setrlimit names, as Docker's --ulimit). */
export const ULIMIT_NAMES = [
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack',
] as const;

const ULIMIT_SET: ReadonlySet<string> = new Set(ULIMIT_NAMES);

export const MOUNT_TYPES = ['volume', 'bind', 'tmpfs'] as const;
export type MountType = (typeof MOUNT_TYPES)[number];

export const BIND_PROPAGATIONS = ['rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave'] as const;

/** Docker's rule for named volumes. */
export const VOLUME_NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export const CONTAINER_OPTION_LIMITS = {
  maxMounts: 64,
  maxCapabilities: CAPABILITIES.length + 1,
  maxUlimits: ULIMIT_NAMES.length,
  maxSysctls: 128,
  maxGroups: 64,
  maxLogOptions: 64,
  maxVolumeOptions: 64,
  /** Linux host names are at most 64 bytes; 63 keeps them valid DNS labels too. */
  maxHostnameChars: 63,
} as const;

function invalid(what: string, message: string, hint: string): ClusterError {
  return new ClusterError(ErrorCode.InvalidArgument, `${what}: ${message}`, { hint, details: { field: what } });
}

/** CAP_NET_ADMIN, net_admin and NET_ADMIN all become CAP_NET_ADMIN; ALL stays ALL. Throws on unknown names. */
export function normalizeCapability(what: string, v: string): string {
  const up = v.trim().toUpperCase();
  if (up === 'ALL') return 'ALL';
  const bare = up.startsWith('CAP_') ? up.slice(4) : up;
  if (!CAPABILITY_SET.has(bare))
    throw invalid(
      what,
      `unknown capability ${shortForMessage(v)}`,
      'give a Linux capability such as NET_ADMIN or CAP_SYS_TIME, or ALL (see `man 7 capabilities`)',
    );
  return `CAP_${bare}`;
}

/** Throws unless `name` is a ulimit the engine knows (nofile, nproc, ...). */
export function checkUlimitName(what: string, name: string): void {
  if (!ULIMIT_SET.has(name))
    throw invalid(what, `unknown ulimit ${shortForMessage(name)}`, `a ulimit is one of ${ULIMIT_NAMES.join(', ')}`);
}

/** A ulimit's soft and hard values: -1 (unlimited) or a non-negative integer, soft <= hard. */
export function checkUlimitValues(what: string, name: string, soft: number, hard: number): void {
  const ok = (n: number): boolean => Number.isSafeInteger(n) && n >= -1;
  if (!ok(soft) || !ok(hard))
    throw invalid(
      what,
      `invalid ${name} limit ${soft}:${hard}`,
      'limits are whole numbers (-1: unlimited), e.g. --ulimit nofile=1024:2048',
    );
  const inf = (n: number): number => (n === -1 ? Number.POSITIVE_INFINITY : n);
  if (inf(soft) > inf(hard))
    throw invalid(
      what,
      `the soft ${name} limit ${soft} is above the hard one ${hard}`,
      'write SOFT:HARD with SOFT <= HARD',
    );
}

/** Namespaced kernel parameters a container may set: dotted names of letters, digits, "_" and "-". */
export function checkSysctlKey(what: string, key: string): void {
  if (!/^[a-z0-9_][a-z0-9_-]*(?:[./][a-z0-9_*-]+)+$/i.test(key) || key.length > 256)
    throw invalid(
      what,
      `invalid sysctl ${shortForMessage(key)}`,
      'give a kernel parameter name such as net.core.somaxconn=1024',
    );
}

/** An absolute path without NUL, "." or ".." parts, e.g. a mount target or a bind source. */
export function checkAbsolutePath(what: string, p: string, hint: string): void {
  if (!p.startsWith('/') || p.includes('\0') || p.length > 4096 || p.split('/').some((x) => x === '..' || x === '.'))
    throw invalid(what, `${shortForMessage(p)} is not an absolute path`, hint);
}

// ---------------------------------------------------------------------------------------------
// Hostname templates

/** What a hostname template may name, with the value it takes on the node. */
export interface HostnameTemplateValues {
  serviceName: string;
  serviceId: string;
  /** Replicated: 1..N; global: 0 (then Task.Slot expands to the node id, as in Docker's task names). */
  taskSlot: number;
  taskId: string;
  nodeId: string;
  nodeHostname: string;
}

const PLACEHOLDERS: Readonly<Record<string, (v: HostnameTemplateValues) => string>> = {
  '.Service.Name': (v) => v.serviceName,
  '.Service.ID': (v) => v.serviceId,
  '.Task.Slot': (v) => (v.taskSlot > 0 ? String(v.taskSlot) : v.nodeId),
  '.Task.ID': (v) => v.taskId,
  '.Task.Name': (v) => `${v.serviceName}.${v.taskSlot > 0 ? v.taskSlot : v.nodeId}.${v.taskId}`,
  '.Node.ID': (v) => v.nodeId,
  '.Node.Hostname': (v) => v.nodeHostname,
};

export const HOSTNAME_TEMPLATE_NAMES = Object.keys(PLACEHOLDERS).map((k) => `{{${k}}}`);

const TEMPLATE_HINT = `a hostname holds letters, digits, "-", "." and the templates ${HOSTNAME_TEMPLATE_NAMES.join(', ')}, e.g. {{.Service.Name}}-{{.Task.Slot}}`;

type Part = { text: string } | { name: string };

function parseTemplate(what: string, t: string): Part[] {
  const parts: Part[] = [];
  let i = 0;
  while (i < t.length) {
    const open = t.indexOf('{{', i);
    if (open < 0) {
      parts.push({ text: t.slice(i) });
      break;
    }
    if (open > i) parts.push({ text: t.slice(i, open) });
    const close = t.indexOf('}}', open + 2);
    if (close < 0) throw invalid(what, `unclosed template in ${shortForMessage(t)}`, TEMPLATE_HINT);
    const name = t.slice(open + 2, close).trim();
    if (!(name in PLACEHOLDERS))
      throw invalid(what, `unknown template {{${shortForMessage(name, 40).slice(1, -1)}}}`, TEMPLATE_HINT);
    parts.push({ name });
    i = close + 2;
  }
  for (const p of parts) {
    if ('text' in p && !/^[A-Za-z0-9.-]*$/.test(p.text))
      throw invalid(what, `invalid hostname ${shortForMessage(t)}`, TEMPLATE_HINT);
  }
  return parts;
}

/** Throws INVALID_ARGUMENT unless `t` is a hostname, with or without templates. */
export function checkHostnameTemplate(what: string, t: string): void {
  if (t.length > 1024) throw invalid(what, `the hostname is ${t.length} characters`, TEMPLATE_HINT);
  parseTemplate(what, t);
}

/**
 * The hostname a task's container gets: `t` with its templates expanded. Characters a host name
 * cannot hold (e.g. "_" in a service name) become "-". Throws INVALID_ARGUMENT when the result is
 * empty or longer than 63 characters.
 */
export function expandHostnameTemplate(what: string, t: string, values: HostnameTemplateValues): string {
  const out = parseTemplate(what, t)
    .map((p) => ('text' in p ? p.text : PLACEHOLDERS[p.name]!(values)))
    .join('')
    .replace(/[^A-Za-z0-9.-]/g, '-');
  if (out === '' || out.length > CONTAINER_OPTION_LIMITS.maxHostnameChars)
    throw invalid(
      what,
      `the hostname ${shortForMessage(out)} from ${shortForMessage(t)} is ${out === '' ? 'empty' : `${out.length} characters, more than ${CONTAINER_OPTION_LIMITS.maxHostnameChars}`}`,
      'use shorter templates, e.g. {{.Service.Name}}-{{.Task.Slot}} rather than {{.Task.Name}}',
    );
  return out;
}
