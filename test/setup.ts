import fc from 'fast-check';

// A fixed seed keeps property runs reproducible (and lets mutation testing match tests).
// Override with FC_SEED=<n> to explore other runs.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 42), numRuns: Number(process.env.FC_RUNS ?? 200) });
