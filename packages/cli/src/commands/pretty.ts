// `service inspect --pretty` and `node inspect --pretty`: the human-readable views, laid out as
// Docker's (a "Key:<tab>value" line per field, sections indented by one space, a field shown only
// when it is set). Pure: views in, lines out.
import { formatDurationMs } from '@clusterctl/common';
import type { NodeView, ServiceView } from '../views.js';

/** Bytes in Docker's binary units: 512MiB, 1.5GiB, 64KiB, 100B. */
export function bytesText(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number(v.toFixed(3))}${units[i]}`;
}

const cpus = (nano: number): string => String(nano / 1e9);
const cap = (s: string): string => (s === '' ? s : s[0]!.toUpperCase() + s.slice(1));
const time = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').replace('Z', ' +0000 utc');

function labelLines(out: string[], title: string, labels: Record<string, string>, style: 'eq' | 'dash'): void {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return;
  out.push(`${title}:`);
  for (const k of keys) {
    const v = labels[k]!;
    out.push(style === 'dash' ? ` - ${k}${v === '' ? '' : ` = ${v}`}` : ` ${k}${v === '' ? '' : `=${v}`}`);
  }
}

export type PrettyService = ServiceView;

/** Docker's `service inspect --pretty` layout for one service. */
export function servicePrettyLines(s: PrettyService): string[] {
  const spec = s.spec;
  const out: string[] = [`ID:\t\t${s.id}`, `Name:\t\t${spec.name}`];
  labelLines(out, 'Labels', spec.labels, 'eq');
  if (spec.mode === 'global') out.push('Service Mode:\tGlobal');
  else out.push('Service Mode:\tReplicated', ` Replicas:\t${spec.replicas}`);
  // autoscaling and rebalancing
  if (spec.autoscale !== null) {
    const a = spec.autoscale;
    out.push(
      'Autoscale:',
      ` Min/Max:\t${a.minReplicas}/${a.maxReplicas}`,
      ` CPU target:\t${a.targetCpuPercent}%`,
      ` Windows:\tup ${formatDurationMs(a.scaleUpWindowMs)}, down ${formatDurationMs(a.scaleDownWindowMs)}`,
    );
    const st = s.autoscaleStatus;
    if (st !== null)
      out.push(
        ` Last:\t\t${st.previousReplicas} -> ${st.replicas} at ${new Date(st.decidedAt).toISOString()} (CPU ${st.cpuPercent}%)`,
        ` Reason:\t${st.reason}`,
      );
  }
  if (spec.rebalance) out.push('Rebalance:\ttrue');
  out.push('Placement:');
  if (spec.constraints.length > 0) out.push(` Constraints:\t[${spec.constraints.join(' ')}]`);
  // update status and the update and rollback policies, as Docker shows them
  if (s.updateStatus !== null) {
    out.push('UpdateStatus:', ` State:\t\t${s.updateStatus.state}`);
    if (s.updateStatus.startedAt > 0) out.push(` Started:\t${new Date(s.updateStatus.startedAt).toISOString()}`);
    if (s.updateStatus.completedAt > 0) out.push(` Completed:\t${new Date(s.updateStatus.completedAt).toISOString()}`);
    out.push(` Message:\t${s.updateStatus.message}`);
  }
  for (const [title, u] of [
    ['UpdateConfig', spec.updateConfig],
    ['RollbackConfig', spec.rollbackConfig],
  ] as const) {
    out.push(`${title}:`, ` Parallelism:\t${u.parallelism}`);
    if (u.delayMs > 0) out.push(` Delay:\t\t${formatDurationMs(u.delayMs)}`);
    out.push(` On failure:\t${u.failureAction}`);
    out.push(` Monitoring Period: ${formatDurationMs(u.monitorMs)}`);
    out.push(` Max failure ratio: ${u.maxFailureRatio}`);
    out.push(` ${title === 'UpdateConfig' ? 'Update' : 'Rollback'} order:      ${u.order}`);
  }
  const rp = spec.restartPolicy;
  out.push('RestartPolicy:', ` Condition:\t${rp.condition}`, ` Delay:\t\t${formatDurationMs(rp.delayMs)}`);
  out.push(` MaxAttempts:\t${rp.maxAttempts}`);
  if (rp.windowMs > 0) out.push(` Window:\t${formatDurationMs(rp.windowMs)}`);

  out.push('ContainerSpec:', ` Image:\t\t${spec.image}`);
  if (spec.entrypoint.length > 0) out.push(` Command:\t${spec.entrypoint.join(' ')}`);
  if (spec.command.length > 0) out.push(` Args:\t\t${spec.command.join(' ')}`);
  if (spec.env.length > 0) out.push(` Env:\t\t${spec.env.join(' ')}`);
  if (spec.workdir !== '') out.push(` Dir:\t\t${spec.workdir}`);
  out.push(` Init:\t\t${spec.init}`);
  if (spec.user !== '') out.push(` User: ${spec.user}`);
  if (spec.groups.length > 0) out.push(` Groups:\t${spec.groups.join(' ')}`);
  if (spec.hostname !== '') out.push(` Hostname:\t${spec.hostname}`);
  if (spec.readOnly) out.push(' ReadOnly:\ttrue');
  if (spec.tty) out.push(' TTY:\t\ttrue');
  if (spec.stopSignal !== '') out.push(` StopSignal:\t${spec.stopSignal}`);
  if (spec.stopGracePeriodMs !== null) out.push(` StopGracePeriod: ${formatDurationMs(spec.stopGracePeriodMs)}`);
  labelLines(out, ' Labels', spec.containerLabels, 'eq');
  if (spec.capAdd.length > 0 || spec.capDrop.length > 0) {
    out.push('Capabilities:');
    if (spec.capAdd.length > 0) out.push(` Add: ${spec.capAdd.join(', ')}`);
    if (spec.capDrop.length > 0) out.push(` Drop: ${spec.capDrop.join(', ')}`);
  }
  const sysctls = Object.keys(spec.sysctls).sort();
  if (sysctls.length > 0) {
    out.push('SysCtls:');
    for (const k of sysctls) out.push(` ${k}: ${spec.sysctls[k]}`);
  }
  if (spec.ulimits.length > 0) {
    out.push('Ulimits:');
    for (const u of spec.ulimits) out.push(` ${u.name}: ${u.soft}:${u.hard}`);
  }
  if (spec.mounts.length > 0) {
    out.push('Mounts:');
    for (const m of spec.mounts) {
      out.push(` Target:\t${m.target}`, `  Source:\t${m.source}`, `  ReadOnly:\t${m.readOnly}`, `  Type:\t\t${m.type}`);
    }
  }
  if (spec.logDriver !== null) {
    out.push('Log Driver:', ` Name:\t\t${spec.logDriver.name}`);
    const opts = Object.keys(spec.logDriver.options).sort();
    if (opts.length > 0) {
      out.push(' LogOpts:');
      for (const k of opts) out.push(`  ${k}:\t${spec.logDriver.options[k]}`);
    }
  }
  const res = spec.reservations;
  const lim = spec.limits;
  if (res.nanoCpus + res.memoryBytes + lim.nanoCpus + lim.memoryBytes > 0) {
    out.push('Resources:');
    if (res.nanoCpus + res.memoryBytes > 0) {
      out.push(' Reservations:');
      if (res.nanoCpus > 0) out.push(`  CPU:\t\t${cpus(res.nanoCpus)}`);
      if (res.memoryBytes > 0) out.push(`  Memory:\t${bytesText(res.memoryBytes)}`);
    }
    if (lim.nanoCpus + lim.memoryBytes > 0) {
      out.push(' Limits:');
      if (lim.nanoCpus > 0) out.push(`  CPU:\t\t${cpus(lim.nanoCpus)}`);
      if (lim.memoryBytes > 0) out.push(`  Memory:\t${bytesText(lim.memoryBytes)}`);
    }
  }
  if (spec.networks.length > 0) out.push(`Networks:${spec.networks.map((n) => ` ${n}`).join('')}`);
  out.push(`Endpoint Mode:\t${spec.endpointMode}`);
  if (spec.ports.length > 0) {
    out.push('Ports:');
    for (const p of spec.ports) {
      out.push(
        ` PublishedPort = ${p.published}`,
        `  Protocol = ${p.protocol}`,
        `  TargetPort = ${p.target}`,
        `  PublishMode = ${p.mode || 'ingress'}`,
      );
    }
  }
  const h = spec.healthcheck;
  if (h !== null) {
    out.push(' Healthcheck:');
    if (h.intervalMs > 0) out.push(`  Interval = ${formatDurationMs(h.intervalMs)}`);
    if (h.retries > 0) out.push(`  Retries = ${h.retries}`);
    if (h.startPeriodMs > 0) out.push(`  StartPeriod = ${formatDurationMs(h.startPeriodMs)}`);
    if (h.timeoutMs > 0) out.push(`  Timeout = ${formatDurationMs(h.timeoutMs)}`);
    if (h.httpPort > 0) out.push(`  HTTP = ${h.httpPort}${h.httpPath}`);
    if (h.tcpPort > 0) out.push(`  TCP = ${h.tcpPort}`);
    if (h.test.length > 0) {
      out.push('  Tests:');
      for (const t of h.test) out.push(`\t Test = ${t}`);
    }
  }
  return out;
}

/** Docker's `node inspect --pretty` layout for one node. */
export function nodePrettyLines(n: NodeView): string[] {
  const out: string[] = [`ID:\t\t\t${n.id}`];
  labelLines(out, 'Labels', n.labels, 'dash');
  out.push(`Hostname:\t\t${n.hostname}`);
  if (n.meta.createdAt > 0) out.push(`Joined at:\t\t${time(n.meta.createdAt)}`);
  out.push('Status:', ` State:\t\t\t${cap(n.status.state)}`);
  if (n.status.message !== '') out.push(` Message:\t\t${n.status.message}`);
  out.push(` Availability:\t\t${cap(n.availability)}`, ` Address:\t\t${n.addr}`);
  if (n.managerStatus !== null) {
    const ms = n.managerStatus;
    out.push('Manager Status:', ` Address:\t\t${ms.addr}`, ` Raft Status:\t\t${cap(ms.reachability)}`);
    out.push(` Leader:\t\t${ms.leader ? 'Yes' : 'No'}`);
  }
  out.push('Platform:', ` Operating System:\t${n.os}`, ` Architecture:\t\t${n.arch}`);
  out.push(
    'Resources:',
    ` CPUs:\t\t\t${cpus(n.resources.nanoCpus)}`,
    ` Memory:\t\t${bytesText(n.resources.memoryBytes)}`,
  );
  labelLines(out, 'Engine Labels', n.engineLabels, 'dash');
  if (n.network !== null) {
    out.push('Network:', ` Subnet:\t\t${n.network.subnet}`, ` Backend:\t\t${n.network.backend}`);
    for (const c of n.network.conditions) out.push(` Condition:\t\t${c.code}: ${c.message}`);
  }
  return out;
}

/** Several objects: their views one after the other, a blank line between them (as Docker). */
export function joinPretty(blocks: string[][]): string[] {
  return blocks.flatMap((b, i) => (i === 0 ? b : ['', ...b]));
}
