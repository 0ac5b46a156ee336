// The counterparty's score as Credit check's own server reports it: the
// widget asks with the user's identity token (identity.fetch puts it in a
// header), and the server answers only once it has verified the token
// against the host's JWKS. A refused token (401) shows here as such.
import type { WidgetClient } from '@plugboard/widget-sdk';
import { identityOf } from '@plugboard/widget-sdk/identity';

/**
 * Fills `into` with the verified score of `counterpartyId`, or why there is
 * none. Only where the installation's settings name Ledgerline's score
 * service (`scoreService`, a path on this app's origin): a preview with no
 * backend shows nothing of it.
 */
export async function showVerifiedScore(
  client: WidgetClient,
  counterpartyId: string,
  into: HTMLElement,
): Promise<void> {
  const service = client.context.app.settings['scoreService'];
  into.hidden = typeof service !== 'string';
  if (typeof service !== 'string') return;
  into.textContent = 'Verifying with Ledgerline…';
  try {
    const response = await identityOf(client).fetch(
      `${service}?counterparty=${encodeURIComponent(counterpartyId)}`,
    );
    const body = (await response.json().catch(() => ({}))) as {
      score?: number;
      rating?: string;
      error?: string;
    };
    into.textContent = response.ok
      ? `Verified by Ledgerline: ${body.score} (${body.rating}).`
      : `Not verified (${response.status}): ${body.error ?? response.statusText}`;
    into.dataset['verified'] = String(response.ok);
  } catch (error) {
    into.dataset['verified'] = 'false';
    into.textContent = `Not verified: ${(error as Error).message}`;
  }
}
