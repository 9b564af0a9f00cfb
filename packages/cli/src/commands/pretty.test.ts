import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeView, serviceView } from '../views.js';
import { bytesText, joinPretty, nodePrettyLines, servicePrettyLines } from './pretty.js';

describe('--pretty views (Docker layout)', () => {
  test('bytes in binary units', () => {
    assert.equal(bytesText(512 * 1024 * 1024), '512MiB');
    assert.equal(bytesText(1.5 * 1024 ** 3), '1.5GiB');
    assert.equal(bytesText(100), '100B');
  });

  test('service: every field that is set, in its section; unset ones left out', () => {
    const s = serviceView({
      id: 'svc1',
      spec: {
        name: 'web',
        image: 'busybox',
        command: ['sleep', '60'],
        env: ['A=1'],
        labels: { team: 'blue' },
        mode: 'replicated',
        replicas: 3,
        constraints: ['node.role==worker'],
        reservations: { nanoCpus: 5e8, memoryBytes: 256 << 20 },
        limits: { nanoCpus: 1e9, memoryBytes: 0 },
        ports: [{ published: 8080, target: 80, protocol: 'tcp', mode: 'ingress' }],
        restartPolicy: { condition: 'any', delayMs: 100, maxAttempts: 0 },
        mounts: [{ type: 'volume', source: 'data', target: '/data' }],
        entrypoint: ['/bin/sh', '-c'],
        workdir: '/app',
        user: '1000',
        hostname: '{{.Service.Name}}-{{.Task.Slot}}',
        init: true,
        readOnly: true,
        capAdd: ['CAP_NET_ADMIN'],
        capDrop: ['CAP_MKNOD'],
        ulimits: [{ name: 'nofile', soft: 1024, hard: 2048 }],
        sysctls: { 'net.core.somaxconn': '1024' },
        containerLabels: { tier: 'front' },
        logDriver: { name: 'json-file', options: { 'max-size': '10m' } },
      },
    });
    const text = servicePrettyLines(s).join('\n');
    for (const line of [
      'ID:\t\tsvc1',
      'Name:\t\tweb',
      'Labels:\n team=blue',
      'Service Mode:\tReplicated\n Replicas:\t3',
      'Placement:\n Constraints:\t[node.role==worker]',
      'UpdateConfig:\n Parallelism:\t1\n On failure:\tpause\n Monitoring Period: 5s\n Max failure ratio: 0\n Update order:      stop-first',
      'RollbackConfig:\n Parallelism:\t1',
      'ContainerSpec:\n Image:\t\tbusybox\n Command:\t/bin/sh -c\n Args:\t\tsleep 60\n Env:\t\tA=1\n Dir:\t\t/app\n Init:\t\ttrue\n User: 1000',
      ' Hostname:\t{{.Service.Name}}-{{.Task.Slot}}',
      ' ReadOnly:\ttrue',
      'Capabilities:\n Add: CAP_NET_ADMIN\n Drop: CAP_MKNOD',
      'SysCtls:\n net.core.somaxconn: 1024',
      'Ulimits:\n nofile: 1024:2048',
      'Mounts:\n Target:\t/data\n  Source:\tdata\n  ReadOnly:\tfalse\n  Type:\t\tvolume',
      'Log Driver:\n Name:\t\tjson-file\n LogOpts:\n  max-size:\t10m',
      'Resources:\n Reservations:\n  CPU:\t\t0.5\n  Memory:\t256MiB\n Limits:\n  CPU:\t\t1',
      'Endpoint Mode:\tvip',
      'Ports:\n PublishedPort = 8080\n  Protocol = tcp\n  TargetPort = 80\n  PublishMode = ingress',
    ])
      assert.ok(text.includes(line), `missing:\n${line}\nin:\n${text}`);
    assert.ok(!text.includes('TTY'), 'unset options are left out');
    assert.ok(!text.includes('Healthcheck'), 'no check, no section');
  });

  test('node: identity, status, manager status, platform, resources, labels', () => {
    const n = nodeView({
      id: 'n1',
      meta: { version: 1, createdAt: Date.UTC(2026, 0, 2, 3, 4, 5), updatedAt: 0 },
      hostname: 'm1',
      role: 'manager',
      availability: 'active',
      status: { state: 'ready', message: '' },
      addr: '10.0.0.1',
      labels: { zone: 'a' },
      engineLabels: { disk: 'ssd' },
      resources: { nanoCpus: 4e9, memoryBytes: 8 * 1024 ** 3 },
      os: 'linux',
      arch: 'x86_64',
      managerStatus: { raftId: 1, addr: '10.0.0.1:4242', leader: true, reachability: 'reachable' },
    });
    const text = joinPretty([nodePrettyLines(n), nodePrettyLines({ ...n, id: 'n2', managerStatus: null })]).join('\n');
    for (const line of [
      'ID:\t\t\tn1',
      'Labels:\n - zone = a',
      'Hostname:\t\tm1',
      'Joined at:\t\t2026-01-02 03:04:05.000 +0000 utc',
      'Status:\n State:\t\t\tReady\n Availability:\t\tActive\n Address:\t\t10.0.0.1',
      'Manager Status:\n Address:\t\t10.0.0.1:4242\n Raft Status:\t\tReachable\n Leader:\t\tYes',
      'Platform:\n Operating System:\tlinux\n Architecture:\t\tx86_64',
      'Resources:\n CPUs:\t\t\t4\n Memory:\t\t8GiB',
      'Engine Labels:\n - disk = ssd',
      '\n\nID:\t\t\tn2',
    ])
      assert.ok(text.includes(line), `missing:\n${line}\nin:\n${text}`);
    assert.equal(text.split('Manager Status:').length, 2, 'a worker has no manager status');
  });
});
