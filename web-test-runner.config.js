// Unit and browser tests, in headless Chromium. Test pages are served from
// http://localhost:PORT; fixture widgets are loaded from http://127.0.0.1:PORT
// (see test/support/origins.ts), which Chromium treats as another site, so a
// fixture iframe is cross-origin and out of process, as a vendor's would be.
import { execFileSync } from 'node:child_process';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { blockedStorageProfile, chromeArgs, chromePath } from './scripts/chrome.js';
import { countReporter } from './test/support/count-reporter.js';

const executablePath = chromePath();

// PLUGBOARD_TEST_TARGET=dist runs the same tests against the rollup output
// (what ships) instead of the TypeScript sources.
const target = process.env['PLUGBOARD_TEST_TARGET'] === 'dist' ? 'dist' : 'source';
const conditions = target === 'dist' ? [] : ['@plugboard/source'];

/** Keys /test/once has answered. */
const onceKeys = new Set();
/** Keys fixtures have marked (/test/mark), for the test page to ask about (/test/marked). */
const marks = new Set();

/** The React modules test/react/ imports, by specifier: the name each is served under. */
const REACT = { react: 'react', 'react-dom': 'react-dom', 'react-dom/client': 'react-dom-client' };

/**
 * React as ES modules, for test/react/: React ships only CommonJS. One
 * esbuild bundle holds react, react-dom and react-dom/client (one copy of
 * React for all three), and each specifier is served as a module that
 * re-exports its names (read from the package by Node).
 * @returns {import('@web/dev-server-core').Plugin}
 */
function reactAsModules() {
  /** @type {Promise<string> | undefined} */
  let bundle;
  return {
    name: 'react-as-modules',
    resolveImport: ({ source }) =>
      source in REACT
        ? `/__react/${REACT[/** @type {keyof typeof REACT} */ (source)]}.js`
        : undefined,
    async serve(context) {
      if (context.path === '/__react/bundle.js') {
        bundle ??= build({
          stdin: {
            contents: Object.entries(REACT)
              .map(
                ([specifier, name]) =>
                  `export * as ${name.replaceAll('-', '_')} from '${specifier}';`,
              )
              .join('\n'),
            resolveDir: process.cwd(),
          },
          bundle: true,
          format: 'esm',
          write: false,
          define: { 'process.env.NODE_ENV': '"development"' },
        }).then((result) => result.outputFiles[0]?.text ?? '');
        return { body: await bundle, type: 'js' };
      }
      const entry = Object.entries(REACT).find(
        ([, name]) => context.path === `/__react/${name}.js`,
      );
      if (!entry) return undefined;
      const [specifier, name] = entry;
      const local = name.replaceAll('-', '_');
      // Read in a Node process of its own: React in development patches the console.
      const names = /** @type {string[]} */ (
        JSON.parse(
          execFileSync(process.execPath, [
            '-e',
            `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(specifier)}))))`,
          ]).toString(),
        )
      ).filter((key) => /^[A-Za-z_$][\w$]*$/.test(key));
      return {
        body: `import { ${local} } from './bundle.js';\nexport const { ${names.join(', ')} } = ${local};\nexport default ${local};\n`,
        type: 'js',
      };
    },
  };
}

/** Vendors that are down (/test/outage), by key. */
const down = new Set();

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  // test/build-output/ checks build outputs themselves, so it runs only on dist.
  files: ['test/**/*.test.ts', ...(target === 'dist' ? [] : ['!test/build-output/**'])],
  hostname: 'localhost',
  nodeResolve: { exportConditions: [...conditions, 'browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' }), reactAsModules()],
  // /test/echo answers with the request's Authorization header and URL, so a
  // test can see what a widget's fetch sent (identity tokens go in the header).
  middleware: [
    // /test/once?key=<k> answers `true` to the first request for a key and
    // `false` after: fixtures that act differently on their first load use
    // it, since their frames have no web storage of their own (blocked as
    // third-party storage, as Safari blocks it).
    (ctx, next) => {
      if (ctx.path !== '/test/once') return next();
      const key = String(ctx.query['key'] ?? '');
      ctx.type = 'json';
      ctx.body = JSON.stringify(!onceKeys.has(key));
      onceKeys.add(key);
      return undefined;
    },
    // /test/mark?key=<k> records a key (a fixture's navigator.sendBeacon,
    // which outlives its page); /test/marked?key=<k> answers whether it was.
    (ctx, next) => {
      if (ctx.path !== '/test/mark' && ctx.path !== '/test/marked') return next();
      const key = String(ctx.query['key'] ?? '');
      if (ctx.path === '/test/mark') marks.add(key);
      ctx.type = 'json';
      ctx.body = JSON.stringify(marks.has(key));
      return undefined;
    },
    // A vendor that goes down and comes back: /test/vendor/<key>/<file>
    // serves /test/fixtures/<file>, except while /test/outage?key=<key>&down=1
    // has it down (until &down=0): then nothing answers (the connection is
    // dropped, as a stopped server's would be refused).
    (ctx, next) => {
      if (ctx.path === '/test/outage') {
        const key = String(ctx.query['key'] ?? '');
        if (ctx.query['down'] === '1') down.add(key);
        else down.delete(key);
        ctx.type = 'json';
        ctx.body = 'true';
        return undefined;
      }
      const vendor = /^\/test\/vendor\/([^/]+)\/(.+)$/.exec(ctx.path);
      if (!vendor) return next();
      if (down.has(vendor[1])) {
        ctx.respond = false;
        ctx.req.socket.destroy();
        return undefined;
      }
      ctx.redirect(`/test/fixtures/${vendor[2] ?? ''}${ctx.search}`);
      return undefined;
    },
    (ctx, next) => {
      if (ctx.path !== '/test/echo') return next();
      ctx.type = 'json';
      ctx.body = JSON.stringify({ authorization: ctx.get('authorization'), url: ctx.url });
      return undefined;
    },
  ],
  browsers: [
    chromeLauncher({
      // neighbour.localhost: a second vendor's site, in a process of its own
      // (see test/support/origins.ts), so one vendor's busy page cannot slow another's.
      // Third-party storage blocked, as in Safari: fixture frames are denied
      // their own web storage and cookies (test/cross-origin.test.ts checks).
      launchOptions: {
        executablePath,
        headless: true,
        args: chromeArgs(['neighbour.localhost']),
        userDataDir: blockedStorageProfile(),
      },
    }),
  ],
  // One page at a time: headless Chromium renders only the front tab, and a
  // page behind it gets no rendering, IntersectionObserver callbacks or
  // iframe layout, so tests that need them fail when run side by side.
  concurrency: 1,
  testFramework: { config: { timeout: 10_000 } },
  reporters: [defaultReporter(), countReporter()],
};
