// Delivery tracker's part in the order's draft: it edits the delivery method
// and address (the fields its manifest may write), checks them before the
// host saves (courier delivery needs an address), and books the shipment
// once the order is saved, keeping it in the host's storage.
import type { DraftEntity, WidgetClient } from '@plugboard/widget-sdk';

interface Booking {
  readonly method: 'pickup' | 'courier';
  readonly address: string;
  readonly carrier: string;
}

const where = (orderId: string) =>
  ({ key: 'booking', scope: 'entity', entity: { type: 'customerorder', id: orderId } }) as const;

/** The shipment booked for the order, kept in the host's storage (the order's entity scope). */
async function booked(client: WidgetClient, orderId: string | null): Promise<Booking | undefined> {
  if (orderId === null) return undefined;
  return (await client.storage.get(where(orderId)))?.value as Booking | undefined;
}

const describe = (booking: Booking | undefined) =>
  !booking
    ? 'No shipment booked yet: it is booked when the order is saved.'
    : booking.method === 'courier'
      ? `Booked: courier to ${booking.address}, with ${booking.carrier}.`
      : `Booked: pickup at the warehouse, with ${booking.carrier}.`;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * The delivery controls, wired to the draft, and the widget's handlers for
 * `change`, `validate` and `save`. `carrier` is who ships it.
 */
export function deliveryEditor(
  client: WidgetClient,
  order: DraftEntity,
  carrier: () => Promise<string>,
): HTMLElement {
  let version = order.version ?? 0;
  const section = document.createElement('fieldset');
  section.className = 'delivery';
  const legend = document.createElement('legend');
  legend.textContent = 'Delivery';
  const method = document.createElement('select');
  method.dataset['testid'] = 'delivery-method';
  method.setAttribute('aria-label', 'Delivery method');
  for (const [value, label] of [
    ['pickup', 'Pickup at the warehouse'],
    ['courier', 'Courier'],
  ] as const) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = label;
    method.append(option);
  }
  const address = document.createElement('input');
  address.dataset['testid'] = 'delivery-address';
  address.setAttribute('aria-label', 'Courier address');
  address.placeholder = 'Courier address';
  const booking = document.createElement('p');
  booking.className = 'muted';
  booking.dataset['testid'] = 'booking';
  booking.textContent = 'Looking up the shipment…';
  void booked(client, order.id).then(
    (found) => {
      booking.textContent = describe(found);
    },
    (error: unknown) => {
      booking.textContent = `Could not look up the shipment: ${(error as Error).message}`;
    },
  );
  const problem = document.createElement('p');
  problem.setAttribute('role', 'alert');
  problem.className = 'problem';

  const show = (data: DraftEntity['data']) => {
    method.value = text(data['deliveryMethod']) === 'courier' ? 'courier' : 'pickup';
    // Never under the user's cursor: what they type wins until it is sent.
    if (document.activeElement !== address) address.value = text(data['deliveryAddress']);
  };
  show(order.data);

  const write = async (changes: { deliveryMethod?: string; deliveryAddress?: string }) => {
    const result = await client.entity.update({ changes, baseVersion: version });
    version = result.version;
    problem.textContent = result.refused.map((refusal) => refusal.reason).join(' ');
    if (result.refused.some((refusal) => refusal.code === 'conflict')) {
      // Someone changed it meanwhile: show theirs.
      const fresh = await client.entity.get();
      if (fresh) {
        version = fresh.version ?? version;
        show(fresh.data);
      }
    }
  };
  method.addEventListener('change', () => {
    void write({ deliveryMethod: method.value });
  });
  // Typed text goes to the draft after a pause; until then the widget holds
  // unsaved data, and the host asks before the user leaves.
  let pause: ReturnType<typeof setTimeout> | undefined;
  address.addEventListener('input', () => {
    clearTimeout(pause);
    void client.widget.setDirty({ dirty: true });
    pause = setTimeout(() => {
      void write({ deliveryAddress: address.value }).finally(() =>
        client.widget.setDirty({ dirty: false }),
      );
    }, 300);
  });

  client.handle('change', ({ data, version: next }) => {
    version = next;
    show(data);
  });
  client.handle('validate', ({ data }) =>
    text(data['deliveryMethod']) === 'courier' && text(data['deliveryAddress']).trim() === ''
      ? { valid: false, message: 'Courier delivery needs an address.', path: 'deliveryAddress' }
      : { valid: true },
  );
  client.handle('save', async ({ entity, data }) => {
    const saved: Booking = {
      method: text(data['deliveryMethod']) === 'courier' ? 'courier' : 'pickup',
      address: text(data['deliveryAddress']),
      carrier: await carrier(),
    };
    await client.storage.set({ ...where(entity.id), value: { ...saved } });
    booking.textContent = describe(saved);
  });

  section.append(legend, method, address, problem, booking);
  return section;
}
