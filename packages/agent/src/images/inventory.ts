// Image shipping: the images this node's engine holds, as the agent reports them to the dispatcher
// (with a heartbeat, only when they changed). Read from the engine every refreshMs and at once after
// this agent loaded an image; bounded to the most recent maxImages.
import { createHash } from 'node:crypto';
import type { Logger } from '@clusterctl/common';
import type { clusterctl } from '@clusterctl/proto';
import type { ImageEngine, ImageSummary } from '../executor/index.js';

export interface ImageInventoryConfig {
  engine: Pick<ImageEngine, 'listImages'>;
  /** host:port of this node's image listener ('' : it serves none). */
  addr: () => string;
  log: Logger;
  refreshMs?: number;
  maxImages?: number;
}

export const IMAGE_INVENTORY_DEFAULTS = { refreshMs: 5_000, maxImages: 256 } as const;

export type InventoryMessage = clusterctl.dispatcher.IImageInventory;

/** The report of `images` (the most recent first, at most `max`), with its digest. */
export function inventoryOf(images: ImageSummary[], addr: string, max: number): InventoryMessage {
  const sorted = [...images].sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const kept = sorted.slice(0, max).map((i) => ({
    id: i.id,
    repoTags: [...i.repoTags].sort(),
    sizeBytes: i.sizeBytes,
    created: i.created,
  }));
  const h = createHash('sha256').update(addr);
  for (const i of kept) h.update(`\n${i.id} ${i.repoTags.join(',')}`);
  return { digest: h.digest('hex'), addr, images: kept, truncated: sorted.length > max };
}

export class ImageInventory {
  private current: InventoryMessage | undefined;
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  private readonly log: Logger;

  constructor(private readonly cfg: ImageInventoryConfig) {
    this.log = cfg.log;
  }

  start(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.cfg.refreshMs ?? IMAGE_INVENTORY_DEFAULTS.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Reads the engine's images again (one read at a time). Never rejects. */
  refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        const images = await this.cfg.engine.listImages();
        this.current = inventoryOf(images, this.cfg.addr(), this.cfg.maxImages ?? IMAGE_INVENTORY_DEFAULTS.maxImages);
      } catch (err) {
        this.log.debug({ err }, 'listing the images failed; the next refresh tries again');
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  /** The inventory to send when the dispatcher's digest differs from ours (undefined: same, or none yet). */
  forDispatcher(dispatcherDigest: string | undefined): InventoryMessage | undefined {
    const c = this.current;
    if (c === undefined || c.digest === dispatcherDigest) return undefined;
    return c;
  }
}
