// Message-level golden traces (the idea of etcd-io/raft's datadriven interaction tests, inline):
// pin the exact messages of a few basic interactions so behaviour changes are noticed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Network } from './testing/network.js';
import { MemoryStorage } from './memory-storage.js';
import { entsWithTerms } from './testing/helpers.js';
import { MessageType, type Message } from './types.js';

function fmt(m: Message): string {
  let s = `${m.from}->${m.to} ${MessageType[m.type]} t${m.term}`;
  if (m.type === MessageType.App)
    s += ` prev=${m.index}/${m.logTerm} ents=${m.entries.map((e) => `${e.index}@${e.term}`).join(',') || '-'} commit=${m.commit}`;
  if (m.type === MessageType.AppResp)
    s += m.reject ? ` reject ${m.index} hint=${m.rejectHint}/${m.logTerm}` : ` ok ${m.index}`;
  if (m.type === MessageType.PreVote || m.type === MessageType.Vote) s += ` last=${m.index}/${m.logTerm}`;
  if (m.type === MessageType.PreVoteResp || m.type === MessageType.VoteResp) s += m.reject ? ' reject' : ' grant';
  if (m.type === MessageType.Heartbeat) s += ` commit=${m.commit}`;
  return s;
}

test('trace: PreVote election in a 3-node cluster, then one proposal', () => {
  const net = Network.create([1, 2, 3], { preVote: true, checkQuorum: true });
  net.campaign(1);
  net.propose(1, 'a');
  if (process.env.PRINT_TRACE) console.log(JSON.stringify(net.sent.map(fmt), null, 2));
  assert.deepEqual(net.sent.map(fmt), [
    '1->2 PreVote t2 last=3/1',
    '1->3 PreVote t2 last=3/1',
    '2->1 PreVoteResp t2 grant',
    '3->1 PreVoteResp t2 grant',
    '1->2 Vote t2 last=3/1',
    '1->3 Vote t2 last=3/1',
    '2->1 VoteResp t2 grant',
    '3->1 VoteResp t2 grant',
    '1->2 App t2 prev=3/1 ents=4@2 commit=3',
    '1->3 App t2 prev=3/1 ents=4@2 commit=3',
    '2->1 AppResp t2 ok 4',
    '3->1 AppResp t2 ok 4',
    '1->2 App t2 prev=4/2 ents=- commit=4',
    '1->3 App t2 prev=4/2 ents=- commit=4',
    '2->1 AppResp t2 ok 4',
    '3->1 AppResp t2 ok 4',
    '1->2 App t2 prev=4/2 ents=5@2 commit=4',
    '1->3 App t2 prev=4/2 ents=5@2 commit=4',
    '2->1 AppResp t2 ok 5',
    '3->1 AppResp t2 ok 5',
    '1->2 App t2 prev=5/2 ents=- commit=5',
    '1->3 App t2 prev=5/2 ents=- commit=5',
    '2->1 AppResp t2 ok 5',
    '3->1 AppResp t2 ok 5',
  ]);
});

test('trace: a divergent follower is repaired with one hinted rejection', () => {
  const net = new Network();
  const mk = (terms: number[]) => {
    const s = new MemoryStorage();
    s.append(entsWithTerms(...terms));
    s.setHardState({ term: 5, vote: 0, commit: 1 });
    s.setConfState({ voters: [1, 2, 3], learners: [] });
    return s;
  };
  net.addNode(1, mk([1, 3, 3, 3]));
  net.addNode(2, mk([1, 2, 2, 2, 2, 2]));
  net.addNode(3, mk([1, 3, 3, 3]));
  net.ignore(MessageType.Vote);
  net.ignore(MessageType.VoteResp);
  net.node(1).raft.becomeCandidate();
  net.node(1).raft.becomeLeader();
  net.node(1).raft.bcastAppend();
  net.recover();
  net.stabilize();
  const to2 = net.sent.filter((m) => (m.from === 1 && m.to === 2) || (m.from === 2 && m.to === 1)).map(fmt);
  if (process.env.PRINT_TRACE) console.log(JSON.stringify(to2, null, 2));
  assert.deepEqual(to2, [
    '1->2 App t6 prev=4/3 ents=5@6 commit=1',
    '2->1 AppResp t6 reject 4 hint=4/2',
    '1->2 App t6 prev=1/1 ents=2@3,3@3,4@3,5@6 commit=1',
    '2->1 AppResp t6 ok 5',
    '1->2 App t6 prev=5/6 ents=- commit=5',
    '2->1 AppResp t6 ok 5',
  ]);
});
