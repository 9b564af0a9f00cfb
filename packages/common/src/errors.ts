// One closed set of error codes, carried from managers to the CLI and translated only at the edges
// (gRPC status on the wire, a one-line message with a hint and an exit code in the CLI).

export const ErrorCode = {
  /**
   * The request itself is wrong: a bad flag or argument, an invalid spec, a value out of range. Thrown
   * by the CLI's parsers (before anything is sent), the daemon's flag parser and the managers'
   * validation. Not retryable: the same request fails again. The CLI exits with 2.
   */
  InvalidArgument: 'INVALID_ARGUMENT',
  /** A named node, service, task or record does not exist. Not retryable as is. */
  NotFound: 'NOT_FOUND',
  /** A create whose name or id is taken (a service name, a node id). Not retryable as is. */
  AlreadyExists: 'ALREADY_EXISTS',
  /**
   * The record changed since it was read (an optimistic version check failed, a port taken by a
   * concurrent create, a role changed while a certificate was issued). Retryable after reading again.
   */
  Conflict: 'CONFLICT',
  /**
   * The system is not in a state that allows the call: not a manager, the data dir already holds a
   * node, the last manager cannot leave, nothing to change. Not retryable until that state changes.
   */
  FailedPrecondition: 'FAILED_PRECONDITION',
  /**
   * No raft leader is known (an election, or no quorum). Retryable: managers and the daemon's control
   * proxy retry it across managers until their deadline.
   */
  NoLeader: 'NO_LEADER',
  /**
   * This manager is not the leader and knows who is: `details` carry `leaderAddr` (leaderAddrOf).
   * Retryable against that address.
   */
  NotLeader: 'NOT_LEADER',
  /**
   * The peer cannot be reached or the call was cut short (a manager down, a connection lost, a daemon
   * not running); also a committed change whose outcome was lost (isOutcomeUnknown). Retryable, but a
   * write whose outcome is unknown may already have been applied: read before retrying it.
   */
  Unavailable: 'UNAVAILABLE',
  /**
   * No answer within the deadline. Reads are retryable; a write may still be applied (its outcome is
   * unknown): read the state before retrying it.
   */
  Timeout: 'TIMEOUT',
  /** The manager is saturated (too many proposals or uncommitted bytes in flight). Retryable with backoff. */
  Overloaded: 'OVERLOADED',
  /** No valid certificate or token for this cluster (a bad join token, an expired certificate). Not retryable: (re)join. */
  Unauthenticated: 'UNAUTHENTICATED',
  /** The caller's certificate does not allow the call (a worker calling a manager-only service). Not retryable. */
  PermissionDenied: 'PERMISSION_DENIED',
  /**
   * Data on disk is damaged (node.json, the raft log or its write-ahead file). Not retryable: the hint
   * says what the operator can do (restore, or remove the node's state and re-join).
   */
  Corrupt: 'CORRUPT',
  /**
   * This manager is locked (autolock): its raft data key is wrapped by the cluster's unlock key and
   * it serves nothing until `clusterctl unlock`. Not retryable here; the other managers still serve.
   */
  Locked: 'LOCKED',
  /** The unlock key given to `clusterctl unlock` does not unlock this manager. Not retryable with the same key. */
  InvalidUnlockKey: 'INVALID_UNLOCK_KEY',
  /** A bug or an unexpected failure (any non-ClusterError at an edge). Not retryable; see the log. */
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

  constructor(
    code: ErrorCode,
    message: string,
    opts: { hint?: string; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
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

// ---------------------------------------------------------------- details that drive control flow
// Most details are informative (which field a validation refused). These few are read by code to
// decide what to do next; producers and consumers use the constructors and accessors below.

/** details of NOT_LEADER / NO_LEADER: where the leader is ('' when none is known). */
export function leaderDetails(leaderAddr: string): { leaderAddr: string } {
  return { leaderAddr };
}

/** The leader's address a NOT_LEADER error names, or undefined (no ClusterError, no leader known). */
export function leaderAddrOf(err: unknown): string | undefined {
  if (!isClusterError(err)) return undefined;
  const v = err.details.leaderAddr;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** details of a change that was (or may have been) applied but whose outcome is unknown. */
export function outcomeUnknownDetails(): { outcomeUnknown: true } {
  return { outcomeUnknown: true };
}

/** Whether a failed write may still have taken effect: read the state before retrying it. */
export function isOutcomeUnknown(err: unknown): boolean {
  return isClusterError(err) && err.details.outcomeUnknown === true;
}

/** details of a report that was refused for good (stale, for a task that moved on): do not retry it. */
export function ignoredDetails(): { ignored: true } {
  return { ignored: true };
}

/** Whether a refused report is final (ignoredDetails), as opposed to a failure worth retrying. */
export function isIgnored(err: unknown): boolean {
  return isClusterError(err) && err.details.ignored === true;
}

/** details of CONFLICT from an optimistic version check: the record's version now. */
export function versionConflictDetails(currentVersion: number): { field: 'version'; version: number } {
  return { field: 'version', version: currentVersion };
}

/**
 * Whether a CONFLICT is a stale version (read again and retry), as opposed to another conflict such
 * as a published port another service holds (retrying changes nothing).
 */
export function isVersionConflict(err: unknown): boolean {
  return isClusterError(err) && err.code === ErrorCode.Conflict && err.details.field === 'version';
}
