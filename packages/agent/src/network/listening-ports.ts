// Mesh port conflicts: the TCP and UDP ports processes other than this one listen on, on the node's
// own addresses, read from /proc/net/{tcp,tcp6,udp,udp6}; each named by the process holding its
// socket (the inode found among /proc/PID/fd, looked up only when the set of ports changed). The
// leader refuses to publish a mesh port one of them holds. Loopback-only listeners are left out
// (the mesh's DNAT never takes over 127.0.0.0/8 or ::1); the list is bounded.
import { readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';

export interface ListeningPort {
  port: number;
  protocol: 'tcp' | 'udp';
  addr: string;
  process: string;
  pid: number;
}

export const LISTENING_PORTS_MAX = 64;
/** TCP_LISTEN in /proc/net/tcp; TCP_CLOSE (07) is how an unconnected UDP socket shows. */
const TCP_LISTEN = '0A';
const UDP_UNCONNECTED = '07';

/** One socket of /proc/net/*: its local address, port and inode. */
export interface ProcNetSocket {
  addr: string;
  port: number;
  inode: string;
}

/** Decodes /proc/net's little-endian hex address (8 digits IPv4, 32 digits IPv6). */
export function decodeProcAddr(hex: string): string {
  if (hex.length === 8) {
    const b = Buffer.from(hex, 'hex');
    return `${b[3]}.${b[2]}.${b[1]}.${b[0]}`;
  }
  // IPv6: four 32-bit words, each little-endian.
  const words: string[] = [];
  for (let i = 0; i < 32; i += 8) {
    const w = hex.slice(i, i + 8);
    words.push(w.slice(6, 8) + w.slice(4, 6), w.slice(2, 4) + w.slice(0, 2));
  }
  const groups = words.map((g) => g.toLowerCase().replace(/^0{1,3}/, ''));
  if (groups.slice(0, 5).every((g) => g === '0') && groups[5] === 'ffff') {
    // IPv4-mapped
    const v4 = words.slice(6).join('');
    return `${parseInt(v4.slice(0, 2), 16)}.${parseInt(v4.slice(2, 4), 16)}.${parseInt(v4.slice(4, 6), 16)}.${parseInt(v4.slice(6, 8), 16)}`;
  }
  const text = groups.join(':');
  return text === '0:0:0:0:0:0:0:0' ? '::' : text === '0:0:0:0:0:0:0:1' ? '::1' : text;
}

/** The listening (TCP) or bound unconnected (UDP) sockets of one /proc/net table. */
export function parseProcNet(text: string, protocol: 'tcp' | 'udp'): ProcNetSocket[] {
  const want = protocol === 'tcp' ? TCP_LISTEN : UDP_UNCONNECTED;
  const out: ProcNetSocket[] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10 || f[3] !== want) continue;
    const [addrHex, portHex] = (f[1] ?? '').split(':');
    if (!addrHex || !portHex) continue;
    // UDP sockets with a remote address are connected (clients), not listeners.
    if (protocol === 'udp' && !/^0+:0000$/.test(f[2] ?? '')) continue;
    out.push({ addr: decodeProcAddr(addrHex), port: parseInt(portHex, 16), inode: f[9]! });
  }
  return out;
}

export function isLoopback(addr: string): boolean {
  return addr.startsWith('127.') || addr === '::1';
}

/** Reads the node's listening ports (not loopback-only, not held by `selfPid`), sorted, at most `max`. */
export class ListeningPortScanner {
  private lastKey = '';
  private named = new Map<string, { process: string; pid: number }>();

  constructor(private readonly opts: { procRoot?: string; selfPid?: number; max?: number } = {}) {}

  async scan(): Promise<ListeningPort[]> {
    const proc = this.opts.procRoot ?? '/proc';
    const sockets: Array<ProcNetSocket & { protocol: 'tcp' | 'udp' }> = [];
    for (const [file, protocol] of [
      ['tcp', 'tcp'],
      ['tcp6', 'tcp'],
      ['udp', 'udp'],
      ['udp6', 'udp'],
    ] as const) {
      const text = await readFile(join(proc, 'net', file), 'utf8').catch(() => '');
      for (const s of parseProcNet(text, protocol)) if (!isLoopback(s.addr)) sockets.push({ ...s, protocol });
    }
    const key = sockets
      .map((s) => `${s.protocol}/${s.addr}/${s.port}/${s.inode}`)
      .sort()
      .join(',');
    if (key !== this.lastKey) {
      this.named = await ownersOf(proc, new Set(sockets.map((s) => s.inode)));
      this.lastKey = key;
    }
    const self = this.opts.selfPid ?? process.pid;
    const seen = new Set<string>();
    const out: ListeningPort[] = [];
    for (const s of sockets) {
      const owner = this.named.get(s.inode) ?? { process: '', pid: 0 };
      if (owner.pid === self) continue;
      const k = `${s.protocol}/${s.port}`;
      if (seen.has(k)) continue; // the same port on IPv4 and IPv6, or on several addresses: once
      seen.add(k);
      out.push({ port: s.port, protocol: s.protocol, addr: s.addr, ...owner });
    }
    out.sort((a, b) => a.port - b.port || (a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : 0));
    return out.slice(0, this.opts.max ?? LISTENING_PORTS_MAX);
  }
}

/** Which process holds each socket inode: /proc/PID/fd/* -> socket:[INODE], /proc/PID/comm. */
async function ownersOf(proc: string, inodes: Set<string>): Promise<Map<string, { process: string; pid: number }>> {
  const out = new Map<string, { process: string; pid: number }>();
  if (inodes.size === 0) return out;
  const pids = (await readdir(proc).catch(() => [] as string[])).filter((d) => /^\d+$/.test(d));
  for (const pid of pids) {
    const fds = await readdir(join(proc, pid, 'fd')).catch(() => [] as string[]);
    for (const fd of fds) {
      const target = await readlink(join(proc, pid, 'fd', fd)).catch(() => '');
      const m = /^socket:\[(\d+)\]$/.exec(target);
      if (!m || !inodes.has(m[1]!) || out.has(m[1]!)) continue;
      const comm = (await readFile(join(proc, pid, 'comm'), 'utf8').catch(() => '')).trim();
      out.set(m[1]!, { process: comm, pid: Number(pid) });
    }
    if (out.size === inodes.size) break;
  }
  return out;
}
