// Accounts on every backend (lib/account-journeys.mjs).
import { accountJourneys } from './lib/account-journeys.mjs';
import { onEveryBackend } from './lib/backends.mjs';

onEveryBackend((shared, c) => accountJourneys(shared, c.products));
