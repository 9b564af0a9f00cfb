// The one table from error codes to exit codes. The one-line rendering of an error (formatError) is
// @clusterctl/common's, shared with the node daemon.
// 0: success; 2: the command line itself is wrong (usage); 1: the cluster refused or failed.
import { ClusterError, ErrorCode, isClusterError } from '@clusterctl/common';

export const EXIT_OK = 0;
export const EXIT_CLUSTER_ERROR = 1;
export const EXIT_USAGE = 2;

export const EXIT_CODE_OF: Readonly<Record<ErrorCode, number>> = {
  [ErrorCode.InvalidArgument]: EXIT_USAGE,
  [ErrorCode.NotFound]: EXIT_CLUSTER_ERROR,
  [ErrorCode.AlreadyExists]: EXIT_CLUSTER_ERROR,
  [ErrorCode.Conflict]: EXIT_CLUSTER_ERROR,
  [ErrorCode.FailedPrecondition]: EXIT_CLUSTER_ERROR,
  [ErrorCode.NoLeader]: EXIT_CLUSTER_ERROR,
  [ErrorCode.NotLeader]: EXIT_CLUSTER_ERROR,
  [ErrorCode.Unavailable]: EXIT_CLUSTER_ERROR,
  [ErrorCode.Timeout]: EXIT_CLUSTER_ERROR,
  [ErrorCode.Overloaded]: EXIT_CLUSTER_ERROR,
  [ErrorCode.Unauthenticated]: EXIT_CLUSTER_ERROR,
  [ErrorCode.PermissionDenied]: EXIT_CLUSTER_ERROR,
  [ErrorCode.Corrupt]: EXIT_CLUSTER_ERROR,
  [ErrorCode.Locked]: EXIT_CLUSTER_ERROR,
  [ErrorCode.InvalidUnlockKey]: EXIT_CLUSTER_ERROR,
  [ErrorCode.Internal]: EXIT_CLUSTER_ERROR,
};

/** Any thrown value as a ClusterError (programmer errors become INTERNAL, their stack kept for --debug). */
export function asClusterError(e: unknown): ClusterError {
  if (isClusterError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new ClusterError(ErrorCode.Internal, `internal error: ${message.split('\n')[0]}`, {
    hint: 'this is a bug in clusterctl; rerun with --debug and report the output',
    cause: e,
  });
}

export function exitCodeOf(e: ClusterError): number {
  return EXIT_CODE_OF[e.code] ?? EXIT_CLUSTER_ERROR;
}

export { formatError } from '@clusterctl/common';
