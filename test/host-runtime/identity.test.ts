// Identity tokens, cross-origin: the claims, signed by the host's signer
// (ES256 with jose here, as a host backend would), verified against its
// JWKS; expiry and renewal on both sides; the SDK's fetch sends the token in
// a header to the app's own origin only, never in a URL.
import { expect } from 'chai';
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import type { HostIdentityClaims } from '@plugboard/host-runtime';
import { commandedApp, mountCard } from '../support/commanded-apps.js';
import type { FixtureWidget } from '../support/fixture-widget.js';
import { cleanUp } from '../support/host-page.js';
import { fixtureOrigin, hostOrigin } from '../support/origins.js';

const { publicKey, privateKey } = await generateKeyPair('ES256');
const jwks = createLocalJWKSet({
  keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }],
});

/** A host whose signer signs with ES256 and counts its signatures. */
async function identityCard(lifetimeSeconds = 60) {
  const signed: HostIdentityClaims[] = [];
  const { widgets } = await mountCard(
    [
      {
        manifest: commandedApp('credit', 1, { permissions: ['identity'] }),
        grants: { installationId: 'inst-7' },
      },
      { manifest: commandedApp('plain', 1, { permissions: [] }) },
    ],
    {
      identity: {
        lifetimeSeconds,
        sign: async (claims) => {
          signed.push(claims);
          return new SignJWT({ ...claims })
            .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
            .sign(privateKey);
        },
      },
    },
  );
  return { signed, widgets: widgets as [FixtureWidget, FixtureWidget] };
}

describe('identity tokens', () => {
  afterEach(cleanUp);

  it('names the host, the app, the user, the installation, the point and the entity, and verifies against the JWKS', async () => {
    const { widgets } = await identityCard();
    const token = await widgets[0].value<string>('token');
    const { payload, protectedHeader } = await jwtVerify(token, jwks, {
      issuer: hostOrigin,
      audience: 'credit',
      algorithms: ['ES256'],
    });
    expect(protectedHeader.alg).to.equal('ES256');
    expect(payload).to.deep.include({
      sub: 'u-1',
      installation: 'inst-7',
      point: 'customerorder.card',
      entity: { type: 'customerorder', id: '42' },
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).to.equal(60);
    expect(typeof payload.jti).to.equal('string');
    // A token for another app does not pass as this one's.
    const wrongAudience = await jwtVerify(token, jwks, { audience: 'other-app' }).catch(
      (error: unknown) => (error as { code?: string }).code,
    );
    expect(wrongAudience).to.equal('ERR_JWT_CLAIM_VALIDATION_FAILED');
  });

  it('expires: a token past its lifetime fails verification, and a forged one never passes', async () => {
    const { widgets } = await identityCard();
    const token = await widgets[0].value<string>('token');
    const later = new Date(Date.now() + 61_000);
    const expired = await jwtVerify(token, jwks, { currentDate: later }).catch(
      (error: unknown) => (error as { code?: string }).code,
    );
    expect(expired).to.equal('ERR_JWT_EXPIRED');
    const [header, body] = token.split('.');
    const forgedBody = btoa(JSON.stringify({ ...JSON.parse(atob(body ?? '')), sub: 'admin' }))
      .replaceAll('=', '')
      .replaceAll('+', '-')
      .replaceAll('/', '_');
    const forged = await jwtVerify(`${header}.${forgedBody}.${token.split('.')[2]}`, jwks).catch(
      (error: unknown) => (error as { code?: string }).code,
    );
    expect(forged).to.equal('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('keeps a token while it is fresh, and renews it before it expires', async () => {
    const { signed, widgets } = await identityCard(60);
    const [credit] = widgets;
    const first = await credit.value<string>('token');
    expect(await credit.value<string>('token')).to.equal(first);
    expect(signed.length).to.equal(1);
    // 40 s on, the SDK asks again (less than 30 s left), but the host's
    // copy is still as fresh as the SDK's: the host's clock has not moved.
    await credit.value('shiftClock', { ms: 40_000 });
    expect(await credit.value<string>('token')).to.equal(first);
    expect(signed.length).to.equal(1);
    // When the host's clock moves on too, it signs a new one.
    const realNow = Date.now.bind(Date);
    Date.now = () => realNow() + 40_000;
    try {
      const renewed = await credit.value<string>('token');
      expect(renewed).not.to.equal(first);
      expect(signed.length).to.equal(2);
    } finally {
      Date.now = realNow;
    }
  });

  it('sends the token in a header to the app’s own origin only, never in a URL', async () => {
    const { widgets } = await identityCard();
    const [credit, plain] = widgets;
    const echoed = await credit.value<{ status: number; body: string }>('identityFetch', {
      url: '/test/echo?counterparty=c1',
    });
    const { authorization, url } = JSON.parse(echoed.body) as {
      authorization: string;
      url: string;
    };
    expect(authorization).to.match(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    const token = authorization.slice('Bearer '.length);
    expect(url).to.equal('/test/echo?counterparty=c1');
    expect(url).not.to.contain(token);
    const elsewhere = await credit.run('identityFetch', { url: `${hostOrigin}/test/echo` });
    expect(elsewhere.ok ? 'sent' : elsewhere.error.code).to.equal('permission_denied');
    for (const iframe of document.querySelectorAll('iframe')) {
      expect(iframe.src).not.to.contain(token);
      expect(iframe.src.startsWith(fixtureOrigin)).to.equal(true);
    }
    expect((await plain.run('token')).ok ? 'token' : 'refused').to.equal('refused');
  });

  it('refuses a lifetime outside 60–300 s at createHost', async () => {
    const fails = await mountCard([], {
      identity: { sign: () => 'a.b.c', lifetimeSeconds: 600 },
    }).catch((error: unknown) => (error as Error).message);
    expect(fails).to.contain('60 to 300 seconds');
  });
});
