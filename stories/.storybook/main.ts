import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // Stories run on the packages' TypeScript sources, like the demo and tests.
  viteFinal: async (viteConfig) => {
    const { defaultClientConditions, mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      resolve: { conditions: ['@plugboard/source', ...defaultClientConditions] },
      // Storybook's own preview runtime is one large chunk; it is never shipped.
      build: { chunkSizeWarningLimit: 2048 },
    });
  },
};

export default config;
