// docs/protocol.md is generated from the protocol's tables: it must be what
// scripts/protocol-reference.js writes from the code as it is now.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { protocolReference, REFERENCE } from './protocol-reference.js';

describe('the protocol reference', () => {
  it('is what the protocol says now (else: node scripts/protocol-reference.js)', async () => {
    const written = readFileSync(REFERENCE, 'utf8');
    const generated = await protocolReference();
    assert.ok(
      written === generated,
      'docs/protocol.md is out of date: run `npm run build && node scripts/protocol-reference.js`',
    );
    for (const method of ['entity.get', 'selectors.open', 'storage.set', 'cells', 'validate']) {
      assert.match(written, new RegExp(`\\| \`${method.replace('.', '\\.')}\` +\\|`));
    }
  });
});
