// The health check and stop flags of `service create` and `service update` (Docker's --health-*,
// --no-healthcheck, --stop-grace-period, --stop-signal, plus the agent probes --health-http and
// --health-tcp): parsed and checked here, then applied to the API's ServiceSpec.
import { HOUR_MS, parseDurationMs as parseDuration } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import { parseCount, usageError } from '../parse.js';

/** The flags as commander hands them over (`--no-healthcheck` makes `healthcheck` false). */
export interface HealthFlags {
  healthCmd?: string;
  healthHttp?: string;
  healthTcp?: string;
  healthInterval?: string;
  healthTimeout?: string;
  healthRetries?: string;
  healthStartPeriod?: string;
  healthcheck?: boolean;
  stopGracePeriod?: string;
  stopSignal?: string;
}

/** What the flags ask for; every field absent when its flag is not given. */
export interface HealthPlan {
  /** A new test: a command, an agent probe, or none (disables the image's check). */
  test?:
    | { kind: 'cmd'; test: string[] }
    | { kind: 'http'; port: number; path: string }
    | { kind: 'tcp'; port: number }
    | { kind: 'none' };
  intervalMs?: number;
  timeoutMs?: number;
  retries?: number;
  startPeriodMs?: number;
  stopGracePeriodMs?: number;
  stopSignal?: string;
}

export const HEALTH_LIMITS = {
  minIntervalMs: 100,
  minTimeoutMs: 10,
  maxDurationMs: HOUR_MS,
  maxRetries: 100,
  maxStopGracePeriodMs: HOUR_MS,
} as const;

function probePort(flag: string, raw: string): number {
  const n = Number(raw);
  if (!/^[0-9]+$/.test(raw) || n < 1 || n > 65535)
    throw usageError(
      `${flag}: invalid port ${JSON.stringify(raw)}`,
      `the container port to probe, 1-65535, e.g. ${flag} 80`,
    );
  return n;
}

/** `--health-http PORT[/PATH]`: the port inside the container and the path (default /). */
export function parseHealthHttp(v: string): { port: number; path: string } {
  const s = v.trim();
  const slash = s.indexOf('/');
  const port = probePort('--health-http', slash < 0 ? s : s.slice(0, slash));
  const path = slash < 0 ? '/' : s.slice(slash);
  if (path.length > 1024 || /[\s\0-\x1f\x7f]/.test(path))
    throw usageError(
      `--health-http: invalid path ${JSON.stringify(path)}`,
      'a path has no spaces or control characters, e.g. --health-http 80/healthz',
    );
  return { port, path };
}

export function parseHealthFlags(o: HealthFlags): HealthPlan {
  const plan: HealthPlan = {};
  const tests: string[] = [];
  if (o.healthCmd !== undefined) {
    if (o.healthCmd.trim() === '')
      throw usageError(
        '--health-cmd: the command is empty',
        'e.g. --health-cmd "wget -q -O- http://localhost/ || exit 1"',
      );
    plan.test = { kind: 'cmd', test: ['CMD-SHELL', o.healthCmd] };
    tests.push('--health-cmd');
  }
  if (o.healthHttp !== undefined) {
    plan.test = { kind: 'http', ...parseHealthHttp(o.healthHttp) };
    tests.push('--health-http');
  }
  if (o.healthTcp !== undefined) {
    plan.test = { kind: 'tcp', port: probePort('--health-tcp', o.healthTcp.trim()) };
    tests.push('--health-tcp');
  }
  if (o.healthcheck === false) {
    plan.test = { kind: 'none' };
    tests.push('--no-healthcheck');
  }
  if (tests.length > 1)
    throw usageError(
      `${tests.join(' and ')} cannot be used together`,
      'a service has one health check: give one of them',
    );
  const max = HEALTH_LIMITS.maxDurationMs;
  if (o.healthInterval !== undefined)
    plan.intervalMs = parseDuration('--health-interval', o.healthInterval, {
      minMs: HEALTH_LIMITS.minIntervalMs,
      maxMs: max,
    });
  if (o.healthTimeout !== undefined)
    plan.timeoutMs = parseDuration('--health-timeout', o.healthTimeout, {
      minMs: HEALTH_LIMITS.minTimeoutMs,
      maxMs: max,
    });
  if (o.healthStartPeriod !== undefined)
    plan.startPeriodMs = parseDuration('--health-start-period', o.healthStartPeriod, { minMs: 0, maxMs: max });
  if (o.healthRetries !== undefined) {
    plan.retries = parseCount('--health-retries', o.healthRetries, HEALTH_LIMITS.maxRetries);
    if (plan.retries === 0) throw usageError('--health-retries must be at least 1', 'e.g. --health-retries 3');
  }
  if (plan.test?.kind === 'none' && hasTimings(plan))
    throw usageError(
      '--no-healthcheck cannot be used with the --health-* timing flags',
      'drop --no-healthcheck, or the timings',
    );
  if (o.stopGracePeriod !== undefined)
    plan.stopGracePeriodMs = parseDuration('--stop-grace-period', o.stopGracePeriod, {
      minMs: 0,
      maxMs: HEALTH_LIMITS.maxStopGracePeriodMs,
    });
  if (o.stopSignal !== undefined) {
    const sig = o.stopSignal.trim().toUpperCase();
    if (!/^(SIG)?[A-Z][A-Z0-9+-]*$|^[0-9]{1,2}$/.test(sig))
      throw usageError(`--stop-signal: invalid signal ${JSON.stringify(o.stopSignal)}`, 'e.g. --stop-signal SIGINT');
    plan.stopSignal = sig;
  }
  return plan;
}

function hasTimings(p: HealthPlan): boolean {
  return (
    p.intervalMs !== undefined || p.timeoutMs !== undefined || p.retries !== undefined || p.startPeriodMs !== undefined
  );
}

/** The plan asks for a change at all. */
export function healthPlanEmpty(p: HealthPlan): boolean {
  return Object.keys(p).length === 0;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : v === null || v === undefined ? 0 : Number(v));

export interface HealthcheckView {
  test: string[];
  httpPort: number;
  httpPath: string;
  tcpPort: number;
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  startPeriodMs: number;
}

/** A plain copy of an API health check (decoded messages keep defaults on their prototype). */
export function plainHealthcheck(h: clusterctl.cluster.IHealthCheck): HealthcheckView {
  return {
    test: [...(h.test ?? [])],
    httpPort: num(h.httpPort),
    httpPath: h.httpPath ?? '',
    tcpPort: num(h.tcpPort),
    intervalMs: num(h.intervalMs),
    timeoutMs: num(h.timeoutMs),
    retries: num(h.retries),
    startPeriodMs: num(h.startPeriodMs),
  };
}

/**
 * Applies the plan to a spec (in place): a new test replaces the old one (with --no-healthcheck the
 * timings go too), timings change one by one; a spec without a check gets one with only the timings
 * given (the image's test with those timings).
 */
export function applyHealthPlan(spec: clusterctl.cluster.IServiceSpec, plan: HealthPlan): void {
  if (plan.test !== undefined || hasTimings(plan)) {
    const h = spec.healthcheck
      ? plainHealthcheck(spec.healthcheck)
      : plainHealthcheck({ test: [], httpPort: 0, httpPath: '', tcpPort: 0 });
    if (plan.test !== undefined) {
      h.test = [];
      h.httpPort = 0;
      h.httpPath = '';
      h.tcpPort = 0;
      if (plan.test.kind === 'cmd') h.test = [...plan.test.test];
      else if (plan.test.kind === 'http') {
        h.httpPort = plan.test.port;
        h.httpPath = plan.test.path;
      } else if (plan.test.kind === 'tcp') h.tcpPort = plan.test.port;
      else {
        h.test = ['NONE'];
        h.intervalMs = 0;
        h.timeoutMs = 0;
        h.retries = 0;
        h.startPeriodMs = 0;
      }
    } else if (h.test[0] === 'NONE') {
      throw usageError(
        'the health check of this service is disabled (--no-healthcheck): timings alone do not enable it',
        'give --health-cmd, --health-http or --health-tcp with the timings',
      );
    }
    if (plan.intervalMs !== undefined) h.intervalMs = plan.intervalMs;
    if (plan.timeoutMs !== undefined) h.timeoutMs = plan.timeoutMs;
    if (plan.retries !== undefined) h.retries = plan.retries;
    if (plan.startPeriodMs !== undefined) h.startPeriodMs = plan.startPeriodMs;
    spec.healthcheck = h;
  }
  if (plan.stopGracePeriodMs !== undefined) {
    spec.stopGracePeriodMs = plan.stopGracePeriodMs;
    spec.hasStopGracePeriod = true;
  }
  if (plan.stopSignal !== undefined) spec.stopSignal = plan.stopSignal;
}

/** The health and stop fields of a spec, plain (absent when not set), for copies and views. */
export interface HealthStopView {
  healthcheck: HealthcheckView | null;
  /** null: the default (10s). */
  stopGracePeriodMs: number | null;
  /** '': the image's, else SIGTERM. */
  stopSignal: string;
}

export function healthStopView(s: clusterctl.cluster.IServiceSpec | null | undefined): HealthStopView {
  return {
    healthcheck: s?.healthcheck ? plainHealthcheck(s.healthcheck) : null,
    stopGracePeriodMs: s?.hasStopGracePeriod === true ? num(s.stopGracePeriodMs) : null,
    stopSignal: s?.stopSignal ?? '',
  };
}

/** The API fields of a HealthStopView (for a spec sent back in an update). */
export function healthStopFields(v: HealthStopView): clusterctl.cluster.IServiceSpec {
  const out: clusterctl.cluster.IServiceSpec = {};
  if (v.healthcheck !== null) out.healthcheck = { ...v.healthcheck, test: [...v.healthcheck.test] };
  if (v.stopGracePeriodMs !== null) {
    out.stopGracePeriodMs = v.stopGracePeriodMs;
    out.hasStopGracePeriod = true;
  }
  if (v.stopSignal !== '') out.stopSignal = v.stopSignal;
  return out;
}
