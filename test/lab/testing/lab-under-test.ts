// One docker-in-docker lab as the lab tests drive it: `lab` commands by its name, commands inside
// its node containers, the images it needs built first, and the addresses of its nodes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '@clusterctl/common/testing';
import { DOCKER_CLI as DOCKER, runCommand, type RunResult } from '@clusterctl/lab';

const LAB_CLI = join(REPO_ROOT, 'packages/lab/dist/bin/lab.js');

/**
 * A busybox httpd whose CGI `who` answers "HOSTNAME ADDRESS-OF-THE-CALLER", and a shell function
 * `who HOST PORT` that makes one request and prints the answer's last line, or FAIL.
 */
export const WHO_SERVER =
  'mkdir -p /www/cgi-bin; printf "#!/bin/sh\\necho Content-Type: text/plain\\necho\\necho \\$(hostname) \\$REMOTE_ADDR\\n" > /www/cgi-bin/who; chmod +x /www/cgi-bin/who; exec httpd -f -p 80 -h /www';
export const WHO_FN =
  'who() { out=$(printf "GET /cgi-bin/who HTTP/1.0\\r\\n\\r\\n" | nc -w 3 "$1" "$2" | tail -1); [ -n "$out" ] && echo "$out" || echo FAIL; }';

export class LabUnderTest {
  constructor(
    /** The lab's name: its containers are `NAME-m1`, `NAME-w1`, ... */
    readonly name: string,
    private readonly opts: { commandTimeoutMs?: number; labTimeoutMs?: number } = {},
  ) {}

  run(cmd: string, args: string[], timeoutMs = this.opts.commandTimeoutMs ?? 120_000): Promise<RunResult> {
    return runCommand(cmd, args, { timeoutMs });
  }

  /** The images the lab needs (by default the workload and the lab node image), built when missing or changed. */
  buildImages(scripts = ['scripts/build-workload-image.mjs', 'scripts/build-lab-image.mjs']): void {
    for (const script of scripts) {
      const r = spawnSync(process.execPath, [join(REPO_ROOT, script), '--quiet'], { encoding: 'utf8' });
      assert.equal(r.status, 0, `${script} failed:\n${r.stderr}`);
    }
  }

  /** A `lab` command (`up --managers 1 --workers 2`, `down`, ...) on this lab; fails the test on failure. */
  async lab(...args: string[]): Promise<string> {
    const r = await this.run(
      process.execPath,
      [LAB_CLI, '--name', this.name, ...args],
      this.opts.labTimeoutMs ?? 240_000,
    );
    assert.equal(r.code, 0, `lab ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  }

  /** Removes the lab (for `after` hooks: never fails the test). */
  down(timeoutMs = 240_000): Promise<RunResult> {
    return this.run(process.execPath, [LAB_CLI, '--name', this.name, 'down'], timeoutMs);
  }

  container(node: string): string {
    return `${this.name}-${node}`;
  }

  /** A shell command inside a lab node; fails the test on a non-zero exit. */
  async onNode(node: string, script: string, timeoutMs = 60_000): Promise<string> {
    const r = await this.run(DOCKER, ['exec', this.container(node), 'sh', '-c', script], timeoutMs);
    assert.equal(r.code, 0, `on ${node}: ${script}\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  }

  /** `clusterctl ARGS` inside a lab node; fails the test on a non-zero exit. */
  async clusterctl(node: string, args: string[], timeoutMs?: number): Promise<string> {
    const r = await this.run(DOCKER, ['exec', this.container(node), 'clusterctl', ...args], timeoutMs);
    assert.equal(r.code, 0, `clusterctl ${args.join(' ')} on ${node}:\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  }

  /** The Docker network the lab's nodes are attached to. */
  async network(node = 'm1'): Promise<string> {
    const r = await this.run(DOCKER, [
      'inspect',
      '-f',
      '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{end}}',
      this.container(node),
    ]);
    return r.stdout.trim();
  }

  /** A node's address on the lab network. */
  async nodeIp(node: string): Promise<string> {
    const r = await this.run(DOCKER, [
      'inspect',
      '-f',
      '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}',
      this.container(node),
    ]);
    return r.stdout.trim();
  }
}
