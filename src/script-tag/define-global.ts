import type { ClientCalls } from '../client/client-calls.js';
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
import type { LegacyPromise } from './legacy-promise.js';

type QueuedCall = [method: string, ...args: unknown[]];

/** The build's client calls, given the build's own `<script>` element. */
export type CallsFor = (script: HTMLOrSVGScriptElement | null) => ClientCalls;
/** `Voucherify.render(selector, options)`, made for the build's `<script>` element and the global it belongs to. */
export type RenderFor = (script: HTMLOrSVGScriptElement | null, voucherify: unknown) => (selector: unknown, options?: unknown) => LegacyPromise<HTMLElement>;

// At the top level, where the minifier writes each guard into the object rather than naming it.
const helpers = {
	version: SDK_VERSION,
	hashIdentity,
	isVoucherifyError,
	isApiError,
	isRateLimitError,
	isNetworkError,
	isTimeoutError,
	isInvalidInputError,
};

/**
What both script-tag builds do on load, whatever holds their calls and widget: defines `window.Voucherify`,
configures the default instance from the script's own `<script data-*>` attributes, and replays calls queued on a
stub array such as `window.Voucherify = window.Voucherify || []; Voucherify.push(['validate', 'CODE', callback]);`.
*/
export function defineGlobal(callsFor: CallsFor, renderFor: RenderFor): void {
	const script = document.currentScript;
	const calls = callsFor(script);
	const previous: unknown = (window as { Voucherify?: unknown }).Voucherify;
	const queue: unknown[] = Array.isArray(previous) ? previous : [];
	/** `createClient` of the npm build, with the build's own calls. */
	const createClient = (options: ClientOptions) => createClientWith(calls, options);
	const legacy = createLegacyInstance(createClient);

	const Voucherify = Object.assign(legacy, helpers, {
		createClient,
		/** Gives `window.Voucherify` back to whatever held it before this script, and returns ours. */
		noConflict() {
			(window as { Voucherify?: unknown }).Voucherify = Array.isArray(previous) ? undefined : previous;
			return Voucherify;
		},
	});
	(window as { Voucherify?: unknown }).Voucherify = Object.assign(Voucherify, { render: renderFor(script, Voucherify) });

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
}
