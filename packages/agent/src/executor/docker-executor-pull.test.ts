// Pull behaviour of DockerExecutor with a stub engine client (these machines have no registry, so
// the real engine can only show the fast-failure case; see docker-executor.system.test.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { DockerExecutor } from './docker-executor.js';

function notFound(): Error {
  const e = new Error('(HTTP code 404) no such image - No such image: x ') as Error & { statusCode: number };
  e.statusCode = 404;
  return e;
}

/** A dockerode stand-in: images present in `have`; pull() hands out the stream `onPull` makes. */
function stubDocker(
  have: Set<string>,
  onPull: (ref: string, signal: AbortSignal) => PassThrough,
  withHealthcheck: Set<string> = new Set(),
): { docker: Docker; pulls: string[]; requests: string[] } {
  const pulls: string[] = [];
  const requests: string[] = [];
  const docker = {
    getImage: (ref: string) => ({
      inspect: async () => {
        requests.push(`inspect image ${ref}`);
        if (!have.has(ref)) throw notFound();
        const Config = withHealthcheck.has(ref) ? { Healthcheck: { Test: ['CMD-SHELL', 'true'] } } : {};
        return { Id: `sha256:${ref.length}`, Config };
      },
    }),
    createContainer: async (body: { Image: string }) => {
      requests.push(`create ${body.Image}`);
      // The engine resolves a bare name to :latest, as normalizeImageRef does.
      if (!have.has(body.Image.includes(':') ? body.Image : `${body.Image}:latest`)) throw notFound();
      return { id: `c${requests.length}` };
    },
    pull: async (ref: string, opts: { abortSignal: AbortSignal }) => {
      pulls.push(ref);
      return onPull(ref, opts.abortSignal);
    },
  } as unknown as Docker;
  return { docker, pulls, requests };
}

const ids = { clusterId: 'c', serviceId: 's', taskId: 't', nodeId: 'n', slot: 1 };

describe('DockerExecutor.ensureImage pulls', () => {
  test('a present image is not pulled', async () => {
    const { docker, pulls } = stubDocker(new Set(['app:1']), () => assert.fail('no pull expected'));
    const ex = new DockerExecutor({ docker });
    assert.deepEqual(await ex.ensureImage('app:1'), { imageId: 'sha256:5', pulled: false });
    assert.deepEqual(pulls, []);
  });

  test('a pull that never answers fails as NOT_FOUND (pull-timeout) after pullTimeoutMs instead of hanging', async () => {
    const { docker } = stubDocker(new Set(), (_ref, signal) => {
      const s = new PassThrough();
      signal.addEventListener('abort', () => s.destroy(Object.assign(new Error('aborted'), { name: 'AbortError' })));
      return s;
    });
    const ex = new DockerExecutor({ docker, pullTimeoutMs: 200 });
    const t0 = Date.now();
    await assert.rejects(ex.ensureImage('slow/app'), (e: unknown) => {
      assert.ok(e instanceof ClusterError);
      assert.equal(e.code, ErrorCode.NotFound);
      assert.equal(e.details.reason, 'pull-timeout');
      assert.match(e.hint, /docker load/);
      return true;
    });
    // Not before the timeout (the stream never ends, so the rejection itself shows it fired).
    const ms = Date.now() - t0;
    assert.ok(ms >= 190, `gave up after ${ms} ms, before the 200 ms pull timeout`);
  });

  test('an error line in the pull stream is NOT_FOUND (pull-failed) with the registry message', async () => {
    const { docker } = stubDocker(new Set(), () => {
      const s = new PassThrough();
      s.end(
        '{"status":"Pulling from library/app"}\n{"errorDetail":{"message":"manifest unknown"},"error":"manifest unknown"}\n',
      );
      return s;
    });
    const ex = new DockerExecutor({ docker });
    await assert.rejects(
      ex.ensureImage('app'),
      (e: unknown) =>
        e instanceof ClusterError &&
        e.code === ErrorCode.NotFound &&
        e.details.reason === 'pull-failed' &&
        /manifest unknown/.test(e.message),
    );
  });

  test('concurrent creates of a missing image share one pull; a bare name pulls :latest', async () => {
    const have = new Set<string>();
    let finish: (() => void) | undefined;
    const { docker, pulls } = stubDocker(have, (ref) => {
      const s = new PassThrough();
      finish = () => {
        have.add(ref);
        s.end('{"status":"Downloaded newer image"}\n');
      };
      return s;
    });
    const ex = new DockerExecutor({ docker });
    const a = ex.ensureImage('app');
    const b = ex.ensureImage('app:latest');
    while (!finish) await new Promise((r) => setImmediate(r));
    finish();
    const [ra, rb] = await Promise.all([a, b]);
    assert.deepEqual(pulls, ['app:latest']);
    assert.deepEqual(ra, { imageId: 'sha256:10', pulled: true });
    assert.deepEqual(rb, ra);
    assert.deepEqual(await ex.ensureImage('app'), { imageId: 'sha256:10', pulled: false }, 'present afterwards');
  });
});

describe('DockerExecutor.create and the image', () => {
  test('a present image: the create goes out at once, no pull (like docker run); its HEALTHCHECK is read beside it, once', async () => {
    const { docker, pulls, requests } = stubDocker(new Set(['app:1']), () => assert.fail('no pull expected'));
    const ex = new DockerExecutor({ docker });
    // whether the image brings a health check of its own: read in parallel with the first create
    // (not awaited before it), then known for the next containers of the image
    assert.equal(await ex.create({ ids, spec: { image: 'app:1' } }), 'c2');
    assert.deepEqual(requests, ['inspect image app:1', 'create app:1']);
    assert.equal(ex.createdWithHealthcheck('c2'), false);
    assert.equal(await ex.create({ ids: { ...ids, taskId: 't2' }, spec: { image: 'app:1' } }), 'c3');
    assert.deepEqual(requests.slice(2), ['create app:1'], 'the next container of the image: the create alone');
    assert.deepEqual(pulls, []);
  });

  test("a spec with its own check (or none) reads nothing of the image; an image's HEALTHCHECK is seen", async () => {
    const { docker, requests } = stubDocker(
      new Set(['app:1', 'hc:1']),
      () => assert.fail('no pull expected'),
      new Set(['hc:1']),
    );
    const ex = new DockerExecutor({ docker });
    const check = { intervalMs: 0, timeoutMs: 0, retries: 0, startPeriodMs: 0 };
    const a = await ex.create({ ids, spec: { image: 'app:1', healthcheck: { ...check, test: ['CMD', 'true'] } } });
    const b = await ex.create({ ids, spec: { image: 'app:1', healthcheck: { ...check, test: ['NONE'] } } });
    assert.deepEqual(requests, ['create app:1', 'create app:1']);
    assert.equal(ex.createdWithHealthcheck(a), true);
    assert.equal(ex.createdWithHealthcheck(b), false);
    const c = await ex.create({ ids, spec: { image: 'hc:1' } });
    assert.equal(ex.createdWithHealthcheck(c), true);
    assert.equal(ex.createdWithHealthcheck('unknown'), undefined);
  });

  test('a missing image: the engine says so, the image is pulled once, the create is tried again', async () => {
    const have = new Set<string>();
    const { docker, pulls, requests } = stubDocker(have, (ref) => {
      have.add(ref);
      const s = new PassThrough();
      s.end('{"status":"Downloaded newer image"}\n');
      return s;
    });
    const ex = new DockerExecutor({ docker });
    assert.equal(await ex.create({ ids, spec: { image: 'app' } }), 'c5');
    assert.deepEqual(pulls, ['app:latest']);
    // the image's check is read beside the first create (missing), then from the pulled image's inspect
    assert.deepEqual(requests, [
      'inspect image app:latest',
      'create app',
      'inspect image app:latest',
      'inspect image app:latest',
      'create app',
    ]);
    assert.equal(ex.createdWithHealthcheck('c5'), false);
  });

  test('a missing image that cannot be pulled: NOT_FOUND with the hint, created nothing', async () => {
    const { docker, requests } = stubDocker(new Set(), () => {
      const s = new PassThrough();
      s.end('{"errorDetail":{"message":"no registry"},"error":"no registry"}\n');
      return s;
    });
    const ex = new DockerExecutor({ docker });
    await assert.rejects(
      ex.create({ ids, spec: { image: 'app:2' } }),
      (e: unknown) =>
        e instanceof ClusterError &&
        e.code === ErrorCode.NotFound &&
        e.details.reason === 'pull-failed' &&
        /docker load/.test(e.hint),
    );
    assert.deepEqual(requests, ['inspect image app:2', 'create app:2', 'inspect image app:2']);
  });
});

describe('DockerExecutor: image inspects of a burst of task starts', () => {
  test('concurrent asks for the same image share one engine request; later asks go to the engine again', async () => {
    const { docker, requests } = stubDocker(new Set(['app:1']), () => assert.fail('no pull expected'));
    const ex = new DockerExecutor({ docker });
    const asks = await Promise.all([
      ...Array.from({ length: 10 }, () => ex.imageIdOf('app:1')),
      ...Array.from({ length: 10 }, async () => (await ex.ensureImage('app:1')).imageId),
    ]);
    assert.deepEqual(new Set(asks), new Set(['sha256:5']));
    assert.deepEqual(requests, ['inspect image app:1']);
    assert.equal(await ex.imageIdOf('app:1'), 'sha256:5');
    assert.deepEqual(requests, ['inspect image app:1', 'inspect image app:1']);
  });

  test("a task start after the image's ID was read creates at once: the image's check is known from that read", async () => {
    const { docker, requests } = stubDocker(
      new Set(['app:1']),
      () => assert.fail('no pull expected'),
      new Set(['app:1']),
    );
    const ex = new DockerExecutor({ docker });
    await ex.imageIdOf('app:1');
    const id = await ex.create({ ids, spec: { image: 'app:1' } });
    assert.deepEqual(requests, ['inspect image app:1', 'create app:1']);
    assert.equal(ex.createdWithHealthcheck(id), true);
  });

  test('a missing image is not remembered: each ask after a failed one goes to the engine', async () => {
    const { docker, requests } = stubDocker(new Set(), () => assert.fail('no pull expected'));
    const ex = new DockerExecutor({ docker });
    assert.deepEqual(await Promise.all([ex.imageIdOf('app:1'), ex.imageIdOf('app:1')]), [undefined, undefined]);
    assert.equal(await ex.imageIdOf('app:1'), undefined);
    assert.deepEqual(requests, ['inspect image app:1', 'inspect image app:1']);
  });
});
