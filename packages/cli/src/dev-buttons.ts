// plugboard dev's MoySklad buttons: a click goes to the vendor's server,
// signed with the app's secret, as MoySklad sends it.
import { createHmac, randomUUID } from 'node:crypto';
import type { CheckedApp } from './sources.js';

/**
 * A MoySklad button's click (`{ app, request }` from the dev host page), to
 * the vendor's server named by the app's descriptor, signed with `secret`
 * as MoySklad signs it: the vendor's answer, or why it was not sent.
 */
export async function forwardButton(
  text: string,
  apps: readonly CheckedApp[],
  secret: string | undefined,
): Promise<{ status: number; body: unknown }> {
  const refuse = (status: number, errorMessage: string) => ({
    status,
    body: { error: { errorMessage } },
  });
  const { app: appId, request } = JSON.parse(text) as { app?: string; request?: object };
  const app = apps.find((item) => item.manifest?.id === appId && item.moysklad);
  const base = app?.moysklad && endpointOf(app.moysklad.xml);
  if (!app || !base || !request)
    return refuse(404, `No MoySklad app "${appId ?? ''}" with a vendorApi here.`);
  if (!secret) {
    return refuse(
      501,
      "plugboard dev calls a vendor's server only with the app's secret: start it with --moysklad-secret <secret>.",
    );
  }
  const response = await fetch(`${base}/api/moysklad/vendor/1.0/apps/${appId}/dev-account/button`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${signHs256(secret, appId ?? '')}`,
    },
    body: JSON.stringify({ ...request, user: { employeeId: 'dev-user', role: 'admin' } }),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: await response.text() };
}

/** A descriptor's `vendorApi/endpointBase`. */
const endpointOf = (xml: string) =>
  /<endpointBase>\s*([^<\s]+)\s*<\/endpointBase>/.exec(xml)?.[1]?.replace(/\/+$/, '');

/** A MoySklad-style JWT for the vendor: HS256 with the app's secret, `sub` the app, a single-use `jti`. */
function signHs256(secret: string, subject: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({
    sub: subject,
    iat: Math.floor(Date.now() / 1000),
    jti: randomUUID(),
  })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}
