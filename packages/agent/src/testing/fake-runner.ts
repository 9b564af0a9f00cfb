// A CommandRunner for tests: records every command (with its stdin) and answers from handlers
// matched on the command line; unmatched commands succeed with no output.
import type { CommandResult, CommandRunner } from '../network/command-runner.js';

export interface RecordedCommand {
  line: string;
  input?: string;
}

/** An answer, or a promise of one (a command that takes time: the test decides when it ends). */
type Handler = (
  line: string,
  input: string | undefined,
) => Partial<CommandResult> | undefined | Promise<Partial<CommandResult> | undefined>;

export class FakeRunner implements CommandRunner {
  readonly commands: RecordedCommand[] = [];
  private readonly handlers: Array<{ prefix: string; h: Handler }> = [];

  /** Answers commands whose line starts with `prefix` (the latest registration wins). */
  on(prefix: string, h: Handler | Partial<CommandResult>): this {
    this.handlers.unshift({ prefix, h: typeof h === 'function' ? h : () => h });
    return this;
  }

  async run(cmd: string, args: string[], opts: { input?: string } = {}): Promise<CommandResult> {
    const line = [cmd, ...args].join(' ');
    const rec: RecordedCommand = { line };
    if (opts.input !== undefined) rec.input = opts.input;
    this.commands.push(rec);
    for (const { prefix, h } of this.handlers) {
      if (!line.startsWith(prefix)) continue;
      const r = await h(line, opts.input);
      if (r) return { code: 0, stdout: '', stderr: '', ...r };
    }
    return { code: 0, stdout: '', stderr: '' };
  }

  lines(): string[] {
    return this.commands.map((c) => c.line);
  }

  clear(): void {
    this.commands.length = 0;
  }
}
