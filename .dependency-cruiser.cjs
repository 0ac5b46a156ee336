// The packages' dependency rules, checked by `npm test` (scripts/test.js
// runs `depcruise packages --config .dependency-cruiser.cjs`). The host
// runtime's layers only look down:
//   protocol (@plugboard/widget-sdk/protocol)
//   → core: store/, bridge/, frames/, manifest/, services/ (the services
//     table), deadline.ts, host-roots.ts
//   → features: drafts/, dialogs/, lists/, messages/, storage/, identity/,
//     compat/, inspector/, telemetry/; none reaches into another
//   → elements/
//   → the facade: host.ts, host-options.ts, host-data.ts, the entry points (index.ts,
//     lists.ts, …) and testing/
// docs/architecture.md draws them.
const SRC = '^packages/host-runtime/src/';
const CORE = `${SRC}(store|bridge|frames|manifest|services)/|${SRC}(config-error|deadline|host-roots)\\.ts$`;
const FEATURES = `${SRC}(drafts|dialogs|lists|messages|storage|identity|compat|inspector|telemetry)/`;
const ELEMENTS = `${SRC}elements/`;
const FACADE = `${SRC}(host|host-options|host-data|index|testing|lists|storage|moysklad|inspector|telemetry|manifest)\\.ts$|${SRC}testing/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import circles, type-only imports included: each file sits below what it imports.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-looks-down',
      severity: 'error',
      comment:
        'The core (store, bridge, frames, manifest, services table) imports only the protocol and itself.',
      from: { path: CORE },
      to: { path: [FEATURES, ELEMENTS, FACADE] },
    },
    {
      name: 'features-look-down',
      severity: 'error',
      comment:
        'A feature imports the protocol, the core and itself: never the elements or the facade (Host).',
      from: { path: FEATURES },
      to: { path: [ELEMENTS, FACADE] },
    },
    {
      name: 'features-stay-apart',
      severity: 'error',
      comment: 'A feature never imports another feature: what two share lives in the core.',
      from: {
        path: `${SRC}(drafts|dialogs|lists|messages|storage|identity|compat|inspector|telemetry)/`,
      },
      to: {
        path: FEATURES,
        pathNot: `${SRC}$1/`,
      },
    },
    {
      name: 'elements-look-down',
      severity: 'error',
      comment: 'Elements use the core and the features, never the facade (Host).',
      from: { path: ELEMENTS },
      to: { path: FACADE },
    },
    {
      name: 'sdk-protocol-looks-down',
      severity: 'error',
      comment: "The SDK's protocol is the bottom: it imports nothing else of the SDK.",
      from: { path: '^packages/widget-sdk/src/protocol/' },
      to: { path: '^packages/widget-sdk/src/', pathNot: '^packages/widget-sdk/src/protocol/' },
    },
    {
      name: 'runtime-reaches-the-sdk-protocol-only',
      severity: 'error',
      comment: 'The host runtime speaks the protocol; the widget SDK client is the widget side.',
      from: { path: SRC },
      to: { path: '^packages/widget-sdk/src/', pathNot: '^packages/widget-sdk/src/protocol' },
    },
    {
      name: 'react-reaches-the-runtime-entries-only',
      severity: 'error',
      comment:
        "The React bindings sit on the runtime's public API: its entry points, never its internals.",
      from: { path: '^packages/react/src/' },
      to: {
        path: SRC,
        pathNot: `${SRC}(index|lists|inspector)\\.ts$`,
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.base.json' },
    // Type-only imports count: a circle of types is a circle of design.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { conditionNames: ['@plugboard/source', 'import', 'types', 'default'] },
  },
};
