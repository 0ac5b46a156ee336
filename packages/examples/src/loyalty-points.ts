// How Order desk installs Loyalty points, the app written for MoySklad's
// protocol: what its descriptor does not say, and how MoySklad's points and
// field names read here. The demo host and its Storybook stories use it.
import type { MoySkladInstallOptions } from '@plugboard/host-runtime/moysklad';

/** The install options of Loyalty points served from `origin`, but for its `button` and `route`. */
export function loyaltyPointsOptions(origin: string) {
  return {
    id: 'loyalty-points',
    name: 'Loyalty points',
    vendor: { name: 'Loyal Co', url: 'https://loyal.example', email: 'help@loyal.example' },
    origin,
    points: {
      'document.customerorder.edit': 'customerorder.card',
      'entity.counterparty.edit': 'counterparty.card',
      'entity.product.edit': 'product.card',
    },
    buttonPoints: {
      'document.customerorder.list': 'customerorder.list.actions',
      'document.customerorder.edit': 'customerorder.card.actions',
      'entity.counterparty.list': 'counterparty.list.row',
    },
    // MoySklad's order comment is its `description`.
    fields: { description: 'comment' },
    writes: { customerorder: ['comment'] },
  } satisfies MoySkladInstallOptions;
}
