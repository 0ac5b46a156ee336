import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../**/*.mdx', '../**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // The example vendor apps' pages (npm run build-vendors). Stories load them
  // through the other loopback host name, so they are cross-origin, as a
  // vendor's pages always are (see stories/support/vendor-origin.ts).
  staticDirs: [{ from: '../../packages/examples/dist-vendors', to: '/' }],
  core: { disableTelemetry: true },
  // Stories run on the packages' TypeScript sources, like the demo and tests,
  // and on lit's production build, as a host ships it.
  viteFinal: async (viteConfig) => {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      resolve: { conditions: ['@plugboard/source', 'module', 'browser', 'production'] },
      // Storybook's own preview runtime is one large chunk; it is never shipped.
      build: { chunkSizeWarningLimit: 2048 },
    });
  },
};

export default config;
