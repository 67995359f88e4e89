import { describe, expect, test } from 'vitest';
import type { PublishParams, RedeemParams, StackableParams } from '../../src/index.js';
import {
	CLIENT_V1,
	EMAIL,
	EMAIL_HASH,
	SHOP_SOURCE_ID,
	TRACKING_ID,
	api,
	expectApiError,
	expectInvalidInput,
	jsonOf,
	makeClient,
	makeKnownVisitor,
	onlyRequest,
	useMockApi,
} from './support/mock-api.js';

/** redeem, redeemStackable and publish against the mock API: exact requests, identity, answers, errors. */

const ORDER = { amount: 20_000 };

useMockApi();

describe('redeem', () => {
	test('posts the params to /client/v1/redeem?code=… as JSON, with nothing added on a first visit', async () => {
		await makeClient().redeem('SAVE5', { order: ORDER, metadata: { source: 'checkout' } });
		const request = onlyRequest();

		expect(request.method).toBe('POST');
		expect(request.url.href).toBe(`${CLIENT_V1}/redeem?code=SAVE5`);
		expect(request.headers.get('Content-Type')).toBe('application/json');
		expect(await jsonOf(request)).toEqual({ order: ORDER, metadata: { source: 'checkout' } });
	});

	test('percent-encodes the code in the query and trims it', async () => {
		await expectApiError(makeClient().redeem(' SUMMER 10+/= ', { order: ORDER }), 404, 'not_found');

		expect(onlyRequest().url.search).toBe('?code=SUMMER%2010%2B%2F%3D');
	});

	test('names the visitor by customer.source_id = tracking id, and never sends a body tracking_id', async () => {
		const { client, trackingId } = await makeKnownVisitor();
		await client.redeem('SAVE5', { order: ORDER });
		const body = await jsonOf(onlyRequest());

		expect(body).toEqual({ order: ORDER, customer: { source_id: trackingId } });
		expect(body).not.toHaveProperty('tracking_id');
	});

	test("adds the source_id to the caller's customer fields and leaves the rest as given", async () => {
		const { client, trackingId } = await makeKnownVisitor();
		await client.redeem('SAVE5', { order: ORDER, customer: { name: 'Alice', metadata: { tier: 'gold' } } });

		expect((await jsonOf(onlyRequest())).customer).toEqual({ name: 'Alice', metadata: { tier: 'gold' }, source_id: trackingId });
	});

	test("respects the caller's own customer.source_id", async () => {
		const { client, trackingId } = await makeKnownVisitor();
		const redemption = await client.redeem('SAVE5', { order: ORDER, customer: { source_id: SHOP_SOURCE_ID } });

		expect((await jsonOf(onlyRequest())).customer).toEqual({ source_id: SHOP_SOURCE_ID });
		expect(redemption.customer?.source_id).toBe(SHOP_SOURCE_ID);
		expect(client.trackingId).toBe(trackingId);
	});

	test("respects the caller's own customer.id and adds no source_id beside it", async () => {
		const customer = await makeClient().createCustomer({ source_id: SHOP_SOURCE_ID, name: 'Alice' });
		const { client } = await makeKnownVisitor();
		const redemption = await client.redeem('SAVE5', { order: ORDER, customer: { id: customer.id } });

		expect((await jsonOf(onlyRequest())).customer).toEqual({ id: customer.id });
		expect(redemption.customer_id).toBe(customer.id);
	});

	test('after setIdentity(email), names the visitor by the hash', async () => {
		const client = makeClient();
		client.setIdentity(EMAIL);
		const redemption = await client.redeem('SAVE5', { order: ORDER });

		expect(await jsonOf(onlyRequest())).toEqual({ order: ORDER, customer: { source_id: EMAIL_HASH } });
		expect(redemption.customer?.source_id).toBe(EMAIL_HASH);
	});

	test('resolves with the SUCCESS redemption: the voucher, the order after 5.00 off, and the customer the mock created', async () => {
		const { client, trackingId } = await makeKnownVisitor();
		const redemption = await client.redeem('SAVE5', { order: ORDER });

		expect(redemption).toMatchObject({
			object: 'redemption',
			result: 'SUCCESS',
			tracking_id: trackingId,
			voucher: { code: 'SAVE5', discount: { type: 'AMOUNT', amount_off: 500 } },
			order: { amount: 20_000, total_discount_amount: 500, total_amount: 19_500 },
			customer: { source_id: trackingId },
		});
		expect(redemption.id).toMatch(/^r_/);
		expect(redemption.customer_id).toMatch(/^cust_[A-Za-z0-9]{24}$/);
		expect(api.getCustomer(trackingId)?.id).toBe(redemption.customer_id);
	});

	test('a first redeem keeps the tracking id the API answers with', async () => {
		const client = makeClient();
		const redemption = await client.redeem('SAVE5', { order: ORDER });

		expect(redemption.tracking_id).toMatch(TRACKING_ID);
		expect(client.trackingId).toBe(redemption.tracking_id);
	});

	test.each([
		['an unknown code', 'NO-SUCH-CODE', 404, 'not_found'],
		['an expired code', 'EXPIRED', 400, 'voucher_expired'],
		['a disabled code', 'DISABLED', 400, 'voucher_disabled'],
	])('rejects %s with VoucherifyApiError', async (_, code, status, key) => {
		const { client, trackingId } = await makeKnownVisitor();
		await expectApiError(client.redeem(code, { order: ORDER }), status, key);

		expect(client.trackingId).toBe(trackingId);
		expect(api.getCustomer(trackingId)).toBeUndefined();
	});

	test('rejects a second redemption of a single-use code with VoucherifyApiError 400 quantity_exceeded', async () => {
		const client = makeClient();
		await client.redeem('LASTONE', { order: ORDER });

		await expectApiError(client.redeem('LASTONE', { order: ORDER }), 400, 'quantity_exceeded');
	});

	test.each([
		['an empty code', () => makeClient().redeem(''), 'code'],
		['a blank code', () => makeClient().redeem('  ', { order: ORDER }), 'code'],
		['a code that is not a string', () => makeClient().redeem(42 as never), 'code'],
		['a tracking_id in the body', () => makeClient().redeem('SAVE5', { order: ORDER, tracking_id: 'track_mine' } as RedeemParams), 'tracking_id'],
		['an empty customer source_id', () => makeClient().redeem('SAVE5', { customer: { source_id: '' } }), 'customer.source_id'],
		['a negative order amount', () => makeClient().redeem('SAVE5', { order: { amount: -100 } }), 'order.amount'],
		['params that are not an object', () => makeClient().redeem('SAVE5', 'now' as never), 'params'],
	])('rejects %s with VoucherifyInvalidInputError and sends nothing', async (_, run, field) => {
		await expectInvalidInput(run, field);
	});
});

describe('redeemStackable', () => {
	const PARAMS: StackableParams = {
		redeemables: [
			{ object: 'voucher', id: 'WELCOME10' },
			{ object: 'promotion_tier', id: 'promo_tier_5off' },
		],
		order: ORDER,
	};

	test('posts the params as JSON to /client/v1/redemptions, with no tracking_id on a first visit', async () => {
		await makeClient().redeemStackable(PARAMS);
		const request = onlyRequest();

		expect(request.method).toBe('POST');
		expect(request.url.href).toBe(`${CLIENT_V1}/redemptions`);
		expect(await jsonOf(request)).toEqual(PARAMS);
	});

	test('adds the stored tracking id as the body tracking_id', async () => {
		const { client, trackingId } = await makeKnownVisitor();
		await client.redeemStackable(PARAMS);

		expect(await jsonOf(onlyRequest())).toEqual({ ...PARAMS, tracking_id: trackingId });
	});

	test("sends the caller's customer unchanged beside the tracking_id", async () => {
		const { client, trackingId } = await makeKnownVisitor();
		const result = await client.redeemStackable({ ...PARAMS, customer: { source_id: SHOP_SOURCE_ID, email: 'bob@shop.example' } });

		expect(await jsonOf(onlyRequest())).toEqual({ ...PARAMS, customer: { source_id: SHOP_SOURCE_ID, email: 'bob@shop.example' }, tracking_id: trackingId });
		expect(result.parent_redemption?.customer?.source_id).toBe(SHOP_SOURCE_ID);
	});

	test('resolves with one SUCCESS redemption per redeemable under a parent_redemption', async () => {
		const { client, trackingId } = await makeKnownVisitor();
		const result = await client.redeemStackable(PARAMS);

		expect(result.redemptions.map(({ result: outcome, related_object_type }) => [related_object_type, outcome])).toEqual([
			['voucher', 'SUCCESS'],
			['promotion_tier', 'SUCCESS'],
		]);
		expect(result.redemptions[0]?.voucher?.code).toBe('WELCOME10');
		expect(result.parent_redemption).toMatchObject({ object: 'redemption', result: 'SUCCESS', tracking_id: trackingId });
		expect(result.redemptions.every((redemption) => redemption.customer_id === result.parent_redemption?.customer_id)).toBe(true);
		expect(result.tracking_id).toBe(trackingId);
		// Stacked discounts apply in turn: 10% of 200.00 is 20.00, then 5% of the remaining 180.00 is 9.00.
		expect(result.order).toMatchObject({ amount: 20_000, total_discount_amount: 2900, total_amount: 17_100 });
	});

	test.each([
		['an unknown code', 'NO-SUCH-CODE', 404, 'not_found'],
		['an expired code', 'EXPIRED', 400, 'voucher_expired'],
	])('rejects a stack with %s with VoucherifyApiError', async (_, code, status, key) => {
		await expectApiError(makeClient().redeemStackable({ ...PARAMS, redeemables: [...PARAMS.redeemables, { object: 'voucher', id: code }] }), status, key);
	});

	test.each([
		['no redeemables', { order: ORDER }, 'redeemables'],
		['a redeemable with no id', { redeemables: [{ object: 'voucher' }] }, 'redeemables[0].id'],
		['a tracking_id in the body', { ...PARAMS, tracking_id: 'track_mine' }, 'tracking_id'],
		['an empty customer id', { ...PARAMS, customer: { id: '' } }, 'customer.id'],
	])('rejects %s with VoucherifyInvalidInputError and sends nothing', async (_, params, field) => {
		await expectInvalidInput(() => makeClient().redeemStackable(params as StackableParams), field);
	});
});

describe('publish', () => {
	test('posts to /client/v1/publish?campaign=… with the default channel, and no customer on a first visit', async () => {
		await makeClient().publish('Welcome Codes');
		const request = onlyRequest();

		expect(request.method).toBe('POST');
		expect(request.url.href).toBe(`${CLIENT_V1}/publish?campaign=Welcome%20Codes`);
		expect(await jsonOf(request)).toEqual({ channel: 'voucherify-browser' });
	});

	test('names the visitor by customer.source_id = tracking id, and sends the caller’s channel and metadata', async () => {
		const { client, trackingId } = await makeKnownVisitor();
		const params: PublishParams = { channel: 'newsletter-popup', metadata: { placement: 'footer' } };
		await client.publish('Welcome Codes', params);

		expect(await jsonOf(onlyRequest())).toEqual({ ...params, customer: { source_id: trackingId } });
	});

	test("respects the caller's own customer.source_id", async () => {
		const { client } = await makeKnownVisitor();
		const publication = await client.publish('Welcome Codes', { customer: { source_id: SHOP_SOURCE_ID, email: 'bob@shop.example' } });

		expect((await jsonOf(onlyRequest())).customer).toEqual({ source_id: SHOP_SOURCE_ID, email: 'bob@shop.example' });
		expect(publication.tracking_id).toBe(SHOP_SOURCE_ID);
	});

	test('resolves with the publication and a fresh single-use code from the campaign', async () => {
		const { client, trackingId } = await makeKnownVisitor();
		const publication = await client.publish('Welcome Codes');

		expect(publication).toMatchObject({
			object: 'publication',
			result: 'SUCCESS',
			tracking_id: trackingId,
			channel: 'voucherify-browser',
			voucher: { campaign: 'Welcome Codes', discount: { type: 'PERCENT', percent_off: 15 }, redemption: { quantity: 1 } },
		});
		expect(publication.voucher.code).toMatch(/^WELCOME-[A-Za-z0-9]{8}$/);
		expect(api.getVoucher(publication.voucher.code)).toBeDefined();
	});

	test('a first publish keeps the tracking id the API answers with', async () => {
		const client = makeClient();
		const publication = await client.publish('Welcome Codes');

		expect(publication.tracking_id).toMatch(TRACKING_ID);
		expect(client.trackingId).toBe(publication.tracking_id);
	});

	test('rejects an unknown campaign with VoucherifyApiError 404 not_found', async () => {
		const error = await expectApiError(makeClient().publish('No Such Campaign'), 404, 'not_found');

		expect(error.body).toMatchObject({ resource_type: 'campaign', resource_id: 'No Such Campaign' });
	});

	test('rejects a campaign that has no codes to publish with VoucherifyApiError 400', async () => {
		await expectApiError(makeClient().publish('Spring Promotions'), 400, 'campaign_not_publishable');
	});

	test.each([
		['an empty campaign', () => makeClient().publish(''), 'campaign'],
		['a blank campaign', () => makeClient().publish('   '), 'campaign'],
		['a campaign that is not a string', () => makeClient().publish(undefined as never), 'campaign'],
		['a tracking_id in the body', () => makeClient().publish('Welcome Codes', { tracking_id: 'track_mine' } as PublishParams), 'tracking_id'],
		['metadata that is not an object', () => makeClient().publish('Welcome Codes', { metadata: 'footer' } as never), 'metadata'],
	])('rejects %s with VoucherifyInvalidInputError and sends nothing', async (_, run, field) => {
		await expectInvalidInput(run, field);
	});
});
