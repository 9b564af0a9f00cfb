// Docker's log stream for a container without a TTY is multiplexed: frames of an 8-byte header
// [stream (1 = stdout, 2 = stderr), 0, 0, 0, payload length (uint32 big-endian)] then the payload.
// With timestamps=1 every log message (a line, or a piece of a very long line) starts with an
// RFC 3339 time and a space. This turns such a byte stream (in arbitrary chunks) into whole lines
// per stream, each stamped with its time. A TTY container's stream is raw stdout.
import type { LogLine } from './executor.js';

type StreamName = LogLine['stream'];

const HEADER_BYTES = 8;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** ms since the epoch for an RFC 3339 time as the engine writes it, else NaN. */
function parseStamp(s: string): number {
  return RFC3339.test(s) ? Date.parse(s) : NaN;
}

export class LogDemuxer {
  private pending: Buffer = Buffer.alloc(0);
  private readonly partial: Record<StreamName, string> = { stdout: '', stderr: '' };
  private readonly decoders = { stdout: new TextDecoder('utf-8'), stderr: new TextDecoder('utf-8') };
  /** Time of the frame that began the unfinished line of each stream (multiplexed + timestamps). */
  private readonly lineStart: Record<StreamName, number | undefined> = { stdout: undefined, stderr: undefined };

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
      const stream = kind === 2 ? 'stderr' : 'stdout';
      if (this.opts.timestamps) this.frameWithTimestamp(stream, payload, out);
      else this.text(stream, payload, out);
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
      const start = this.lineStart[stream];
      this.lineStart[stream] = undefined;
      if (rest === '') continue;
      out.push(start !== undefined ? this.stamped(stream, rest, start) : this.line(stream, rest));
    }
    this.pending = Buffer.alloc(0);
    return out;
  }

  /**
   * The engine writes one frame per log message, the message's time first. A line longer than the
   * engine's buffer arrives as several messages, each with its own time: strip every frame's time
   * and stamp the line with the time of the frame that began it.
   */
  private frameWithTimestamp(stream: StreamName, payload: Buffer, out: LogLine[]): void {
    const space = payload.indexOf(0x20);
    const t = space > 0 && space <= 40 ? parseStamp(payload.subarray(0, space).toString('latin1')) : NaN;
    if (Number.isNaN(t)) {
      this.text(stream, payload, out);
      return;
    }
    let start = this.partial[stream] === '' ? t : (this.lineStart[stream] ?? t);
    let text = this.partial[stream] + this.decoders[stream].decode(payload.subarray(space + 1), { stream: true });
    let nl: number;
    while ((nl = text.indexOf('\n')) >= 0) {
      out.push(this.stamped(stream, text.slice(0, nl), start));
      text = text.slice(nl + 1);
      start = t;
    }
    this.partial[stream] = text;
    this.lineStart[stream] = text === '' ? undefined : start;
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

  private stamped(stream: StreamName, raw: string, timestamp: number): LogLine {
    return { stream, line: raw.endsWith('\r') ? raw.slice(0, -1) : raw, timestamp };
  }

  private line(stream: StreamName, raw: string): LogLine {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    let timestamp = Date.now();
    if (this.opts.timestamps) {
      const space = line.indexOf(' ');
      const parsed = space > 0 ? parseStamp(line.slice(0, space)) : NaN;
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
