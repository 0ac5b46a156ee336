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
 * Bundles everything `specifier` exports, minified, and returns its size.
 * @param {string} specifier
 * @param {(id: string) => boolean} [external] what to leave out
 * @returns {Promise<{ minified: number, gzip: number }>}
 */
export async function packageSize(specifier, external = () => false) {
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
    ],
  });
  const { output } = await bundle.generate({ format: 'esm', plugins: [terser()] });
  await bundle.close();
  const code = output.map((chunk) => ('code' in chunk ? chunk.code : '')).join('');
  return { minified: Buffer.byteLength(code), gzip: gzipSize(code) };
}

/** The size of a file already built and minified. */
export function fileSize(/** @type {string} */ path) {
  const code = readFileSync(path);
  return { minified: code.byteLength, gzip: gzipSize(code) };
}
