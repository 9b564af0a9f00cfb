// A network map of three nodes (m1, w1, w2) and four services, and the ruleset input of w1: the
// fixture of the data plane's unit tests (rules, routes, DNS).
import type { NetMap } from '../network/network-map.js';
import type { RulesetInput } from '../network/nft-ruleset.js';

export function sampleNetMap(): NetMap {
  return {
    version: 7,
    term: 2,
    clusterCidr: '10.240.0.0/16',
    vipCidr: '10.241.0.0/16',
    mtu: 0,
    backend: 'auto',
    vxlanPort: 4789,
    dnsDomain: 'cluster',
    nodes: [
      { nodeId: 'm1', addr: '10.210.1.11', subnet: '10.240.0.0/24', index: 1, down: false, dataPlane: true },
      { nodeId: 'w1', addr: '10.210.1.101', subnet: '10.240.1.0/24', index: 2, down: false, dataPlane: true },
      { nodeId: 'w2', addr: '10.210.1.102', subnet: '10.240.2.0/24', index: 3, down: false, dataPlane: true },
    ],
    networks: [
      { id: 'netdefault', name: 'default' },
      { id: 'netback', name: 'back' },
    ],
    services: [
      {
        id: 'svcweb',
        name: 'web',
        aliases: [],
        networkAliases: [],
        vip: '10.241.0.2',
        endpointMode: 'vip',
        ports: [
          { published: 8080, target: 80, protocol: 'tcp', mode: 'ingress', route: 'spread' },
          { published: 9000, target: 9000, protocol: 'tcp', mode: 'host', route: 'spread' },
        ],
        endpoints: [
          { taskId: 't2', nodeId: 'w2', ip: '10.240.2.2' },
          { taskId: 't1', nodeId: 'w1', ip: '10.240.1.2' },
        ],
        networkIds: ['netdefault'],
      },
      {
        id: 'svcdb',
        name: 'db',
        aliases: ['database'],
        networkAliases: [],
        vip: '10.241.0.3',
        endpointMode: 'vip',
        ports: [{ published: 5353, target: 53, protocol: 'udp', mode: 'ingress', route: 'spread' }],
        endpoints: [{ taskId: 't3', nodeId: 'm1', ip: '10.240.0.2' }],
        networkIds: ['netdefault', 'netback'],
      },
      {
        id: 'svcnone',
        name: 'idle',
        aliases: [],
        networkAliases: [],
        vip: '10.241.0.4',
        endpointMode: 'vip',
        ports: [],
        endpoints: [],
        networkIds: ['netback'],
      },
      {
        id: 'svcrr',
        name: 'rr',
        aliases: [],
        networkAliases: [],
        vip: '',
        endpointMode: 'dnsrr',
        ports: [],
        endpoints: [{ taskId: 't4', nodeId: 'w1', ip: '10.240.1.3' }],
        networkIds: ['netback'],
      },
    ],
  };
}

export function sampleNetInput(): RulesetInput {
  return {
    map: sampleNetMap(),
    selfNodeId: 'w1',
    subnet: '10.240.1.0/24',
    bridge: 'clusterctl0',
    // t4 (dnsrr, an endpoint) and t9 (starting, not yet healthy: not in the map) run here.
    localTasks: [
      { taskId: 't4', serviceId: 'svcrr', ip: '10.240.1.3' },
      { taskId: 't9', serviceId: 'svcnone', ip: '10.240.1.9' },
    ],
    peerMacs: new Map([
      ['m1', ['0e:cc:00:00:00:01', '02:42:0A:D2:01:0B']],
      ['w2', ['0e:cc:00:00:00:03']],
    ]),
  };
}
