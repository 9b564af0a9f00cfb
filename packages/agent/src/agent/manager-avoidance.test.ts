// Which managers the agent dials last and which redirects it follows: an unreachable manager is never
// gone back to on a follower's word while avoided; one that only answered heartbeats late is, once.
// And a heartbeat call that timed out is retried on the same session before the session ends.
// Fake time: no timed test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HEARTBEAT_TIMEOUT_RETRIES } from '@clusterctl/common';
import { afterHeartbeatError, ManagerAvoidance } from './manager-avoidance.js';

function avoidance(avoidForMs = 5_000): { a: ManagerAvoidance; advance: (ms: number) => void } {
  let t = 1_000_000;
  return { a: new ManagerAvoidance(() => t, avoidForMs), advance: (ms) => void (t += ms) };
}

test('an unreachable manager is avoided and redirects to it are not followed, until the time is out', () => {
  const { a, advance } = avoidance();
  a.markUnreachable('m1');
  assert.equal(a.reason('m1'), 'unreachable');
  assert.equal(a.isAvoided('m1'), true);
  assert.equal(a.followRedirect('m1'), false);
  assert.equal(a.followRedirect('m1'), false);
  assert.equal(a.isAvoided('m2'), false);
  assert.equal(a.followRedirect('m2'), true, 'any other address is followed');
  advance(4_999);
  assert.equal(a.followRedirect('m1'), false);
  advance(1);
  assert.equal(a.isAvoided('m1'), false);
  assert.equal(a.followRedirect('m1'), true);
});

test('a slow manager is dialled last, but one redirect to it is followed (the followers still name it)', () => {
  const { a, advance } = avoidance();
  a.markSlow('m1');
  assert.equal(a.reason('m1'), 'slow');
  assert.equal(a.isAvoided('m1'), true, 'not the first pick of the round robin');
  assert.equal(a.followRedirect('m1'), true, 'the first redirect to it is followed');
  assert.equal(a.followRedirect('m1'), false, 'a second one, without a session in between, is not');
  // It kept a session, then was slow again: one more redirect to it.
  a.clear('m1');
  assert.equal(a.isAvoided('m1'), false);
  a.markSlow('m1');
  assert.equal(a.followRedirect('m1'), true);
  advance(5_000);
  assert.equal(a.isAvoided('m1'), false);
});

test('slow does not soften unreachable; unreachable replaces slow', () => {
  const { a } = avoidance();
  a.markUnreachable('m1');
  a.markSlow('m1');
  assert.equal(a.reason('m1'), 'unreachable');
  a.markSlow('m2');
  a.markUnreachable('m2');
  assert.equal(a.reason('m2'), 'unreachable');
  assert.equal(a.followRedirect('m2'), false);
});

test('a heartbeat that timed out is retried on the same session once; a second timeout or any other error ends it', () => {
  assert.equal(HEARTBEAT_TIMEOUT_RETRIES, 1);
  assert.equal(afterHeartbeatError(true, 0, HEARTBEAT_TIMEOUT_RETRIES), 'retry');
  assert.equal(afterHeartbeatError(true, 1, HEARTBEAT_TIMEOUT_RETRIES), 'end');
  assert.equal(afterHeartbeatError(false, 0, HEARTBEAT_TIMEOUT_RETRIES), 'end', 'NOT_FOUND, UNAVAILABLE: at once');
  assert.equal(afterHeartbeatError(true, 0, 0), 'end', 'no retries configured: as before');
});
