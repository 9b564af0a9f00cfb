// Image shipping: the images each node's engine holds, as its agent last reported them (with its
// heartbeats, only when they changed). Kept in the leader's memory only: a new leader learns every
// node's inventory with the first heartbeat of its new session. Answers which up nodes can serve an
// image (ImageSources) and which nodes hold what (`clusterctl image ls`).
import { familiarImageRef, imageRefMatches, isImageId } from '@clusterctl/common';

export interface ImageHolding {
  id: string;
  repoTags: string[];
  sizeBytes: number;
  /** s since the Unix epoch. */
  created: number;
}

export interface NodeImageInventory {
  digest: string;
  /** host:port of the node's image listener ('' : it serves none). */
  addr: string;
  images: ImageHolding[];
  truncated: boolean;
}

export interface ImageSourceInfo {
  nodeId: string;
  hostname: string;
  addr: string;
  imageId: string;
  sizeBytes: number;
}

/** Most images kept per node (the agent bounds its report too). */
export const MAX_IMAGES_PER_NODE = 512;
const MAX_TAGS_PER_IMAGE = 32;

export class ImageInventories {
  private readonly byNode = new Map<string, NodeImageInventory>();

  /** A node's new inventory (bounded here as well: the report comes from the network). */
  set(nodeId: string, inv: NodeImageInventory): void {
    const images = inv.images
      .filter((i) => isImageId(i.id))
      .slice(0, MAX_IMAGES_PER_NODE)
      .map((i) => ({ ...i, repoTags: i.repoTags.slice(0, MAX_TAGS_PER_IMAGE).map((t) => t.slice(0, 512)) }));
    this.byNode.set(nodeId, {
      digest: inv.digest.slice(0, 128),
      addr: inv.addr.slice(0, 256),
      images,
      truncated: inv.truncated || inv.images.length > MAX_IMAGES_PER_NODE,
    });
  }

  digest(nodeId: string): string {
    return this.byNode.get(nodeId)?.digest ?? '';
  }

  delete(nodeId: string): void {
    this.byNode.delete(nodeId);
  }

  clear(): void {
    this.byNode.clear();
  }

  /**
   * The nodes that hold `ref` (with ID `imageId` when given), among `up` (node id -> hostname),
   * except `exceptNodeId`, and that serve images. Order: the fewest transfers to serve first is not
   * known here, so the order is stable but rotated by `spread` to share the load between holders.
   */
  sources(
    ref: string,
    imageId: string,
    exceptNodeId: string,
    up: ReadonlyMap<string, string>,
    spread = 0,
  ): ImageSourceInfo[] {
    const out: ImageSourceInfo[] = [];
    for (const [nodeId, inv] of [...this.byNode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (nodeId === exceptNodeId || inv.addr === '' || !up.has(nodeId)) continue;
      const img = findImage(inv.images, ref, imageId);
      if (img === undefined) continue;
      out.push({ nodeId, hostname: up.get(nodeId) ?? '', addr: inv.addr, imageId: img.id, sizeBytes: img.sizeBytes });
    }
    if (out.length <= 1) return out;
    const k = spread % out.length;
    return [...out.slice(k), ...out.slice(0, k)];
  }

  /**
   * The ID the cluster's nodes hold for `ref`, when it is one ID (a reference given as an ID is
   * that ID); undefined when no node holds it or holders disagree (then the first node that runs
   * the service pins it).
   */
  resolve(ref: string): string | undefined {
    if (isImageId(ref)) return ref;
    const ids = new Set<string>();
    for (const inv of this.byNode.values()) {
      const img = findImage(inv.images, ref, '');
      if (img !== undefined) ids.add(img.id);
    }
    return ids.size === 1 ? [...ids][0] : undefined;
  }

  /** Every image any node holds, with its holders (nodes in id order), by first tag then id. */
  list(): { images: Array<ImageHolding & { nodeIds: string[] }>; truncatedNodes: string[] } {
    const byId = new Map<string, ImageHolding & { nodeIds: string[] }>();
    const truncatedNodes: string[] = [];
    for (const [nodeId, inv] of [...this.byNode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (inv.truncated) truncatedNodes.push(nodeId);
      for (const img of inv.images) {
        const have = byId.get(img.id);
        if (have === undefined) byId.set(img.id, { ...img, repoTags: [...img.repoTags], nodeIds: [nodeId] });
        else {
          have.nodeIds.push(nodeId);
          for (const t of img.repoTags) if (!have.repoTags.includes(t)) have.repoTags.push(t);
        }
      }
    }
    const images = [...byId.values()].sort((a, b) => {
      const ka = a.repoTags[0] ?? '\uffff' + a.id;
      const kb = b.repoTags[0] ?? '\uffff' + b.id;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    return { images, truncatedNodes };
  }
}

/** By ID when one is given (whatever its tags: the holder saves it by ID), else by reference. */
function findImage(images: ImageHolding[], ref: string, imageId: string): ImageHolding | undefined {
  const id = imageId !== '' ? imageId : isImageId(ref) ? ref : '';
  if (id !== '') return images.find((i) => i.id === id);
  const want = familiarImageRef(ref);
  return images.find((i) => i.repoTags.some((t) => imageRefMatches(want, t)));
}
