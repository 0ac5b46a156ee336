import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const pages = fileURLToPath(new URL('./pages', import.meta.url));

// A production build of the bench pages. No '@plugboard/source' condition:
// the benchmarks measure the packages' rollup output, what ships.
export default defineConfig({
  root: pages,
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./.build', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: {
        host: `${pages}/host.html`,
        widget: `${pages}/widget.html`,
        echo: `${pages}/echo.html`,
        flood: `${pages}/flood.html`,
        fanout: `${pages}/fanout.html`,
        connector: `${pages}/connector.html`,
        cell: `${pages}/cell.html`,
      },
    },
  },
});
