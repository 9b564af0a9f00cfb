import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ImageInventories } from './image-inventory.js';

const A = 'sha256:' + 'a'.repeat(64);
const B = 'sha256:' + 'b'.repeat(64);
const img = (id: string, ...repoTags: string[]) => ({ id, repoTags, sizeBytes: 100, created: 1 });

function inventories(): ImageInventories {
  const inv = new ImageInventories();
  inv.set('n1', { digest: 'd1', addr: '10.0.0.1:4281', truncated: false, images: [img(A, 'app:1', 'busybox:latest')] });
  inv.set('n2', { digest: 'd2', addr: '10.0.0.2:4281', truncated: false, images: [img(A, 'app:1')] });
  inv.set('n3', { digest: 'd3', addr: '10.0.0.3:4281', truncated: true, images: [img(B, 'app:1')] });
  inv.set('n4', { digest: 'd4', addr: '', truncated: false, images: [img(A, 'app:1')] });
  return inv;
}

describe('image inventories', () => {
  const up = new Map([
    ['n1', 'm1'],
    ['n2', 'm2'],
    ['n3', 'm3'],
    ['n4', 'm4'],
  ]);

  it('names the up holders of an image other than the caller, by ID when pinned, rotating between them', () => {
    const inv = inventories();
    assert.deepEqual(
      inv.sources('app:1', A, 'n5', up).map((s) => s.nodeId),
      ['n1', 'n2'],
      'n3 holds another ID, n4 serves no images',
    );
    assert.deepEqual(
      inv.sources('app:1', A, 'n5', up, 1).map((s) => s.nodeId),
      ['n2', 'n1'],
    );
    assert.deepEqual(
      inv.sources('app:1', A, 'n1', up).map((s) => s.nodeId),
      ['n2'],
    );
    assert.deepEqual(
      inv.sources('app:1', A, 'n5', new Map([['n2', 'm2']])).map((s) => s.hostname),
      ['m2'],
      'down nodes are not named',
    );
    assert.deepEqual(
      inv.sources('docker.io/library/busybox', '', 'n5', up).map((s) => s.nodeId),
      ['n1'],
      'references compare as the engine lists tags',
    );
    assert.deepEqual(inv.sources('app:2', '', 'n5', up), []);
  });

  it('resolves a reference to an ID only when the holders agree', () => {
    const inv = inventories();
    assert.equal(inv.resolve('busybox'), A);
    assert.equal(inv.resolve('app:1'), undefined, 'n3 holds another app:1');
    assert.equal(inv.resolve(B), B);
    assert.equal(inv.resolve('nothing:here'), undefined);
    inv.delete('n3');
    assert.equal(inv.resolve('app:1'), A);
  });

  it('lists every image with its holders and the nodes that report only part of theirs', () => {
    const { images, truncatedNodes } = inventories().list();
    assert.deepEqual(
      images.map((i) => [i.id, i.repoTags, i.nodeIds]),
      [
        [A, ['app:1', 'busybox:latest'], ['n1', 'n2', 'n4']],
        [B, ['app:1'], ['n3']],
      ],
    );
    assert.deepEqual(truncatedNodes, ['n3']);
  });

  it('keeps no report of a malformed image', () => {
    const inv = new ImageInventories();
    inv.set('n1', { digest: 'd', addr: 'x:1', truncated: false, images: [img('nope', 'x:1')] });
    assert.deepEqual(inv.list().images, []);
  });
});
