// The errors a transaction raises about records: not found, already exists, changed concurrently.
// Shared by the transactions (tx.ts) and the state they apply to (state.ts).
import { ClusterError, ErrorCode } from '@clusterctl/common';
import type { TableName } from './objects.js';

export function notFound(table: TableName, id: string): ClusterError {
  return new ClusterError(ErrorCode.NotFound, `${singular(table)} ${id} not found`, {
    hint: 'check the id, or list to see what exists',
    details: { table, id },
  });
}

export function alreadyExists(table: TableName, id: string, name?: string): ClusterError {
  const what =
    name === undefined
      ? `${singular(table)} ${id} already exists`
      : `a ${singular(table)} named "${name}" already exists`;
  return new ClusterError(ErrorCode.AlreadyExists, what, {
    hint: name === undefined ? 'use another id' : 'choose another name, or update/remove the existing one',
    details: name === undefined ? { table, id } : { table, id, name },
  });
}

export function conflict(
  table: TableName,
  id: string,
  current: number | undefined,
  read: number | undefined,
): ClusterError {
  return new ClusterError(
    ErrorCode.Conflict,
    `${singular(table)} ${id} was changed concurrently (now version ${current}, read at ${read})`,
    {
      hint: 'read it again and retry the change',
      details: { table, id, current, read },
    },
  );
}

export function singular(table: TableName): string {
  switch (table) {
    case 'nodes':
      return 'node';
    case 'services':
      return 'service';
    case 'tasks':
      return 'task';
    case 'secrets':
      return 'secret';
    case 'configs':
      return 'config';
    case 'cluster':
      return 'cluster';
    case 'kv':
      return 'key';
    case 'networks':
      return 'network';
  }
}

/**
 * A unique key (uniqueKeysOf) of `id` is held by another record: CONFLICT, so update() runs the
 * transaction again against the state that holds it (an allocator then picks another value).
 */
export function keyTaken(
  table: TableName,
  id: string,
  key: string,
  holderId: string,
  holderName?: string,
): ClusterError {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const value = key.slice(colon + 1);
  const what = kind === 'port' ? 'published port' : kind === 'vip' ? 'virtual IP' : kind;
  const holder = `${singular(table)} ${holderName ?? holderId}`;
  return new ClusterError(ErrorCode.Conflict, `${what} ${value} is already used by ${holder}`, {
    hint:
      kind === 'port'
        ? 'publish another port, or remove/update the service that uses it'
        : 'retry: the address was taken meanwhile and a new one is chosen',
    details: { table, id, key, holder: holderId, ...(holderName !== undefined ? { holderName } : {}) },
  });
}
