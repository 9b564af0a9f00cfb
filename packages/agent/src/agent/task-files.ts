// The secrets and configs of this node's tasks, as files on a tmpfs the agent owns: asked from the
// dispatcher when a task is prepared (never stored with the assignments), written under
// ROOT/<task id>/ with the reference's owner and mode, bound read-only into the container, and
// removed when the task ends. ROOT is /run/clusterctl/<node id> when /run is a tmpfs; otherwise the
// agent mounts a tmpfs there itself (and unmounts it at close), and falls back to /dev/shm when it
// may not mount. The bytes are never written anywhere but a tmpfs: a ROOT that is not one is refused.

import { execFile } from 'node:child_process';
import { chown, mkdir, rm, statfs, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { ClusterError, ErrorCode, type Logger } from '@clusterctl/common';
import type { FileMount, TaskFileRef } from '../executor/index.js';

const run = promisify(execFile);

/** statfs f_type of tmpfs (linux/magic.h TMPFS_MAGIC). */
export const TMPFS_MAGIC = 0x01021994;

/** The data the dispatcher hands out for one task. */
export interface TaskFileData {
  kind: string;
  id: string;
  data: Uint8Array;
}

export interface TaskFilesConfig {
  nodeId: string;
  /** Asks the dispatcher for the data of a task's secrets and configs. */
  fetch: (taskId: string) => Promise<TaskFileData[]>;
  log: Logger;
  /** Where the tmpfs goes (tests); default /run/clusterctl/<node id>, else /dev/shm/clusterctl-<node id>. */
  roots?: { preferred: string; fallback?: string };
  /** Size of a tmpfs the agent mounts itself. */
  tmpfsBytes?: number;
}

export async function isTmpfs(path: string): Promise<boolean> {
  try {
    return (await statfs(path)).type === TMPFS_MAGIC;
  } catch {
    return false;
  }
}

export class TaskFiles {
  private root: Promise<string> | undefined;
  /** The agent mounted the tmpfs at this path (unmounted at close). */
  private mounted: string | undefined;
  private readonly log: Logger;

  constructor(private readonly cfg: TaskFilesConfig) {
    this.log = cfg.log.child({ component: 'task-files' });
  }

  /** Writes the task's files and returns what to bind into its container ([] when it uses none). */
  async prepare(taskId: string, refs: readonly TaskFileRef[] | undefined): Promise<FileMount[]> {
    if (refs === undefined || refs.length === 0) return [];
    const root = await this.rootDir();
    const data = await this.cfg.fetch(taskId);
    const byKey = new Map(data.map((d) => [`${d.kind}/${d.id}`, d.data]));
    const dir = join(root, safeName(taskId));
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { mode: 0o700 });
    const mounts: FileMount[] = [];
    for (let i = 0; i < refs.length; i++) {
      const r = refs[i]!;
      const bytes = byKey.get(`${r.kind}/${r.id}`);
      if (bytes === undefined)
        throw new ClusterError(ErrorCode.NotFound, `the manager sent no data for ${r.kind} ${r.name}`, {
          hint: `check that the ${r.kind} exists (clusterctl ${r.kind} ls)`,
        });
      const file = join(dir, String(i));
      await writeFile(file, bytes, { mode: r.mode & 0o777, flag: 'wx' });
      await chown(file, Number(r.uid), Number(r.gid));
      mounts.push({ source: file, target: r.target });
    }
    return mounts;
  }

  /** Removes a task's files (the task ended or left the node). */
  async release(taskId: string): Promise<void> {
    if (this.root === undefined) return;
    const root = await this.root.catch(() => undefined);
    if (root !== undefined) await rm(join(root, safeName(taskId)), { recursive: true, force: true });
  }

  /** Removes every file; unmounts a tmpfs the agent mounted. */
  async close(): Promise<void> {
    if (this.root === undefined) return;
    const root = await this.root.catch(() => undefined);
    this.root = undefined;
    if (root === undefined) return;
    await rm(root, { recursive: true, force: true }).catch(() => undefined);
    if (this.mounted !== undefined) {
      const m = this.mounted;
      this.mounted = undefined;
      await run('umount', ['-l', m]).catch((err: unknown) =>
        this.log.warn({ err, path: m }, 'unmounting the secrets tmpfs failed'),
      );
      await rm(m, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  private rootDir(): Promise<string> {
    this.root ??= this.findRoot();
    // a failure is tried again by the next task
    this.root.catch(() => (this.root = undefined));
    return this.root;
  }

  private async findRoot(): Promise<string> {
    const preferred = this.cfg.roots?.preferred ?? join('/run/clusterctl', safeName(this.cfg.nodeId));
    const fallback =
      this.cfg.roots?.fallback ??
      (this.cfg.roots === undefined ? join('/dev/shm', `clusterctl-${safeName(this.cfg.nodeId)}`) : undefined);
    await mkdir(preferred, { recursive: true, mode: 0o700 }).catch(() => undefined);
    if (await isTmpfs(preferred)) {
      // a tmpfs of its own (a killed agent's mount) is unmounted at close like one mounted now
      if (!(await isTmpfs(dirname(preferred)))) this.mounted = preferred;
      return this.fresh(preferred, 'tmpfs');
    }
    try {
      const size = this.cfg.tmpfsBytes ?? 64 * 1024 * 1024;
      await run('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700,nodev,nosuid,noexec`, 'tmpfs', preferred]);
      if (await isTmpfs(preferred)) {
        this.mounted = preferred;
        return this.fresh(preferred, 'tmpfs mounted by the agent');
      }
    } catch (err) {
      this.log.info(
        { err: (err as Error).message, path: preferred },
        'cannot mount a tmpfs for secrets; trying the fallback',
      );
    }
    if (fallback !== undefined) {
      const parent = join(fallback, '..');
      if (await isTmpfs(parent)) {
        await mkdir(fallback, { recursive: true, mode: 0o700 });
        return this.fresh(fallback, 'tmpfs');
      }
    }
    throw new ClusterError(
      ErrorCode.FailedPrecondition,
      `no tmpfs to hold secrets and configs on this node (${preferred})`,
      {
        hint: 'run the daemon as root (it mounts a tmpfs itself), or mount a tmpfs at /run (or /dev/shm)',
      },
    );
  }

  /** Clears what a previous agent left (it may have been killed) and returns the root. */
  private async fresh(root: string, how: string): Promise<string> {
    await rm(root, { recursive: true, force: true }).catch(() => undefined);
    await mkdir(root, { recursive: true, mode: 0o700 });
    // a mount point stays a mount point: rm cleared its content only when it is one
    if (!(await isTmpfs(root)))
      throw new ClusterError(ErrorCode.FailedPrecondition, `${root} is not a tmpfs`, {
        hint: 'secrets are only ever written to memory; mount a tmpfs there',
      });
    this.log.info({ path: root, how }, 'secrets and configs kept on tmpfs');
    return root;
  }
}

function safeName(s: string): string {
  return s.replace(/[^a-zA-Z0-9_.-]/g, '_');
}
