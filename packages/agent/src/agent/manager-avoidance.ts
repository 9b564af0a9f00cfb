// Which managers the agent's session dials last for a while, and why. Two reasons are told apart:
// - unreachable: the address did not connect within the connect timeout, or did not answer a
//   session open (a vanished host, a hung process). A redirect to it is not followed: a follower may
//   name a leader that died a moment ago.
// - slow: its heartbeat calls ran past their deadlines on an open connection (a leader starved of
//   CPU answers late). It is dialled last on its own, but a follower's redirect to it is followed
//   once: the followers still hear it as their leader, so it is alive, and waiting the avoidance out
//   would only leave the node without a session (and marked down) for nothing.

export type AvoidReason = 'unreachable' | 'slow';

export class ManagerAvoidance {
  private readonly until = new Map<string, { at: number; reason: AvoidReason; redirectFollowed: boolean }>();

  constructor(
    private readonly now: () => number,
    private readonly avoidForMs: number,
  ) {}

  /** Did not connect or did not answer: dialled last, redirects to it not followed, for avoidForMs. */
  markUnreachable(addr: string): void {
    this.until.set(addr, { at: this.now() + this.avoidForMs, reason: 'unreachable', redirectFollowed: false });
  }

  /** Answered heartbeats too late: dialled last for avoidForMs, one redirect to it followed. */
  markSlow(addr: string): void {
    const cur = this.reason(addr);
    if (cur === 'unreachable') return; // the stronger verdict stands
    this.until.set(addr, { at: this.now() + this.avoidForMs, reason: 'slow', redirectFollowed: false });
  }

  /** The address connected and answered: nothing held against it. */
  clear(addr: string): void {
    this.until.delete(addr);
  }

  /** Why `addr` is avoided now, if it is. */
  reason(addr: string): AvoidReason | undefined {
    const e = this.until.get(addr);
    if (e === undefined) return undefined;
    if (e.at > this.now()) return e.reason;
    this.until.delete(addr);
    return undefined;
  }

  isAvoided(addr: string): boolean {
    return this.reason(addr) !== undefined;
  }

  /**
   * A follower redirects to `addr`: follow it? Yes unless it is unreachable, or slow and one redirect
   * to it was already followed since it was marked (it then did not keep a session either).
   */
  followRedirect(addr: string): boolean {
    const reason = this.reason(addr);
    if (reason === undefined) return true;
    if (reason === 'unreachable') return false;
    const e = this.until.get(addr)!;
    if (e.redirectFollowed) return false;
    e.redirectFollowed = true;
    return true;
  }
}

/**
 * What a failed heartbeat call does to the session: a deadline that ran out is retried at once on
 * the same session while fewer than `retries` retries were made in a row (the manager may only be
 * slow); any other error, or one more timeout, ends the session.
 */
export function afterHeartbeatError(timedOut: boolean, retriesInRow: number, retries: number): 'retry' | 'end' {
  return timedOut && retriesInRow < retries ? 'retry' : 'end';
}
