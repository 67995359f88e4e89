import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createClient } from '../../src/index.js';
import {
	DEFAULT_COOKIE_NAME,
	VoucherifyInvalidInputError,
	hashIdentity,
	isInvalidInputError,
	readTrackingId,
	trackingCookie,
} from '../../src/server/index.js';

const TRACKING_ID = 'track_ab+c/d==';
const TRACKING_ID_ENCODED = 'track_ab%2Bc%2Fd%3D%3D';
const LATER_TRACKING_ID = 'track_Zz9+Yy8/Xx7+Ww6/Vv5==';
const IDENTITY_HASH = createHash('sha256').update('alice@shop.com').digest('hex');
const COOKIE = 'voucherify_tracking_id';
const CUSTOM_COOKIE = 'shop_vf_visitor';
const ONE_YEAR_SECONDS = 31_536_000;
const FOUR_HUNDRED_DAYS_SECONDS = 34_560_000;

const thrownBy = (run: () => unknown): unknown => {
	try {
		run();
	} catch (error) {
		return error;
	}
	throw new Error('expected the call to throw');
};

describe('readTrackingId', () => {
	test('without options, reads the voucherify_tracking_id cookie (DEFAULT_COOKIE_NAME) and ignores another tracking-shaped cookie', () => {
		const header = `${CUSTOM_COOKIE}=${LATER_TRACKING_ID}; ${COOKIE}=${TRACKING_ID}; theme=dark`;

		expect(readTrackingId(header)).toBe(TRACKING_ID);
		expect(DEFAULT_COOKIE_NAME).toBe(COOKIE);
	});

	test('returns the exact bytes of a tracking id with + / = (no + to space)', () => {
		expect(readTrackingId(`${COOKIE}=${TRACKING_ID}`)).toBe(TRACKING_ID);
	});

	test('decodes a percent-encoded value', () => {
		expect(readTrackingId(`${COOKIE}=${TRACKING_ID_ENCODED}`)).toBe(TRACKING_ID);
	});

	test('unwraps a quoted value', () => {
		expect(readTrackingId(`${COOKIE}="${TRACKING_ID}"`)).toBe(TRACKING_ID);
	});

	test('finds the cookie among others', () => {
		expect(readTrackingId(`_ga=GA1.2.3.4; ${COOKIE}=${TRACKING_ID}; theme=dark`)).toBe(TRACKING_ID);
	});

	test('tolerates spacing around the separators', () => {
		expect(readTrackingId(`theme=dark;${COOKIE}=${TRACKING_ID} ;  lang=en`)).toBe(TRACKING_ID);
	});

	test('reads an array of Cookie headers', () => {
		expect(readTrackingId(['theme=dark', `${COOKIE}=${TRACKING_ID}; lang=en`])).toBe(TRACKING_ID);
	});

	test('returns the first valid value when the cookie appears twice', () => {
		expect(readTrackingId(`${COOKIE}=${TRACKING_ID}; ${COOKIE}=${LATER_TRACKING_ID}`)).toBe(TRACKING_ID);
	});

	test('skips a malformed duplicate and returns the valid one after it', () => {
		expect(readTrackingId(`${COOKIE}=GA1.2.3; ${COOKIE}=${LATER_TRACKING_ID}`)).toBe(LATER_TRACKING_ID);
	});

	test('reads an identity hash', () => {
		expect(readTrackingId(`${COOKIE}=${IDENTITY_HASH}`)).toBe(IDENTITY_HASH);
	});

	test.each(['<script>', 'GA1.2.3', '', 'track_', 'track_ab c/d==', 'track_ab+c/d=x=', 'undefined', IDENTITY_HASH.toUpperCase()])(
		'returns undefined for the malformed value %j',
		(value) => {
			expect(readTrackingId(`${COOKIE}=${value}`)).toBeUndefined();
		},
	);

	test.each([undefined, null, '', 'theme=dark', [] as string[]])('returns undefined for a header without the cookie: %j', (header) => {
		expect(readTrackingId(header)).toBeUndefined();
	});

	test('does not match a cookie whose name only contains ours', () => {
		expect(readTrackingId(`x${COOKIE}=${TRACKING_ID}; ${COOKIE}_old=${TRACKING_ID}`)).toBeUndefined();
	});

	test('reads a custom cookie name and ignores the default one', () => {
		const header = `${COOKIE}=${LATER_TRACKING_ID}; ${CUSTOM_COOKIE}=${TRACKING_ID}`;

		expect(readTrackingId(header, { cookieName: CUSTOM_COOKIE })).toBe(TRACKING_ID);
	});

	test('rejects an invalid cookie name with the invalid-input error', () => {
		expect(thrownBy(() => readTrackingId('a=b', { cookieName: 'bad name' }))).toBeInstanceOf(VoucherifyInvalidInputError);
	});
});

describe('trackingCookie', () => {
	test('builds the default Set-Cookie value', () => {
		expect(trackingCookie(TRACKING_ID)).toBe(`${COOKIE}=${TRACKING_ID}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax; Secure`);
	});

	test('adds Domain when given', () => {
		expect(trackingCookie(TRACKING_ID, { domain: '.shop.com' })).toBe(
			`${COOKIE}=${TRACKING_ID}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax; Domain=.shop.com; Secure`,
		);
	});

	test('uses a custom max age in days', () => {
		expect(trackingCookie(TRACKING_ID, { maxAgeDays: 30 })).toContain(`; Max-Age=${30 * 86_400};`);
	});

	test('clamps the max age to 400 days', () => {
		expect(trackingCookie(TRACKING_ID, { maxAgeDays: 1000 })).toContain(`; Max-Age=${FOUR_HUNDRED_DAYS_SECONDS};`);
	});

	test('leaves out Secure with secure: false', () => {
		expect(trackingCookie(TRACKING_ID, { secure: false })).toBe(
			`${COOKIE}=${TRACKING_ID}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`,
		);
	});

	test('uses a custom cookie name', () => {
		expect(trackingCookie(TRACKING_ID, { cookieName: CUSTOM_COOKIE }).startsWith(`${CUSTOM_COOKIE}=${TRACKING_ID};`)).toBe(true);
	});

	test('builds a cookie that readTrackingId reads back byte for byte', () => {
		const setCookie = trackingCookie(TRACKING_ID, { domain: '.shop.com' });
		const cookieHeader = setCookie.split(';')[0] ?? '';

		expect(readTrackingId(cookieHeader)).toBe(TRACKING_ID);
	});

	test.each(['', 'GA1.2.3', 'track_ab; Domain=evil.com', `${TRACKING_ID}\r\nSet-Cookie: x=y`, 'alice@shop.com'])(
		'rejects the tracking id %j with the invalid-input error',
		(bad) => {
			const error = thrownBy(() => trackingCookie(bad));

			expect(error).toBeInstanceOf(VoucherifyInvalidInputError);
			expect(error).toMatchObject({ field: 'trackingId' });
		},
	);

	test.each(['shop.com/path', '.shop.com; Secure', 'shop com', '', '..shop.com'])(
		'rejects the domain %j with the invalid-input error',
		(domain) => {
			const error = thrownBy(() => trackingCookie(TRACKING_ID, { domain }));

			expect(error).toBeInstanceOf(VoucherifyInvalidInputError);
			expect(error).toMatchObject({ field: 'domain' });
		},
	);

	test.each([0, -1, Number.NaN, 1e-6])('rejects maxAgeDays %s with the invalid-input error', (maxAgeDays) => {
		const error = thrownBy(() => trackingCookie(TRACKING_ID, { maxAgeDays }));

		expect(isInvalidInputError(error)).toBe(true);
		expect(error).toMatchObject({ field: 'maxAgeDays' });
	});
});

describe('hashIdentity', () => {
	const client = createClient({ clientApplicationId: 'app', clientToken: 'token', apiUrl: 'https://api.test' });

	test.each([' Alice@Shop.COM ', 'alice@shop.com', 'CUST-0042-Ab', '  42  ', 'zoë@bücher.de', 'jose\u0301@shop.com'])(
		'equals what the browser client setIdentity returns for %j',
		(identity) => {
			expect(hashIdentity(identity)).toBe(client.setIdentity(identity));
		},
	);

	test('is the SHA-256 hex of the normalised identifier', () => {
		expect(hashIdentity(' Alice@Shop.COM ')).toBe(IDENTITY_HASH);
	});

	test.each<unknown>(['', '  ', undefined, null, {}, '[object Object]', 'undefined', 'null', 'x'.repeat(513)])(
		'rejects %j with the invalid-input error on the identity field',
		(identity) => {
			const error = thrownBy(() => hashIdentity(identity));

			expect(error).toBeInstanceOf(VoucherifyInvalidInputError);
			expect(error).toMatchObject({ field: 'identity' });
		},
	);
});
