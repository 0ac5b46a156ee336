import { PlugboardError } from '@plugboard/widget-sdk/protocol';
import * as v from 'valibot';

/**
 * Checks the parameters of a call against its schema. Returns the parsed
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
