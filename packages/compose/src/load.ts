// Loading compose files: read each (YAML with lines), interpolate its variables (the environment over
// the project's `.env`), check it against the compose-spec schema, merge the files in order, convert
// the result to the typed model. Every problem of every step is collected; any problem refuses the
// whole load with one error that lists them all, so nothing is deployed from a wrong file.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import { convertProject } from './convert.js';
import { interpolateValue, parseDotEnv, type Vars } from './interpolate.js';
import { mergeFiles, normalizeFile } from './merge.js';
import type { ComposeProject } from './model.js';
import { composeError, formatPath, type Problem, type YamlPath } from './problems.js';
import { lineAt, schemaProblems } from './validate.js';
import { readYaml, type SourceFile } from './yaml-source.js';

/** Compose files are small; a larger one is refused before it is parsed. */
export const MAX_COMPOSE_FILE_BYTES = 4 * 1024 * 1024;

export interface ComposeSource {
  /** Shown in problems (the path as given). */
  name: string;
  text: string;
  /** Relative paths in the file are resolved against this folder. */
  dir: string;
}

export interface LoadOptions {
  /** The environment (process.env); wins over `.env`. */
  env: Vars;
  /** The text of the project's `.env` (next to the first file), if any. */
  dotEnv?: { name: string; text: string };
  /** Reads an env_file (KEY=VALUE lines); undefined when it does not exist. */
  readText?: (path: string) => string | undefined;
}

/** Loads compose texts; throws the ClusterError listing every problem. */
export function loadCompose(sources: readonly ComposeSource[], opts: LoadOptions): ComposeProject {
  const names = sources.map((s) => s.name);
  const problems: Problem[] = [];
  const dotEnv = opts.dotEnv ? parseDotEnv(opts.dotEnv.text, opts.dotEnv.name, problems) : {};
  const vars: Vars = { ...dotEnv, ...opts.env };
  const files: SourceFile[] = [];
  let merged: Record<string, unknown> = {};
  for (const src of sources) {
    const { file, problems: yamlProblems } = readYaml(src.name, src.text);
    problems.push(...yamlProblems);
    if (file === undefined) continue;
    const local: Problem[] = [];
    const value = interpolateValue(file.value, vars, src.name, local);
    for (const p of local) p.line = lineAt(file.lines, p.path);
    problems.push(...local);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ file: src.name, path: [], line: 1, message: 'a compose file is a mapping (services: ...)' });
      continue;
    }
    problems.push(...schemaProblems(value, src.name, file.lines));
    files.push(file);
    merged = mergeFiles(merged, normalizeFile(value, src.dir));
  }
  // a file that does not parse stops here; a schema problem does not: the conversion below finds the
  // problems of the values too (one problem per place: the first found)
  if (problems.some((p) => p.path.length === 0 && !files.some((f) => f.name === p.file)))
    throw composeError(problems, names);
  const placed = new Set(problems.map((p) => formatPath(p.path)));

  const readText = opts.readText ?? defaultReadText;
  const project = convertProject(merged, {
    vars,
    readEnvFile: (path) => {
      const text = readText(path);
      if (text === undefined) return undefined;
      return parseDotEnv(text, path, problems);
    },
    problem: (path, message) => {
      if (placed.has(formatPath(path))) return;
      placed.add(formatPath(path));
      problems.push({ ...locate(files, path), path, message });
    },
  });
  if (problems.length > 0) throw composeError(problems, names);
  return project;
}

/** The file and line a path of the merged model comes from: the last file that wrote it. */
function locate(files: readonly SourceFile[], path: YamlPath): { file: string; line?: number } {
  for (let n = path.length; n >= 0; n--) {
    const k = formatPath(path.slice(0, n));
    for (let i = files.length - 1; i >= 0; i--) {
      const line = files[i]!.lines.get(k);
      if (line !== undefined) return { file: files[i]!.name, line };
    }
  }
  return { file: files[files.length - 1]?.name ?? '' };
}

function defaultReadText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Loads compose files from disk (`-c` paths, relative to `cwd`); the `.env` next to the first file
 * takes part in interpolation. A missing or oversized file is refused with the others unread.
 */
export function loadComposeFiles(paths: readonly string[], env: Vars, cwd = process.cwd()): ComposeProject {
  if (paths.length === 0)
    throw new ClusterError(ErrorCode.InvalidArgument, 'no compose file given', {
      hint: 'name one with -c docker-compose.yml',
    });
  const sources: ComposeSource[] = paths.map((p) => {
    const abs = resolve(cwd, p);
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch (e) {
      throw new ClusterError(ErrorCode.InvalidArgument, `cannot read compose file ${p}: ${(e as Error).message}`, {
        hint: 'check the path given with -c',
      });
    }
    if (Buffer.byteLength(text) > MAX_COMPOSE_FILE_BYTES)
      throw new ClusterError(ErrorCode.InvalidArgument, `compose file ${p} is larger than 4 MiB`, {
        hint: 'a compose file describes services; keep data in volumes, secrets or configs',
      });
    return { name: paths.length > 1 ? p : basename(p), text, dir: dirname(abs) };
  });
  const envPath = join(sources[0]!.dir, '.env');
  const dotEnv = existsSync(envPath) ? { name: '.env', text: readFileSync(envPath, 'utf8') } : undefined;
  return loadCompose(sources, { env, ...(dotEnv ? { dotEnv } : {}) });
}
