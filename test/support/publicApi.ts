/**
 * Every value and type the package exports for eligibility, from its five entry points
 * (`.`, `./time`, `./lifecycle`, `./explain`, `./partner-center`), as one namespace for the tests
 * that go through the whole public surface (fuzzing, security). `./display` has its own tests.
 */
export * from '../../src/index.js';
export * from '../../src/time/index.js';
export * from '../../src/lifecycle/index.js';
export { explain, ACTIONS } from '../../src/explain/explain.js';
export type {
  Action,
  ActionExplanation,
  AlertClass,
  ExplainOptions,
  Explanation,
  Outcome,
  TermTimeline,
} from '../../src/explain/explain.js';
export * from '../../src/partner-center/index.js';
