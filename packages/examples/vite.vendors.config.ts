import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

const vendors = fileURLToPath(new URL('./vendors', import.meta.url));

// A static build of the example vendor apps' pages, for Storybook to serve
// (see stories/.storybook/main.ts). Their manifests are filled in by the
// stories with the origin the pages are served from.
export default defineConfig({
  root: vendors,
  base: '/',
  resolve: { conditions: ['@plugboard/source', ...defaultClientConditions] },
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./dist-vendors', import.meta.url)),
    emptyOutDir: true,
    // Storybook has an assets/ folder of its own at the same root.
    assetsDir: 'vendor-assets',
    rolldownOptions: {
      input: {
        'delivery-tracker': `${vendors}/delivery-tracker/index.html`,
        'delivery-tracker-carrier': `${vendors}/delivery-tracker/carrier.html`,
        'delivery-tracker-label': `${vendors}/delivery-tracker/label.html`,
        'delivery-tracker-parcel': `${vendors}/delivery-tracker/parcel.html`,
        'credit-check': `${vendors}/credit-check/index.html`,
        'credit-check-order': `${vendors}/credit-check/order.html`,
        'delivery-tracker-book-pickup': `${vendors}/delivery-tracker/book-pickup.html`,
        'delivery-tracker-connector': `${vendors}/delivery-tracker/connector.html`,
        'credit-check-connector': `${vendors}/credit-check/connector.html`,
        'quick-add': `${vendors}/quick-add/index.html`,
        'quick-add-connector': `${vendors}/quick-add/connector.html`,
        'loyalty-points-order': `${vendors}/loyalty-points/order.html`,
        'loyalty-points-counterparty': `${vendors}/loyalty-points/counterparty.html`,
        'loyalty-points-redeem': `${vendors}/loyalty-points/redeem.html`,
        'loyalty-points-terms': `${vendors}/loyalty-points/terms.html`,
        'loyalty-points-terms-popup': `${vendors}/loyalty-points/terms-popup.html`,
        'loyalty-points-goods': `${vendors}/loyalty-points/goods.html`,
      },
    },
  },
});
