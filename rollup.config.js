// Builds the two published packages into their `dist/` folders:
// - ESM with one output file per source module (so `sideEffects` can name the
//   element files and bundlers tree-shake the rest), `.d.ts` and source maps;
//   every dependency stays external.
// - for the widget SDK, also a standalone minified build with penpal bundled,
//   as ESM and as a classic script defining the global `Plugboard`: for vendors
//   who use a <script> tag, and for the bundle-size benchmark.
import { readFileSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

/** @param {string} pkgDir */
function externalsOf(pkgDir) {
  const pkg = JSON.parse(readFileSync(`${pkgDir}/package.json`, 'utf8'));
  const names = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  return (/** @type {string} */ id) =>
    names.some((name) => id === name || id.startsWith(`${name}/`));
}

/**
 * @param {string} pkgDir
 * @param {{ declarations: boolean, outDir: string }} options
 */
function ts(pkgDir, { declarations, outDir }) {
  return typescript({
    tsconfig: `${pkgDir}/tsconfig.json`,
    // The repo-wide tsconfig is set up for `tsc --build` (composite,
    // declarations only, sources of sibling packages through the
    // `@plugboard/source` condition). A published build emits JavaScript and
    // resolves sibling packages to their own published types instead.
    compilerOptions: {
      composite: false,
      incremental: false,
      emitDeclarationOnly: false,
      declaration: declarations,
      declarationMap: false,
      sourceMap: true,
      outDir,
      ...(declarations ? { declarationDir: outDir } : {}),
      customConditions: [],
    },
    noEmitOnError: true,
  });
}

/**
 * @param {string} pkgDir
 * @param {Record<string, string>} input
 * @returns {import('rollup').RollupOptions}
 */
function library(pkgDir, input) {
  return {
    input,
    external: externalsOf(pkgDir),
    plugins: [ts(pkgDir, { declarations: true, outDir: `${pkgDir}/dist` })],
    output: {
      dir: `${pkgDir}/dist`,
      format: 'esm',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: `${pkgDir}/src`,
    },
  };
}

const sdk = 'packages/widget-sdk';
const host = 'packages/host-runtime';

/** @type {import('rollup').RollupOptions[]} */
export default [
  library(sdk, { index: `${sdk}/src/index.ts`, protocol: `${sdk}/src/protocol.ts` }),
  {
    input: `${sdk}/src/index.ts`,
    plugins: [
      nodeResolve({ browser: true }),
      ts(sdk, { declarations: false, outDir: `${sdk}/dist/standalone` }),
    ],
    output: [
      {
        file: `${sdk}/dist/standalone/plugboard-widget-sdk.min.js`,
        format: 'esm',
        sourcemap: true,
        plugins: [terser()],
      },
      {
        file: `${sdk}/dist/standalone/plugboard-widget-sdk.iife.min.js`,
        format: 'iife',
        name: 'Plugboard',
        sourcemap: true,
        plugins: [terser()],
      },
    ],
  },
  // Built after the SDK: the runtime's types import the SDK's published ones.
  library(host, { index: `${host}/src/index.ts` }),
];
