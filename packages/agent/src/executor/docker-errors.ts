// Turns what dockerode throws (HTTP errors from the engine, socket errors) into ClusterError with a
// stable code and a hint. The engine's message is kept in the message and in details.engineMessage.
import { ClusterError, ErrorCode } from '@clusterctl/common';

export const ENGINE_HINT = 'is the Docker engine running? Start one with: node scripts/ensure-docker.mjs';

export interface DockerErrorContext {
  /** What we were doing: 'create', 'start', 'stop', ... */
  op: string;
  containerId?: string;
  image?: string;
  /** Networking: the Docker network concerned. */
  network?: string;
}

interface DockerodeErrorShape {
  statusCode?: number;
  reason?: string;
  json?: unknown;
  code?: string;
  message?: string;
}

/** The engine's own message: JSON body's message when present, else dockerode's text minus its prefix. */
export function engineMessage(err: unknown): string {
  const e = (err ?? {}) as DockerodeErrorShape;
  const json = e.json as { message?: unknown } | null | undefined;
  if (json && typeof json === 'object' && typeof json.message === 'string') return json.message;
  const text = typeof e.message === 'string' ? e.message : String(err);
  // dockerode: "(HTTP code 404) no such container - No such container: abc "
  const m = /^\(HTTP code \d+\) [^-]*- (.*)$/s.exec(text);
  return (m ? m[1]! : text).trim();
}

export function statusCodeOf(err: unknown): number | undefined {
  const s = (err as DockerodeErrorShape | null)?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

const SOCKET_CODES = new Set([
  'ENOENT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EACCES',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'ETIMEDOUT',
]);

export function fromDockerError(err: unknown, ctx: DockerErrorContext): ClusterError {
  if (err instanceof ClusterError) return err;
  const status = statusCodeOf(err);
  const msg = engineMessage(err);
  const details: Record<string, unknown> = { op: ctx.op, engineMessage: msg };
  if (status !== undefined) details.statusCode = status;
  if (ctx.containerId !== undefined) details.containerId = ctx.containerId;
  if (ctx.image !== undefined) details.image = ctx.image;
  const what =
    ctx.containerId !== undefined
      ? ` container ${ctx.containerId.slice(0, 12)}`
      : ctx.image !== undefined
        ? ` ${ctx.image}`
        : '';
  const make = (code: ErrorCode, hint: string, text = `${ctx.op}${what}: ${msg}`) =>
    new ClusterError(code, text, { hint, details, cause: err });

  const sysCode = (err as DockerodeErrorShape | null)?.code;
  if (status === undefined && typeof sysCode === 'string' && SOCKET_CODES.has(sysCode)) {
    if (sysCode === 'EACCES')
      return make(ErrorCode.PermissionDenied, 'the Docker socket is readable by root (or the docker group) only');
    return make(ErrorCode.Unavailable, ENGINE_HINT, `${ctx.op}${what}: cannot reach the Docker engine (${sysCode})`);
  }
  if ((err as Error | null)?.name === 'AbortError')
    return make(ErrorCode.Timeout, 'the operation was cancelled or took too long');

  switch (status) {
    case 304:
      // "container already started" / "already stopped": callers that care handle it before us.
      return make(ErrorCode.FailedPrecondition, 'the container is already in that state');
    case 400:
      if (/bind source path does not exist/i.test(msg))
        return make(
          ErrorCode.InvalidArgument,
          'a bind mount needs its source path on the node: create it there, or mount a volume (type=volume) instead',
          `${ctx.op}${what}: ${msg}`,
        );
      return make(ErrorCode.InvalidArgument, 'the engine rejected the container configuration; check the service spec');
    case 401:
    case 403:
      return make(ErrorCode.PermissionDenied, 'the engine refused the request');
    case 404:
      if (
        /no such image|pull access denied|manifest unknown|not found: manifest/i.test(msg) ||
        (ctx.image !== undefined && ctx.containerId === undefined)
      ) {
        return make(ErrorCode.NotFound, imageHint(ctx.image));
      }
      return make(ErrorCode.NotFound, 'the container is gone (removed by hand, or by the engine)');
    case 409:
      if (/already in use/i.test(msg))
        return make(
          ErrorCode.AlreadyExists,
          'a container with that name exists: adopt it (list by task label) or remove it',
        );
      return make(ErrorCode.Conflict, 'the container is in a state that does not allow this; inspect it and retry');
    case 500:
    case 503:
      if (/port is already allocated|address already in use/i.test(msg)) {
        return make(
          ErrorCode.Conflict,
          'another process or container already uses that node port; publish a different port',
        );
      }
      if (/executable file not found|no such file or directory|permission denied/i.test(msg) && ctx.op === 'start') {
        return make(
          ErrorCode.InvalidArgument,
          "the command could not be run in the image; check the service's command and image",
        );
      }
      return make(ErrorCode.Internal, `the engine failed; see the engine's log (e.g. /var/log/clusterctl-dockerd.log)`);
    default:
      if (status === undefined) return make(ErrorCode.Internal, ENGINE_HINT);
      return make(ErrorCode.Internal, `unexpected engine answer (HTTP ${status})`);
  }
}

export function imageHint(image: string | undefined): string {
  const name = image ?? 'IMAGE';
  return `no registry is reachable from this node: build the image here (for the workload image: node scripts/build-workload-image.mjs) or load it: docker save ${name} | docker load (on the node)`;
}
