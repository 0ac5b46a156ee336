import { defineConfig } from 'vite';

// The demo runs on the packages' TypeScript sources (the `@plugboard/source`
// export condition), so edits to the runtime or SDK show without a build,
// and on lit's production build (the `production` condition, even in the dev
// server): what a host ships, without lit's dev-mode console notice.
export default defineConfig({
  resolve: {
    conditions: ['@plugboard/source', 'module', 'browser', 'production'],
  },
  server: {
    port: 5173,
  },
});
