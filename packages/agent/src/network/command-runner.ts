// The node tools the data plane drives (`ip`, `bridge`, `nft`, `iptables`, `conntrack`, `sysctl`)
// run as child processes behind this interface, so unit tests check the exact commands and a node
// without a tool reports it instead of failing somewhere deep.
import { execFile } from 'node:child_process';

export interface CommandResult {
  /** Exit code; 127 when the binary is missing. */
  code: number;
  stdout: string;
  stderr: string;
}

export interface CommandRunner {
  /** Runs `cmd args...` with `input` on stdin; never rejects (the code says how it went). */
  run(cmd: string, args: string[], opts?: { input?: string }): Promise<CommandResult>;
}

export const COMMAND_TIMEOUT_MS = 20_000;

/** Runs the tools for real, found on PATH (a missing binary is exit code 127). */
export class ExecRunner implements CommandRunner {
  run(cmd: string, args: string[], opts: { input?: string } = {}): Promise<CommandResult> {
    return new Promise((resolve) => {
      const child = execFile(
        cmd,
        args,
        { timeout: COMMAND_TIMEOUT_MS, maxBuffer: 64 << 20, encoding: 'utf8' },
        (err, stdout, stderr) => {
          if (!err) return resolve({ code: 0, stdout, stderr });
          const e = err as NodeJS.ErrnoException & { code?: unknown };
          const code = e.code === 'ENOENT' ? 127 : typeof e.code === 'number' ? e.code : 1;
          resolve({ code, stdout: stdout ?? '', stderr: stderr || e.message });
        },
      );
      child.stdin?.on('error', () => undefined);
      if (opts.input !== undefined) child.stdin?.end(opts.input);
      else child.stdin?.end();
    });
  }
}

/** A failed command as an Error naming it (for logs and conditions). */
export function commandError(cmd: string, args: string[], r: CommandResult): Error {
  return new Error(
    `${cmd} ${args.join(' ')} exited with ${r.code}: ${r.stderr.trim().split('\n').slice(0, 3).join('; ')}`,
  );
}

/** Runs a command and throws when it fails. */
export async function mustRun(
  runner: CommandRunner,
  cmd: string,
  args: string[],
  opts?: { input?: string },
): Promise<CommandResult> {
  const r = await runner.run(cmd, args, opts);
  if (r.code !== 0) throw commandError(cmd, args, r);
  return r;
}
