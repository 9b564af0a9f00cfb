// The node's data plane: from each network map it programs the node idempotently (the Docker
// network clusterctl0 on the node's subnet, routes to peers, the return-path rules, one nft
// transaction, the DOCKER-USER accept) and serves the cluster DNS on the bridge gateway. Map changes
// are applied one at a time, the latest one wins; a failure is logged and retried with the next map
// or after a short delay. leave() removes everything of ours from the node.
import { createSocket } from 'node:dgram';
import type { Logger } from '@clusterctl/common';
import type { NetworkEngine, TaskNetwork } from '../executor/index.js';
import { commandError, type CommandRunner } from './command-runner.js';
import { DnsRecords } from './dns-records.js';
import { DnsServer } from './dns-server.js';
import { gatewayOf, inCidr, vtepMac } from './ipv4.js';
import { ListeningPortScanner, type ListeningPort } from './listening-ports.js';
import { endpointTaskIds, type NetMap } from './network-map.js';
import { renderRuleset, renderTeardown, type LocalTask } from './nft-ruleset.js';
import { probeNetwork, type NetworkCapabilities, type ProbeResult } from './probe.js';
import {
  parseJsonList,
  parseRoutes,
  parseRules,
  planRoutes,
  renderBridgeBatch,
  renderIpBatch,
  ROUTE_PROTO,
  ruleArgs,
  ruleKey,
  VXLAN_DEV,
  wantedRouteKeys,
  wantedRules,
  type RoutePlan,
  type Underlay,
} from './routes.js';

export const CLUSTER_NETWORK = 'clusterctl0';
export const CLUSTER_BRIDGE = 'clusterctl0';
export const NETWORK_LABEL = 'com.clusterctl.network';

export const DATA_PLANE_DEFAULTS = {
  /** How long a stopping task waits for the map to stop listing it. */
  unlistWaitMs: 2_000,
  retryDelayMs: 1_000,
  /** A host-gw peer whose MAC is not known yet (no ARP entry) is looked up again after this. */
  macRetryMs: 1_000,
  /** The peers' MACs, once all known, are reused for map changes that keep the routes (this long). */
  macCacheMs: 10_000,
  /** The node's listening ports (mesh port conflicts) are read again at most this often. */
  listeningScanMs: 2_000,
} as const;

export interface DataPlaneConfig {
  runner: CommandRunner;
  engine: NetworkEngine;
  nodeId: string;
  /** The node's underlay address (the one it registers with). */
  addr: string;
  /** --data-plane on. */
  wanted: boolean;
  /** This node's tasks with their IPs. */
  localTasks: () => LocalTask[];
  log: Logger;
  /** Where the DNS listens instead of the bridge gateway, port 53 (tests). */
  dnsAddress?: { host: string; port: number };
  /** Reads the node's listening ports (tests: a fake /proc). */
  listeningPorts?: ListeningPortScanner;
  unlistWaitMs?: number;
  retryDelayMs?: number;
  /**
   * Sends a peer node one packet, so that the kernel resolves its MAC (ARP) and the neighbour table
   * has it for the next render. Default: an empty UDP datagram to its discard port (9).
   */
  reachPeer?: (addr: string) => Promise<void>;
}

/** An empty UDP datagram to ADDR:9: the kernel must resolve ADDR's MAC to send it. */
export function sendDiscardDatagram(addr: string): Promise<void> {
  return new Promise((resolve) => {
    const sock = createSocket('udp4');
    sock.on('error', () => {
      sock.close();
      resolve();
    });
    sock.send(Buffer.alloc(0), 9, addr, () => {
      sock.close();
      resolve();
    });
  });
}

export class DataPlane {
  private probed: ProbeResult | undefined;
  private map: NetMap | undefined;
  /** The map whose rules are in place on this node (the last one applied in full). */
  private appliedMap: NetMap | undefined;
  private applied: { routeKey: string; nft: string; dockerUser: boolean; network: string } = {
    routeKey: '',
    nft: '',
    dockerUser: false,
    network: '',
  };
  /** Endpoint IPs of the last applied map, with their node (flows to removed ones are deleted). */
  private lastEndpoints = new Map<string, string>();
  /**
   * Endpoints that left while their node was not down, by IP, with their node: once the map marks
   * that node down, every flow to them is deleted (a dead node's connections are never answered).
   */
  private departed = new Map<string, string>();
  private readonly records = new DnsRecords();
  private dns: DnsServer | undefined;
  private running: Promise<void> | undefined;
  private dirty = false;
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private ready: { subnet: string; gateway: string; domain: string } | undefined;
  /** The peers' MACs of the last lookup that found them all, for the routes (plan) they were read for. */
  private macCache: { routeKey: string; at: number; macs: Map<string, string[]> } | undefined;
  private readonly unlistWaiters = new Set<() => void>();
  private readonly log: Logger;
  // Mesh port conflicts: the last scan of the node's listening ports and when it was made.
  private readonly scanner: ListeningPortScanner;
  private listening: ListeningPort[] | undefined;
  private listeningAt = 0;
  private scanning = false;

  constructor(private readonly cfg: DataPlaneConfig) {
    this.log = cfg.log.child({ component: 'data-plane' });
    this.scanner = cfg.listeningPorts ?? new ListeningPortScanner();
  }

  /**
   * The ports processes other than ours listen on (the leader refuses mesh ports they hold), as of
   * the last scan, which this call renews in the background when it is older than listeningScanMs;
   * undefined while the data plane is off or before the first scan.
   */
  listeningPorts(): ListeningPort[] | undefined {
    if (!this.enabled || this.closed) return undefined;
    if (!this.scanning && Date.now() - this.listeningAt >= DATA_PLANE_DEFAULTS.listeningScanMs) {
      this.scanning = true;
      this.scanner
        .scan()
        .then((l) => {
          this.listening = l;
          this.listeningAt = Date.now();
        })
        .catch((err: unknown) => this.log.debug({ err }, 'reading the listening ports failed'))
        .finally(() => (this.scanning = false));
    }
    return this.listening;
  }

  /** Probes the node once (at agent start); what is reported to the leader. */
  async probe(): Promise<NetworkCapabilities> {
    if (!this.probed) {
      this.probed = await probeNetwork({ runner: this.cfg.runner, addr: this.cfg.addr, wanted: this.cfg.wanted });
      for (const c of this.probed.capabilities.conditions)
        this.log.warn({ code: c.code, hint: c.hint }, `data plane: ${c.message}`);
    }
    return this.probed.capabilities;
  }

  get enabled(): boolean {
    return this.probed?.capabilities.enabled === true;
  }

  /** The network a new task container joins; undefined until the node's network is in place. */
  taskNetwork(): TaskNetwork | undefined {
    if (!this.ready) return undefined;
    return { name: CLUSTER_NETWORK, dns: [this.ready.gateway], dnsSearch: [this.ready.domain] };
  }

  /** A new map from the leader. */
  onMap(map: NetMap): void {
    if (!this.enabled || this.closed) return;
    if (this.map && map.term === this.map.term && map.version <= this.map.version) return;
    this.map = map;
    this.records.update(map, this.cfg.localTasks());
    this.kick();
  }

  /** A local task got (or lost) its IP: the network sets and DNS askers change. */
  onLocalTasksChanged(): void {
    if (!this.enabled || !this.map || this.closed) return;
    this.records.update(this.map, this.cfg.localTasks());
    this.kick();
  }

  /**
   * Resolves once this node's rules come from a map that no longer lists the task as an endpoint
   * (the map received is not enough: its rules must be in place, so this node sends the task no new
   * connection once its stop signal goes out; every node stops at the same map), or after the
   * bounded wait.
   */
  async whenUnlisted(taskId: string): Promise<void> {
    if (!this.enabled || !this.map) return;
    const listed = (): boolean => {
      const m = this.appliedMap ?? this.map;
      return m !== undefined && endpointTaskIds(m).has(taskId);
    };
    if (!listed()) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.unlistWaiters.delete(check);
        resolve();
      };
      const check = (): void => {
        if (!listed()) done();
      };
      const timer = setTimeout(done, this.cfg.unlistWaitMs ?? DATA_PLANE_DEFAULTS.unlistWaitMs);
      this.unlistWaiters.add(check);
    });
  }

  /** Resolves once no map is being applied (tests). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops applying maps and the DNS; the node's rules stay (a restarted agent converges on them). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    for (const f of [...this.unlistWaiters]) f();
    await this.running;
    await this.dns?.stop();
    this.dns = undefined;
  }

  /** The node leaves: removes our rules, routes, links, DOCKER-USER entries and the network. */
  async leave(): Promise<void> {
    await this.close();
    if (!this.probed || this.probed.underlay === undefined) return;
    const r = this.cfg.runner;
    await r.run('nft', ['-f', '-'], { input: renderTeardown() });
    await this.reconcileRoutes(emptyPlan(), this.probed.underlay);
    await r.run('ip', ['link', 'del', VXLAN_DEV]);
    const cidr = this.map?.clusterCidr;
    if (cidr) for (const dir of ['-s', '-d']) await this.dockerUserRule('-D', dir, cidr);
    try {
      await this.cfg.engine.removeNetwork(CLUSTER_NETWORK);
    } catch (e) {
      this.log.warn({ err: e }, 'removing the cluster network failed');
    }
  }

  private kick(): void {
    this.dirty = true;
    if (this.running) return;
    this.running = this.loop().finally(() => (this.running = undefined));
  }

  private async loop(): Promise<void> {
    while (this.dirty && !this.closed) {
      this.dirty = false;
      const map = this.map;
      if (!map) return;
      try {
        await this.apply(map);
        this.appliedMap = map;
        for (const f of [...this.unlistWaiters]) f();
      } catch (e) {
        this.log.warn({ err: e, version: map.version }, 'programming the node from the network map failed; retrying');
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => this.kick(), this.cfg.retryDelayMs ?? DATA_PLANE_DEFAULTS.retryDelayMs);
        this.retryTimer.unref();
      }
    }
  }

  private async apply(map: NetMap): Promise<void> {
    const underlay = this.probed?.underlay;
    if (!underlay) return;
    const self = map.nodes.find((n) => n.nodeId === this.cfg.nodeId);
    if (!self || self.subnet === '') return; // no subnet yet
    const plan = planRoutes({ map, selfNodeId: this.cfg.nodeId, underlay, vxlan: this.probed!.capabilities.vxlan });
    const gateway = gatewayOf(self.subnet);

    const netKey = `${self.subnet} ${plan.mtu}`;
    if (this.applied.network !== netKey) {
      await this.cfg.engine.ensureNetwork({
        name: CLUSTER_NETWORK,
        bridge: CLUSTER_BRIDGE,
        subnet: self.subnet,
        gateway,
        mtu: plan.mtu,
        labels: { [NETWORK_LABEL]: 'cluster' },
      });
      this.applied.network = netKey;
    }

    const routeKey = JSON.stringify(plan);
    if (this.applied.routeKey !== routeKey) {
      await this.reconcileRoutes(plan, underlay);
      this.applied.routeKey = routeKey;
      for (const p of plan.peers.filter((x) => x.via === 'unreachable'))
        this.log.warn({ peer: p.nodeId, reason: p.reason }, 'a peer node is unreachable from this node');
    }

    if (!this.applied.dockerUser) {
      for (const dir of ['-s', '-d']) await this.dockerUserRule('-I', dir, map.clusterCidr);
      this.applied.dockerUser = true;
    }

    // an endpoint change keeps the routes: no neighbour lookup (one command less before the rules change)
    const c = this.macCache;
    const peerMacs =
      c !== undefined && c.routeKey === routeKey && Date.now() - c.at < DATA_PLANE_DEFAULTS.macCacheMs
        ? c.macs
        : await this.peerMacs(plan, underlay, routeKey);
    const text = renderRuleset({
      map,
      selfNodeId: this.cfg.nodeId,
      subnet: self.subnet,
      bridge: CLUSTER_BRIDGE,
      localTasks: this.cfg.localTasks().filter((t) => inCidr(self.subnet, t.ip)),
      peerMacs,
    });
    if (text !== this.applied.nft) {
      const r = await this.cfg.runner.run('nft', ['-f', '-'], { input: text });
      if (r.code !== 0) throw commandError('nft', ['-f', '-'], r);
      this.applied.nft = text;
    }

    if (this.probed!.capabilities.conntrack) await this.forgetFlows(map);

    await this.ensureDns(gateway);
    this.ready = { subnet: self.subnet, gateway, domain: map.dnsDomain };
  }

  /**
   * Flows to endpoints that left keep their translation until they time out, and a client that
   * reuses the source port of such a flow is sent to the same endpoint again (conntrack ignores a
   * SYN that matches a connection it still tracks as open, reset or closing). So, for an endpoint
   * that leaves: its UDP flows, its TCP attempts never answered (SYN_SENT) and its TCP connections
   * already reset (CLOSE) are deleted; connections it answered stay (a stopping task finishes what
   * it serves within its stop grace; a node only suspected may come back). Once the map marks the
   * endpoint's node down, its TCP connections in every state are deleted too: nothing answers them.
   */
  private async forgetFlows(map: NetMap): Promise<void> {
    const r = this.cfg.runner;
    const endpoints = new Map<string, string>();
    for (const s of map.services) for (const e of s.endpoints) if (e.ip) endpoints.set(e.ip, e.nodeId);
    const down = new Set(map.nodes.filter((n) => n.down).map((n) => n.nodeId));
    const known = new Set(map.nodes.map((n) => n.nodeId));
    const isDown = (nodeId: string): boolean => down.has(nodeId) || !known.has(nodeId);
    const leaving = [...this.lastEndpoints].filter(([ip]) => !endpoints.has(ip));
    for (const [ip] of this.departed) if (endpoints.has(ip)) this.departed.delete(ip);
    const lost = [...this.departed].filter(([, nodeId]) => isDown(nodeId));
    this.lastEndpoints = endpoints;
    if (leaving.length === 0 && lost.length === 0) return;
    // One listing, then deletes only where flows exist: a scale-in of a hundred tasks that served
    // nothing costs one process, not three per task. A listing that fails deletes blindly.
    const listed = await r.run('conntrack', ['-L']);
    const flows = listed.code === 0 ? conntrackFlowsByReplySource(listed.stdout) : undefined;
    const has = (ip: string, what: string): boolean => flows === undefined || (flows.get(ip)?.has(what) ?? false);
    for (const [ip, nodeId] of leaving) {
      if (has(ip, 'udp')) await r.run('conntrack', ['-D', '-p', 'udp', '--reply-src', ip]);
      for (const state of ['SYN_SENT', 'CLOSE'])
        if (has(ip, `tcp ${state}`)) await r.run('conntrack', ['-D', '-p', 'tcp', '--reply-src', ip, '--state', state]);
      this.departed.set(ip, nodeId);
    }
    for (const [ip, nodeId] of this.departed) {
      if (!isDown(nodeId)) continue;
      if (has(ip, 'tcp')) await r.run('conntrack', ['-D', '-p', 'tcp', '--reply-src', ip]);
      this.departed.delete(ip);
    }
  }

  private async ensureDns(gateway: string): Promise<void> {
    const host = this.cfg.dnsAddress?.host ?? gateway;
    if (this.dns?.host === host) return;
    await this.dns?.stop();
    const dns = new DnsServer({
      host,
      ...(this.cfg.dnsAddress === undefined ? {} : { port: this.cfg.dnsAddress.port }),
      records: this.records,
      log: this.log,
    });
    await dns.start();
    this.dns = dns;
  }

  /** DOCKER-USER accepts the cluster CIDR (Docker's FORWARD policy drops otherwise); -I adds once, -D removes. */
  private async dockerUserRule(op: '-I' | '-D', dir: string, cidr: string): Promise<void> {
    const rule = ['DOCKER-USER', dir, cidr, '-j', 'ACCEPT'];
    const r = this.cfg.runner;
    const present = (await r.run('iptables', ['-w', '-C', ...rule])).code === 0;
    if (op === '-I' && !present) {
      const res = await r.run('iptables', ['-w', '-I', ...rule]);
      if (res.code !== 0) throw commandError('iptables', ['-I', ...rule], res);
    }
    if (op === '-D' && present) await r.run('iptables', ['-w', '-D', ...rule]);
  }

  /** The MACs each peer's packets arrive from: its VTEP MAC, and its underlay MAC when known. */
  private async peerMacs(plan: RoutePlan, underlay: Underlay, routeKey: string): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    const neigh = await this.cfg.runner.run('ip', ['-j', 'neigh', 'show', 'dev', underlay.dev]);
    const byAddr = new Map<string, string>();
    if (neigh.code === 0)
      for (const n of parseJsonList(neigh.stdout))
        if (typeof n.lladdr === 'string' && typeof n.dst === 'string') byAddr.set(n.dst, n.lladdr);
    let missing = false;
    for (const p of plan.peers) {
      const macs: string[] = [];
      if (p.via === 'vxlan') macs.push(vtepMac(p.index));
      if (p.via === 'host-gw') {
        const mac = byAddr.get(p.addr);
        if (mac) macs.push(mac);
        else missing = true;
      }
      out.set(p.nodeId, macs);
    }
    if (missing) {
      // The kernel learns a peer's MAC only when this node sends it something (two workers may never
      // have talked: each only talks to the managers). Without it, replies to connections that
      // peer forwards here would not go back through it: send it a packet, then render again.
      const reach = this.cfg.reachPeer ?? sendDiscardDatagram;
      for (const p of plan.peers.filter((x) => x.via === 'host-gw' && !byAddr.has(x.addr))) await reach(p.addr);
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.kick(), DATA_PLANE_DEFAULTS.macRetryMs);
      this.retryTimer.unref();
      this.macCache = undefined;
    } else {
      this.macCache = { routeKey, at: Date.now(), macs: out };
    }
    return out;
  }

  /** Deletes our routes and rules that the plan does not want, then puts the wanted ones in place. */
  private async reconcileRoutes(plan: RoutePlan, underlay: Underlay): Promise<void> {
    const r = this.cfg.runner;
    if (plan.vxlan) await this.ensureVxlan(plan.vxlan);
    else if (plan.peers.length > 0 || this.applied.routeKey !== '') await r.run('ip', ['link', 'del', VXLAN_DEV]);

    const routes = await r.run('ip', ['-j', 'route', 'show', 'table', 'all', 'proto', String(ROUTE_PROTO)]);
    if (routes.code !== 0) throw commandError('ip', ['route', 'show'], routes);
    const want = wantedRouteKeys(plan);
    const del: string[] = [];
    for (const x of parseRoutes(routes.stdout))
      if (!want.has(`${x.dst} table ${x.table}`)) del.push(`route del ${x.dst} table ${x.table} proto ${ROUTE_PROTO}`);
    const batch = [...del, ...renderIpBatch(plan, underlay)];
    if (batch.length > 0) {
      const res = await r.run('ip', ['-force', '-batch', '-'], { input: batch.join('\n') + '\n' });
      if (res.code !== 0) throw commandError('ip', ['-batch', '-'], res);
    }
    const fdb = renderBridgeBatch(plan);
    if (fdb.length > 0) {
      const res = await r.run('bridge', ['-force', '-batch', '-'], { input: fdb.join('\n') + '\n' });
      if (res.code !== 0) throw commandError('bridge', ['-batch', '-'], res);
    }

    const rules = await r.run('ip', ['-j', 'rule', 'show']);
    if (rules.code !== 0) throw commandError('ip', ['rule', 'show'], rules);
    const have = parseRules(rules.stdout);
    const wanted = wantedRules(plan);
    const wantedKeys = new Set(wanted.map(ruleKey));
    const haveKeys = new Set(have.map(ruleKey));
    for (const x of have) if (!wantedKeys.has(ruleKey(x))) await r.run('ip', ['rule', 'del', ...ruleArgs(x)]);
    for (const x of wanted) {
      if (haveKeys.has(ruleKey(x))) continue;
      const res = await r.run('ip', ['rule', 'add', ...ruleArgs(x)]);
      if (res.code !== 0) throw commandError('ip', ['rule', 'add', ...ruleArgs(x)], res);
    }
  }

  private async ensureVxlan(v: NonNullable<RoutePlan['vxlan']>): Promise<void> {
    const r = this.cfg.runner;
    const cur = await r.run('ip', ['-j', '-d', 'link', 'show', 'dev', v.dev]);
    let ok = false;
    if (cur.code === 0) {
      const link = parseJsonList(cur.stdout)[0] as
        { address?: string; linkinfo?: { info_data?: { id?: number; port?: number; local?: string } } } | undefined;
      const d = link?.linkinfo?.info_data;
      ok = d?.id === v.vni && d.port === v.port && d.local === v.local && link?.address === v.mac;
      if (!ok) await r.run('ip', ['link', 'del', v.dev]);
    }
    const cmds: string[][] = [];
    if (!ok) {
      cmds.push(
        [
          'link',
          'add',
          v.dev,
          'type',
          'vxlan',
          'id',
          String(v.vni),
          'dstport',
          String(v.port),
          'dev',
          v.underlayDev,
          'local',
          v.local,
          'nolearning',
        ],
        ['link', 'set', v.dev, 'address', v.mac],
      );
    }
    cmds.push(['link', 'set', v.dev, 'up'], ['addr', 'replace', `${v.addr}/32`, 'dev', v.dev]);
    for (const c of cmds) {
      const res = await r.run('ip', c);
      if (res.code !== 0) throw commandError('ip', c, res);
    }
    // Packets of the mesh arrive on the tunnel from client addresses routed elsewhere: loose reverse-path check.
    await r.run('sysctl', ['-w', `net.ipv4.conf.${v.dev.replace(/\./g, '/')}.rp_filter=2`]);
  }
}

function emptyPlan(): RoutePlan {
  return { mtu: 0, vxlan: undefined, peers: [] };
}

/**
 * `conntrack -L` output as what each reply source (the endpoint a flow was translated to) has:
 * 'udp', 'tcp', and 'tcp STATE' for every TCP state seen. A line reads
 * "tcp 6 117 SYN_SENT src=C dst=D sport=.. dport=.. [UNREPLIED] src=ENDPOINT dst=C ..."; the
 * second src= is the reply's source.
 */
export function conntrackFlowsByReplySource(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    const proto = f[0];
    if (proto !== 'tcp' && proto !== 'udp') continue;
    const srcs = f.filter((x) => x.startsWith('src='));
    const reply = srcs[1]?.slice(4);
    if (reply === undefined || reply === '') continue;
    let set = out.get(reply);
    if (set === undefined) out.set(reply, (set = new Set()));
    set.add(proto);
    if (proto === 'tcp' && f[3] !== undefined && /^[A-Z_]+$/.test(f[3])) set.add(`tcp ${f[3]}`);
  }
  return out;
}
