// Promotion and demotion at run time. The store holds a node's role; NodeCA.Renew tells a node
// what it is. A worker that learns it was promoted starts a Manager; a manager removed from raft
// gets a worker certificate and stops its Manager. One change runs at a time.
import type { Logger } from '@clusterctl/common';
import { renewAsManager, renewCertificate, type JoinResult, type NodeTls } from '@clusterctl/ca';
import type { Manager } from '@clusterctl/manager';

/** What a role change reads from the running daemon, and the two switches it asks it to make. */
export interface RoleChangeHost {
  log: Logger;
  /** The daemon is leaving or stopping: no role change starts. */
  closing(): boolean;
  /** The certificate renewal in flight: a role change waits for it. */
  renewing(): Promise<void> | undefined;
  manager(): Manager | undefined;
  tls(): NodeTls;
  clusterId(): string;
  /** Managers to ask, the leader (the agent's session) first, without `exclude`. */
  caTargets(exclude?: string): string[];
  managerAddrs(): string[];
  /** Where a promoted node's manager listens and what it announces. */
  managerAddresses(): { listenAddr: string; advertiseAddr: string };
  /** Runs the node as a manager from now on (`joined`: the Renew answer that added it to raft). */
  runAsManager(joined: JoinResult, listenAddr: string, advertiseAddr: string): Promise<void>;
  /** Stops the manager and runs the node as a worker with this certificate and these managers. */
  runAsWorker(manager: Manager, certPem: string, managerAddrs: string[]): Promise<void>;
}

export class RoleChange {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(private readonly host: RoleChangeHost) {}

  /** The change in flight, if any (stop waits for it). */
  get inProgress(): Promise<void> | undefined {
    return this.running;
  }

  /** Serialized: a promotion check or a demotion runs one at a time. */
  request(what: 'check' | 'demote'): void {
    const { host } = this;
    if (host.closing()) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (host.renewing() ?? Promise.resolve())
      .then(() => (what === 'demote' ? this.demote() : this.promoteIfNeeded()))
      .catch((e: unknown) =>
        host.log.warn({ err: e, what }, 'role change failed; will retry on the next manager update'),
      )
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.request(host.manager() ? 'demote' : 'check');
        }
      });
  }

  private async promoteIfNeeded(): Promise<void> {
    const { host } = this;
    if (host.manager()) return;
    let role: string | undefined;
    let via = '';
    for (const addr of host.caTargets()) {
      try {
        role = (await renewCertificate(addr, host.tls(), host.clusterId())).role;
        via = addr;
        break;
      } catch (e) {
        host.log.debug({ err: e, addr }, 'renew failed');
      }
    }
    if (role !== 'manager') return;
    const { listenAddr, advertiseAddr } = host.managerAddresses();
    host.log.info({ listenAddr, advertiseAddr, via }, 'this node was promoted: starting its manager');
    const joined = await renewAsManager(via, host.tls(), host.clusterId(), advertiseAddr);
    await host.runAsManager(joined, listenAddr, advertiseAddr);
    host.log.info({ raftId: joined.raftId }, 'promoted: manager running');
  }

  private async demote(): Promise<void> {
    const { host } = this;
    const m = host.manager();
    if (!m) return;
    const self = m.advertiseAddr;
    let certPem: string | undefined;
    for (const addr of host.caTargets(self)) {
      try {
        const r = await renewCertificate(addr, host.tls(), host.clusterId());
        if (r.role === 'worker') certPem = r.certPem;
        break;
      } catch (e) {
        host.log.debug({ err: e, addr }, 'renew failed');
      }
    }
    if (certPem === undefined) throw new Error('removed from raft, but no manager issued a worker certificate yet');
    host.log.info({}, 'this node was demoted: stopping its manager');
    const others = host.managerAddrs().filter((a) => a !== self);
    await host.runAsWorker(m, certPem, others);
    host.log.info({}, 'demoted: running as a worker');
  }
}
