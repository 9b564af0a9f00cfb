export { ExecRunner, type CommandResult, type CommandRunner } from './command-runner.js';
export { CLUSTER_NETWORK, DataPlane, DATA_PLANE_DEFAULTS, type DataPlaneConfig } from './data-plane.js';
export { netMapFromProto, type NetMap } from './network-map.js';
export { Condition, type NetworkCapabilities, type NodeCondition } from './probe.js';
export { ListeningPortScanner, type ListeningPort } from './listening-ports.js';
