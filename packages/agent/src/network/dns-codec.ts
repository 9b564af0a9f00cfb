// The little of DNS (RFC 1035) the node's resolver needs: read a query's header and question, write
// an answer with A records (names compressed to the question), or an error code. Anything else is
// forwarded as raw bytes and never parsed here.

export const DnsType = { A: 1, AAAA: 28, ANY: 255 } as const;
export const DnsRcode = { NoError: 0, FormErr: 1, ServFail: 2, NxDomain: 3, NotImp: 4, Refused: 5 } as const;

export interface DnsQuestion {
  /** Lower case, no trailing dot. */
  name: string;
  type: number;
  class: number;
}

export interface DnsQuery {
  id: number;
  /** Recursion desired (echoed in the answer). */
  rd: boolean;
  opcode: number;
  question: DnsQuestion;
  /** Bytes of the question section (echoed in the answer as they came). */
  questionBytes: Buffer;
}

const MAX_LABELS = 127;

/** The query's header and first question; undefined when it is not a well-formed standard query. */
export function parseQuery(buf: Buffer): DnsQuery | undefined {
  if (buf.length < 12) return undefined;
  const id = buf.readUInt16BE(0);
  const flags = buf.readUInt16BE(2);
  if (flags & 0x8000) return undefined; // a response
  const qdcount = buf.readUInt16BE(4);
  if (qdcount < 1) return undefined;
  let pos = 12;
  const labels: string[] = [];
  for (;;) {
    if (pos >= buf.length || labels.length > MAX_LABELS) return undefined;
    const len = buf[pos]!;
    if (len === 0) {
      pos++;
      break;
    }
    if (len & 0xc0) return undefined; // no compression in a question we read
    if (pos + 1 + len > buf.length) return undefined;
    labels.push(buf.toString('latin1', pos + 1, pos + 1 + len));
    pos += 1 + len;
  }
  if (pos + 4 > buf.length) return undefined;
  const type = buf.readUInt16BE(pos);
  const cls = buf.readUInt16BE(pos + 2);
  pos += 4;
  return {
    id,
    rd: (flags & 0x0100) !== 0,
    opcode: (flags >> 11) & 0xf,
    question: { name: labels.join('.').toLowerCase(), type, class: cls },
    questionBytes: buf.subarray(12, pos),
  };
}

export function encodeName(name: string): Buffer {
  const parts: Buffer[] = [];
  for (const label of name.split('.').filter((l) => l !== '')) {
    const b = Buffer.from(label, 'latin1');
    if (b.length > 63) throw new Error(`DNS label longer than 63 bytes: ${label}`);
    parts.push(Buffer.from([b.length]), b);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

/** An answer to `q`: A records for `ips` (all named as the question, TTL ttlS), or just an rcode. */
export function encodeResponse(
  q: DnsQuery,
  opts: { rcode: number; ips?: string[]; ttlS?: number; aa?: boolean },
): Buffer {
  const ips = opts.rcode === DnsRcode.NoError ? (opts.ips ?? []) : [];
  const header = Buffer.alloc(12);
  header.writeUInt16BE(q.id, 0);
  // QR, opcode echoed, AA when authoritative, RD echoed, RA set (we forward), rcode.
  const flags = 0x8000 | (q.opcode << 11) | (opts.aa ? 0x0400 : 0) | (q.rd ? 0x0100 : 0) | 0x0080 | (opts.rcode & 0xf);
  header.writeUInt16BE(flags, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(ips.length, 6);
  header.writeUInt16BE(0, 8);
  header.writeUInt16BE(0, 10);
  const answers = ips.map((ip) => {
    const rr = Buffer.alloc(16);
    rr.writeUInt16BE(0xc00c, 0); // the question's name
    rr.writeUInt16BE(DnsType.A, 2);
    rr.writeUInt16BE(1, 4); // IN
    rr.writeUInt32BE(opts.ttlS ?? 5, 6);
    rr.writeUInt16BE(4, 10);
    const o = ip.split('.').map(Number);
    for (let i = 0; i < 4; i++) rr[12 + i] = o[i] ?? 0;
    return rr;
  });
  return Buffer.concat([header, q.questionBytes, ...answers]);
}

/** A query (what clients send; tests and the forwarder's probes). */
export function encodeQuery(id: number, name: string, type: number = DnsType.A): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x0100, 2);
  header.writeUInt16BE(1, 4);
  const tail = Buffer.alloc(4);
  tail.writeUInt16BE(type, 0);
  tail.writeUInt16BE(1, 2);
  return Buffer.concat([header, encodeName(name), tail]);
}

/** The rcode and A records of a response (tests). */
export function parseResponse(buf: Buffer): { id: number; rcode: number; ttls: number[]; ips: string[] } {
  const id = buf.readUInt16BE(0);
  const rcode = buf.readUInt16BE(2) & 0xf;
  const qd = buf.readUInt16BE(4);
  const an = buf.readUInt16BE(6);
  let pos = 12;
  const skipName = (): void => {
    for (;;) {
      const len = buf[pos]!;
      if (len === 0) return void pos++;
      if ((len & 0xc0) === 0xc0) return void (pos += 2);
      pos += 1 + len;
    }
  };
  for (let i = 0; i < qd; i++) {
    skipName();
    pos += 4;
  }
  const ips: string[] = [];
  const ttls: number[] = [];
  for (let i = 0; i < an; i++) {
    skipName();
    const type = buf.readUInt16BE(pos);
    const ttl = buf.readUInt32BE(pos + 4);
    const len = buf.readUInt16BE(pos + 8);
    pos += 10;
    if (type === DnsType.A && len === 4) {
      ips.push([...buf.subarray(pos, pos + 4)].join('.'));
      ttls.push(ttl);
    }
    pos += len;
  }
  return { id, rcode, ttls, ips };
}
