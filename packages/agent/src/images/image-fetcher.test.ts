import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ClusterError, ErrorCode, silentLogger } from '@clusterctl/common';
import type { LoadedImages } from '../executor/index.js';
import { ImageFetcher, type ImageChunkMessage, type ImageSource, type ImageTransport } from './image-fetcher.js';
import { ImagePreparer } from './image-preparer.js';
import { rechunk } from './image-server.js';
import { inventoryOf } from './inventory.js';

/** An archive's "ID" in these tests: sha256 of its bytes (as the engine derives an ID from content). */
function idOf(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** An engine that loads archives of the form TAG\n<payload>, and remembers tags. */
class FakeImageEngine {
  readonly tags = new Map<string, string>();
  readonly ids = new Set<string>();
  loads = 0;
  /** Largest chunk the load was handed (the archive never sits whole in memory). */
  maxPieceBytes = 0;
  async loadImage(archive: NodeJS.ReadableStream): Promise<LoadedImages> {
    this.loads++;
    const parts: Buffer[] = [];
    for await (const p of archive as AsyncIterable<Buffer>) {
      this.maxPieceBytes = Math.max(this.maxPieceBytes, p.length);
      parts.push(p);
    }
    const all = Buffer.concat(parts);
    const nl = all.indexOf(10);
    const tag = all.subarray(0, nl).toString();
    const id = idOf(all.subarray(nl + 1));
    this.ids.add(id);
    this.tags.set(tag, id);
    return { tags: [tag], ids: [] };
  }
  async imageIdOf(ref: string): Promise<string | undefined> {
    if (this.ids.has(ref)) return ref;
    return this.tags.get(ref);
  }
  async tagImage(id: string, ref: string): Promise<void> {
    this.tags.set(ref, id);
  }
  async untagImage(ref: string): Promise<void> {
    this.tags.delete(ref);
  }
}

function archive(tag: string, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${tag}\n`), payload]);
}

/** A holder serving `bytes` in chunks; `failAfter`: the stream breaks after that many chunks. */
function holder(
  bytes: Buffer,
  claimedId: string,
  opts: { chunk?: number; failAfter?: number; stall?: boolean } = {},
): (signal: AbortSignal) => AsyncIterable<ImageChunkMessage> {
  return async function* (signal) {
    yield { imageId: claimedId, sizeBytes: bytes.length };
    const size = opts.chunk ?? 1000;
    let n = 0;
    for (let off = 0; off < bytes.length; off += size) {
      if (opts.failAfter !== undefined && n === opts.failAfter) throw new Error('connection reset');
      if (opts.stall === true)
        await new Promise<void>((_r, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error)));
      n++;
      yield { data: bytes.subarray(off, off + size) };
    }
  };
}

function source(nodeId: string, imageId: string): ImageSource {
  return { nodeId, hostname: nodeId, addr: `${nodeId}:4281`, imageId, sizeBytes: 0 };
}

function setup(
  holders: Record<string, (signal: AbortSignal) => AsyncIterable<ImageChunkMessage>>,
  sources: () => ImageSource[],
  extra: Partial<ConstructorParameters<typeof ImageFetcher>[0]> = {},
) {
  const engine = new FakeImageEngine();
  const opened: string[] = [];
  const transport: ImageTransport = (src, _req, signal) => {
    opened.push(src.nodeId);
    return holders[src.nodeId]!(signal);
  };
  const fetcher = new ImageFetcher({
    engine,
    transport,
    sources: async () => sources(),
    log: silentLogger(),
    retryDelayMs: 1,
    ...extra,
  });
  return { engine, fetcher, opened };
}

const payload = Buffer.alloc(25_000, 7);
const good = archive('app:1', payload);
const goodId = idOf(payload);

describe('image fetcher', () => {
  it('streams the archive into the engine chunk by chunk, tags and verifies it, and reports progress', async () => {
    const { engine, fetcher } = setup({ m1: holder(good, goodId) }, () => [source('m1', goodId)]);
    const seen: number[] = [];
    const id = await fetcher.fetch('app:1', goodId, (p) => seen.push(p.bytes));
    assert.equal(id, goodId);
    assert.equal(engine.tags.get('app:1'), goodId);
    assert.ok(engine.maxPieceBytes <= 1000, `the load got pieces of ${engine.maxPieceBytes} bytes`);
    assert.equal(seen.at(-1), good.length);
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => a - b),
      'progress only grows',
    );
  });

  it('takes the next holder when one breaks off, and asks again when every holder failed', async () => {
    const { fetcher, opened } = setup({ m1: holder(good, goodId, { failAfter: 3 }), m2: holder(good, goodId) }, () => [
      source('m1', goodId),
      source('m2', goodId),
    ]);
    assert.equal(await fetcher.fetch('app:1', goodId), goodId);
    assert.deepEqual(opened, ['m1', 'm2']);
    assert.equal(fetcher.stats.failedAttempts, 1);

    let round = 0;
    const later = setup({ m1: holder(good, goodId) }, () => (round++ === 0 ? [] : [source('m1', goodId)]));
    assert.equal(await later.fetcher.fetch('app:1', goodId), goodId);
    assert.equal(round, 2, 'a holder that appears later is found in the next round');
  });

  it('refuses an archive whose image has another ID than the one asked for, and removes its tag', async () => {
    const other = archive('app:1', Buffer.alloc(25_000, 9));
    const { engine, fetcher } = setup({ liar: holder(other, goodId) }, () => [source('liar', goodId)], { rounds: 1 });
    await assert.rejects(fetcher.fetch('app:1', goodId), (e: unknown) => {
      assert.ok(e instanceof ClusterError);
      assert.equal(e.code, ErrorCode.NotFound);
      assert.match(e.message, /liar: the archive held sha256:[0-9a-f]{64}, not sha256:/);
      return true;
    });
    assert.equal(engine.tags.get('app:1'), undefined, 'the wrong image keeps no tag');
    assert.equal(fetcher.stats.mismatches, 1);
  });

  it('does not load from a holder that names another ID', async () => {
    const { engine, fetcher } = setup({ m1: holder(good, 'sha256:' + 'b'.repeat(64)) }, () => [source('m1', goodId)], {
      rounds: 1,
    });
    await assert.rejects(fetcher.fetch('app:1', goodId), /m1: the holder has sha256:b+, not sha256:/);
    assert.equal(engine.loads, 0);
  });

  it('gives up a stalled holder and says so when no node can serve the image', async () => {
    const { fetcher } = setup({ m1: holder(good, goodId, { stall: true }) }, () => [source('m1', goodId)], {
      rounds: 1,
      stallTimeoutMs: 50,
    });
    await assert.rejects(fetcher.fetch('app:1', goodId), /m1: no data for 50 ms/);
    const none = setup({}, () => [], { rounds: 2 });
    await assert.rejects(none.fetcher.fetch('app:1', ''), (e: unknown) => {
      assert.ok(e instanceof ClusterError);
      assert.match(e.message, /could not be fetched from another node: no other node holds it/);
      assert.match(e.hint, /load the image on one node/);
      return true;
    });
  });

  it('runs at most maxConcurrent transfers and shares one transfer between asks for the same image', async () => {
    const payloads = [1, 2, 3].map((k) => Buffer.alloc(5_000, k));
    let active = 0;
    let most = 0;
    const holders: Record<string, (s: AbortSignal) => AsyncIterable<ImageChunkMessage>> = {};
    payloads.forEach((p, k) => {
      const inner = holder(archive(`img:${k}`, p), idOf(p));
      holders[`h${k}`] = async function* (signal) {
        active++;
        most = Math.max(most, active);
        try {
          for await (const m of inner(signal)) {
            await new Promise((r) => setImmediate(r));
            yield m;
          }
        } finally {
          active--;
        }
      };
    });
    const engine = new FakeImageEngine();
    let opened = 0;
    const fetcher = new ImageFetcher({
      engine,
      transport: (src, _req, signal) => {
        opened++;
        return holders[src.nodeId]!(signal);
      },
      sources: async (image) => {
        const k = Number(image.split(':')[1]);
        return [source(`h${k}`, idOf(payloads[k]!))];
      },
      log: silentLogger(),
      maxConcurrent: 2,
    });
    const ids = await Promise.all([
      fetcher.fetch('img:0', ''),
      fetcher.fetch('img:0', ''),
      fetcher.fetch('img:1', ''),
      fetcher.fetch('img:2', ''),
    ]);
    assert.deepEqual(ids, [idOf(payloads[0]!), idOf(payloads[0]!), idOf(payloads[1]!), idOf(payloads[2]!)]);
    assert.equal(most, 2);
    assert.equal(opened, 3, 'the two asks for img:0 shared one transfer');
  });
});

describe('image preparer', () => {
  const pinned = 'sha256:' + 'a'.repeat(64);
  const other = 'sha256:' + 'c'.repeat(64);
  const notFound = new ClusterError(
    ErrorCode.NotFound,
    'image app:1 is not on this node and could not be pulled: no such host',
  );

  function preparer(local: Record<string, string>, pull: () => Promise<string>, fetch?: () => Promise<string>) {
    const tags = new Map(Object.entries(local));
    const calls: string[] = [];
    const p = new ImagePreparer({
      executor: {
        ensureImage: async () => {
          calls.push('pull');
          return { imageId: await pull(), pulled: true };
        },
      },
      engine: {
        imageIdOf: async (ref) => tags.get(ref) ?? ([...tags.values()].includes(ref) ? ref : undefined),
        tagImage: async (id, ref) => {
          calls.push(`tag ${ref}`);
          tags.set(ref, id);
        },
      },
      ...(fetch ? { fetcher: { fetch: async () => (calls.push('fetch'), fetch()) } } : {}),
      log: silentLogger(),
    });
    return { p, calls };
  }

  it('uses the local image when its ID is the pinned one, and refuses another ID with both IDs and a hint', async () => {
    assert.equal(await preparer({ 'app:1': pinned }, async () => pinned).p.prepare('app:1', pinned), pinned);
    await assert.rejects(preparer({ 'app:1': other }, async () => other).p.prepare('app:1', pinned), (e: unknown) => {
      assert.ok(e instanceof ClusterError);
      assert.equal(e.code, ErrorCode.FailedPrecondition);
      assert.equal(
        e.message,
        'image app:1 on this node is cccccccccccc, but the service was created with aaaaaaaaaaaa',
      );
      assert.match(e.hint, /docker rmi app:1/);
      return true;
    });
  });

  it('tries a registry first, then ships from another node', async () => {
    const pulled = preparer(
      {},
      async () => pinned,
      async () => pinned,
    );
    assert.equal(await pulled.p.prepare('app:1', pinned), pinned);
    assert.deepEqual(pulled.calls, ['pull']);
    const shipped = preparer(
      {},
      async () => {
        throw notFound;
      },
      async () => pinned,
    );
    assert.equal(await shipped.p.prepare('app:1', pinned), pinned);
    assert.deepEqual(shipped.calls, ['pull', 'fetch']);
  });

  it('refuses a pulled image with another ID, and tags the pinned ID when the node has it under another name', async () => {
    await assert.rejects(preparer({}, async () => other).p.prepare('app:1', pinned), /on this node is cccccccccccc/);
    const renamed = preparer({ 'app:old': pinned }, async () => other);
    assert.equal(await renamed.p.prepare('app:1', pinned), pinned);
    assert.deepEqual(renamed.calls, ['tag app:1']);
  });

  it('says why neither a registry nor another node could provide it', async () => {
    const { p } = preparer(
      {},
      async () => {
        throw notFound;
      },
      async () => {
        throw new ClusterError(
          ErrorCode.NotFound,
          'image app:1 could not be fetched from another node: no other node holds it',
          {
            hint: 'load the image on one node of the cluster',
          },
        );
      },
    );
    await assert.rejects(p.prepare('app:1', undefined), (e: unknown) => {
      assert.ok(e instanceof ClusterError);
      assert.match(
        e.message,
        /could not be pulled: no such host; image app:1 could not be fetched .*no other node holds it/,
      );
      return true;
    });
  });
});

describe('archive chunks and inventory', () => {
  it('re-cuts any pieces into chunks of the given size, the last one shorter, bytes unchanged', async () => {
    const data = Buffer.from(Array.from({ length: 10_007 }, (_, i) => i % 251));
    async function* pieces(): AsyncGenerator<Buffer> {
      let off = 0;
      for (const n of [1, 999, 3000, 17, 4096, 1894]) {
        yield data.subarray(off, off + n);
        off += n;
      }
    }
    const out: Buffer[] = [];
    for await (const c of rechunk(pieces(), 1024)) out.push(c);
    assert.deepEqual(
      out.map((c) => c.length),
      [...Array(9).fill(1024), 10_007 - 9 * 1024],
    );
    assert.ok(Buffer.concat(out).equals(data));
  });

  it('reports the most recent images, bounded, with a digest that changes with them', () => {
    const img = (k: number) => ({
      id: `sha256:${String(k).repeat(64).slice(0, 64)}`,
      repoTags: [`i:${k}`],
      sizeBytes: k,
      created: k,
    });
    const a = inventoryOf([img(1), img(2), img(3)], '10.0.0.1:4281', 2);
    assert.deepEqual(
      (a.images ?? []).map((i) => i.repoTags),
      [['i:3'], ['i:2']],
    );
    assert.equal(a.truncated, true);
    assert.equal(inventoryOf([img(3), img(2), img(1)], '10.0.0.1:4281', 2).digest, a.digest);
    assert.notEqual(inventoryOf([img(1), img(2), img(4)], '10.0.0.1:4281', 2).digest, a.digest);
  });
});
