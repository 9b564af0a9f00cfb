// The single renderer: command handlers return an Output (data) and this prints it, as docker-style
// tables / text in the default format or as JSON with --format json. Commands that follow progress
// (service create, logs -f) emit events through a Sink made here, so both formats stay consistent
// (JSON: one object per line).

export type Format = 'table' | 'json';
export const FORMATS: readonly Format[] = ['table', 'json'];

export type Output =
  /** A table (docker style); JSON: `json`. */
  | { kind: 'table'; columns: string[]; rows: string[][]; json: unknown }
  /** Lines of text; JSON: `json`. */
  | { kind: 'text'; lines: string[]; json: unknown }
  /** JSON in both formats (inspect, as `docker inspect`). */
  | { kind: 'json'; json: unknown }
  /** Nothing more to print (a stream already printed everything). */
  | { kind: 'none' };

const COLUMN_GAP = '   ';

export function renderTable(columns: string[], rows: string[][]): string {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join(COLUMN_GAP)
      .trimEnd();
  return [line(columns), ...rows.map(line)].join('\n') + '\n';
}

export function renderJson(v: unknown): string {
  return JSON.stringify(v, null, 2) + '\n';
}

/** The text to print on stdout for an Output. */
export function render(out: Output, format: Format): string {
  switch (out.kind) {
    case 'none':
      return '';
    case 'json':
      return renderJson(out.json);
    case 'table':
      return format === 'json' ? renderJson(out.json) : renderTable(out.columns, out.rows);
    case 'text':
      return format === 'json' ? renderJson(out.json) : out.lines.map((l) => l + '\n').join('');
  }
}

/** Where streaming commands print their events: text lines or JSON lines. */
export interface Sink {
  readonly format: Format;
  event(text: string, json: unknown): void;
}

export function makeSink(format: Format, write: (s: string) => void): Sink {
  return {
    format,
    event(text, json) {
      write(format === 'json' ? JSON.stringify(json) + '\n' : text + '\n');
    },
  };
}

// ----------------------------------------------------------------- cell helpers

/** Docker-style short ids: the first 12 characters unless --no-trunc. */
export function shortId(id: string, noTrunc = false): string {
  return noTrunc ? id : id.slice(0, 12);
}

export function truncate(s: string, max: number, noTrunc = false): string {
  if (noTrunc || s.length <= max) return s;
  return s.slice(0, max - 1) + '…';
}

/** "5 seconds ago", "About a minute ago", "2 hours ago" (docker's human durations). */
export function ago(timestampMs: number, nowMs: number): string {
  if (timestampMs <= 0) return '';
  return `${humanDuration(Math.max(0, nowMs - timestampMs))} ago`;
}

export function humanDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const m = Math.round(s / 60);
  if (m === 1) return 'About a minute';
  if (m < 60) return `${m} minutes`;
  const h = Math.round(m / 60);
  if (h === 1) return 'About an hour';
  if (h < 48) return `${h} hours`;
  return `${Math.round(h / 24)} days`;
}

export function capitalize(s: string): string {
  return s === '' ? s : s[0]!.toUpperCase() + s.slice(1);
}

/** 536870912 -> "512MiB" (exact binary units when they fit, else one decimal). */
export function formatBytes(n: number): string {
  if (n <= 0) return '0B';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)}${units[i]}`;
}

export function formatCpus(nano: number): string {
  return String(nano / 1e9);
}
