// Rules for user-given names and labels that every path applies alike (the CLI before it sends, the
// managers on the API and on join): hostnames are RFC 1123 names, labels are bounded in count and
// size with printable keys, and the com.clusterctl. prefix is reserved for the labels clusterctl
// itself puts on containers. Each check throws INVALID_ARGUMENT naming `what` (a flag or a field),
// never echoing more than a short prefix of the input.

import { ClusterError, ErrorCode } from './errors.js';

/** Bounds of a label set (a node's or a service's), in the spirit of Docker's. */
export const LABEL_LIMITS = {
  maxCount: 256,
  maxKeyChars: 256,
  maxValueChars: 4096,
  /** Keys and values together, UTF-8 bytes. */
  maxTotalBytes: 64 * 1024,
} as const;

/** Labels clusterctl sets on task containers; users may not set or fake them. */
export const RESERVED_LABEL_PREFIX = 'com.clusterctl.';

export const MAX_HOSTNAME_CHARS = 253;
const MAX_HOSTNAME_LABEL_CHARS = 63;
const HOSTNAME_LABEL_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
// C0 controls, DEL and C1 controls: terminal escapes, line breaks, NUL.
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/;

/** At most `max` characters of `s` for a message: longer input ends with "..." and its length. */
export function shortForMessage(s: string, max = 64): string {
  return s.length <= max ? JSON.stringify(s) : `${JSON.stringify(s.slice(0, max))}... (${s.length} characters)`;
}

export const HOSTNAME_HINT =
  'a hostname is an RFC 1123 name: dot-separated labels of 1-63 letters, digits and "-" (not first or last), at most 253 characters, e.g. node-1 or node-1.example.com';

/** Why `h` is not an RFC 1123 host name, or undefined when it is one. */
export function hostnameProblem(h: string): string | undefined {
  if (h === '') return 'it is empty';
  if (h.length > MAX_HOSTNAME_CHARS) return `it is longer than ${MAX_HOSTNAME_CHARS} characters`;
  for (const label of h.split('.')) {
    if (label.length > MAX_HOSTNAME_LABEL_CHARS) return `a label is longer than ${MAX_HOSTNAME_LABEL_CHARS} characters`;
    if (!HOSTNAME_LABEL_RE.test(label))
      return label === '' ? 'it has an empty label' : 'it has characters other than letters, digits, "-" and "."';
  }
  return undefined;
}

/** Returns `h` when it is an RFC 1123 host name; else throws INVALID_ARGUMENT. */
export function checkHostname(what: string, h: string): string {
  const problem = hostnameProblem(h);
  if (problem !== undefined)
    throw new ClusterError(ErrorCode.InvalidArgument, `${what}: invalid hostname ${shortForMessage(h)}: ${problem}`, {
      hint: HOSTNAME_HINT,
      details: { field: 'hostname' },
    });
  return h;
}

export const LABEL_HINT = `labels: at most ${LABEL_LIMITS.maxCount}, keys of 1-${LABEL_LIMITS.maxKeyChars} characters without spaces, "=" or control characters, values of at most ${LABEL_LIMITS.maxValueChars} characters without control characters, ${LABEL_LIMITS.maxTotalBytes / 1024} KiB in all`;

function invalidLabel(what: string, message: string, hint = LABEL_HINT): ClusterError {
  return new ClusterError(ErrorCode.InvalidArgument, `${what}: ${message}`, { hint, details: { field: what } });
}

/** Why `key` is not a label key a user may set, or undefined. */
export function labelKeyProblem(key: string): string | undefined {
  if (key.trim() === '') return 'the key is empty';
  if (key.length > LABEL_LIMITS.maxKeyChars) return `the key is longer than ${LABEL_LIMITS.maxKeyChars} characters`;
  if (/[\s=]/.test(key) || CONTROL_RE.test(key)) return 'the key has a space, "=" or a control character';
  if (key.toLowerCase().startsWith(RESERVED_LABEL_PREFIX))
    return `the key uses the reserved prefix ${RESERVED_LABEL_PREFIX}`;
  return undefined;
}

/** Checks one label; throws INVALID_ARGUMENT naming `what`. */
export function checkLabel(what: string, key: string, value: string): void {
  const kp = labelKeyProblem(key);
  if (kp !== undefined) {
    throw invalidLabel(
      what,
      `invalid label ${shortForMessage(key)}: ${kp}`,
      kp.includes('reserved')
        ? `choose another label name: ${RESERVED_LABEL_PREFIX}* labels are set by clusterctl`
        : LABEL_HINT,
    );
  }
  if (value.length > LABEL_LIMITS.maxValueChars)
    throw invalidLabel(
      what,
      `the value of label ${shortForMessage(key)} is ${value.length} characters, more than ${LABEL_LIMITS.maxValueChars}`,
    );
  if (CONTROL_RE.test(value))
    throw invalidLabel(what, `the value of label ${shortForMessage(key)} has a control character`);
}

/** Checks a whole label set (count, each label, total size); throws INVALID_ARGUMENT naming `what`. */
export function checkLabels(what: string, labels: Readonly<Record<string, string>>): void {
  const entries = Object.entries(labels);
  if (entries.length > LABEL_LIMITS.maxCount)
    throw invalidLabel(what, `${entries.length} labels, more than ${LABEL_LIMITS.maxCount}`);
  let total = 0;
  for (const [k, v] of entries) {
    checkLabel(what, k, v);
    total += Buffer.byteLength(k) + Buffer.byteLength(v);
  }
  if (total > LABEL_LIMITS.maxTotalBytes)
    throw invalidLabel(what, `the labels add up to ${total} bytes, more than ${LABEL_LIMITS.maxTotalBytes}`);
}
