// The renderings of a ClusterError outside gRPC: the one-line text a person reads (the CLI, the node
// daemon's stderr) and the JSON line the node daemon prints on stdout when it cannot start (next to
// its JSON "ready" line), which the CLI reads back without parsing text.
import { ClusterError, isErrorCode, type ErrorCode } from './errors.js';

const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ');

/** `error: CODE: message` and, when there is one, `hint: ...` (each line ends with a newline). */
export function formatError(e: ClusterError): string {
  return `error: ${e.code}: ${oneLine(e.message)}\n` + (e.hint !== '' ? `hint: ${oneLine(e.hint)}\n` : '');
}

/** The node daemon's start-up failure line on stdout. */
export interface FailedLine {
  event: 'failed';
  code: ErrorCode;
  message: string;
  hint: string;
}

/** The JSON line (with its newline) for a start-up failure. */
export function failedLine(e: ClusterError): string {
  const line: FailedLine = { event: 'failed', code: e.code, message: e.message, hint: e.hint };
  return JSON.stringify(line) + '\n';
}

/** The first start-up failure line in `text` (lines of output) as a ClusterError, if there is one. */
export function parseFailedLine(text: string): ClusterError | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      continue; // a partial line
    }
    const f = v as Partial<FailedLine> | null;
    if (f === null || typeof f !== 'object' || f.event !== 'failed') continue;
    if (typeof f.code !== 'string' || !isErrorCode(f.code) || typeof f.message !== 'string') continue;
    return new ClusterError(f.code, f.message, { hint: typeof f.hint === 'string' ? f.hint : '' });
  }
  return undefined;
}
