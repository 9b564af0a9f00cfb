// Control API: join tokens. Printing one reads the role's secret from the replicated kv table;
// rotating replaces that secret and the digest in the cluster record in one write, so a token
// printed before stops working on every manager at once.

import { ClusterError, ErrorCode } from '@clusterctl/common';
import { certificateDigest, createJoinToken, newJoinTokenSecret } from '@clusterctl/ca';
import { DEFAULT_CLUSTER_ID } from '@clusterctl/store';
import type { clusterctl } from '@clusterctl/proto';
import { kvTokenSecretKey, putSecret, readSecret, tokenSecretDigest } from '../ca/cluster-secrets.js';
import type { Call, ControlContext } from './context.js';

export function joinTokenMethods(ctx: ControlContext) {
  const { store, deps, log, read } = ctx;

  async function getJoinToken(
    call: Call<clusterctl.control.JoinTokenRequest, clusterctl.control.IJoinTokenResponse>,
  ): Promise<clusterctl.control.IJoinTokenResponse> {
    const role = call.request.role;
    if (role !== 'worker' && role !== 'manager')
      throw new ClusterError(ErrorCode.InvalidArgument, `invalid role ${JSON.stringify(role)}`, {
        hint: 'clusterctl join-token worker|manager',
      });
    let secret: string;
    const caPem = await read((tx) => tx.get('cluster', DEFAULT_CLUSTER_ID)?.rootCaCertPem);
    if (caPem === undefined)
      throw new ClusterError(ErrorCode.Unavailable, 'the cluster is still being initialized', {
        hint: 'retry in a moment',
      });
    if (call.request.rotate === true) {
      const fresh = newJoinTokenSecret();
      await store.update((tx) => {
        const c = tx.get('cluster', DEFAULT_CLUSTER_ID)!;
        tx.update('cluster', { ...c, joinTokenDigests: { ...c.joinTokenDigests, [role]: tokenSecretDigest(fresh) } });
        putSecret(tx, kvTokenSecretKey(role), fresh);
      });
      log.info({ role }, 'join token rotated');
      secret = fresh;
    } else {
      secret = await read((tx) => readSecret(tx, kvTokenSecretKey(role)));
    }
    return {
      token: createJoinToken({ role, caDigest: certificateDigest(caPem), secret }),
      managerAddr: deps.advertiseAddr(),
    };
  }

  return { getJoinToken };
}
