import { hashIdentity } from '../shared/identity.js';
import { createCookieStore } from '../tracking/cookie-store.js';
import { createFallbackStore } from '../tracking/fallback-store.js';
import { createTracker } from '../tracking/tracker.js';
import { createLocalStorageStore, createMemoryStore, type TrackingStore } from '../tracking/tracking-store.js';
import { validate } from './calls/validate.js';
import { validateStackable } from './calls/validate-stackable.js';
import type { ClientContext } from './context.js';
import { fillTrackingField, trackingHeaders } from './handoff.js';
import { isConsentState, normalizeOptions, type ClientOptions, type ConsentState, type NormalizedOptions } from './options.js';
import { createTransport } from './transport.js';
import { VoucherifyInvalidInputError } from '../errors/invalid-input-error.js';
import type { RequestOptions, StackableParams, StackableValidationResult, ValidateParams, ValidationResult } from './types.js';

/** A client bound to one project's public keys and one visitor. */
export type VoucherifyClient = {
	/** The visitor's current tracking id: the API's `track_…` id, the hash from `setIdentity()`, or `undefined`. */
	readonly trackingId: string | undefined;
	readonly consent: ConsentState;
	/** Validates a code (or, without one, the promotions that apply to the cart). */
	validate(codeOrParams: string | ValidateParams, options?: RequestOptions): Promise<ValidationResult>;
	/** Validates several codes and promotion tiers together. */
	validateStackable(params: StackableParams, options?: RequestOptions): Promise<StackableValidationResult>;
	/** Identifies the visitor by the shop's own id, hashed with SHA-256 in the browser; returns the hash. */
	setIdentity(identity: string): string;
	setConsent(consent: ConsentState): void;
	/** Forgets the identity and the tracking id (call it at logout). */
	reset(): void;
	/** Writes the tracking id into a hidden field of the checkout form. */
	fillTrackingField(form: HTMLFormElement, fieldName?: string): HTMLInputElement | undefined;
	/** `{ 'X-Voucherify-Tracking-Id': id }` for `fetch` calls to the shop's backend. */
	trackingHeaders(): Record<string, string>;
};

function createPersistentStore({ cookieName, domain, maxAgeDays }: NormalizedOptions['tracking']): TrackingStore {
	// Outside a browser (SSR, Node) there is nothing durable to write to.
	if (typeof document === 'undefined') return createMemoryStore();
	return createFallbackStore([
		createCookieStore({ name: cookieName, domain, maxAgeDays }),
		createLocalStorageStore(cookieName),
		createMemoryStore(),
	]);
}

/**
Creates a client. Options are checked at once; a bad one throws a `TypeError` that names it.
Nothing touches the network, the cookie or `window` until the first call.

@example
```
import { createClient } from 'voucherify-browser';

const voucherify = createClient({ clientApplicationId: 'YOUR-CLIENT-APP-ID', clientToken: 'YOUR-CLIENT-TOKEN' });
const result = await voucherify.validate({ code: 'SUMMER10', amount: 25_000 });
if (result.valid) console.log(result.order?.total_amount);
```
*/
export function createClient(options: ClientOptions): VoucherifyClient {
	const normalized = normalizeOptions(options);
	let tracker: ReturnType<typeof createTracker> | undefined;
	const context: ClientContext = {
		transport: createTransport(normalized),
		// Created on first use, so creating a client has no effect on the page.
		get tracker() {
			tracker ??= createTracker(createPersistentStore(normalized.tracking), normalized.tracking.consent);
			return tracker;
		},
	};

	return {
		get trackingId() {
			return context.tracker.trackingId;
		},
		get consent() {
			return context.tracker.consent;
		},
		validate: (codeOrParams, requestOptions) => validate(context, codeOrParams, requestOptions),
		validateStackable: (params, requestOptions) => validateStackable(context, params, requestOptions),
		setIdentity(identity) {
			const hash = hashIdentity(identity);
			context.tracker.adopt(hash);
			return hash;
		},
		setConsent(consent) {
			if (!isConsentState(consent)) {
				throw new VoucherifyInvalidInputError('consent', "`consent` must be 'granted', 'pending' or 'denied'");
			}
			context.tracker.setConsent(consent);
		},
		reset: () => context.tracker.reset(),
		fillTrackingField: (form, fieldName) => fillTrackingField(form, context.tracker.trackingId, fieldName),
		trackingHeaders: () => trackingHeaders(context.tracker.trackingId),
	};
}
