import type { HostManifest } from '@plugboard/host-runtime';
import {
  createMockHost,
  type MockHost,
  type MockHostOptions,
} from '@plugboard/host-runtime/testing';
import { allEntities } from '../../packages/examples/src/entities.js';

/** The story shown before this one: its dialogs close when another story renders. */
let previous: AbortController | undefined;

/**
 * A stage for a dialog-layer story: a mock host (with the demo's entities
 * and `manifests` installed) opens a dialog as soon as the story renders,
 * and again from the stage's button; the stage shows how it ended.
 */
export function dialogStage(
  open: (host: MockHost, signal: AbortSignal) => Promise<unknown>,
  options: { readonly manifests?: readonly HostManifest[]; readonly host?: MockHostOptions } = {},
): HTMLElement {
  previous?.abort();
  const story = (previous = new AbortController());
  const host = createMockHost({ entities: allEntities(), ...options.host });
  for (const manifest of options.manifests ?? []) host.install(manifest);
  const stage = document.createElement('div');
  stage.style.cssText = 'padding:16px;font:14px system-ui,sans-serif;min-height:320px';
  const again = document.createElement('button');
  again.type = 'button';
  again.textContent = 'Open again';
  const outcome = document.createElement('output');
  outcome.style.cssText = 'display:block;margin-top:12px;white-space:pre-wrap';
  const run = () => {
    outcome.textContent = 'Waiting for the user…';
    open(host, story.signal).then(
      (value) => {
        outcome.textContent = `Ended with ${JSON.stringify(value, null, 2)}`;
      },
      (error: unknown) => {
        if (!story.signal.aborted) outcome.textContent = `Failed: ${(error as Error).message}`;
      },
    );
  };
  again.addEventListener('click', run);
  stage.append(again, outcome);
  setTimeout(run);
  return stage;
}
