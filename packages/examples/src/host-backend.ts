// What Order desk's two hosts (src/ and react/) share: their extension
// points, the vendor apps they install and what the installations grant,
// identity tokens signed by the same server (servers/identity.js, its public
// key at /.well-known/jwks.json), and entity.get over the demo data.
import type {
  HostExtensionPoint,
  HostIdentityOptions,
  HostInstallGrants,
  HostServices,
} from '@plugboard/host-runtime';
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

/** The points both hosts declare (an app's install fails on a point its host lacks). */
export const EXTENSION_POINTS: HostExtensionPoint[] = [
  {
    id: 'customerorder.card',
    kind: 'panel',
    entity: 'customerorder',
    title: 'Customer order card',
  },
  { id: 'counterparty.card', kind: 'panel', entity: 'counterparty', title: 'Counterparty card' },
  { id: 'product.card', kind: 'panel', entity: 'product', title: 'Goods card' },
  { id: 'customerorder.list', kind: 'column', entity: 'customerorder', title: 'Order list' },
  {
    id: 'customerorder.list.actions',
    kind: 'action',
    entity: 'customerorder',
    title: 'Order list toolbar',
  },
  {
    id: 'customerorder.card.actions',
    kind: 'action',
    entity: 'customerorder',
    title: 'Customer order card actions',
  },
  { id: 'counterparty.list', kind: 'column', entity: 'counterparty', title: 'Counterparty list' },
  {
    id: 'counterparty.list.row',
    kind: 'action',
    entity: 'counterparty',
    title: 'Counterparty row',
  },
];

/** The vendor apps of the demo, as their vendors publish them. */
export const VENDOR_APPS = ['delivery-tracker', 'credit-check', 'quick-add'];

/**
 * What Order desk's installations grant beyond the manifests: Credit check
 * is connected to its vendor's score service; Delivery tracker's check of an
 * order is optional (when its vendor is down, the user may save without it).
 */
export const GRANTS: Readonly<Record<string, HostInstallGrants>> = {
  'credit-check': { settings: { scoreService: '/credit-check/api/score' } },
  'delivery-tracker': { validation: 'optional' },
};
