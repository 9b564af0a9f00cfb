// Image shipping, the serving side: the node's image listener. Serves the ImageShipping service
// (proto/image-shipping.proto) over mutual TLS: only certificates of this cluster's nodes (workers
// and managers) are accepted, checked on every call. FetchImage streams the engine's `docker save`
// archive of the image in chunks of at most chunkBytes, waiting for the receiver (backpressure), so
// neither side holds more than a few chunks. At most maxConcurrent transfers are served at once; a
// caller beyond that gets RESOURCE_EXHAUSTED and tries another holder.
import * as grpc from '@grpc/grpc-js';
import { ClusterError, ErrorCode, isImageId, toGrpcError, type Logger } from '@clusterctl/common';
import { authorizeCall, type AuthContextCarrier } from '@clusterctl/ca';
import { ImageShippingService, type clusterctl } from '@clusterctl/proto';
import type { ImageEngine } from '../executor/index.js';

export interface ImageServerConfig {
  engine: Pick<ImageEngine, 'imageIdOf' | 'saveImage' | 'listImages'>;
  clusterId: string;
  log: Logger;
  maxConcurrent?: number;
  chunkBytes?: number;
}

export const IMAGE_SERVER_DEFAULTS = { maxConcurrent: 4, chunkBytes: 1 << 20 } as const;

/** Re-cuts a byte stream into chunks of `size` bytes (the last one shorter), copying at most one chunk. */
export async function* rechunk(source: AsyncIterable<Uint8Array | string>, size: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let have = 0;
  for await (const piece of source) {
    let b = typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.length);
    while (b.length > 0) {
      const take = Math.min(size - have, b.length);
      parts.push(b.subarray(0, take));
      have += take;
      b = b.subarray(take);
      if (have === size) {
        yield parts.length === 1 ? parts[0]! : Buffer.concat(parts, have);
        parts = [];
        have = 0;
      }
    }
  }
  if (have > 0) yield parts.length === 1 ? parts[0]! : Buffer.concat(parts, have);
}

export class ImageServer {
  private active = 0;
  private readonly log: Logger;
  /** Transfers served and refused (figures and tests). */
  readonly stats = { served: 0, refused: 0 };

  constructor(private readonly cfg: ImageServerConfig) {
    this.log = cfg.log.child({ component: 'image-server' });
  }

  /** The handlers for `server.addService(ImageShippingService, ...)`. */
  implementation(): grpc.UntypedServiceImplementation {
    return {
      fetchImage: (
        call: grpc.ServerWritableStream<clusterctl.images.FetchImageRequest, clusterctl.images.IImageChunk>,
      ) => void this.fetchImage(call),
    } as unknown as grpc.UntypedServiceImplementation;
  }

  /** A gRPC server with the ImageShipping service on `addr` (host:port; port 0: any); resolves with the bound port. */
  async listen(addr: string, credentials: grpc.ServerCredentials): Promise<{ server: grpc.Server; port: number }> {
    const server = new grpc.Server({ 'grpc.max_send_message_length': 64 << 20 });
    server.addService(ImageShippingService as unknown as grpc.ServiceDefinition, this.implementation());
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(addr, credentials, (err, p) => (err ? reject(err) : resolve(p))),
    );
    return { server, port };
  }

  private async fetchImage(
    call: grpc.ServerWritableStream<clusterctl.images.FetchImageRequest, clusterctl.images.IImageChunk>,
  ): Promise<void> {
    const auth = authorizeCall(call as unknown as AuthContextCarrier, {
      clusterId: this.cfg.clusterId,
      roles: ['worker', 'manager'],
    });
    if (!auth.ok) {
      call.emit('error', toGrpcError(auth.error));
      return;
    }
    const max = this.cfg.maxConcurrent ?? IMAGE_SERVER_DEFAULTS.maxConcurrent;
    if (this.active >= max) {
      this.stats.refused++;
      call.emit('error', {
        code: grpc.status.RESOURCE_EXHAUSTED,
        details: `this node serves ${max} image transfers already`,
      });
      return;
    }
    this.active++;
    const abort = new AbortController();
    call.on('cancelled', () => abort.abort());
    const image = (call.request.image ?? '').slice(0, 1024);
    const want = (call.request.imageId ?? '').slice(0, 128);
    const t0 = Date.now();
    let bytes = 0;
    try {
      // by the reference when it names the image asked for (the archive then carries the tag), else by ID
      const byRef = image === '' ? undefined : await this.cfg.engine.imageIdOf(image);
      let ref = image;
      let id = byRef;
      if (want !== '' && byRef !== want) {
        id = isImageId(want) ? await this.cfg.engine.imageIdOf(want) : undefined;
        ref = want;
      }
      if (id === undefined)
        throw new ClusterError(ErrorCode.NotFound, `this node does not hold ${want || image}`, {
          hint: 'ask the dispatcher for another holder',
        });
      const size = (await this.cfg.engine.listImages()).find((i) => i.id === id)?.sizeBytes ?? 0;
      call.write({ imageId: id, sizeBytes: size });
      const archive = await this.cfg.engine.saveImage(ref, abort.signal);
      for await (const chunk of rechunk(
        archive as AsyncIterable<Uint8Array>,
        this.cfg.chunkBytes ?? IMAGE_SERVER_DEFAULTS.chunkBytes,
      )) {
        if (abort.signal.aborted) break;
        bytes += chunk.length;
        if (!call.write({ data: chunk })) await waitDrain(call, abort.signal);
      }
      if (abort.signal.aborted) return;
      call.end();
      this.stats.served++;
      this.log.info({ image, imageId: id, bytes, durationMs: Date.now() - t0 }, 'image served to another node');
    } catch (err) {
      if (abort.signal.aborted) return;
      this.log.warn({ image, err }, 'serving an image failed');
      call.emit('error', toGrpcError(err));
    } finally {
      this.active--;
    }
  }
}

function waitDrain(call: NodeJS.EventEmitter, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      call.off('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    call.on('drain', done);
    signal.addEventListener('abort', done, { once: true });
  });
}
