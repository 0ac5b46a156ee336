// Builds the API reference of the published packages from their TSDoc with
// TypeDoc, into api/ (npm run docs:api): every entry point of
// @plugboard/widget-sdk, @plugboard/host-runtime, @plugboard/react and @plugboard/cli. A link
// in a doc comment that points nowhere ({@link Missing}) fails the build, so
// `npm test` runs it as a check.
//   node scripts/api-reference.js [--check]   (--check: validate, write nothing)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, LogLevel, OptionDefaults } from 'typedoc';

const repo = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');

/** Each package's entry points, from its `exports` (the `@plugboard/source` condition). */
function entryPoints() {
  return ['widget-sdk', 'host-runtime', 'react', 'cli'].flatMap((name) => {
    const dir = join(repo, 'packages', name);
    const { exports } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return Object.values(exports)
      .map((target) => (typeof target === 'object' ? target['@plugboard/source'] : undefined))
      .filter((source) => typeof source === 'string')
      .map((source) => join(dir, source));
  });
}

const app = await Application.bootstrapWithPlugins({
  name: 'Plugboard API',
  entryPoints: entryPoints(),
  entryPointStrategy: 'resolve',
  tsconfig: join(repo, 'tsconfig.typedoc.json'),
  out: join(repo, 'api'),
  readme: 'none',
  excludePrivate: true,
  excludeInternal: true,
  sort: ['kind', 'instance-first', 'alphabetical-ignoring-documents'],
  validation: { invalidLink: true, notExported: false, notDocumented: false },
  treatValidationWarningsAsErrors: true,
  // The custom elements' tags, as web-components tools read them.
  blockTags: [...OptionDefaults.blockTags, '@fires', '@csspart', '@cssprop', '@slot', '@attr'],
  // Source links need a git remote; the reference is read from the repository.
  disableSources: true,
  externalSymbolLinkMappings: {
    '@lit/reactive-element': { '*': 'https://lit.dev/docs/api/ReactiveElement/' },
  },
  logLevel: LogLevel.Warn,
});
/** Links in our doc comments that point nowhere. */
const broken = [];
const warn = app.logger.warn.bind(app.logger);
app.logger.warn = (/** @type {any} */ message, /** @type {any[]} */ ...rest) => {
  const text = String(message);
  // Lit's own comments on what the elements inherit (styles, createProperty)
  // link to its `css`: not ours to fix.
  if (/Failed to resolve link/.test(text) && !/link to "css"/.test(text)) broken.push(text);
  // A property a schema and its inferred type both describe is not a problem.
  if (!/has multiple declarations with a comment|link to "css"/.test(text)) warn(message, ...rest);
};
const project = await app.convert();
if (!project) {
  console.error('TypeDoc could not read the packages: see above.');
  process.exit(1);
}
app.validate(project);
if (app.logger.hasErrors() || broken.length > 0) {
  console.error(
    `The API reference has problems (above)${broken.length > 0 ? `: ${broken.length} broken {@link …}` : ''}.`,
  );
  process.exit(1);
}
if (!check) await app.generateDocs(project, join(repo, 'api'));
console.log(
  check
    ? `API reference: ${entryPoints().length} entry points, no broken link.`
    : 'Wrote the API reference to api/ (open api/index.html).',
);
