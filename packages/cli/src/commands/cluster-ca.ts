// cluster ca: the cluster's root CA (like `docker swarm ca`). Without --rotate it prints the root CA
// certificate; with --rotate it starts a root rotation and, unless --detach, follows it until every
// node has a certificate from the new root and the new root replaced the old one, then prints the
// new root. --cert-expiry also changes the lifetime of node certificates issued from now on.
import { ClusterError, ErrorCode, parseCertExpiryMs } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import type { Ctx } from '../context.js';
import { usageError } from '../parse.js';
import type { Output } from '../render.js';
import { clusterView, type ClusterView } from './cluster-settings.js';

export interface ClusterCaOptions {
  rotate?: boolean;
  certExpiry?: string;
  detach?: boolean;
  quiet?: boolean;
}

export interface ClusterCaConfig {
  /** How often the rotation's progress is read. */
  pollMs: number;
  sleep(ms: number): Promise<void>;
}

export const CLUSTER_CA_DEFAULTS: ClusterCaConfig = {
  pollMs: 500,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

function caOutput(info: clusterctl.control.IClusterInfo, lead: string[] = []): Output {
  const v = clusterView(info);
  const pem = info.rootCaCertPem ?? '';
  return {
    kind: 'text',
    lines: [...lead, ...pem.trimEnd().split('\n')],
    json: { rootCaCertPem: pem, rootCa: v.rootCa, ...(v.rootRotation ? { rootRotation: v.rootRotation } : {}) },
  };
}

export async function clusterCa(
  ctx: Ctx,
  o: ClusterCaOptions,
  cfg: ClusterCaConfig = CLUSTER_CA_DEFAULTS,
): Promise<Output> {
  if (!o.rotate && (o.detach || o.quiet)) {
    throw usageError(
      'cluster ca: --detach and --quiet go with --rotate',
      'rotate the root CA with `clusterctl cluster ca --rotate`, or print it with `clusterctl cluster ca`',
    );
  }
  const certExpiryMs = o.certExpiry === undefined ? undefined : parseCertExpiryMs('--cert-expiry', o.certExpiry);
  const c = ctx.client();
  if (certExpiryMs !== undefined) await c.control('updateCluster', { nodeCertExpiryMs: certExpiryMs });
  if (!o.rotate) return caOutput(await c.control('getClusterInfo', {}));

  const started = clusterView(await c.control('rotateRootCa', {}));
  const target = started.rootRotation?.newRootDigest ?? '';
  if (o.detach) {
    const v = started;
    return {
      kind: 'text',
      lines: [
        `Root CA rotation started: new root sha256:${target}.`,
        'Follow it with `clusterctl cluster inspect` (Root rotation).',
      ],
      json: { rootCa: v.rootCa, rootRotation: v.rootRotation },
    };
  }
  const sink = ctx.progress();
  if (!o.quiet) sink.event(`root CA rotation started: new root sha256:${target}`, { newRootDigest: target });
  let last = '';
  // The nodes counted when it started: the complete count to print if it finishes before the first read.
  let lastTotal = started.rootRotation?.nodesTotal ?? 0;
  const progress = (rotated: number, total: number): void => {
    const line = `rotated node certificates: ${rotated}/${total} nodes`;
    if (line !== last && !o.quiet) sink.event(line, { nodesRotated: rotated, nodesTotal: total });
    last = line;
  };
  for (;;) {
    const info = await c.control('getClusterInfo', {});
    const v: ClusterView = clusterView(info);
    if (v.rootRotation === undefined) {
      if (v.rootCa.digest !== target) {
        throw new ClusterError(
          ErrorCode.Conflict,
          `the rotation to root sha256:${target} ended with another root (sha256:${v.rootCa.digest})`,
          {
            hint: 'another rotation ran at the same time: check `clusterctl cluster inspect`',
          },
        );
      }
      // Finished between two reads: the count last seen, complete.
      if (lastTotal > 0) progress(lastTotal, lastTotal);
      if (!o.quiet)
        sink.event('root CA rotation finished: the new root is the only root; join tokens changed', {
          done: true,
          rootCaDigest: v.rootCa.digest,
        });
      return caOutput(info);
    }
    const r = v.rootRotation;
    progress(r.nodesRotated, r.nodesTotal);
    lastTotal = r.nodesTotal;
    await cfg.sleep(cfg.pollMs);
  }
}
