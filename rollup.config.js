// Builds the published packages into their `dist/` folders:
// - ESM with one output file per source module (so `sideEffects` can name the
//   element files and bundlers tree-shake the rest), `.d.ts` and source maps;
//   every dependency stays external.
// - for the widget SDK, also a standalone minified build with penpal bundled,
//   as ESM and as a classic script defining the global `Plugboard`: for vendors
//   who use a <script> tag, and for the bundle-size benchmark.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
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
 * @param {import('rollup').Plugin[]} [plugins] run after TypeScript
 * @returns {import('rollup').RollupOptions}
 */
function library(pkgDir, input, plugins = []) {
  return {
    input,
    external: externalsOf(pkgDir),
    plugins: [ts(pkgDir, { declarations: true, outDir: `${pkgDir}/dist` }), ...plugins],
    output: {
      dir: `${pkgDir}/dist`,
      format: 'esm',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: `${pkgDir}/src`,
    },
  };
}

/**
 * Minifies the CSS of lit's css`` literals in the published build (terser
 * leaves template strings as written, and every bundler after it too):
 * the runtime's elements ship their styles without the indentation.
 * HTML templates stay as written, whitespace and all.
 * @returns {import('rollup').Plugin}
 */
function minifyStyles() {
  return minifyLiterals({
    failOnError: true,
    options: {
      minifyOptions: {
        caseSensitive: true,
        collapseWhitespace: true,
        conservativeCollapse: true,
        removeComments: true,
        minifyCSS: { minify: true },
      },
    },
  });
}

/**
 * Writes the app manifest's JSON Schema next to the built runtime, generated
 * from the same valibot schema the runtime validates with, for editor
 * completion in vendors' manifest files.
 * @param {string} pkgDir
 * @returns {import('rollup').Plugin}
 */
function manifestJsonSchema(pkgDir) {
  return {
    name: 'manifest-json-schema',
    async writeBundle() {
      const { toJsonSchema } = await import('@valibot/to-json-schema');
      const built = pathToFileURL(`${pkgDir}/dist/manifest/schema.js`).href;
      const { ManifestSchema } = await import(`${built}?t=${Date.now()}`);
      // Rules written as code (origins, URLs, permissions) cannot be
      // expressed in JSON Schema; the runtime still checks them.
      const schema = toJsonSchema(ManifestSchema, { errorMode: 'ignore' });
      const document = {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'Plugboard app manifest, version 1',
        ...schema,
      };
      writeFileSync(
        `${pkgDir}/dist/manifest.schema.json`,
        `${JSON.stringify(document, null, 2)}\n`,
      );
    },
  };
}

const sdk = 'packages/widget-sdk';
const host = 'packages/host-runtime';
const cli = 'packages/cli';
const react = 'packages/react';

/** @type {import('rollup').RollupOptions[]} */
export default [
  library(sdk, {
    index: `${sdk}/src/index.ts`,
    protocol: `${sdk}/src/protocol.ts`,
    connector: `${sdk}/src/connector.ts`,
    messages: `${sdk}/src/messages.ts`,
    identity: `${sdk}/src/identity.ts`,
  }),
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
  // The connector's entry, standalone too: a connector page with no bundler.
  {
    input: `${sdk}/src/connector.ts`,
    plugins: [
      nodeResolve({ browser: true }),
      ts(sdk, { declarations: false, outDir: `${sdk}/dist/standalone` }),
    ],
    output: {
      file: `${sdk}/dist/standalone/plugboard-connector.min.js`,
      format: 'esm',
      sourcemap: true,
      plugins: [terser()],
    },
  },
  // Built after the SDK: the runtime's types import the SDK's published ones.
  library(
    host,
    {
      index: `${host}/src/index.ts`,
      testing: `${host}/src/testing.ts`,
      lists: `${host}/src/lists.ts`,
      storage: `${host}/src/storage.ts`,
      moysklad: `${host}/src/moysklad.ts`,
      inspector: `${host}/src/inspector.ts`,
      telemetry: `${host}/src/telemetry.ts`,
      manifest: `${host}/src/manifest.ts`,
      'manifest/schema': `${host}/src/manifest/schema.ts`,
    },
    [minifyStyles(), manifestJsonSchema(host)],
  ),
  // After the runtime: the React bindings' types import the runtime's published ones.
  library(react, {
    index: `${react}/src/index.ts`,
    lists: `${react}/src/lists.ts`,
    inspector: `${react}/src/inspector.ts`,
  }),
  // The CLI: its Node side, and the dev host's page, bundled whole (the
  // runtime and lit included) so that `plugboard dev` serves it as it is.
  {
    ...library(cli, { index: `${cli}/src/index.ts` }),
    external: (id) => id.startsWith('node:') || externalsOf(cli)(id),
  },
  {
    input: `${cli}/src/dev-host/main.ts`,
    plugins: [
      nodeResolve({ browser: true }),
      ts(cli, { declarations: false, outDir: `${cli}/dist/dev-host` }),
    ],
    output: {
      dir: `${cli}/dist/dev-host`,
      format: 'esm',
      sourcemap: true,
      plugins: [terser()],
    },
  },
];
