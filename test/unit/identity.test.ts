import { createHash } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { VoucherifyInvalidInputError, hashIdentity } from '../../src/index.js';
import { hashIdentity as serverHashIdentity } from '../../src/server/index.js';
import {
	ANSWERED_TRACKING_ID,
	CLIENT_BASE,
	CODE,
	COOKIE_NAME,
	OTHER_TRACKING_ID,
	bodyJson,
	makeClient,
	requestText,
	requests,
	sentTrackingId,
	server,
	thrownBy,
	useApi,
} from './support/api.js';
import { cookieValue, spyOnCookieWrites } from './support/dom.js';

const RAW_EMAIL = ' Alice@Shop.COM ';
const NORMALISED_EMAIL = 'alice@shop.com';
const SHOP_CUSTOMER_ID = 'CUST-0042-Ab';
const HEX_64 = /^[0-9a-f]{64}$/;

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Every GET /validate is answered with `trackingId`, whatever the request carried. */
const answerValidateWith = (trackingId: string) =>
	server.use(http.post(`${CLIENT_BASE}/validations`, () => HttpResponse.json({ valid: true, code: CODE, tracking_id: trackingId, metadata: {} })));

/** A promise settled from outside, so a test decides exactly when the API answers. */
function deferred<T = void>(): { promise: Promise<T>; resolve(value: T): void } {
	let resolve!: (value: T) => void;
	const promise = new Promise<T>((settle) => (resolve = settle));
	return { promise, resolve };
}

useApi();

describe('setIdentity', () => {
	test('returns the SHA-256 hex of the identifier, as Node computes it', () => {
		expect(makeClient().setIdentity(SHOP_CUSTOMER_ID)).toBe(sha256Hex(SHOP_CUSTOMER_ID));
	});

	test('returns 64 lowercase hex characters', () => {
		expect(makeClient().setIdentity(SHOP_CUSTOMER_ID)).toMatch(HEX_64);
	});

	test('trims an email and lowercases it before hashing', () => {
		expect(makeClient().setIdentity(RAW_EMAIL)).toBe(sha256Hex(NORMALISED_EMAIL));
	});

	test('trims a non-email identifier but leaves its case alone', () => {
		expect(makeClient().setIdentity(`  ${SHOP_CUSTOMER_ID}\t`)).toBe(sha256Hex(SHOP_CUSTOMER_ID));
	});

	test('hashes non-ASCII identifiers as UTF-8', () => {
		expect(makeClient().setIdentity('zoë@bücher.de')).toBe(sha256Hex('zoë@bücher.de'));
	});

	test('composes Unicode first, so an accent typed as one or two code points is one identity', () => {
		const composed = 'jos\u00e9@shop.com';
		const decomposed = 'jose\u0301@shop.com';

		expect(makeClient().setIdentity(decomposed)).toBe(sha256Hex(composed));
		expect(makeClient().setIdentity(composed)).toBe(sha256Hex(composed));
	});

	test('matches hashIdentity from the browser entry and the server entry', () => {
		const hash = makeClient().setIdentity(RAW_EMAIL);

		expect(hashIdentity(RAW_EMAIL)).toBe(hash);
		expect(serverHashIdentity(RAW_EMAIL)).toBe(hash);
	});

	test('replaces the tracking id with the hash and sends it on later calls', async () => {
		const client = makeClient();
		await client.validate(CODE);
		const hash = client.setIdentity(SHOP_CUSTOMER_ID);
		await client.validate(CODE);
		await client.validateStackable({ redeemables: [{ object: 'voucher', id: CODE }] });

		expect(client.trackingId).toBe(hash);
		expect(sentTrackingId(requests[1])).toBe(hash);
		expect((await bodyJson(requests[2])).tracking_id).toBe(hash);
	});

	test('stores the hash in the tracking cookie', () => {
		const hash = makeClient().setIdentity(SHOP_CUSTOMER_ID);

		expect(cookieValue(COOKIE_NAME)).toBe(hash);
	});

	test('a later client sends the hash stored by an earlier one', async () => {
		const hash = makeClient().setIdentity(SHOP_CUSTOMER_ID);
		await makeClient().validate(CODE);

		expect(sentTrackingId(requests[0])).toBe(hash);
	});

	test('keeps the hash when the API answers with a different tracking id, and sends the hash next time', async () => {
		answerValidateWith(OTHER_TRACKING_ID);
		const client = makeClient();
		const hash = client.setIdentity(SHOP_CUSTOMER_ID);
		const answer = await client.validate(CODE);
		await client.validate(CODE);

		expect(answer.tracking_id).toBe(OTHER_TRACKING_ID);
		expect(client.trackingId).toBe(hash);
		expect(cookieValue(COOKIE_NAME)).toBe(hash);
		expect(requests.map(sentTrackingId)).toEqual([hash, hash]);
	});

	test('setIdentity during an in-flight first validate keeps the identity hash when that validate answers', async () => {
		const arrived = deferred();
		const answerNow = deferred();
		// Only the first call waits: once `answerNow` is resolved, later calls are answered at once.
		server.use(
			http.post(`${CLIENT_BASE}/validations`, async () => {
				arrived.resolve();
				await answerNow.promise;
				return HttpResponse.json({ valid: true, code: CODE, tracking_id: OTHER_TRACKING_ID, metadata: {} });
			}),
		);
		const client = makeClient();
		const first = client.validate(CODE);
		await arrived.promise;

		const hash = client.setIdentity(SHOP_CUSTOMER_ID);
		answerNow.resolve();
		const answer = await first;
		await client.validate(CODE);

		expect(sentTrackingId(requests[0])).toBeNull();
		expect(answer.tracking_id).toBe(OTHER_TRACKING_ID);
		expect(client.trackingId).toBe(hash);
		expect(cookieValue(COOKIE_NAME)).toBe(hash);
		expect(sentTrackingId(requests[1])).toBe(hash);
	});

	test('does not rewrite the cookie when the same identity is set again', () => {
		const client = makeClient();
		const writes = spyOnCookieWrites();
		client.setIdentity(RAW_EMAIL);
		client.setIdentity(NORMALISED_EMAIL);

		expect(writes).toHaveLength(1);
	});

	test('never puts the raw identifier in any request: URL, headers or body', async () => {
		const client = makeClient();
		await client.validate(CODE);
		client.setIdentity(RAW_EMAIL);
		await client.validate({ code: CODE, amount: 1000 });
		await client.validate({ amount: 1000 });
		await client.validateStackable({ redeemables: [{ object: 'voucher', id: CODE }] });

		expect(requests).toHaveLength(4);
		for (const request of requests) {
			const text = (await requestText(request)).toLowerCase();
			expect(text).not.toContain('alice');
			expect(text).not.toContain('shop.com');
		}
	});
});

describe('setIdentity rejects junk', () => {
	test.each<[string, unknown]>([
		['an empty string', ''],
		['blanks', '  '],
		['undefined', undefined],
		['null', null],
		['an object', {}],
		["'[object Object]'", '[object Object]'],
		["'undefined'", 'undefined'],
		["'null'", 'null'],
		['a 513-character string', 'x'.repeat(513)],
	])('rejects %s with VoucherifyInvalidInputError on the identity field', (_case, identity) => {
		const error = thrownBy(() => makeClient().setIdentity(identity as string));

		expect(error).toBeInstanceOf(VoucherifyInvalidInputError);
		expect(error).toMatchObject({ name: 'VoucherifyInvalidInputError', field: 'identity' });
	});

	test('accepts a 512-character identifier', () => {
		expect(makeClient().setIdentity('x'.repeat(512))).toBe(sha256Hex('x'.repeat(512)));
	});

	test('leaves the stored tracking id unchanged after a rejected identity', async () => {
		const client = makeClient();
		await client.validate(CODE);
		const writes = spyOnCookieWrites();

		expect(() => client.setIdentity('[object Object]')).toThrow(VoucherifyInvalidInputError);
		expect(client.trackingId).toBe(ANSWERED_TRACKING_ID);
		expect(cookieValue(COOKIE_NAME)).toBe(ANSWERED_TRACKING_ID);
		expect(writes).toEqual([]);
	});

	test('does not repeat the rejected identifier in the error message', () => {
		const secret = `secret-${'y'.repeat(600)}`;

		const error = thrownBy(() => makeClient().setIdentity(secret));

		expect(error).toBeInstanceOf(VoucherifyInvalidInputError);
		expect((error as Error).message).not.toContain('secret');
	});
});
