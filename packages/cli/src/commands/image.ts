// image ls: which nodes' engines hold which images (image shipping), as the nodes last reported them.
import type { clusterctl } from '@clusterctl/proto';
import type { Ctx } from '../context.js';
import { ago, formatBytes, type Output } from '../render.js';

export interface ImageView {
  id: string;
  repoTags: string[];
  sizeBytes: number;
  /** ISO time the image was built ('' when not known). */
  created: string;
  /** By hostname. */
  nodes: Array<{ id: string; hostname: string }>;
}

export function imageView(i: clusterctl.control.INodeImage): ImageView {
  const ids = i.nodeIds ?? [];
  const created = Number(i.created ?? 0);
  return {
    id: i.id ?? '',
    repoTags: [...(i.repoTags ?? [])],
    sizeBytes: Number(i.sizeBytes ?? 0),
    created: created > 0 ? new Date(created * 1000).toISOString() : '',
    nodes: ids
      .map((id, k) => ({ id, hostname: i.hostnames?.[k] ?? id }))
      .sort((a, b) => a.hostname.localeCompare(b.hostname) || a.id.localeCompare(b.id)),
  };
}

export const IMAGE_COLUMNS = ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE', 'NODES'];

/** `REPO:TAG` -> [REPO, TAG] (a registry port is part of the repository). */
function splitTag(t: string): [string, string] {
  const at = t.lastIndexOf(':');
  return at > t.lastIndexOf('/') ? [t.slice(0, at), t.slice(at + 1)] : [t, '<none>'];
}

export async function imageLs(ctx: Ctx): Promise<Output> {
  const res = await ctx.client().control('listImages', {});
  const images = res.images.map(imageView);
  const rows: string[][] = [];
  for (const i of images) {
    const id = i.id.replace(/^sha256:/, '').slice(0, 12);
    const created = i.created === '' ? '' : ago(Date.parse(i.created), Date.now());
    const nodes = i.nodes.map((n) => n.hostname).join(',');
    const tags = i.repoTags.length > 0 ? i.repoTags : ['<none>:<none>'];
    for (const t of tags) rows.push([...splitTag(t), id, created, formatBytes(i.sizeBytes), nodes]);
  }
  return { kind: 'table', columns: IMAGE_COLUMNS, rows, json: images };
}
