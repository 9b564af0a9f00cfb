// What the dashboard shows, read through the Control API on the daemon's own control socket (the
// path the CLI takes: the local manager first, then the others, retried across an election). The
// cluster's event stream drives it: every event schedules a fresh snapshot (nodes, services,
// tasks), so a change reaches the browsers as soon as this manager applied it; a slow poll covers
// what no event announces (managers' reachability).
import { EventEmitter } from 'node:events';
import * as grpc from '@grpc/grpc-js';
import { fromGrpcError, type Logger } from '@clusterctl/common';
import { ControlService, type clusterctl } from '@clusterctl/proto';

type C = typeof clusterctl.control;

export interface NodeView {
  id: string;
  hostname: string;
  role: string;
  availability: string;
  state: string;
  addr: string;
  manager: { leader: boolean; reachability: string; addr: string } | null;
}

export interface ServiceView {
  id: string;
  name: string;
  image: string;
  mode: string;
  running: number;
  desired: number;
  update: { state: string; message: string } | null;
  canRollback: boolean;
}

export interface TaskView {
  id: string;
  serviceId: string;
  service: string;
  slot: number;
  nodeId: string;
  desiredState: string;
  state: string;
  message: string;
  timestamp: number;
}

export interface EventView {
  time: number;
  type: string;
  action: string;
  id: string;
  name: string;
  attributes: Record<string, string>;
}

export interface LogView {
  taskId: string;
  slot: number;
  nodeId: string;
  stream: string;
  time: number;
  line: string;
}

export interface DashboardSnapshot {
  nodes: NodeView[];
  services: ServiceView[];
  tasks: TaskView[];
}

/** Events kept for the page's "recent events" list (and replayed from this long ago at start). */
export const RECENT_EVENTS = 100;
const RECENT_EVENTS_WINDOW_MS = 15 * 60_000;
/** A snapshot at most this long after an event (events come in bursts: one snapshot for a burst). */
const REFRESH_DELAY_MS = 50;
/** Without events, a snapshot this often (what no event announces: reachability). */
const POLL_PERIOD_MS = 2_000;
const CALL_TIMEOUT_MS = 10_000;
const RESUBSCRIBE_DELAY_MS = 500;

const num = (v: unknown): number => (typeof v === 'number' ? v : v === null || v === undefined ? 0 : Number(v));
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

type Def = grpc.MethodDefinition<unknown, unknown>;
const def = (m: keyof typeof ControlService): Def => (ControlService as unknown as Record<string, Def>)[m]!;

/** Control calls on the daemon's socket. */
export class ControlSocketClient {
  private readonly client: grpc.Client;

  constructor(socketPath: string) {
    this.client = new grpc.Client(`unix:${socketPath}`, grpc.credentials.createInsecure());
  }

  unary<T>(method: keyof typeof ControlService, req: object, timeoutMs = CALL_TIMEOUT_MS): Promise<T> {
    const d = def(method);
    return new Promise<T>((resolve, reject) =>
      this.client.makeUnaryRequest(
        d.path,
        d.requestSerialize,
        d.responseDeserialize,
        req,
        new grpc.Metadata(),
        { deadline: Date.now() + timeoutMs },
        (err, res) => (err ? reject(fromGrpcError(err, { target: 'the local daemon' })) : resolve(res as T)),
      ),
    );
  }

  stream<T>(method: keyof typeof ControlService, req: object): grpc.ClientReadableStream<T> {
    const d = def(method);
    return this.client.makeServerStreamRequest(
      d.path,
      d.requestSerialize,
      d.responseDeserialize,
      req,
      new grpc.Metadata(),
      {},
    ) as grpc.ClientReadableStream<T>;
  }

  close(): void {
    this.client.close();
  }
}

export function nodeView(n: clusterctl.cluster.INode): NodeView {
  const m = n.managerStatus;
  return {
    id: str(n.id),
    hostname: str(n.hostname),
    role: str(n.role),
    availability: str(n.availability),
    state: str(n.status?.state) || 'unknown',
    addr: str(n.addr),
    manager:
      m === null || m === undefined || n.role !== 'manager'
        ? null
        : { leader: m.leader === true, reachability: str(m.reachability), addr: str(m.addr) },
  };
}

export function serviceView(s: clusterctl.control.IServiceSummary): ServiceView {
  const svc = s.service;
  const u = svc?.updateStatus;
  return {
    id: str(svc?.id),
    name: str(svc?.spec?.name),
    image: str(svc?.spec?.image),
    mode: str(svc?.spec?.mode) || 'replicated',
    running: num(s.running),
    desired: num(s.desired),
    update:
      u === null || u === undefined || str(u.state) === '' ? null : { state: str(u.state), message: str(u.message) },
    canRollback: svc?.previousSpec !== null && svc?.previousSpec !== undefined,
  };
}

export function taskView(t: clusterctl.cluster.ITask, serviceNames: ReadonlyMap<string, string>): TaskView {
  return {
    id: str(t.id),
    serviceId: str(t.serviceId),
    service: serviceNames.get(str(t.serviceId)) ?? str(t.spec?.name),
    slot: num(t.slot),
    nodeId: str(t.nodeId),
    desiredState: str(t.desiredState),
    state: str(t.status?.state),
    message: str(t.status?.err) || str(t.status?.message),
    timestamp: num(t.status?.timestamp),
  };
}

export function eventView(e: clusterctl.control.IClusterEvent): EventView {
  return {
    time: num(e.time),
    type: str(e.type),
    action: str(e.action),
    id: str(e.id),
    name: str(e.name),
    attributes: { ...(e.attributes ?? {}) },
  };
}

export interface DashboardSourceEvents {
  snapshot: [DashboardSnapshot];
  event: [EventView];
}

/**
 * Follows the cluster while anyone watches (start/stop): emits 'snapshot' when what the page shows
 * changed and 'event' for every cluster event.
 */
export class DashboardSource extends EventEmitter<DashboardSourceEvents> {
  private running = false;
  private events: grpc.ClientReadableStream<InstanceType<C['EventsMessage']>> | undefined;
  private cursor: { index: number; seq: number } | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  private again = false;
  private lastJson = '';
  /** The latest snapshot (undefined until the first one arrived). */
  snapshot: DashboardSnapshot | undefined;
  readonly recent: EventView[] = [];

  constructor(
    private readonly control: ControlSocketClient,
    private readonly log: Logger,
  ) {
    super();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.subscribe();
    this.refreshSoon(0);
    this.pollTimer = setInterval(() => this.refreshSoon(0), POLL_PERIOD_MS);
  }

  stop(): void {
    this.running = false;
    clearInterval(this.pollTimer);
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.events?.cancel();
    this.events = undefined;
  }

  /** A fresh snapshot soon (one for a burst of calls). */
  refreshSoon(delayMs = REFRESH_DELAY_MS): void {
    if (!this.running || this.refreshTimer !== undefined) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.refresh();
    }, delayMs);
  }

  private refresh(): void {
    if (this.refreshing !== undefined) {
      this.again = true;
      return;
    }
    this.refreshing = this.read()
      .then((s) => {
        const json = JSON.stringify(s);
        this.snapshot = s;
        if (json !== this.lastJson) {
          this.lastJson = json;
          this.emit('snapshot', s);
        }
      })
      .catch((e: unknown) => this.log.debug({ err: e }, 'dashboard: reading the cluster failed'))
      .finally(() => {
        this.refreshing = undefined;
        if (this.again) {
          this.again = false;
          this.refreshSoon();
        }
      });
  }

  /** Nodes, services and tasks now. */
  async read(): Promise<DashboardSnapshot> {
    const [nodes, services, tasks] = await Promise.all([
      this.control.unary<InstanceType<C['ListNodesResponse']>>('listNodes', {}),
      this.listServices(),
      this.control.unary<InstanceType<C['ListTasksResponse']>>('listTasks', {}),
    ]);
    const names = new Map(services.map((s) => [str(s.service?.id), str(s.service?.spec?.name)]));
    return {
      nodes: nodes.nodes.map(nodeView).sort((a, b) => a.hostname.localeCompare(b.hostname)),
      services: services.map(serviceView),
      tasks: tasks.tasks
        .map((t) => taskView(t, names))
        .sort((a, b) => a.service.localeCompare(b.service) || a.slot - b.slot || a.id.localeCompare(b.id)),
    };
  }

  private async listServices(): Promise<clusterctl.control.IServiceSummary[]> {
    const out: clusterctl.control.IServiceSummary[] = [];
    let pageToken = '';
    for (let page = 0; page < 1000; page++) {
      const r = await this.control.unary<InstanceType<C['ListServicesResponse']>>('listServices', { pageToken });
      out.push(...r.services);
      if (str(r.nextPageToken) === '') break;
      pageToken = r.nextPageToken;
    }
    return out;
  }

  /** The event stream: the recent past first, then live; resumed after the last cursor when it breaks. */
  private subscribe(): void {
    if (!this.running) return;
    const req =
      this.cursor === undefined
        ? { since: Date.now() - RECENT_EVENTS_WINDOW_MS }
        : { resume: true, afterIndex: this.cursor.index, afterSeq: this.cursor.seq };
    const s = this.control.stream<InstanceType<C['EventsMessage']>>('events', req);
    this.events = s;
    s.on('data', (m: InstanceType<C['EventsMessage']>) => {
      const e = m.event;
      if (e !== null && e !== undefined) {
        this.cursor = { index: num(e.index), seq: num(e.seq) };
        const v = eventView(e);
        this.recent.push(v);
        if (this.recent.length > RECENT_EVENTS) this.recent.splice(0, this.recent.length - RECENT_EVENTS);
        this.emit('event', v);
        this.refreshSoon();
      } else if (num(m.positionIndex) > 0) {
        this.cursor = { index: num(m.positionIndex), seq: 0xffff_ffff };
      }
    });
    const again = (): void => {
      if (this.events !== s) return;
      this.events = undefined;
      if (this.running) setTimeout(() => this.subscribe(), RESUBSCRIBE_DELAY_MS).unref();
    };
    s.on('error', (e: grpc.ServiceError) => {
      if (e.code !== grpc.status.CANCELLED) this.log.debug({ err: e.details }, 'dashboard: event stream broke');
      // the managers no longer keep what follows the cursor: start again from the recent past
      if (e.code === grpc.status.FAILED_PRECONDITION) this.cursor = undefined;
      again();
    });
    s.on('end', again);
  }

  /** A live tail of a service's logs; returns the function that ends it. */
  followLogs(service: string, tail: number, onLine: (l: LogView) => void, onEnd: (err?: Error) => void): () => void {
    const s = this.control.stream<InstanceType<C['LogLine']>>('serviceLogs', { service, follow: true, tail });
    let ended = false;
    const end = (err?: Error): void => {
      if (ended) return;
      ended = true;
      onEnd(err);
    };
    s.on('data', (l: InstanceType<C['LogLine']>) =>
      onLine({
        taskId: str(l.taskId),
        slot: num(l.slot),
        nodeId: str(l.nodeId),
        stream: str(l.stream),
        time: num(l.timestamp),
        line: Buffer.from(l.line ?? []).toString('utf8'),
      }),
    );
    s.on('error', (e: grpc.ServiceError) =>
      end(e.code === grpc.status.CANCELLED ? undefined : fromGrpcError(e, { target: 'the local daemon' })),
    );
    s.on('end', () => end());
    return () => {
      ended = true;
      s.cancel();
    };
  }
}
