// Type tests of the bridge's public API, checked by `tsc --build` (never run).
// Each @ts-expect-error line must fail to compile, or the build fails.
import type {
  HostConnection,
  HostConnectionEnd,
  HostHandshake,
  HostWidgetStatus,
} from '@plugboard/host-runtime';
import type {
  HostMethodResult,
  HostServiceName,
  WidgetClient,
  WidgetContext,
} from '@plugboard/widget-sdk';
import type {
  DEFERRED_HOST_METHODS,
  DEFERRED_METHODS,
  HOST_METHODS,
  HOST_SERVICE_NAMES,
  StoredValue,
} from '@plugboard/widget-sdk/protocol';

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | undefined {
  return undefined;
}

export async function widgetSide(client: WidgetClient): Promise<void> {
  // Results are typed per method.
  const entity = await client.call('entity.get');
  assertType<Equal<typeof entity, HostMethodResult<'entity.get'>>>();
  // On a create page the draft has no id yet.
  if (entity) assertType<Equal<typeof entity.id, string | null>>();
  const picked = await client.call('selectors.open', { selector: 'goods' });
  // An outcome says what happened before it carries a value.
  // @ts-expect-error: `selected` only exists when the status is ok
  void picked.selected;
  if (picked.status === 'ok') {
    assertType<Equal<typeof picked.selected, { id: string; name: string }[]>>();
  }

  // Every service has a facade: the SDK's list of services misses none.
  assertType<Equal<(typeof HOST_SERVICE_NAMES)[number], HostServiceName>>();
  // The names a host knows before it loads the deferred table are that table's.
  assertType<Equal<(typeof DEFERRED_METHODS)[number], keyof typeof DEFERRED_HOST_METHODS>>();
  // No method is in both tables.
  assertType<Equal<keyof typeof HOST_METHODS & keyof typeof DEFERRED_HOST_METHODS, never>>();
  // Facades are the same calls, typed from the protocol.
  const chosen = await client.dialogs.open({ dialog: 'carrier', params: { carrier: 'DPD' } });
  assertType<Equal<typeof chosen, HostMethodResult<'dialogs.open'>>>();
  await client.toasts.show({ message: 'Saved' }, { signal: new AbortController().signal });
  assertType<
    Equal<Awaited<ReturnType<typeof client.entity.get>>, HostMethodResult<'entity.get'>>
  >();
  // @ts-expect-error: no such method in the dialogs service
  void client.dialogs.explode;
  // @ts-expect-error: no such service
  void client.files;
  assertType<Equal<Awaited<ReturnType<typeof client.call<'ping'>>>, 'pong'>>();

  // @ts-expect-error: toasts.show needs a string message
  await client.call('toasts.show', { message: 42 });
  // @ts-expect-error: unknown key
  await client.call('toasts.show', { message: 'Saved', colour: 'green' });
  // @ts-expect-error: tone is one of four words
  await client.call('toasts.show', { message: 'Saved', tone: 'loud' });
  // @ts-expect-error: storage.set needs params
  await client.call('storage.set');
  // @ts-expect-error: not a host method
  await client.call('files.delete');
  // @ts-expect-error: a function is not JSON
  await client.call('messages.send', { messages: [{ topic: 't', payload: () => 1 }] });

  // @ts-expect-error: storage.get resolves with a stored value or null, not a number
  const wrong: number = await client.call('storage.get', { key: 'k' });
  void wrong;
  const stored = await client.storage.get({ key: 'k', scope: 'entity' });
  assertType<Equal<typeof stored, StoredValue | null>>();
  // @ts-expect-error: a scope is user, account or entity
  await client.storage.get({ key: 'k', scope: 'team' });

  client.handle('open', (context) => {
    assertType<Equal<typeof context, WidgetContext>>();
  });
  // @ts-expect-error: ping answers 'pong'
  client.handle('ping', () => 'pang');
  // @ts-expect-error: not a widget method
  client.handle('close', () => undefined);
}

export async function hostSide(connection: HostConnection, context: WidgetContext): Promise<void> {
  const pong = await connection.call('ping', undefined);
  assertType<Equal<typeof pong, 'pong'>>();
  await connection.call('open', context);
  // @ts-expect-error: open needs a full context
  await connection.call('open', { instanceId: 'w-1' });
  // @ts-expect-error: not a widget method
  await connection.call('save', undefined);
}

export function connectionEnds(end: HostConnectionEnd): HostHandshake | undefined {
  // A restarted page comes with the handshake to answer; a destroyed one without.
  if (end.reason === 'restarted') return end.handshake;
  // @ts-expect-error: only a restart carries a handshake
  void end.handshake;
  return undefined;
}

export function statuses(status: HostWidgetStatus): boolean {
  // @ts-expect-error: not a status
  const typo: HostWidgetStatus = 'reloading';
  return status === 'reconnecting' || typo === status;
}
