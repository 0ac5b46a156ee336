/**
 * `@plugboard/cli`: the `plugboard` command, and its parts for scripts.
 *
 * - `plugboard dev <manifest-or-descriptor>…`: a local dev host.
 * - `plugboard validate <manifest-or-descriptor>…`: path-precise errors; exit 1 on any.
 * - `plugboard convert moysklad <descriptor.xml>`: prints the Plugboard manifest.
 *
 * @module @plugboard/cli
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  convertMoySkladDescriptor,
  MoySkladDescriptorError,
} from '@plugboard/host-runtime/moysklad';
import { DevServerPortError, startDevServer } from './dev-server.js';
import { checkApp, describe, moySkladDevOptions, readSource } from './sources.js';

export {
  startDevServer,
  DevServerPortError,
  type DevServer,
  type DevServerOptions,
} from './dev-server.js';
export { checkApp, type AppIssue, type CheckedApp } from './sources.js';

const USAGE = `Usage:
  plugboard dev <manifest-or-descriptor>... [--port <n>] [--hostname <name>] [--moysklad-secret <s>]
      A local dev host on its own origin, with mock orders and counterparties,
      every extension point your apps use, and the bridge inspector. Takes
      Plugboard manifests (JSON) and MoySklad descriptors (XML), as file
      paths or URLs, and reloads the apps when one changes. --port 0 picks
      a free port (default 4400).
  plugboard validate <manifest-or-descriptor>...
      Checks each one; prints every problem with its path. Exit code 1 if
      any is invalid: for CI.
  plugboard convert moysklad <descriptor.xml> [--id <id>] [--name <name>] [--origin <origin>]
      Prints the Plugboard manifest a MoySklad descriptor converts to.
  plugboard --help | --version`;

const version = () =>
  (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;

/** Runs the command line `argv` (without `node plugboard`); resolves with the exit code. */
export async function main(
  argv: readonly string[],
  io: { readonly out: (line: string) => void; readonly err: (line: string) => void } = {
    out: (line) => {
      console.log(line);
    },
    err: (line) => {
      console.error(line);
    },
  },
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        hostname: { type: 'string' },
        'moysklad-secret': { type: 'string' },
        id: { type: 'string' },
        name: { type: 'string' },
        origin: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version) {
    io.out(version());
    return 0;
  }
  if (values.help || !command) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  const cwd = process.cwd();

  if (command === 'validate') {
    if (rest.length === 0) {
      io.err(`plugboard validate: name a manifest or descriptor.\n\n${USAGE}`);
      return 2;
    }
    const apps = await Promise.all(rest.map((source) => checkApp(source, cwd)));
    for (const app of apps) for (const line of describe(app)) io.out(line);
    return apps.some((app) => app.issues.length > 0) ? 1 : 0;
  }

  if (command === 'convert') {
    const [format, source] = rest;
    if (format !== 'moysklad' || !source) {
      io.err(`plugboard convert: use plugboard convert moysklad <descriptor.xml>.\n\n${USAGE}`);
      return 2;
    }
    let xml: string;
    try {
      xml = await readSource(source, cwd);
    } catch (error) {
      io.err(`${source}: could not be read: ${(error as Error).message}`);
      return 1;
    }
    const options = {
      ...moySkladDevOptions(source, xml),
      ...(values.id ? { id: values.id } : {}),
      ...(values.name ? { name: values.name } : {}),
      ...(values.origin ? { origin: values.origin } : {}),
    };
    try {
      const { manifest, unsupported } = convertMoySkladDescriptor(xml, options);
      io.out(JSON.stringify(manifest, null, 2));
      for (const part of unsupported) io.err(`not run by Plugboard: ${part.path}: ${part.message}`);
      return 0;
    } catch (error) {
      if (!(error instanceof MoySkladDescriptorError)) throw error;
      for (const issue of error.issues) io.err(`${issue.path}: ${issue.message}`);
      return 1;
    }
  }

  if (command === 'dev') {
    if (rest.length === 0) {
      io.err(`plugboard dev: name a manifest or descriptor.\n\n${USAGE}`);
      return 2;
    }
    const port = Number(values.port ?? 4400);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.err(`--port ${values.port ?? ''} is not a port: use a whole number from 0 to 65535.`);
      return 2;
    }
    try {
      const server = await startDevServer({
        sources: rest,
        port,
        cwd,
        log: io.out,
        ...(values.hostname ? { hostname: values.hostname } : {}),
        ...(values['moysklad-secret'] ? { moyskladSecret: values['moysklad-secret'] } : {}),
      });
      io.out(`\nPlugboard dev host: ${server.url}\n`);
      await new Promise<void>((done) => {
        const stop = () => {
          void server.close().then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return 0;
    } catch (error) {
      if (error instanceof DevServerPortError) {
        io.err(error.message);
        return 1;
      }
      throw error;
    }
  }

  io.err(`Unknown command "${command}".\n\n${USAGE}`);
  return 2;
}
