import { inBrowser } from '../shared/environment.js';
import { hashIdentity } from '../shared/identity.js';
import type { DomFormElement, DomInputElement } from '../shared/dom-types.js';
import { createCookieStore } from '../tracking/cookie-store.js';
import { createFallbackStore } from '../tracking/fallback-store.js';
import { isConsentState, type ConsentState } from '../tracking/consent.js';
import { createTracker, type Tracker } from '../tracking/tracker.js';
import { createLocalStorageStore, createMemoryStore, type TrackingStore } from '../tracking/tracking-store.js';
import { createVisitorLock, queueLocks } from '../tracking/visitor-lock.js';
import { ANONYMOUS_ID_NAME } from '../shared/handoff.js';
import { validate } from './calls/validate.js';
import type { ClientCalls } from './client-calls.js';
import type { ClientContext } from './context.js';
import { fillTrackingField, trackingHeaders } from './handoff.js';
import { OUTBOX, record } from './outbox.js';
import { normalizeOptions, type ClientOptions, type NormalizedOptions, type OptionNames } from './options.js';
import { createTransport } from './transport.js';
import { refuse } from '../errors/invalid-input-error.js';
import type { ConsentChoices, CustomerInput, ListPromotionTiersParams, ListVouchersParams, PublishParams, QualificationsParams, RedeemParams, RequestOptions, StackableParams, TrackParams, ValidateParams } from './types/params.js';
import type { ConsentList, Customer, PromotionTierList, PublicationResult, RedemptionResult, StackableRedemptionResult, TrackedEvent, VoucherList } from './types/answers.js';
import type { QualificationsResult, StackableValidationResult, ValidationResult } from './types/validation-answers.js';

/** A client bound to one project's public keys and one visitor. */
export type VoucherifyClient = {
	/** The visitor's current tracking id: the API's `track_…` id, the hash from `setIdentity()`, or `undefined`. */
	readonly trackingId: string | undefined;
	/** The anonymous `track_…` id the visitor had before `setIdentity()`, kept so checkout can merge that history; else `undefined`. */
	readonly anonymousId: string | undefined;
	readonly consent: ConsentState;
	/** Validates a code (or, without one, the promotions that apply to the cart). */
	validate(codeOrParams: string | ValidateParams, options?: RequestOptions): Promise<ValidationResult>;
	/** Validates several codes and promotion tiers together. */
	validateStackable(params: StackableParams, options?: RequestOptions): Promise<StackableValidationResult>;
	/** Redeems a code from the browser (only if the project allows client-side redemption). */
	redeem(code: string, params?: RedeemParams, options?: RequestOptions): Promise<RedemptionResult>;
	/** Redeems several codes and promotion tiers together (client-side redemption must be allowed). */
	redeemStackable(params: StackableParams, options?: RequestOptions): Promise<StackableRedemptionResult>;
	/** Publishes a code from a campaign to the visitor. */
	publish(campaign: string, params?: PublishParams, options?: RequestOptions): Promise<PublicationResult>;
	/** Records a custom event for the visitor. */
	track(event: string, params?: TrackParams, options?: RequestOptions): Promise<TrackedEvent>;
	listVouchers(params?: ListVouchersParams, options?: RequestOptions): Promise<VoucherList>;
	/**
	Creates (or upserts by `source_id`) a customer; `source_id` defaults to the visitor's tracking id. The second
	argument may also be `@voucherify/sdk`'s boolean `enableDoubleOptIn`.
	*/
	createCustomer(customer: CustomerInput, params?: { doubleOptIn?: boolean } | boolean, options?: RequestOptions): Promise<Customer>;
	listConsents(options?: RequestOptions): Promise<ConsentList>;
	/** Sets consents of a customer (id or source_id), or of the visitor when `customer` is undefined. */
	updateConsents(customer: string | undefined, consents: ConsentChoices, options?: RequestOptions): Promise<void>;
	qualifications(params?: QualificationsParams, options?: RequestOptions): Promise<QualificationsResult>;
	listPromotionTiers(params?: ListPromotionTiersParams, options?: RequestOptions): Promise<PromotionTierList>;
	/**
	Identifies the visitor by the shop's own id, hashed with SHA-256 in the browser; returns the hash. An anonymous
	`track_…` id it replaces is kept as `anonymousId`; another identity's hash drops it (a shared computer).
	*/
	setIdentity(identity: string): string;
	setConsent(consent: ConsentState): void;
	/** Forgets the identity, the tracking id and the anonymous id (call it at logout). */
	reset(): void;
	/** Writes the tracking id (and the anonymous id, field `voucherify_anonymous_id`) into hidden fields of the checkout form. */
	fillTrackingField(form: DomFormElement, fieldName?: string): DomInputElement | undefined;
	/** `{ 'X-Voucherify-Tracking-Id': id, 'X-Voucherify-Anonymous-Id': anonymousId }` for `fetch` calls to the shop's backend. */
	trackingHeaders(): Record<string, string>;
};

function createPersistentStore(name: string, { domain, maxAgeDays }: NormalizedOptions['tracking']): TrackingStore {
	// Outside a browser (SSR, Node) there is nothing durable to write to.
	if (!inBrowser()) return createMemoryStore();
	return createFallbackStore([createCookieStore({ name, domain, maxAgeDays }), createLocalStorageStore(name), createMemoryStore()]);
}

function createVisitorTracker({ tracking, timeout }: NormalizedOptions) {
	return createTracker({
		stores: { tracking: createPersistentStore(tracking.cookieName, tracking), anonymous: createPersistentStore(ANONYMOUS_ID_NAME, tracking) },
		consent: tracking.consent,
		// Outside a browser each client is its own visitor (an SSR server serves many): its queue is its own.
		lock: createVisitorLock(`voucherify:${tracking.cookieName}`, inBrowser() ? undefined : queueLocks(new Map())),
		waitMs: timeout,
	});
}

/** The calls that go to `calls` as they are, with the client's context first (one list: fewer bytes in the script tag). */
const PASSED_CALLS = [
	'validateStackable',
	'redeem',
	'redeemStackable',
	'listVouchers',
	'createCustomer',
	'listConsents',
	'updateConsents',
	'qualifications',
	'listPromotionTiers',
] as const satisfies ReadonlyArray<keyof ClientCalls & keyof VoucherifyClient>;

/**
The client with its calls given: `createClient` (the npm entry) binds them directly; the script tag binds them to a
companion file it loads on first use, which keeps its core small. `validate` with a code is always in the core.
*/
export function createClientWith(calls: ClientCalls, options: ClientOptions, names?: OptionNames): VoucherifyClient {
	const normalized = normalizeOptions(options, names);
	let tracker: Tracker | undefined;
	const context: ClientContext = {
		transport: createTransport(normalized),
		// Created on first use, so creating a client has no effect on the page.
		get tracker() {
			if (!tracker) {
				tracker = createVisitorTracker(normalized);
				// `@voucherify/sdk`'s `trackingId` option: the visitor's id unless one is stored already.
				if (normalized.trackingId) tracker.adopt(normalized.trackingId);
			}
			return tracker;
		},
	};

	const key = `${normalized.clientApplicationId} ${normalized.apiUrl}`;
	// Noted in the outbox before anything asynchronous, with the tracking id in force now: see outbox.ts.
	const deliver = (name: string, args: unknown[]) => calls.deliver(context, record(key, name, args, context.tracker), args) as Promise<never>;
	// What an earlier page of this tab could not send goes now (the script tag loads its companion file only then).
	try {
		if (sessionStorage[OUTBOX]) calls.drain(context, key).catch(() => undefined);
	} catch {
		// No storage (SSR, a sandboxed frame): nothing was left.
	}

	return {
		get trackingId() {
			return context.tracker.trackingId;
		},
		get anonymousId() {
			return context.tracker.anonymousId;
		},
		get consent() {
			return context.tracker.consent;
		},
		validate: (codeOrParams, requestOptions) => validate(context, calls, codeOrParams, requestOptions),
		...(Object.fromEntries(
			PASSED_CALLS.map((name) => [name, (...args: unknown[]) => (calls[name] as (...all: unknown[]) => unknown)(context, ...args)]),
		) as Pick<VoucherifyClient, (typeof PASSED_CALLS)[number]>),
		publish: (...args) => deliver('publish', args),
		track: (...args) => deliver('track', args),
		setIdentity(identity) {
			const hash = hashIdentity(identity);
			context.tracker.identify(hash);
			return hash;
		},
		setConsent(consent) {
			if (!isConsentState(consent)) refuse('consent', "must be 'granted', 'pending' or 'denied'");
			context.tracker.setConsent(consent);
		},
		reset: () => context.tracker.reset(),
		fillTrackingField: (form, fieldName) => fillTrackingField(form, context.tracker, fieldName),
		trackingHeaders: () => trackingHeaders(context.tracker),
	};
}
