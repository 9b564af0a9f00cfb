// What is wrong with a compose file, where: every check collects problems (path, file, line) instead
// of stopping at the first, and one ClusterError lists them all.
import { ClusterError, ErrorCode } from '@clusterctl/common';

export type YamlPath = readonly (string | number)[];

export interface Problem {
  file: string;
  path: YamlPath;
  line?: number;
  message: string;
}

/** `services.web.ports[0].target` */
export function formatPath(path: YamlPath): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

/** `services.web.deploy.replicas (line 14): must be an integer`; the file is named when several are read. */
export function formatProblem(p: Problem, withFile: boolean): string {
  const where = [withFile ? p.file : '', p.line !== undefined ? `line ${p.line}` : '']
    .filter((s) => s !== '')
    .join(' ');
  const path = formatPath(p.path);
  if (path === '') return where === '' ? p.message : `${where}: ${p.message}`;
  return `${path}${where === '' ? '' : ` (${where})`}: ${p.message}`;
}

/** The error a file with problems is refused with (before anything changes on the cluster). */
export function composeError(problems: readonly Problem[], files: readonly string[]): ClusterError {
  const withFile = files.length > 1;
  const sorted = [...problems].sort(
    (a, b) =>
      files.indexOf(a.file) - files.indexOf(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      formatPath(a.path).localeCompare(formatPath(b.path)),
  );
  const lines = sorted.map((p) => formatProblem(p, withFile));
  const head =
    lines.length === 1
      ? `invalid compose file: ${lines[0]}`
      : `invalid compose file (${lines.length} problems):\n  ${lines.join('\n  ')}`;
  return new ClusterError(ErrorCode.InvalidArgument, head, {
    hint: 'fix the file and deploy again; nothing was changed on the cluster',
    details: { problems: sorted.map((p) => ({ ...p, path: formatPath(p.path) })) },
  });
}
