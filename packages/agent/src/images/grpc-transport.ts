// Image shipping: the ImageTransport over gRPC, to other nodes' image listeners (mutual TLS; the
// server must present the certificate of the node the dispatcher named). One channel per holder.
import * as grpc from '@grpc/grpc-js';
import { TLS_SERVER_NAME } from '@clusterctl/ca';
import { ImageShippingService, type clusterctl } from '@clusterctl/proto';
import type { ImageChunkMessage, ImageSource, ImageTransport } from './image-fetcher.js';

interface ImageShippingClient extends grpc.Client {
  fetchImage(
    req: clusterctl.images.IFetchImageRequest,
    opts?: grpc.CallOptions,
  ): grpc.ClientReadableStream<clusterctl.images.ImageChunk>;
}

const Ctor = grpc.makeGenericClientConstructor(
  ImageShippingService as unknown as grpc.ServiceDefinition,
  'ImageShipping',
);

export class GrpcImageTransport {
  private readonly clients = new Map<string, ImageShippingClient>();

  /** `credentials(nodeId)`: this node's certificate, accepting only that node as the server. */
  constructor(private readonly credentials: (nodeId: string) => grpc.ChannelCredentials) {}

  readonly transport: ImageTransport = (source, req, signal) => this.open(source, req, signal);

  private client(source: ImageSource): ImageShippingClient {
    const key = `${source.nodeId}@${source.addr}`;
    let c = this.clients.get(key);
    if (c === undefined) {
      c = new Ctor(source.addr, this.credentials(source.nodeId), {
        'grpc.ssl_target_name_override': TLS_SERVER_NAME,
        'grpc.max_receive_message_length': 64 << 20,
        'grpc.use_local_subchannel_pool': 1,
      }) as unknown as ImageShippingClient;
      this.clients.set(key, c);
    }
    return c;
  }

  private async *open(
    source: ImageSource,
    req: { image: string; imageId: string },
    signal: AbortSignal,
  ): AsyncGenerator<ImageChunkMessage> {
    const call = this.client(source).fetchImage(req);
    const cancel = (): void => call.cancel();
    signal.addEventListener('abort', cancel, { once: true });
    try {
      // async iteration reads one message at a time: the holder waits while the engine loads
      for await (const m of call as AsyncIterable<clusterctl.images.ImageChunk>) {
        yield { imageId: m.imageId, sizeBytes: Number(m.sizeBytes ?? 0), data: m.data };
      }
    } finally {
      signal.removeEventListener('abort', cancel);
      call.cancel();
    }
  }

  close(): void {
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }
}
