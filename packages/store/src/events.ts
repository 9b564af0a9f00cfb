// What watchers receive, in commit order.

import type { TableName, TableRecords } from './objects.js';

export type ObjectEventType = 'create' | 'update' | 'delete';

/** A change to one record. `version` is the raft index of the entry that made it. */
export type ObjectEvent = {
  [T in TableName]: {
    type: ObjectEventType;
    table: T;
    /** The record after the change; for 'delete', the record as it was when deleted. */
    object: TableRecords[T];
    /** For 'update': the record before the change. */
    oldObject?: TableRecords[T];
    version: number;
    /** The entry's time (ms since the Unix epoch; the proposer's clock, never going back): the same on every replica. */
    timestamp: number;
  };
}[TableName];

/** The whole state was replaced (snapshot restore): re-list everything, forget what you knew. */
export interface ResetEvent {
  type: 'reset';
  version: number;
}

/** Sent (to watchers that ask for it) after all changes of one raft entry. */
export interface CommitEvent {
  type: 'commit';
  version: number;
}

export type StoreEvent = ObjectEvent | ResetEvent | CommitEvent;
