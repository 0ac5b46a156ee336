import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forwardButton } from './dev-buttons.js';
import { checkApp, describe, type CheckedApp } from './sources.js';

/** Options of {@link startDevServer}. */
export interface DevServerOptions {
  /** Manifests (JSON) or MoySklad descriptors (XML): file paths or URLs. */
  readonly sources: readonly string[];
  /** The port; 0 picks a free one. */
  readonly port: number;
  /** The host name it listens on and its URL names. Default `localhost`. */
  readonly hostname?: string;
  /** Where relative file paths start. */
  readonly cwd: string;
  /** Where the terminal lines go. */
  readonly log: (line: string) => void;
  /** A MoySklad app's secret: with it, buttons' clicks go to the vendor's server, signed. */
  readonly moyskladSecret?: string;
  /** How often URL sources are fetched again to see a change, in ms. Default 2 000. */
  readonly pollMs?: number;
}

/** A running dev host. */
export interface DevServer {
  /** The dev host page's URL. */
  readonly url: string;
  /** The apps as last checked. */
  readonly apps: () => readonly CheckedApp[];
  close(): Promise<void>;
}

/** Thrown when the port is taken: says which, and what to do. */
export class DevServerPortError extends Error {
  override readonly name = 'DevServerPortError';
}

const PAGE_ROOT = fileURLToPath(new URL('./dev-host/', import.meta.url));
const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Plugboard dev host</title>
  </head>
  <body>
    <div id="dev-host">Loading the dev host…</div>
    <script type="module" src="/dev-host/main.js"></script>
  </body>
</html>
`;

/**
 * Starts the dev host: a page on its own origin with mock entities and every
 * extension point, which installs the apps of `sources` and reinstalls them
 * when one changes (files are watched, URLs fetched again every `pollMs`).
 * Each app's problems go to the terminal (`log`) and to the page, path by
 * path. Rejects with {@link DevServerPortError} when the port is taken.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const hostname = options.hostname ?? 'localhost';
  let apps: readonly CheckedApp[] = [];
  let version = 0;
  const listeners = new Set<ServerResponse>();
  const watchers: FSWatcher[] = [];
  const timers: NodeJS.Timeout[] = [];

  const check = async (why: string) => {
    apps = await Promise.all(options.sources.map((source) => checkApp(source, options.cwd)));
    version++;
    options.log(why);
    for (const app of apps) for (const line of describe(app)) options.log(`  ${line}`);
    for (const listener of listeners) listener.write(`event: apps\ndata: ${version}\n\n`);
  };
  await check(`Apps (${options.sources.length}):`);

  let pending: NodeJS.Timeout | undefined;
  const changed = (source: string) => {
    clearTimeout(pending);
    pending = setTimeout(() => void check(`${source} changed; apps reloaded:`), 100);
  };
  const texts = new Map<string, string>();
  for (const source of options.sources) {
    if (/^https?:\/\//i.test(source)) {
      const poll = setInterval(() => {
        void fetch(source, { signal: AbortSignal.timeout(5_000) })
          .then((response) => response.text())
          .then(
            (text) => {
              if (texts.has(source) && texts.get(source) !== text) changed(source);
              texts.set(source, text);
            },
            () => undefined,
          );
      }, options.pollMs ?? 2_000);
      timers.push(poll);
    } else {
      try {
        watchers.push(
          watch(resolve(options.cwd, source), () => {
            changed(source);
          }),
        );
      } catch {
        // A file that is not there: its issue says so; nothing to watch.
      }
    }
  }

  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end((error as Error).message);
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://dev').pathname;
    // As a host page should be served (the host guide, "Pages a widget
    // brings in"): frames only from the apps' origins, this origin's pages
    // framed by itself alone, popups cut off from the page. A widget that
    // brings in a page of the dev host's own origin is refused, as a real
    // host would refuse it.
    const frames =
      [...new Set(apps.flatMap((app) => (app.manifest ? [app.manifest.origin] : [])))].join(' ') ||
      "'none'";
    res.setHeader(
      'content-security-policy',
      `frame-src ${frames}; child-src ${frames}; worker-src 'self' blob:; frame-ancestors 'self'`,
    );
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    if (req.method === 'GET' && path === '/') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(PAGE);
      return;
    }
    if (path === '/favicon.ico') {
      res.statusCode = 204;
      res.end();
      return;
    }
    if (req.method === 'GET' && path === '/api/apps') {
      sendJson(res, 200, { version, apps });
      return;
    }
    if (req.method === 'GET' && path === '/api/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (req.method === 'POST' && path === '/api/problems') {
      const { problems } = JSON.parse(await readBody(req)) as { problems?: unknown };
      for (const line of Array.isArray(problems) ? problems : []) {
        options.log(`  ✗ on the page: ${String(line)}`);
      }
      res.statusCode = 204;
      res.end();
      return;
    }
    if (req.method === 'POST' && path === '/api/moysklad/button') {
      const { status, body } = await forwardButton(
        await readBody(req),
        apps,
        options.moyskladSecret,
      );
      sendJson(res, status, body);
      return;
    }
    if (req.method === 'GET' && path.startsWith('/dev-host/')) {
      const file = resolve(PAGE_ROOT, path.slice('/dev-host/'.length));
      if (!file.startsWith(PAGE_ROOT)) {
        res.statusCode = 404;
        res.end();
        return;
      }
      try {
        const content = await readFile(file);
        res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
        res.end(content);
      } catch {
        res.statusCode = 404;
        res.end();
      }
      return;
    }
    res.statusCode = 404;
    res.end('Not found');
  }

  /** Stops watching and polling: what would keep the process alive. */
  const stopWatching = () => {
    clearTimeout(pending);
    for (const timer of timers) clearInterval(timer);
    for (const watcher of watchers) watcher.close();
  };
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        fail(
          error.code === 'EADDRINUSE'
            ? new DevServerPortError(
                `Port ${options.port} is taken by another program: pass --port <n> (0 picks a free one).`,
              )
            : error,
        );
      });
      server.listen(options.port, hostname, done);
    });
  } catch (error) {
    stopWatching();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${hostname}:${port}/`;

  return {
    url,
    apps: () => apps,
    async close() {
      stopWatching();
      for (const listener of listeners) listener.end();
      await new Promise<void>((done) => {
        server.close(() => {
          done();
        });
        server.closeAllConnections();
      });
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      done(body);
    });
    req.on('error', fail);
  });
}
