import type { Preview } from '@storybook/web-components-vite';

const preview: Preview = {
  parameters: {
    // The docs' source snippet from the story's code, not from rendering it:
    // the dynamic snippet renders the story's element into a scratch node,
    // which takes a live stage out of the canvas (its widgets would reload
    // at every change of a control, such as the theme).
    docs: { source: { type: 'code' } },
  },
};

export default preview;
