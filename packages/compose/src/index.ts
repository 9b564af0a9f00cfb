// @clusterctl/compose: compose files read as a cluster reads them (the model, its loading and
// checks), and the plan of cluster objects a stack deploys from them.
export * from './model.js';
export { loadCompose, loadComposeFiles, MAX_COMPOSE_FILE_BYTES, type ComposeSource, type LoadOptions } from './load.js';
export { interpolateString, parseDotEnv, type Vars } from './interpolate.js';
export { formatPath, formatProblem, type Problem } from './problems.js';
export { IGNORED_SERVICE_KEYS } from './convert.js';
export {
  checkStackName,
  planStack,
  STACK_NAME_RE,
  STACK_NAMESPACE_LABEL,
  type PlanOptions,
  type PlannedFileObject,
  type PlannedService,
  type StackPlan,
} from './stack.js';
