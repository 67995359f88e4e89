import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { ANONYMOUS_HEADER_NAME, ANONYMOUS_ID_NAME, TRACKING_FIELD_NAME, TRACKING_HEADER_NAME, readVisitorIds, redemptionIdentity } from '../../src/server/index.js';

const ANONYMOUS_ID = 'track_ab+c/d==';
const OTHER_ANONYMOUS_ID = 'track_Zz9+Yy8/Xx7+Ww6/Vv5==';
const HASH = createHash('sha256').update('alice@shop.com').digest('hex');
const NONE = { trackingId: undefined, anonymousId: undefined };

describe('readVisitorIds', () => {
	test('reads both ids from the cookies, byte for byte, with Node-style headers', () => {
		const headers = { cookie: `theme=dark; voucherify_tracking_id=${HASH}; ${ANONYMOUS_ID_NAME}=${encodeURIComponent(ANONYMOUS_ID)}` };

		expect(readVisitorIds({ headers })).toEqual({ trackingId: HASH, anonymousId: ANONYMOUS_ID });
	});

	test('reads the headers of a fetch call when there is no cookie, with a Fetch Headers object', () => {
		const headers = new Headers({ [TRACKING_HEADER_NAME]: HASH, [ANONYMOUS_HEADER_NAME]: ANONYMOUS_ID });

		expect(readVisitorIds({ headers })).toEqual({ trackingId: HASH, anonymousId: ANONYMOUS_ID });
	});

	test('reads the hidden form fields when there is neither cookie nor header', () => {
		const form = new URLSearchParams({ [TRACKING_FIELD_NAME]: HASH, [ANONYMOUS_ID_NAME]: ANONYMOUS_ID });

		expect(readVisitorIds({ headers: {}, form })).toEqual({ trackingId: HASH, anonymousId: ANONYMOUS_ID });
	});

	test('takes both ids from one place: the cookie wins, and a header anonymous id is not mixed in', () => {
		const headers = { cookie: `voucherify_tracking_id=${HASH}`, [ANONYMOUS_HEADER_NAME.toLowerCase()]: OTHER_ANONYMOUS_ID };

		expect(readVisitorIds({ headers })).toEqual({ trackingId: HASH, anonymousId: undefined });
	});

	test('an anonymous id beside an anonymous tracking id is not returned: only an identity has one', () => {
		expect(readVisitorIds({ cookie: `voucherify_tracking_id=${OTHER_ANONYMOUS_ID}; ${ANONYMOUS_ID_NAME}=${ANONYMOUS_ID}` })).toEqual({
			trackingId: OTHER_ANONYMOUS_ID,
			anonymousId: undefined,
		});
	});

	test('ignores values in neither format and reads nothing from an empty request', () => {
		expect(readVisitorIds({ cookie: 'voucherify_tracking_id=<script>', form: { [TRACKING_FIELD_NAME]: 'alice@shop.com' } })).toEqual(NONE);
		expect(readVisitorIds({})).toEqual(NONE);
	});

	test('honours a custom tracking cookie name', () => {
		expect(readVisitorIds({ cookie: `shop_vf=${HASH}; ${ANONYMOUS_ID_NAME}=${ANONYMOUS_ID}` }, { cookieName: 'shop_vf' })).toEqual({
			trackingId: HASH,
			anonymousId: ANONYMOUS_ID,
		});
	});
});

describe('redemptionIdentity', () => {
	test('after a login mid-session: tracking_id is the anonymous id and customer.source_id the hash', () => {
		expect(redemptionIdentity({ trackingId: HASH, anonymousId: ANONYMOUS_ID })).toEqual({ tracking_id: ANONYMOUS_ID, customer: { source_id: HASH } });
	});

	test('an identity without anonymous history redeems under the hash', () => {
		expect(redemptionIdentity({ trackingId: HASH, anonymousId: undefined })).toEqual({ tracking_id: HASH, customer: { source_id: HASH } });
	});

	test('an anonymous visitor redeems under its tracking id alone', () => {
		expect(redemptionIdentity({ trackingId: ANONYMOUS_ID, anonymousId: undefined })).toEqual({ tracking_id: ANONYMOUS_ID });
	});

	test('no id gives no identity fields', () => {
		expect(redemptionIdentity(NONE)).toEqual({});
	});
});
