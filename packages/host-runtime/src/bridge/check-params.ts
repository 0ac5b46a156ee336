import { PlugboardError } from '@plugboard/widget-sdk/protocol';
import * as v from 'valibot';

/**
 * Checks the parameters of a call against its schema (never an array: no
 * method takes one). Returns the parsed
 * value, or throws `invalid_params` naming the method and every bad field
 * with its path, one after another:
 * `toasts.show: params.message: Invalid type: …; params.tone: Invalid type: …`.
 * `details.path` is the first path, `details.paths` all of them.
 */
export function checkParams<S extends v.GenericSchema>(
  schema: S,
  params: unknown,
  method: string,
): v.InferOutput<S> {
  // Every method's parameters are an object or nothing. An object schema
  // takes an array as an object with no fields (and hands the service
  // `{}`), so arrays are refused before it.
  if (Array.isArray(params)) {
    throw new PlugboardError(
      'invalid_params',
      `${method}: params: must be an object or left out, not an array`,
      { path: '', paths: '' },
    );
  }
  const parsed = v.safeParse(schema, params);
  if (parsed.success) return parsed.output;
  const paths = parsed.issues.map((issue) => v.getDotPath(issue) ?? '');
  const problems = parsed.issues.map(
    (issue, i) => `${paths[i] ? `params.${paths[i]}` : 'params'}: ${issue.message}`,
  );
  throw new PlugboardError('invalid_params', `${method}: ${problems.join('; ')}`, {
    path: paths[0] ?? '',
    paths: paths.join(' '),
  });
}
