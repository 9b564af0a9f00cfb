// The IPv4 networks this machine already uses, so `init` can refuse cluster address pools that
// would collide with them: its routes (/proc/net/route) and Docker's networks (the engine's API).
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { CLUSTER_NETWORK } from '@clusterctl/agent';
import type { HostNetwork } from '@clusterctl/manager';

/**
 * Our own data plane's interfaces and Docker network (the bridge `clusterctl0`, the VXLAN device
 * `clusterctl.vx`): left behind by an earlier cluster on this machine (a crash, a data dir wiped),
 * they are not the machine's networks, and the new node's agent reprograms them from its map.
 */
const isOurs = (name: string): boolean => name === CLUSTER_NETWORK || name.startsWith('clusterctl.');

/** /proc/net/route's hex, little-endian IPv4 as a dotted address. */
function hexIpv4(h: string): string {
  const n = Number.parseInt(h, 16);
  return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, n >>> 24].join('.');
}

function maskBits(h: string): number {
  let n = Number.parseInt(h, 16) >>> 0;
  let bits = 0;
  while (n !== 0) {
    bits += n & 1;
    n >>>= 1;
  }
  return bits;
}

/** Routes of /proc/net/route (text) as networks, the default route left out. */
export function parseProcRoutes(text: string): HostNetwork[] {
  const out: HostNetwork[] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 8) continue;
    const [iface, dest, , , , , , mask] = f;
    const bits = maskBits(mask!);
    if (bits === 0 || isOurs(iface!)) continue;
    out.push({ cidr: `${hexIpv4(dest!)}/${bits}`, what: `route via ${iface}` });
  }
  return out;
}

export async function hostRoutes(path = '/proc/net/route'): Promise<HostNetwork[]> {
  try {
    return parseProcRoutes(await readFile(path, 'utf8'));
  } catch {
    return [];
  }
}

/** Subnets of the engine's networks; none when the engine does not answer (the agent reports that itself). */
export function dockerNetworks(socketPath: string, timeoutMs = 3000): Promise<HostNetwork[]> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/networks', method: 'GET', timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        try {
          const nets = JSON.parse(body) as { Name?: string; IPAM?: { Config?: { Subnet?: string }[] | null } }[];
          const out: HostNetwork[] = [];
          for (const n of Array.isArray(nets) ? nets : [])
            if (!isOurs(n.Name ?? ''))
              for (const c of n.IPAM?.Config ?? [])
                if (typeof c.Subnet === 'string' && c.Subnet.includes('.'))
                  out.push({ cidr: c.Subnet, what: `docker network ${n.Name ?? '?'}` });
          resolve(out);
        } catch {
          resolve([]);
        }
      });
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve([]));
    req.end();
  });
}
