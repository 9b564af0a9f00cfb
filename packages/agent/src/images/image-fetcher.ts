// Image shipping, the fetching side: brings an image this node's engine lacks from a node that holds
// it. The dispatcher names the holders (ImageSources); the archive streams from the holder's image
// listener straight into the engine's `docker load`, chunk by chunk with backpressure (never the
// whole image in memory). At most maxConcurrent transfers run at once; concurrent asks for the same
// image share one transfer. A holder that fails, stalls or sends another image than the one asked
// for is left for the next holder; when every holder failed, the holders are asked for again after a
// delay, a few rounds. What was loaded is verified by the ID the engine gives it: an archive whose
// image has another ID than the one asked for is refused (and its tags removed again).
import { Readable } from 'node:stream';
import { ClusterError, ErrorCode, isImageId, type Logger } from '@clusterctl/common';
import type { ImageEngine } from '../executor/index.js';

export interface ImageSource {
  nodeId: string;
  /** The holder's name, for progress messages. */
  hostname: string;
  /** host:port of its image listener. */
  addr: string;
  imageId: string;
  sizeBytes: number;
}

/** One message of a transfer: the first carries the image's ID and size, the others data. */
export interface ImageChunkMessage {
  imageId?: string;
  sizeBytes?: number;
  data?: Uint8Array;
}

/** Opens a transfer from a holder (the gRPC client, or a fake in tests); aborted with the signal. */
export type ImageTransport = (
  source: ImageSource,
  req: { image: string; imageId: string },
  signal: AbortSignal,
) => AsyncIterable<ImageChunkMessage>;

export interface ImageProgress {
  /** The holder's name. */
  source: string;
  bytes: number;
  /** 0 when not known. */
  totalBytes: number;
}

export interface ImageFetcherConfig {
  engine: Pick<ImageEngine, 'loadImage' | 'imageIdOf' | 'tagImage' | 'untagImage'>;
  /** The holders of an image, the best first (the dispatcher's ImageSources). */
  sources: (image: string, imageId: string) => Promise<ImageSource[]>;
  transport: ImageTransport;
  log: Logger;
  /** Transfers at once on this node. */
  maxConcurrent?: number;
  /** Rounds of asking for holders and trying each. */
  rounds?: number;
  /** Delay before the next round (doubled each round). */
  retryDelayMs?: number;
  /** A transfer with no data for this long is given up (the holder is left for the next). */
  stallTimeoutMs?: number;
  /** Told once an image was loaded (the inventory is read again). */
  onLoaded?: () => void;
}

export const IMAGE_FETCHER_DEFAULTS = {
  maxConcurrent: 2,
  rounds: 3,
  retryDelayMs: 1_000,
  stallTimeoutMs: 30_000,
} as const;

/** The archive's image has another ID than the one asked for. */
export class ImageMismatchError extends ClusterError {}

export class ImageFetcher {
  private readonly inFlight = new Map<string, Promise<string>>();
  private active = 0;
  private readonly waiters: Array<() => void> = [];
  private readonly log: Logger;
  /** Transfers finished, failed (per holder), refused for their ID (figures and tests). */
  readonly stats = { fetched: 0, failedAttempts: 0, mismatches: 0 };

  constructor(private readonly cfg: ImageFetcherConfig) {
    this.log = cfg.log.child({ component: 'image-fetcher' });
  }

  /**
   * Brings `image` (with ID `imageId` when not '') into the engine from a holder; resolves with the
   * loaded image's ID. NOT_FOUND when no node holds it or every holder failed.
   */
  fetch(image: string, imageId: string, onProgress?: (p: ImageProgress) => void): Promise<string> {
    const key = `${image}\n${imageId}`;
    let p = this.inFlight.get(key);
    if (p === undefined) {
      p = this.run(image, imageId, onProgress).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, p);
    }
    return p;
  }

  private async acquire(): Promise<void> {
    const max = this.cfg.maxConcurrent ?? IMAGE_FETCHER_DEFAULTS.maxConcurrent;
    while (this.active >= max) await new Promise<void>((r) => this.waiters.push(r));
    this.active++;
  }

  private release(): void {
    this.active--;
    this.waiters.shift()?.();
  }

  private async run(image: string, imageId: string, onProgress?: (p: ImageProgress) => void): Promise<string> {
    await this.acquire();
    try {
      const rounds = this.cfg.rounds ?? IMAGE_FETCHER_DEFAULTS.rounds;
      let delayMs = this.cfg.retryDelayMs ?? IMAGE_FETCHER_DEFAULTS.retryDelayMs;
      const failures: string[] = [];
      for (let round = 0; round < rounds; round++) {
        if (round > 0) {
          await new Promise((r) => setTimeout(r, delayMs));
          delayMs *= 2;
        }
        let sources: ImageSource[];
        try {
          sources = await this.cfg.sources(image, imageId);
        } catch (err) {
          failures.push(`asking for holders failed: ${errText(err)}`);
          continue;
        }
        if (sources.length === 0) failures.push('no other node holds it');
        for (const src of sources) {
          try {
            const id = await this.fromSource(src, image, imageId, onProgress);
            this.stats.fetched++;
            this.cfg.onLoaded?.();
            return id;
          } catch (err) {
            this.stats.failedAttempts++;
            if (err instanceof ImageMismatchError) this.stats.mismatches++;
            const why = `${src.hostname || src.nodeId}: ${errText(err)}`;
            failures.push(why);
            this.log.warn({ image, imageId, source: src.nodeId, err: errText(err) }, 'fetching the image failed');
          }
        }
      }
      const what = imageId === '' ? image : `${image} (${imageId})`;
      throw new ClusterError(
        ErrorCode.NotFound,
        `image ${what} could not be fetched from another node: ${[...new Set(failures)].slice(-4).join('; ')}`,
        {
          hint: 'load the image on one node of the cluster (docker load, docker build) or push it to a registry the nodes reach',
          details: { image, imageId, op: 'ship' },
        },
      );
    } finally {
      this.release();
    }
  }

  private async fromSource(
    src: ImageSource,
    image: string,
    imageId: string,
    onProgress?: (p: ImageProgress) => void,
  ): Promise<string> {
    const abort = new AbortController();
    const stallMs = this.cfg.stallTimeoutMs ?? IMAGE_FETCHER_DEFAULTS.stallTimeoutMs;
    let stall: NodeJS.Timeout | undefined;
    const armStall = (): void => {
      clearTimeout(stall);
      stall = setTimeout(() => abort.abort(new Error(`no data for ${stallMs} ms`)), stallMs);
    };
    const t0 = Date.now();
    armStall();
    const it = this.cfg.transport(src, { image, imageId }, abort.signal)[Symbol.asyncIterator]();
    try {
      const first = await it.next();
      if (first.done === true) throw new Error('the holder sent nothing');
      const header = first.value;
      const sent = header.imageId ?? '';
      if (!isImageId(sent)) throw new Error('the holder did not say which image it sends');
      if (imageId !== '' && sent !== imageId) {
        throw new ImageMismatchError(ErrorCode.FailedPrecondition, `the holder has ${sent}, not ${imageId}`, {
          hint: 'the image was rebuilt on that node',
        });
      }
      const totalBytes = Number(header.sizeBytes ?? 0) || src.sizeBytes;
      const source = src.hostname || src.nodeId;
      let bytes = 0;
      onProgress?.({ source, bytes, totalBytes });
      const firstData = header.data;
      // pulled by the engine's load as it reads: one chunk in memory at a time
      async function* data(): AsyncGenerator<Buffer> {
        if (firstData !== undefined && firstData.length > 0) {
          bytes += firstData.length;
          yield Buffer.from(firstData.buffer, firstData.byteOffset, firstData.length);
        }
        for (;;) {
          const n = await it.next();
          if (n.done === true) return;
          armStall();
          const d = n.value.data;
          if (d === undefined || d.length === 0) continue;
          bytes += d.length;
          onProgress?.({ source, bytes, totalBytes });
          yield Buffer.from(d.buffer, d.byteOffset, d.length);
        }
      }
      const stream = Readable.from(data(), { objectMode: false });
      // a failed transfer ends the engine's load too (it would wait for the rest of the archive)
      stream.on('error', (err) => abort.abort(err));
      const loaded = await this.cfg.engine.loadImage(stream, abort.signal);
      if (abort.signal.aborted) throw abort.signal.reason ?? new Error('transfer aborted');
      const id = await this.verify(loaded, sent, image);
      this.log.info(
        { image, imageId: id, source: src.nodeId, bytes, durationMs: Date.now() - t0 },
        'image fetched from another node',
      );
      return id;
    } catch (err) {
      if (abort.signal.aborted && abort.signal.reason instanceof Error) throw abort.signal.reason;
      throw err;
    } finally {
      clearTimeout(stall);
      abort.abort();
      void it.return?.();
    }
  }

  /**
   * The engine's ID of what was loaded must be `expected`; the reference is then tagged to it. A
   * load that brought another image has its tags removed and is refused.
   */
  private async verify(loaded: { tags: string[]; ids: string[] }, expected: string, image: string): Promise<string> {
    const e = this.cfg.engine;
    const found = new Set(loaded.ids);
    const wrongTags: string[] = [];
    for (const tag of loaded.tags) {
      const id = await e.imageIdOf(tag);
      if (id !== undefined) found.add(id);
      if (id !== expected) wrongTags.push(tag);
    }
    if (!found.has(expected)) {
      for (const t of wrongTags) await e.untagImage(t).catch(() => undefined);
      throw new ImageMismatchError(
        ErrorCode.FailedPrecondition,
        `the archive held ${[...found].join(', ') || 'no image'}, not ${expected}`,
        { hint: 'the holder sent another image than the one it named' },
      );
    }
    if (!isImageId(image) && (await e.imageIdOf(image)) !== expected) await e.tagImage(expected, image);
    const now = isImageId(image) ? await e.imageIdOf(expected) : await e.imageIdOf(image);
    if (now !== expected)
      throw new ImageMismatchError(ErrorCode.FailedPrecondition, `${image} is ${now ?? 'missing'} after the load`, {
        hint: 'the image changed on this node meanwhile',
      });
    return expected;
  }
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
