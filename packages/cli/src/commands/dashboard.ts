// clusterctl dashboard: the address of this manager's web dashboard and a login link whose token
// the manager signs (read-only unless --allow-actions; valid for --ttl, 1h by default, 24h at most).
// `--revoke` makes every manager refuse the links issued until now.
import { DAY_MS, SECOND_MS } from '@clusterctl/common';
import type { Ctx } from '../context.js';
import { parseDurationMs, usageError } from '../parse.js';
import type { Output } from '../render.js';

export async function dashboardCmd(
  ctx: Ctx,
  o: { allowActions?: boolean; ttl?: string; revoke?: boolean },
): Promise<Output> {
  if (o.revoke === true) return revoke(ctx, o);
  const ttlMs = o.ttl === undefined ? 0 : parseDurationMs('--ttl', o.ttl, DAY_MS);
  if (o.ttl !== undefined && ttlMs < SECOND_MS)
    throw usageError(`--ttl ${o.ttl} is shorter than a second`, 'give --ttl between 1s and 24h, e.g. --ttl 15m');
  const r = await ctx.client().local('dashboardLogin', { ttlMs, allowActions: o.allowActions === true });
  const expiresAt = new Date(Number(r.expiresAt)).toISOString();
  return {
    kind: 'text',
    lines: [
      `Dashboard: https://${r.addr}/ (HTTPS with the cluster's certificate: trust \`clusterctl cluster ca\` to avoid the browser's warning)`,
      `Login link (${r.allowActions ? 'actions allowed' : 'read-only'}, valid until ${expiresAt}):`,
      r.url,
    ],
    json: { addr: r.addr, url: r.url, token: r.token, expiresAt, allowActions: r.allowActions },
  };
}

/**
 * Every login link issued until now is refused by every manager from now on, and the sessions they
 * opened are closed (within the dashboard's 2 s refresh on each manager).
 */
async function revoke(ctx: Ctx, o: { allowActions?: boolean; ttl?: string }): Promise<Output> {
  if (o.allowActions === true || o.ttl !== undefined)
    throw usageError(
      '--revoke issues no link: --allow-actions and --ttl do not go with it',
      'run `clusterctl dashboard --revoke`, then `clusterctl dashboard` for a new link',
    );
  const info = await ctx.client().control('updateCluster', { revokeDashboardTokens: true });
  const notBefore = new Date(Number(info.dashboardTokensNotBefore)).toISOString();
  return {
    kind: 'text',
    lines: [
      `Every dashboard link issued before ${notBefore} is refused now; the sessions they opened are closed.`,
      'A new link: clusterctl dashboard',
    ],
    json: { revokedBefore: notBefore },
  };
}
