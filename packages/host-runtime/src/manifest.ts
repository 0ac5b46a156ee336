/**
 * `@plugboard/host-runtime/manifest`: app manifests without the rest of the
 * runtime, for tools (the `plugboard` CLI, a CI check): `validateManifest`
 * and its typed errors. No DOM needed: it runs in Node too.
 *
 * @module @plugboard/host-runtime/manifest
 */
export {
  HostManifestError,
  validateManifest,
  type HostManifestIssue,
} from './manifest/validate.js';
export type { HostManifest } from './manifest/schema.js';
