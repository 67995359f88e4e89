import { CLIENT_CALLS } from '../client/client-calls.js';
import { CALLS_GLOBAL } from './lazy-calls.js';

/**
The script tag's companion file `dist/voucherify-calls.min.js`: every client call but `validate`, which the core
loads on first use. A page may also include it itself, before or after the core.
*/
(window as unknown as Record<string, unknown>)[CALLS_GLOBAL] = CLIENT_CALLS;
