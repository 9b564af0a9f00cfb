// One compose file read with the `yaml` package: its value as plain data (anchors, aliases and `<<`
// merge keys resolved) and the line of every key and sequence item, so a problem found later (schema,
// interpolation, conversion) names the line it comes from.
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type ScalarTag,
} from 'yaml';
import { formatPath, type Problem, type YamlPath } from './problems.js';

/** Lines (1-based) by formatted path (`services.web.ports[0]`). */
export type Lines = ReadonlyMap<string, number>;

export interface SourceFile {
  /** The name problems show (the path as given on the command line). */
  name: string;
  value: unknown;
  lines: Lines;
}

/** Aliases expanded per document at most this many times (a "billion laughs" file is refused). */
const MAX_ALIAS_COUNT = 1000;

/**
 * `mode: 0440` is octal in compose files (Docker's YAML reader takes a leading 0 as octal); YAML 1.2
 * would read it as 440.
 */
const LEGACY_OCTAL: ScalarTag = {
  identify: (v) => typeof v === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:int',
  test: /^0[0-7]+$/,
  resolve: (s) => parseInt(s, 8),
};

/** Parses one compose file; YAML errors come back as problems with their line, and no value. */
export function readYaml(name: string, text: string): { file?: SourceFile; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    merge: true,
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    customTags: (tags) => [LEGACY_OCTAL, ...tags],
  });
  const problems: Problem[] = doc.errors.map((e) => ({
    file: name,
    path: [],
    line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
    message: e.message.split('\n')[0] ?? e.message,
  }));
  if (problems.length > 0) return { problems };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (e) {
    return { problems: [{ file: name, path: [], message: (e as Error).message }] };
  }
  if (value === null || value === undefined) value = {};
  const lines = new Map<string, number>();
  const lineOf = (n: Node | null | undefined): number | undefined =>
    n?.range ? lineCounter.linePos(n.range[0]).line : undefined;
  walk(doc, doc.contents, [], lines, lineOf, 0);
  return { file: { name, value, lines }, problems: [] };
}

/** Records the line of every key and item under `node` at `path` (an explicit key wins over a merged one). */
function walk(
  doc: Document,
  node: unknown,
  path: YamlPath,
  lines: Map<string, number>,
  lineOf: (n: Node | null | undefined) => number | undefined,
  depth: number,
): void {
  if (depth > 64) return;
  const target = isAlias(node) ? node.resolve(doc) : node;
  if (isMap(target)) {
    const merged: unknown[] = [];
    for (const pair of target.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (key === '<<') {
        merged.push(pair.value);
        continue;
      }
      const p = [...path, key];
      const line = lineOf(pair.key as Node) ?? lineOf(pair.value as Node);
      if (line !== undefined) lines.set(formatPath(p), line);
      walk(doc, pair.value, p, lines, lineOf, depth + 1);
    }
    // merged keys: only where no explicit key (or earlier merge) gave the line
    for (const m of merged) {
      const sources = isSeq(m) ? m.items : [m];
      for (const s of sources) {
        const probe = new Map<string, number>();
        walk(doc, s, path, probe, lineOf, depth + 1);
        for (const [k, v] of probe) if (!lines.has(k)) lines.set(k, v);
      }
    }
  } else if (isSeq(target)) {
    target.items.forEach((item, i) => {
      const p = [...path, i];
      const line = lineOf(item as Node);
      if (line !== undefined) lines.set(formatPath(p), line);
      walk(doc, item, p, lines, lineOf, depth + 1);
    });
  }
}
