// The control plane of the cluster network on real node daemons (1 manager + 2 workers, data plane
// off, so they share this machine): networks through the CLI, published-port conflicts, removal of
// a network in use, node subnets, and the NetworkMaps stream over real gRPC as an agent sees it
// (opened with a worker's own certificate after its daemon was killed).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { DispatcherService, type clusterctl } from '@clusterctl/proto';
import { ensureDockerAndWorkloadImage, waitFor } from '@clusterctl/common/testing';
import { expectError, IMAGE, Lab } from './lab.js';

interface NetworkJson {
  id: string;
  name: string;
  driver: string;
  scope: string;
  labels: Record<string, string>;
  services: string[];
}
interface ServiceJson {
  id: string;
  spec: { name: string; networks: string[]; endpointMode: string; ports: { published: number; mode: string }[] };
  endpoint: { virtualIps: { networkId: string; addr: string }[] };
}
interface NodeJson {
  id: string;
  hostname: string;
  network: { subnet: string; backend: string; index: number } | null;
}

type Map = clusterctl.dispatcher.INetworkMap;

interface DispatcherClient extends grpc.Client {
  session(req: clusterctl.dispatcher.ISessionRequest): grpc.ClientReadableStream<clusterctl.dispatcher.ISessionMessage>;
  heartbeat(req: clusterctl.dispatcher.IHeartbeatRequest, cb: (err: grpc.ServiceError | null) => void): void;
  networkMaps(req: clusterctl.dispatcher.INetworkMapRequest): grpc.ClientReadableStream<Map>;
}

/** An agent's view: a session with a node's own certificate, then its NetworkMaps stream. */
class MapFollower {
  readonly maps: Map[] = [];
  private readonly client: DispatcherClient;
  private heartbeat: NodeJS.Timeout | undefined;
  private streams: grpc.ClientReadableStream<unknown>[] = [];

  constructor(dataDir: string, managerAddr: string) {
    const tls = (f: string): Buffer => readFileSync(join(dataDir, 'tls', f));
    const creds = grpc.credentials.createSsl(tls('ca.crt'), tls('node.key'), tls('node.crt'), {
      checkServerIdentity: () => undefined,
    });
    const Ctor = grpc.makeGenericClientConstructor(
      DispatcherService as unknown as grpc.ServiceDefinition,
      'Dispatcher',
    );
    this.client = new Ctor(managerAddr, creds, {
      'grpc.ssl_target_name_override': 'clusterctl-manager',
    }) as unknown as DispatcherClient;
  }

  async start(hostname: string): Promise<void> {
    const session = this.client.session({
      description: { hostname },
    }) as grpc.ClientReadableStream<clusterctl.dispatcher.ISessionMessage>;
    this.streams.push(session);
    const sessionId = await new Promise<string>((resolve, reject) => {
      session.on('data', (m: clusterctl.dispatcher.ISessionMessage) => {
        if (m.sessionId) resolve(m.sessionId);
      });
      session.on('error', reject);
    });
    this.heartbeat = setInterval(() => {
      this.client.heartbeat({ sessionId }, () => undefined);
    }, 300);
    const maps = this.client.networkMaps({ sessionId });
    this.streams.push(maps);
    maps.on('data', (m: Map) => this.maps.push(m));
    maps.on('error', () => undefined);
  }

  last(): Map | undefined {
    return this.maps[this.maps.length - 1];
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const s of this.streams) s.cancel();
    this.client.close();
  }
}

describe('the cluster network control plane on real node daemons', { timeout: 180_000 }, () => {
  const lab = new Lab({ managers: 1, workers: 2, heartbeatPeriod: '500ms', nodeGrace: '2s' });
  let follower: MapFollower | undefined;

  before(async () => {
    ensureDockerAndWorkloadImage();
    await lab.start();
  });

  after(async () => {
    follower?.close();
    await lab.teardown();
  });

  test('networks: the default one, create, inspect, names unique, the default cannot be removed', async () => {
    const initial = await lab.json<NetworkJson[]>('m1', ['network', 'ls']);
    assert.deepEqual(
      initial.map((n) => [n.name, n.driver, n.scope]),
      [['default', 'overlay', 'swarm']],
    );
    await lab.ok('m1', ['network', 'create', '--label', 'tier=db', 'back']);
    expectError(await lab.cli('m1', ['network', 'create', 'back']), 1, 'ALREADY_EXISTS', /back/);
    expectError(await lab.cli('m1', ['network', 'create', 'bad name']), 2, 'INVALID_ARGUMENT');
    const [back] = await lab.json<NetworkJson[]>('m1', ['network', 'inspect', 'back']);
    assert.equal(back!.name, 'back');
    assert.deepEqual(back!.labels, { tier: 'db' });
    assert.deepEqual(back!.services, []);
    expectError(await lab.cli('m1', ['network', 'rm', 'default']), 1, 'FAILED_PRECONDITION', /default network/);
    expectError(await lab.cli('m1', ['network', 'inspect', 'nope']), 1, 'NOT_FOUND');
  });

  test('services: VIP per network, ingress ports unique cluster-wide, a network in use cannot be removed', async () => {
    await lab.ok('m1', [
      'service',
      'create',
      '-d',
      '--name',
      'web',
      '--replicas',
      '0',
      '--network',
      'back',
      '-p',
      '18081:80',
      IMAGE,
    ]);
    const [back] = await lab.json<NetworkJson[]>('m1', ['network', 'inspect', 'back']);
    const [web] = await lab.json<ServiceJson[]>('m1', ['service', 'inspect', 'web']);
    assert.deepEqual(web!.spec.networks, [back!.id]);
    assert.equal(web!.spec.endpointMode, 'vip');
    assert.equal(web!.spec.ports[0]!.mode, 'ingress');
    assert.deepEqual(web!.endpoint.virtualIps, [{ networkId: back!.id, addr: '10.241.0.1/16' }]);
    // the same port, whatever the mode, is refused naming the service that holds it
    for (const p of ['18081:81', 'published=18081,target=82,mode=host'])
      expectError(
        await lab.cli('m1', ['service', 'create', '-d', '--name', 'other', '--replicas', '0', '-p', p, IMAGE]),
        1,
        'CONFLICT',
        /18081\/tcp is already used by service web/,
      );
    expectError(
      await lab.cli('m1', ['service', 'create', '-d', '--name', 'x', '--network', 'nope', IMAGE]),
      1,
      'NOT_FOUND',
      /network nope/,
    );
    expectError(await lab.cli('m1', ['network', 'rm', 'back']), 1, 'FAILED_PRECONDITION', /in use by service web/);
    // moved off the network, it can go
    await lab.ok('m1', ['service', 'update', '-d', '--network-rm', 'back', '--network-add', 'default', 'web']);
    const [moved] = await lab.json<ServiceJson[]>('m1', ['service', 'inspect', 'web']);
    assert.notDeepEqual(moved!.spec.networks, [back!.id]);
    assert.equal(moved!.endpoint.virtualIps[0]!.addr, '10.241.0.1/16', 'the VIP is kept across updates');
    await lab.ok('m1', ['network', 'rm', 'back']);
    assert.deepEqual(
      (await lab.json<NetworkJson[]>('m1', ['network', 'ls'])).map((n) => n.name),
      ['default'],
    );
  });

  test('every node has its own /24 of the cluster CIDR', async () => {
    const nodes = await lab.json<NodeJson[]>('m1', ['node', 'ls']);
    const subnets = nodes.map((n) => n.network?.subnet ?? '');
    assert.equal(new Set(subnets).size, 3, subnets.join(', '));
    for (const s of subnets) assert.match(s, /^10\.240\.\d+\.0\/24$/);
    const [m1] = await lab.json<NodeJson[]>('m1', ['node', 'inspect', 'm1']);
    assert.equal(m1!.network?.backend, 'auto');
    assert.ok((m1!.network?.index ?? 0) >= 1);
  });

  test('NetworkMaps over real gRPC: complete on open, a new version per change, a node marked down flagged', async () => {
    await lab.killDaemon('w2');
    const w2 = lab.node('w2');
    follower = new MapFollower(w2.dataDir, lab.node('m1').addr);
    await follower.start('w2');
    await waitFor('the first map', () => follower!.maps.length > 0, { timeoutMs: 10_000 });
    const first = follower.last()!;
    assert.ok(Number(first.term) > 0);
    assert.equal(first.clusterCidr, '10.240.0.0/16');
    assert.equal(first.vipCidr, '10.241.0.0/16');
    assert.equal(first.dnsDomain, 'cluster');
    assert.equal(first.nodes?.length, 3);
    const web = first.services?.find((s) => s.name === 'web');
    assert.equal(web?.vip, '10.241.0.1');
    assert.deepEqual(
      web?.ports?.map((p) => [p.published, p.target, p.protocol, p.mode]),
      [[18081, 80, 'tcp', 'ingress']],
    );
    assert.deepEqual(web?.endpoints ?? [], [], 'no task runs');
    const v0 = Number(first.version);

    await lab.ok('m1', [
      'service',
      'create',
      '-d',
      '--name',
      'late',
      '--replicas',
      '0',
      '--endpoint-mode',
      'dnsrr',
      IMAGE,
    ]);
    await waitFor(
      'a map with the new service',
      () => follower!.last()?.services?.some((s) => s.name === 'late') === true,
      {
        timeoutMs: 10_000,
      },
    );
    const withLate = follower.last()!;
    assert.ok(Number(withLate.version) > v0, 'the version grows');
    assert.equal(Number(withLate.term), Number(first.term));
    const late = withLate.services!.find((s) => s.name === 'late')!;
    assert.equal(late.endpointMode, 'dnsrr');
    assert.equal(late.vip ?? '', '');

    // w1's daemon dies: once the leader marks it down, the map says so
    const w1Id = lab.node('w1').nodeId;
    await lab.killDaemon('w1');
    await waitFor('w1 down in the map', () => follower!.last()?.nodes?.find((n) => n.nodeId === w1Id)?.down === true, {
      timeoutMs: 20_000,
    });
  });
});
