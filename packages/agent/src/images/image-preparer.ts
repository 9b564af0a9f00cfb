// Image shipping: the image of a task, made present and verified before its container is created.
//   1. the engine has the reference: its ID must be the service's pinned one (when pinned);
//   2. else the pinned ID is on the node under another name: it is tagged;
//   3. else a registry (the engine's pull) stays the first choice;
//   4. else another node that holds it ships it (image-fetcher.ts).
// A node never runs an image whose ID differs from the one the service was pinned to: the task is
// refused with the two IDs and what to do.
import { ClusterError, ErrorCode, isImageId, type Logger } from '@clusterctl/common';
import type { Executor, ImageEngine } from '../executor/index.js';
import type { ImageFetcher, ImageProgress } from './image-fetcher.js';

export interface ImagePreparerConfig {
  executor: Pick<Executor, 'ensureImage'>;
  engine: Pick<ImageEngine, 'imageIdOf' | 'tagImage'>;
  /** Absent: images are never fetched from other nodes. */
  fetcher?: Pick<ImageFetcher, 'fetch'>;
  log: Logger;
}

const short = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);

export function pinMismatch(image: string, local: string, pinned: string): ClusterError {
  return new ClusterError(
    ErrorCode.FailedPrecondition,
    `image ${image} on this node is ${short(local)}, but the service was created with ${short(pinned)}`,
    {
      hint: `the image was rebuilt or retagged on this node: remove it there (docker rmi ${image}) so the pinned one is fetched, or re-pin the service to the image the nodes hold now (clusterctl service update --force)`,
      details: { image, imageId: local, pinnedImageId: pinned, reason: 'image-id-mismatch' },
    },
  );
}

export class ImagePreparer {
  constructor(private readonly cfg: ImagePreparerConfig) {}

  /** Resolves with the ID of the image the task will run; rejects with a ClusterError a user can act on. */
  async prepare(image: string, pinnedId: string | undefined, onProgress?: (p: ImageProgress) => void): Promise<string> {
    const e = this.cfg.engine;
    const pinned = pinnedId ?? (isImageId(image) ? image : undefined);
    const local = await e.imageIdOf(image);
    if (local !== undefined) {
      if (pinned !== undefined && local !== pinned) throw pinMismatch(image, local, pinned);
      return local;
    }
    if (pinned !== undefined && !isImageId(image) && (await e.imageIdOf(pinned)) === pinned) {
      await e.tagImage(pinned, image);
      return pinned;
    }
    let pullError: unknown;
    try {
      const { imageId } = await this.cfg.executor.ensureImage(image);
      if (pinned !== undefined && imageId !== pinned) throw pinMismatch(image, imageId, pinned);
      return imageId;
    } catch (err) {
      if (!(err instanceof ClusterError) || err.code !== ErrorCode.NotFound || this.cfg.fetcher === undefined)
        throw err;
      pullError = err;
    }
    this.cfg.log.info(
      { image, imageId: pinned },
      'image not on this node and not pulled: fetching it from another node',
    );
    try {
      const id = await this.cfg.fetcher.fetch(image, pinned ?? '', onProgress);
      if (pinned !== undefined && id !== pinned) throw pinMismatch(image, id, pinned);
      return id;
    } catch (err) {
      if (!(err instanceof ClusterError) || err.code !== ErrorCode.NotFound) throw err;
      const pull = pullError instanceof Error ? pullError.message : String(pullError);
      throw new ClusterError(ErrorCode.NotFound, `${pull}; ${err.message}`, {
        hint: err.hint ?? 'load the image on one node of the cluster, or push it to a registry the nodes reach',
        details: { ...err.details, image },
        cause: err,
      });
    }
  }
}
