import { PlugboardError } from '@plugboard/widget-sdk/protocol';
import * as v from 'valibot';

/**
 * Checks the parameters of a call against its schema. Returns the parsed
 * value, or throws `invalid_params` naming the method and the path of the
 * first bad field: `toasts.show: params.message: Invalid type: …`.
 */
export function checkParams<S extends v.GenericSchema>(
  schema: S,
  params: unknown,
  method: string,
): v.InferOutput<S> {
  const parsed = v.safeParse(schema, params);
  if (parsed.success) return parsed.output;
  const [issue] = parsed.issues;
  const path = v.getDotPath(issue) ?? '';
  throw new PlugboardError(
    'invalid_params',
    `${method}: ${path === '' ? 'params' : `params.${path}`}: ${issue.message}`,
    { path },
  );
}
