// Control API: secrets and configs (create, get, list, remove). Data is immutable and at most Docker's
// size; names are unique per kind; removing one that a service uses is refused naming the services.
// A secret's data never leaves through this API (nor logs, nor errors): only the dispatcher hands it
// to the agents of nodes with a task that uses it.

import { checkLabels, ClusterError, ErrorCode, shortForMessage } from '@clusterctl/common';
import { newId, type Config, type Secret } from '@clusterctl/store';
import type { clusterctl } from '@clusterctl/proto';
import type { Call, ControlContext } from '../control/context.js';
import { metaToProto } from '../api/convert.js';
import { resolveFileObject, servicesUsing, tableOf, type FileKind } from './lookup.js';

/** Docker's limits (swarmkit): secrets 500 KiB, configs 1000 KiB; names as Docker's. */
export const FILE_OBJECT_LIMITS = {
  maxSecretBytes: 500 * 1024,
  maxConfigBytes: 1000 * 1024,
  maxNameChars: 64,
} as const;

const NAME_RE = /^[a-zA-Z0-9]+(?:[a-zA-Z0-9_.-]*[a-zA-Z0-9])?$/;

export function validateFileObjectName(kind: FileKind, name: string): void {
  if (name.length > FILE_OBJECT_LIMITS.maxNameChars || !NAME_RE.test(name))
    throw new ClusterError(ErrorCode.InvalidArgument, `invalid ${kind} name ${shortForMessage(name)}`, {
      hint: `a ${kind} name is 1-64 letters, digits, "_", "." or "-", starting and ending with a letter or digit`,
      details: { field: 'name' },
    });
}

export function validateFileObjectData(kind: FileKind, data: Uint8Array): void {
  const max = kind === 'secret' ? FILE_OBJECT_LIMITS.maxSecretBytes : FILE_OBJECT_LIMITS.maxConfigBytes;
  if (data.length === 0 || data.length > max)
    throw new ClusterError(
      ErrorCode.InvalidArgument,
      `${kind} data is ${data.length} bytes: it must be 1 byte to ${max / 1024} KiB`,
      { hint: `give a non-empty file of at most ${max / 1024} KiB`, details: { field: 'data' } },
    );
}

export function secretToProto(s: Secret): clusterctl.cluster.ISecret {
  return { id: s.id, meta: metaToProto(s.meta), name: s.spec.name, labels: { ...s.spec.labels } };
}

export function configToProto(c: Config): clusterctl.cluster.IConfig {
  return {
    id: c.id,
    meta: metaToProto(c.meta),
    name: c.spec.name,
    labels: { ...c.spec.labels },
    data: Buffer.from(c.data, 'base64'),
  };
}

function matches(o: Secret | Config, f: Record<string, string>): boolean {
  if (f.id !== undefined && !o.id.startsWith(f.id)) return false;
  if (f.name !== undefined && !o.spec.name.startsWith(f.name)) return false;
  if (f.label !== undefined) {
    const [k, v] = f.label.split('=', 2) as [string, string | undefined];
    if (!(k in o.spec.labels) || (v !== undefined && o.spec.labels[k] !== v)) return false;
  }
  return true;
}

export function fileObjectMethods(ctx: ControlContext) {
  const { store, raft, log, read } = ctx;

  async function create(
    kind: FileKind,
    req: {
      name?: string | null;
      labels?: Record<string, string> | null;
      data?: Uint8Array | null;
      stackReuseSameData?: boolean | null;
    },
  ): Promise<Secret | Config> {
    const name = (req.name ?? '').trim();
    validateFileObjectName(kind, name);
    const labels = { ...(req.labels ?? {}) };
    checkLabels(`${kind} labels`, labels);
    const data = req.data ?? new Uint8Array(0);
    validateFileObjectData(kind, data);
    let id = newId();
    const table = tableOf(kind);
    const encoded = Buffer.from(data).toString('base64');
    await raft.readBarrier();
    const reused = await store.update((tx) => {
      const other = tx.getByName(table, name);
      // stacks: the same data again is the same object (as docker stack deploy's redeploy)
      if (other !== undefined && req.stackReuseSameData === true) {
        if (other.data === encoded) return other.id;
        throw new ClusterError(
          ErrorCode.FailedPrecondition,
          `${kind} ${name} exists with other data: only updates to labels are allowed`,
          {
            hint: `${kind} data never changes: give the changed ${kind} a new name (name: in the compose file, e.g. with a version suffix) and deploy again`,
            details: { field: 'data' },
          },
        );
      }
      if (other !== undefined)
        throw new ClusterError(ErrorCode.AlreadyExists, `a ${kind} named ${name} already exists (${other.id})`, {
          hint: `${kind} data cannot change: create one with another name and switch services with --${kind}-rm/--${kind}-add`,
        });
      tx.create(table, { id, spec: { name, labels }, data: encoded });
      return undefined;
    });
    if (reused !== undefined) id = reused;
    const o = store.view((tx) => tx.get(table, id));
    if (o === undefined)
      throw new ClusterError(ErrorCode.Unavailable, `the ${kind} was created but is not visible here yet`, {
        hint: `check with clusterctl ${kind} ls`,
      });
    if (reused === undefined) log.info({ [`${kind}Id`]: id, name }, `${kind} created`);
    return o;
  }

  async function remove(kind: FileKind, ref: string | null | undefined): Promise<clusterctl.control.IEmpty> {
    await raft.readBarrier();
    const name = await store.update((tx) => {
      const o = resolveFileObject(tx, kind, ref);
      const users = servicesUsing(tx, kind, o.id);
      if (users.length > 0)
        throw new ClusterError(
          ErrorCode.FailedPrecondition,
          `${kind} ${o.spec.name} is in use by the following service${users.length > 1 ? 's' : ''}: ${users.join(', ')}`,
          {
            hint: `remove it from ${users.length > 1 ? 'those services' : 'that service'} first (clusterctl service update --${kind}-rm ${o.spec.name} SERVICE)`,
            details: { services: users },
          },
        );
      tx.delete(tableOf(kind), o);
      return o.spec.name;
    });
    log.info({ name }, `${kind} removed`);
    return {};
  }

  async function list(
    kind: FileKind,
    filters: Record<string, string> | null | undefined,
  ): Promise<(Secret | Config)[]> {
    const f = filters ?? {};
    return read((tx) =>
      tx
        .list(tableOf(kind))
        .filter((o: Secret | Config) => matches(o, f))
        .sort((a: Secret | Config, b: Secret | Config) =>
          a.spec.name < b.spec.name ? -1 : a.spec.name > b.spec.name ? 1 : 0,
        ),
    );
  }

  return {
    createSecret: async (call: Call<clusterctl.control.CreateSecretRequest, clusterctl.cluster.ISecret>) =>
      secretToProto(await create('secret', call.request)),
    getSecret: async (call: Call<clusterctl.control.GetSecretRequest, clusterctl.cluster.ISecret>) =>
      secretToProto(await read((tx) => resolveFileObject(tx, 'secret', call.request.secret))),
    listSecrets: async (
      call: Call<clusterctl.control.ListSecretsRequest, clusterctl.control.IListSecretsResponse>,
    ) => ({
      secrets: (await list('secret', call.request.filters)).map(secretToProto),
    }),
    removeSecret: (call: Call<clusterctl.control.RemoveSecretRequest, clusterctl.control.IEmpty>) =>
      remove('secret', call.request.secret),
    createConfig: async (call: Call<clusterctl.control.CreateConfigRequest, clusterctl.cluster.IConfig>) =>
      configToProto(await create('config', call.request)),
    getConfig: async (call: Call<clusterctl.control.GetConfigRequest, clusterctl.cluster.IConfig>) =>
      configToProto(await read((tx) => resolveFileObject(tx, 'config', call.request.config))),
    listConfigs: async (
      call: Call<clusterctl.control.ListConfigsRequest, clusterctl.control.IListConfigsResponse>,
    ) => ({
      configs: (await list('config', call.request.filters)).map(configToProto),
    }),
    removeConfig: (call: Call<clusterctl.control.RemoveConfigRequest, clusterctl.control.IEmpty>) =>
      remove('config', call.request.config),
  };
}
