import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@plugboard/host-runtime';
import { dialogStage } from '../support/dialog-story.js';

interface StandardArgs {
  appName: string;
  title: string;
  message: string;
}

/**
 * The host's standard dialogs, as a widget asks for them with
 * `dialogs.alert`, `confirm`, `prompt` and `choose`: plain text only (HTML
 * shows as text), labels from the widget, every outcome told apart. A host
 * with its own design passes `standardDialogs` to `createHost` instead.
 * Each story opens its dialog at once; the stage shows how it ended.
 */
const meta: Meta<StandardArgs> = {
  title: 'Host elements/Standard dialogs',
  component: 'pb-standard-dialog',
  args: {
    appName: 'Delivery tracker',
    title: 'Cancel the shipment?',
    message: 'The carrier will not collect SO-00007. You can book a new shipment later.',
  },
};
export default meta;

type Story = StoryObj<StandardArgs>;

export const Alert: Story = {
  args: { title: 'Label printed', message: 'The label for SO-00007 is in your downloads.' },
  render: ({ appName, title, message }) =>
    dialogStage((host, signal) => host.dialogs.alert({ title, message }, { signal, appName })),
};

export const Confirm: Story = {
  args: { title: 'Notify the customer?', message: 'Northwind Trading gets an email now.' },
  render: ({ appName, title, message }) =>
    dialogStage((host, signal) =>
      host.dialogs.confirm({ title, message, confirm: 'Notify' }, { signal, appName }),
    ),
};

/** A destructive confirm: the main button warns, and the focus starts on Cancel. */
export const DestructiveConfirm: Story = {
  name: 'Destructive confirm',
  render: ({ appName, title, message }) =>
    dialogStage((host, signal) =>
      host.dialogs.confirm(
        {
          title,
          message,
          confirm: 'Cancel shipment',
          cancel: 'Keep shipment',
          intent: 'destructive',
        },
        { signal, appName },
      ),
    ),
};

export const Prompt: Story = {
  args: { title: 'Note for the driver', message: 'The driver sees it on the delivery.' },
  render: ({ appName, title, message }) =>
    dialogStage((host, signal) =>
      host.dialogs.prompt(
        { title, message, label: 'Note', placeholder: 'Gate code, floor…', required: true },
        { signal, appName },
      ),
    ),
};

export const Choose: Story = {
  args: { title: 'Label size', message: 'Which label does your printer take?' },
  render: ({ appName, title, message }) =>
    dialogStage((host, signal) =>
      host.dialogs.choose(
        {
          title,
          message,
          options: [
            { id: 'a4', label: 'A4 sheet' },
            { id: 'a6', label: 'A6 label' },
            { id: 'zebra', label: '4×6 in roll' },
          ],
        },
        { signal, appName },
      ),
    ),
};

/** What a widget sends is text: tags show as typed, nothing runs. */
export const HtmlStaysText: Story = {
  name: 'HTML stays text',
  args: { title: '<b>Bold?</b>', message: '<img src=x onerror="alert(1)"> shows as text.' },
  render: ({ appName, title, message }) =>
    dialogStage((host, signal) => host.dialogs.alert({ title, message }, { signal, appName })),
};
