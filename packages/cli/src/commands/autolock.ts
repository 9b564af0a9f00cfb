// autolock: `cluster unlock-key [-q] [--rotate]` (on an unlocked manager) and `unlock` (on a locked
// one: the key from stdin, or a prompt that does not echo it on a terminal, as `docker swarm unlock`).
import { createInterface } from 'node:readline';
import { ClusterError, ErrorCode } from '@clusterctl/common';
import type { Ctx } from '../context.js';
import type { Output } from '../render.js';

/** Lines `init --autolock` and `cluster update --autolock=true` print with the unlock key. */
export function unlockKeyLines(key: string): string[] {
  return [
    'To unlock a restarted manager, run `clusterctl unlock` and give it this unlock key:',
    '',
    `    ${key}`,
    '',
    'Keep it somewhere safe: a restarted manager cannot serve without it. `clusterctl cluster unlock-key` shows it again on an unlocked manager.',
  ];
}

export async function unlockKeyCmd(ctx: Ctx, o: { quiet?: boolean; rotate?: boolean }): Promise<Output> {
  const key = (await ctx.client().control('getUnlockKey', { rotate: o.rotate === true })).unlockKey;
  const json = { unlockKey: key, rotated: o.rotate === true };
  if (o.quiet === true) return { kind: 'text', lines: [key], json };
  const lines =
    o.rotate === true ? ['Unlock key rotated: every manager rewraps its data key with the new key.', ''] : [];
  lines.push(...unlockKeyLines(key));
  if (o.rotate === true)
    lines.push('A manager that was down during the rotation still needs the previous key the first time it starts.');
  return { kind: 'text', lines, json };
}

const MAX_KEY_CHARS = 1024;

/** One line from stdin; on a terminal, after a prompt on stderr, without echoing what is typed. */
export async function readUnlockKey(
  stdin: NodeJS.ReadStream = process.stdin,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  if (stdin.isTTY !== true) {
    let text = '';
    for await (const c of stdin) {
      text += typeof c === 'string' ? c : (c as Buffer).toString('utf8');
      if (text.includes('\n') || text.length > MAX_KEY_CHARS) break;
    }
    return text.split('\n')[0]!.trim();
  }
  stderr.write('Enter unlock key: ');
  const rl = createInterface({ input: stdin, terminal: true });
  // muted echo: the key typed is not shown
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  try {
    return await new Promise<string>((resolve) => rl.question('', (answer) => resolve(answer.trim())));
  } finally {
    rl.close();
    stderr.write('\n');
  }
}

export async function unlockCmd(ctx: Ctx, readKey: () => Promise<string> = () => readUnlockKey()): Promise<Output> {
  const key = await readKey();
  if (key === '')
    throw new ClusterError(ErrorCode.InvalidUnlockKey, 'no unlock key given', {
      hint: 'type the key at the prompt, or pipe it: clusterctl unlock < keyfile',
    });
  await ctx.client().local('unlock', { unlockKey: key });
  return { kind: 'text', lines: ['This manager is unlocked.'], json: { unlocked: true } };
}
