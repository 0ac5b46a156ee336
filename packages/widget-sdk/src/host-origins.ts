/**
 * The origin of the page that embeds this one, as the browser reports it:
 * `location.ancestorOrigins` where the browser has it (Chromium, Safari),
 * else the referrer's origin. `undefined` when neither says.
 */
export function embedderOrigin(): string | undefined {
  // Firefox has no ancestorOrigins.
  const { ancestorOrigins } = location as { ancestorOrigins?: DOMStringList };
  const ancestor = ancestorOrigins?.[0];
  if (ancestor !== undefined && ancestor !== 'null') return ancestor;
  if (document.referrer === '') return undefined;
  try {
    return new URL(document.referrer).origin;
  } catch {
    return undefined;
  }
}
