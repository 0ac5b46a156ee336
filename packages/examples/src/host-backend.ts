// What Order desk's two hosts (src/ and react/) take from the same backend
// and data: identity tokens signed by the server (servers/identity.js, its
// public key at /.well-known/jwks.json), and entity.get over the demo data.
import type { HostIdentityOptions, HostServices } from '@plugboard/host-runtime';
import { entityData } from './entities.js';

/** Identity tokens, signed by Order desk's server. */
export const identity: HostIdentityOptions = {
  sign: async (claims) => {
    const response = await fetch('/api/identity/sign', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(claims),
    });
    if (!response.ok) throw new Error(`The signer answered ${response.status}.`);
    return ((await response.json()) as { token: string }).token;
  },
};

/** entity.get: the entity the widget was opened for, with its data. */
export const services: HostServices = {
  'entity.get': (_params, { context: { entity } }) => {
    const data = entity && entityData(entity.type, entity.id);
    return entity && data ? { ...entity, data } : null;
  },
};
