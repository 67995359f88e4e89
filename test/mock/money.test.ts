import { describe, expect, test } from 'vitest';
import { DEFAULT_VOUCHERS } from '../../src/mock/index.js';
import { MAX_AMOUNT } from '../../src/shared/money.js';
import { clientCall, serverCall, TRANSPORTS, validate } from './support.js';

/**
 * Every amount the mock computes is exact, or the request is refused naming the field: MAX_AMOUNT
 * (2^53 − 1, src/shared/money.ts) bounds what is accepted and what is computed.
 */

const VOUCHERS = [...DEFAULT_VOUCHERS, { code: 'QUARTER', discount: { type: 'PERCENT' as const, percent_off: 25 } }];

interface OrderAnswer {
	readonly valid?: boolean;
	readonly order?: { amount: number; total_discount_amount: number; total_amount: number; items?: { amount: number }[] };
	readonly key?: string;
	readonly details?: string;
}

describe.each(TRANSPORTS)('exact money over $transport', ({ use }) => {
	const target = use({ vouchers: VOUCHERS });

	test('MAX_AMOUNT is 2^53 - 1, the largest integer a JSON number read by JavaScript holds exactly', () => {
		expect(MAX_AMOUNT).toBe(9_007_199_254_740_991);
		expect(Number.isSafeInteger(MAX_AMOUNT)).toBe(true);
		expect(Number.isSafeInteger(MAX_AMOUNT + 1)).toBe(false);
	});

	test('a 16-digit amount in the validate query is accepted and answered exactly', async () => {
		const answer = await validate(target, { code: 'SAVE5', amount: '9007199254740991' });
		expect(answer.status).toBe(200);
		expect((answer.body as OrderAnswer).order).toMatchObject({ amount: 9_007_199_254_740_991, total_discount_amount: 500, total_amount: 9_007_199_254_740_491 });
	});

	test('an amount past MAX_AMOUNT in the validate query is refused with invalid_amount', async () => {
		for (const amount of ['9007199254740992', '10000000000000000']) {
			const answer = await validate(target, { code: 'SAVE5', amount });
			expect(answer.status).toBe(400);
			expect(answer.body).toMatchObject({ key: 'invalid_amount' });
		}
	});

	test('a percentage of a 16-digit amount is rounded exactly (25% of 9007199254740990 is ...247.5, so ...248)', async () => {
		const answer = await validate(target, { code: 'QUARTER', amount: '9007199254740990' });
		// Floating point says 2251799813685247: 9007199254740990 × 25 is past 2^53 and rounds down.
		expect((answer.body as OrderAnswer).order?.total_discount_amount).toBe(2_251_799_813_685_248);
	});

	test('price 9007199254740991 × quantity 3 in a body is refused with 400 invalid_payload naming the line amount', async () => {
		const answer = await clientCall<OrderAnswer>(target, 'POST', '/validations', {
			body: { redeemables: [{ object: 'voucher', id: 'SAVE5' }], order: { items: [{ product_id: 'p', price: 9_007_199_254_740_991, quantity: 3 }] } },
		});
		expect(answer.status).toBe(400);
		expect(answer.body.key).toBe('invalid_payload');
		expect(answer.body.details).toMatch(/^order\.items\[0\]\.amount /);
	});

	test('999999999999999 × 999999999999999 in the validate query is refused naming item[0].amount', async () => {
		const answer = await validate(target, { code: 'SAVE5', 'item[0][product_id]': 'p', 'item[0][price]': '999999999999999', 'item[0][quantity]': '999999999999999' });
		expect(answer.status).toBe(400);
		expect((answer.body as OrderAnswer).details).toMatch(/^item\[0\]\.amount /);
	});

	test('lines that each fit but sum past MAX_AMOUNT are refused naming order.amount', async () => {
		const line = { product_id: 'p', amount: 5_000_000_000_000_000 };
		const answer = await clientCall<OrderAnswer>(target, 'POST', '/validations', { body: { redeemables: [{ object: 'voucher', id: 'SAVE5' }], order: { items: [line, line] } } });
		expect(answer.status).toBe(400);
		expect(answer.body.details).toMatch(/^order\.amount /);
	});

	test('the largest line that fits is computed exactly', async () => {
		const answer = await clientCall<OrderAnswer>(target, 'POST', '/validations', {
			body: { redeemables: [{ object: 'voucher', id: 'SAVE5' }], order: { items: [{ product_id: 'p', price: 3_002_399_751_580_330, quantity: 3 }] } },
		});
		expect(answer.status).toBe(200);
		expect(answer.body.order?.amount).toBe(9_007_199_254_740_990);
	});

	test("a redemption that would take a customer's lifetime order total past MAX_AMOUNT is refused and changes nothing", async () => {
		const redeem = () => serverCall(target, 'POST', '/vouchers/SAVE5/redemption', { body: { customer: { source_id: 'whale' }, order: { amount: 5_000_000_000_000_000 } } });
		expect((await redeem()).status).toBe(200);
		const refused = await redeem();
		expect(refused.status).toBe(400);
		expect(refused.body).toMatchObject({ key: 'invalid_payload' });
		expect(target.api.getCustomer('whale')?.summary.orders).toMatchObject({ total_amount: 5_000_000_000_000_000, total_count: 1 });
	});
});
