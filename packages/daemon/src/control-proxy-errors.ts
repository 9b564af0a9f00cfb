// The error a forwarded Control call ends with when no manager answered it: which managers were
// tried and why each failed in a few words (`10.0.0.12:4280: unreachable (ENETUNREACH)`), no gRPC
// transport internals, a stable code and a hint. The code is as it always was: the last manager's
// own code when it answered (NO_LEADER ...), else TIMEOUT once the deadline passed, else UNAVAILABLE.
import * as grpc from '@grpc/grpc-js';
import {
  ClusterError,
  describeAttempts,
  ERROR_CODE_TRAILER,
  ErrorCode,
  failureReason,
  fromGrpcError,
  isErrorCode,
  isOutcomeUnknown,
  outcomeUnknownDetails,
  reachedServer,
  toGrpcError,
} from '@clusterctl/common';

export interface NoManagerFacts {
  /** The last failure of each manager tried, in the order first tried. */
  attempts: ReadonlyMap<string, grpc.ServiceError>;
  /** The failure that ended the call (the last one). */
  lastErr: grpc.ServiceError | undefined;
  /** Whether the call's deadline passed. */
  timedOut: boolean;
  /** How long the call tried. */
  waitedMs: number;
  /** A write whose last attempt got no answer in time: it may still be applied. */
  outcomeUnknown?: boolean;
}

function ourCode(err: grpc.ServiceError | undefined): ErrorCode | undefined {
  const v = err?.metadata?.get(ERROR_CODE_TRAILER)[0];
  return typeof v === 'string' && isErrorCode(v) ? v : undefined;
}

export const HINT_NONE_REACHED =
  'no manager can be reached from this node: check that the managers are running and that this node reaches their addresses (network, firewall), then retry';
export const HINT_NO_LEADER =
  'the cluster may have no leader (a majority of managers down or cut off from each other, or an election under way): check `clusterctl node ls` on another manager, then retry';
export const HINT_OUTCOME_UNKNOWN =
  'the change may still be applied: check the current state (ls / inspect) before retrying';
export const HINT_NO_ADDRESS =
  'this node knows no manager address: check DATA_DIR/node.json, or leave and join the cluster again';

export function noManagerError(f: NoManagerFacts): grpc.ServiceError {
  const { lastErr, attempts } = f;
  // A refusal (NOT_FOUND, INVALID_ARGUMENT ...) is the answer itself.
  if (
    lastErr !== undefined &&
    lastErr.code !== grpc.status.UNAVAILABLE &&
    lastErr.code !== grpc.status.DEADLINE_EXCEEDED
  )
    return lastErr;
  // The only manager there is answered itself (e.g. NO_LEADER with its hint): its words say more.
  if (attempts.size === 1 && ourCode(lastErr) !== undefined) return lastErr!;
  const code =
    ourCode(lastErr) ??
    (f.timedOut || lastErr?.code === grpc.status.DEADLINE_EXCEEDED ? ErrorCode.Timeout : ErrorCode.Unavailable);
  if (attempts.size === 0) {
    return toGrpcError(
      new ClusterError(code, 'no manager answered: no manager address is known', { hint: HINT_NO_ADDRESS }),
    );
  }
  const someReached = [...attempts.values()].some((e) => reachedServer(e));
  const within = f.timedOut ? ` within ${Math.max(1, Math.round(f.waitedMs / 1000))} s` : '';
  return toGrpcError(
    new ClusterError(
      code,
      `no manager answered${within}: ${describeAttempts([...attempts].map(([target, err]) => ({ target, err })))}`,
      {
        hint:
          (someReached ? HINT_NO_LEADER : HINT_NONE_REACHED) +
          (f.outcomeUnknown === true ? `; ${HINT_OUTCOME_UNKNOWN}` : ''),
        details: { managers: [...attempts.keys()], ...(f.outcomeUnknown === true ? outcomeUnknownDetails() : {}) },
      },
    ),
  );
}

/**
 * A manager's failure passed on to the CLI: its own ClusterError (our trailers) unchanged; a
 * transport-level one (no trailers, e.g. a write whose manager did not answer in time) as a
 * ClusterError naming the manager, without gRPC internals.
 */
export function forwardedError(addr: string, err: grpc.ServiceError, opts: { idempotent: boolean }): grpc.ServiceError {
  if (ourCode(err) !== undefined) return err;
  const ce = fromGrpcError(err, { target: `manager ${addr}` });
  if (ce.code === ErrorCode.Unavailable && !opts.idempotent && !neverSent(err)) {
    // the write went out and the connection was lost before its answer: it may be applied
    return toGrpcError(
      new ClusterError(
        ErrorCode.Unavailable,
        `the connection to manager ${addr} was lost before it answered (${failureReason(err)})`,
        {
          hint: `the outcome is unknown: ${HINT_OUTCOME_UNKNOWN}`,
          details: outcomeUnknownDetails(),
        },
      ),
    );
  }
  if (ce.code === ErrorCode.Timeout && !opts.idempotent) {
    return toGrpcError(
      new ClusterError(ErrorCode.Timeout, `manager ${addr} did not answer in time`, {
        hint: `the outcome is unknown: ${HINT_OUTCOME_UNKNOWN}`,
        details: outcomeUnknownDetails(),
      }),
    );
  }
  return toGrpcError(new ClusterError(ce.code, `manager ${addr}: ${failureReason(err)}`, { hint: ce.hint }));
}

/**
 * Whether a failed attempt is tried again on the next manager: UNAVAILABLE (no leader, a manager
 * down), except a change a manager committed without knowing its outcome (isOutcomeUnknown: retrying
 * it could apply it twice); a timeout only for a read (`noSideEffects`, from the .proto).
 */
export function retryable(noSideEffects: boolean, err: grpc.ServiceError): boolean {
  if (err.code === grpc.status.UNAVAILABLE) {
    if (noSideEffects) return true;
    // a manager's own UNAVAILABLE (NO_LEADER, NOT_LEADER) was decided before anything was applied
    if (ourCode(err) !== undefined) return !isOutcomeUnknown(fromGrpcError(err));
    // a transport failure: only when the write never left this node (no connection)
    return neverSent(err);
  }
  return err.code === grpc.status.DEADLINE_EXCEEDED && noSideEffects;
}

/**
 * Whether a transport failure happened before the call was sent: grpc-js found no connection to put
 * it on (refused, unreachable, unknown host, TLS failure). A connection that dropped with the call
 * on it may have delivered it.
 */
export function neverSent(err: grpc.ServiceError): boolean {
  if (ourCode(err) !== undefined) return false;
  return /No connection established|Name resolution failed|failed to connect/i.test(err.details ?? '');
}
