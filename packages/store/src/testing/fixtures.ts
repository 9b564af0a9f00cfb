// Small record builders for tests (of the store and of components built on it).

import type { NewObject, Node, Service, ServiceSpec, Task } from '../objects.js';

export function serviceSpec(name: string, over: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    name,
    image: 'busybox:latest',
    command: ['sleep', '3600'],
    env: [],
    labels: {},
    mode: { kind: 'replicated', replicas: 1 },
    constraints: [],
    resources: { reservations: { nanoCpus: 0, memoryBytes: 0 }, limits: { nanoCpus: 0, memoryBytes: 0 } },
    ports: [],
    restartPolicy: { condition: 'any', delayMs: 100, maxAttempts: 0 },
    ...over,
  };
}

export function newService(name: string, over: Partial<ServiceSpec> = {}): NewObject<Service> {
  return { spec: serviceSpec(name, over) };
}

export function newTask(serviceId: string, slot: number, spec: ServiceSpec, over: Partial<Task> = {}): NewObject<Task> {
  return {
    serviceId,
    slot,
    nodeId: '',
    desiredState: 'running',
    status: { state: 'new', message: 'created', timestamp: 0 },
    spec,
    serviceVersion: 0,
    ...over,
  };
}

export function newNode(hostname: string, over: Partial<Node> = {}): NewObject<Node> {
  return {
    hostname,
    role: 'worker',
    availability: 'active',
    status: { state: 'ready', message: '', timestamp: 0 },
    addr: '10.0.0.1',
    labels: {},
    resources: { nanoCpus: 2e9, memoryBytes: 4 << 30 },
    engineLabels: {},
    ...over,
  };
}
