// ClusterError <-> gRPC status, at the edges of every gRPC service and client.
//
// On the wire a ClusterError is a gRPC status (a code any gRPC client understands, the message as the
// status details) plus two trailers carrying what gRPC codes cannot say: `clusterctl-error-code` (our
// stable code) and `clusterctl-error-hint`. Anything that is not a ClusterError becomes INTERNAL with
// its first message line only (never a stack). Clients turn any failure back into a ClusterError:
// our trailers when present, otherwise the plain gRPC code (a manager that is down, a deadline ...).

import * as grpc from '@grpc/grpc-js';
import { ClusterError, ErrorCode, isClusterError, isErrorCode } from './errors.js';

export const ERROR_CODE_TRAILER = 'clusterctl-error-code';
export const ERROR_HINT_TRAILER = 'clusterctl-error-hint';
/** JSON of ClusterError.details (when not empty and small), e.g. the field a validation refused. */
export const ERROR_DETAILS_TRAILER = 'clusterctl-error-details';

/**
 * What one error may put on the wire, in characters before encoding. The status message and the
 * trailers travel as HTTP/2 headers; an error echoing a long input past the peer's header-list
 * limit would never reach the caller (the connection fails instead). Longer text is cut with "..."
 * and its original length; details that stay too long are left out.
 */
export const ERROR_WIRE_LIMITS = {
  messageChars: 1024,
  hintChars: 512,
  detailsChars: 2048,
  detailStringChars: 256,
} as const;

/** The gRPC status each of our codes travels as. */
export const GRPC_STATUS_OF: Readonly<Record<ErrorCode, grpc.status>> = {
  [ErrorCode.InvalidArgument]: grpc.status.INVALID_ARGUMENT,
  [ErrorCode.NotFound]: grpc.status.NOT_FOUND,
  [ErrorCode.AlreadyExists]: grpc.status.ALREADY_EXISTS,
  [ErrorCode.Conflict]: grpc.status.ABORTED,
  [ErrorCode.FailedPrecondition]: grpc.status.FAILED_PRECONDITION,
  [ErrorCode.NoLeader]: grpc.status.UNAVAILABLE,
  [ErrorCode.NotLeader]: grpc.status.UNAVAILABLE,
  [ErrorCode.Unavailable]: grpc.status.UNAVAILABLE,
  [ErrorCode.Timeout]: grpc.status.DEADLINE_EXCEEDED,
  [ErrorCode.Overloaded]: grpc.status.RESOURCE_EXHAUSTED,
  [ErrorCode.Unauthenticated]: grpc.status.UNAUTHENTICATED,
  [ErrorCode.PermissionDenied]: grpc.status.PERMISSION_DENIED,
  [ErrorCode.Corrupt]: grpc.status.DATA_LOSS,
  [ErrorCode.Locked]: grpc.status.FAILED_PRECONDITION,
  [ErrorCode.InvalidUnlockKey]: grpc.status.INVALID_ARGUMENT,
  [ErrorCode.Internal]: grpc.status.INTERNAL,
};

const MAX_INTERNAL_MESSAGE_CHARS = 200;

// Metadata values must be printable ASCII; anything else (and '%', the escape itself) is
// percent-encoded per UTF-8 byte so plain ASCII hints stay readable on the wire.
function encodeTrailer(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch !== '%' && ch >= ' ' && ch <= '~') out += ch;
    else for (const b of Buffer.from(ch, 'utf8')) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function decodeTrailer(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `s` cut to `max` characters, ending with "... (N characters)" when it was longer. */
export function boundText(s: string, max: number): string {
  if (s.length <= max) return s;
  const note = `... (${s.length} characters)`;
  return s.slice(0, Math.max(0, max - note.length)) + note;
}

/** ClusterError.details as bounded JSON: long strings cut, '' when it cannot be made small. */
function boundedDetails(details: Record<string, unknown>): string {
  try {
    const json = JSON.stringify(details, (_k, v: unknown) =>
      typeof v === 'string' ? boundText(v, ERROR_WIRE_LIMITS.detailStringChars) : v,
    );
    return json.length <= ERROR_WIRE_LIMITS.detailsChars ? json : '';
  } catch {
    return ''; // not serializable (a cycle, a BigInt): left out
  }
}

function firstLine(s: string): string {
  const line = s.split('\n', 1)[0] ?? '';
  return line.length > MAX_INTERNAL_MESSAGE_CHARS ? line.slice(0, MAX_INTERNAL_MESSAGE_CHARS) + '...' : line;
}

/**
 * The error to hand to a gRPC callback or `call.destroy()` / `call.emit('error')`: a ClusterError keeps
 * its code, message and hint; anything else becomes INTERNAL with its first message line (no stack).
 */
export function toGrpcError(err: unknown): grpc.ServiceError {
  const metadata = new grpc.Metadata();
  let code: ErrorCode;
  let message: string;
  let hint: string;
  let details = '';
  if (isClusterError(err)) {
    code = err.code;
    message = boundText(err.message, ERROR_WIRE_LIMITS.messageChars);
    hint = boundText(err.hint, ERROR_WIRE_LIMITS.hintChars);
    if (Object.keys(err.details).length > 0) details = boundedDetails(err.details);
  } else {
    code = ErrorCode.Internal;
    const raw = err instanceof Error ? err.message : typeof err === 'string' ? err : 'unknown error';
    message = `internal error: ${firstLine(raw)}`;
    hint = 'this is a bug or an unexpected failure on the manager; see its log';
  }
  metadata.set(ERROR_CODE_TRAILER, code);
  if (hint !== '') metadata.set(ERROR_HINT_TRAILER, encodeTrailer(hint));
  if (details !== '') metadata.set(ERROR_DETAILS_TRAILER, encodeTrailer(details));
  const status = GRPC_STATUS_OF[code];
  return Object.assign(new Error(message), {
    name: 'ServiceError',
    code: status,
    details: message,
    metadata,
  }) as grpc.ServiceError;
}

/** What fromGrpcError reads: a grpc-js ServiceError or anything shaped like one. */
export interface GrpcErrorLike {
  code?: number;
  details?: string;
  message?: string;
  metadata?: grpc.Metadata;
}

export interface FromGrpcErrorOptions {
  /** Who was called (an address, "the local daemon" ...), named in hints of transport failures. */
  target?: string;
}

function trailer(md: grpc.Metadata | undefined, key: string): string | undefined {
  if (md === undefined || typeof md.get !== 'function') return undefined;
  const v = md.get(key)[0];
  return typeof v === 'string' ? v : undefined;
}

/**
 * Any failure of a gRPC call as a ClusterError: the server's ClusterError when it sent our trailers,
 * otherwise a code from the gRPC status with a hint (UNAVAILABLE -> UNAVAILABLE, DEADLINE_EXCEEDED ->
 * TIMEOUT ...). A ClusterError passes through unchanged.
 */
export function fromGrpcError(err: unknown, opts: FromGrpcErrorOptions = {}): ClusterError {
  if (isClusterError(err)) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as GrpcErrorLike;
  const details =
    typeof e.details === 'string' && e.details !== ''
      ? e.details
      : typeof e.message === 'string'
        ? e.message
        : String(err);
  const code = trailer(e.metadata, ERROR_CODE_TRAILER);
  if (code !== undefined && isErrorCode(code)) {
    const hint = trailer(e.metadata, ERROR_HINT_TRAILER);
    const rawDetails = trailer(e.metadata, ERROR_DETAILS_TRAILER);
    let parsed: Record<string, unknown> | undefined;
    if (rawDetails !== undefined) {
      try {
        const v: unknown = JSON.parse(decodeTrailer(rawDetails));
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) parsed = v as Record<string, unknown>;
      } catch {
        // malformed: ignored
      }
    }
    return new ClusterError(code, details, {
      hint: hint === undefined ? '' : decodeTrailer(hint),
      cause: err,
      ...(parsed === undefined ? {} : { details: parsed }),
    });
  }
  const who = opts.target ?? 'the manager';
  const mk = (c: ErrorCode, hint: string, message = details): ClusterError =>
    new ClusterError(c, message, { hint, cause: err });
  switch (e.code) {
    case grpc.status.UNAVAILABLE:
      // grpc-js transport details ("No connection established. Last error: ...") stay in the cause
      return mk(
        ErrorCode.Unavailable,
        `cannot reach ${who}: check that it is running and that the address is right, then retry`,
        `cannot reach ${who}: ${failureReason(err)}`,
      );
    case grpc.status.DEADLINE_EXCEEDED:
      return mk(
        ErrorCode.Timeout,
        `${who} did not answer in time; it may be overloaded or without a raft leader, retry later`,
        `${who} did not answer in time`,
      );
    case grpc.status.CANCELLED:
      return mk(ErrorCode.Unavailable, 'the call was cancelled before it completed; retry');
    case grpc.status.UNAUTHENTICATED:
      return mk(
        ErrorCode.Unauthenticated,
        'this node has no valid certificate for the cluster; (re)join with a valid token',
      );
    case grpc.status.PERMISSION_DENIED:
      return mk(ErrorCode.PermissionDenied, "this node's certificate does not allow the call; run it on a manager");
    case grpc.status.INVALID_ARGUMENT:
    case grpc.status.OUT_OF_RANGE:
      return mk(ErrorCode.InvalidArgument, '');
    case grpc.status.NOT_FOUND:
      return mk(ErrorCode.NotFound, '');
    case grpc.status.ALREADY_EXISTS:
      return mk(ErrorCode.AlreadyExists, '');
    case grpc.status.ABORTED:
      return mk(ErrorCode.Conflict, 'retry the command');
    case grpc.status.FAILED_PRECONDITION:
      return mk(ErrorCode.FailedPrecondition, '');
    case grpc.status.RESOURCE_EXHAUSTED: {
      // grpc-js refuses a message over the receive limit with this text (either side): not a load problem
      const big = /larger than max \((\d+) vs\.? (\d+)\)/.exec(details);
      if (big !== null) {
        return mk(
          ErrorCode.InvalidArgument,
          'send less in one request (fewer or shorter values); a node that has not joined may send a few KB only',
          `the message is too large: ${big[1]} bytes, at most ${big[2]}`,
        );
      }
      return mk(ErrorCode.Overloaded, `${who} is overloaded; retry later`);
    }
    case grpc.status.UNIMPLEMENTED:
      return mk(
        ErrorCode.FailedPrecondition,
        `${who} does not implement this call; are both sides the same clusterctl version?`,
      );
    case grpc.status.DATA_LOSS:
      return mk(ErrorCode.Corrupt, '');
    default:
      return mk(ErrorCode.Internal, `unexpected failure calling ${who}; see its log`);
  }
}

// ---------------------------------------------------------------- short failure reasons

/** Socket error codes as a few words: what an operator can act on. */
const SOCKET_REASONS: ReadonlyArray<[RegExp, string]> = [
  [/\bECONNREFUSED\b/, 'refused'],
  [/\b(ENETUNREACH|EHOSTUNREACH|EHOSTDOWN|ENETDOWN)\b/, 'unreachable'],
  [/\bETIMEDOUT\b/, 'unreachable'],
  [/\b(ENOTFOUND|EAI_AGAIN|EAI_NONAME)\b/, 'unknown host'],
  [/\b(ECONNRESET|EPIPE|ECONNABORTED)\b/, 'connection reset'],
  [/\b(ENOENT|EACCES)\b/, 'no socket'],
];
const TLS_PATTERN = /certificate|\bTLS\b|\bSSL\b|handshake|self[- ]signed|ERR_TLS|ERR_SSL/i;
const MAX_REASON_MESSAGE_CHARS = 80;

function clip(s: string, max: number): string {
  return s.length > max ? s.slice(0, max - 3) + '...' : s;
}

/**
 * A failed call in a few words, without gRPC internals: `unreachable (ENETUNREACH)`,
 * `refused (ECONNREFUSED)`, `TLS handshake failed`, `no answer in time`, or for a server's own
 * ClusterError its code and message (`NO_LEADER (no raft leader for 2000 ms)`).
 */
export function failureReason(err: unknown): string {
  let raw: unknown = err;
  if (isClusterError(err)) {
    // a transport failure turned into a ClusterError (fromGrpcError) is described by its cause
    const c = err.cause as GrpcErrorLike | undefined;
    const transport =
      typeof c === 'object' &&
      c !== null &&
      typeof c.code === 'number' &&
      trailer(c.metadata, ERROR_CODE_TRAILER) === undefined;
    if (!transport) return `${err.code} (${clip(firstLine(err.message), MAX_REASON_MESSAGE_CHARS)})`;
    raw = c;
  }
  const e = (typeof raw === 'object' && raw !== null ? raw : {}) as GrpcErrorLike;
  const code = trailer(e.metadata, ERROR_CODE_TRAILER);
  const text =
    typeof e.details === 'string' && e.details !== ''
      ? e.details
      : typeof e.message === 'string'
        ? e.message
        : typeof raw === 'string'
          ? raw
          : '';
  if (code !== undefined && isErrorCode(code)) return `${code} (${clip(firstLine(text), MAX_REASON_MESSAGE_CHARS)})`;
  for (const [re, words] of SOCKET_REASONS) {
    const m = re.exec(text);
    if (m) return `${words} (${m[1] ?? m[0]})`;
  }
  if (TLS_PATTERN.test(text)) return 'TLS handshake failed (wrong cluster or certificate?)';
  switch (e.code) {
    case grpc.status.DEADLINE_EXCEEDED:
      // grpc-js names the peer (remote_addr=) only once a connection carried the call
      return reachedServer(e) ? 'no answer in time' : 'unreachable (no connection in time)';
    case grpc.status.CANCELLED:
      return 'cancelled';
    case grpc.status.UNAVAILABLE:
      return /dropped|closed|GOAWAY|disconnected/i.test(text) ? 'connection lost' : 'unavailable';
    case grpc.status.UNAUTHENTICATED:
      return 'certificate refused (UNAUTHENTICATED)';
    case grpc.status.PERMISSION_DENIED:
      return 'not allowed (PERMISSION_DENIED)';
    default:
      return e.code === undefined
        ? clip(firstLine(text) || 'failed', MAX_REASON_MESSAGE_CHARS)
        : `failed (gRPC status ${e.code})`;
  }
}

/**
 * Whether the failed call got to a server: it answered (our trailers), or it timed out on an
 * established connection (as opposed to a refused, unreachable or never-connected one).
 */
export function reachedServer(err: unknown): boolean {
  let raw: unknown = err;
  if (isClusterError(err)) {
    const c = err.cause as GrpcErrorLike | undefined;
    if (typeof c !== 'object' || c === null || typeof c.code !== 'number') return true; // a server's own error
    raw = c;
  }
  const e = (typeof raw === 'object' && raw !== null ? raw : {}) as GrpcErrorLike;
  if (trailer(e.metadata, ERROR_CODE_TRAILER) !== undefined) return true;
  return (
    e.code === grpc.status.DEADLINE_EXCEEDED && typeof e.details === 'string' && e.details.includes('remote_addr=')
  );
}

/** `10.0.0.2:4280: unreachable (ENETUNREACH); 10.0.0.3:4280: NO_LEADER (...)`, one entry per target, in order. */
export function describeAttempts(attempts: ReadonlyArray<{ target: string; err: unknown }>): string {
  return attempts.map((a) => `${a.target}: ${failureReason(a.err)}`).join('; ');
}
