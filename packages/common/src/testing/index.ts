// Test support for other packages' tests (the "./testing" subpath); never used by production code.

export { FakeClock } from './fake-clock.js';
