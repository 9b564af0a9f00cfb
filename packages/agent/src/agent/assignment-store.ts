// The agent's assigned tasks on disk (DATA_DIR/agent/assignments.json): what the node was told to
// run and what it last saw of each task. A restarted agent reads it to adopt its running containers
// instead of starting duplicates, and keeps running them while no manager is reachable.
// Writes are atomic (temp file, fsync, rename, fsync of the directory) and coalesced: one write in
// flight, the latest state written after it.
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { AgentTask, AgentTaskStatus } from './task-model.js';

export const ASSIGNMENTS_FILE = 'assignments.json';
const FORMAT_VERSION = 1;

export interface StoredTask {
  task: AgentTask;
  status: AgentTaskStatus;
  containerId?: string;
}

export interface AssignmentsSnapshot {
  clusterId: string;
  nodeId: string;
  tasks: StoredTask[];
}

export class AssignmentStore {
  private readonly file: string;
  private writing: Promise<void> | undefined;
  private next: AssignmentsSnapshot | undefined;
  private nextWaiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];

  constructor(readonly dir: string) {
    this.file = join(dir, ASSIGNMENTS_FILE);
  }

  /** The stored snapshot, or undefined when there is none (or it belongs to another node/cluster). */
  async load(expect: { clusterId: string; nodeId: string }): Promise<AssignmentsSnapshot | undefined> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    const doc = JSON.parse(text) as { version?: number } & Partial<AssignmentsSnapshot>;
    if (doc.version !== FORMAT_VERSION)
      throw new Error(`${this.file}: unsupported format version ${String(doc.version)}`);
    if (doc.clusterId !== expect.clusterId || doc.nodeId !== expect.nodeId) return undefined;
    return { clusterId: doc.clusterId, nodeId: doc.nodeId, tasks: Array.isArray(doc.tasks) ? doc.tasks : [] };
  }

  /** Resolves once this snapshot (or a later one) is durably on disk. */
  save(snapshot: AssignmentsSnapshot): Promise<void> {
    this.next = snapshot;
    const done = new Promise<void>((resolve, reject) => this.nextWaiters.push({ resolve, reject }));
    if (!this.writing) this.writing = this.drain();
    return done;
  }

  /** Waits for writes in flight. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    try {
      while (this.next) {
        const snap = this.next;
        const waiters = this.nextWaiters;
        this.next = undefined;
        this.nextWaiters = [];
        try {
          await this.write(snap);
          for (const w of waiters) w.resolve();
        } catch (e) {
          for (const w of waiters) w.reject(e);
        }
      }
    } finally {
      this.writing = undefined;
    }
  }

  private async write(snap: AssignmentsSnapshot): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.tmp`;
    const fh = await open(tmp, 'w', 0o600);
    try {
      await fh.writeFile(JSON.stringify({ version: FORMAT_VERSION, ...snap }));
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, this.file);
    const dh = await open(this.dir, 'r');
    try {
      await dh.sync();
    } finally {
      await dh.close();
    }
  }
}
