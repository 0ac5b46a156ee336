const issued = new Set<string>();

/**
 * A development warning with a stable code that the host-runtime README
 * explains (`no-host`, `unknown-point`, `unknown-widget`). Each distinct
 * warning is shown once.
 */
export function issueWarning(code: string, message: string): void {
  const key = `${code}:${message}`;
  if (issued.has(key)) return;
  issued.add(key);
  console.warn(`[plugboard] ${message} (warning "${code}")`);
}
