// Node deadlines when the leader's own process stalls: a timer that runs late must not mark a node
// down before the heartbeats it sent meanwhile are read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Clock, TimerHandle } from '@clusterctl/common';
import type { ClusterStore } from '@clusterctl/store';
import type { Dispatcher } from './dispatcher.js';
import { LATE_DEADLINE_TOLERANCE_MS } from './nodes.js';
import { addNodes, leaderDispatcher, settle } from './testing/leader-dispatcher.js';

/**
 * A test clock whose timers either run on time (advance) or, as in a process that was not
 * scheduled, all at once after the time has moved on (stall).
 */
class StallingClock implements Clock {
  private t = 1_700_000_000_000;
  private seq = 0;
  private timers: { id: number; at: number; fn: () => void }[] = [];

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    this.timers.push({ id: ++this.seq, at: this.t + Math.max(0, ms), fn });
    return { _timer: this.seq };
  }

  clearTimeout(h: TimerHandle): void {
    this.timers = this.timers.filter((x) => x.id !== h._timer);
  }

  /** Time moves on `ms`; due timers run in order, each at its own time. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const next = this.due(end);
      if (next === undefined) break;
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
    this.t = end;
  }

  /** Time moves on `ms` while nothing runs; then the due timers run, late. */
  stall(ms: number): void {
    this.t += ms;
    for (;;) {
      const next = this.due(this.t);
      if (next === undefined) break;
      next.fn();
    }
  }

  private due(end: number): { id: number; at: number; fn: () => void } | undefined {
    let next: { id: number; at: number; fn: () => void } | undefined;
    for (const x of this.timers) if (x.at <= end && (next === undefined || x.at < next.at)) next = x;
    if (next !== undefined) this.timers = this.timers.filter((x) => x !== next);
    return next;
  }
}

async function setup(): Promise<{
  store: ClusterStore;
  clock: StallingClock;
  d: Dispatcher;
  sessionId: string;
  state: () => string;
}> {
  const clock = new StallingClock();
  const { store, d } = leaderDispatcher(clock);
  d.startLeading(clock.now());
  await addNodes(store, ['n1']);
  const { handle } = await d.openSession('n1', { hostname: 'h1' }, '10.1.1.1');
  const state = (): string => store.view((tx) => tx.get('nodes', 'n1'))!.status.state;
  return { store, clock, d, sessionId: handle.id, state };
}

test('a deadline that runs late because the leader stalled waits for the heartbeats of that time', async () => {
  const { clock, d, sessionId, state } = await setup();
  clock.advance(500);
  d.heartbeat('n1', sessionId);
  // The process is not scheduled for 3 s; the node went on heartbeating (in the socket, unread).
  clock.stall(3000);
  await settle();
  assert.equal(state(), 'ready', 'not marked down by a timer that ran 1 s late');
  // The heartbeats are read now: the node stays up.
  d.heartbeat('n1', sessionId);
  clock.advance(1999);
  await settle();
  assert.equal(state(), 'ready');
  clock.advance(1);
  await settle();
  assert.equal(state(), 'down', 'silent for a whole grace, on time: down');
});

test('after a stall a node that stays silent is marked down once the delay has passed again', async () => {
  const { clock, d, sessionId, state } = await setup();
  d.heartbeat('n1', sessionId);
  clock.stall(2000 + 1200); // the deadline runs 1.2 s late
  await settle();
  assert.equal(state(), 'ready');
  clock.advance(1199);
  await settle();
  assert.equal(state(), 'ready', 'waits as long again as the delay');
  clock.advance(1);
  await settle();
  assert.equal(state(), 'down');
});

test('the wait after a stall is at most the grace', async () => {
  const { clock, d, sessionId, state } = await setup();
  d.heartbeat('n1', sessionId);
  clock.stall(2000 + 5000);
  await settle();
  assert.equal(state(), 'ready');
  clock.advance(1999);
  await settle();
  assert.equal(state(), 'ready');
  clock.advance(1);
  await settle();
  assert.equal(state(), 'down', 'down 2 s (the grace) after the late deadline, not 5 s');
});

test('a deadline waits for a stalled process once: late again, the node is marked down', async () => {
  const { clock, d, sessionId, state } = await setup();
  d.heartbeat('n1', sessionId);
  clock.stall(2000 + 1000);
  await settle();
  assert.equal(state(), 'ready');
  clock.stall(1000 + 3000);
  await settle();
  assert.equal(state(), 'down');
});

test('a deadline late by no more than the tolerance marks the node down as before', async () => {
  const { clock, d, sessionId, state } = await setup();
  d.heartbeat('n1', sessionId);
  clock.stall(2000 + LATE_DEADLINE_TOLERANCE_MS);
  await settle();
  assert.equal(state(), 'down');
});
