// secret create | ls | inspect | rm and config create | ls | inspect | rm (like docker secret/config).
// Data comes from a file or stdin (`-`), never from the command line; a secret's data is never shown.
import { readFile } from 'node:fs/promises';
import type { clusterctl } from '@clusterctl/proto';
import type { Ctx } from '../context.js';
import { parseLabels, usageError } from '../parse.js';
import { ago, shortId, type Output } from '../render.js';
import { metaView, type MetaView } from '../views.js';

export type FileKind = 'secret' | 'config';

/** Docker's limits: secrets 500 KiB, configs 1000 KiB (the managers check them again). */
export const MAX_DATA_BYTES: Record<FileKind, number> = { secret: 500 * 1024, config: 1000 * 1024 };

export interface FileObjectView {
  id: string;
  meta: MetaView;
  spec: { name: string; labels: Record<string, string>; data?: string };
}

export function fileObjectView(
  kind: FileKind,
  o: clusterctl.cluster.ISecret | clusterctl.cluster.IConfig,
): FileObjectView {
  const spec: FileObjectView['spec'] = {
    name: o.name ?? '',
    labels: Object.fromEntries(Object.entries(o.labels ?? {}).sort(([a], [b]) => a.localeCompare(b))),
  };
  // configs only: Docker shows a config's data (base64); a secret's never leaves the managers this way
  if (kind === 'config')
    spec.data = Buffer.from((o as clusterctl.cluster.IConfig).data ?? new Uint8Array(0)).toString('base64');
  return { id: o.id ?? '', meta: metaView(o.meta), spec };
}

async function readStdin(stdin: NodeJS.ReadableStream, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let n = 0;
  for await (const c of stdin) {
    const b = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    n += b.length;
    parts.push(b);
    if (n > max) break; // too much: refused by the caller without reading the rest
  }
  return Buffer.concat(parts);
}

/** The data of FILE (`-`: stdin), checked against the size limit before anything is sent. */
export async function readData(
  kind: FileKind,
  file: string,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<Uint8Array> {
  const max = MAX_DATA_BYTES[kind];
  let data: Buffer;
  if (file === '-') data = await readStdin(stdin, max);
  else {
    try {
      data = await readFile(file);
    } catch (e) {
      throw usageError(
        `cannot read ${file}: ${(e as Error).message}`,
        `give a readable file, or - to read the ${kind} from stdin`,
      );
    }
  }
  if (data.length === 0)
    throw usageError(`the ${kind} data is empty`, `give a non-empty file, or - to read it from stdin`);
  if (data.length > max)
    throw usageError(`the ${kind} data is larger than ${max / 1024} KiB`, `a ${kind} holds at most ${max / 1024} KiB`);
  return data;
}

export async function fileObjectCreate(
  ctx: Ctx,
  kind: FileKind,
  name: string,
  file: string,
  o: { label?: string[] },
  stdin?: NodeJS.ReadableStream,
): Promise<Output> {
  const labels = parseLabels('--label', o.label ?? []);
  const data = await readData(kind, file, stdin);
  const req = { name, labels, data };
  const created =
    kind === 'secret'
      ? await ctx.client().control('createSecret', req)
      : await ctx.client().control('createConfig', req);
  const v = fileObjectView(kind, created);
  return { kind: 'text', lines: [v.id], json: v };
}

async function list(ctx: Ctx, kind: FileKind): Promise<FileObjectView[]> {
  if (kind === 'secret')
    return (await ctx.client().control('listSecrets', {})).secrets.map((s) => fileObjectView(kind, s));
  return (await ctx.client().control('listConfigs', {})).configs.map((c) => fileObjectView(kind, c));
}

export async function fileObjectLs(ctx: Ctx, kind: FileKind): Promise<Output> {
  const json = await list(ctx, kind);
  const now = ctx.now();
  // Docker's columns (secrets have a DRIVER column: empty for the built-in store)
  const columns =
    kind === 'secret' ? ['ID', 'NAME', 'DRIVER', 'CREATED', 'UPDATED'] : ['ID', 'NAME', 'CREATED', 'UPDATED'];
  const rows = json.map((v) => {
    const times = [ago(v.meta.createdAt, now), ago(v.meta.updatedAt, now)];
    return kind === 'secret' ? [shortId(v.id), v.spec.name, '', ...times] : [shortId(v.id), v.spec.name, ...times];
  });
  return { kind: 'table', columns, rows, json };
}

async function get(ctx: Ctx, kind: FileKind, ref: string): Promise<FileObjectView> {
  if (kind === 'secret') return fileObjectView(kind, await ctx.client().control('getSecret', { secret: ref }));
  return fileObjectView(kind, await ctx.client().control('getConfig', { config: ref }));
}

export async function fileObjectInspect(ctx: Ctx, kind: FileKind, refs: string[]): Promise<Output> {
  const out: FileObjectView[] = [];
  for (const r of refs) out.push(await get(ctx, kind, r));
  return { kind: 'json', json: out };
}

export async function fileObjectRm(ctx: Ctx, kind: FileKind, refs: string[]): Promise<Output> {
  const removed: string[] = [];
  for (const r of refs) {
    const v = await get(ctx, kind, r);
    if (kind === 'secret') await ctx.client().control('removeSecret', { secret: v.id });
    else await ctx.client().control('removeConfig', { config: v.id });
    removed.push(r);
  }
  return { kind: 'text', lines: removed, json: removed.map((name) => ({ name, removed: true })) };
}
