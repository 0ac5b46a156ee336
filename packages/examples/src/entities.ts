// The data the demo host hands to widgets through entity.get, by entity type
// and id; Storybook's mock host uses the same.
import type { JsonValue } from '@plugboard/widget-sdk';
import { counterparties, findCounterparty, findGood, goods } from './data.js';
import { allOrders, getOrder, orderData } from './orders-store.js';

export function entityData(type: string, id: string): Record<string, JsonValue> | null {
  if (type === 'customerorder') {
    const order = getOrder(id);
    return order ? orderData(order) : null;
  }
  if (type === 'counterparty') {
    const counterparty = findCounterparty(id);
    return counterparty
      ? { name: counterparty.name, city: counterparty.city, email: counterparty.email }
      : null;
  }
  if (type === 'product') {
    const good = findGood(id);
    return good ? { name: good.name, price: good.price, folderId: good.folderId } : null;
  }
  return null;
}

/** Every demo entity's data, by type and id. */
export function allEntities(): Record<string, Record<string, Record<string, JsonValue>>> {
  const byType = (type: string, ids: readonly string[]) =>
    Object.fromEntries(ids.map((id) => [id, entityData(type, id) ?? {}]));
  return {
    customerorder: byType(
      'customerorder',
      allOrders().map((o) => o.id),
    ),
    counterparty: byType(
      'counterparty',
      counterparties.map((c) => c.id),
    ),
    product: byType(
      'product',
      goods.map((g) => g.id),
    ),
  };
}
