import type { ClientCalls } from '../client/client-calls.js';
import { companionLoader } from './companion.js';

declare const __CALLS_INTEGRITY__: string;

/** The file (`dist/voucherify-calls.min.js`) and the global it defines: every client call but `validate`. */
export const CALLS_FILE = 'voucherify-calls.min.js';
export const CALLS_GLOBAL = 'VoucherifyCalls';

/**
The script tag's client calls: `validate` runs in the core, every other call loads `voucherify-calls.min.js` from
beside the core on the first use of any of them, then runs exactly the code the npm build runs. That keeps the core
within its 10 KB budget; a storefront that only validates never loads the file.
*/
export function lazyCalls(script: HTMLOrSVGScriptElement | null): ClientCalls {
	const load = companionLoader<ClientCalls>(script, CALLS_FILE, CALLS_GLOBAL, __CALLS_INTEGRITY__);
	const call =
		(name: keyof ClientCalls) =>
		(...args: unknown[]) =>
			load().then((calls) => (calls[name] as (...args: unknown[]) => unknown)(...args));
	return new Proxy({} as ClientCalls, { get: (_target, name) => call(name as keyof ClientCalls) });
}
