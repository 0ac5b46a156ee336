/** The warnings shown, made at the first (a production build has none). */
let issued: Set<string> | undefined;

/**
 * Whether this is a development build. In a production build by vite (and
 * any bundler that replaces `import.meta.env`), this is `false` at build
 * time, so every `if (DEV) issueWarning(…)` and its message is dropped from
 * the bundle. Without a bundler that sets it, warnings stay on.
 */
export const DEV: boolean =
  ((import.meta as ImportMeta & { env?: { MODE?: string } }).env
    ? (import.meta as ImportMeta & { env: { MODE?: string } }).env.MODE
    : undefined) !== 'production';

/**
 * A development warning with a stable code that the host-runtime README
 * explains (`no-host`, `unknown-point`, `unknown-widget`). Each distinct
 * warning is shown once. Call it as `if (DEV) issueWarning(…)`, so that
 * production builds leave it out.
 */
export function issueWarning(code: string, message: string): void {
  const key = `${code}:${message}`;
  issued ??= new Set();
  if (issued.has(key)) return;
  issued.add(key);
  console.warn(`[plugboard] ${message} (warning "${code}")`);
}
