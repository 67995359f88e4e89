import { describe, expect, test } from 'vitest';
import type { ValidateParams } from '../../src/index.js';
import { encodeValidateQuery } from '../../src/client/query.js';
import { normalizeValidateParams } from '../../src/client/validate-params.js';
import { validationOf } from '../../src/client/validation-answer.js';
import { MOCK_DEFAULTS } from '../../src/mock/index.js';
import { CLIENT_V1, MOCK_URL, jsonOf, makeClient, onlyRequest, requests, useMockApi } from './support/mock-api.js';

/**
validate() sends a code through `POST /client/v1/validations` and maps the stack's answer to the one-code shape. Each
case here asks the mock both ways for one visitor: the SDK's answer must equal, field for field, what the deprecated
`GET /client/v1/validate` answers for the same code, cart and visitor.
*/

useMockApi();

const VISITOR = 'track_c2FtZS12aXNpdG9y';
const CLIENT_HEADERS = { 'X-Client-Application-Id': MOCK_DEFAULTS.clientApplicationId, 'X-Client-Token': MOCK_DEFAULTS.clientToken };
const SERVER_HEADERS = { 'X-App-Id': MOCK_DEFAULTS.applicationId, 'X-App-Token': MOCK_DEFAULTS.secretKey, 'Content-Type': 'application/json' };

/** What the deprecated GET answers for these params and this visitor. */
async function legacyAnswer(params: ValidateParams): Promise<Record<string, unknown>> {
	const query = encodeValidateQuery(normalizeValidateParams(params), VISITOR);
	const response = await fetch(`${CLIENT_V1}/validate?${query}`, { headers: CLIENT_HEADERS });
	expect(response.status).toBe(200);
	return (await response.json()) as Record<string, unknown>;
}

/** The SDK's answer, from one POST /validations. */
async function sdkAnswer(params: ValidateParams) {
	requests.length = 0;
	const answer = await makeClient({ trackingId: VISITOR }).validate(params);
	expect(onlyRequest().url.href).toBe(`${CLIENT_V1}/validations`);
	return answer;
}

const expectSameAnswer = async (params: ValidateParams) => {
	const answer = await sdkAnswer(params);
	expect(answer).toEqual(await legacyAnswer(params));
	return answer;
};

describe('validate() answers exactly what GET /client/v1/validate answers', () => {
	test('valid: the discount, the campaign (null for a standalone voucher), applicable_to and the order totals', async () => {
		const answer = await expectSameAnswer({ code: 'WELCOME10', amount: 20_000 });
		expect(answer).toMatchObject({
			valid: true,
			code: 'WELCOME10',
			discount: { type: 'PERCENT', percent_off: 10 },
			campaign: null,
			campaign_id: null,
			order: { amount: 20_000, total_discount_amount: 2000, total_amount: 18_000 },
			tracking_id: VISITOR,
		});
	});

	test('valid: a code published from a campaign carries the campaign name and id', async () => {
		const { voucher } = await makeClient({ trackingId: VISITOR }).publish('Welcome Codes');
		const answer = await expectSameAnswer({ code: voucher.code, amount: 10_000 });
		expect(answer).toMatchObject({ valid: true, campaign: 'Welcome Codes', campaign_id: 'camp_welcome_codes' });
	});

	test('amounts and totals: items, an amount limit, order and call metadata', async () => {
		const params: ValidateParams = {
			code: 'BIGSALE20',
			items: [
				{ product_id: 'prod_socks', quantity: 3, price: 2500 },
				{ sku_id: 'sku_mug', quantity: 1, price: 4500 },
			],
			metadata: { channel: 'web' },
			orderMetadata: { gift_wrap: 'yes' },
		};
		const answer = await expectSameAnswer(params);
		expect(answer).toMatchObject({ valid: true, order: { amount: 12_000, total_discount_amount: 1000, total_amount: 11_000, metadata: { gift_wrap: 'yes' } } });
	});

	test('metadata keeps its JSON types: a boolean or number arrives as one (the GET query made it text)', async () => {
		const answer = await sdkAnswer({ code: 'SAVE5', amount: 1000, orderMetadata: { gift_wrap: true, boxes: 2 } });
		expect(answer).toMatchObject({ valid: true, order: { metadata: { gift_wrap: true, boxes: 2 } } });
		expect(await legacyAnswer({ code: 'SAVE5', amount: 1000, orderMetadata: { gift_wrap: true, boxes: 2 } })).toMatchObject({ order: { metadata: { gift_wrap: 'true', boxes: '2' } } });
	});

	test('a unit discount lists its product in applicable_to', async () => {
		const answer = await expectSameAnswer({ code: 'FREEITEM', items: [{ product_id: 'prod_socks', quantity: 2, price: 1200 }] });
		expect(answer).toMatchObject({ valid: true, applicable_to: { data: [{ id: 'prod_socks' }], total: 1 } });
	});

	test('gift card: the gift (amount and balance, not the stack’s credits) and the credits taken off the order', async () => {
		const answer = await expectSameAnswer({ code: 'GIFT50', amount: 3000 });
		expect(answer).toMatchObject({ valid: true, gift: { amount: 5000, balance: 5000 }, order: { total_amount: 0 } });
		expect(answer).not.toHaveProperty('discount');
		expect(answer.valid && answer.gift).not.toHaveProperty('credits');
	});

	test('a session: the lock the API opened', async () => {
		const answer = await expectSameAnswer({ code: 'SAVE5', amount: 1000, session: { key: 'cart-9', ttl: 10, ttlUnit: 'MINUTES' } });
		expect(answer).toMatchObject({ valid: true, session: { key: 'cart-9', type: 'LOCK' } });
	});

	test.each([
		['unknown code', 'NO-SUCH-CODE', 'voucher not found', 'not_found'],
		['expired', 'EXPIRED', 'voucher expired', 'voucher_expired'],
		['not active yet', 'NOTYET', 'voucher not active', 'voucher_not_active'],
		['disabled', 'DISABLED', 'voucher is disabled', 'voucher_disabled'],
	])('invalid, %s: { valid: false, code, reason, error, metadata }', async (_label, code, reason, key) => {
		const answer = await expectSameAnswer({ code, amount: 1000 });
		expect(answer).toMatchObject({ valid: false, code, reason, error: { key }, tracking_id: VISITOR });
	});

	test('rules violated by the order: a unit discount on a product the cart lacks', async () => {
		const answer = await expectSameAnswer({ code: 'FREEITEM', items: [{ product_id: 'prod_mug', quantity: 1, price: 900 }] });
		expect(answer).toMatchObject({ valid: false, reason: 'order does not match validation rules', error: { key: 'order_rules_violated' } });
	});

	test('rules violated by the customer: the rule’s own error message reaches the shopper', async () => {
		const rule = await fetch(`${MOCK_URL}/v1/validation-rules`, {
			method: 'POST',
			headers: SERVER_HEADERS,
			body: JSON.stringify({ name: 'VIPs only', error: { message: 'Only VIPs can use this code' }, rules: { '1': { name: 'customer.metadata', property: 'vip', conditions: { $is: [true] } }, logic: '1' } }),
		}).then((response) => response.json() as Promise<{ id: string }>);
		await fetch(`${MOCK_URL}/v1/validation-rules/${rule.id}/assignments`, { method: 'POST', headers: SERVER_HEADERS, body: JSON.stringify({ voucher: 'SAVE5' }) });

		const answer = await expectSameAnswer({ code: 'SAVE5', amount: 1000 });
		expect(answer).toMatchObject({
			valid: false,
			reason: 'customer does not match validation rules',
			error: { key: 'customer_rules_violated', message: 'Only VIPs can use this code' },
		});
	});

	test('sends the customer id and source_id in the body, and an unknown id is the same 404 either way', async () => {
		await expect(makeClient({ trackingId: VISITOR }).validate({ code: 'SAVE5', customer: { id: 'cust_unknown' } })).rejects.toMatchObject({ status: 404 });
		expect(await jsonOf(requests.at(-1))).toMatchObject({ customer: { id: 'cust_unknown' } });
		const legacy = await fetch(`${CLIENT_V1}/validate?code=SAVE5&customer%5Bid%5D=cust_unknown`, { headers: CLIENT_HEADERS });
		expect(legacy.status).toBe(404);
	});
});

describe('the mapping on its own', () => {
	test('names the reason of any rule key the way the legacy answer does', () => {
		const stack = (key: string) => ({ valid: false, redeemables: [{ status: 'INAPPLICABLE' as const, id: 'C', object: 'voucher' as const, result: { error: { key } } }] });
		expect(validationOf(stack('redemption_rules_violated'), 'C')).toMatchObject({ valid: false, reason: 'redemption does not match validation rules' });
		expect(validationOf(stack('quantity_exceeded'), 'C')).toMatchObject({ reason: 'quantity exceeded' });
		expect(validationOf(stack('gift_amount_exceeded'), 'C')).toMatchObject({ reason: 'gift amount exceeded' });
	});

	test('a skipped redeemable is not valid', () => {
		expect(validationOf({ valid: false, redeemables: [{ status: 'SKIPPED', id: 'C', object: 'voucher' }] }, 'C')).toMatchObject({ valid: false, code: 'C' });
	});
});
