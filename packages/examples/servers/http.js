// What the demo's small servers share: reading a request's body, answering JSON.

/**
 * The request's body, as text.
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<string>}
 */
export function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk) => (body += String(chunk)));
    req.on('end', () => {
      resolve(body);
    });
    req.on('error', reject);
  });
}

/**
 * The request's body as a JSON object, or `undefined` when it is none (not
 * JSON, or JSON but not an object).
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<Record<string, unknown> | undefined>}
 */
export async function readJsonObject(req) {
  try {
    const value = JSON.parse(await readBody(req));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? /** @type {Record<string, unknown>} */ (value)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Answers `body` as JSON (a string is sent as it is: JSON already).
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
export function sendJson(res, status, body) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}
