// Accounts on the embedded store (lib/account-journeys.mjs; vendure.test.mjs runs the same
// journeys on a live Vendure).
import { serverAndBrowser } from './lib/harness.mjs';
import { accountJourneys } from './lib/account-journeys.mjs';

accountJourneys(serverAndBrowser(), ['/p/everyday-crew-tee', '/p/heavyweight-pocket-tee', '/p/washed-ringer-tee']);
