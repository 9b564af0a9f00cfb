// gRPC clients to managers, over mutual TLS with this node's certificate. A manager is accepted when
// its certificate (verified against the cluster CA) names the cluster and the manager role; host
// names are not checked (node certificates carry no host names).
import * as grpc from '@grpc/grpc-js';
import { managerChannelCredentials, TLS_SERVER_NAME, type NodeTls } from '@clusterctl/ca';

export interface ManagerChannelConfig {
  clusterId: string;
  tls: NodeTls;
  /** Keep-alive pings on idle connections: a silent manager is noticed within ~2x this. */
  keepaliveTimeMs?: number;
}

export const MANAGER_CHANNEL_DEFAULTS = { keepaliveTimeMs: 2_000 } as const;

export function managerChannelOptions(cfg: ManagerChannelConfig): grpc.ChannelOptions {
  const keepalive = cfg.keepaliveTimeMs ?? MANAGER_CHANNEL_DEFAULTS.keepaliveTimeMs;
  return {
    'grpc.keepalive_time_ms': keepalive,
    'grpc.keepalive_timeout_ms': keepalive,
    'grpc.keepalive_permit_without_calls': 1,
    // A manager that restarts on the same address is dialled again quickly.
    'grpc.initial_reconnect_backoff_ms': 100,
    'grpc.max_reconnect_backoff_ms': 1_000,
    'grpc.ssl_target_name_override': TLS_SERVER_NAME,
    'grpc.enable_retries': 0,
    'grpc.max_receive_message_length': 64 << 20,
    'grpc.max_send_message_length': 64 << 20,
  };
}

/** A client of `service` at `addr` (host:port). Close it with client.close(). */
export function dialManager<T extends grpc.Client>(
  service: grpc.ServiceDefinition,
  name: string,
  addr: string,
  cfg: ManagerChannelConfig,
): T {
  const Ctor = grpc.makeGenericClientConstructor(service, name);
  return new Ctor(addr, managerChannelCredentials(cfg.tls, cfg.clusterId), managerChannelOptions(cfg)) as unknown as T;
}
