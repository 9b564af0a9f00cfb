// The CLI's only connection: gRPC over the unix socket DATA_DIR/control.sock of the local node
// daemon, serving Control (forwarded by the daemon to a manager) and Local (this node).
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { ClusterError, dataPaths, ErrorCode, fromGrpcError } from '@clusterctl/common';
import { ControlService, LocalService, type clusterctl } from '@clusterctl/proto';

export const DEFAULT_CALL_TIMEOUT_MS = 30_000;
const MAX_LIST_PAGES = 10_000;

type Def = grpc.MethodDefinition<unknown, unknown>;
type C = typeof clusterctl.control;
type K = typeof clusterctl.cluster;

/** Request and response types of the Control methods (decoded responses). */
export interface ControlMethods {
  getNode: [clusterctl.control.IGetNodeRequest, InstanceType<K['Node']>];
  listNodes: [clusterctl.control.IListNodesRequest, InstanceType<C['ListNodesResponse']>];
  updateNode: [clusterctl.control.IUpdateNodeRequest, InstanceType<K['Node']>];
  removeNode: [clusterctl.control.IRemoveNodeRequest, InstanceType<C['Empty']>];
  createService: [clusterctl.control.ICreateServiceRequest, InstanceType<K['Service']>];
  getService: [clusterctl.control.IGetServiceRequest, InstanceType<K['Service']>];
  listServices: [clusterctl.control.IListServicesRequest, InstanceType<C['ListServicesResponse']>];
  updateService: [clusterctl.control.IUpdateServiceRequest, InstanceType<K['Service']>];
  scaleService: [clusterctl.control.IScaleServiceRequest, InstanceType<K['Service']>];
  removeService: [clusterctl.control.IRemoveServiceRequest, InstanceType<C['Empty']>];
  listTasks: [clusterctl.control.IListTasksRequest, InstanceType<C['ListTasksResponse']>];
  serviceLogs: [clusterctl.control.IServiceLogsRequest, InstanceType<C['LogLine']>];
  events: [clusterctl.control.IEventsRequest, InstanceType<C['EventsMessage']>];
  getJoinToken: [clusterctl.control.IJoinTokenRequest, InstanceType<C['JoinTokenResponse']>];
  getClusterInfo: [clusterctl.control.IEmpty, InstanceType<C['ClusterInfo']>];
  updateCluster: [clusterctl.control.IUpdateClusterRequest, InstanceType<C['ClusterInfo']>];
  rotateRootCa: [clusterctl.control.IRotateRootCaRequest, InstanceType<C['ClusterInfo']>];
  // networking
  createNetwork: [clusterctl.control.ICreateNetworkRequest, InstanceType<K['Network']>];
  getNetwork: [clusterctl.control.IGetNetworkRequest, InstanceType<C['NetworkSummary']>];
  listNetworks: [clusterctl.control.IListNetworksRequest, InstanceType<C['ListNetworksResponse']>];
  removeNetwork: [clusterctl.control.IRemoveNetworkRequest, InstanceType<C['Empty']>];
  // secrets and configs
  createSecret: [clusterctl.control.ICreateSecretRequest, InstanceType<K['Secret']>];
  getSecret: [clusterctl.control.IGetSecretRequest, InstanceType<K['Secret']>];
  listSecrets: [clusterctl.control.IListSecretsRequest, InstanceType<C['ListSecretsResponse']>];
  removeSecret: [clusterctl.control.IRemoveSecretRequest, InstanceType<C['Empty']>];
  createConfig: [clusterctl.control.ICreateConfigRequest, InstanceType<K['Config']>];
  getConfig: [clusterctl.control.IGetConfigRequest, InstanceType<K['Config']>];
  listConfigs: [clusterctl.control.IListConfigsRequest, InstanceType<C['ListConfigsResponse']>];
  removeConfig: [clusterctl.control.IRemoveConfigRequest, InstanceType<C['Empty']>];
  getUnlockKey: [clusterctl.control.IGetUnlockKeyRequest, InstanceType<C['GetUnlockKeyResponse']>];
  // image shipping
  listImages: [clusterctl.control.IListImagesRequest, InstanceType<C['ListImagesResponse']>];
}

export interface LocalMethods {
  info: [clusterctl.local.IInfoRequest, InstanceType<(typeof clusterctl.local)['InfoResponse']>];
  leave: [clusterctl.local.ILeaveRequest, InstanceType<(typeof clusterctl.local)['LeaveResponse']>];
  dashboardLogin: [
    clusterctl.local.IDashboardLoginRequest,
    InstanceType<(typeof clusterctl.local)['DashboardLoginResponse']>,
  ];
  unlock: [clusterctl.local.IUnlockRequest, InstanceType<(typeof clusterctl.local)['UnlockResponse']>];
}

export function controlSocketPath(dataDir: string): string {
  return dataPaths(dataDir).controlSocket;
}

export function noDaemonError(dataDir: string, why: string): ClusterError {
  const hasNode = existsSync(dataPaths(dataDir).nodeFile);
  return new ClusterError(ErrorCode.Unavailable, `no node daemon answers for data dir ${dataDir} (${why})`, {
    hint: hasNode
      ? `this data dir holds a node: start its daemon again with \`clusterctl start --data-dir ${dataDir}\`, or check --data-dir / CLUSTERCTL_DATA_DIR`
      : `create a cluster with \`clusterctl init\` or join one with \`clusterctl join\`, or point --data-dir / CLUSTERCTL_DATA_DIR at the node's data dir`,
  });
}

function permissionDenied(socketPath: string): ClusterError {
  return new ClusterError(ErrorCode.PermissionDenied, `cannot open ${socketPath}: permission denied`, {
    hint: 'the control socket and the data dir are for root only: run clusterctl as root (e.g. with sudo)',
  });
}

export class DaemonClient {
  private client: grpc.Client | undefined;
  readonly socketPath: string;

  constructor(
    readonly dataDir: string,
    private readonly timeoutMs = DEFAULT_CALL_TIMEOUT_MS,
  ) {
    this.socketPath = controlSocketPath(dataDir);
  }

  private connect(): grpc.Client {
    if (this.client !== undefined) return this.client;
    try {
      // stat as this user (existsSync/access answer for the real user id): a data dir this user may
      // not enter is a permission problem, not a missing daemon
      statSync(this.socketPath);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM') throw permissionDenied(this.socketPath);
      throw noDaemonError(this.dataDir, `${this.socketPath} does not exist`);
    }
    try {
      accessSync(this.socketPath, constants.R_OK | constants.W_OK);
    } catch {
      throw permissionDenied(this.socketPath);
    }
    this.client = new grpc.Client(`unix:${this.socketPath}`, grpc.credentials.createInsecure());
    return this.client;
  }

  private mapError(e: unknown): ClusterError {
    const err = fromGrpcError(e, { target: 'the local node daemon' });
    const grpcCode = (e as { code?: number }).code;
    const hasTrailer = (e as { metadata?: grpc.Metadata }).metadata?.get('clusterctl-error-code')?.length;
    if (grpcCode === grpc.status.UNAVAILABLE && !hasTrailer) {
      const details = String((e as { details?: unknown }).details ?? '');
      if (/\b(EACCES|EPERM)\b/.test(details)) return permissionDenied(this.socketPath);
      return noDaemonError(this.dataDir, 'the control socket refuses connections');
    }
    return err;
  }

  private unary<T>(def: Def, req: unknown, timeoutMs = this.timeoutMs): Promise<T> {
    const client = this.connect();
    return new Promise((resolve, reject) =>
      client.makeUnaryRequest(
        def.path,
        def.requestSerialize,
        def.responseDeserialize,
        req,
        new grpc.Metadata(),
        { deadline: Date.now() + timeoutMs },
        (err, res) => (err ? reject(this.mapError(err)) : resolve(res as T)),
      ),
    );
  }

  control<M extends keyof ControlMethods>(
    method: M,
    req: ControlMethods[M][0],
    timeoutMs?: number,
  ): Promise<ControlMethods[M][1]> {
    return this.unary((ControlService as unknown as Record<string, Def>)[method]!, req, timeoutMs);
  }

  local<M extends keyof LocalMethods>(
    method: M,
    req: LocalMethods[M][0],
    timeoutMs?: number,
  ): Promise<LocalMethods[M][1]> {
    return this.unary((LocalService as unknown as Record<string, Def>)[method]!, req, timeoutMs);
  }

  /** Every service (ListServices page after page: one answer holds a few MB at most). */
  async listServices(
    filters: Record<string, string> = {},
  ): Promise<{ services: ControlMethods['listServices'][1]['services'] }> {
    const services: ControlMethods['listServices'][1]['services'] = [];
    let pageToken = '';
    for (let page = 0; page < MAX_LIST_PAGES; page++) {
      const r = await this.control('listServices', { filters, pageToken });
      services.push(...r.services);
      if ((r.nextPageToken ?? '') === '') return { services };
      pageToken = r.nextPageToken;
    }
    throw new ClusterError(ErrorCode.Internal, `the service list did not end after ${MAX_LIST_PAGES} pages`, {
      hint: 'this is a bug of the manager; see its log',
    });
  }

  /** Local.Backup: the backup file's bytes, and what its first message says of it. */
  backup(): Promise<{
    bytes: Buffer;
    first: { clusterId: string; raftIndex: number; raftTerm: number; totalBytes: number };
  }> {
    const client = this.connect();
    const d = (LocalService as unknown as Record<string, Def>).backup!;
    return new Promise((resolve, reject) => {
      const parts: Buffer[] = [];
      let first: { clusterId: string; raftIndex: number; raftTerm: number; totalBytes: number } | undefined;
      const call = client.makeServerStreamRequest(
        d.path,
        d.requestSerialize,
        d.responseDeserialize,
        {},
        new grpc.Metadata(),
        { deadline: Date.now() + 10 * this.timeoutMs },
      );
      call.on('data', (m: clusterctl.local.BackupChunk) => {
        first ??= {
          clusterId: m.clusterId,
          raftIndex: Number(m.raftIndex),
          raftTerm: Number(m.raftTerm),
          totalBytes: Number(m.totalBytes),
        };
        parts.push(Buffer.from(m.data));
      });
      call.on('error', (e: grpc.ServiceError) => reject(this.mapError(e)));
      call.on('end', () => {
        const bytes = Buffer.concat(parts);
        if (first === undefined || bytes.length !== first.totalBytes) {
          reject(
            new ClusterError(
              ErrorCode.Unavailable,
              `the backup stream ended after ${bytes.length} of ${first?.totalBytes ?? '?'} bytes`,
              { hint: 'nothing was written; run the backup again' },
            ),
          );
          return;
        }
        resolve({ bytes, first });
      });
    });
  }

  /** A server stream of Control; `onMessage` for each message; resolves when the stream ends. */
  controlStream<M extends keyof ControlMethods>(
    method: M,
    req: ControlMethods[M][0],
    onMessage: (m: ControlMethods[M][1]) => void,
    opts: { signal?: AbortSignal } = {},
  ): Promise<void> {
    const client = this.connect();
    const d = (ControlService as unknown as Record<string, Def>)[method]!;
    return new Promise((resolve, reject) => {
      const call = client.makeServerStreamRequest(
        d.path,
        d.requestSerialize,
        d.responseDeserialize,
        req,
        new grpc.Metadata(),
        {},
      );
      const abort = (): void => call.cancel();
      opts.signal?.addEventListener('abort', abort, { once: true });
      call.on('data', (m: unknown) => onMessage(m as ControlMethods[M][1]));
      call.on('error', (e: grpc.ServiceError) => {
        opts.signal?.removeEventListener('abort', abort);
        if (e.code === grpc.status.CANCELLED && opts.signal?.aborted) resolve();
        else reject(this.mapError(e));
      });
      call.on('end', () => {
        opts.signal?.removeEventListener('abort', abort);
        resolve();
      });
    });
  }

  close(): void {
    this.client?.close();
    this.client = undefined;
  }
}
