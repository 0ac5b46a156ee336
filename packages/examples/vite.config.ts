import { defaultClientConditions, defineConfig } from 'vite';

// The demo runs on the packages' TypeScript sources (the `@plugboard/source`
// export condition), so edits to the runtime or SDK show without a build.
export default defineConfig({
  resolve: {
    conditions: ['@plugboard/source', ...defaultClientConditions],
  },
  server: {
    port: 5173,
  },
});
