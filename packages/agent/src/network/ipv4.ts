// IPv4 addresses and prefixes as the data plane needs them: parse, contain, derive a node's bridge
// gateway and its VXLAN endpoint address and MAC from its subnet and index.

export interface Cidr {
  /** The network address as an unsigned 32-bit integer. */
  base: number;
  bits: number;
}

export function parseIp(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s.trim());
  if (!m) return undefined;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const o = Number(m[i]);
    if (o > 255) return undefined;
    n = n * 256 + o;
  }
  return n;
}

export function formatIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function parseCidr(s: string): Cidr | undefined {
  const [ip, bitsText, extra] = s.trim().split('/');
  if (extra !== undefined || ip === undefined || bitsText === undefined || !/^\d{1,2}$/.test(bitsText))
    return undefined;
  const bits = Number(bitsText);
  const addr = parseIp(ip);
  if (addr === undefined || bits > 32) return undefined;
  return { base: (addr & mask(bits)) >>> 0, bits };
}

export function formatCidr(c: Cidr): string {
  return `${formatIp(c.base)}/${c.bits}`;
}

function mask(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

export function cidrContains(c: Cidr, ip: number): boolean {
  return (ip & mask(c.bits)) >>> 0 === c.base;
}

/** `ip` (dotted) lies in `cidr` (text); false when either does not parse. */
export function inCidr(cidr: string, ip: string): boolean {
  const c = parseCidr(cidr);
  const a = parseIp(ip);
  return c !== undefined && a !== undefined && cidrContains(c, a);
}

/** The first host address of a subnet: the gateway Docker gives the node's bridge (x.y.z.1 of a /24). */
export function gatewayOf(subnet: string): string {
  const c = parseCidr(subnet);
  if (!c) throw new Error(`not a subnet: ${subnet}`);
  return formatIp(c.base + 1);
}

/** The network address of a subnet (x.y.z.0 of a /24): the node's VXLAN endpoint address, as Flannel does. */
export function networkAddressOf(subnet: string): string {
  const c = parseCidr(subnet);
  if (!c) throw new Error(`not a subnet: ${subnet}`);
  return formatIp(c.base);
}

/** The VXLAN device MAC of the node with this index: locally administered, unicast, stable. */
export function vtepMac(index: number): string {
  const hex = (n: number): string => n.toString(16).padStart(2, '0');
  return `0e:cc:00:00:${hex((index >>> 8) & 255)}:${hex(index & 255)}`;
}
