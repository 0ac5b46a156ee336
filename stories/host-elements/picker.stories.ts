import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@plugboard/host-runtime';
import type { HostSelectorSource } from '@plugboard/host-runtime';
import { goods, money } from '../../packages/examples/src/data.js';
import { dialogStage } from '../support/dialog-story.js';

interface PickerArgs {
  multiple: boolean;
  max: number;
  query: string;
}

/** The demo's 100 goods, found by name or id. */
const catalogue: HostSelectorSource = {
  title: 'Goods',
  search: (query) =>
    goods
      .filter((good) => `${good.name} ${good.id}`.toLowerCase().includes(query.toLowerCase()))
      .map((good) => ({ id: good.id, name: good.name, description: money(good.price) })),
  resolve: (ids) => goods.filter((good) => ids.includes(good.id)),
};

/** Opens the goods picker over `source`, with the story's args. */
const pickFrom = (source: HostSelectorSource, { multiple, max, query }: PickerArgs) =>
  dialogStage(
    (host, signal) =>
      host.dialogs.pick(
        {
          selector: 'goods',
          multiple,
          ...(multiple ? { max, initial: ['g1', 'g12'] } : {}),
          query,
        },
        { signal },
      ),
    { host: { selectors: { goods: source } } },
  );

/**
 * `<pb-picker>`: the runtime's default picker, shown for a selector the
 * host registers as a data source (`createHost({ selectors: { goods: {
 * title, search, resolve } } })`). Type to search; arrows move, Enter
 * picks (with `multiple`, ticks; Ctrl+Enter confirms), Escape dismisses.
 */
const meta: Meta<PickerArgs> = {
  title: 'Host elements/Picker',
  component: 'pb-picker',
  args: { multiple: false, max: 3, query: '' },
  argTypes: { max: { control: { type: 'number', min: 1, max: 20 } } },
  render: (args) => pickFrom(catalogue, args),
};
export default meta;

type Story = StoryObj<PickerArgs>;

/** Many items: 100 goods, narrowed as you type. */
export const Many: Story = {};

/** Several at most `max`, starting from two already picked. */
export const MultipleWithMaximum: Story = {
  name: 'Multiple with a maximum',
  args: { multiple: true, max: 3 },
};

/** The host's search has not answered yet. */
export const Loading: Story = {
  render: (args) => pickFrom({ title: 'Goods', search: () => new Promise(() => undefined) }, args),
};

/** Nothing matches the search. */
export const Empty: Story = { args: { query: 'unobtainium' } };

/** The host's search failed: the picker says why, and offers Retry. */
export const Error: Story = {
  render: (args) =>
    pickFrom(
      {
        title: 'Goods',
        search: () => Promise.reject(new globalThis.Error('the catalogue service is offline')),
      },
      args,
    ),
};
