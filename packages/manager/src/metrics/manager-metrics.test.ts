import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Registry } from 'prom-client';
import { ClusterStore } from '@clusterctl/store';
import { LocalProposer, fixtures } from '@clusterctl/store/testing';
import { EventLog } from '../events/event-log.js';
import { ManagerMetrics, unplaceableReasons } from './manager-metrics.js';

test('unplaceable reasons are a bounded set of kinds', () => {
  assert.deepEqual(
    unplaceableReasons(
      'no suitable node (2 nodes down, 1 node drained, 1 node paused, 2 nodes failed constraint node.labels.zone==c)',
    ),
    ['down', 'drained', 'paused', 'failed constraint'],
  );
  assert.deepEqual(unplaceableReasons('no suitable node (3 nodes host port 8080/tcp in use)'), ['host port in use']);
  assert.deepEqual(unplaceableReasons('no suitable node (2 nodes insufficient memory)'), ['insufficient memory']);
  assert.deepEqual(unplaceableReasons('scheduler assigned task to node'), []);
});

test('store state as gauges; a new instance on the same registry after stop() registers again', async () => {
  const store = new ClusterStore();
  store.setProposer(new LocalProposer({ replicas: [store] }));
  const events = new EventLog({ store });
  const registry = new Registry();
  const m = new ManagerMetrics({ registry, store, raft: () => undefined, events });
  const node = await store.update((tx) => tx.create('nodes', fixtures.newNode('a')));
  const svc = await store.update((tx) =>
    tx.create('services', fixtures.newService('web', { mode: { kind: 'replicated', replicas: 3 } })),
  );
  await store.update((tx) => {
    tx.create(
      'tasks',
      fixtures.newTask(svc.id, 1, svc.spec, {
        nodeId: node.id,
        status: { state: 'running', message: '', timestamp: 0 },
      }),
    );
    tx.create(
      'tasks',
      fixtures.newTask(svc.id, 2, svc.spec, {
        status: { state: 'pending', message: 'no suitable node (1 node insufficient memory)', timestamp: 0 },
      }),
    );
  });
  const text = await registry.metrics();
  assert.match(text, /^clusterctl_store_objects\{kind="tasks"\} 2$/m);
  assert.match(text, /^clusterctl_nodes\{state="ready",role="worker"\} 1$/m);
  assert.match(text, /^clusterctl_tasks\{service="web",state="running"\} 1$/m);
  assert.match(text, /^clusterctl_service_tasks\{service="web",kind="desired"\} 3$/m);
  assert.match(text, /^clusterctl_service_tasks\{service="web",kind="up_to_date"\} 1$/m);
  assert.match(text, /^clusterctl_scheduler_pending_tasks 1$/m);
  assert.match(text, /^clusterctl_scheduler_unplaceable_tasks\{reason="insufficient memory"\} 1$/m);
  m.observeCall('Control', 'ListNodes', 'OK', 0.002);
  m.raftObserver.proposal?.(0.003, true);
  const after = await registry.metrics();
  assert.match(after, /^clusterctl_grpc_server_handled_total\{service="Control",method="ListNodes",code="OK"\} 1$/m);
  assert.match(after, /^clusterctl_raft_proposals_total\{result="applied"\} 1$/m);
  m.stop();
  assert.equal(registry.getMetricsAsArray().length, 0);
  const again = new ManagerMetrics({ registry, store, raft: () => undefined, events });
  assert.ok(registry.getMetricsAsArray().length > 10);
  again.stop();
  events.close();
});
