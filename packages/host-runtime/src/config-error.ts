/** A host configuration that cannot work, for instance two points with one id. */
export class HostConfigError extends Error {
  override readonly name = 'HostConfigError';
}
