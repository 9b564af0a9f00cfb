// IPv4 addresses and CIDR blocks as the cluster network uses them (numbers, not strings, inside).

import { ClusterError, ErrorCode } from '@clusterctl/common';

export interface Cidr {
  /** The network address as an unsigned 32-bit number. */
  base: number;
  prefix: number;
}

const IPV4_RE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The address as a number, or undefined when `s` is not a dotted IPv4 address. */
export function parseIpv4(s: string): number | undefined {
  const m = IPV4_RE.exec(s);
  if (m === null) return undefined;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const part = m[i]!;
    if (part.length > 1 && part.startsWith('0')) return undefined;
    const v = Number(part);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

export function formatIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The block, or undefined when `s` is not A.B.C.D/N with the host bits zero. */
export function parseCidr(s: string): Cidr | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const base = parseIpv4(s.slice(0, slash));
  const bits = s.slice(slash + 1);
  if (base === undefined || !/^\d{1,2}$/.test(bits)) return undefined;
  const prefix = Number(bits);
  if (prefix > 32) return undefined;
  if (base % blockSize(prefix) !== 0) return undefined;
  return { base, prefix };
}

/** Like parseCidr, but INVALID_ARGUMENT naming `field` (and how to write one) when it is not one. */
export function requireCidr(field: string, s: string): Cidr {
  const c = parseCidr(s);
  if (c === undefined) {
    throw new ClusterError(ErrorCode.InvalidArgument, `${field}: ${JSON.stringify(s)} is not an IPv4 CIDR block`, {
      hint: 'write it as ADDRESS/PREFIX with the host bits zero, e.g. 10.240.0.0/16',
      details: { field },
    });
  }
  return c;
}

export function formatCidr(c: Cidr): string {
  return `${formatIpv4(c.base)}/${c.prefix}`;
}

/** Addresses in a block of this prefix length. */
export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

export function cidrContains(c: Cidr, addr: number): boolean {
  return addr >= c.base && addr < c.base + blockSize(c.prefix);
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return cidrContains(a, b.base) || cidrContains(b, a.base);
}
