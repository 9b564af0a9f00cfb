import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkHostnameTemplate,
  checkSysctlKey,
  checkUlimitName,
  checkUlimitValues,
  expandHostnameTemplate,
  normalizeCapability,
} from './container-options.js';
import { ClusterError, ErrorCode } from './errors.js';

function invalid(fn: () => unknown, pattern: RegExp): void {
  assert.throws(
    fn,
    (e: unknown) =>
      e instanceof ClusterError && e.code === ErrorCode.InvalidArgument && pattern.test(e.message) && !!e.hint,
  );
}

const values = {
  serviceName: 'web',
  serviceId: 'svc123',
  taskSlot: 2,
  taskId: 'task9',
  nodeId: 'node7',
  nodeHostname: 'host-a',
};

describe('capabilities', () => {
  test('NET_ADMIN, net_admin and CAP_NET_ADMIN are one capability; ALL stays ALL', () => {
    assert.equal(normalizeCapability('--cap-add', 'NET_ADMIN'), 'CAP_NET_ADMIN');
    assert.equal(normalizeCapability('--cap-add', 'net_admin'), 'CAP_NET_ADMIN');
    assert.equal(normalizeCapability('--cap-add', 'CAP_NET_ADMIN'), 'CAP_NET_ADMIN');
    assert.equal(normalizeCapability('--cap-drop', 'all'), 'ALL');
  });
  test('an unknown capability is refused, named', () => {
    invalid(() => normalizeCapability('--cap-add', 'FLY'), /--cap-add: unknown capability "FLY"/);
  });
});

describe('ulimits and sysctls', () => {
  test('known names with soft <= hard (-1 unlimited) pass', () => {
    checkUlimitName('u', 'nofile');
    checkUlimitValues('u', 'nofile', 1024, 2048);
    checkUlimitValues('u', 'core', 0, -1);
    checkUlimitValues('u', 'core', -1, -1);
  });
  test('unknown names, soft above hard and values below -1 are refused', () => {
    invalid(() => checkUlimitName('u', 'files'), /unknown ulimit "files"/);
    invalid(() => checkUlimitValues('u', 'nofile', 10, 5), /soft nofile limit 10 is above the hard one 5/);
    invalid(() => checkUlimitValues('u', 'nofile', -1, 5), /soft nofile limit -1 is above/);
    invalid(() => checkUlimitValues('u', 'nofile', -2, 5), /invalid nofile limit/);
  });
  test('sysctl keys are dotted kernel parameter names', () => {
    checkSysctlKey('s', 'net.core.somaxconn');
    checkSysctlKey('s', 'net.ipv4.conf.all.forwarding');
    checkSysctlKey('s', 'kernel.msgmax');
    invalid(() => checkSysctlKey('s', 'somaxconn'), /invalid sysctl/);
    invalid(() => checkSysctlKey('s', 'net core'), /invalid sysctl/);
  });
});

describe('hostname templates', () => {
  test('every template Docker documents expands', () => {
    assert.equal(expandHostnameTemplate('h', '{{.Service.Name}}-{{.Task.Slot}}', values), 'web-2');
    assert.equal(expandHostnameTemplate('h', '{{.Service.ID}}', values), 'svc123');
    assert.equal(expandHostnameTemplate('h', '{{.Task.ID}}', values), 'task9');
    assert.equal(expandHostnameTemplate('h', '{{.Task.Name}}', values), 'web.2.task9');
    assert.equal(expandHostnameTemplate('h', '{{.Node.ID}}', values), 'node7');
    assert.equal(expandHostnameTemplate('h', '{{ .Node.Hostname }}.local', values), 'host-a.local');
    assert.equal(expandHostnameTemplate('h', 'plain', values), 'plain');
  });
  test('a global task has no slot: Task.Slot and Task.Name use the node id (as Docker names them)', () => {
    const g = { ...values, taskSlot: 0 };
    assert.equal(expandHostnameTemplate('h', '{{.Service.Name}}-{{.Task.Slot}}', g), 'web-node7');
    assert.equal(expandHostnameTemplate('h', '{{.Task.Name}}', g), 'web.node7.task9');
  });
  test('characters a host name cannot hold become "-"', () => {
    assert.equal(expandHostnameTemplate('h', '{{.Service.Name}}', { ...values, serviceName: 'my_app' }), 'my-app');
  });
  test('unknown or unclosed templates and bad literal characters are refused before any task exists', () => {
    invalid(() => checkHostnameTemplate('--hostname', '{{.Task.Nope}}'), /--hostname: unknown template/);
    invalid(() => checkHostnameTemplate('--hostname', 'x-{{.Task.Slot'), /unclosed template/);
    invalid(() => checkHostnameTemplate('--hostname', 'a b'), /invalid hostname/);
    invalid(() => checkHostnameTemplate('--hostname', '{{printf "%s" 1}}'), /unknown template/);
  });
  test('a result longer than 63 characters is refused with a hint', () => {
    invalid(
      () => expandHostnameTemplate('hostname', '{{.Task.Name}}', { ...values, taskId: 'x'.repeat(60) }),
      /more than 63/,
    );
  });
});
