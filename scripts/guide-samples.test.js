// The guides' TypeScript samples compile against the packages as they are:
// each ```ts block of docs/guides/*.md (and the CLI's README) is written to a file of its own and
// type-checked with the repository's settings (strict, the packages'
// sources through the @plugboard/source condition).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const repo = fileURLToPath(new URL('..', import.meta.url));
const guides = join(repo, 'docs/guides');

describe("the guides' samples", () => {
  it('type-check', async () => {
    const dir = join(repo, '.tsbuild/guide-samples');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    let count = 0;
    const files = [
      ...readdirSync(guides)
        .filter((name) => name.endsWith('.md'))
        .map((name) => join(guides, name)),
      join(repo, 'packages/cli/README.md'),
    ];
    for (const file of files) {
      const guide =
        basename(dirname(file)) === 'guides' ? basename(file) : `${basename(dirname(file))}.md`;
      const text = readFileSync(file, 'utf8');
      for (const [, code = ''] of text.matchAll(/```ts\n([\s\S]*?)```/g)) {
        // A module of its own, so that top-level await and declarations are its own.
        writeFileSync(
          join(dir, `${guide.replace(/\.md$/, '')}-${++count}.ts`),
          `${code}\nexport {};\n`,
        );
      }
    }
    assert.ok(count >= 5, `the guides have samples (${count})`);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: '../../tsconfig.base.json',
        compilerOptions: {
          composite: false,
          noEmit: true,
          declaration: false,
          emitDeclarationOnly: false,
          types: ['node'],
        },
        include: ['*.ts'],
      }),
    );
    const tsc = join(repo, 'node_modules/.bin/tsc');
    const result = await promisify(execFile)(tsc, ['-p', dir]).then(
      () => '',
      // No output (tsc missing, say) is a failure too, not a pass.
      (/** @type {Error & { stdout?: string }} */ error) => error.stdout || String(error),
    );
    assert.equal(result, '', `A guide's sample does not compile:\n${result}`);
  });
});
