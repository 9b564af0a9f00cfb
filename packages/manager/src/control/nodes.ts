// Control API: nodes (get, list, update availability/labels/role, remove). A role change is
// checked here: the last manager cannot be demoted, nor one whose loss would cost quorum; a
// promoted node gets its raft id at once.

import { checkLabels, ClusterError, ErrorCode, versionConflictDetails } from '@clusterctl/common';
import type { NodeRole } from '@clusterctl/ca';
import type { Node, ReadTx } from '@clusterctl/store';
import type { clusterctl } from '@clusterctl/proto';
import { newRaftId } from '../ca/node-ca-service.js';
import type { Call, ControlContext } from './context.js';
import { nodeToProto } from '../api/convert.js';
import { resolveNode } from './lookup.js';

const AVAILABILITIES = ['active', 'pause', 'drain'] as const;

export function nodeMethods(ctx: ControlContext) {
  const { store, raft, deps, read, managerView, reachableFromLeader } = ctx;

  async function getNode(
    call: Call<clusterctl.control.GetNodeRequest, clusterctl.cluster.INode>,
  ): Promise<clusterctl.cluster.INode> {
    const n = await read((tx) => resolveNode(tx, call.request.node));
    return nodeToProto(n, await managerView());
  }

  async function listNodes(
    call: Call<clusterctl.control.ListNodesRequest, clusterctl.control.IListNodesResponse>,
  ): Promise<clusterctl.control.IListNodesResponse> {
    const f = call.request.filters ?? {};
    const nodes = await read((tx) => tx.list('nodes'));
    const mv = await managerView();
    const out = nodes.filter((n) => {
      if (f.id !== undefined && !n.id.startsWith(f.id)) return false;
      if (f.role !== undefined && n.role !== f.role) return false;
      if (f.availability !== undefined && n.availability !== f.availability) return false;
      if (f.hostname !== undefined && n.hostname !== f.hostname) return false;
      if (f.name !== undefined && n.hostname !== f.name && n.name !== f.name) return false;
      if (f.label !== undefined) {
        const [k, v] = f.label.split('=', 2) as [string, string | undefined];
        if (!(k in n.labels) || (v !== undefined && n.labels[k] !== v)) return false;
      }
      return true;
    });
    out.sort((a, b) => a.hostname.localeCompare(b.hostname) || a.id.localeCompare(b.id));
    return { nodes: out.map((n) => nodeToProto(n, mv)) };
  }

  async function updateNode(
    call: Call<clusterctl.control.UpdateNodeRequest, clusterctl.cluster.INode>,
  ): Promise<clusterctl.cluster.INode> {
    const req = call.request;
    const availability = req.availability ?? '';
    if (availability !== '' && !(AVAILABILITIES as readonly string[]).includes(availability)) {
      throw new ClusterError(ErrorCode.InvalidArgument, `invalid availability ${JSON.stringify(availability)}`, {
        hint: 'availability is active, pause or drain',
      });
    }
    const role = req.role ?? '';
    if (role !== '' && role !== 'manager' && role !== 'worker') {
      throw new ClusterError(ErrorCode.InvalidArgument, `invalid role ${JSON.stringify(role)}`, {
        hint: 'role is manager or worker (clusterctl node promote/demote)',
      });
    }
    checkLabels('labelAdd', req.labelAdd ?? {});
    const version = Number(req.version ?? 0);
    await raft.readBarrier();
    const updated = await store.update((tx) => {
      const n = resolveNode(tx, req.node);
      if (version !== 0 && n.meta.version !== version) {
        throw new ClusterError(
          ErrorCode.Conflict,
          `node ${n.id} changed since version ${version} (now ${n.meta.version})`,
          { hint: 'inspect the node again and retry', details: versionConflictDetails(n.meta.version) },
        );
      }
      const labels = { ...n.labels, ...(req.labelAdd ?? {}) };
      for (const k of req.labelRm ?? []) {
        if (!(k in labels))
          throw new ClusterError(ErrorCode.NotFound, `node ${n.hostname} has no label ${JSON.stringify(k)}`, {
            hint: 'see its labels with `clusterctl node inspect`',
          });
        delete labels[k];
      }
      checkLabels('labels', labels);
      let next: Node = {
        ...n,
        labels,
        availability: availability === '' ? n.availability : (availability as Node['availability']),
      };
      if (role !== '' && role !== n.role) next = changeRole(tx, next, role);
      tx.update('nodes', next);
      return next.id;
    });
    const n = await read((tx) => tx.get('nodes', updated));
    if (n === undefined) throw new ClusterError(ErrorCode.NotFound, `node ${updated} was removed meanwhile`);
    return nodeToProto(n, await managerView());
  }

  function changeRole(tx: ReadTx, n: Node, role: NodeRole): Node {
    if (role === 'worker') {
      const managers = tx.list('nodes').filter((m) => m.role === 'manager');
      if (managers.length <= 1)
        throw new ClusterError(ErrorCode.FailedPrecondition, `node ${n.hostname} is the last manager`, {
          hint: 'promote another node first: a cluster needs a manager',
        });
      // Demoting must not cost quorum: the remaining voters must still form a majority of reachable ones.
      const st = raft.status();
      const voters = st.confState.voters.filter((v) => v !== n.managerStatus?.raftId);
      if (raft.isLeader()) {
        const reachable = voters.filter((v) => v === raft.id || reachableFromLeader(st, v)).length;
        if (reachable < Math.floor(voters.length / 2) + 1) {
          throw new ClusterError(
            ErrorCode.FailedPrecondition,
            `demoting ${n.hostname} would leave ${reachable} reachable of ${voters.length} managers: no quorum`,
            {
              hint: 'bring the unreachable managers back (or remove them) first',
              details: {
                voters: voters.map((v) => ({
                  raftId: v,
                  recentActive: st.progress.get(v)?.recentActive ?? null,
                  connected: deps.peerConnected?.(v) ?? null,
                  match: st.progress.get(v)?.match ?? null,
                })),
              },
            },
          );
        }
      }
      const { managerStatus: _ms, ...rest } = n;
      return { ...rest, role: 'worker' };
    }
    // Promotion: the node gets a raft id now; its daemon renews its certificate (role manager) and
    // starts a manager, which the leader adds as a learner and promotes once caught up.
    const taken = new Set(tx.list('nodes').flatMap((m) => (m.managerStatus ? [m.managerStatus.raftId] : [])));
    for (const m of raft.members()) taken.add(m.id);
    return { ...n, role: 'manager', managerStatus: { raftId: newRaftId(taken), addr: '' } };
  }

  async function removeNode(
    call: Call<clusterctl.control.RemoveNodeRequest, clusterctl.control.IEmpty>,
  ): Promise<clusterctl.control.IEmpty> {
    await raft.readBarrier();
    await store.update((tx) => {
      const n = resolveNode(tx, call.request.node);
      if (n.role === 'manager') {
        throw new ClusterError(ErrorCode.FailedPrecondition, `node ${n.hostname} (${n.id}) is a manager`, {
          hint: `demote it first: clusterctl node demote ${n.id}`,
        });
      }
      if (n.status.state === 'ready' && call.request.force !== true) {
        throw new ClusterError(
          ErrorCode.FailedPrecondition,
          `node ${n.hostname} (${n.id}) is ready (its agent is connected)`,
          {
            hint: 'stop the node first (clusterctl leave on it), or remove it anyway with --force',
          },
        );
      }
      tx.delete('nodes', n);
    });
    return {};
  }

  return { getNode, listNodes, updateNode, removeNode };
}
