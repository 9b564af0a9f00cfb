import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { test } from 'node:test';
import { silentLogger } from '@clusterctl/common';
import { sampleNetInput, sampleNetMap } from '../testing/network-sample.js';
import { DnsRcode, DnsType, encodeQuery, encodeResponse, parseQuery, parseResponse } from './dns-codec.js';
import { DnsRecords } from './dns-records.js';
import type { NetMapService } from './network-map.js';
import { DnsServer, parseResolvConf } from './dns-server.js';

function records(): DnsRecords {
  const r = new DnsRecords((x) => [...x].sort());
  const i = sampleNetInput();
  r.update(i.map, i.localTasks);
  return r;
}

test('codec: a query is read back, answered with A records compressed to the question, TTL kept', () => {
  const q = parseQuery(encodeQuery(0x1234, 'Web.Cluster'));
  assert.ok(q);
  assert.equal(q.id, 0x1234);
  assert.equal(q.rd, true);
  assert.deepEqual(q.question, { name: 'web.cluster', type: DnsType.A, class: 1 });
  const out = encodeResponse(q, { rcode: DnsRcode.NoError, ips: ['10.241.0.2', '10.240.1.3'], ttlS: 5 });
  assert.deepEqual(parseResponse(out), { id: 0x1234, rcode: 0, ttls: [5, 5], ips: ['10.241.0.2', '10.240.1.3'] });
  assert.equal(out.readUInt16BE(2) & 0x8000, 0x8000);
  assert.deepEqual(parseResponse(encodeResponse(q, { rcode: DnsRcode.NxDomain })).rcode, DnsRcode.NxDomain);
});

test('codec: truncated, compressed-question and response messages are not queries', () => {
  const good = encodeQuery(1, 'db');
  assert.equal(parseQuery(good.subarray(0, 14)), undefined);
  assert.equal(parseQuery(Buffer.alloc(5)), undefined);
  const resp = Buffer.from(good);
  resp.writeUInt16BE(0x8100, 2);
  assert.equal(parseQuery(resp), undefined);
  const ptr = Buffer.from(good);
  ptr[12] = 0xc0;
  assert.equal(parseQuery(ptr), undefined);
});

test('records: NAME and NAME.DOMAIN give the VIP, tasks.NAME the task IPs, aliases too, dnsrr the tasks', () => {
  const r = records();
  // 10.240.1.9 is a local task of `idle` (network back): sees db (back) and rr (back), not web.
  const src = '10.240.1.9';
  assert.deepEqual(r.answer('db', DnsType.A, src), { kind: 'records', ips: ['10.241.0.3'] });
  assert.deepEqual(r.answer('db.cluster', DnsType.A, src), { kind: 'records', ips: ['10.241.0.3'] });
  assert.deepEqual(r.answer('DATABASE.cluster.', DnsType.A, src), { kind: 'records', ips: ['10.241.0.3'] });
  assert.deepEqual(r.answer('tasks.db', DnsType.A, src), { kind: 'records', ips: ['10.240.0.2'] });
  assert.deepEqual(r.answer('rr', DnsType.A, src), { kind: 'records', ips: ['10.240.1.3'] });
  assert.deepEqual(r.answer('db', DnsType.AAAA, src), { kind: 'records', ips: [] });
});

test('records: a service on no shared network is invisible; unknown names and askers are forwarded', () => {
  const r = records();
  assert.deepEqual(r.answer('web', DnsType.A, '10.240.1.9'), { kind: 'forward' });
  assert.deepEqual(r.answer('web.cluster', DnsType.A, '10.240.1.9'), { kind: 'nxdomain' });
  // an endpoint of web (network default) sees web and db (db is on default and back)
  assert.deepEqual(r.answer('tasks.web', DnsType.A, '10.240.2.2'), {
    kind: 'records',
    ips: ['10.240.1.2', '10.240.2.2'],
  });
  assert.deepEqual(r.answer('db', DnsType.A, '10.240.2.2'), { kind: 'records', ips: ['10.241.0.3'] });
  assert.deepEqual(r.answer('example.org', DnsType.A, '10.240.2.2'), { kind: 'forward' });
  // not a task of the cluster: sees nothing
  assert.deepEqual(r.answer('db', DnsType.A, '192.0.2.7'), { kind: 'forward' });
});

test('records: two stacks with the same short name each resolve their own; a service name beats an alias', () => {
  const map = sampleNetMap();
  map.networks.push({ id: 'neta', name: 'a_default' }, { id: 'netb', name: 'b_default' });
  const stackService = (id: string, name: string, vip: string, ip: string, net: string): NetMapService => ({
    id,
    name,
    aliases: [name.slice(2)],
    networkAliases: [],
    vip,
    endpointMode: 'vip',
    ports: [],
    endpoints: [{ taskId: `t-${id}`, nodeId: 'w1', ip }],
    networkIds: [net],
  });
  map.services.push(
    stackService('svcadb', 'a_db', '10.241.0.10', '10.240.1.10', 'neta'),
    stackService('svcaweb', 'a_web', '10.241.0.11', '10.240.1.11', 'neta'),
    stackService('svcbdb', 'b_db', '10.241.0.20', '10.240.1.20', 'netb'),
    stackService('svcbweb', 'b_web', '10.241.0.21', '10.240.1.21', 'netb'),
    // a service of stack a whose alias is the name of another service it can see
    { ...stackService('svcaweb2', 'a_web2', '10.241.0.12', '10.240.1.12', 'neta'), aliases: ['a_db'] },
  );
  const r = new DnsRecords((x) => [...x].sort());
  r.update(map, []);
  assert.deepEqual(r.answer('db', DnsType.A, '10.240.1.11'), { kind: 'records', ips: ['10.241.0.10'] });
  assert.deepEqual(r.answer('db.cluster', DnsType.A, '10.240.1.21'), { kind: 'records', ips: ['10.241.0.20'] });
  assert.deepEqual(r.answer('tasks.db', DnsType.A, '10.240.1.21'), { kind: 'records', ips: ['10.240.1.20'] });
  assert.deepEqual(r.answer('a_db', DnsType.A, '10.240.1.11'), { kind: 'records', ips: ['10.241.0.10'] });
  // the other stack's full name is not visible across stacks
  assert.deepEqual(r.answer('b_db.cluster', DnsType.A, '10.240.1.11'), { kind: 'nxdomain' });
});

test('records: a per-network alias resolves only for tasks on that network', () => {
  const map = sampleNetMap();
  map.networks.push({ id: 'front', name: 's_front' }, { id: 'back', name: 's_back' });
  const svc = (id: string, vip: string, ip: string, nets: string[]): NetMapService => ({
    id,
    name: id,
    aliases: [],
    networkAliases: [],
    vip,
    endpointMode: 'vip',
    ports: [],
    endpoints: [{ taskId: `t-${id}`, nodeId: 'w1', ip }],
    networkIds: nets,
  });
  map.services.push(
    {
      ...svc('s_api', '10.241.0.30', '10.240.1.30', ['front', 'back']),
      networkAliases: [{ networkId: 'back', aliases: ['api-internal'] }],
    },
    svc('s_proxy', '10.241.0.31', '10.240.1.31', ['front']),
    svc('s_worker', '10.241.0.32', '10.240.1.32', ['back']),
  );
  const r = new DnsRecords((x) => [...x].sort());
  r.update(map, []);
  assert.deepEqual(r.answer('api-internal', DnsType.A, '10.240.1.32'), { kind: 'records', ips: ['10.241.0.30'] });
  assert.deepEqual(r.answer('API-internal.cluster', DnsType.A, '10.240.1.32'), {
    kind: 'records',
    ips: ['10.241.0.30'],
  });
  // the proxy shares front with the api, not back: the alias is not its to see, the name is
  assert.deepEqual(r.answer('api-internal', DnsType.A, '10.240.1.31'), { kind: 'forward' });
  assert.deepEqual(r.answer('s_api', DnsType.A, '10.240.1.31'), { kind: 'records', ips: ['10.241.0.30'] });
});

test('resolv.conf: the IPv4 nameservers, in order', () => {
  assert.deepEqual(parseResolvConf('# x\nsearch lan\nnameserver 10.0.0.2\nnameserver ::1\nnameserver 127.0.0.11\n'), [
    '10.0.0.2',
    '127.0.0.11',
  ]);
});

test('server: answers over UDP and TCP on its address, forwards other names to the upstream', async (t) => {
  const upstream = createSocket('udp4');
  await new Promise<void>((resolve) => upstream.bind(0, '127.0.0.1', resolve));
  upstream.on('message', (m, rinfo) => {
    const q = parseQuery(m)!;
    upstream.send(encodeResponse(q, { rcode: 0, ips: ['192.0.2.1'], ttlS: 60 }), rinfo.port, rinfo.address);
  });
  const r = new DnsRecords();
  const i = sampleNetInput();
  // the asker is 127.0.0.1 here: make it a task of `idle`
  r.update(i.map, [{ taskId: 'tq', serviceId: 'svcnone', ip: '127.0.0.1' }]);
  const server = new DnsServer({
    host: '127.0.0.1',
    port: 0,
    records: r,
    upstreams: [`127.0.0.1:${upstream.address().port}`],
    log: silentLogger(),
  });
  await server.start();
  t.after(async () => {
    await server.stop();
    upstream.close();
  });
  const udpAsk = (name: string): Promise<ReturnType<typeof parseResponse>> =>
    new Promise((resolve) => {
      const c = createSocket('udp4');
      c.on('message', (m) => {
        c.close();
        resolve(parseResponse(m));
      });
      c.send(encodeQuery(7, name), server.port(), '127.0.0.1');
    });
  assert.deepEqual((await udpAsk('db.cluster')).ips, ['10.241.0.3']);
  assert.deepEqual(await udpAsk('example.org'), { id: 7, rcode: 0, ttls: [60], ips: ['192.0.2.1'] });
  assert.equal((await udpAsk('web.cluster')).rcode, DnsRcode.NxDomain);
  const tcp = await new Promise<ReturnType<typeof parseResponse>>((resolve, reject) => {
    const s = connect(server.port(), '127.0.0.1');
    const q = encodeQuery(9, 'tasks.db');
    const head = Buffer.alloc(2);
    head.writeUInt16BE(q.length, 0);
    let buf = Buffer.alloc(0);
    s.on('error', reject);
    s.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      if (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
        s.end();
        resolve(parseResponse(buf.subarray(2)));
      }
    });
    s.write(Buffer.concat([head, q]));
  });
  assert.deepEqual(tcp.ips, ['10.240.0.2']);
});

test('a TCP port already taken: start fails and leaves no socket open (the UDP port is free again)', async () => {
  const { createServer } = await import('node:net');
  const taken = createServer();
  await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
  const port = (taken.address() as { port: number }).port;
  try {
    const server = new DnsServer({
      host: '127.0.0.1',
      port,
      records: new DnsRecords(),
      upstreams: [],
      log: silentLogger(),
    });
    await assert.rejects(server.start(), (e: NodeJS.ErrnoException) => e.code === 'EADDRINUSE');
    const udp = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(port, '127.0.0.1', () => resolve());
    });
    await new Promise<void>((r) => udp.close(() => r()));
  } finally {
    await new Promise<void>((r) => taken.close(() => r()));
  }
});
