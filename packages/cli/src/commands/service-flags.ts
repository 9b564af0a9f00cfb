// The flags `service create` and `service update` share, declared once: health checks, the stop
// signal and grace, the update and rollback policies, and the secret and config references (create
// takes --secret/--config, update their -add/-rm forms). On create the help names each default; on
// update a flag that is not given keeps the service's current value.
import type { Command } from 'commander';

export type ServiceVerb = 'create' | 'update';

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** " (default X)" on create, nothing on update. */
const dflt = (verb: ServiceVerb, value: string): string => (verb === 'create' ? ` (default ${value})` : '');

/** "a (default) | b | c" on create, "a | b | c" on update: the first choice is the default. */
const choices = (verb: ServiceVerb, list: readonly string[]): string =>
  list.map((c, i) => (i === 0 && verb === 'create' ? `${c} (default)` : c)).join(' | ');

/** "an update" | "a rollback" */
const a = (kind: 'update' | 'rollback'): string => (kind === 'update' ? 'an update' : 'a rollback');

/** --health-*, --no-healthcheck, --stop-grace-period, --stop-signal (the same on create and update). */
export function addHealthAndStopOptions(cmd: Command): Command {
  return cmd
    .option('--health-cmd <command>', 'health check command, run in the container by the engine (CMD-SHELL)')
    .option(
      '--health-http <port/path>',
      "health check by the node's agent: HTTP GET of PORT/PATH on the task, 2xx/3xx is healthy (no exec)",
    )
    .option('--health-tcp <port>', "health check by the node's agent: a TCP connection to PORT on the task (no exec)")
    .option('--health-interval <duration>', 'time between health checks (default 30s)')
    .option('--health-timeout <duration>', 'a check taking longer fails (default 30s)')
    .option('--health-retries <n>', 'consecutive failures that make a task unhealthy (default 3)')
    .option('--health-start-period <duration>', 'failures during this time after the start do not count (default 0s)')
    .option('--no-healthcheck', "disable the image's HEALTHCHECK")
    .option('--stop-grace-period <duration>', 'time between the stop signal and SIGKILL (default 10s)')
    .option('--stop-signal <signal>', "signal that stops a task (default: the image's STOPSIGNAL, else SIGTERM)");
}

/** --update-* and --rollback-*: the same six policy flags for each, Docker's names. */
export function addRolloutOptions(cmd: Command, verb: ServiceVerb): Command {
  for (const kind of ['update', 'rollback'] as const) {
    const done = kind === 'update' ? 'replaced' : 'rolled back';
    const later = kind === 'update' && verb === 'create' ? ' by later updates' : '';
    const actions = kind === 'update' ? ['pause', 'continue', 'rollback'] : ['pause', 'continue'];
    const orderHelp =
      choices(verb, ['stop-first', 'start-first']) +
      (kind === 'update' && verb === 'create' ? ': stop the old task before or after its replacement runs' : '');
    cmd
      .option(
        `--${kind}-parallelism <n>`,
        `tasks ${done} at the same time${later} (${verb === 'create' ? 'default 1; ' : ''}0: all at once)`,
      )
      .option(`--${kind}-delay <duration>`, `wait after a ${done} task counted before the next${dflt(verb, '0s')}`)
      .option(`--${kind}-order <order>`, orderHelp)
      .option(`--${kind}-failure-action <action>`, `when ${a(kind)} fails: ${choices(verb, actions)}`)
      .option(
        `--${kind}-monitor <duration>`,
        `how long a ${kind === 'update' ? 'new' : 'rolled back'} task must run${kind === 'update' ? ' (and be healthy)' : ''} to count${dflt(verb, '5s')}`,
      )
      .option(`--${kind}-max-failure-ratio <ratio>`, `failures tolerated during ${a(kind)}, 0 to 1${dflt(verb, '0')}`);
  }
  return cmd;
}

/** Secrets and configs: --secret/--config on create, --secret-add/-rm and --config-add/-rm on update. */
export function addFileRefOptions(cmd: Command, verb: ServiceVerb): Command {
  const kinds = [
    { kind: 'secret', target: '/run/secrets/NAME' },
    { kind: 'config', target: '/NAME' },
  ] as const;
  for (const { kind, target } of kinds) {
    if (verb === 'create') {
      cmd.option(
        `--${kind} <${kind}>`,
        `give the tasks a ${kind}: NAME or source=NAME,target=PATH,uid=N,gid=N,mode=0444 (default ${target}; repeatable)`,
        collect,
      );
    } else {
      cmd
        .option(
          `--${kind}-add <${kind}>`,
          `add or change a ${kind}: NAME or source=NAME,target=PATH,... (repeatable)`,
          collect,
        )
        .option(`--${kind}-rm <${kind}>`, `remove a ${kind}, by name (repeatable)`, collect);
    }
  }
  return cmd;
}

/** Autoscaling and rebalancing: --autoscale (none on update turns it off), --rebalance (--no-rebalance on update). */
export function addAutoscaleOptions(cmd: Command, verb: ServiceVerb): Command {
  if (verb === 'create') {
    return cmd
      .option(
        '--autoscale <config>',
        'scale from CPU use: min=N,max=M,cpu=P% (of the CPU reserved, else the limit, else one CPU; optional up-window=D,down-window=D, default 0s and 5m)',
      )
      .option(
        '--rebalance',
        'move tasks back toward an even spread when a node returns or joins (one at a time, start-first)',
      );
  }
  return cmd
    .option('--autoscale <config>', 'scale from CPU use: min=N,max=M,cpu=P%[,up-window=D,down-window=D], or none')
    .option('--rebalance', 'move tasks back toward an even spread when a node returns or joins')
    .option('--no-rebalance', 'stop rebalancing');
}
