// How the inspector writes what it shows: payloads, sizes, which outcomes are refusals.

/** Which outcomes the inspector shows. */
export type InspectorOutcomeFilter = 'all' | 'ok' | 'errors' | 'refused';

/** The outcomes that are refusals, marked in the list. */
export const REFUSALS = new Set(['permission_denied', 'busy', 'invalid_params']);
/** A payload shown in the details is cut past this many characters. */
const SHOWN_CHARS = 20_000;

/** A payload as the details show it: indented JSON, cut past SHOWN_CHARS. */
export const json = (value: unknown): string => {
  if (value === undefined) return '(none)';
  try {
    const text = JSON.stringify(value, null, 2);
    return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}\n… (cut)` : text;
  } catch {
    return '(not JSON)';
  }
};

/** A size, in B or KB. */
export const bytes = (count: number) =>
  count < 1024 ? `${count} B` : `${(count / 1024).toFixed(count < 10_240 ? 1 : 0)} KB`;
