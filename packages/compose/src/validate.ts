// Every compose file is checked against the published compose-spec JSON schema (schema/, vendored
// unchanged) with ajv, all errors at once; ajv's errors are turned into one problem per place, with
// the YAML path and line (a `oneOf` that fails in every branch reads "must be a string or a mapping").
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { formatPath, type Problem, type YamlPath } from './problems.js';
import type { Lines } from './yaml-source.js';

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled === undefined) {
    const schema = JSON.parse(readFileSync(new URL('../schema/compose-spec.json', import.meta.url), 'utf8')) as Record<
      string,
      unknown
    >;
    // the schema names draft-07 by its https URL, which ajv knows by its http one
    delete schema['$schema'];
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean (true or false)',
  object: 'a mapping',
  array: 'a list',
  null: 'empty',
};

function pointerPath(pointer: string): YamlPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function orList(words: string[]): string {
  const u = [...new Set(words)];
  return u.length <= 1 ? (u[0] ?? '') : `${u.slice(0, -1).join(', ')} or ${u[u.length - 1]}`;
}

/** Problems of one (interpolated) file against the schema. */
export function schemaProblems(value: unknown, file: string, lines: Lines): Problem[] {
  const validate = validator();
  if (validate(value)) return [];
  const errors = (validate.errors ?? []) as ErrorObject[];
  // the place each error is about (an unknown key: the key itself)
  const at = (e: ErrorObject): YamlPath => {
    const p = pointerPath(e.instancePath);
    if (e.keyword === 'additionalProperties') return [...p, String(e.params['additionalProperty'])];
    return p;
  };
  const byPath = new Map<string, { path: YamlPath; errors: ErrorObject[] }>();
  for (const e of errors) {
    const path = at(e);
    const k = formatPath(path);
    const g = byPath.get(k) ?? { path, errors: [] };
    g.errors.push(e);
    byPath.set(k, g);
  }
  const keys = [...byPath.keys()];
  const problems: Problem[] = [];
  for (const [k, g] of byPath) {
    // a value of the right shape for one branch of a oneOf, wrong deeper down: the deeper problem says it
    const deeper = keys.some((o) => o !== k && (k === '' || o.startsWith(k + '.') || o.startsWith(k + '[')));
    const own = g.errors.filter((e) => !['oneOf', 'anyOf', 'if', 'then', 'else'].includes(e.keyword));
    const typeErrs = own.filter((e) => e.keyword === 'type');
    const other = own.filter((e) => e.keyword !== 'type');
    const msgs: string[] = [];
    for (const e of other) msgs.push(message(e));
    if (typeErrs.length > 0 && !(deeper && other.length === 0)) {
      const types = typeErrs.flatMap((e) => String(e.params['type']).split(','));
      msgs.push(`must be ${orList(types.map((t) => TYPE_NAMES[t] ?? t))}`);
    }
    if (msgs.length === 0 && !deeper && g.errors.length > 0) msgs.push(message(g.errors[0]!));
    for (const m of new Set(msgs)) problems.push({ file, path: g.path, line: lineAt(lines, g.path), message: m });
  }
  return problems;
}

function message(e: ErrorObject): string {
  switch (e.keyword) {
    case 'additionalProperties':
      return 'unknown key (not in the compose specification)';
    case 'enum':
      return `must be one of ${orList((e.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)))}`;
    case 'required':
      return `missing key "${String(e.params['missingProperty'])}"`;
    case 'oneOf':
      return 'matches more than one of the allowed forms';
    case 'pattern':
      return `must match ${String(e.params['pattern'])}`;
    case 'uniqueItems':
      return 'must not list the same item twice';
    default:
      return e.message ?? e.keyword;
  }
}

/** The line of `path`, or of its nearest parent that has one. */
export function lineAt(lines: Lines, path: YamlPath): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const l = lines.get(formatPath(path.slice(0, n)));
    if (l !== undefined) return l;
  }
  return undefined;
}
