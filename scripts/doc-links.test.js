// The repository's Markdown links: every relative link names a file that is
// there, and every #anchor a heading of that file (as GitHub makes anchors).
// Web links are not fetched: the check must not need the network.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));

/** The Markdown files users read: the READMEs and docs/. */
function markdownFiles() {
  /** @type {(dir: string) => string[]} */
  const inDocs = (dir) =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return inDocs(path);
      return name.endsWith('.md') ? [path] : [];
    });
  const packages = readdirSync(join(repo, 'packages'))
    .map((name) => join(repo, 'packages', name, 'README.md'))
    .filter((path) => existsSync(path));
  return [
    join(repo, 'README.md'),
    join(repo, 'bench/README.md'),
    ...packages,
    ...inDocs(join(repo, 'docs')),
  ];
}

/** GitHub's anchor for a heading. */
export const anchorOf = (/** @type {string} */ heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

/** The anchors of a Markdown file's headings (outside code blocks). */
function anchorsOf(/** @type {string} */ file) {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set(
    [...text.matchAll(/^#{1,6} (.+)$/gm)].map(([, heading = '']) => anchorOf(heading)),
  );
}

describe('Markdown links', () => {
  it('name files that exist, and headings that exist', () => {
    const broken = [];
    for (const file of markdownFiles()) {
      const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const [, target = ''] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue;
        const [path = '', anchor] = target.split('#');
        const linked = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
        const where = `${relative(repo, file)}: ${target}`;
        if (!existsSync(linked)) broken.push(`${where} (no such file)`);
        else if (anchor && linked.endsWith('.md') && !anchorsOf(linked).has(anchor))
          broken.push(`${where} (no such heading)`);
      }
    }
    assert.deepEqual(broken, []);
  });

  it('makes anchors as GitHub does', () => {
    assert.equal(
      anchorOf('The bridge inspector: `@plugboard/host-runtime/inspector`'),
      'the-bridge-inspector-plugboardhost-runtimeinspector',
    );
    assert.equal(anchorOf('Lists: columns, cells and actions'), 'lists-columns-cells-and-actions');
  });
});
