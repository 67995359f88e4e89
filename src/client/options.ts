import { DEFAULT_COOKIE_NAME, DEFAULT_MAX_AGE_DAYS, MAX_AGE_DAYS_LIMIT, isCookieDomain, isCookieName, isHttpToken, isMaxAgeDays } from '../shared/cookie.js';
import { describeType, hashIdentity } from '../shared/identity.js';
import { isTrackingId } from '../shared/tracking-id.js';
import { CONSENT_STATES, isConsentState, type ConsentState } from '../tracking/consent.js';
import { isPlainObject } from './input.js';

export type { ConsentState };

export type TrackingOptions = {
	/**
	Name of the first-party cookie that holds the tracking id.
	@default 'voucherify_tracking_id'
	*/
	cookieName?: string;
	/**
	Cookie domain, such as `.shop.com`, so `www.` and `checkout.` share one visitor. Omit for a host-only cookie.
	@default undefined
	*/
	domain?: string;
	/**
	Cookie lifetime in days; clamped to 400, the most browsers keep.
	@default 365
	*/
	maxAgeDays?: number;
	/**
	`granted` stores the id in the cookie; `pending` keeps it in memory until `setConsent('granted')`;
	`denied` stores and sends no anonymous id.
	@default 'granted'
	*/
	consent?: ConsentState;
};

/** The public client token, under its own name or the one `@voucherify/sdk` uses: one of the two is required. */
export type ClientToken =
	| {
			/** The public client token (Project settings → Client-side keys). */
			clientToken: string;
			/** Alias of `clientToken`, the name `@voucherify/sdk` uses. */
			clientSecretKey?: string;
	  }
	| { clientToken?: string; clientSecretKey: string };

export type ClientOptions = ClientToken & {
	/** The project's public client application id (Project settings → Client-side keys). */
	clientApplicationId: string;
	/**
	API origin: a region such as `https://us1.api.voucherify.io`, or the mock server's URL.
	@default 'https://api.voucherify.io'
	*/
	apiUrl?: string;
	/**
	Milliseconds to wait for each attempt's whole answer, headers and body, before the call rejects with a
	`VoucherifyTimeoutError`.
	@default 5000
	*/
	timeout?: number;
	/**
	Retries of idempotent (GET and PUT) calls after a network error or a 408/500/502/503/504 answer, with backoff.
	A `429` is retried once after `Retry-After` whatever this says.
	@default 2
	*/
	retry?: number;
	/** Extra headers sent on every call. Those the SDK sets (the keys, `Accept`, `Content-Type`) cannot be overridden. */
	headers?: Record<string, string>;
	tracking?: TrackingOptions;
	/**
	The `fetch` that makes every request, for tests or instrumentation. Without it a page sends by `XMLHttpRequest`,
	and by `globalThis.fetch` the calls that must outlive the page (`keepalive`); outside a page every call goes by
	`globalThis.fetch`.
	@default undefined
	*/
	fetch?: typeof fetch;
} & SdkClientSideOptions;

/**
The other options of `@voucherify/sdk`'s `VoucherifyClientSide`, so its configuration runs unchanged. Its
server-side ones (`applicationId`, `secretKey`, `apiVersion`, `channel`, …) and any unknown option throw a `TypeError`.
*/
export type SdkClientSideOptions = {
	/**
	The visitor's id when none is stored yet: a `track_…` id or an identity hash as it is; any other identifier
	(an email, the shop's user id) is hashed first, as `setIdentity()` does. A stored id wins.
	*/
	trackingId?: string;
	/** Alias of `headers`. */
	customHeaders?: Record<string, string>;
	/** Alias of `timeout`; `0`, which means no timeout there, means the longest one here (about 24 days). */
	timeoutMs?: number;
	/**
	The `Origin` header, sent outside a browser (SSR, Node), where the API requires it. In a browser the browser sends
	the page's own origin whatever this says, as with `@voucherify/sdk`.
	*/
	origin?: string;
	/**
	Accepted for compatibility and has no effect: our errors always carry what `cause` adds there (the status, the
	API's error body, the request).
	*/
	exposeErrorCause?: boolean;
};

/** @default 'https://api.voucherify.io' */
export const DEFAULT_API_URL = 'https://api.voucherify.io';
/** @default 5000 */
export const DEFAULT_TIMEOUT = 5000;
/** @default 2 */
export const DEFAULT_RETRY = 2;
export const MAX_TIMEOUT = 2_147_483_647; // setTimeout's limit
/** Set by the SDK on every call: the keys, its channel, and the JSON it sends and expects. */
const RESERVED_HEADERS = ['X-Client-Application-Id', 'X-Client-Token', 'X-Voucherify-Channel', 'Accept', 'Content-Type'];

export type NormalizedOptions = {
	clientApplicationId: string;
	clientToken: string;
	apiUrl: string;
	timeout: number;
	retry: number;
	headers: Record<string, string>;
	tracking: { cookieName: string; domain: string | undefined; maxAgeDays: number; consent: ConsentState };
	fetch: typeof fetch | undefined;
	/** The id to seed the tracker with when it holds none (option `trackingId`, hashed unless it is already an id). */
	trackingId: string | undefined;
};

/** The option names a message uses for our own, where the caller used `@voucherify/sdk`'s (sdk-options.ts). */
export type OptionNames = Partial<Record<'clientToken' | 'timeout' | 'headers', string>>;

const invalid = (option: string, expectation: string, value: unknown): never => {
	throw new TypeError(`The \`${option}\` option must be ${expectation}, got ${describeType(value)}`);
};

/** What `Headers` accepts as a value: no line breaks or NUL, nothing beyond Latin-1. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const HEADER_TEXT = 'Latin-1 text without line breaks';

const nonEmptyString = (value: unknown, option: string): string =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : invalid(option, 'a non-empty string', value);

/** The keys travel as header values: text a header cannot carry would fail every call, so it fails here. */
export const headerValue = (value: unknown, option: string): string => {
	const text = nonEmptyString(value, option);
	return HEADER_VALUE.test(text) ? text : invalid(option, HEADER_TEXT, text);
};

export function normalizeApiUrl(value: unknown): string {
	if (value === undefined) return DEFAULT_API_URL;
	let url: URL | undefined;
	try {
		url = typeof value === 'string' ? new URL(value) : undefined;
	} catch {
		// Reported below with the option's name.
	}
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password) {
		return invalid('apiUrl', 'an absolute http(s) URL without credentials, query or fragment', value);
	}
	return url.href.replace(/\/+$/, '').replace(/\/client\/v1$/, '');
}

function normalizeHeaders(value: unknown, option: string): Record<string, string> {
	if (value === undefined) return {};
	if (!isPlainObject(value)) return invalid(option, 'an object of header names to strings', value);
	for (const [name, text] of Object.entries(value)) {
		if (!isHttpToken(name)) throw new TypeError(`The \`${option}\` option has \`${name}\`, which is not a header name`);
		if (typeof text !== 'string' || !HEADER_VALUE.test(text)) invalid(`${option}.${name}`, HEADER_TEXT, text);
		if (RESERVED_HEADERS.some((reserved) => reserved.toLowerCase() === name.toLowerCase())) {
			throw new TypeError(`The \`${option}\` option cannot set \`${name}\`: the SDK sets it`);
		}
	}
	return value as Record<string, string>;
}

/** `trackingId` as `@voucherify/sdk` took it: an id of ours stays, any other identifier is hashed, never sent raw. */
function seedTrackingId(value: unknown): string | undefined {
	if (value === undefined || isTrackingId(value)) return value;
	try {
		return hashIdentity(value);
	} catch {
		return invalid('trackingId', 'an identifier', value);
	}
}

function normalizeTracking(value: unknown): NormalizedOptions['tracking'] {
	if (value !== undefined && !isPlainObject(value)) return invalid('tracking', 'an object', value);
	const { cookieName = DEFAULT_COOKIE_NAME, domain, maxAgeDays = DEFAULT_MAX_AGE_DAYS, consent = 'granted' } = value ?? {};
	if (!isCookieName(cookieName)) invalid('tracking.cookieName', 'a valid cookie name', cookieName);
	if (domain !== undefined && !isCookieDomain(domain)) invalid('tracking.domain', 'a domain such as `.shop.com`', domain);
	if (!isMaxAgeDays(maxAgeDays)) invalid('tracking.maxAgeDays', 'a number of days, at least 1 / 86400', maxAgeDays);
	if (!isConsentState(consent)) invalid('tracking.consent', `one of ${CONSENT_STATES.join(', ')}`, consent);
	return {
		cookieName: cookieName as string,
		domain: domain as string | undefined,
		maxAgeDays: Math.min(maxAgeDays as number, MAX_AGE_DAYS_LIMIT),
		consent: consent as ConsentState,
	};
}

// `Number.isInteger` is false for anything but a number, so no `typeof` check is needed before it.
const isWholeNumberIn = (value: unknown, min: number, max: number): boolean =>
	Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/**
Validates every option up front and fills in the defaults. Throws a `TypeError` naming the bad option, by the name
in `names` where the caller gave it under `@voucherify/sdk`'s.
*/
export function normalizeOptions(options: unknown, names: OptionNames = {}): NormalizedOptions {
	if (!isPlainObject(options)) return invalid('options', 'an object with the client keys', options);
	const { clientApplicationId, clientToken, apiUrl, timeout = DEFAULT_TIMEOUT, retry = DEFAULT_RETRY, headers } = options;
	const timeoutOption = names.timeout ?? 'timeout';

	if (!isWholeNumberIn(timeout, 1, MAX_TIMEOUT)) invalid(timeoutOption, 'a whole number of milliseconds above zero', timeout);
	if (!isWholeNumberIn(retry, 0, 10)) invalid('retry', 'a whole number from 0 to 10', retry);
	if (options.fetch !== undefined && typeof options.fetch !== 'function') invalid('fetch', 'a function', options.fetch);

	const normalized: NormalizedOptions = {
		clientApplicationId: headerValue(clientApplicationId, 'clientApplicationId'),
		clientToken: headerValue(clientToken, names.clientToken ?? 'clientToken'),
		apiUrl: normalizeApiUrl(apiUrl),
		timeout: timeout as number,
		retry: retry as number,
		headers: normalizeHeaders(headers, names.headers ?? 'headers'),
		tracking: normalizeTracking(options.tracking),
		fetch: options.fetch as typeof fetch | undefined,
		trackingId: seedTrackingId(options.trackingId),
	};
	// Never ignored in silence: VoucherifyServerSide's `apiVersion`, `channel` and secret keys, or a typo.
	for (const key of Object.keys(options)) {
		if (!Object.hasOwn(normalized, key)) throw new TypeError(`The \`${key}\` option is not a createClient option`);
	}
	return normalized;
}
