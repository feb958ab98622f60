/**
 * The layers of src/ (ARCHITECTURE.md), lowest first: a folder imports only itself and the folders
 * below it. `npm test` runs `depcruise src` with this file and fails on any violation.
 */
const LAYERS = [
  'core', // errors, field checks, the decision shape, rule IDs
  'time', // instants, UTC days, terms, windows
  'policy', // programs and policies as data
  'snapshot', // the validated subscription, its changes, where its windows run from
  'decisions', // one question each: cancel, seats, refunds, plans, upgrades, trials, offers
  'lifecycle', // renewal, scheduled changes, after-term stages, add-ons, BSS, coterminosity
  'lifecycle/machine', // the pure transition machine
  'explain', // every action at once
  'partner-center', // the Partner Center adapter and reconcile
  'display', // local-time display
  'cli', // the csp-rules command
];
const folder = (layer) => `^src/${layer.replace('/', '\\/')}/`;
// `lifecycle` must not match `lifecycle/machine`; the folder's index.ts is its entry point, on top of
// the folder, and may re-export the machine.
const path = (layer) => (layer === 'lifecycle' ? '^src/lifecycle/(?!index\\.ts$)[^/]+$' : folder(layer));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...LAYERS.slice(0, -1).map((layer, i) => ({
      name: `layer-${layer.replace('/', '-')}`,
      comment: `src/${layer}/ imports only ${LAYERS.slice(0, i + 1).join(', ')} (ARCHITECTURE.md)`,
      severity: 'error',
      from: { path: path(layer) },
      to: { path: LAYERS.slice(i + 1).map(path) },
    })),
    {
      name: 'display-stays-small',
      comment: 'the display entry point imports only core and time, so that it loads nothing else',
      severity: 'error',
      from: { path: folder('display') },
      to: { path: '^src/', pathNot: [folder('core'), folder('time'), folder('display')] },
    },
    {
      name: 'main-entry',
      comment: 'the main entry (src/index.ts) exports the decisions and what they stand on, nothing above',
      severity: 'error',
      from: { path: '^src/index\\.ts$' },
      to: { path: ['^src/lifecycle/', folder('explain'), folder('partner-center'), folder('display'), folder('cli')] },
    },
    {
      name: 'no-circular',
      comment: 'no import cycle between files',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-node-builtins-in-the-library',
      comment: 'only the command line may use Node built-ins; the library runs in browsers too',
      severity: 'error',
      from: { path: '^src/', pathNot: folder('cli') },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-tests-in-src',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
