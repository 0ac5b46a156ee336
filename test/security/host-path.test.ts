// normalizeHostPath is the one gate every host path from a widget goes
// through (navigation.go, a link cell's `to`, an action result's
// `navigate`). Property: whatever it lets through resolves on the host's
// own origin, as the browser resolves it, and is its own normal form.
import { expect } from 'chai';
import { normalizeHostPath } from '@plugboard/widget-sdk/protocol';
import { ESCAPING_PATHS } from '../support/escapes.js';
import { generator } from '../support/random.js';
import { hostOrigin } from '../support/origins.js';

// Pieces an attacker combines: separators, dot segments plain and encoded,
// backslashes, the characters URL parsing strips, scheme and authority marks.
const PIECES = [
  '/',
  '//',
  '.',
  '..',
  '%2e',
  '%2E',
  '%2e%2e',
  '.%2e',
  '%2f',
  '%2F',
  '%5c',
  '%5C',
  '\\',
  '\t',
  '\n',
  '\r',
  ' ',
  '%09',
  '%00',
  '\u0000',
  ':',
  '@',
  '?',
  '#',
  '&',
  'evil.example',
  'orders',
  'a',
  'http:',
  'https:',
  'javascript:',
  '%252e',
  '%25',
  '\u3002',
  '\uff0f',
  '。',
];

function generated(count: number, seed: number): string[] {
  const next = generator(seed);
  return Array.from({ length: count }, () => {
    const length = 1 + Math.floor(next() * 8);
    const parts = Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]);
    // Most start with a slash, as a path that passes the first look must.
    return `${next() < 0.85 ? '/' : ''}${parts.join('')}`;
  });
}

/** What a browser makes of a path at `href`: the anchor resolves it as a click would. */
function resolvedByBrowser(path: string): URL {
  const anchor = document.createElement('a');
  anchor.href = path;
  return new URL(anchor.href);
}

describe('normalizeHostPath', () => {
  for (const to of ESCAPING_PATHS) {
    it(`refuses ${to}, which resolves to another host`, () => {
      expect(new URL(new URL(to, 'https://host.invalid').pathname, hostOrigin).origin).to.not.equal(
        hostOrigin,
      );
      expect(normalizeHostPath(to)).to.equal(undefined);
    });
  }

  it('refuses a path whose decoded form starts with // or /\\', () => {
    for (const to of [
      '/%2F%2Fevil.example',
      '/%2f/evil.example',
      '/%5Cevil.example',
      '/%E0%A4%A',
    ]) {
      expect(normalizeHostPath(to), to).to.equal(undefined);
    }
  });

  it('keeps paths of the host as they resolve', () => {
    expect(normalizeHostPath('/orders/../orders/7')).to.equal('/orders/7');
    expect(normalizeHostPath('/a/./b?x=1#c')).to.equal('/a/b?x=1#c');
    expect(normalizeHostPath('/%2e%2e/orders')).to.equal('/orders');
    expect(normalizeHostPath('/orders/a%20b')).to.equal('/orders/a%20b');
  });

  it('never lets through a path that resolves off the host origin (5,000 generated paths)', () => {
    let accepted = 0;
    for (const to of generated(5_000, 21)) {
      const normal = normalizeHostPath(to);
      if (normal === undefined) continue;
      accepted += 1;
      const where = `${JSON.stringify(to)} -> ${JSON.stringify(normal)}`;
      expect(new URL(normal, hostOrigin).origin, where).to.equal(hostOrigin);
      expect(resolvedByBrowser(normal).origin, where).to.equal(hostOrigin);
      expect(normal.startsWith('/') && !normal.startsWith('//'), where).to.equal(true);
      expect(normalizeHostPath(normal), where).to.equal(normal);
    }
    // The generator must reach both sides of the gate, or it proves nothing.
    expect(accepted).to.be.greaterThan(500);
  });
});
