import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { VoucherifyInvalidInputError, type StackableParams } from '../../src/index.js';
import { ANSWERED_TRACKING_ID, CLIENT_BASE, CODE, bodyJson, makeClient, requests, server, useApi } from './support/api.js';

const PARAMS: StackableParams = {
	redeemables: [
		{ object: 'voucher', id: CODE },
		{ object: 'promotion_tier', id: 'promo_tier_1' },
	],
	order: { amount: 10_000, items: [{ sku_id: 'sku_1', quantity: 2, price: 5000 }] },
	customer: { source_id: 'cust_1' },
};

useApi();

test('posts the params to /client/v1/validations as JSON', async () => {
	await makeClient().validateStackable(PARAMS);

	expect(requests[0]?.method).toBe('POST');
	expect(requests[0]?.url.href).toBe(`${CLIENT_BASE}/validations`);
	expect(await bodyJson(requests[0])).toEqual(PARAMS);
});

test('sends no tracking_id on the first call of a new visitor', async () => {
	await makeClient().validateStackable(PARAMS);

	expect(await bodyJson(requests[0])).not.toHaveProperty('tracking_id');
});

test('injects the tracking id answered by the first call into the body of later calls', async () => {
	const client = makeClient();
	await client.validateStackable(PARAMS);
	await client.validateStackable(PARAMS);

	expect(await bodyJson(requests[1])).toEqual({ ...PARAMS, tracking_id: ANSWERED_TRACKING_ID });
});

test('injects the tracking id learned from a validate into a later stackable body', async () => {
	const client = makeClient();
	await client.validate(CODE);
	await client.validateStackable(PARAMS);

	expect((await bodyJson(requests[1])).tracking_id).toBe(ANSWERED_TRACKING_ID);
});

test("does not change the caller's params object when it injects the tracking id", async () => {
	const client = makeClient();
	await client.validate(CODE);
	const params: StackableParams = { redeemables: [{ object: 'voucher', id: CODE }] };
	await client.validateStackable(params);

	expect(params).toEqual({ redeemables: [{ object: 'voucher', id: CODE }] });
});

test('rejects a caller-supplied tracking_id with the invalid-input error and sends nothing', async () => {
	const params = { ...PARAMS, tracking_id: ANSWERED_TRACKING_ID } as StackableParams;

	const error = await makeClient().validateStackable(params).catch((caught: unknown) => caught);

	expect(error).toBeInstanceOf(VoucherifyInvalidInputError);
	expect(error).toMatchObject({ field: 'tracking_id' });
	expect(requests).toHaveLength(0);
});

test.each([
	['no redeemables', { redeemables: [] }, 'redeemables'],
	['an unknown redeemable object', { redeemables: [{ object: 'coupon', id: CODE }] }, 'redeemables[0]'],
	['an empty redeemable id', { redeemables: [{ object: 'voucher', id: ' ' }] }, 'redeemables[0].id'],
	['a fractional order amount', { redeemables: [{ object: 'voucher', id: CODE }], order: { amount: 10.5 } }, 'order.amount'],
	['a customer given as a string', { redeemables: [{ object: 'voucher', id: CODE }], customer: 'cust_1' }, 'customer'],
])('rejects %s with the invalid-input error before any request', async (_case, params, field) => {
	const error = await makeClient()
		.validateStackable(params as unknown as StackableParams)
		.catch((caught: unknown) => caught);

	expect(error).toBeInstanceOf(VoucherifyInvalidInputError);
	expect(error).toMatchObject({ field });
	expect(requests).toHaveLength(0);
});

test('resolves with the per-redeemable statuses the API answered', async () => {
	server.use(
		http.post(`${CLIENT_BASE}/validations`, () =>
			HttpResponse.json({
				valid: false,
				redeemables: [{ status: 'INAPPLICABLE', object: 'voucher', id: CODE, result: { error: { key: 'voucher_expired' } } }],
				tracking_id: ANSWERED_TRACKING_ID,
			}),
		),
	);

	const result = await makeClient().validateStackable({ redeemables: [{ object: 'voucher', id: CODE }] });

	expect(result.valid).toBe(false);
	expect(result.redeemables[0]?.status).toBe('INAPPLICABLE');
});
