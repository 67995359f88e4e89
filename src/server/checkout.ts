import { ANONYMOUS_HEADER_NAME, ANONYMOUS_ID_NAME, TRACKING_FIELD_NAME, TRACKING_HEADER_NAME } from '../shared/handoff.js';
import { isAnonymousId, isIdentityHash, isTrackingId } from '../shared/tracking-id.js';
import { readCookie, readTrackingId } from './cookies.js';

/** Anything with `get(name)`: a Fetch `Headers`, `URLSearchParams`, `FormData`. */
type Getter = { get(name: string): unknown };
type Fields = Getter | Readonly<Record<string, unknown>>;

/** Where a checkout request carries the visitor's ids; give what your framework has. */
export type CheckoutRequest = {
	/** The `Cookie` header; read from `headers` when omitted. */
	cookie?: string | readonly string[] | null;
	/** Request headers: a Fetch `Headers` or Node's `request.headers`. */
	headers?: Fields | null;
	/** The posted form: `URLSearchParams`, `FormData` or a parsed body. */
	form?: Fields | null;
};

/** The visitor's ids as checkout needs them (CONTRACT §3a). */
export type VisitorIds = {
	/** The id the SDK sends: the identity hash after `setIdentity()`, else the API's `track_…` id. */
	trackingId: string | undefined;
	/** The `track_…` id the visitor had before `setIdentity()`; only with an identity hash. */
	anonymousId: string | undefined;
};

/** The identity fields of a server-side redemption body. */
export type RedemptionIdentity = { tracking_id?: string; customer?: { source_id: string } };

const field = (fields: Fields | null | undefined, name: string): unknown => {
	if (!fields) return undefined;
	if (typeof (fields as Getter).get === 'function') return (fields as Getter).get(name);
	// Node lowercases header names; a parsed body keeps the field's own.
	const record = fields as Record<string, unknown>;
	return record[name] ?? record[name.toLowerCase()];
};

const pair = (trackingId: unknown, anonymousId: unknown): VisitorIds | undefined =>
	isTrackingId(trackingId)
		? { trackingId, anonymousId: isIdentityHash(trackingId) && isAnonymousId(anonymousId) ? anonymousId : undefined }
		: undefined;

/**
Reads both ids of the visitor from a checkout request, byte for byte: from the cookies first (the truth), else from
the `X-Voucherify-Tracking-Id` and `X-Voucherify-Anonymous-Id` headers, else from the hidden form fields. Both ids
come from the same place, so two visitors' ids are never mixed.

@example
```
import { readVisitorIds, redemptionIdentity } from 'voucherify-browser/server';

const visitor = readVisitorIds({ headers: request.headers, form });
const body = { ...redemptionIdentity(visitor), order: { amount } };
```
*/
export function readVisitorIds(request: CheckoutRequest, options?: { cookieName?: string }): VisitorIds {
	const cookie = request.cookie ?? (field(request.headers, 'cookie') as string | readonly string[] | undefined);
	const fromCookies = pair(readTrackingId(cookie, options), readCookie(cookie, ANONYMOUS_ID_NAME, isAnonymousId));
	return (
		fromCookies ??
		pair(field(request.headers, TRACKING_HEADER_NAME), field(request.headers, ANONYMOUS_HEADER_NAME)) ??
		pair(field(request.form, TRACKING_FIELD_NAME), field(request.form, ANONYMOUS_ID_NAME)) ?? { trackingId: undefined, anonymousId: undefined }
	);
}

/**
The identity part of the server-side redemption (`POST /v1/vouchers/{code}/redemption` or `POST /v1/redemptions`):
after a login mid-session, `tracking_id` is the anonymous id and `customer.source_id` the identity hash, so
Voucherify puts both histories on one customer; otherwise the one id the visitor has.
*/
export function redemptionIdentity({ trackingId, anonymousId }: VisitorIds): RedemptionIdentity {
	if (!isTrackingId(trackingId)) return {};
	if (!isIdentityHash(trackingId)) return { tracking_id: trackingId };
	return { tracking_id: isAnonymousId(anonymousId) ? anonymousId : trackingId, customer: { source_id: trackingId } };
}
