// One closed set of error codes, carried from managers to the CLI and translated only at the edges
// (gRPC status on the wire, a one-line message with a hint and an exit code in the CLI).

export const ErrorCode = {
  InvalidArgument: 'INVALID_ARGUMENT',
  NotFound: 'NOT_FOUND',
  AlreadyExists: 'ALREADY_EXISTS',
  Conflict: 'CONFLICT',
  FailedPrecondition: 'FAILED_PRECONDITION',
  NoLeader: 'NO_LEADER',
  NotLeader: 'NOT_LEADER',
  Unavailable: 'UNAVAILABLE',
  Timeout: 'TIMEOUT',
  Overloaded: 'OVERLOADED',
  Unauthenticated: 'UNAUTHENTICATED',
  PermissionDenied: 'PERMISSION_DENIED',
  Corrupt: 'CORRUPT',
  Internal: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const ALL_CODES = new Set<string>(Object.values(ErrorCode));

export function isErrorCode(s: string): s is ErrorCode {
  return ALL_CODES.has(s);
}

/** A user-facing error: stable code, message, and a hint saying what to do about it. */
export class ClusterError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, opts: { hint?: string; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'ClusterError';
    this.code = code;
    this.hint = opts.hint ?? '';
    this.details = opts.details ?? {};
  }

  toJSON(): { code: ErrorCode; message: string; hint: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, hint: this.hint, details: this.details };
  }
}

export function isClusterError(e: unknown): e is ClusterError {
  return e instanceof ClusterError;
}
