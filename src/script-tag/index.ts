import { createClientWith } from '../client/create-client.js';
import type { ClientOptions } from '../client/options.js';
import {
	isApiError,
	isInvalidInputError,
	isNetworkError,
	isRateLimitError,
	isTimeoutError,
	isVoucherifyError,
} from '../errors/guards.js';
import { hashIdentity } from '../shared/identity.js';
import { SDK_VERSION } from '../version.js';
import { createLegacyInstance } from './legacy-instance.js';
import { lazyCalls } from './lazy-calls.js';
import { createRender } from './widget-loader.js';

/**
The script-tag build. Unlike the ESM entry, it acts on load: it defines `window.Voucherify`, configures the
default instance from its own `<script data-*>` attributes, and replays calls queued on a stub array such as
`window.Voucherify = window.Voucherify || []; Voucherify.push(['validate', 'CODE', callback]);`.
*/
type QueuedCall = [method: string, ...args: unknown[]];

const script = document.currentScript;
const previous: unknown = (window as { Voucherify?: unknown }).Voucherify;
const queue: unknown[] = Array.isArray(previous) ? previous : [];
const calls = lazyCalls(script);
/** `createClient` of the npm build, with every call but `validate` in `voucherify-calls.min.js`, loaded on first use. */
const createClient = (options: ClientOptions) => createClientWith(calls, options);
const legacy = createLegacyInstance(createClient);

const Voucherify = Object.assign(legacy, {
	version: SDK_VERSION,
	createClient,
	hashIdentity,
	isVoucherifyError,
	isApiError,
	isRateLimitError,
	isNetworkError,
	isTimeoutError,
	isInvalidInputError,
	/** Gives `window.Voucherify` back to whatever held it before this script, and returns ours. */
	noConflict() {
		(window as { Voucherify?: unknown }).Voucherify = Array.isArray(previous) ? undefined : previous;
		return Voucherify;
	},
});

/** voucherify.js's discount widget, loaded from `voucherify-widget.min.js` beside this script on first use. */
const render = createRender(script, Voucherify);
(window as { Voucherify?: unknown }).Voucherify = Object.assign(Voucherify, { render });

const attribute = (name: string) => script?.getAttribute(`data-${name}`) ?? undefined;
const clientApplicationId = attribute('client-application-id');
const clientToken = attribute('client-token');
const apiUrl = attribute('api-url');
try {
	if (clientApplicationId && clientToken) Voucherify.initialize(clientApplicationId, clientToken);
	if (apiUrl) Voucherify.setBaseUrl(apiUrl);
} catch (error) {
	console.error('[voucherify] Invalid data-* attributes on the script tag:', error);
}

for (const entry of queue) {
	const [method, ...args] = (Array.isArray(entry) ? entry : []) as QueuedCall;
	const target = (Voucherify as unknown as Record<string, unknown>)[method];
	if (typeof target === 'function') {
		try {
			target.apply(Voucherify, args);
		} catch (error) {
			console.error(`[voucherify] The queued call ${method}() failed:`, error);
		}
	} else {
		console.warn('[voucherify] Ignored a queued entry that names no method:', entry);
	}
}
