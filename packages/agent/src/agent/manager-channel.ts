// gRPC clients to managers, over mutual TLS with this node's certificate. A manager is accepted when
// its certificate (verified against the cluster CA) names the cluster and the manager role; host
// names are not checked (node certificates carry no host names).
import * as grpc from '@grpc/grpc-js';
import { managerChannelCredentials, TLS_SERVER_NAME, type NodeTls } from '@clusterctl/ca';

export interface ManagerChannelConfig {
  clusterId: string;
  tls: NodeTls;
  /** Keep-alive pings: one goes out this long after the previous one was answered. */
  keepaliveTimeMs?: number;
  /**
   * How long a ping may go unanswered before the connection is dropped. Longer than the agent's
   * worst-case time to notice a vanished manager by its heartbeats (agentManagerLossMs,
   * @clusterctl/common: 3.5 s with the defaults), so a manager whose process is only slow for a few
   * seconds keeps its connections (and every session on them), and a vanished one is still left by
   * the heartbeats first.
   */
  keepaliveTimeoutMs?: number;
}

export const MANAGER_CHANNEL_DEFAULTS = { keepaliveTimeMs: 2_000, keepaliveTimeoutMs: 5_000 } as const;

export function managerChannelOptions(cfg: ManagerChannelConfig): grpc.ChannelOptions {
  return {
    'grpc.keepalive_time_ms': cfg.keepaliveTimeMs ?? MANAGER_CHANNEL_DEFAULTS.keepaliveTimeMs,
    'grpc.keepalive_timeout_ms': cfg.keepaliveTimeoutMs ?? MANAGER_CHANNEL_DEFAULTS.keepaliveTimeoutMs,
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
