// MoySklad descriptors (XML, ServerApplication v2) into Plugboard manifests:
// MoySklad's own two examples, every mapping, what is reported as not run
// here, and every rejected case naming its element path.
import { expect } from 'chai';
import {
  convertMoySkladDescriptor,
  MoySkladDescriptorError,
  type MoySkladConvertOptions,
} from '@plugboard/host-runtime/moysklad';

const NS = `xmlns="https://apps-api.moysklad.ru/xml/ns/appstore/app/v2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`;
const ORIGIN = 'https://example.com';

const options: MoySkladConvertOptions = {
  id: 'loyalty-points',
  name: 'Loyalty points',
  vendor: { name: 'Loyal Co', url: 'https://loyal.example', email: 'help@loyal.example' },
  origin: ORIGIN,
  points: {
    'document.customerorder.edit': 'customerorder.card',
    'document.customerorder.create': 'customerorder.card',
    'entity.counterparty.edit': 'counterparty.card',
  },
  writes: { customerorder: ['description'] },
};

const descriptor = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<ServerApplication ${NS}>
  <vendorApi><endpointBase>${ORIGIN}/dummy-app</endpointBase></vendorApi>
  <access><resource>https://api.moysklad.ru/api/remap/1.2</resource><scope>admin</scope></access>
  ${body}
</ServerApplication>`;

/** The issues of a descriptor that must fail. */
function issuesOf(xml: string, with_: Partial<MoySkladConvertOptions> = {}) {
  try {
    convertMoySkladDescriptor(xml, { ...options, ...with_ });
  } catch (error) {
    expect(error).to.be.instanceOf(MoySkladDescriptorError);
    return (error as MoySkladDescriptorError).issues.map(
      (issue) => `${issue.path}: ${issue.message}`,
    );
  }
  throw new Error('the descriptor was accepted');
}

describe('MoySklad descriptors', () => {
  it("converts MoySklad's first example: an order widget that validates changes", () => {
    const { manifest, widgets, unsupported } = convertMoySkladDescriptor(
      descriptor(`
        <iframe><sourceUrl>${ORIGIN}/dummy-app/iframe.html</sourceUrl></iframe>
        <widgets>
          <document.customerorder.edit useContextKey="false">
            <sourceUrl>${ORIGIN}/dummy-app/widget-customerorder.php</sourceUrl>
            <height><fixed>50px</fixed></height>
            <supports><change-handler><validation-feedback/></change-handler></supports>
          </document.customerorder.edit>
        </widgets>`),
      options,
    );
    expect(manifest.widgets).to.deep.equal([
      {
        id: 'document-customerorder-edit',
        point: 'customerorder.card',
        url: `${ORIGIN}/dummy-app/widget-customerorder.php`,
        height: { min: 50, max: 50, initial: 50 },
        protocols: ['change', 'validation'],
        page: 'edit',
      },
    ]);
    expect(manifest.permissions).to.deep.equal(['entity:read']);
    expect(widgets['document-customerorder-edit']).to.deep.include({
      point: 'document.customerorder.edit',
      height: 50,
      create: false,
      supports: ['change-handler', 'validation-feedback'],
    });
    expect(unsupported.map((part) => part.path)).to.deep.equal(['vendorApi', 'access', 'iframe']);
  });

  it("converts MoySklad's second example: a counterparty widget with the folder selector, and popups", () => {
    const { manifest, popups } = convertMoySkladDescriptor(
      descriptor(`
        <widgets>
          <entity.counterparty.edit useContextKey="false">
            <sourceUrl>${ORIGIN}/widget.php</sourceUrl>
            <height><fixed>150px</fixed></height>
            <uses><good-folder-selector/></uses>
          </entity.counterparty.edit>
        </widgets>
        <popups>
          <popup><name>somePopup</name><sourceUrl>${ORIGIN}/popup.php</sourceUrl></popup>
          <popup useContextKey="false"><name>somePopup2</name><sourceUrl>${ORIGIN}/popup-2.php</sourceUrl></popup>
        </popups>`),
      options,
    );
    expect(manifest.permissions).to.have.members([
      'entity:read',
      'selectors:goodFolder',
      'dialogs',
    ]);
    expect(manifest.dialogs).to.deep.equal([
      { id: 'somepopup', url: `${ORIGIN}/popup.php`, title: 'Loyalty points', size: 'fullscreen' },
      {
        id: 'somepopup2',
        url: `${ORIGIN}/popup-2.php`,
        title: 'Loyalty points',
        size: 'fullscreen',
      },
    ]);
    expect(popups).to.deep.equal({ somePopup: 'somepopup', somePopup2: 'somepopup2' });
  });

  it('maps every protocol and service, a hidden 0px widget, a create page, and update-provider with writes', () => {
    const { manifest, widgets } = convertMoySkladDescriptor(
      descriptor(`
        <widgets>
          <document.customerorder.edit useContextKey="false">
            <sourceUrl>${ORIGIN}/order.html</sourceUrl>
            <height><fixed>0px</fixed></height>
            <supports>
              <open-feedback/><save-handler/><dirty-state/><update-provider/>
              <change-handler/><validation-feedback/>
            </supports>
            <uses><standard-dialogs/><navigation-service/><user-context/></uses>
          </document.customerorder.edit>
          <document.customerorder.create useContextKey="false">
            <sourceUrl>${ORIGIN}/create.html</sourceUrl>
            <height><fixed>80px</fixed></height>
            <supports><change-handler><validation-feedback/></change-handler></supports>
          </document.customerorder.create>
        </widgets>`),
      options,
    );
    const [edit, create] = manifest.widgets;
    expect(edit?.height).to.deep.equal({ min: 0, max: 0, initial: 0 });
    expect(edit?.protocols).to.have.members(['save', 'dirty-state', 'change', 'validation']);
    expect(manifest.permissions).to.have.members([
      'entity:read',
      'entity:write',
      'dialogs',
      'navigation',
    ]);
    expect(manifest.writes).to.deep.equal({ customerorder: ['description'] });
    expect(widgets['document-customerorder-edit']?.height).to.equal(0);
    expect(create?.id).to.equal('document-customerorder-create');
    expect([edit?.page, create?.page]).to.deep.equal(['edit', 'create']);
    expect(widgets['document-customerorder-create']?.create).to.equal(true);
  });

  it('reports what this host does not run, instead of dropping it', () => {
    const { unsupported, manifest } = convertMoySkladDescriptor(
      descriptor(`
        <iframes>
          <iframe type="main" sourceUrl="${ORIGIN}/main.html"/>
          <iframe type="chat" sourceUrl="${ORIGIN}/chat.html"/>
        </iframes>
        <widgets>
          <document.demand.edit>
            <sourceUrl>${ORIGIN}/demand.html</sourceUrl>
            <height><fixed>100px</fixed></height>
          </document.demand.edit>
          <entity.counterparty.edit>
            <sourceUrl>${ORIGIN}/cp.html</sourceUrl>
            <height><fixed>100px</fixed></height>
          </entity.counterparty.edit>
        </widgets>
        <buttons><button name="send" title="Send"><locations><document.customerorder.list/></locations></button></buttons>
        <scenario><action name="create_invoice" title="Create invoice"/></scenario>`),
      options,
    );
    const said = unsupported.map((part) => `${part.path}: ${part.message}`);
    expect(said).to.include(
      'widgets/document.demand.edit: this host has no extension point for document.demand.edit',
    );
    // useContextKey is not a part left out: the page loads with a key when the host issues them.
    expect(said.some((line) => line.includes('@useContextKey'))).to.equal(false);
    // A button at a location the host has no action point for.
    expect(said).to.include(
      'buttons/button[1]/locations/document.customerorder.list: this host has no action point for document.customerorder.list',
    );
    expect(said.some((line) => line.startsWith('vendorApi: of the vendor API'))).to.equal(true);
    expect(said.some((line) => line.startsWith('scenario: '))).to.equal(true);
    expect(said).to.include('iframes/iframe[1]: the main window is not shown by this host');
    expect(said).to.include('iframes/iframe[2]: the chat window is not shown by this host');
    expect(manifest.widgets.map((widget) => widget.id)).to.deep.equal(['entity-counterparty-edit']);
  });

  it("turns buttons into actions the vendor's server answers, at each location the host maps", () => {
    const { manifest, buttons, endpointBase, unsupported } = convertMoySkladDescriptor(
      descriptor(`
        <buttons>
          <button name="sendToCounterparty" title="Send to counterparty">
            <locations><document.customerorder.list/><document.customerorder.edit/></locations>
          </button>
          <button name="report" title="Report" useSelected="false">
            <locations><document.customerorder.list/><document.demand.list/></locations>
          </button>
          <button name="draft" title="Draft"><locations><document.customerorder.create/></locations></button>
        </buttons>`),
      {
        ...options,
        buttonPoints: {
          'document.customerorder.list': 'customerorder.list.actions',
          'document.customerorder.edit': 'customerorder.card.actions',
          'document.customerorder.create': 'customerorder.new.actions',
        },
      },
    );
    expect(manifest.actions).to.deep.equal([
      {
        id: 'sendtocounterparty',
        point: 'customerorder.list.actions',
        title: 'Send to counterparty',
        selection: 'many',
        run: 'server',
      },
      {
        id: 'sendtocounterparty-2',
        point: 'customerorder.card.actions',
        title: 'Send to counterparty',
        selection: 'one',
        run: 'server',
      },
      {
        id: 'report',
        point: 'customerorder.list.actions',
        title: 'Report',
        selection: 'none',
        run: 'server',
      },
      {
        id: 'draft',
        point: 'customerorder.new.actions',
        title: 'Draft',
        selection: 'none',
        run: 'server',
      },
    ]);
    expect(buttons['sendtocounterparty-2']).to.deep.equal({
      path: 'buttons/button[1]',
      name: 'sendToCounterparty',
      location: 'document.customerorder.edit',
      useSelected: true,
    });
    expect(buttons['report']?.useSelected).to.equal(false);
    expect(endpointBase).to.equal(`${ORIGIN}/dummy-app`);
    expect(unsupported.map((part) => part.path)).to.include(
      'buttons/button[2]/locations/document.demand.list',
    );
  });

  it('rejects bad buttons, naming each one’s element path', () => {
    const points = {
      buttonPoints: { 'document.customerorder.list': 'customerorder.list.actions' },
    };
    expect(
      issuesOf(
        descriptor(`<buttons>
          <button title="No name"><locations><document.customerorder.list/></locations></button>
          <button name="a" useSelected="sometimes"><locations><document.customerorder.list/></locations></button>
          <button name="b" title="Nowhere"/>
          <button name="c" title="Odd place"><locations><customerorder.toolbar/></locations></button>
          <button name="c" title="Again"><locations><document.customerorder.list/></locations></button>
        </buttons>`),
        points,
      ),
    ).to.deep.equal([
      'buttons/button[1]/@name: is required',
      'buttons/button[2]/@title: is required',
      'buttons/button[2]/@useSelected: must be true or false',
      'buttons/button[3]/locations: is required, with one location or more',
      'buttons/button[4]/locations/customerorder.toolbar: is not a button location: locations are named after entity.<type>.edit or .list, document.<type>.edit, .create or .list',
      'buttons/button[5]/@name: "c" names another button too',
    ]);
    // The manifest's own checks, named by the button's attribute.
    expect(
      issuesOf(
        descriptor(`<buttons><button name="long" title="A title longer than forty characters, by far">
          <locations><document.customerorder.list/></locations></button></buttons>`),
        points,
      )[0],
    ).to.match(/^buttons\/button\[1\]\/@title: /);
    // Buttons need the server that answers them.
    expect(
      issuesOf(
        `<ServerApplication ${NS}><buttons><button name="a" title="A">
          <locations><document.customerorder.list/></locations></button></buttons></ServerApplication>`,
        points,
      ),
    ).to.deep.equal([
      "vendorApi/endpointBase: is required: the vendor's server answers the buttons there",
    ]);
  });

  it('rejects bad descriptors, naming every problem’s element path', () => {
    expect(issuesOf('<ServerApplication><widgets>')[0]).to.match(/^line \d+, column \d+: /);
    expect(issuesOf('<Application xmlns="x"/>')).to.deep.equal([
      'Application: the root element must be ServerApplication',
    ]);
    expect(
      issuesOf(
        '<ServerApplication xmlns="https://apps-api.moysklad.ru/xml/ns/appstore/app/v1"/>',
      )[0],
    ).to.contain('ServerApplication: must be in the namespace');
    const many = issuesOf(
      descriptor(`
        <widgets>
          <document.customerorder.edit>
            <height><fixed>tall</fixed></height>
            <supports><telepathy/></supports>
            <uses><teleport/></uses>
          </document.customerorder.edit>
          <customerorder.card><sourceUrl>${ORIGIN}/x.html</sourceUrl></customerorder.card>
          <entity.counterparty.edit><sourceUrl>${ORIGIN}/x.html</sourceUrl></entity.counterparty.edit>
        </widgets>
        <popups><popup><sourceUrl>${ORIGIN}/p.html</sourceUrl></popup><popup><name>p</name></popup></popups>
        <widgetz/>`),
    );
    expect(many).to.deep.equal([
      'widgets/document.customerorder.edit/sourceUrl: is required',
      'widgets/document.customerorder.edit/height/fixed: "tall" is not a height in pixels such as 150px',
      'widgets/document.customerorder.edit/supports/telepathy: is not a protocol; supports takes open-feedback, save-handler, dirty-state, change-handler, validation-feedback, update-provider',
      'widgets/document.customerorder.edit/uses/teleport: is not a service; uses takes good-folder-selector, standard-dialogs, navigation-service, user-context',
      'widgets/customerorder.card: is not a widget point: widgets are named after entity.<type>.edit, document.<type>.edit or document.<type>.create',
      'widgets/entity.counterparty.edit/height/fixed: is required, in pixels such as 150px',
      'popups/popup[1]/name: is required',
      'popups/popup[2]/sourceUrl: is required',
      'widgetz: is not a block of a v2 descriptor',
    ]);
    expect(
      issuesOf(
        descriptor(`<widgets><entity.counterparty.edit useContextKey="false">
          <sourceUrl>https://elsewhere.example/w.html</sourceUrl><height><fixed>10px</fixed></height>
        </entity.counterparty.edit></widgets>`),
      )[0],
    ).to.match(/^widgets\/entity\.counterparty\.edit\/sourceUrl: /);
    expect(
      issuesOf(
        descriptor(`<widgets><entity.counterparty.edit useContextKey="false">
          <sourceUrl>${ORIGIN}/w.html</sourceUrl><height><fixed>10px</fixed></height>
        </entity.counterparty.edit></widgets>`),
        { id: 'Not A Slug' },
      )[0],
    ).to.match(/^\(options\) id: /);
  });
});
