// `npm run vendors`: the example vendor apps alone, for a host developed
// elsewhere. Serves each app's pages, manifest (/<app>/manifest.json, its
// URLs on this server's origin) and backend at http://127.0.0.1:5174.
//   VENDOR_PORT  the port (default 5174; 0: any free port)
//   HOST_ORIGIN  the host's origin, where Credit check's backend fetches the
//                host's JWKS (/.well-known/jwks.json) and Loyalty points its
//                context (default http://localhost:5173)
//   LOYALTY_SECRET  the secret the host signs Loyalty points' buttons with
//                (default: a new one, printed)
import { randomBytes } from 'node:crypto';
import { portFrom, startVendors } from './start.js';

const port = portFrom('VENDOR_PORT', 5174);
const hostOrigin = process.env['HOST_ORIGIN'] || 'http://localhost:5173';
const given = process.env['LOYALTY_SECRET'];
const loyaltySecret = given || randomBytes(32).toString('base64url');
let vendors;
try {
  vendors = await startVendors({ port, hostOrigin: () => hostOrigin, loyaltySecret });
} catch (error) {
  const taken =
    /** @type {{ code?: string }} */ (error).code === 'EADDRINUSE' ||
    /already in use/.test(String(error));
  if (!taken) throw error;
  console.error(
    `Port ${port} is taken by another program: choose another, for instance VENDOR_PORT=${port + 10} npm run vendors.`,
  );
  process.exit(1);
}
console.log(`\n  Vendor apps:  ${vendors.origin}`);
for (const app of ['delivery-tracker', 'credit-check', 'quick-add']) {
  console.log(`    ${vendors.origin}/${app}/manifest.json`);
}
console.log(`    ${vendors.origin}/loyalty-points/descriptor.xml (MoySklad)`);
console.log(`  For the host at ${hostOrigin} (HOST_ORIGIN).`);
if (!given) console.log(`  Loyalty points' secret (LOYALTY_SECRET): ${loyaltySecret}`);
console.log('');
const stop = () => {
  vendors.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
