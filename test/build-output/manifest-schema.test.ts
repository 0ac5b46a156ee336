import { expect } from 'chai';

describe('manifest JSON Schema (dist/manifest.schema.json)', () => {
  it('ships with the runtime and describes manifest version 1', async () => {
    const response = await fetch('/packages/host-runtime/dist/manifest.schema.json');
    expect(response.status).to.equal(200);
    const schema = (await response.json()) as {
      $schema: string;
      title: string;
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { const?: unknown; type?: string }>;
    };
    expect(schema.$schema).to.contain('json-schema.org');
    expect(schema.title).to.equal('Plugboard app manifest, version 1');
    expect(schema.properties['manifestVersion']?.const).to.equal(1);
    expect(schema.properties['widgets']?.type).to.equal('array');
    expect(schema.required).to.include.members([
      'manifestVersion',
      'id',
      'origin',
      'widgets',
      'permissions',
    ]);
    expect(schema.additionalProperties).to.equal(false);
  });
});
