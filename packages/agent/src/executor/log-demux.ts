// Docker's log stream for a container without a TTY is multiplexed: frames of an 8-byte header
// [stream (1 = stdout, 2 = stderr), 0, 0, 0, payload length (uint32 big-endian)] then the payload.
// With timestamps=1 every log line starts with an RFC 3339 time and a space. This turns such a byte
// stream (in arbitrary chunks) into whole lines per stream. A TTY container's stream is raw stdout.
import type { LogLine } from './executor.js';

type StreamName = LogLine['stream'];

const HEADER_BYTES = 8;

export class LogDemuxer {
  private pending: Buffer = Buffer.alloc(0);
  private readonly partial: Record<StreamName, string> = { stdout: '', stderr: '' };
  private readonly decoders = { stdout: new TextDecoder('utf-8'), stderr: new TextDecoder('utf-8') };

  constructor(private readonly opts: { multiplexed: boolean; timestamps: boolean }) {}

  /** Feeds bytes; returns the lines completed by them. */
  push(chunk: Buffer): LogLine[] {
    const out: LogLine[] = [];
    if (!this.opts.multiplexed) {
      this.text('stdout', chunk, out);
      return out;
    }
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    let at = 0;
    while (this.pending.length - at >= HEADER_BYTES) {
      const kind = this.pending[at]!;
      const size = this.pending.readUInt32BE(at + 4);
      if (this.pending.length - at - HEADER_BYTES < size) break;
      const payload = this.pending.subarray(at + HEADER_BYTES, at + HEADER_BYTES + size);
      at += HEADER_BYTES + size;
      // 0 = stdin (never in logs); anything unknown is treated as stdout rather than dropped.
      this.text(kind === 2 ? 'stderr' : 'stdout', payload, out);
    }
    this.pending = this.pending.subarray(at);
    return out;
  }

  /** Flushes unterminated last lines (the stream ended). */
  end(): LogLine[] {
    const out: LogLine[] = [];
    for (const stream of ['stdout', 'stderr'] as const) {
      const rest = this.partial[stream] + this.decoders[stream].decode();
      this.partial[stream] = '';
      if (rest !== '') out.push(this.line(stream, rest));
    }
    this.pending = Buffer.alloc(0);
    return out;
  }

  private text(stream: StreamName, bytes: Buffer, out: LogLine[]): void {
    let text = this.partial[stream] + this.decoders[stream].decode(bytes, { stream: true });
    let nl: number;
    while ((nl = text.indexOf('\n')) >= 0) {
      out.push(this.line(stream, text.slice(0, nl)));
      text = text.slice(nl + 1);
    }
    this.partial[stream] = text;
  }

  private line(stream: StreamName, raw: string): LogLine {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    let timestamp = Date.now();
    if (this.opts.timestamps) {
      const space = line.indexOf(' ');
      const parsed = space > 0 ? Date.parse(line.slice(0, space)) : NaN;
      if (!Number.isNaN(parsed)) {
        timestamp = parsed;
        line = line.slice(space + 1);
      }
    }
    return { stream, line, timestamp };
  }
}

/** Builds one multiplexed frame (for tests and for the fake executor). */
export function muxFrame(stream: StreamName, payload: string | Buffer): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const header = Buffer.alloc(HEADER_BYTES);
  header[0] = stream === 'stderr' ? 2 : 1;
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}
