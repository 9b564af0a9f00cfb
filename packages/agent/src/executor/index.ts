export * from './executor.js';
export * from './labels.js';
export * from './image-ref.js';
export { toDockerCreateBody, MIN_MEMORY_BYTES, type DockerCreateBody } from './container-config.js';
export { DockerExecutor, DOCKER_EXECUTOR_DEFAULTS, type DockerExecutorConfig } from './docker-executor.js';
