// Test support of the agent for other packages (tests, benchmarks): the in-memory executor.
export { FakeExecutor, type FakeExecutorConfig, type StopBehaviour } from './fake-executor.js';
