// Compose variable interpolation in every string value (keys stay as written): `$VAR`, `${VAR}`,
// `${VAR:-default}` (unset or empty), `${VAR-default}` (unset), `${VAR:?message}` / `${VAR?message}`
// (an error when unset or empty / unset), `${VAR:+other}` / `${VAR+other}`, and `$$` for a literal
// `$`. Defaults may themselves hold variables. Top-level `x-` extension fields are left as written.
import type { Problem, YamlPath } from './problems.js';

export type Vars = Readonly<Record<string, string | undefined>>;

class InterpolationError extends Error {}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*/;

/** One string, interpolated; throws InterpolationError with the reason. */
export function interpolateString(s: string, vars: Vars): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = s[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const end = closingBrace(s, i + 2);
      if (end < 0) throw new InterpolationError(`invalid interpolation format in ${JSON.stringify(s)}: no closing "}"`);
      out += expand(s.slice(i + 2, end), vars, s);
      i = end + 1;
      continue;
    }
    const m = NAME_RE.exec(s.slice(i + 1));
    if (m) {
      out += vars[m[0]] ?? '';
      i += 1 + m[0].length;
      continue;
    }
    // a lone `$` (end of string, or followed by something that names no variable) stays
    out += c;
    i++;
  }
  return out;
}

/** The index of the `}` closing a `${` whose body starts at `from` (nested `${...}` skipped), or -1. */
function closingBrace(s: string, from: number): number {
  let depth = 1;
  for (let j = from; j < s.length; j++) {
    if (s[j] === '$' && s[j + 1] === '$') {
      j++;
      continue;
    }
    if (s[j] === '$' && s[j + 1] === '{') {
      depth++;
      j++;
    } else if (s[j] === '}') {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

function expand(body: string, vars: Vars, whole: string): string {
  const m = NAME_RE.exec(body);
  if (!m) throw new InterpolationError(`invalid interpolation format in ${JSON.stringify(whole)}: "\${${body}}"`);
  const name = m[0];
  const rest = body.slice(name.length);
  const value = vars[name];
  if (rest === '') return value ?? '';
  const op = /^(:?[-?+])/.exec(rest)?.[1];
  if (op === undefined)
    throw new InterpolationError(`invalid interpolation format in ${JSON.stringify(whole)}: "\${${body}}"`);
  const arg = rest.slice(op.length);
  const unset = value === undefined;
  const missing = op.startsWith(':') ? unset || value === '' : unset;
  switch (op.replace(':', '')) {
    case '-':
      return missing ? interpolateString(arg, vars) : value!;
    case '+':
      return missing ? '' : interpolateString(arg, vars);
    default: {
      if (!missing) return value!;
      const why = interpolateString(arg, vars);
      throw new InterpolationError(
        `required variable ${name} is ${unset ? 'not set' : 'empty'}${why !== '' ? `: ${why}` : ''}`,
      );
    }
  }
}

/** Interpolates every string value of a parsed compose file; problems name the path of each failure. */
export function interpolateValue(value: unknown, vars: Vars, file: string, problems: Problem[]): unknown {
  const visit = (v: unknown, path: YamlPath): unknown => {
    if (typeof v === 'string') {
      try {
        return interpolateString(v, vars);
      } catch (e) {
        if (!(e instanceof InterpolationError)) throw e;
        problems.push({ file, path, message: e.message });
        return v;
      }
    }
    if (Array.isArray(v)) return v.map((x, i) => visit(x, [...path, i]));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        out[k] = path.length === 0 && k.startsWith('x-') ? x : visit(x, [...path, k]);
      }
      return out;
    }
    return v;
  };
  return visit(value, []);
}

/**
 * A `.env` file: KEY=VALUE lines, `#` comments, an optional `export `, values in single quotes (as
 * written) or double quotes (`\n`, `\"`, `\\` escapes); unquoted values lose a trailing ` # comment`.
 */
export function parseDotEnv(text: string, file: string, problems: Problem[]): Record<string, string> {
  const out: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) {
      // a bare name takes no value (compose leaves it unset)
      if (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(line)) return;
      problems.push({ file, path: [], line: i + 1, message: `not a KEY=VALUE line: ${JSON.stringify(line)}` });
      return;
    }
    const key = m[1]!;
    let v = m[2]!;
    if (v.startsWith("'") && v.lastIndexOf("'") > 0) v = v.slice(1, v.lastIndexOf("'"));
    else if (v.startsWith('"') && v.lastIndexOf('"') > 0)
      v = v.slice(1, v.lastIndexOf('"')).replace(/\\([n"\\])/g, (_, c: string) => (c === 'n' ? '\n' : c));
    else v = v.replace(/\s+#.*$/, '').trim();
    out[key] = v;
  });
  return out;
}
