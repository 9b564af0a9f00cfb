// What the node's resolver answers, from the network map: NAME, NAME.DOMAIN and the service's
// aliases -> its VIP (endpoint mode vip) or its healthy task IPs, shuffled (dnsrr); tasks.NAME ->
// the task IPs. Only services sharing a network with the asking task (known by its source IP) are
// visible, and a per-network alias only on its network; every other name is forwarded to the node's
// own resolvers.
import type { NetMap, NetMapService } from './network-map.js';
import type { LocalTask } from './nft-ruleset.js';

export type DnsAnswer =
  /** A name of ours: these addresses (possibly none: the name exists, no record of that type). */
  | { kind: 'records'; ips: string[] }
  /** A name in the cluster domain that names no service visible to the asker. */
  | { kind: 'nxdomain' }
  /** Not ours: ask the node's resolvers. */
  | { kind: 'forward' };

export const DNS_TTL_S = 5;

/** A service under one of its names; `networkIds` narrows where a per-network alias is seen. */
interface Named {
  s: NetMapService;
  networkIds: readonly string[];
}

export class DnsRecords {
  /** Services by name and alias: several when stacks share a short name (each sees its own). */
  private byName = new Map<string, Named[]>();
  private networksOfIp = new Map<string, Set<string>>();
  private domain = 'cluster';

  constructor(private readonly shuffle: <T>(items: T[]) => T[] = shuffled) {}

  /** Rebuilds the indexes from a map and this node's tasks. */
  update(map: NetMap, localTasks: LocalTask[]): void {
    this.domain = map.dnsDomain.toLowerCase();
    const byName = new Map<string, Named[]>();
    const index = (name: string, entry: Named): void => {
      const n = name.toLowerCase();
      if (n === '') return;
      const named = byName.get(n);
      if (named) named.push(entry);
      else byName.set(n, [entry]);
    };
    const nets = new Map<string, Set<string>>();
    const byId = new Map(map.services.map((s) => [s.id, s]));
    const add = (ip: string, ids: string[]): void => {
      let set = nets.get(ip);
      if (!set) nets.set(ip, (set = new Set()));
      for (const id of ids) set.add(id);
    };
    for (const s of map.services) {
      for (const n of new Set([s.name, ...s.aliases].map((x) => x.toLowerCase())))
        index(n, { s, networkIds: s.networkIds });
      for (const a of s.networkAliases) for (const n of new Set(a.aliases)) index(n, { s, networkIds: [a.networkId] });
      for (const e of s.endpoints) if (e.ip) add(e.ip, s.networkIds);
    }
    for (const t of localTasks) {
      const s = byId.get(t.serviceId);
      if (s && t.ip) add(t.ip, s.networkIds);
    }
    this.byName = byName;
    this.networksOfIp = nets;
  }

  answer(qname: string, qtype: number, sourceIp: string): DnsAnswer {
    let name = qname.toLowerCase().replace(/\.$/, '');
    const suffix = `.${this.domain}`;
    const qualified = name.endsWith(suffix);
    if (qualified) name = name.slice(0, -suffix.length);
    const tasks = name.startsWith('tasks.');
    if (tasks) name = name.slice('tasks.'.length);
    // a service's own name wins over another's alias (the map lists names before aliases per service)
    const named = this.byName.get(name) ?? [];
    const s = (
      named.find((c) => c.s.name.toLowerCase() === name && this.visibleTo(c, sourceIp)) ??
      named.find((c) => this.visibleTo(c, sourceIp))
    )?.s;
    if (s === undefined) return qualified ? { kind: 'nxdomain' } : { kind: 'forward' };
    if (qtype !== 1 && qtype !== 255) return { kind: 'records', ips: [] };
    if (!tasks && s.endpointMode === 'vip' && s.vip) return { kind: 'records', ips: [s.vip] };
    return { kind: 'records', ips: this.shuffle(s.endpoints.map((e) => e.ip).filter(Boolean)) };
  }

  private visibleTo(c: Named, sourceIp: string): boolean {
    const mine = this.networksOfIp.get(sourceIp);
    if (!mine) return false;
    return c.networkIds.some((id) => mine.has(id));
  }
}

function shuffled<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
