import type { HostServices } from '@plugboard/host-runtime';
import type { HostMethodName, HostMethodParams, HostMethodResult } from '@plugboard/widget-sdk';

type Sample<M extends HostMethodName> = {
  params: HostMethodParams<M>;
  result: HostMethodResult<M>;
};

/**
 * A valid call and a valid result for every host method. The mapped type
 * makes a new host method a compile error here until it has a sample, so the
 * table-driven tests cover every method.
 */
export const SAMPLE_CALLS: { [M in HostMethodName]: Sample<M> } = {
  ping: { params: undefined, result: 'pong' },
  'widget.resize': { params: { height: 120 }, result: undefined },
  'widget.setDirty': { params: { dirty: true }, result: undefined },
  'entity.get': {
    params: undefined,
    result: { type: 'customerorder', id: '42', data: { total: 1250, currency: 'EUR' } },
  },
  'entity.update': {
    params: { changes: { comment: 'Leave at the door' }, baseVersion: 3 },
    result: { version: 4, applied: ['comment'], refused: [] },
  },
  'selectors.open': {
    params: { selector: 'goods', multiple: true, max: 3 },
    result: { status: 'ok', selected: [{ id: 'g-1', name: 'Oak desk' }] },
  },
  'dialogs.open': {
    params: { dialog: 'pick-slot', params: { order: 'SO-42' } },
    result: { status: 'ok', result: { slot: '10:00' } },
  },
  'cells.invalidate': { params: { rows: ['42'], columns: ['eta'] }, result: undefined },
  'dialogs.close': { params: { result: { slot: '10:00' } }, result: undefined },
  'dialogs.dismiss': { params: { by: 'escape' }, result: { dismissed: true } },
  'dialogs.alert': { params: { message: 'Done' }, result: { status: 'ok' } },
  'dialogs.confirm': {
    params: { message: 'Cancel the shipment?', intent: 'destructive' },
    result: { status: 'dismissed', by: 'cancel' },
  },
  'dialogs.prompt': {
    params: { message: 'Note', value: 'x' },
    result: { status: 'ok', value: 'y' },
  },
  'dialogs.choose': {
    params: { message: 'Which?', options: [{ id: 'a', label: 'A' }] },
    result: { status: 'ok', value: 'a' },
  },
  'toasts.show': { params: { message: 'Saved', tone: 'success' }, result: undefined },
  'navigation.go': { params: { to: '/orders/43' }, result: undefined },
  'messages.send': {
    params: { messages: [{ topic: 'refresh', payload: { id: '42' } }] },
    result: undefined,
  },
  'messages.subscribe': { params: { topic: 'refresh' }, result: undefined },
  'messages.unsubscribe': { params: { topic: 'refresh' }, result: undefined },
  'storage.get': {
    params: { key: 'last-sync' },
    result: { value: '2026-11-23', version: 3 },
  },
  'storage.getMany': {
    params: {
      items: [{ key: 'note', scope: 'entity', entity: { type: 'counterparty', id: 'c1' } }],
    },
    result: [null],
  },
  'storage.set': {
    params: { key: 'last-sync', value: '2026-11-23', expectedVersion: 3 },
    result: { version: 4 },
  },
  'storage.remove': { params: { key: 'last-sync', scope: 'account' }, result: undefined },
  'storage.list': {
    params: { prefix: 'last-', limit: 10 },
    result: { items: [{ key: 'last-sync', version: 4, bytes: 12 }] },
  },
  'storage.quota': {
    params: undefined,
    result: {
      bytes: { used: 12, limit: 1_048_576 },
      keys: { used: 1, limit: 10_000 },
      valueBytes: 65_536,
    },
  },
  'identity.getToken': {
    params: undefined,
    result: { token: 'signed.jwt.token', expiresAt: 1_900_000_000 },
  },
  'diagnostics.report': {
    params: {
      kind: 'storage-denied',
      message: "SecurityError: Failed to read the 'sessionStorage' property",
    },
    result: undefined,
  },
};

/** Host services that answer every method with its sample result. */
export function sampleServices(): HostServices {
  const services: Record<string, () => unknown> = {};
  for (const [method, sample] of Object.entries(SAMPLE_CALLS)) {
    if (method !== 'ping') services[method] = () => sample.result;
  }
  return services;
}
