// min+gzip sizes, each measured the same way: bundle what an app gets from
// `import * as sdk from '<package>'` with rollup (node-resolve for the
// browser, CommonJS and JSON support), minify with terser, gzip at level 9.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';

/** The SDKs of established embedding platforms, for comparison. */
export const COMPETITORS = [
  '@contentful/app-sdk',
  'zendesk_app_framework_sdk',
  '@pipedrive/app-extensions-sdk',
  'monday-sdk-js',
  '@forge/bridge',
];

const here = fileURLToPath(new URL('.', import.meta.url));
const ENTRY = `${here}__size-entry.js`;

/** @param {string | Uint8Array} code */
export const gzipSize = (code) => gzipSync(code, { level: 9 }).byteLength;

/**
 * Replaces `import.meta.env` with a production build's, as vite and other
 * bundlers do when they build for production: code under
 * `if (DEV)` (the host runtime's dev-mode warnings) drops out.
 * @returns {import('rollup').Plugin}
 */
const productionEnv = () => ({
  name: 'production-env',
  transform: (code) =>
    code.includes('import.meta.env')
      ? { code: code.replaceAll('import.meta.env', '({ MODE: "production" })'), map: null }
      : null,
});

/**
 * Bundles everything `specifier` exports, minified, and returns its size:
 * all of it, and what a page loads up front (the entry chunk and what it
 * imports statically), leaving out chunks loaded by `import()` at first use.
 * As a production build (`production`, the default) or a development one,
 * which keeps dev-mode warnings.
 * @param {string} specifier
 * @param {(id: string) => boolean} [external] what to leave out
 * @param {{ production?: boolean }} [options]
 * @returns {Promise<{ minified: number, gzip: number, initial: { minified: number, gzip: number } }>}
 */
export async function packageSize(specifier, external = () => false, { production = true } = {}) {
  const bundle = await rollup({
    input: ENTRY,
    external,
    onwarn: () => undefined,
    plugins: [
      {
        name: 'size-entry',
        resolveId: (id) => (id === ENTRY ? ENTRY : null),
        load: (id) =>
          id === ENTRY
            ? `import * as sdk from ${JSON.stringify(specifier)}; globalThis.__measured = sdk;`
            : null,
      },
      nodeResolve({ browser: true, preferBuiltins: false }),
      commonjs(),
      json(),
      ...(production ? [productionEnv()] : []),
    ],
  });
  const { output } = await bundle.generate({ format: 'esm', plugins: [terser()] });
  await bundle.close();
  /** @type {Map<string, import('rollup').OutputChunk>} */
  const chunks = new Map();
  for (const item of output) if (item.type === 'chunk') chunks.set(item.fileName, item);
  const upFront = new Set();
  const visit = (/** @type {string} */ name) => {
    const chunk = chunks.get(name);
    if (!chunk || upFront.has(name)) return;
    upFront.add(name);
    chunk.imports.forEach(visit);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  const all = [...chunks.values()].map((chunk) => chunk.code).join('');
  const initial = [...upFront].map((name) => chunks.get(name)?.code ?? '').join('');
  return {
    minified: Buffer.byteLength(all),
    gzip: gzipSize(all),
    initial: { minified: Buffer.byteLength(initial), gzip: gzipSize(initial) },
  };
}

/** The size of a file already built and minified. */
export function fileSize(/** @type {string} */ path) {
  const code = readFileSync(path);
  return { minified: code.byteLength, gzip: gzipSize(code) };
}
