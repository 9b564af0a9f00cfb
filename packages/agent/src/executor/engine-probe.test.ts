import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { requestKey } from './engine-probe.js';

describe('engine-probe requestKey (the benchmark counts engine requests by these keys)', () => {
  test('container and image ids become :id; create, list and version prefixes are kept apart', () => {
    assert.equal(requestKey('POST', '/containers/0123abcd/start?'), 'POST /containers/:id/start');
    assert.equal(requestKey('GET', '/v1.41/containers/0123abcd/json'), 'GET /containers/:id/json');
    assert.equal(requestKey('POST', '/containers/create?name=web.1.x'), 'POST /containers/create');
    assert.equal(requestKey('GET', '/containers/json?all=true'), 'GET /containers/json');
    assert.equal(requestKey('GET', '/images/clusterctl/busybox:local/json'), 'GET /images/:id/json');
    assert.equal(requestKey('DELETE', '/containers/0123abcd?force=true'), 'DELETE /containers/:id');
  });
});
