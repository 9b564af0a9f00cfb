// What this node's kernel and tools allow, probed once at agent start with throwaway objects of
// unique names (a VXLAN link, an nft table; deleted at once): reported to the leader as
// NetworkCapabilities, each limit a condition with a hint. Nothing here changes the node.
import { formatCidr, parseCidr } from './ipv4.js';
import { parseJsonList, type Underlay } from './routes.js';
import type { CommandRunner } from './command-runner.js';

export interface NodeCondition {
  code: string;
  message: string;
  hint: string;
}

export interface NetworkCapabilities {
  vxlan: boolean;
  nftables: boolean;
  policyRouting: boolean;
  conntrack: boolean;
  /** The data plane runs on this node (flag on, and the node can: ip, nft, a known underlay). */
  enabled: boolean;
  conditions: NodeCondition[];
  underlayMtu: number;
}

export interface ProbeResult {
  capabilities: NetworkCapabilities;
  underlay: Underlay | undefined;
}

export const Condition = {
  DataPlaneOff: 'DATA_PLANE_OFF',
  IprouteMissing: 'IPROUTE2_MISSING',
  NftablesMissing: 'NFTABLES_MISSING',
  NftablesUnsupported: 'NFTABLES_UNSUPPORTED',
  VxlanUnsupported: 'VXLAN_UNSUPPORTED',
  PolicyRoutingUnsupported: 'POLICY_ROUTING_UNSUPPORTED',
  ConntrackMissing: 'CONNTRACK_MISSING',
  IptablesMissing: 'IPTABLES_MISSING',
  UnderlayUnknown: 'UNDERLAY_UNKNOWN',
} as const;

/** The interface holding `addr`, its connected prefix and MTU, from `ip -j addr show`. */
export function findUnderlay(json: string, addr: string): Underlay | undefined {
  for (const link of parseJsonList(json)) {
    const infos = (link.addr_info as Array<Record<string, unknown>> | undefined) ?? [];
    for (const a of infos) {
      if (a.family !== 'inet' || a.local !== addr) continue;
      const c = parseCidr(`${addr}/${Number(a.prefixlen)}`);
      if (!c) continue;
      const cidr = formatCidr(c);
      return { dev: String(link.ifname), addr, cidr, mtu: Number(link.mtu) || 1500 };
    }
  }
  return undefined;
}

export async function probeNetwork(opts: {
  runner: CommandRunner;
  /** The node's underlay address (the one it registers with). */
  addr: string;
  /** --data-plane on. */
  wanted: boolean;
  /** Makes the throwaway names unique (default: this process's pid). */
  tag?: string;
}): Promise<ProbeResult> {
  const { runner } = opts;
  const tag = (opts.tag ?? process.pid.toString(16)).slice(-6);
  const conditions: NodeCondition[] = [];
  const caps: NetworkCapabilities = {
    vxlan: false,
    nftables: false,
    policyRouting: false,
    conntrack: false,
    enabled: false,
    conditions,
    underlayMtu: 0,
  };
  if (!opts.wanted) {
    conditions.push({
      code: Condition.DataPlaneOff,
      message: 'the node runs with --data-plane off: no cluster network, published ports bind on the node',
      hint: 'start the node without --data-plane off to give its tasks the cluster network',
    });
    return { capabilities: caps, underlay: undefined };
  }

  const addrs = await runner.run('ip', ['-j', 'addr', 'show']);
  if (addrs.code !== 0) {
    conditions.push({
      code: Condition.IprouteMissing,
      message: `the ip command failed (${addrs.code === 127 ? 'not installed' : addrs.stderr.trim()})`,
      hint: 'install iproute2 (ip, bridge) on the node',
    });
    return { capabilities: caps, underlay: undefined };
  }
  const underlay = findUnderlay(addrs.stdout, opts.addr);
  if (underlay) caps.underlayMtu = underlay.mtu;
  else
    conditions.push({
      code: Condition.UnderlayUnknown,
      message: `no interface of this node holds its address ${opts.addr}`,
      hint: 'give the node an address of one of its interfaces with --advertise-addr',
    });

  const vx = `ccprobe${tag}`;
  const add = await runner.run('ip', [
    'link',
    'add',
    vx,
    'type',
    'vxlan',
    'id',
    '4243',
    'dstport',
    '4789',
    'nolearning',
  ]);
  if (add.code === 0) {
    caps.vxlan = true;
    await runner.run('ip', ['link', 'del', vx]);
  } else {
    conditions.push({
      code: Condition.VxlanUnsupported,
      message: `this kernel cannot make a VXLAN link (${add.stderr.trim()})`,
      hint: 'peers on this link are reached directly (host-gw); others are unreachable from here',
    });
  }

  const rules = await runner.run('ip', ['-j', 'rule', 'show']);
  caps.policyRouting = rules.code === 0;
  if (!caps.policyRouting)
    conditions.push({
      code: Condition.PolicyRoutingUnsupported,
      message: `policy routing is not available (${rules.stderr.trim()})`,
      hint: 'a kernel with CONFIG_IP_MULTIPLE_TABLES; without it replies of the routing mesh may take another path',
    });

  const table = `clusterctl_probe_${tag}`;
  const nft = await runner.run('nft', ['-f', '-'], {
    input: `table ip ${table} {\n\tchain c {\n\t\ttype nat hook prerouting priority -100; policy accept;\n\t\tdnat to numgen random mod 2 map { 0 : 127.0.0.1, 1 : 127.0.0.2 }\n\t}\n}\ndelete table ip ${table}\n`,
  });
  caps.nftables = nft.code === 0;
  if (nft.code === 127)
    conditions.push({
      code: Condition.NftablesMissing,
      message: 'nft is not installed: no routing mesh, no VIPs on this node',
      hint: 'install the nftables package on the node and restart it',
    });
  else if (nft.code !== 0)
    conditions.push({
      code: Condition.NftablesUnsupported,
      message: `nftables refused a NAT table (${nft.stderr.trim().split('\n')[0] ?? ''})`,
      hint: 'a kernel with nf_tables NAT (CONFIG_NFT_NAT, CONFIG_NFT_NUMGEN)',
    });

  const ct = await runner.run('conntrack', ['--version']);
  caps.conntrack = ct.code === 0;
  if (!caps.conntrack)
    conditions.push({
      code: Condition.ConntrackMissing,
      message: 'conntrack is not installed: UDP flows to a removed task are kept until they time out',
      hint: 'install the conntrack package on the node',
    });

  const ipt = await runner.run('iptables', ['--version']);
  if (ipt.code !== 0)
    conditions.push({
      code: Condition.IptablesMissing,
      message: "iptables is not installed: Docker's forward policy drops cluster traffic",
      hint: 'install iptables (Docker needs it too)',
    });

  caps.enabled = underlay !== undefined && caps.nftables && ipt.code === 0;
  return { capabilities: caps, underlay };
}
