/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return --
   These tests break manifests in every way a vendor might, which takes untyped access. */
import { expect } from 'chai';
import { HostManifestError, validateManifest, type HostManifest } from '@plugboard/host-runtime';

function validManifest(): HostManifest {
  return {
    manifestVersion: 1,
    id: 'delivery-tracker',
    name: 'Delivery tracker',
    version: '1.4.0',
    vendor: { name: 'Parcel Co', url: 'https://parcel.example', email: 'support@parcel.example' },
    origin: 'https://apps.parcel.example',
    widgets: [
      {
        id: 'order-panel',
        point: 'customerorder.card',
        url: 'https://apps.parcel.example/order.html',
        height: { min: 80, max: 600, initial: 160 },
        protocols: ['dirty-state'],
      },
    ],
    permissions: ['entity:read', 'selectors:goods', 'toasts'],
    columns: [{ id: 'eta', point: 'customerorder.list', title: 'ETA' }],
    actions: [
      { id: 'ship', point: 'customerorder.actions', title: 'Ship now', run: { dialog: 'slot' } },
    ],
    dialogs: [
      { id: 'slot', url: 'https://apps.parcel.example/slot.html', title: 'Pick a slot' },
      {
        id: 'map',
        url: 'https://apps.parcel.example/map.html',
        title: 'Pickup points',
        size: { width: { min: 400, max: 900 }, height: { min: 300, max: 700 } },
      },
      {
        id: 'label',
        url: 'https://apps.parcel.example/label.html',
        title: 'Label',
        size: 'fullscreen',
      },
    ],
    connector: { url: 'https://apps.parcel.example/connector.html' },
  };
}

type Mutation = (m: Record<string, any>) => void;

/** [what is wrong, how to break a valid manifest, expected path, expected rule]. */
const INVALID: [string, Mutation, string, string][] = [
  ['manifest version', (m) => (m.manifestVersion = 2), 'manifestVersion', 'must be 1'],
  ['missing id', (m) => delete m.id, 'id', 'is required'],
  [
    'id with capitals',
    (m) => (m.id = 'Delivery'),
    'id',
    'must be lowercase letters, digits and dashes',
  ],
  ['empty name', (m) => (m.name = ''), 'name', 'must not be empty'],
  ['version not semver', (m) => (m.version = '1.4'), 'version', 'must be a semantic version'],
  ['vendor email', (m) => (m.vendor.email = 'support'), 'vendor.email', 'must be an email address'],
  [
    'vendor url on http',
    (m) => (m.vendor.url = 'http://parcel.example'),
    'vendor.url',
    'must be https, or http on localhost',
  ],
  [
    'origin with a path',
    (m) => (m.origin = 'https://apps.parcel.example/app'),
    'origin',
    'must be an origin',
  ],
  [
    'origin on ftp',
    (m) => (m.origin = 'ftp://apps.parcel.example'),
    'origin',
    'must be https, or http on localhost',
  ],
  ['widgets not a list', (m) => (m.widgets = {}), 'widgets', 'must be a list'],
  [
    'widget url on http',
    (m) => (m.widgets[0].url = 'http://apps.parcel.example/order.html'),
    'widgets[0].url',
    'must be https, or http on localhost',
  ],
  [
    'widget url not a url',
    (m) => (m.widgets[0].url = 'order.html'),
    'widgets[0].url',
    'must be https, or http on localhost',
  ],
  [
    'widget on another origin',
    (m) => (m.widgets[0].url = 'https://evil.example/order.html'),
    'widgets[0].url',
    "must be on the manifest's origin https://apps.parcel.example",
  ],
  ['widget without point', (m) => delete m.widgets[0].point, 'widgets[0].point', 'is required'],
  [
    'widget height negative',
    (m) => (m.widgets[0].height.min = -5),
    'widgets[0].height.min',
    'must be a whole number of pixels',
  ],
  [
    'widget height fractional',
    (m) => (m.widgets[0].height.max = 10.5),
    'widgets[0].height.max',
    'must be a whole number of pixels',
  ],
  [
    'widget min over max',
    (m) => (m.widgets[0].height = { min: 700, max: 600, initial: 650 }),
    'widgets[0].height',
    'min must not exceed max',
  ],
  [
    'initial outside bounds',
    (m) => (m.widgets[0].height.initial = 900),
    'widgets[0].height.initial',
    'must be between min (80) and max (600)',
  ],
  [
    'unknown protocol',
    (m) => (m.widgets[0].protocols = ['telepathy']),
    'widgets[0].protocols[0]',
    'must be one of dirty-state',
  ],
  [
    'unknown page',
    (m) => (m.widgets[0].page = 'both'),
    'widgets[0].page',
    'must be edit or create',
  ],
  [
    'duplicate widget id',
    (m) => m.widgets.push({ ...m.widgets[0] }),
    'widgets[1].id',
    'is already the id of widgets[0]',
  ],
  [
    'unknown widget field',
    (m) => (m.widgets[0].colour = 'red'),
    'widgets[0].colour',
    'is not a field of this manifest format',
  ],
  [
    'unknown permission',
    (m) => (m.permissions = ['entity:read', 'root']),
    'permissions[1]',
    'must be a known permission',
  ],
  [
    'selector permission without a name',
    (m) => (m.permissions = ['selectors:']),
    'permissions[0]',
    'must be a known permission',
  ],
  [
    'column title too long',
    (m) => (m.columns[0].title = 'x'.repeat(81)),
    'columns[0].title',
    'must be at most 80 characters',
  ],
  ['action without title', (m) => delete m.actions[0].title, 'actions[0].title', 'is required'],
  [
    'dialog on another origin',
    (m) => (m.dialogs[0].url = 'https://evil.example/slot.html'),
    'dialogs[0].url',
    "must be on the manifest's origin",
  ],
  [
    'dialog of an unknown size',
    (m) => (m.dialogs[0].size = 'huge'),
    'dialogs[0].size',
    'must be small, medium, large or fullscreen',
  ],
  [
    'dialog whose width bounds cross',
    (m) => (m.dialogs[0].size = { width: { min: 500, max: 300 }, height: { min: 100, max: 400 } }),
    'dialogs[0].size.width',
    'min must not exceed max',
  ],
  [
    'two dialogs with one id',
    (m) => m.dialogs.push({ ...m.dialogs[0] }),
    'dialogs[3].id',
    '"slot" is already the id of dialogs[0]',
  ],
  ['dialog without title', (m) => delete m.dialogs[0].title, 'dialogs[0].title', 'is required'],
  [
    'connector on another origin',
    (m) => (m.connector.url = 'https://evil.example/c.html'),
    'connector.url',
    "must be on the manifest's origin",
  ],
];

function issuesOf(input: unknown): HostManifestError {
  try {
    validateManifest(input);
  } catch (error) {
    expect(error).to.be.instanceOf(HostManifestError);
    return error as HostManifestError;
  }
  throw new Error('expected the manifest to be rejected');
}

describe('validateManifest', () => {
  it('accepts a valid manifest and returns it', () => {
    expect(validateManifest(validManifest())).to.deep.equal(validManifest());
  });

  for (const origin of ['http://localhost:5174', 'http://parcel.localhost:5174']) {
    it(`accepts http on ${new URL(origin).hostname} for development`, () => {
      const m = validManifest();
      m.origin = origin;
      m.widgets = m.widgets.map((widget) => ({ ...widget, url: `${origin}/order.html` }));
      m.dialogs = [];
      delete m.connector;
      delete m.columns;
      delete m.actions;
      expect(() => validateManifest(m)).not.to.throw();
    });
  }

  it('refuses http on a name that only starts like localhost', () => {
    const m = validManifest();
    m.origin = 'http://localhost.evil.example';
    expect(() => validateManifest(m)).to.throw(/origin: must be https, or http on localhost/);
  });

  for (const [what, mutate, path, rule] of INVALID) {
    it(`rejects ${what} at ${path}`, () => {
      const manifest = validManifest() as Record<string, any>;
      mutate(manifest);
      const error = issuesOf(manifest);
      const issue = error.issues.find((i) => i.path === path);
      expect(issue, `no issue at ${path} in: ${error.message}`).to.not.equal(undefined);
      expect(issue?.message).to.contain(rule);
      expect(error.message).to.contain(`${path}: `);
    });
  }

  it('reports every problem at once, not only the first', () => {
    const m = validManifest() as Record<string, any>;
    m.version = 'one';
    m.vendor.email = 'nope';
    m.widgets[0].url = 'http://apps.parcel.example/x';
    const error = issuesOf(m);
    expect(error.issues.map((i) => i.path)).to.include.members([
      'version',
      'vendor.email',
      'widgets[0].url',
    ]);
    expect(error.appId).to.equal('delivery-tracker');
    expect(error.message).to.match(/^Invalid app manifest "delivery-tracker":\n/);
  });

  it('rejects what is not an object', () => {
    for (const input of [null, 'manifest', 42, []]) {
      expect(issuesOf(input).issues[0]?.path).to.equal('');
    }
  });

  it('refuses writes that name an object prototype, with a reason, rather than dropping them', () => {
    for (const json of [
      '{"__proto__": ["comment"]}',
      '{"constructor": ["comment"]}',
      '{"customerorder": ["__proto__"]}',
      '{"customerorder": ["comment", "constructor"]}',
    ]) {
      const manifest = { ...validManifest(), writes: JSON.parse(json) as unknown };
      const [issue, ...more] = issuesOf(manifest).issues;
      expect(more, json).to.deep.equal([]);
      expect(issue?.path, json).to.match(/^writes/);
      expect(issue?.message, json).to.contain("an object's prototype");
    }
  });
});
