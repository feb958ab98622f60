/**
 * Every value and type the package exports for eligibility, from its five entry points
 * (`.`, `./time`, `./lifecycle`, `./explain`, `./partner-center`), as one namespace for the tests
 * that go through the whole public surface (fuzzing, security). `./display` has its own tests.
 * A name several entry points export (the value lists `ASSUMPTIONS`, `RULE_IDS`, `PROGRAMS`,
 * `STATUSES`, `TERMS`, `BILLING_FREQUENCIES`, `RENEWAL_ANCHORS`) is one binding, listed once.
 */
export * from '../../src/index.js';
export * from '../../src/time/index.js';
export * from '../../src/lifecycle/index.js';
export * from '../../src/explain/index.js';
export * from '../../src/partner-center/index.js';
