// State the driver keeps next to the application's state machine and replicates with it (it is a
// pure function of the applied log, and travels inside snapshots):
//  - the dedup table of recent proposal ids, so a retried proposal applies at most once;
//  - the member table (node id -> the context given when it was added, e.g. its address).

import { ByteReader, ByteWriter, CodecError } from './codec.js';
import type { NodeId } from '@clusterctl/raft';

interface ProposerWindow {
  /** Every seq <= floor is settled (applied, or given up by its proposer). */
  floor: number;
  /** Applied seqs above the floor. */
  applied: Set<number>;
  /** Log index of the last entry seen from this proposer (for pruning idle proposers). */
  lastIndex: number;
}

export interface Member {
  id: NodeId;
  learner: boolean;
  context: Uint8Array;
}

export class ReplicatedMeta {
  private proposers = new Map<number, ProposerWindow>();
  readonly members = new Map<NodeId, Member>();

  /**
   * Records (proposerId, seq) applied at `index`. Returns true when it is a duplicate (or a proposal
   * its proposer had already given up on) that must NOT be applied again.
   */
  checkAndRecord(proposerId: number, seq: number, minPending: number, index: number): boolean {
    let w = this.proposers.get(proposerId);
    if (w === undefined) {
      w = { floor: 0, applied: new Set(), lastIndex: index };
      this.proposers.set(proposerId, w);
    }
    w.lastIndex = index;
    if (minPending - 1 > w.floor) {
      w.floor = minPending - 1;
      for (const s of w.applied) if (s <= w.floor) w.applied.delete(s);
    }
    if (seq <= w.floor || w.applied.has(seq)) return true;
    w.applied.add(seq);
    return false;
  }

  /** Makes the member table agree with raft's ConfState (which is authoritative). */
  reconcileMembers(cs: { voters: NodeId[]; learners: NodeId[] }): void {
    const voters = new Set(cs.voters);
    const learners = new Set(cs.learners);
    for (const id of [...this.members.keys()]) if (!voters.has(id) && !learners.has(id)) this.members.delete(id);
    for (const id of [...voters, ...learners]) {
      const m = this.members.get(id);
      const learner = learners.has(id);
      if (m === undefined) this.members.set(id, { id, learner, context: new Uint8Array(0) });
      else m.learner = learner;
    }
  }

  /** True if (proposerId, seq) applied (or was settled by its proposer). */
  wasApplied(proposerId: number, seq: number): boolean {
    const w = this.proposers.get(proposerId);
    return w !== undefined && (seq <= w.floor || w.applied.has(seq));
  }

  /** Forgets proposers idle for more than `retentionEntries` log entries. */
  prune(index: number, retentionEntries: number): void {
    for (const [id, w] of this.proposers) if (w.lastIndex + retentionEntries < index) this.proposers.delete(id);
  }

  get proposerCount(): number {
    return this.proposers.size;
  }

  // Snapshot wrapper: [ver u8][members][proposers][app snapshot bytes]
  encode(appSnapshot: Uint8Array): Uint8Array {
    return this.capture()(appSnapshot);
  }

  /** encode() with this table as of now and the application's bytes given later. */
  capture(): (appSnapshot: Uint8Array) => Uint8Array {
    const w = new ByteWriter(256);
    w.u8(1);
    w.u32(this.members.size);
    for (const m of [...this.members.values()].sort((a, b) => a.id - b.id))
      w.u64(m.id)
        .u8(m.learner ? 1 : 0)
        .bytes(m.context);
    w.u32(this.proposers.size);
    for (const [id, p] of this.proposers) {
      w.u64(id).u64(p.floor).u64(p.lastIndex).u32(p.applied.size);
      for (const s of p.applied) w.u64(s);
    }
    const head = Buffer.from(w.finish());
    return (appSnapshot) => {
      const out = Buffer.allocUnsafe(head.length + 4 + appSnapshot.length);
      head.copy(out, 0);
      out.writeUInt32BE(appSnapshot.length, head.length); // as ByteWriter.bytes: length-prefixed
      out.set(appSnapshot, head.length + 4);
      return out;
    };
  }

  /** Replaces this table with the one in a snapshot; returns the application's snapshot bytes. */
  restore(data: Uint8Array): Uint8Array {
    if (data.length === 0) {
      this.members.clear();
      this.proposers.clear();
      return data;
    }
    const r = new ByteReader(data, 'raft snapshot envelope');
    const ver = r.u8();
    if (ver !== 1) throw new CodecError(`raft snapshot envelope: unknown version ${ver}`);
    this.members.clear();
    for (let n = r.u32(); n > 0; n--) {
      const id = r.u64();
      const learner = r.u8() === 1;
      this.members.set(id, { id, learner, context: r.bytes() });
    }
    this.proposers.clear();
    for (let n = r.u32(); n > 0; n--) {
      const id = r.u64();
      const floor = r.u64();
      const lastIndex = r.u64();
      const applied = new Set<number>();
      for (let k = r.u32(); k > 0; k--) applied.add(r.u64());
      this.proposers.set(id, { floor, applied, lastIndex });
    }
    const app = r.bytes();
    r.end();
    return app;
  }
}
