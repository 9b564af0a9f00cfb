// Image shipping: `clusterctl image ls` (which nodes hold which images) and the image ID a new or
// updated service is pinned to. Both come from the nodes' image inventories, which only the leader's
// dispatcher holds: a follower answers NOT_LEADER and the daemon's control proxy asks the leader.
import { ClusterError, ErrorCode } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import type { Call, ControlContext } from './context.js';

/** The leader's view of the nodes' images (the dispatcher's inventories). */
export interface ImagesProvider {
  /** Every image a node reported, with its holders; NOT_LEADER on a follower. */
  list(): {
    images: Array<{ id: string; repoTags: string[]; sizeBytes: number; created: number; nodeIds: string[] }>;
    truncatedNodes: string[];
  };
  /** The one ID the nodes hold for `ref`; undefined when none holds it, they disagree, or not the leader. */
  resolve(ref: string): string | undefined;
}

export function notLeaderForImages(): ClusterError {
  return new ClusterError(
    ErrorCode.NotLeader,
    "the nodes' images are known to the leader manager, and this manager is not the leader",
    { hint: 'retry: the call goes to the leader once one is elected' },
  );
}

export function imageMethods(ctx: ControlContext) {
  async function listImages(
    _call: Call<clusterctl.control.ListImagesRequest, clusterctl.control.IListImagesResponse>,
  ): Promise<clusterctl.control.IListImagesResponse> {
    const provider = ctx.deps.images;
    if (provider === undefined)
      throw new ClusterError(ErrorCode.FailedPrecondition, 'this manager keeps no image inventory', {
        hint: 'image ls needs the dispatcher; check the daemon wiring',
      });
    const { images, truncatedNodes } = provider.list();
    const names = ctx.store.view((tx) => new Map(tx.list('nodes').map((n) => [n.id, n.name || n.hostname])));
    return {
      images: images.map((i) => ({
        id: i.id,
        repoTags: i.repoTags,
        sizeBytes: i.sizeBytes,
        created: i.created,
        nodeIds: i.nodeIds,
        hostnames: i.nodeIds.map((id) => names.get(id) ?? id),
      })),
      truncatedNodes,
    };
  }
  return { listImages };
}
